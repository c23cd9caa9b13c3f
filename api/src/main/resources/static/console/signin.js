'use strict';
document.addEventListener('DOMContentLoaded', () => {
  if (location.search.includes('expired')) {
    Weft.say('Your token is no longer valid. Sign in again.', true);
  }
  document.getElementById('sign-in').addEventListener('submit', async event => {
    event.preventDefault();
    const field = document.getElementById('token');
    Weft.keepToken(field.value.trim());
    field.value = '';
    try {
      const caller = await Weft.request('GET', '/api/v1/me');
      location.assign('/console/' + Weft.PAGES[caller.kind]);
    } catch (e) {
      Weft.forgetToken();
      Weft.say(e.status === 401 ? 'That token is not valid.' : 'Signing in failed: ' + e.message, true);
      field.focus();
    }
  });
});
