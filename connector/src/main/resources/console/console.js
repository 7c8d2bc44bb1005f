// The LienThong web console: a small page over the operations API (/ops/v1), Vietnamese first with an English switch.
// No build step and no library. Server data is only ever written as text (textContent), never as HTML.
'use strict';

const TEXT = {
  vi: {
    title: 'Bảng điều khiển bộ kết nối LienThong',
    'nav.dashboard': 'Tổng quan', 'nav.held': 'Gói tin bị giữ lại', 'nav.documents': 'Văn bản',
    'nav.deadLetters': 'Thư chết', 'nav.clients': 'Hệ thống QLVB',
    signOut: 'Đăng xuất', switchTo: 'English', signedInAs: 'Người dùng',
    'login.title': 'Đăng nhập', 'login.name': 'Tên đăng nhập', 'login.password': 'Mật khẩu', 'login.submit': 'Đăng nhập',
    'dash.axis': 'Trục liên thông', 'dash.reachable': 'Kết nối được', 'dash.lastPoll': 'Lần nhận gói tin gần nhất',
    'dash.failingSince': 'Lỗi từ', 'dash.lastFailure': 'Lỗi gần nhất', 'dash.held': 'Gói tin nhận bị giữ lại',
    'dash.refused': 'Bị từ chối', 'dash.quarantined': 'Bị cách ly', 'dash.outbound': 'Văn bản gửi đi',
    'dash.inbound': 'Văn bản nhận về', 'dash.updated': 'Cập nhật lúc', yes: 'Có', no: 'Không', unknown: 'Chưa rõ',
    never: 'Chưa có', 'dash.queues': 'Hàng đợi', 'dash.certificates': 'Chứng thư số', 'dash.disk': 'Dung lượng đĩa',
    'held.help': 'Gói tin nhận từ trục bị từ chối hoặc cách ly. Chuyển tiếp để giao cho hệ thống QLVB, hoặc loại bỏ kèm lý do.',
    'held.reason': 'Lý do', 'held.releaseSelected': 'Chuyển tiếp các gói đã chọn',
    'held.discardSelected': 'Loại bỏ các gói đã chọn', 'held.key': 'Mã', 'held.state': 'Trạng thái',
    'held.sender': 'Nơi gửi', 'held.code': 'Số, ký hiệu', 'held.received': 'Nhận lúc', 'held.why': 'Lý do giữ lại',
    'held.empty': 'Không có gói tin nào bị giữ lại.', release: 'Chuyển tiếp', discard: 'Loại bỏ',
    'held.noneSelected': 'Chưa chọn gói tin nào.', 'held.reasonNeeded': 'Cần nêu lý do loại bỏ.',
    'held.released': 'Đã chuyển tiếp', 'held.discarded': 'Đã loại bỏ', 'held.failed': 'Không thực hiện được',
    'held.details': 'Xem lý do và nhật ký', 'held.findings': 'Lý do giữ lại', 'held.events': 'Nhật ký truyền nhận',
    'clients.id': 'Mã', 'clients.name': 'Tên', 'clients.agencies': 'Đơn vị', 'clients.delivery': 'Nhận văn bản qua',
    'clients.authentication': 'Xác thực',
    REFUSED: 'Bị từ chối', QUARANTINED: 'Bị cách ly', RECEIVED: 'Đã nhận', QUEUED: 'Đang chờ gửi', SENT: 'Đã gửi',
    DELIVERED: 'Đã giao', DEAD_LETTERED: 'Thư chết', DISCARDED: 'Đã loại bỏ',
    FOLDER: 'Thư mục', WEBHOOK: 'Webhook', JMS: 'Hàng đợi JMS', PULL: 'Tự lấy (API)',
    ERROR: 'lỗi', WARNING: 'cảnh báo',
    API_KEY: 'Khóa API', CERTIFICATE: 'Chứng thư TLS', API_KEY_AND_CERTIFICATE: 'Khóa API và chứng thư TLS', NONE: 'Không',
    'error.network': 'Không kết nối được tới bộ kết nối.'
  },
  en: {
    title: 'LienThong connector console',
    'nav.dashboard': 'Dashboard', 'nav.held': 'Held packages', 'nav.documents': 'Documents',
    'nav.deadLetters': 'Dead letters', 'nav.clients': 'DMS clients',
    signOut: 'Sign out', switchTo: 'Tiếng Việt', signedInAs: 'User',
    'login.title': 'Sign in', 'login.name': 'User name', 'login.password': 'Password', 'login.submit': 'Sign in',
    'dash.axis': 'Document axis', 'dash.reachable': 'Reachable', 'dash.lastPoll': 'Last successful poll',
    'dash.failingSince': 'Failing since', 'dash.lastFailure': 'Last failure', 'dash.held': 'Held inbound packages',
    'dash.refused': 'Refused', 'dash.quarantined': 'Quarantined', 'dash.outbound': 'Outbound documents',
    'dash.inbound': 'Inbound documents', 'dash.updated': 'Updated at', yes: 'Yes', no: 'No', unknown: 'Not known yet',
    never: 'Never', 'dash.queues': 'Queues', 'dash.certificates': 'Certificates', 'dash.disk': 'Disk',
    'held.help': 'Packages from the axis that were refused or quarantined. Release one to deliver it to the DMS, or discard it with a reason.',
    'held.reason': 'Reason', 'held.releaseSelected': 'Release selected', 'held.discardSelected': 'Discard selected',
    'held.key': 'Key', 'held.state': 'State', 'held.sender': 'Sender', 'held.code': 'Number and symbol',
    'held.received': 'Received', 'held.why': 'Why held', 'held.empty': 'No package is held.',
    release: 'Release', discard: 'Discard', 'held.noneSelected': 'No package is selected.',
    'held.reasonNeeded': 'A reason for discarding is required.', 'held.released': 'Released',
    'held.discarded': 'Discarded', 'held.failed': 'Not done',
    'held.details': 'Show the reasons and the log', 'held.findings': 'Why it is held', 'held.events': 'Transmission log',
    'clients.id': 'Id', 'clients.name': 'Name', 'clients.agencies': 'Agencies', 'clients.delivery': 'Receives documents by',
    'clients.authentication': 'Authentication',
    REFUSED: 'Refused', QUARANTINED: 'Quarantined', RECEIVED: 'Received', QUEUED: 'Queued', SENT: 'Sent',
    DELIVERED: 'Delivered', DEAD_LETTERED: 'Dead-lettered', DISCARDED: 'Discarded',
    FOLDER: 'Folder', WEBHOOK: 'Webhook', JMS: 'JMS queue', PULL: 'Pull (API)',
    ERROR: 'error', WARNING: 'warning',
    API_KEY: 'API key', CERTIFICATE: 'TLS certificate', API_KEY_AND_CERTIFICATE: 'API key and TLS certificate', NONE: 'None',
    'error.network': 'The connector cannot be reached.'
  }
};

