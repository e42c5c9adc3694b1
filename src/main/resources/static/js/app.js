// Our one script, a module (script-src 'self'): GOV.UK Frontend's components, CSRF for htmx, "select all". Every page
// works without it.
import { initAll } from "../webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js";

// GOV.UK Frontend styles its enhanced components only under this class; a browser that runs modules supports them.
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
// Content htmx brings in (a step of a form, a row) gets its components too; the page itself was started above.
document.addEventListener("htmx:load", function (event) {
  if (event.detail.elt !== document.body) {
    initAll({ scope: event.detail.elt });
  }
});

// htmx requests carry the CSRF token from the page's meta tags.
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
