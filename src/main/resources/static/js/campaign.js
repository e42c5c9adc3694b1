// Campaign form: after htmx appends a blank row, the next "add row" click must ask for the following index.
document.addEventListener("htmx:afterRequest", function (event) {
  var counterId = event.detail.elt && event.detail.elt.getAttribute("data-row-counter");
  if (!counterId || !event.detail.successful) {
    return;
  }
  var counter = document.getElementById(counterId);
  if (counter) {
    counter.value = String(parseInt(counter.value || "0", 10) + 1);
  }
});
