// The console's dead-letters page: every dead letter with its document, queue, time, attempts and reason; retry or
// discard one, the selected ones, or all, with a reason (required to discard). Uses console.js's helpers.
'use strict';

async function loadDeadLetters() {
  const answer = await api('GET', '/ops/v1/dead-letters');
  if (answer.status !== 200) { pageError(answer.body); return; }
  const body = $('#dl-table tbody');
  body.replaceChildren();
  const letters = answer.body.deadLetters || [];
  $('#dl-empty').hidden = letters.length > 0;
  $('#dl-table').hidden = letters.length === 0;
  $('#dl-select-all').checked = false;
  letters.forEach((letter) => body.appendChild(deadLetterRow(letter)));
}

function deadLetterRow(letter) {
  const made = element('tr');
  made.dataset.id = letter.id;
  if (letter.key) made.dataset.key = letter.key;
  const pick = element('td');
  const box = element('input');
  box.type = 'checkbox';
  box.className = 'pick';
  box.value = letter.id;
  pick.appendChild(box);
  made.appendChild(pick);
  const keyCell = element('td');
  if (letter.key) {
    const open = element('a', letter.key, 'key');
    open.href = '#documents';
    open.title = t('docs.open');
    open.addEventListener('click', (event) => {
      event.preventDefault();
      location.hash = '#documents';
      openDocument(letter.key);
    });
    keyCell.appendChild(open);
  } else {
    keyCell.appendChild(element('span', letter.id, 'key muted'));
  }
  made.appendChild(keyCell);
  const queue = element('td', letter.queue, 'queue');
  if (letter.origin) queue.appendChild(element('div', t('dl.from') + ' ' + letter.origin, 'muted'));
  made.appendChild(queue);
  made.appendChild(element('td', when(letter.time)));
  made.appendChild(element('td', letter.attempts));
  made.appendChild(element('td', letter.reason));
  made.appendChild(element('td', letter.document ? t(letter.document.state) : '—'));
  const actions = element('td');
  const retry = element('button', t('retry'), 'retry primary');
  retry.type = 'button';
  retry.addEventListener('click', () => actOnDeadLetters('retry', [letter.id]));
  const discard = element('button', t('discard'), 'discard danger');
  discard.type = 'button';
  discard.addEventListener('click', () => actOnDeadLetters('discard', [letter.id]));
  actions.append(retry, ' ', discard);
  made.appendChild(actions);
  return made;
}

function deadLetterMessage(text, failed) {
  const box = $('#dl-message');
  box.textContent = text;
  box.className = failed ? 'error' : 'message';
  box.hidden = false;
}

function selectedDeadLetters() {
  return Array.from(document.querySelectorAll('#dl-table .pick:checked')).map((box) => box.value);
}

/** What was done: how many of how many, then each one not done and why, in both languages. */
function reportDeadLetters(action, done, asked, problems) {
  const verb = action === 'retry' ? t('dl.retried') : t('dl.discarded');
  deadLetterMessage(verb + ': ' + done + '/' + asked + (problems.length ? '\n' + t('held.failed') + ':\n'
    + problems.join('\n') : ''), problems.length > 0);
}

/** Retries or discards the given dead letters one by one, with the reason; a discard needs one. */
async function actOnDeadLetters(action, ids) {
  const reason = $('#dl-reason').value.trim();
  if (ids.length === 0) { deadLetterMessage(t('dl.noneSelected'), true); return; }
  if (action === 'discard' && reason === '') { deadLetterMessage(both('dl.reasonNeeded'), true); return; }
  let done = 0;
  const problems = [];
  for (const id of ids) {
    const answer = await api('POST', '/ops/v1/dead-letters/' + encodeURIComponent(id) + '/' + action, { reason });
    if (answer.status === 200) done += 1; else problems.push(errorText(answer.body));
  }
  reportDeadLetters(action, done, ids.length, problems);
  await loadDeadLetters();
}

/** Every dead letter there is when the connector gets the request, not only those on the page. */
async function actOnAllDeadLetters(action) {
  const reason = $('#dl-reason').value.trim();
  if (action === 'discard' && reason === '') { deadLetterMessage(both('dl.reasonNeeded'), true); return; }
  if (action === 'discard' && !window.confirm(t('dl.confirmDiscardAll'))) return;
  const answer = await api('POST', '/ops/v1/dead-letters/' + action + '-all', { reason });
  if (answer.status !== 200) { deadLetterMessage(errorText(answer.body), true); return; }
  const results = answer.body.results || [];
  const problems = results.filter((one) => one.result !== 'DONE')
    .map((one) => (one.key || one.id) + ': ' + one.result);
  reportDeadLetters(action, answer.body.done, results.length, problems);
  await loadDeadLetters();
}

document.addEventListener('DOMContentLoaded', () => {
  $('#dl-select-all').addEventListener('change', (event) => {
    document.querySelectorAll('#dl-table .pick').forEach((box) => { box.checked = event.target.checked; });
  });
  $('#dl-retry-selected').addEventListener('click', () => actOnDeadLetters('retry', selectedDeadLetters()));
  $('#dl-discard-selected').addEventListener('click', () => actOnDeadLetters('discard', selectedDeadLetters()));
  $('#dl-retry-all').addEventListener('click', () => actOnAllDeadLetters('retry'));
  $('#dl-discard-all').addEventListener('click', () => actOnAllDeadLetters('discard'));
});
