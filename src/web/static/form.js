// The form page: every change is posted at once (a draft on the server), the bot's reply shown under the field.
(function () {
  'use strict';
  var meta = function (n) {
    var m = document.querySelector('meta[name="' + n + '"]');
    return m ? m.getAttribute('content') : '';
  };
  var token = meta('form-token');
  var csrf = meta('csrf-token');
  // the page's language: the server writes what the script says into the page
  var ui = {};
  try {
    ui = JSON.parse(meta('ui-text') || '{}');
  } catch {
    ui = {};
  }
  var say = function (key, fallback) {
    return typeof ui[key] === 'string' ? ui[key] : fallback;
  };

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(Object.assign({ t: token }, body)),
      credentials: 'same-origin',
    }).then(function (r) {
      return r.json().catch(function () {
        return {
          state: 'refused',
          messages: [{ text: say('serverError', 'Lỗi máy chủ ({status}). Xin thử lại.').replace('{status}', r.status) }],
        };
      });
    });
  }

  function show(box, res, itemId) {
    box.innerHTML = '';
    box.className = 'msg ' + (res.state || '');
    (res.messages || []).forEach(function (m) {
      var p = document.createElement('p');
      p.textContent = m.text;
      box.appendChild(p);
      (m.choices || []).forEach(function (c) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'choice';
        b.textContent = c.label;
        b.addEventListener('click', function () {
          send(itemId, { text: c.label, choice: c.id });
        });
        box.appendChild(b);
      });
    });
    if (res.state === 'note') {
      var note = document.createElement('input');
      note.className = 'why';
      note.placeholder = say('reasonHint', 'Lý do (có thể để trống)');
      var save = document.createElement('button');
      save.type = 'button';
      save.textContent = say('save', 'Lưu');
      save.addEventListener('click', function () {
        send(itemId, { text: note.value.trim() || 'bỏ qua' });
      });
      box.appendChild(note);
      box.appendChild(save);
    }
    if (res.state === 'saved' && !(res.messages || []).length) box.textContent = say('saved', 'Đã lưu.');
  }

  function send(itemId, body) {
    var sec = document.querySelector('[data-item="' + itemId + '"]');
    var box = sec.querySelector('.msg');
    box.className = 'msg busy';
    box.textContent = say('saving', 'Đang lưu…');
    return post('/form/field', Object.assign({ itemId: itemId }, body)).then(function (res) {
      show(box, res, itemId);
    });
  }

  function read(sec) {
    var v = function (role) {
      var el = sec.querySelector('[data-role="' + role + '"]');
      return el ? el.value : '';
    };
    if (sec.dataset.kind === 'task_status') return { status: v('status'), percent: v('percent'), note: v('note') };
    return { text: v(sec.dataset.kind === 'text' ? 'text' : 'value') };
  }

  document.querySelectorAll('section.item').forEach(function (sec) {
    sec.addEventListener('change', function (e) {
      // the reason box under a confirmed figure is sent by its own "Save": leaving it is not a new answer
      if (e.target && e.target.closest && e.target.closest('.msg')) return;
      var body = read(sec);
      if (body.text === '' || body.status === '') return;
      send(Number(sec.dataset.item), body);
    });
  });

  var submit = document.getElementById('submit');
  if (submit)
    submit.addEventListener('click', function () {
      submit.disabled = true;
      post('/form/submit', {}).then(function (res) {
        var box = document.getElementById('done');
        show(box, { state: res.submitted ? 'saved' : 'refused', messages: res.messages }, 0);
        if (res.submitted) submit.remove();
        else submit.disabled = false;
      });
    });
})();
