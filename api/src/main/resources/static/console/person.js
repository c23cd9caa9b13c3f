'use strict';
/* A person's page: their account, linked accounts, and for each post where it went and what came back. */
(() => {
  const { el, table, when, state, number, replaceBody, remoteLink, plainError, request, say, failed } = Weft;
  let account;

  document.addEventListener('DOMContentLoaded', async () => {
    const caller = await Weft.callerFor('account');
    if (!caller) return;
    document.getElementById('who').textContent = 'Signed in as @' + caller.handle;
    account = '/api/v1/accounts/' + encodeURIComponent(caller.accountId);
    await Promise.all([showAccount(), showLinks(), showPosts(null), showDeletions()]).catch(failed('Loading'));
  });

  async function showAccount() {
    const [me, sharing] = await Promise.all([request('GET', account), request('GET', account + '/fediverse-sharing')]);
    const section = replaceBody('account');
    section.append(el('dl', {},
      el('dt', {}, 'Handle'), el('dd', {}, '@' + me.handle),
      el('dt', {}, 'Display name'), el('dd', {}, me.displayName || '—'),
      el('dt', {}, 'Fediverse sharing'), el('dd', { id: 'sharing' }, sharingSentence(sharing))));
    if (sharing.reconsentNeeded) {
      section.append(el('button', { type: 'button', onclick: () => acceptConsent(sharing.currentConsentVersion) },
        'Accept consent text ' + sharing.currentConsentVersion));
    }
    section.append(el('button', { type: 'button', onclick: () => Weft.download(account + '/export', 'weft-archive.zip')
      .catch(failed('The download')) }, 'Download my archive'));
  }

  function sharingSentence(sharing) {
    if (!sharing.shared) return 'Off: your posts stay on this service.';
    if (sharing.reconsentNeeded) {
      return 'On, but re-consent is needed: you accepted consent text ' + sharing.consentVersion
        + ' and the current one is ' + sharing.currentConsentVersion
        + '. New posts do not federate until you accept it; your followers stay.';
    }
    return 'On, under consent text ' + sharing.consentVersion + '.';
  }

  async function acceptConsent(version) {
    try {
      await request('PUT', account + '/fediverse-sharing', { consentVersion: version });
      say('You accepted consent text ' + version + '. New posts federate again.');
      await showAccount();
    } catch (e) {
      failed('Accepting the consent text')(e);
    }
  }

  async function showLinks() {
    const links = await request('GET', account + '/links');
    const section = replaceBody('links');
    if (links.length === 0) {
      section.append(el('p', {}, 'No linked accounts.'));
      return;
    }
    section.append(table('Accounts on other platforms that your posts can be copied to',
      ['Platform', 'Account', 'State', 'Copies new posts by default'],
      links.map(link => [link.platform, link.remoteName || link.externalAccountId,
        link.state === 'needs_reauthorization'
          ? [state('needs_reauthorization'), ' — link it again: ' + (link.reauthorizationReason || 'the platform refused its token')]
          : state(link.state),
        link.crossPostByDefault ? 'yes' : 'no'])));
  }

  async function showPosts(cursor) {
    const page = await request('GET', account + '/timeline?limit=10' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
    const section = cursor ? document.getElementById('posts') : replaceBody('posts');
    section.querySelector('.more')?.remove();
    if (!cursor && page.items.length === 0) section.append(el('p', {}, 'No posts yet.'));
    for (const item of page.items) {
      const article = el('article', { class: 'post', id: 'post-' + item.postId, 'aria-labelledby': 'heading-' + item.postId });
      section.append(article);
      showPost(article, item).catch(failed('Loading a post'));
    }
    if (page.next) {
      section.append(el('button', { type: 'button', class: 'more', onclick: () => showPosts(page.next).catch(failed('Loading')) },
        'Show older posts'));
    }
  }

  async function showPost(article, item) {
    const status = await request('GET', '/api/v1/posts/' + encodeURIComponent(item.postId) + '/status');
    article.replaceChildren(
      el('h3', { id: 'heading-' + item.postId }, 'Post of ', when(item.publishedAt), status.deleted ? ' (deleted)' : ''),
      el('blockquote', {}, item.contentWarning ? '[' + item.contentWarning + '] ' : '', item.text || ''),
      fediverse(status.fediverse),
      crossPosts(item, status.crossPosts),
      engagement(status));
  }

  function fediverse(fedi) {
    if (!fedi.shared) return el('p', {}, 'Not shared to the fediverse.');
    if (fedi.withheld) {
      return el('p', {}, 'Kept off the fediverse: ' + (fedi.withheld === 'consent_outdated'
        ? 'it was published before you accepted the current consent text.' : fedi.withheld.replaceAll('_', ' ')));
    }
    if (fedi.servers.length === 0) return el('p', {}, 'Shared to the fediverse; no server has it yet.');
    return table('Fediverse servers', ['Server', 'State', 'Attempts', 'Last error', 'Deletion request'],
      fedi.servers.map(s => [s.host, [state(s.state), s.heldVia ? ' (through ' + s.heldVia + ')' : '',
        s.nextAttemptAt ? [' — next attempt ', when(s.nextAttemptAt)] : ''], number(s.attempts),
        s.state === 'delivered' ? '—' : plainError(s.lastHttpStatus, s.lastError), deletionOf(s.deletion)]));
  }

  function crossPosts(item, copies) {
    if (copies.length === 0) return el('p', {}, 'Not copied to any linked account.');
    return table('Linked accounts', ['Platform', 'State', 'Attempts', 'Last error', 'Copy', 'Deletion request', 'Action'],
      copies.map(c => [c.platform, state(c.state), number(c.attempts),
        c.lastError || (c.lastHttpStatus ? plainError(c.lastHttpStatus, null) : '—'),
        remoteLink(c.remoteUrl, c.remoteUrl ? 'open' : '—'), deletionOf(c.deletion),
        c.state === 'failed' ? el('button', { type: 'button', 'aria-label': 'Retry the ' + c.platform + ' copy',
          onclick: () => retry(item, c) }, 'Retry') : '']));
  }

  function deletionOf(deletion) {
    if (!deletion) return '—';
    const parts = [state(deletion.state), ' (' + (deletion.reason || '').replaceAll('_', ' ') + ')'];
    if (deletion.deliveredAt || deletion.endedAt) parts.push(' ', when(deletion.deliveredAt || deletion.endedAt));
    return parts;
  }

  async function retry(item, copy) {
    try {
      await request('POST', '/api/v1/posts/' + encodeURIComponent(item.postId) + '/cross-posts/'
        + encodeURIComponent(copy.linkId) + '/retry');
      say('The ' + copy.platform + ' copy will be sent again.');
      await showPost(document.getElementById('post-' + item.postId), item);
    } catch (e) {
      failed('Retrying')(e);
    }
  }

  function engagement(status) {
    const likes = status.likes, replies = status.replies, reposts = status.reposts;
    return el('div', { class: 'engagement' },
      el('h4', {}, 'Liked by ' + number(likes.count) + ' fediverse ' + (likes.count === 1 ? 'user' : 'users')),
      likes.actors.length ? el('ul', {}, likes.actors.map(a => el('li', {}, remoteLink(a)))) : null,
      el('h4', {}, number(replies.count) + (replies.count === 1 ? ' reply' : ' replies')),
      replies.items.length ? el('ul', { class: 'replies' }, replies.items.map(r => el('li', {},
        remoteLink(r.actorId), ' ', when(r.repliedAt), el('p', {}, r.text || '(text removed)')))) : null,
      el('h4', {}, 'Reposted by ' + number(reposts.count)),
      reposts.actors.length ? el('ul', {}, reposts.actors.map(a => el('li', {}, remoteLink(a)))) : null);
  }

  async function showDeletions() {
    const page = await request('GET', account + '/deletion-requests?limit=50');
    const section = replaceBody('deletions');
    if (page.items.length === 0) {
      section.append(el('p', {}, 'No deletion requests yet.'));
      return;
    }
    section.append(table('Every deletion Weft asked of a server or platform, with its outcome',
      ['Post', 'Asked of', 'Why', 'Asked', 'Outcome', 'When'],
      page.items.map(r => [r.postId, r.platform ? r.platform + ' ' + r.destination : r.destination,
        (r.reason || '').replaceAll('_', ' '), when(r.requestedAt),
        r.outcome ? [state(r.outcome), r.outcomeReason ? ' (' + r.outcomeReason.replaceAll('_', ' ') + ')' : '']
          : state('outstanding'), when(r.outcomeAt)])));
  }
})();
