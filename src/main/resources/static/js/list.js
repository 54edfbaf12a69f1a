// The transcript list's filter form: a ticked box or a changed sort applies at once (the Apply button stays for
// keyboards and for range boxes); on a narrow screen the filters start folded so the results come first.
(function () {
  const form = document.getElementById('filters');
  if (!form) {
    return;
  }
  form.addEventListener('change', function (event) {
    const t = event.target;
    if (t.type === 'checkbox' || t.id === 'sort') {
      form.requestSubmit();
    }
  });
  // empty boxes would put "metric.x.min=" in the address: leave them out
  form.addEventListener('submit', function () {
    form.querySelectorAll('input[type=number], input[type=search]').forEach(function (input) {
      input.disabled = input.value.trim() === '';
    });
  });
  const sidebar = form.querySelector('details.sidebar');
  if (sidebar && window.matchMedia('(max-width: 800px)').matches) {
    sidebar.open = false;
  }
})();
