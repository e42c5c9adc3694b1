// "Copy" buttons beside the account number, amount and transfer note a donor types into a banking app. Hidden without
// JavaScript or a clipboard; the text stays selectable either way. The status line tells screen readers it worked.
(function () {
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  var status = document.getElementById("copy-status");
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.closest("[data-copy-wrap]").hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
        if (status) {
          status.textContent = button.getAttribute("data-copied") + ": " + button.getAttribute("data-copy");
        }
      });
    });
  });
})();
