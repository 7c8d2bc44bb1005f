// The LienThong web console: a small page over the operations API (/ops/v1), Vietnamese first with an English switch.
// No build step and no library. Server data is only ever written as text (textContent), never as HTML.
'use strict';

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

// --- held packages ---

async function loadHeld() {
  const answer = await api('GET', '/ops/v1/held');
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
    row.appendChild(element('td', t(document_.direction)));
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
  const answer = await api('GET', '/ops/v1/held/' + encodeURIComponent(key));
  if (answer.status !== 200) { heldMessage(errorText(answer.body), true); return; }
  const detailsRow = element('tr', null, 'details-row');
  detailsRow.dataset.detailsOf = key;
  const cell = element('td');
  cell.colSpan = 9;
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
  if (answer.body.signatureReport) {
    cell.appendChild(element('h4', t('docs.signatures')));
    cell.appendChild(element('pre', answer.body.signatureReport, 'signatures'));
  }
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
    const answer = await api('POST', '/ops/v1/held/' + encodeURIComponent(key) + '/' + action, { reason });
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
