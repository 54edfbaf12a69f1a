// A form with data-confirm="question?" asks before it is sent (in place of an inline onsubmit, which the
// Content-Security-Policy refuses). Listening on the document also covers forms that htmx swaps in later.
document.addEventListener('submit', function (event) {
  const question = event.target.dataset ? event.target.dataset.confirm : null;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
