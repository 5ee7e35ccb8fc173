// Semilla's service worker: saved modules and courses open with no connection.
// Served at /sw.js (curriculum.views.service_worker) so that its scope covers /es/ and /en/.
// Design and guarantees: docs/architecture.md, "Offline".
//
// * It stores only what a reader asked to save: the URLs listed by a bundle
//   (/<lang>/aprende/sin-conexion/<id>.json), fetched WITHOUT cookies, so always the public
//   page an anonymous reader gets, never a signed-in page. A response marked no-store, a
//   redirect, an error or a path outside PUBLIC is refused and the save fails whole.
// * Pages are read from the network first; the device copy answers only when the network
//   fails. Nothing is stored while browsing.
// * Each saved bundle lives in its own cache named by its version; the next visit online
//   asks the server for the bundle again (If-None-Match): a new version is stored in a new
//   cache and the old one dropped; a bundle that is gone (404) is removed.
"use strict";

var INDEX = "semilla-offline-index"; // bundle URL -> the bundle's JSON
var PREFIX = "semilla-offline:"; // PREFIX + bundle URL + ":" + version -> its files
var SHELL = "semilla-shell-v1"; // the "learn without data" page, shown for unsaved pages
var SHELL_URLS = ["/es/aprende/sin-conexion/", "/en/aprende/sin-conexion/"];

// The only paths ever stored or answered from the device ...
var PUBLIC = [/^\/(es|en)\//, /^\/static\//, /^\/media\/images\//];
// ... except these: accounts, personal spaces and every signed-in area.
var PERSONAL = /^\/(es|en)\/(accounts|mi-espacio|preferencias|cohortes|mentores|pitch|mis-datos)\/|^\/(es|en)\/aprende\/(mi-aprendizaje|certificados|lecciones)\//;

function isPublic(path) {
  if (PERSONAL.test(path)) return false;
  return PUBLIC.some(function (pattern) { return pattern.test(path); });
}

function sameOrigin(href) {
  var url = new URL(href, self.location.origin);
  return url.origin === self.location.origin ? url : null;
}

function publicFetch(href) {
  // No cookies: the server answers as to an anonymous reader (the page cache's copy).
  return fetch(href, { credentials: "omit", redirect: "error", cache: "no-store" });
}

function storable(response) {
  var control = response.headers.get("Cache-Control") || "";
  return response.ok && response.type === "basic" && !/no-store/i.test(control);
}

function store(cache, href) {
  var url = sameOrigin(href);
  if (!url || !isPublic(url.pathname)) return Promise.reject(new Error("refused " + href));
  return publicFetch(url.href).then(function (response) {
    if (!storable(response)) throw new Error("not public " + href);
    return cache.put(url.href, response);
  });
}

function dropOtherVersions(bundleUrl, keep) {
  var start = PREFIX + bundleUrl + ":";
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(start) === 0 && name !== keep;
    }).map(function (name) { return caches.delete(name); }));
  });
}

function saveBundle(bundleUrl, bundle) {
  var name = PREFIX + bundleUrl + ":" + bundle.version;
  return caches.open(name).then(function (cache) {
    return Promise.all(bundle.urls.map(function (href) { return store(cache, href); }));
  }).then(function () {
    return caches.open(INDEX);
  }).then(function (index) {
    var body = JSON.stringify(bundle);
    return index.put(bundleUrl, new Response(body, { headers: { "Content-Type": "application/json" } }));
  }).then(function () {
    return dropOtherVersions(bundleUrl, name);
  }).then(function () {
    return bundle;
  }, function (error) {
    return caches.delete(name).then(function () { throw error; });
  });
}

function save(bundleUrl) {
  var url = sameOrigin(bundleUrl);
  if (!url) return Promise.reject(new Error("refused " + bundleUrl));
  return publicFetch(url.href).then(function (response) {
    if (!response.ok) throw new Error("bundle " + response.status);
    return response.json();
  }).then(function (bundle) { return saveBundle(url.pathname, bundle); });
}

function remove(bundleUrl) {
  var path = sameOrigin(bundleUrl).pathname;
  return dropOtherVersions(path, null).then(function () {
    return caches.open(INDEX);
  }).then(function (index) { return index.delete(path); });
}

