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
    'dash.deadLetters': 'Thư chết chờ xử lý', 'dash.queuesUnknown': 'Chưa đọc được các hàng đợi; số liệu là của lần đọc trước.',
    'dash.queue': 'Hàng đợi', 'dash.messages': 'Số thư', 'dash.oldest': 'Thư cũ nhất',
    'dash.throughput': 'Lưu lượng', 'dash.recent': 'Trong {n} phút gần nhất', 'dash.sinceStart': 'Từ khi khởi động',
    'dash.sent': 'Gửi lên trục', 'dash.received': 'Nhận từ trục', 'dash.delivered': 'Giao cho hệ thống QLVB',
    'dash.purpose': 'Dùng cho', 'dash.subject': 'Chủ thể', 'dash.expires': 'Hết hạn', 'dash.daysLeft': 'Còn (ngày)',
    'dash.noCertificates': 'Chưa cấu hình chứng thư số nào.', 'dash.diskFree': 'Còn trống', 'dash.diskTotal': 'Tổng dung lượng',
    'dash.dataBytes': 'Thư mục dữ liệu dùng', 'dash.journalBytes': 'Nhật ký hàng đợi dùng',
    signing: 'Ký số văn bản', 'dms-tls': 'TLS của giao diện cho hệ thống QLVB', 'dms-tls-client-issuer': 'Nơi cấp chứng thư máy khách QLVB',
    'axis-tls-trust': 'Tin cậy TLS của trục', 'trust-anchor': 'Gốc tin cậy chữ ký số',
    OUTBOUND: 'Gửi đi', INBOUND: 'Nhận về',
    'docs.any': 'Tất cả', 'docs.pageSize': 'Số dòng mỗi trang', 'docs.direction': 'Chiều', 'docs.state': 'Trạng thái', 'docs.agency': 'Mã đơn vị',
    'docs.from': 'Từ ngày', 'docs.to': 'Đến ngày', 'docs.code': 'Số, ký hiệu', 'docs.search': 'Tìm', 'docs.clear': 'Xóa bộ lọc',
    'docs.key': 'Mã', 'docs.sender': 'Nơi gửi', 'docs.recipients': 'Nơi nhận', 'docs.received': 'Tiếp nhận lúc',
    'docs.updated': 'Cập nhật lúc', 'docs.empty': 'Không có văn bản nào khớp với bộ lọc.', 'docs.previous': 'Trang trước',
    'docs.next': 'Trang sau', 'docs.page': 'Trang', 'docs.timeline': 'Diễn biến của văn bản', 'docs.close': 'Đóng',
    'docs.statuses': 'Trạng thái theo nơi nhận (theo trình tự)', 'docs.findings': 'Kết quả kiểm tra hợp lệ',
    'docs.signatures': 'Kết quả kiểm tra chữ ký số', 'docs.noFindings': 'Không có lỗi hay cảnh báo nào.',
    'docs.noSignatures': 'Không có báo cáo chữ ký số cho văn bản này.', 'docs.noStatuses': 'Chưa có trạng thái nào.',
    'docs.open': 'Xem diễn biến', 'docs.stateReason': 'Lý do', 'docs.axisDocId': 'Mã trên trục',
    'docs.documentId': 'Mã văn bản của bên gửi', 'docs.messageType': 'Loại gói tin',
    'status.sent': 'Đã gửi lên trục', 'status.01': 'Đã đến', 'status.02': 'Từ chối tiếp nhận', 'status.03': 'Đã tiếp nhận, vào sổ',
    'status.04': 'Phân công', 'status.05': 'Đang xử lý', 'status.06': 'Hoàn thành', 'status.13': 'Yêu cầu lấy lại',
    'status.15': 'Đồng ý cập nhật/lấy lại', 'status.16': 'Từ chối cập nhật/lấy lại',
    'dl.help': 'Thư mà luồng xử lý đã bỏ cuộc sau nhiều lần thử. Gửi lại để văn bản đi lại chặng đó, hoặc loại bỏ kèm lý do.',
    'dl.retrySelected': 'Gửi lại các thư đã chọn', 'dl.discardSelected': 'Loại bỏ các thư đã chọn',
    'dl.retryAll': 'Gửi lại tất cả', 'dl.discardAll': 'Loại bỏ tất cả', 'dl.key': 'Mã văn bản', 'dl.queue': 'Hàng đợi',
    'dl.time': 'Lúc', 'dl.attempts': 'Số lần thử', 'dl.reason': 'Lý do thất bại', 'dl.empty': 'Không có thư chết nào.',
    retry: 'Gửi lại', 'dl.noneSelected': 'Chưa chọn thư nào.', 'dl.reasonNeeded': 'Cần nêu lý do loại bỏ thư chết.',
    'dl.retried': 'Đã gửi lại', 'dl.discarded': 'Đã loại bỏ', 'dl.confirmDiscardAll': 'Loại bỏ vĩnh viễn mọi thư chết?',
    'dl.from': 'từ',
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
    'dash.deadLetters': 'Dead letters waiting', 'dash.queuesUnknown': 'The queues could not be read; the figures are from the previous reading.',
    'dash.queue': 'Queue', 'dash.messages': 'Messages', 'dash.oldest': 'Oldest',
    'dash.throughput': 'Throughput', 'dash.recent': 'Last {n} min', 'dash.sinceStart': 'Since start',
    'dash.sent': 'Sent to the axis', 'dash.received': 'Received from the axis', 'dash.delivered': 'Delivered to DMS clients',
    'dash.purpose': 'Used for', 'dash.subject': 'Subject', 'dash.expires': 'Expires', 'dash.daysLeft': 'Days left',
    'dash.noCertificates': 'No certificate is configured.', 'dash.diskFree': 'Free', 'dash.diskTotal': 'Total',
    'dash.dataBytes': 'Used by the data directory', 'dash.journalBytes': 'Used by the broker journal',
    signing: 'Signing documents', 'dms-tls': 'TLS of the DMS interfaces', 'dms-tls-client-issuer': 'Issuer of DMS client certificates',
    'axis-tls-trust': 'Trusted TLS of the axis', 'trust-anchor': 'Signature trust anchor',
    OUTBOUND: 'Outbound', INBOUND: 'Inbound',
    'docs.any': 'All', 'docs.pageSize': 'Rows per page', 'docs.direction': 'Direction', 'docs.state': 'State', 'docs.agency': 'Agency id',
    'docs.from': 'From', 'docs.to': 'To', 'docs.code': 'Number and symbol', 'docs.search': 'Search', 'docs.clear': 'Clear filters',
    'docs.key': 'Key', 'docs.sender': 'Sender', 'docs.recipients': 'Recipients', 'docs.received': 'Taken in',
    'docs.updated': 'Updated', 'docs.empty': 'No document matches the filters.', 'docs.previous': 'Previous page',
    'docs.next': 'Next page', 'docs.page': 'Page', 'docs.timeline': 'Document timeline', 'docs.close': 'Close',
    'docs.statuses': 'Statuses by recipient (in causal order)', 'docs.findings': 'Validation findings',
    'docs.signatures': 'Signature verdicts', 'docs.noFindings': 'No error or warning.',
    'docs.noSignatures': 'No signature report is kept for this document.', 'docs.noStatuses': 'No status yet.',
    'docs.open': 'Show the timeline', 'docs.stateReason': 'Reason', 'docs.axisDocId': 'Axis id',
    'docs.documentId': "Sender's document id", 'docs.messageType': 'Message type',
    'status.sent': 'Sent to the axis', 'status.01': 'Arrived', 'status.02': 'Rejected', 'status.03': 'Accepted and registered',
    'status.04': 'Assigned', 'status.05': 'Processing', 'status.06': 'Completed', 'status.13': 'Take-back requested',
    'status.15': 'Update or take-back agreed', 'status.16': 'Update or take-back refused',
    'dl.help': 'Messages a flow gave up on after repeated attempts. Retry one to send the document over that hop again, or discard it with a reason.',
    'dl.retrySelected': 'Retry selected', 'dl.discardSelected': 'Discard selected',
    'dl.retryAll': 'Retry all', 'dl.discardAll': 'Discard all', 'dl.key': 'Document key', 'dl.queue': 'Queue',
    'dl.time': 'At', 'dl.attempts': 'Attempts', 'dl.reason': 'Why it failed', 'dl.empty': 'No dead letter.',
    retry: 'Retry', 'dl.noneSelected': 'No dead letter is selected.', 'dl.reasonNeeded': 'A reason for discarding the dead letter is required.',
    'dl.retried': 'Retried', 'dl.discarded': 'Discarded', 'dl.confirmDiscardAll': 'Discard every dead letter for good?',
    'dl.from': 'from',
    'error.network': 'The connector cannot be reached.'
  }
};