// Pages served by other parts of the operations API: their entries show only when the API answers the probe.
const EXTENSIONS = [
  { view: 'documents', nav: 'nav-documents', probe: '/ops/v1/documents?limit=1' },
  { view: 'dead-letters', nav: 'nav-dead-letters', probe: '/ops/v1/dead-letters?limit=1' }
];
// Resources whose answer the dashboard shows as a card of its own when the API has them (not 404 or 405).
const DASHBOARD_EXTRAS = [{ name: 'queues', path: '/ops/v1/queues' }];
const absent = (status) => status === 404 || status === 405 || status === 0;

const state = { lang: localStorage.getItem('lienthong.lang') || 'vi', csrf: null, user: null, roles: [], timer: null };
const $ = (selector) => document.querySelector(selector);
const t = (key) => (TEXT[state.lang][key] !== undefined ? TEXT[state.lang][key] : key);

function element(tag, text, className) {
  const made = document.createElement(tag);
  if (text !== undefined && text !== null) made.textContent = String(text);
  if (className) made.className = className;
  return made;
}

function when(iso) {
  if (!iso) return t('never');
  return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace('Z', ' UTC');
}

/** The API's errors, each in both languages: the chosen one first, then the other. */
function errorText(body) {
  const errors = (body && body.errors) || [];
  if (errors.length === 0) return t('error.network');
  return errors.map((e) => {
    const first = state.lang === 'vi' ? e.vi : e.en;
    const second = state.lang === 'vi' ? e.en : e.vi;
    return e.code + ': ' + first + '\n' + second;
  }).join('\n');
}

async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrf) headers['X-CSRF-Token'] = state.csrf;
  let response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    return { status: 0, body: null };
  }
  let json = null;
  try { json = await response.json(); } catch (e) { json = null; }
  if (response.status === 401 && state.user && path !== '/ops/v1/session') {
    signedOut();
  }
  return { status: response.status, body: json };
}

