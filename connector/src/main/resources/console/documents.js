// The console's documents page: search with the API's filters, page by page with its cursor (no row cap), and one
// document's timeline. Uses console.js's helpers; server data is only ever written as text.
'use strict';

// cursors[i] is the `after` of page i (null for the first); the API's `next` for page i becomes cursors[i + 1].
const documentsPaging = { filters: null, cursors: [null], page: 0 };

function documentFilters() {
  const filters = new URLSearchParams();
  const add = (name, value) => { if (value && value.trim() !== '') filters.set(name, value.trim()); };
  add('direction', $('#docs-direction').value);
  add('state', $('#docs-state').value);
  add('agency', $('#docs-agency').value);
  add('from', $('#docs-from').value);
  add('to', $('#docs-to').value);
  add('code', $('#docs-code').value);
  return filters;
}

/**
 * Opens the page: the page already shown while the filters are unchanged (coming back, or switching the language),
 * else the first page of the filters; and the open timeline again, in the chosen language.
 */
function loadDocuments() {
  if (documentsPaging.filters && documentsPaging.filters.toString() === documentFilters().toString()) {
    documentsPage();
  } else {
    searchDocuments();
  }
  const panel = $('#docs-details');
  if (!panel.hidden && panel.dataset.key) openDocument(panel.dataset.key);
}

function searchDocuments(event) {
  if (event) event.preventDefault();
  documentsPaging.filters = documentFilters();
  documentsPaging.cursors = [null];
  documentsPaging.page = 0;
  documentsPage();
}

async function documentsPage() {
  const query = new URLSearchParams(documentsPaging.filters);
  query.set('size', $('#docs-size').value);
  const after = documentsPaging.cursors[documentsPaging.page];
  if (after) query.set('after', after);
  const answer = await api('GET', '/ops/v1/documents?' + query.toString());
  const error = $('#docs-error');
  if (answer.status !== 200) {
    error.textContent = errorText(answer.body);
    error.hidden = false;
    return;
  }
  error.hidden = true;
  const documents = answer.body.documents || [];
  documentsPaging.cursors[documentsPaging.page + 1] = answer.body.next || null;
  const body = $('#docs-table tbody');
  body.replaceChildren();
  documents.forEach((document_) => body.appendChild(documentRow(document_)));
  $('#docs-table').hidden = documents.length === 0;
  $('#docs-empty').hidden = documents.length > 0;
  $('#docs-page-number').textContent = String(documentsPaging.page + 1);
  $('#docs-previous').disabled = documentsPaging.page === 0;
  $('#docs-next').disabled = !answer.body.next;
}

function documentRow(document_) {
  const made = element('tr');
  made.dataset.key = document_.key;
  const keyCell = element('td');
  const open = element('button', document_.key, 'key details');
  open.type = 'button';
  open.title = t('docs.open');
  open.addEventListener('click', () => openDocument(document_.key));
  keyCell.appendChild(open);
  made.appendChild(keyCell);
  made.appendChild(element('td', t(document_.direction)));
  made.appendChild(element('td', t(document_.state)));
  made.appendChild(element('td', document_.sender));
  made.appendChild(element('td', (document_.recipients || []).join(', ')));
  made.appendChild(element('td', document_.code));
  made.appendChild(element('td', when(document_.received)));
  made.appendChild(element('td', when(document_.updated)));
  return made;
}

function turnDocumentsPage(step) {
  const next = documentsPaging.page + step;
  if (next < 0 || (step > 0 && !documentsPaging.cursors[next])) return;
  documentsPaging.page = next;
  documentsPage();
}

/** A status's name in the chosen language: "sent" is our send to the axis, the others are edXML status codes. */
function statusName(code) {
  const name = TEXT[state.lang]['status.' + code];
  return name ? name + ' (' + code + ')' : code;
}

/** One document's record, statuses in causal order (as the API gives them), log, findings and signature report. */
async function openDocument(key) {
  const answer = await api('GET', '/ops/v1/documents/' + encodeURIComponent(key));
  const error = $('#docs-error');
  if (answer.status !== 200) {
    error.textContent = errorText(answer.body);
    error.hidden = false;
    return;
  }
  error.hidden = true;
  const history = answer.body;
  const document_ = history.document || {};
  const panel = $('#docs-details');
  panel.dataset.key = key;
  $('#docs-details-key').textContent = key;

  const record = $('#docs-details-record');
  record.replaceChildren();
  const field = (label, value) => {
    if (value === null || value === undefined || value === '') return;
    record.appendChild(element('dt', t(label)));
    record.appendChild(element('dd', value));
  };
  field('docs.direction', t(document_.direction));
  field('docs.state', t(document_.state));
  field('docs.stateReason', document_.reason);
  field('docs.sender', document_.sender);
  field('docs.recipients', (document_.recipients || []).join(', '));
  field('docs.code', document_.code);
  field('docs.documentId', document_.documentId);
  field('docs.axisDocId', document_.axisDocId);
  field('docs.messageType', document_.messageType);
  field('docs.received', when(document_.received));
  field('docs.updated', when(document_.updated));

  const timeline = $('#docs-details-timeline');
  timeline.replaceChildren();
  (history.timeline || []).forEach((status) => {
    const item = element('li', when(status.time) + ' · ' + status.recipient + ' · ' + statusName(status.code)
      + (status.description ? ' · ' + status.description : ''));
    item.dataset.code = status.code;
    timeline.appendChild(item);
  });
  if (timeline.children.length === 0) timeline.appendChild(element('li', t('docs.noStatuses'), 'muted'));

  const events = $('#docs-details-events');
  events.replaceChildren();
  (history.events || []).forEach((event) => {
    const item = element('li', when(event.time) + ' · ' + event.step + ' · ' + event.outcome
      + (event.detail ? ' · ' + event.detail : ''));
    item.dataset.step = event.step;
    events.appendChild(item);
  });

  const findings = $('#docs-details-findings');
  findings.replaceChildren();
  (history.findings || []).forEach((finding) => {
    const item = element('li');
    const where = finding.line ? ' ' + finding.line + ':' + finding.column : '';
    item.appendChild(element('strong', finding.code + ' (' + t(finding.severity) + ')' + where));
    item.appendChild(element('div', state.lang === 'vi' ? finding.vi : finding.en));
    item.appendChild(element('div', state.lang === 'vi' ? finding.en : finding.vi, 'muted'));
    findings.appendChild(item);
  });
  if (findings.children.length === 0) findings.appendChild(element('li', t('docs.noFindings'), 'muted'));

  $('#docs-details-signatures').textContent = history.signatureReport || '';
  $('#docs-details-signatures').hidden = !history.signatureReport;
  $('#docs-details-no-signatures').hidden = Boolean(history.signatureReport);
  panel.hidden = false;
  panel.scrollIntoView({ block: 'start' });
}

document.addEventListener('DOMContentLoaded', () => {
  $('#docs-filters').addEventListener('submit', searchDocuments);
  $('#docs-filters').addEventListener('reset', () => setTimeout(searchDocuments, 0));
  $('#docs-previous').addEventListener('click', () => turnDocumentsPage(-1));
  $('#docs-next').addEventListener('click', () => turnDocumentsPage(1));
  $('#docs-details-close').addEventListener('click', () => { $('#docs-details').hidden = true; });
});
