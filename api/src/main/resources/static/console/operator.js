'use strict';
/* The operator's page: projections and rebuilds, failing servers, the inbox queue. It refreshes itself. */
(() => {
  const { el, table, when, state, number, replaceBody, request, say, failed } = Weft;
  const CALM_SECONDS = 10, BUSY_SECONDS = 2;
  let timer;

  document.addEventListener('DOMContentLoaded', async () => {
    const caller = await Weft.callerFor('operator');
    if (!caller) return;
    document.getElementById('who').textContent = 'Signed in as operator';
    await refresh();
  });

  // Set by a rebuild button, so the status line does not go on saying "Rebuilding" once it ended.
  let rebuildAsked = false;

  async function refresh() {
    clearTimeout(timer);
    let busy = false;
    try {
      const [projections, failing, unavailable, inbox] = await Promise.all([request('GET', '/api/v1/admin/projections'),
        request('GET', '/api/v1/admin/servers?state=failing'), request('GET', '/api/v1/admin/servers?state=unavailable'),
        request('GET', '/api/v1/admin/inbox')]);
      const servers = [...new Map([...unavailable, ...failing].map(s => [s.host, s])).values()];
      busy = projections.some(p => p.state === 'rebuilding');
      if (rebuildAsked && !busy) {
        rebuildAsked = false;
        say('The rebuild ended: each projection\'s Rebuild column says how.');
      }
      showProjections(projections);
      showServers(servers);
      showInbox(inbox);
      document.getElementById('refreshed').replaceChildren(when(new Date().toISOString()));
    } catch (e) {
      failed('Refreshing')(e);
    }
    document.getElementById('interval').textContent = busy ? BUSY_SECONDS : CALM_SECONDS;
    timer = setTimeout(refresh, (busy ? BUSY_SECONDS : CALM_SECONDS) * 1000);
  }

  function showProjections(projections) {
    const section = replaceBody('projections');
    section.append(table('Each projection, how far it has read the event store, and its rebuilds',
      ['Projection', 'State', 'Position', 'Lag (events)', 'Rebuild', 'Dead letters', 'Actions'],
      projections.map(p => [p.name, state(p.state), number(p.position) + ' of ' + number(p.head), number(p.lag),
        rebuildOf(p), number(p.deadLetters), actions(p)])));
    section.append(el('button', { type: 'button', onclick: () => act('POST', '/api/v1/admin/projections/rebuild',
      'Rebuilding every projection from one read of the event store.') }, 'Rebuild all projections'));
  }

  function rebuildOf(p) {
    if (p.progress) {
      const percent = p.progress.eventsTotal ? Math.min(100, Math.floor(100 * p.progress.eventsDone / p.progress.eventsTotal)) : 0;
      const label = percent + '% (' + number(p.progress.eventsDone) + ' of ' + number(p.progress.eventsTotal)
        + ' events, ' + number(Math.round(p.progress.eventsPerSecond)) + ' a second)';
      return el('span', {}, el('progress', { max: '100', value: String(percent), 'aria-label': 'Rebuild of ' + p.name }),
        ' ', label);
    }
    const last = p.lastRebuild;
    if (!last) return 'never rebuilt';
    return [state(last.outcome), ' ', when(last.finishedAt || last.startedAt), last.node ? ' on ' + last.node : '',
      last.error ? ': ' + last.error : ''];
  }

  function actions(p) {
    const buttons = [el('button', { type: 'button', 'aria-label': 'Rebuild ' + p.name, disabled: p.state === 'rebuilding',
      onclick: () => act('POST', '/api/v1/admin/projections/' + encodeURIComponent(p.name) + '/rebuild',
        'Rebuilding ' + p.name + '.') }, 'Rebuild')];
    if (p.deadLetters > 0) {
      buttons.push(' ', el('button', { type: 'button', 'aria-label': 'Retry the dead letters of ' + p.name,
        onclick: () => act('POST', '/api/v1/admin/projections/' + encodeURIComponent(p.name) + '/dead-letters/retry',
          'Retrying the dead letters of ' + p.name + '.') }, 'Retry dead letters'));
    }
    return buttons;
  }

  function showServers(servers) {
    const section = replaceBody('servers');
    if (servers.length === 0) {
      section.append(el('p', {}, 'Every server Weft delivers to answered its last delivery.'));
      return;
    }
    section.append(table('Servers whose deliveries fail, and those given up on as unavailable',
      ['Server', 'State', 'Circuit on this node', 'Failing days', 'Last error', 'Last success', 'Pending', 'Failed', 'Action'],
      servers.map(s => [s.host, state(s.state), state(s.circuit), number(s.failingDays), s.lastError || '—',
        when(s.lastSuccessAt), number(s.pending), number(s.failed),
        el('button', { type: 'button', 'aria-label': 'Redeliver to ' + s.host,
          onclick: () => act('POST', '/api/v1/admin/servers/' + encodeURIComponent(s.host) + '/redeliver',
            'Redelivering to ' + s.host + '.') }, 'Redeliver')])));
  }

  function showInbox(inbox) {
    const section = replaceBody('inbox');
    const states = Object.entries(inbox.byState || {});
    section.append(el('p', {}, states.length ? states.map(([s, n]) => s + ': ' + number(n)).join(', ') : 'The queue is empty.',
      inbox.oldestWaitingSince ? ['; the oldest has waited since ', when(inbox.oldestWaitingSince)] : ''));
    if (inbox.recentFailures.length) {
      section.append(table('Activities that failed', ['Activity', 'Type', 'From', 'Attempts', 'Error', 'Received'],
        inbox.recentFailures.map(f => [f.activityId, f.type, f.actorId, number(f.attempts), f.error || '—',
          when(f.receivedAt)])));
      section.append(el('button', { type: 'button', onclick: () => act('POST', '/api/v1/admin/inbox/retry',
        'Retrying the failed activities.') }, 'Retry failed activities'));
    }
  }

  async function act(method, path, done) {
    try {
      await request(method, path);
      rebuildAsked = rebuildAsked || path.endsWith('/rebuild');
      say(done);
    } catch (e) {
      failed('That')(e);
    }
    await refresh();
  }
})();
