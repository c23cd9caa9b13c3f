'use strict';
/* An auditor's page: one account at one moment, folded by the engine from the ledger up to that moment. */
(() => {
  const { el, table, when, state, number, request, say, failed } = Weft;

  document.addEventListener('DOMContentLoaded', async () => {
    const caller = await Weft.callerFor('auditor');
    if (!caller) return;
    document.getElementById('who').textContent = 'Signed in as auditor (every question you ask is logged)';
    document.getElementById('ask').addEventListener('submit', event => {
      event.preventDefault();
      ask().catch(failed('The question'));
    });
  });

  async function ask() {
    const accountId = document.getElementById('account-id').value.trim();
    const moment = document.getElementById('as-of').value;
    const asOf = moment ? new Date(moment).toISOString() : new Date().toISOString();
    const base = '/api/v1/accounts/' + encodeURIComponent(accountId);
    const query = '?asOf=' + encodeURIComponent(asOf);
    const [holdings, trail, deletions] = await Promise.all([request('GET', base + '/holdings' + query),
      request('GET', base + '/audit' + query + '&limit=200'), request('GET', base + '/deletion-requests/as-of' + query)]);
    const answer = document.getElementById('answer');
    answer.replaceChildren(
      el('h2', { tabindex: '-1' }, 'Holdings of account ', accountId, ' as of ', when(holdings.asOf)),
      el('p', {}, 'Consent text in force: ' + (holdings.consentInForce || 'none') + '. Computed from '
        + number(holdings.factsRead) + ' ledger facts.'),
      downloads(base, query),
      ...(holdings.recipients.length ? holdings.recipients.map(recipient)
        : [el('p', {}, 'No server or platform had received anything of this account by then.')]),
      el('h2', {}, 'Timeline of disclosures, deletion requests and outcomes'),
      trail.items.length ? table('The data-sharing history up to that moment, in the order it happened',
        ['When', 'What', 'Item', 'Recipient', 'Consent', 'Detail'],
        trail.items.map(e => [when(e.occurredAt), e.kind.replaceAll('_', ' '), e.subject || '—', e.recipient || '—',
          e.consent || '—', e.detail || '—'])) : el('p', {}, 'Nothing had happened by then.'),
      el('h2', {}, 'Deletion requests as they stood'),
      deletions.items.length ? table('Deletion requests and their outcomes at that moment',
        ['Post', 'Asked of', 'Why', 'Asked', 'Outcome', 'When'],
        deletions.items.map(r => [r.postId, r.platform ? r.platform + ' ' + r.destination : r.destination,
          (r.reason || '').replaceAll('_', ' '), when(r.requestedAt), state(r.outcome || 'outstanding'),
          when(r.outcomeAt)])) : el('p', {}, 'No deletion had been requested by then.'));
    say('Answered for ' + accountId + '.');
    answer.querySelector('h2').focus();
  }

  function downloads(base, query) {
    const get = (format, name) => () => Weft.download(base + '/holdings' + query + '&format=' + format, name)
      .catch(failed('The download'));
    return el('p', { class: 'actions' },
      el('button', { type: 'button', onclick: get('jsonl', 'holdings.jsonl') }, 'Download as JSON Lines'),
      el('button', { type: 'button', onclick: get('csv', 'holdings.csv') }, 'Download as CSV'));
  }

  function recipient(r) {
    const name = r.kind === 'linked_account' ? r.platform + ' (link ' + r.linkId + ')' : r.host || r.recipient;
    return el('section', { class: 'recipient' },
      el('h3', {}, name, ': holding ' + number(r.holding) + ' of ' + number(r.items.length) + ' items'),
      r.inboxes && r.inboxes.length ? el('p', {}, 'Inboxes that acknowledged: ' + r.inboxes.join(', ')) : null,
      table('Items disclosed to ' + name,
        ['Item', 'Revision', 'Channel', 'Disclosed', 'Consent', 'Held then', 'Deletion request'],
        r.items.map(i => [i.itemType + ' ' + i.itemId, String(i.revision), (i.channel || '').replaceAll('_', ' '),
          when(i.disclosedAt), i.consentVersion || '—', i.held ? 'yes' : 'no',
          i.deletion ? [state(i.deletion.state), i.deletion.settledAt ? [' ', when(i.deletion.settledAt)] : '']
            : '—'])));
  }
})();
