// Progressive enhancement only: every page works without JavaScript.
document.addEventListener('DOMContentLoaded', function () {
  // Move focus to the error summary so keyboard and screen-reader users hear what went wrong.
  var summary = document.querySelector('.error-summary');
  if (summary) {
    summary.focus();
  }
  // A table wider than the screen scrolls sideways; keyboard users must be able to focus and scroll it.
  document.querySelectorAll('.table-wrap').forEach(function (wrap) {
    if (wrap.scrollWidth > wrap.clientWidth && !wrap.querySelector('a, button, input, select, textarea, [tabindex]')) {
      var caption = wrap.querySelector('caption');
      wrap.setAttribute('tabindex', '0');
      wrap.setAttribute('role', 'region');
      wrap.setAttribute('aria-label', caption ? caption.textContent.trim() : document.title);
    }
  });
  // "Select all" for distribution-list checkboxes.
  document.querySelectorAll('[data-select-all]').forEach(function (box) {
    box.addEventListener('change', function () {
      document.querySelectorAll('input[name="' + box.getAttribute('data-select-all') + '"]').forEach(function (c) {
        c.checked = box.checked;
      });
    });
  });
});
