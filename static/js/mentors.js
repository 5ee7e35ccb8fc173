// Mentors: small progressive enhancements (no inline scripts: CSP).
(function () {
  "use strict";
  // Confirm destructive staff actions marked with data-confirm.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute && form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();
