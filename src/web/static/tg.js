// Telegram Web App entry: Telegram puts the signed initData in the URL fragment (tgWebAppData); the server checks
// it with the bot token and answers with this person's form link. No script is loaded from telegram.org.
(function () {
  'use strict';
  var say = function (t) {
    document.getElementById('tg').textContent = t;
  };
  // what the page says, in the browser's language (written into the page by the server)
  var text = document.getElementById('tg').dataset;
  var hash = new URLSearchParams(location.hash.slice(1));
  var q = new URLSearchParams(location.search);
  var initData = hash.get('tgWebAppData') || '';
  if (!initData) return say(text.outside);
  fetch('/tg/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ initData: initData, periodId: Number(q.get('p')), agencyId: Number(q.get('a')) }),
  })
    .then(function (r) {
      return r.json();
    })
    .then(function (j) {
      if (j.url) location.replace(j.url);
      else say(j.error || text.failed);
    })
    .catch(function () {
      say(text.offline);
    });
})();
