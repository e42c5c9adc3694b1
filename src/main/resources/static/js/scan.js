// Scan mode: the phone's camera reads a label's QR code and sends it through the same form a USB scanner or the
// keyboard uses, so the server sees one kind of scan. The same code read again within 3 s is one scan, not two.
(function () {
  var button = document.getElementById("camera-start");
  if (!button || typeof Html5Qrcode === "undefined") {
    return;
  }
  var failure = document.getElementById("camera-error");
  var scanner = null;
  var last = "";
  var lastAt = 0;
  // the button and the message are shown and hidden through their wrappers (a styled element's display beats hidden)
  button.parentElement.hidden = false;

  function send(text) {
    var now = Date.now();
    if (text === last && now - lastAt < 3000) {
      return;
    }
    last = text;
    lastAt = now;
    var field = document.getElementById("scan-code");
    if (field && field.form) {
      field.value = text;
      field.form.requestSubmit();
    }
  }

  function stop() {
    var s = scanner;
    scanner = null;
    button.textContent = button.getAttribute("data-start");
    if (s) {
      s.stop().catch(function () {});
    }
  }

  button.addEventListener("click", function () {
    if (scanner) {
      stop();
      return;
    }
    failure.parentElement.hidden = true;
    scanner = new Html5Qrcode("camera");
    button.textContent = button.getAttribute("data-stop");
    scanner
      .start({ facingMode: "environment" }, { fps: 10, qrbox: 220 }, send, function () {})
      .catch(function () {
        scanner = null;
        button.textContent = button.getAttribute("data-start");
        failure.textContent = failure.getAttribute("data-text");
        failure.parentElement.hidden = false;
      });
  });
})();