function savedBundles() {
  return caches.open(INDEX).then(function (index) {
    return index.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        return index.match(request).then(function (response) { return response.json(); })
          .then(function (bundle) { return { url: new URL(request.url).pathname, bundle: bundle }; });
      }));
    });
  });
}

// The next visit online: each saved bundle is asked for again; a new version replaces
// the old one, a bundle that is gone is removed, a failed request changes nothing.
function refresh() {
  return savedBundles().then(function (saved) {
    return Promise.all(saved.map(function (item) {
      return fetch(item.url, {
        credentials: "omit", cache: "no-store",
        headers: { "If-None-Match": '"' + item.bundle.version + '"' }
      }).then(function (response) {
        if (response.status === 304) return "same";
        if (response.status === 404 || response.status === 410) return remove(item.url).then(function () { return "removed"; });
        if (!response.ok) return "kept";
        return response.json().then(function (bundle) {
          if (bundle.version === item.bundle.version) return "same";
          return saveBundle(item.url, bundle).then(function () { return "updated"; });
        });
      }).catch(function () { return "kept"; });
    }));
  });
}

function fromDevice(url) {
  if (!isPublic(url.pathname)) return Promise.resolve(undefined);
  return caches.match(url.href, { ignoreVary: true, ignoreSearch: false });
}

// Offline, a rendition the browser picked that was not saved (another width or format)
// is answered with the saved phone rendition of the same image.
function savedRendition(url) {
  return savedBundles().then(function (saved) {
    for (var i = 0; i < saved.length; i++) {
      var images = saved[i].bundle.images || [];
      for (var j = 0; j < images.length; j++) {
        if (url.pathname.indexOf(images[j].stem) === 0) return caches.match(images[j].url, { ignoreVary: true });
      }
    }
    return undefined;
  });
}

function offlinePage(url) {
  var language = url.pathname.indexOf("/en/") === 0 ? "en" : "es";
  return caches.match("/" + language + "/aprende/sin-conexion/", { ignoreVary: true, cacheName: SHELL })
    .then(function (page) {
      return page || new Response("Sin conexión / Offline", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    });
}

// The help page in both languages, with the styles and scripts it loads (read from the
// page itself: their names carry a hash), so that an unsaved page offline shows it styled
// with the list of what is saved.
function storeShell(cache, href) {
  return store(cache, href).then(function () {
    return cache.match(href);
  }).then(function (page) {
    return page.text();
  }).then(function (html) {
    var files = [];
    html.replace(/(?:href|src)="(\/static\/[^"]+)"/g, function (match, file) { files.push(file); return match; });
    return Promise.all(files.map(function (file) { return store(cache, file); }));
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return Promise.all(SHELL_URLS.map(function (href) {
      return storeShell(cache, href).catch(function () { return null; });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("semilla-shell-") === 0 && name !== SHELL;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    if (!/^\/(es|en)\//.test(url.pathname)) return;
    event.respondWith(fetch(request).catch(function () {
      return fromDevice(url).then(function (page) { return page || offlinePage(url); });
    }));
    return;
  }
  if (/^\/static\//.test(url.pathname)) {
    // A name with its content hash never changes: the device copy first. Without a hash
    // (development), the network first, so an edited file is never hidden by a copy.
    if (/\.[0-9a-f]{12}\.\w+$/.test(url.pathname)) {
      event.respondWith(fromDevice(url).then(function (hit) { return hit || fetch(request); }));
    } else {
      event.respondWith(fetch(request).catch(function (error) {
        return fromDevice(url).then(function (hit) { if (hit) return hit; throw error; });
      }));
    }
    return;
  }
  if (/^\/media\/images\//.test(url.pathname)) {
    event.respondWith(fromDevice(url).then(function (hit) {
      return hit || fetch(request).catch(function (error) {
        return savedRendition(url).then(function (copy) { if (copy) return copy; throw error; });
      });
    }));
  }
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  var work;
  if (data.type === "save") work = save(data.url);
  else if (data.type === "remove") work = remove(data.url);
  else if (data.type === "refresh") work = refresh();
  else work = Promise.resolve(null);
  event.waitUntil(work.then(function (result) {
    if (port) port.postMessage({ ok: true, result: result });
  }, function (error) {
    if (port) port.postMessage({ ok: false, error: String(error) });
  }));
});
