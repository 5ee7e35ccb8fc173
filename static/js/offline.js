// "Save for offline" buttons, marks on saved lessons, the offline notice and the queue of
// quiz answers made offline. Loaded only on curriculum pages; every page works without it.
// The storing itself is done by the service worker (static/js/sw.js); the queue lives in
// IndexedDB ("semilla-offline", store "answers") and is deleted when the person logs out
// (semilla.js). Design: docs/architecture.md, "Offline".
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !("caches" in window) || !("indexedDB" in window)) return;
  var INDEX = "semilla-offline-index";
  var root = document.documentElement;

  // --- talking to the worker -------------------------------------------------------------
  function worker(message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve, reject) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          if (event.data.ok) resolve(event.data.result); else reject(new Error(event.data.error));
        };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  function formatSize(bytes) {
    var kb = bytes / 1024;
    var value = kb < 1024 ? kb : kb / 1024;
    var number = new Intl.NumberFormat(root.lang || "es", { maximumFractionDigits: 1 }).format(value);
    return number + (kb < 1024 ? " KB" : " MB");
  }

  function savedBundleFor(url) {
    return caches.open(INDEX).then(function (index) { return index.match(url); });
  }

  // --- marks: which lessons open without a connection -----------------------------------
  var banner = document.querySelector("[data-offline-banner]");
  var savedLabel = banner ? banner.getAttribute("data-saved-label") : "";

  function isSaved(href) {
    return caches.match(href, { ignoreVary: true }).then(function (hit) { return Boolean(hit); });
  }

  function markSaved() {
    var links = document.querySelectorAll(".lesson-list a[href]");
    return Promise.all(Array.prototype.map.call(links, function (link) {
      return isSaved(link.getAttribute("href")).then(function (saved) {
        var mark = link.parentNode.querySelector("[data-offline-mark]");
        if (saved && !mark) {
          mark = document.createElement("span");
          mark.className = "badge ok";
          mark.setAttribute("data-offline-mark", "");
          mark.textContent = savedLabel;
          link.parentNode.appendChild(mark);
        } else if (!saved && mark) {
          mark.remove();
        }
      });
    }));
  }

  function showConnection() {
    if (banner) banner.hidden = navigator.onLine;
  }
  window.addEventListener("online", showConnection);
  window.addEventListener("offline", showConnection);
  showConnection();

  // --- save and remove ----------------------------------------------------------------------
  function setupSave(box) {
    var url = box.getAttribute("data-offline-bundle");
    var saveButton = box.querySelector("[data-offline-save]");
    var removeButton = box.querySelector("[data-offline-remove]");
    function show(state) {
      box.querySelectorAll("[data-offline-state]").forEach(function (el) {
        el.hidden = el.getAttribute("data-offline-state") !== state;
      });
      saveButton.hidden = state === "saved" || state === "saving";
      removeButton.hidden = state !== "saved";
      box.setAttribute("data-state", state);
    }
    function showSize() {
      if (!navigator.onLine) return;
      fetch(url, { credentials: "omit" }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (bundle) {
        if (!bundle) return;
        box.querySelector("[data-offline-size]").textContent =
          box.getAttribute("data-size-label") + " " + formatSize(bundle.bytes) + ".";
      }).catch(function () {});
    }
    box.hidden = false;
    savedBundleFor(url).then(function (hit) {
      show(hit ? "saved" : "unsaved");
      if (!hit) showSize();
    });
    saveButton.addEventListener("click", function () {
      show("saving");
      worker({ type: "save", url: url }).then(function () {
        show("saved");
        return markSaved();
      }, function () {
        show("error");
        saveButton.hidden = false;
      });
    });
    removeButton.addEventListener("click", function () {
      worker({ type: "remove", url: url }).then(function () {
        show("unsaved");
        showSize();
        return markSaved().then(listSaved);
      });
    });
  }

  // --- the list on the "learn without data" page ------------------------------------------
  var list = document.querySelector("[data-offline-saved-list]");
  function listSaved() {
    if (!list) return Promise.resolve();
    var items = list.querySelector("[data-offline-items]");
    return caches.open(INDEX).then(function (index) {
      return index.keys().then(function (requests) {
        return Promise.all(requests.map(function (request) {
          return index.match(request).then(function (r) { return r.json(); }).then(function (bundle) {
            return { url: new URL(request.url).pathname, bundle: bundle };
          });
        }));
      });
    }).then(function (saved) {
      items.textContent = "";
      list.querySelector("[data-offline-empty]").hidden = saved.length > 0;
      saved.forEach(function (item) {
        var li = document.createElement("li");
        var link = document.createElement("a");
        link.href = item.bundle.pages.length ? item.bundle.pages[0].url : "#";
        link.textContent = item.bundle.title;
        var size = document.createElement("span");
        size.className = "help";
        size.textContent = " · " + formatSize(item.bundle.bytes) + " ";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "link";
        button.textContent = list.getAttribute("data-remove-label");
        button.addEventListener("click", function () {
          worker({ type: "remove", url: item.url }).then(listSaved);
        });
        li.append(link, size, button);
        items.appendChild(li);
      });
    });
  }

  // --- quiz answers made offline --------------------------------------------------------------
  function openQueue() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open("semilla-offline", 1);
      request.onupgradeneeded = function () { request.result.createObjectStore("answers", { keyPath: "id" }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function queue(mode, action) {
    return openQueue().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction("answers", mode);
        var request = action(tx.objectStore("answers"));
        tx.oncomplete = function () { db.close(); resolve(request ? request.result : undefined); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function countWaiting() {
    return queue("readonly", function (store) { return store.count(); }).then(function (n) {
      root.setAttribute("data-offline-queue", String(n));
      return n;
    });
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function notice(form, text, kind) {
    var section = form.closest("section.quiz") || form.parentNode;
    var note = section.querySelector("[data-offline-note]");
    if (!note) {
      note = document.createElement("p");
      note.setAttribute("data-offline-note", "");
      note.setAttribute("role", "status");
      note.setAttribute("data-testid", "quiz-offline-note");
      form.parentNode.insertBefore(note, form);
    }
    note.className = "message " + (kind || "warning");
    note.setAttribute("data-state", kind === "success" ? "sent" : kind === "error" ? "error" : "waiting");
    note.textContent = text;
  }

  function keep(form) {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (/^q\d+$/.test(name)) fields.push([name, String(value)]);
    });
    var record = { id: newId(), url: form.getAttribute("data-offline-url"), fields: fields, at: Date.now() };
    return queue("readwrite", function (store) { return store.put(record); }).then(function () {
      notice(form, form.getAttribute("data-offline-waiting"));
      return countWaiting();
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target.closest && event.target.closest("form[data-offline-url]");
    if (!form || navigator.onLine) return;
    event.preventDefault();
    event.stopImmediatePropagation(); // htmx would try the network
    keep(form);
  }, true);
  document.addEventListener("htmx:sendError", function (event) {
    var form = event.detail.elt && event.detail.elt.closest("form[data-offline-url]");
    if (form) keep(form);
  });

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function formFor(url) {
    return document.querySelector('form[data-offline-url="' + url + '"]');
  }

  function send(record) {
    var body = new URLSearchParams(record.fields);
    body.append("client_id", record.id);
    return fetch(record.url, {
      method: "POST", credentials: "same-origin", body: body,
      headers: { "X-CSRFToken": csrfToken(), "Accept": "application/json" }
    }).then(function (response) {
      if (response.status === 403 && !record.retried) {
        // No CSRF cookie yet (or a new one after signing in): a visit sets it.
        record.retried = true;
        return fetch(location.href, { credentials: "same-origin" }).then(function () { return send(record); });
      }
      return response.json().catch(function () { return {}; }).then(function (data) {
        var form = formFor(record.url);
        if (response.ok) {
          if (form) notice(form, data.message, "success");
        } else if (response.status >= 400 && response.status < 500) {
          if (form) notice(form, data.error || "", "error"); // cannot succeed: dropped
        } else {
          throw new Error("server " + response.status); // kept for later
        }
        return queue("readwrite", function (store) { return store.delete(record.id); });
      });
    });
  }

  var sending = null;
  function flush() {
    if (!navigator.onLine) return Promise.resolve();
    if (sending) return sending;
    sending = queue("readonly", function (store) { return store.getAll(); }).then(function (records) {
      return records.reduce(function (chain, record) {
        return chain.then(function () {
          var form = formFor(record.url);
          if (form) notice(form, form.getAttribute("data-offline-sending"));
          return send(record).catch(function () {
            if (form) notice(form, form.getAttribute("data-offline-waiting"));
          });
        });
      }, Promise.resolve());
    }).then(countWaiting, countWaiting).then(function () { sending = null; });
    return sending;
  }

  function showWaiting() {
    return queue("readonly", function (store) { return store.getAll(); }).then(function (records) {
      records.forEach(function (record) {
        var form = formFor(record.url);
        if (form) notice(form, form.getAttribute("data-offline-waiting"));
      });
    });
  }

  window.addEventListener("online", function () {
    flush();
    worker({ type: "refresh" }).then(markSaved);
  });

  // --- start ---------------------------------------------------------------------------------
  document.querySelectorAll("[data-offline-bundle]").forEach(setupSave);
  var start = navigator.onLine
    ? worker({ type: "refresh" }).catch(function () {}).then(function () { return flush(); })
    : showWaiting().then(countWaiting);
  start.then(markSaved).then(listSaved).then(function () {
    root.setAttribute("data-offline-ready", "true");
  }, function () {
    root.setAttribute("data-offline-ready", "true");
  });
})();
