// Renders the endpoint's CSV exports (proxied by the demo server with the demo admin token) as tables.
// DOM built with textContent only: stored answers are untrusted text.

/** RFC 4180 parser: quoted fields, doubled quotes, CRLF. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

function table(rows, columns) {
  const [header, ...body] = rows;
  const keep = columns ? columns.map((c) => header.indexOf(c)).filter((i) => i >= 0) : header.map((_, i) => i);
  const el = document.createElement('table');
  const head = el.createTHead().insertRow();
  for (const i of keep) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = header[i];
    head.append(th);
  }
  const tbody = el.createTBody();
  for (const r of body.reverse()) {
    const tr = tbody.insertRow();
    for (const i of keep) tr.insertCell().textContent = r[i] ?? '';
  }
  return el;
}

const SIGNUP_COLUMNS = ['received', 'partner', 'name', 'email', 'phone', 'preferred contact', 'relationship', 'interests', 'ways to take part', 'availability', 'format', 'access needs'];
const FEEDBACK_COLUMNS = ['received', 'partner', 'service', 'rating', 'what went well', 'what could be better', 'anonymous', 'wants reply', 'name', 'email'];

async function showCsv(kind, columns) {
  const res = await fetch(`/stored/${kind}.csv`, { cache: 'no-store' });
  const target = document.getElementById(kind);
  if (!res.ok) {
    target.textContent = `Could not read the export (${res.status}).`;
    return;
  }
  const rows = parseCsv(await res.text());
  document.getElementById(`${kind}-count`).textContent = `(${rows.length - 1})`;
  target.replaceChildren(rows.length > 1 ? table(rows, columns) : Object.assign(document.createElement('p'), { textContent: 'Nothing yet: send the form on the partner page.' }));
}

async function showMeetings() {
  const res = await fetch('/stored/meetings.json', { cache: 'no-store' });
  if (!res.ok) return;
  const { meetings } = await res.json();
  const rows = [['start', 'collaborative', 'title', 'format', 'status'], ...meetings.map((m) => [m.start, m.collaborative, m.title, m.format, m.status]).reverse()];
  document.getElementById('meetings').replaceChildren(table(rows));
}

async function refresh() {
  try {
    await Promise.all([showCsv('signups', SIGNUP_COLUMNS), showCsv('feedback', FEEDBACK_COLUMNS), showMeetings()]);
    document.getElementById('updated').textContent = ` Updated ${new Date().toLocaleTimeString('en-GB')}.`;
  } catch {
    document.getElementById('updated').textContent = ' The demo server is not answering.';
  }
}

refresh();
setInterval(refresh, 4000);
