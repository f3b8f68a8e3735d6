// Progressive enhancement only: every page works without JavaScript.

// Tables wider than the screen scroll sideways; keyboard users must be able to focus and scroll them.
function makeWideTablesScrollable(root) {
  root.querySelectorAll('.table-wrap').forEach(function (wrap) {
    if (wrap.scrollWidth > wrap.clientWidth && !wrap.querySelector('a, button, input, select, textarea, [tabindex]')) {
      var caption = wrap.querySelector('caption');
      wrap.setAttribute('tabindex', '0');
      wrap.setAttribute('role', 'region');
      wrap.setAttribute('aria-label', caption ? caption.textContent.trim() : document.title);
    }
  });
}

document.addEventListener('DOMContentLoaded', function () {
  // Move focus to the error summary so keyboard and screen-reader users hear what went wrong.
  var summary = document.querySelector('.error-summary');
  if (summary) {
    summary.focus();
  }
  makeWideTablesScrollable(document);
  // "Select all" for distribution-list checkboxes.
  document.querySelectorAll('[data-select-all]').forEach(function (box) {
    box.addEventListener('change', function () {
      document.querySelectorAll('input[name="' + box.getAttribute('data-select-all') + '"]').forEach(function (c) {
        c.checked = box.checked;
      });
    });
  });
});

// After htmx swapped in new results (a page of the case list, say): the same care for wide tables, and focus,
// which was on a link that is now gone, moves to the results instead of falling back to the top of the page.
document.addEventListener('htmx:afterSettle', function () {
  makeWideTablesScrollable(document);
  if (!document.activeElement || document.activeElement === document.body) {
    // A swapped-in piece may name where focus belongs (the row a pin changed); otherwise the results.
    var named = document.querySelector('[data-focus]');
    if (named) {
      named.removeAttribute('data-focus');
      named.focus();
      return;
    }
    var results = document.querySelector('[data-results]');
    if (results) {
      results.focus();
    }
  }
});

// htmx asks for HTML (its requests otherwise accept anything, and the server's error answer to "anything" is JSON).
document.addEventListener('htmx:configRequest', function (evt) {
  evt.detail.headers['Accept'] = 'text/html';
});

// A request htmx made failed (a case that is gone, an expired form, an error on our side): htmx swaps nothing by
// default, so the click would seem to do nothing. The error page's main content takes the place of this page's, with
// its title, and gets focus, so the person reads and hears what happened and where to go on.
document.addEventListener('htmx:responseError', function (evt) {
  var failed = new DOMParser().parseFromString(evt.detail.xhr.responseText || '', 'text/html');
  var message = failed.querySelector('main');
  var current = document.querySelector('main');
  if (!message || !current) {
    window.location.reload();
    return;
  }
  document.title = failed.title;
  current.replaceWith(document.adoptNode(message));
  message.focus();
});

// The statistics map: a click (or tap) on an area shows its figures in words below the map, not only on hover.
// Keyboard and screen-reader users have the same figures in the searchable table.
document.addEventListener('DOMContentLoaded', function () {
  var detail = document.getElementById('map-detail');
  if (!detail) {
    return;
  }
  document.querySelectorAll('svg.norway .area').forEach(function (area) {
    area.addEventListener('click', function () {
      var title = area.querySelector('title');
      document.querySelectorAll('svg.norway .area.chosen').forEach(function (a) { a.classList.remove('chosen'); });
      area.classList.add('chosen');
      detail.textContent = title ? title.textContent : '';
    });
  });
});
