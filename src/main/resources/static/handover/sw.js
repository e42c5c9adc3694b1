// The volunteer's handover pages keep working without signal (issue 14; 001's phase 3: remote, border and island
// areas). Hand-written and small on purpose: no maintained service-worker library resolves as a webjar here (see
// docs/architecture.md). Pages under /handover/ are read from the network first and kept; without network the kept
// copy is shown. Records are not sent from here: the page queues them in IndexedDB and sends them (js/handover.js).
var CACHE = "cungem-handover-v1";
var SHELL = [
  "/css/app.css",
  "/js/app.js",
  "/js/handover.js",
  "/webjars/htmx.org/dist/htmx.min.js",
  "/webjars/signature_pad/dist/signature_pad.umd.min.js",
  "/handover/today"
];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // one missing file must not stop the rest from being kept
    return Promise.all(SHELL.map(function (url) {
      return fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (response.ok && !response.redirected) {
          return cache.put(url, response);
        }
      }).catch(function () {});
    }));
  }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) {
      return k.indexOf("cungem-handover-") === 0 && k !== CACHE;
    }).map(function (k) {
      return caches.delete(k);
    }));
  }).then(function () {
    return self.clients.claim();
  }));
});

function kept(request) {
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || request.method !== "GET") {
    return false;
  }
  return url.pathname.indexOf("/handover/") === 0 || url.pathname.indexOf("/css/") === 0
    || url.pathname.indexOf("/js/") === 0 || url.pathname.indexOf("/webjars/") === 0
    || url.pathname.indexOf("/img/") === 0;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (!kept(request) || new URL(request.url).pathname.slice(-4) === ".pdf") {
    return;
  }
  event.respondWith(fetch(request).then(function (response) {
    // a sign-in page (redirect) is never kept in place of the page asked for
    if (response.ok && !response.redirected) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) {
        cache.put(request, copy);
      });
    }
    return response;
  }).catch(function () {
    return caches.match(request, { ignoreVary: true }).then(function (hit) {
      return hit || Response.error();
    });
  }));
});