function translate() {
  document.documentElement.lang = state.lang;
  document.title = 'LienThong — ' + t('title');
  document.querySelectorAll('[data-t]').forEach((node) => { node.textContent = t(node.dataset.t); });
  const other = state.lang === 'vi' ? 'en' : 'vi';
  $('#lang-switch').textContent = t('switchTo');
  $('#lang-switch').lang = other;
  $('#signed-in-as').textContent = state.user ? t('signedInAs') + ': ' + state.user : '';
}

function show(view) {
  document.querySelectorAll('.view').forEach((node) => { node.hidden = node.id !== 'view-' + view; });
  document.querySelectorAll('#nav a').forEach((link) => {
    link.classList.toggle('active', link.getAttribute('href') === '#' + view);
  });
  $('#page-error').hidden = true;
  clearInterval(state.timer);
  if (view === 'dashboard') {
    loadDashboard();
    state.timer = setInterval(loadDashboard, 5000);
  } else if (view === 'held') {
    loadHeld();
  } else if (view === 'clients') {
    loadClients();
  } else if (view === 'documents' || view === 'dead-letters') {
    loadExtension(view);
  }
}

function route() {
  if (!state.user) { show('login'); return; }
  const wanted = location.hash.replace('#', '') || 'dashboard';
  const known = ['dashboard', 'held', 'clients', 'documents', 'dead-letters'];
  show(known.includes(wanted) ? wanted : 'dashboard');
}

function pageError(body) {
  $('#page-error').textContent = errorText(body);
  $('#page-error').hidden = false;
}

// --- signing in and out ---

async function signIn(event) {
  event.preventDefault();
  $('#login-error').hidden = true;
  const answer = await api('POST', '/ops/v1/session',
    { name: $('#login-name').value, password: $('#login-password').value });
  $('#login-password').value = '';
  if (answer.status !== 200) {
    $('#login-error').textContent = errorText(answer.body);
    $('#login-error').hidden = false;
    return;
  }
  signedIn(answer.body);
}

function signedIn(body) {
  state.user = body.user;
  state.csrf = body.csrf;
  state.roles = body.roles || [];
  // Release and discard are an operator's; a viewer sees the packages without the buttons.
  document.body.classList.toggle('may-operate', state.roles.includes('operator'));
  $('#nav').hidden = false;
  $('#sign-out').hidden = false;
  translate();
  probeExtensions();
  route();
}

function signedOut() {
  state.user = null;
  state.csrf = null;
  $('#nav').hidden = true;
  $('#sign-out').hidden = true;
  translate();
  show('login');
}

async function signOut() {
  await api('DELETE', '/ops/v1/session');
  signedOut();
}

async function probeExtensions() {
  for (const extension of EXTENSIONS) {
    const answer = await api('GET', extension.probe);
    // 404, or 405 where only the API's POST body handler matches the path: that API is not in this connector.
    $('#' + extension.nav).hidden = absent(answer.status);
  }
}

// --- dashboard ---

function stateTable(table, counts, prefix) {
  table.replaceChildren();
  Object.entries(counts || {}).forEach(([name, count]) => {
    const row = element('tr');
    row.appendChild(element('td', t(name)));
    const cell = element('td', count);
    cell.id = prefix + name;
    row.appendChild(cell);
    table.appendChild(row);
  });
}

/** A part of the overview this page has no special layout for: a table of its rows, or its fields. */
function genericCard(name, value) {
  const card = element('article', null, 'card');
  card.dataset.section = name;
  card.appendChild(element('h3', TEXT[state.lang]['dash.' + name] || name));
  card.appendChild(genericValue(value));
  return card;
}

function genericValue(value) {
  const rows = Array.isArray(value) ? value : null;
  if (rows && rows.length > 0 && typeof rows[0] === 'object') {
    const table = element('table');
    const head = element('tr');
    Object.keys(rows[0]).forEach((key) => head.appendChild(element('th', key)));
    table.appendChild(head);
    rows.forEach((item) => {
      const row = element('tr');
      Object.keys(rows[0]).forEach((key) => row.appendChild(element('td',
        item[key] !== null && typeof item[key] === 'object' ? JSON.stringify(item[key]) : item[key])));
      table.appendChild(row);
    });
    return table;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const list = element('dl');
    Object.entries(value).forEach(([key, item]) => {
      list.appendChild(element('dt', key));
      list.appendChild(element('dd', item !== null && typeof item === 'object' ? JSON.stringify(item) : item));
    });
    return list;
  }
  return element('p', Array.isArray(value) ? value.join(', ') : value);
}

