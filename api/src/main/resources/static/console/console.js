'use strict';
/*
 * Shared by every console page. The bearer token lives in sessionStorage only: it leaves
 * with the tab, never enters an address, and travels in an Authorization header, so no
 * other site can make the browser use it. Every value from the API is put on the page as
 * text, never as markup: replies and errors come from remote servers.
 */
const Weft = (() => {
  const TOKEN_KEY = 'weft.console.token';
  const PAGES = { account: 'person.html', auditor: 'auditor.html', operator: 'operator.html' };

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function keepToken(value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  }

  function forgetToken() {
    sessionStorage.removeItem(TOKEN_KEY);
  }

  function signOut() {
    forgetToken();
    location.assign('/console/');
  }

  class ProblemError extends Error {
    constructor(status, problem) {
      super(problem.detail || problem.title || ('HTTP ' + status));
      this.status = status;
      this.problem = problem;
    }
  }

  async function request(method, path, body) {
    const headers = { Accept: 'application/json, application/problem+json' };
    if (token()) headers.Authorization = 'Bearer ' + token();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new ProblemError(response.status, problem);
    }
    return response.status === 204 ? null : response.json();
  }

  /** Downloads a protected file: the token cannot go in a link, so the page fetches it and hands over a blob. */
  async function download(path, fallbackName) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token() } });
    if (!response.ok) {
      throw new ProblemError(response.status, await response.json().catch(() => ({})));
    }
    const disposition = response.headers.get('Content-Disposition') || '';
    const named = /filename="?([^";]+)"?/.exec(disposition);
    const link = el('a', { href: URL.createObjectURL(await response.blob()), download: named ? named[1] : fallbackName });
    document.body.append(link);
    link.click();
    link.remove();
  }

  /** Who the token belongs to; a page for another kind of caller sends the browser to the right one. */
  async function callerFor(kind) {
    if (!token()) {
      location.assign('/console/');
      return null;
    }
    try {
      const caller = await request('GET', '/api/v1/me');
      if (caller.kind !== kind) {
        location.assign('/console/' + PAGES[caller.kind]);
        return null;
      }
      document.getElementById('sign-out').addEventListener('click', signOut);
      return caller;
    } catch (e) {
      forgetToken();
      location.assign('/console/?expired');
      return null;
    }
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function table(caption, headings, rows) {
    return el('table', {},
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, headings.map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows.map(cells => el('tr', {}, cells.map(c => el('td', {}, c))))));
  }

  function when(instant) {
    if (!instant) return '—';
    const date = new Date(instant);
    return el('time', { datetime: instant }, date.toLocaleString());
  }

  function number(n) {
    return Number(n || 0).toLocaleString();
  }

  /** State words carry the meaning; the class only adds colour for those who see it. */
  function state(word) {
    const label = (word || 'unknown').replaceAll('_', ' ');
    return el('span', { class: 'state state-' + (word || 'unknown') }, label);
  }

  function remoteLink(url, text) {
    if (!url || !/^https?:\/\//.test(url)) return text || url || '—';
    return el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, text || url);
  }

  /** Says in plain words what a remote server's answer meant. */
  function plainError(httpStatus, error) {
    if (!httpStatus && !error) return '—';
    const meaning = {
      400: 'the server did not accept what we sent', 401: 'the server did not accept our signature',
      403: 'the server refused us', 404: 'the server has no such inbox or account',
      410: 'the server says it is gone for good', 413: 'the server found it too large',
      422: 'the server could not process it', 429: 'the server asked us to slow down',
    }[httpStatus] || (httpStatus >= 500 ? 'the server had an error of its own' : null);
    const parts = [];
    if (meaning) parts.push(meaning + ' (HTTP ' + httpStatus + ')');
    else if (httpStatus) parts.push('HTTP ' + httpStatus);
    else parts.push('could not reach the server');
    if (error) parts.push(error);
    return parts.join(': ');
  }

  function say(message, isError) {
    const status = document.getElementById('status');
    status.textContent = message;
    status.className = isError ? 'status status-error' : 'status';
  }

  function failed(what) {
    return e => say(what + ' failed: ' + e.message, true);
  }

  /** Keeps a section's heading and replaces what follows it. */
  function replaceBody(id) {
    const section = document.getElementById(id);
    section.replaceChildren(section.querySelector('h2'));
    return section;
  }

  return { token, keepToken, forgetToken, signOut, replaceBody, request, download, callerFor, el, table, when, number, state, remoteLink,
    plainError, say, failed, PAGES, ProblemError };
})();
