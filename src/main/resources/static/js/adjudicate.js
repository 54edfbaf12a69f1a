// The adjudicator's page by keyboard: 1-9 picks an answer of the question in focus (the
// first undecided one when nothing has focus), Enter saves that question's form, n opens
// the next undecided item of the queue. Typing in the reason field types.
(function () {
  'use strict';
  var forms = Array.prototype.slice.call(document.querySelectorAll('form.gold-form'));
  if (forms.length === 0) {
    return;
  }
  function current() {
    var active = document.activeElement;
    var form = active && active.closest ? active.closest('form.gold-form') : null;
    if (form) {
      return form;
    }
    for (var i = 0; i < forms.length; i++) {
      if (forms[i].closest('section.question.disagree') && !forms[i].querySelector('input[type=radio]:checked')) {
        return forms[i];
      }
    }
    return forms[0];
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    var target = e.target;
    var typing = target && (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT'
      || (target.tagName === 'INPUT' && target.type !== 'radio' && target.type !== 'checkbox' && target.type !== 'hidden'));
    if (e.key === 'Enter') {
      var form = target && target.closest ? target.closest('form.gold-form') : null;
      if (form && (!typing || target.name === 'reason')) {
        e.preventDefault();
        if (form.reportValidity()) {
          form.requestSubmit();
        }
      }
      return;
    }
    if (typing) {
      return;
    }
    if (e.key === 'n') {
      var next = document.getElementById('next-item');
      if (next) {
        e.preventDefault();
        window.location.href = next.href;
      }
      return;
    }
    if (/^[1-9]$/.test(e.key)) {
      var f = current();
      var radios = f.querySelectorAll('input[type=radio]');
      var n = parseInt(e.key, 10) - 1;
      if (n < radios.length) {
        e.preventDefault();
        radios[n].checked = true;
        radios[n].focus();
      }
    }
  });
  // Back from a save: focus the saved question's reason field is not needed; focus its
  // section's first radio so that keys act on it.
  if (window.location.hash && window.location.hash.indexOf('#gold-') === 0) {
    var section = document.getElementById(window.location.hash.substring(1));
    var radio = section ? section.querySelector('input[type=radio]') : null;
    if (radio) {
      radio.focus();
    }
  }
}());