async function loadDashboard() {
  const answer = await api('GET', '/ops/v1/overview');
  if (answer.status !== 200) { if (state.user) pageError(answer.body); return; }
  const overview = answer.body;
  const axis = overview.axis || {};
  const reachable = $('#dash-axis-reachable');
  reachable.textContent = axis.reachable === null || axis.reachable === undefined ? t('unknown') : (axis.reachable ? t('yes') : t('no'));
  reachable.className = axis.reachable === true ? 'ok' : (axis.reachable === false ? 'bad' : '');
  $('#dash-last-poll').textContent = when(axis.lastPoll);
  $('#dash-failing-since').textContent = axis.failingSince ? when(axis.failingSince) : '—';
  $('#dash-last-failure').textContent = axis.lastFailure || '—';
  const held = overview.held || {};
  $('#dash-held-count').textContent = held.inbound !== undefined ? held.inbound : '—';
  $('#dash-held-refused').textContent = held.refused !== undefined ? held.refused : '—';
  $('#dash-held-quarantined').textContent = held.quarantined !== undefined ? held.quarantined : '—';
  const documents = overview.documents || {};
  stateTable($('#dash-outbound'), documents.outbound, 'dash-outbound-');
  stateTable($('#dash-inbound'), documents.inbound, 'dash-inbound-');
  const more = $('#dash-more');
  more.replaceChildren();
  Object.entries(overview).filter(([name]) => !['axis', 'held', 'documents'].includes(name))
    .forEach(([name, value]) => more.appendChild(genericCard(name, value)));
  for (const extra of DASHBOARD_EXTRAS) {
    if (overview[extra.name] !== undefined) continue;
    const answer = await api('GET', extra.path);
    if (answer.status === 200) {
      const list = Object.values(answer.body || {}).find(Array.isArray);
      more.appendChild(genericCard(extra.name, list || answer.body));
    }
  }
  $('#dash-updated').textContent = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

// --- held packages ---

async function loadHeld() {
  const answer = await api('GET', '/ops/v1/inbound');
  if (answer.status !== 200) { pageError(answer.body); return; }
  const body = $('#held-table tbody');
  body.replaceChildren();
  const held = answer.body.held || [];
  $('#held-empty').hidden = held.length > 0;
  $('#held-table').hidden = held.length === 0;
  $('#held-select-all').checked = false;
  held.forEach((document_) => {
    const row = element('tr');
    row.dataset.key = document_.key;
    const pick = element('td');
    const box = element('input');
    box.type = 'checkbox';
    box.className = 'pick';
    box.value = document_.key;
    pick.appendChild(box);
    row.appendChild(pick);
    const keyCell = element('td');
    const details = element('button', document_.key, 'key details');
    details.type = 'button';
    details.title = t('held.details');
    details.addEventListener('click', () => toggleDetails(row, document_.key));
    keyCell.appendChild(details);
    row.appendChild(keyCell);
    row.appendChild(element('td', t(document_.state)));
    row.appendChild(element('td', document_.sender));
    row.appendChild(element('td', document_.code));
    row.appendChild(element('td', when(document_.received)));
    row.appendChild(element('td', document_.reason));
    const actions = element('td');
    const release = element('button', t('release'), 'release primary');
    release.type = 'button';
    release.addEventListener('click', () => act('release', [document_.key]));
    const discard = element('button', t('discard'), 'discard danger');
    discard.type = 'button';
    discard.addEventListener('click', () => act('discard', [document_.key]));
    actions.append(release, ' ', discard);
    row.appendChild(actions);
    body.appendChild(row);
  });
}

/** Opens, under a package's row, every reason it is held (both languages) and its transmission log entries. */
async function toggleDetails(row, key) {
  const next = row.nextElementSibling;
  if (next && next.classList.contains('details-row')) { next.remove(); return; }
  const answer = await api('GET', '/ops/v1/inbound/' + encodeURIComponent(key));
  if (answer.status !== 200) { heldMessage(errorText(answer.body), true); return; }
  const detailsRow = element('tr', null, 'details-row');
  detailsRow.dataset.detailsOf = key;
  const cell = element('td');
  cell.colSpan = 8;
  cell.appendChild(element('h4', t('held.findings')));
  const findings = element('ul', null, 'findings');
  (answer.body.findings || []).forEach((finding) => {
    const item = element('li');
    item.appendChild(element('strong', finding.code + ' (' + t(finding.severity) + ')'));
    item.appendChild(element('div', state.lang === 'vi' ? finding.vi : finding.en));
    item.appendChild(element('div', state.lang === 'vi' ? finding.en : finding.vi, 'muted'));
    findings.appendChild(item);
  });
  cell.appendChild(findings);
  cell.appendChild(element('h4', t('held.events')));
  const events = element('ol', null, 'events');
  (answer.body.events || []).forEach((event) => {
    events.appendChild(element('li', when(event.time) + ' · ' + event.step + ' · ' + event.outcome
      + (event.detail ? ' · ' + event.detail : '')));
  });
  cell.appendChild(events);
  detailsRow.appendChild(cell);
  row.after(detailsRow);
}

function selectedKeys() {
  return Array.from(document.querySelectorAll('#held-table .pick:checked')).map((box) => box.value);
}

function heldMessage(text, failed) {
  const box = $('#held-message');
  box.textContent = text;
  box.className = failed ? 'error' : 'message';
  box.hidden = false;
}

/** Releases or discards each package in turn, with the reason; says how many were done and why others were not. */
async function act(action, keys) {
  const reason = $('#held-reason').value.trim();
  if (keys.length === 0) { heldMessage(t('held.noneSelected'), true); return; }
  if (action === 'discard' && reason === '') { heldMessage(t('held.reasonNeeded'), true); return; }
  let done = 0;
  const problems = [];
  for (const key of keys) {
    const answer = await api('POST', '/ops/v1/inbound/' + encodeURIComponent(key) + '/' + action, { reason });
    if (answer.status === 200) done += 1; else problems.push(errorText(answer.body));
  }
  const verb = action === 'release' ? t('held.released') : t('held.discarded');
  heldMessage(verb + ': ' + done + '/' + keys.length + (problems.length ? '\n' + t('held.failed') + ':\n'
    + problems.join('\n') : ''), problems.length > 0);
  await loadHeld();
}

// --- clients ---

async function loadClients() {
  const answer = await api('GET', '/ops/v1/clients');
  if (answer.status !== 200) { pageError(answer.body); return; }
  const body = $('#clients-table tbody');
  body.replaceChildren();
  (answer.body.clients || []).forEach((client) => {
    const row = element('tr');
    row.dataset.id = client.id;
    row.appendChild(element('td', client.id, 'key'));
    row.appendChild(element('td', client.name));
    row.appendChild(element('td', (client.agencies || []).join(', ')));
    row.appendChild(element('td', t(client.delivery)));
    row.appendChild(element('td', t(client.authentication)));
    body.appendChild(row);
  });
}

// --- pages of other resources (documents, dead letters): their first list, as a table ---

async function loadExtension(view) {
  const extension = EXTENSIONS.find((item) => item.view === view);
  const answer = await api('GET', extension.probe.replace('limit=1', 'limit=100'));
  const target = document.querySelector('#view-' + view + ' .generic');
  target.replaceChildren();
  if (answer.status !== 200) { pageError(answer.body); return; }
  const list = Object.values(answer.body || {}).find(Array.isArray);
  target.appendChild(genericValue(list || answer.body));
}

// --- start ---

document.addEventListener('DOMContentLoaded', async () => {
  $('#login-form').addEventListener('submit', signIn);
  $('#sign-out').addEventListener('click', signOut);
  $('#lang-switch').addEventListener('click', () => {
    state.lang = state.lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem('lienthong.lang', state.lang);
    translate();
    route();
  });
  $('#held-select-all').addEventListener('change', (event) => {
    document.querySelectorAll('#held-table .pick').forEach((box) => { box.checked = event.target.checked; });
  });
  $('#held-release-selected').addEventListener('click', () => act('release', selectedKeys()));
  $('#held-discard-selected').addEventListener('click', () => act('discard', selectedKeys()));
  window.addEventListener('hashchange', route);
  translate();
  const current = await api('GET', '/ops/v1/session');
  if (current.status === 200) signedIn(current.body); else signedOut();
});
