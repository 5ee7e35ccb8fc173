// htmx requests carry the CSRF token in the X-CSRFToken header, read from the CSRF cookie
// (Django's documented way for JavaScript; CSRF_COOKIE_HTTPONLY and CSRF_USE_SESSIONS stay
// off, tests/semilla/test_csrf_script.py). Public pages hold no token of their own, so a
// page from the page cache is the same for everyone (docs/security.md, CSRF). A request
// to another origin never gets the header.
(function () {
  "use strict";
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  function sameOrigin(path) {
    try { return new URL(path, window.location.href).origin === window.location.origin; }
    catch (e) { return false; }
  }
  window.semillaCsrfToken = csrfToken;
  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrfToken();
    if (token && sameOrigin(event.detail.path)) event.detail.headers["X-CSRFToken"] = token;
  });
})();
