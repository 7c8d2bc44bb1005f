// The console's dashboard: the overview's parts as cards, refreshed every 5 seconds. Uses console.js's helpers.
'use strict';

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