const state = { lang: localStorage.getItem('lienthong.lang') || 'vi', csrf: null, user: null, roles: [], timer: null };
const $ = (selector) => document.querySelector(selector);
const t = (key) => (TEXT[state.lang][key] !== undefined ? TEXT[state.lang][key] : key);

/** A message in both languages, the chosen one first. */
function both(key) {
  const other = state.lang === 'vi' ? 'en' : 'vi';
  return TEXT[state.lang][key] + '\n' + TEXT[other][key];
}

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
  } else if (view === 'documents') {
    loadDocuments();
  } else if (view === 'dead-letters') {
    loadDeadLetters();
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
  dashQueues(overview.queues);
  dashThroughput(overview.throughput);
  dashCertificates(overview.certificates);
  dashDisk(overview.disk);
  const more = $('#dash-more');
  more.replaceChildren();
  const shown = ['axis', 'held', 'documents', 'queues', 'throughput', 'certificates', 'disk'];
  Object.entries(overview).filter(([name]) => !shown.includes(name))
    .forEach(([name, value]) => more.appendChild(genericCard(name, value)));
  $('#dash-updated').textContent = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

/** A table row of cells, each written as text. */
function row(cells, id) {
  const made = element('tr');
  if (id) made.id = id;
  cells.forEach((cell) => made.appendChild(cell instanceof Node ? cell : element('td', cell)));
  return made;
}

/** Seconds as the queues command shows them: 45s, 4m07s, 2h05m. */
function age(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 60) return seconds + 's';
  if (seconds < 3600) return Math.floor(seconds / 60) + 'm' + String(seconds % 60).padStart(2, '0') + 's';
  return Math.floor(seconds / 3600) + 'h' + String(Math.floor((seconds % 3600) / 60)).padStart(2, '0') + 'm';
}

