// Reloads the page after the number of seconds an element's data-reload-after gives: for pages that show figures
// still being computed (the agreement page).
(function () {
  const marker = document.querySelector('[data-reload-after]');
  if (marker) {
    const seconds = Number(marker.dataset.reloadAfter) || 5;
    setTimeout(function () { window.location.reload(); }, seconds * 1000);
  }
})();
