// Semilla's small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // Click-to-load video embeds: the lesson loads no third-party content until asked.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-embed-src]");
    if (!button) return;
    var frame = document.createElement("iframe");
    frame.src = button.getAttribute("data-embed-src");
    frame.title = button.getAttribute("data-embed-title") || "";
    frame.setAttribute("allow", "accelerometer; encrypted-media; picture-in-picture");
    frame.setAttribute("allowfullscreen", "");
    frame.loading = "lazy";
    button.replaceWith(frame);
  });
  // Print buttons (certificates) without inline script.
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) window.print();
  });
  // Elements that auto-submit their form (e.g. filters) when changed.
  document.addEventListener("change", function (event) {
    var el = event.target.closest("[data-autosubmit]");
    if (el && el.form) el.form.requestSubmit();
  });
  // A form sent once: a second tap while the first is on its way (a slow connection on a
  // cheap phone) is ignored, so nothing is booked, sent or paid twice. Every POST form gets
  // it; htmx requests and forms that prevent their own submission are left alone, as are
  // forms marked data-resubmit (downloads) or opening another window. The guard lifts when
  // the page is shown again (back button) and after 20 s, in case the request was stopped.
  // The submitter keeps its name and value: it is marked busy, not disabled.
  window.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.matches || !form.matches("form")) return;
    if ((form.getAttribute("method") || "get").toLowerCase() !== "post") return;
    if (form.hasAttribute("data-resubmit") || (form.target && form.target !== "_self")) return;
    if (form.dataset.sending) {
      event.preventDefault();
      return;
    }
    form.dataset.sending = "1";
    var submitter = event.submitter;
    if (submitter) {
      submitter.setAttribute("aria-busy", "true");
      form.semillaSubmitter = submitter;
    }
    window.setTimeout(function () { release(form); }, 20000);
  });
  function release(form) {
    delete form.dataset.sending;
    if (form.semillaSubmitter) form.semillaSubmitter.removeAttribute("aria-busy");
  }
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) document.querySelectorAll("form[data-sending]").forEach(release);
  });
  // The service worker (saved modules open offline; see static/js/sw.js). Registered from
  // every page so that the site can be installed from any of them.
  if ("serviceWorker" in navigator) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("/sw.js").catch(function () {});
    });
  }
  // Logging out deletes what the device holds for this person: quiz answers made offline
  // and not sent yet (saved lessons are public pages and stay).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches('form[action$="/accounts/logout/"]') || !window.indexedDB || form.dataset.cleared) return;
    event.preventDefault();
    var done = function () { form.dataset.cleared = "1"; form.submit(); };
    var request = indexedDB.deleteDatabase("semilla-offline");
    request.onsuccess = request.onerror = request.onblocked = done;
  }, true);
})();