function bytes(count) {
  if (count === null || count === undefined) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = count;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  return (unit === 0 ? String(value) : value.toFixed(1)) + ' ' + units[unit];
}

/** Queues and dead letters as the metrics last read them; dead-letter queues that hold messages stand out. */
function dashQueues(queues) {
  const body = $('#dash-queues tbody');
  body.replaceChildren();
  if (!queues) return;
  const dead = $('#dash-dead-letters');
  dead.textContent = queues.deadLetters;
  dead.className = queues.deadLetters > 0 ? 'bad' : 'ok';
  $('#dash-queues-unknown').hidden = queues.known !== false;
  (queues.queues || []).forEach((queue) => {
    const made = row([queue.name, queue.messages, age(queue.oldestAgeSeconds)], 'dash-queue-' + queue.name);
    made.firstChild.className = 'key';
    if (queue.deadLetter && queue.messages > 0) made.className = 'bad';
    body.appendChild(made);
  });
}

function dashThroughput(throughput) {
  const body = $('#dash-throughput tbody');
  body.replaceChildren();
  if (!throughput) return;
  $('#dash-throughput-recent').textContent = t('dash.recent').replace('{n}', throughput.minutes);
  ['sent', 'received', 'delivered'].forEach((name) => {
    const made = row([t('dash.' + name), throughput[name], throughput[name + 'Total']], 'dash-throughput-' + name);
    body.appendChild(made);
  });
}

function dashCertificates(certificates) {
  const body = $('#dash-certificates tbody');
  body.replaceChildren();
  const list = certificates || [];
  $('#dash-no-certificates').hidden = list.length > 0;
  $('#dash-certificates').hidden = list.length === 0;
  list.forEach((certificate) => {
    const days = element('td', certificate.daysLeft);
    days.className = certificate.daysLeft < 0 ? 'bad' : (certificate.daysLeft <= 30 ? 'warn' : 'ok');
    body.appendChild(row([t(certificate.purpose), certificate.subject, when(certificate.notAfter), days]));
  });
}

function dashDisk(disk) {
  if (!disk) return;
  const known = disk.totalBytes > 0;
  $('#dash-disk-free').textContent = known ? bytes(disk.freeBytes) + ' (' + Math.round(100 * disk.freeBytes / disk.totalBytes) + '%)' : t('unknown');
  $('#dash-disk-total').textContent = known ? bytes(disk.totalBytes) : t('unknown');
  $('#dash-disk-data').textContent = bytes(disk.dataBytes);
  $('#dash-disk-journal').textContent = bytes(disk.journalBytes);
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
