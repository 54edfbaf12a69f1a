// Keys of the transcript page: j next, k previous, p pair, s side by side, ? help, Escape closes the help. Only
// links the server rendered are followed (by their ids), so no address is ever built here from page data.
(function () {
  'use strict';
  var help = document.getElementById('key-help');
  var toggle = document.querySelector('.help-toggle');

  function setHelp(open) {
    if (!help) {
      return;
    }
    help.hidden = !open;
    if (toggle) {
      toggle.setAttribute('aria-expanded', String(open));
    }
  }

  function follow(id) {
    var link = document.getElementById(id);
    if (link && link.tagName === 'A' && link.href) {
      window.location.assign(link.href);
    }
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  if (toggle) {
    toggle.addEventListener('click', function () {
      setHelp(help.hidden);
    });
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) {
      return;
    }
    switch (e.key) {
      case 'j': follow('next-link'); break;
      case 'k': follow('prev-link'); break;
      case 'p': follow('pair-link'); break;
      case 's': follow('side-by-side-link'); break;
      case '?': setHelp(help && help.hidden); break;
      case 'Escape': setHelp(false); break;
      default: return;
    }
    e.preventDefault();
  });
}());
