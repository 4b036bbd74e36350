#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the server's storage tests.
#
#   scripts/pg-test-cluster.sh start         # prints postgres://postgres@127.0.0.1:PORT/postgres
#   scripts/pg-test-cluster.sh stop [URL]    # stops and deletes that cluster (no URL: the last one started)
#   scripts/pg-test-cluster.sh stop --all    # every cluster this script started (other people's too!)
#
# Works as root on Debian with the `postgresql` package installed (initdb refuses to run as root, so
# the cluster belongs to the `postgres` user) and as an ordinary user. Trust auth, loopback only,
# fsync off: for tests, never for data anyone cares about.
set -euo pipefail

PREFIX="${TMPDIR:-/tmp}/involve-pg-test"

pg_bin() {
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z "$d" ]]; then echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; fi
  echo "$d"
}

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start() {
  local bin port dir
  bin=$(pg_bin)
  port=$(free_port)
  dir="$PREFIX.$port"
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  echo "postgres://postgres@127.0.0.1:$port/postgres" | tee "$PREFIX.last"
}

stop_dir() {
  local dir="$1" bin
  bin=$(pg_bin)
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

stop() {
  local target="${1:-}"
  if [[ "$target" == "--all" ]]; then
    local dir
    for dir in "$PREFIX".*; do [[ -d "$dir" ]] && stop_dir "$dir"; done
    rm -f "$PREFIX.last"
    return
  fi
  if [[ -z "$target" ]]; then
    [[ -f "$PREFIX.last" ]] || { echo "no cluster recorded; give its URL or --all" >&2; exit 1; }
    target=$(cat "$PREFIX.last")
  fi
  local port
  port=$(sed -E 's#^.*:([0-9]+)/.*$#\1#' <<<"$target")
  [[ "$port" =~ ^[0-9]+$ ]] || { echo "not a cluster URL: $target" >&2; exit 2; }
  stop_dir "$PREFIX.$port"
  if [[ -f "$PREFIX.last" && "$(cat "$PREFIX.last")" == "$target" ]]; then rm -f "$PREFIX.last"; fi
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "${1:-}" ;;
  *) echo "usage: $0 start | stop [postgres://…|--all]" >&2; exit 2 ;;
esac
