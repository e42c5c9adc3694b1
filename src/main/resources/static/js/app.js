// htmx requests carry the CSRF token from the page's meta tags; pages work without JavaScript too.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// "Select all": a header checkbox (hidden without JavaScript) ticks or clears every row checkbox of its form with the
// name in data-select-all, and shows "some ticked" as indeterminate. A real checkbox, so keyboard and screen readers
// work as usual.
document.querySelectorAll("input[data-select-all]").forEach(function (all) {
  var form = all.form;
  var name = all.getAttribute("data-select-all");
  function rows() {
    return Array.prototype.filter.call(form.elements, function (e) {
      return e.type === "checkbox" && e.name === name && !e.disabled;
    });
  }
  function reflect() {
    var ticked = rows().filter(function (e) { return e.checked; }).length;
    all.checked = ticked > 0 && ticked === rows().length;
    all.indeterminate = ticked > 0 && ticked < rows().length;
  }
  if (!form || rows().length === 0) {
    return;
  }
  all.addEventListener("change", function () {
    rows().forEach(function (e) { e.checked = all.checked; });
    all.indeterminate = false;
  });
  form.addEventListener("change", function (event) {
    if (event.target !== all && event.target.name === name) {
      reflect();
    }
  });
  reflect();
  var label = all.closest("label");
  (label || all).hidden = false;
  var th = all.closest("th");
  var fallback = th && th.querySelector("[data-select-all-fallback]");
  if (fallback) {
    fallback.hidden = true;
  }
});
