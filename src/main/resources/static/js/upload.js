// Refuses an upload over the server's limit before sending gigabytes only to be told no.
// The server checks too (this is a convenience, not the guard).
(function () {
  const form = document.getElementById('upload');
  const warning = document.getElementById('too-large');
  if (!form || !warning) {
    return;
  }
  const files = form.querySelector('input[type=file]');
  const button = form.querySelector('button[type=submit]');
  function tooLarge() {
    const max = Number(form.dataset.maxBytes);
    if (!max) {
      return false;
    }
    let total = 0;
    for (const f of files.files) {
      total += f.size;
    }
    return total > max;
  }
  function check() {
    const over = tooLarge();
    warning.hidden = !over;
    button.disabled = over;
    return !over;
  }
  files.addEventListener('change', check);
  form.addEventListener('submit', function (event) {
    if (!check()) {
      event.preventDefault();
    }
  });
})();
