// Pitch day: judges' scores survive a flaky connection. Every score form is sent by htmx;
// when sending fails, the values are kept in localStorage and sent again when the
// connection returns (or the page is opened again). The server stores one score per judge,
// pitch and criterion, so sending twice is harmless.
(function () {
  "use strict";
  var KEY = "semilla.pitchday.unsent";

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || "{}"); } catch (e) { return {}; }
  }
  function store(queue) {
    try { window.localStorage.setItem(KEY, JSON.stringify(queue)); } catch (e) { /* full */ }
  }
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  function label(name) {
    var note = document.querySelector("[data-offline-note]");
    return (note && note.getAttribute("data-" + name)) || "";
  }
  function setState(form, cls, text) {
    var state = form && form.querySelector(".save-state");
    if (state) { state.innerHTML = ""; var s = document.createElement("span"); s.className = cls; s.textContent = text; state.appendChild(s); }
  }
  function formFor(key) { return document.querySelector('[data-key="' + key + '"]'); }
  function showOffline(show) {
    var note = document.querySelector("[data-offline-note]");
    if (note) note.hidden = !show;
  }

  function remember(form) {
    var data = {};
    new FormData(form).forEach(function (value, name) { if (name !== "csrfmiddlewaretoken") data[name] = value; });
    var queue = load();
    queue[form.getAttribute("data-key")] = { url: form.getAttribute("data-hx-post"), data: data };
    store(queue);
    setState(form, "pending-send", label("pending") || "…");
    showOffline(true);
  }

  var flushing = false;
  function flush() {
    var queue = load();
    var keys = Object.keys(queue);
    if (!keys.length || flushing || navigator.onLine === false) return;
    flushing = true;
    var pending = keys.length;
    keys.forEach(function (key) {
      var item = queue[key];
      var body = new URLSearchParams(item.data);
      fetch(item.url, { method: "POST", body: body, credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), "HX-Request": "true" } })
        .then(function (response) {
          if (response.ok || response.status === 400) {
            var current = load(); delete current[key]; store(current);
            var form = formFor(key);
            if (form) response.text().then(function (html) { form.querySelector(".save-state").innerHTML = html; });
          }
        })
        .catch(function () { /* still offline: keep it */ })
        .finally(function () {
          pending -= 1;
          if (pending === 0) { flushing = false; showOffline(Object.keys(load()).length > 0); }
        });
    });
  }

  document.addEventListener("htmx:sendError", function (event) {
    var form = event.target.closest && event.target.closest("[data-score-form]");
    if (form) remember(form);
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.target.closest && event.target.closest("[data-score-form]");
    if (form && event.detail.successful) {
      var queue = load(); delete queue[form.getAttribute("data-key")]; store(queue);
    }
  });
  // Restore unsent values into the page (e.g. the phone reloaded while offline).
  function restore() {
    var queue = load();
    Object.keys(queue).forEach(function (key) {
      var form = formFor(key);
      if (!form) return;
      var data = queue[key].data;
      if (data.value) {
        var radio = form.querySelector('input[name="value"][value="' + data.value + '"]');
        if (radio) radio.checked = true;
      }
      if (data.comment !== undefined) {
        var area = form.querySelector("textarea"); if (area) area.value = data.comment;
      }
      setState(form, "pending-send", label("pending") || "…");
    });
  }
  window.addEventListener("online", flush);
  document.addEventListener("DOMContentLoaded", function () { restore(); flush(); });
  window.setInterval(flush, 15000);
})();
