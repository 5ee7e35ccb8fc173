/* Cohorts: small progressive enhancements; every form works without JavaScript. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // Warn before leaving a step with unsaved changes.
    var dirty = false;
    document.querySelectorAll("main form input, main form select, main form textarea").forEach(function (el) {
      el.addEventListener("change", function () { dirty = true; });
    });
    document.querySelectorAll("main form").forEach(function (form) {
      form.addEventListener("submit", function () { dirty = false; });
    });
    window.addEventListener("beforeunload", function (event) {
      if (dirty && document.querySelector(".steps")) { event.preventDefault(); }
    });
    // Limit the needs checkboxes to three, as the server does.
    var needs = document.querySelectorAll("input[name=needs]");
    function limit() {
      var checked = Array.prototype.filter.call(needs, function (el) { return el.checked; }).length;
      needs.forEach(function (el) { el.disabled = !el.checked && checked >= 3; });
    }
    needs.forEach(function (el) { el.addEventListener("change", limit); });
    if (needs.length) { limit(); }
  });
})();
