/**
 * A throwaway WordPress (Debian's `wordpress` package, copied into a temp dir so the machine's
 * /etc/wordpress config is never read or touched) on a throwaway MariaDB (own datadir, own socket,
 * no networking, no grant tables), served by `php -S 127.0.0.1:<port>`. For test/wordpress/*.test.mjs.
 * Everything lives under one temp dir and `stop()` kills both servers and removes it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const WORDPRESS_SOURCE = process.env.WORDPRESS_DIR || '/usr/share/wordpress';

export interface WordPress {
  origin: string;
  dir: string;
  /** Runs PHP code with WordPress loaded (as no one, unless the code sets a user); returns stdout. */
  php(code: string): string;
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function must(command: string, args: string[], options: Parameters<typeof spawnSync>[2] = {}): string {
  const r = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (r.error) throw new Error(`${command}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}:\n${String(r.stdout).slice(-2000)}\n${String(r.stderr).slice(-2000)}`);
  return String(r.stdout);
}

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return;
    await sleep(150);
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function startWordPress(): Promise<WordPress> {
  const tmp = mkdtempSync(join(tmpdir(), 'involve-wp-'));
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        // php -S runs its workers in its own process group (detached): stop the whole group.
        const kill = (signal: NodeJS.Signals) => {
          try {
            process.kill(-child.pid!, signal);
          } catch {
            child.kill(signal);
          }
        };
        kill('SIGTERM');
        await Promise.race([exited, sleep(10_000)]);
        if (child.exitCode === null && child.signalCode === null) kill('SIGKILL');
      }
    }
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    // ---- MariaDB -----------------------------------------------------------------------------
    const datadir = join(tmp, 'db');
    const socket = join(tmp, 'mysqld.sock');
    const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
    must('mariadb-install-db', ['--no-defaults', `--datadir=${datadir}`, '--skip-test-db', '--auth-root-authentication-method=normal', ...asRoot]);
    const mysqld = spawn('mariadbd', [
      '--no-defaults', `--datadir=${datadir}`, `--socket=${socket}`, `--pid-file=${join(tmp, 'mysqld.pid')}`,
      '--skip-networking', '--skip-grant-tables', '--skip-log-bin', '--innodb-buffer-pool-size=16M',
      '--innodb-log-file-size=8M', `--log-error=${join(tmp, 'mysqld.err')}`, ...asRoot,
    ], { stdio: 'ignore', detached: true });
    children.push(mysqld);
    await until('MariaDB', () => existsSync(socket) && spawnSync('mariadb-admin', ['--no-defaults', `--socket=${socket}`, '-u', 'root', 'ping']).status === 0);
    must('mariadb', ['--no-defaults', `--socket=${socket}`, '-u', 'root', '-e', 'CREATE DATABASE wp CHARACTER SET utf8mb4']);

    // ---- WordPress files: a private copy, our own wp-config.php and wp-content ----------------
    const wp = join(tmp, 'wp');
    // (Debian's copy has relative symlinks into /usr/share/javascript: copied as absolute ones.)
    cpSync(WORDPRESS_SOURCE, wp, { recursive: true, dereference: false, verbatimSymlinks: false });
    rmSync(join(wp, 'wp-content'), { recursive: true, force: true });
    mkdirSync(join(wp, 'wp-content/plugins'), { recursive: true });
    mkdirSync(join(wp, 'wp-content/uploads'), { recursive: true });
    const theme = join(wp, 'wp-content/themes/involve-test');
    mkdirSync(theme, { recursive: true });
    writeFileSync(join(theme, 'style.css'), '/*\nTheme Name: Involve test\n*/\n');
    // A classic theme as plain as they come: the post's title and content, wp_head and wp_footer.
    writeFileSync(join(theme, 'index.php'), `<!doctype html><html <?php language_attributes(); ?>><head><meta charset="utf-8"><?php wp_head(); ?></head>
<body><main><?php while (have_posts()) : the_post(); ?><article><h1><?php the_title(); ?></h1><?php the_content(); ?></article><?php endwhile; ?></main><?php wp_footer(); ?></body></html>\n`);

    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const salt = () => Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
    writeFileSync(join(wp, 'wp-config.php'), `<?php
define('DB_NAME', 'wp');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
$table_prefix = 'wp_';
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'].map((k) => `define('${k}', '${salt()}');`).join('\n')}
define('WP_HOME', '${origin}');
define('WP_SITEURL', '${origin}');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_CONTENT_URL', '${origin}/wp-content');
// As on managed hosts: nobody, not even an Administrator, may post raw <script>.
define('DISALLOW_UNFILTERED_HTML', true);
define('DISALLOW_FILE_MODS', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '${join(tmp, 'debug.log')}');
define('WP_ENVIRONMENT_TYPE', 'local');
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`);
    // php -S: real files as they are (PHP runs), everything else through index.php.
    writeFileSync(join(tmp, 'router.php'), `<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = $_SERVER['DOCUMENT_ROOT'] . $path;
if ($path !== '/' && (is_file($file) || is_file(rtrim($file, '/') . '/index.php'))) return false;
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
`);
    const php = (code: string): string => {
      const file = join(tmp, `run-${Date.now()}-${Math.random().toString(36).slice(2)}.php`);
      writeFileSync(file, `<?php\n$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';\n$_SERVER['REQUEST_URI'] = '/';\n${code}\n`);
      try {
        return must('php', [file], { cwd: wp });
      } finally {
        rmSync(file, { force: true });
      }
    };
    const server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', wp, join(tmp, 'router.php')], { stdio: ['ignore', 'ignore', 'pipe'], detached: true, env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' } });
    children.push(server);
    let serverLog = '';
    server.stderr?.on('data', (d) => (serverLog = (serverLog + d).slice(-4000)));
    await until('php -S', () => spawnSync('php', ['-r', `exit(@fsockopen('127.0.0.1', ${port}) ? 0 : 1);`]).status === 0);
    return {
      origin,
      dir: wp,
      php,
      async stop() {
        await stop();
      },
      get log() {
        const debug = existsSync(join(tmp, 'debug.log')) ? readFileSync(join(tmp, 'debug.log'), 'utf8') : '';
        return `${serverLog}\n${debug}`;
      },
    } as WordPress;
  } catch (error) {
    await stop();
    throw error;
  }
}
