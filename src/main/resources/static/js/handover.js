// The volunteer's handover pages (issue 14). Progressive: without JavaScript the record form posts as a plain form.
// With it: the pages are kept for use without signal (service worker /handover/sw.js), the guardian signs on the
// phone (signature_pad), and a record is first queued in IndexedDB with its idempotency key, then sent; without signal
// it stays queued and goes when the network is back. The server decides conflicts: a 400/409 answer is kept and shown
// to the volunteer, never dropped. A hand-written IndexedDB wrapper: no maintained one resolves as a webjar here.
(function () {
  var CACHE = "cungem-handover-v1";
  var main = document.querySelector("[data-handover-today], [data-handover-entry]");
  if (!main) {
    return;
  }
  var csrf = document.querySelector("meta[name=_csrf]");
  var csrfHeader = document.querySelector("meta[name=_csrf_header]");
  var syncing = false;

  function msg(name, args) {
    var text = main.getAttribute("data-msg-" + name) || "";
    (args || []).forEach(function (a, i) {
      text = text.split("{" + i + "}").join(a);
    });
    return text;
  }

  // ---- installable, and kept for use without signal
  var manifest = document.createElement("link");
  manifest.rel = "manifest";
  manifest.href = "/handover/manifest.webmanifest";
  manifest.crossOrigin = "use-credentials";
  document.head.appendChild(manifest);

  function keepPages() {
    if (!("caches" in window)) {
      return Promise.resolve();
    }
    var urls = [location.pathname];
    document.querySelectorAll("a[data-offline]").forEach(function (a) {
      urls.push(a.getAttribute("href"));
    });
    return caches.open(CACHE).then(function (cache) {
      return Promise.all(urls.map(function (url) {
        return fetch(url, { credentials: "same-origin" }).then(function (r) {
          if (r.ok && !r.redirected) {
            return cache.put(url, r);
          }
        }).catch(function () {});
      }));
    }).then(function () {
      var note = document.getElementById("handover-offline");
      if (note) {
        note.textContent = msg("ready");
        note.hidden = false;
      }
      document.body.setAttribute("data-offline-ready", "true");
    });
  }

  var registered = "serviceWorker" in navigator
    ? navigator.serviceWorker.register("/handover/sw.js", { scope: "/handover/" }).then(function () {
        return navigator.serviceWorker.ready;
      }).catch(function () {})
    : Promise.resolve();
  if (navigator.onLine) {
    registered.then(keepPages);
  }

  // ---- the queue (IndexedDB)
  function open() {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open("cungem-handover", 1);
      req.onupgradeneeded = function () {
        req.result.createObjectStore("queue", { keyPath: "key" });
        req.result.createObjectStore("outcomes", { keyPath: "key" });
      };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function store(name, mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(name, mode);
        var result = work(tx.objectStore(name));
        tx.oncomplete = function () { resolve(result && "result" in result ? result.result : undefined); };
        tx.onerror = function () { reject(tx.error); };
      });
    });
  }

  function all(name) { return store(name, "readonly", function (s) { return s.getAll(); }); }
  function put(name, value) { return store(name, "readwrite", function (s) { s.put(value); }); }
  function remove(name, key) { return store(name, "readwrite", function (s) { s["delete"](key); }); }

  function line(text, kind, href) {
    var p = document.createElement("p");
    p.className = "govuk-body handover-" + kind + (kind === "conflict" ? " govuk-error-message" : "");
    p.setAttribute("role", kind === "conflict" ? "alert" : "status");
    if (href) {
      var a = document.createElement("a");
      a.className = "govuk-link";
      a.href = href;
      a.textContent = text;
      p.appendChild(a);
    } else {
      p.textContent = text;
    }
    return p;
  }

  function render() {
    var box = document.getElementById("handover-outbox");
    if (!box) {
      return Promise.resolve();
    }
    return Promise.all([all("queue"), all("outcomes")]).then(function (found) {
      box.textContent = "";
      var pending = found[0];
      if (pending.length) {
        box.appendChild(line(msg("pending", [pending.map(function (q) { return q.name; }).join(", ")]), "pending"));
      }
      var day = Date.now() - 24 * 3600 * 1000;
      var form = document.getElementById("handover-form");
      var entry = main.getAttribute("data-entry");
      found[1].filter(function (o) { return (o.at || 0) > day; }).forEach(function (o) {
        if (form && o.entry === entry && o.status === "conflict" && !pending.length) {
          // refused: the volunteer corrects and sends again (a new key: nothing was stored under the old one)
          form.hidden = false;
        }
        if (o.status === "sent") {
          box.appendChild(line(msg("sent", [o.number]), "sent", o.url));
        } else {
          box.appendChild(line(msg("conflict", [o.name, o.message]), "conflict"));
        }
      });
    });
  }

  function send(q) {
    var headers = { "Content-Type": "application/json", "Accept": "application/json", "Idempotency-Key": q.key };
    if (csrf && csrfHeader) {
      headers[csrfHeader.content] = csrf.content;
    }
    return fetch(q.url, { method: "POST", headers: headers, body: JSON.stringify(q.body), credentials: "same-origin" })
      .then(function (response) {
        var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
        if (!json) {
          // signed out meanwhile (the sign-in page answered): keep it queued for after signing in
          return false;
        }
        return response.json().then(function (body) {
          var outcome = response.ok
            ? { key: q.key, entry: q.entry, name: q.name, status: "sent", number: body.number, url: body.url, at: Date.now() }
            : { key: q.key, entry: q.entry, name: q.name, status: "conflict", message: body.message, at: Date.now() };
          return put("outcomes", outcome).then(function () {
            return remove("queue", q.key);
          }).then(function () { return true; });
        });
      });
  }

  function sync() {
    if (syncing || !navigator.onLine) {
      return render();
    }
    syncing = true;
    return all("queue").then(function (queued) {
      return queued.reduce(function (chain, q) {
        return chain.then(function (go) {
          return go ? send(q).catch(function () { return false; }) : false;
        });
      }, Promise.resolve(true));
    }).then(function () {
      syncing = false;
      document.body.setAttribute("data-synced", String(Date.now()));
      return render();
    }, function () {
      syncing = false;
      return render();
    });
  }

  window.addEventListener("online", sync);
  sync();

  // ---- one student's record
  var form = document.getElementById("handover-form");
  if (!form) {
    return;
  }
  var expected = (main.getAttribute("data-tags") || "").split(",").filter(Boolean);
  var pad = null;
  var canvas = document.getElementById("signature-pad");
  if (canvas && typeof SignaturePad !== "undefined") {
    document.getElementById("signature-group").hidden = false;
    var ratio = Math.max(window.devicePixelRatio || 1, 1);
    var width = Math.min(canvas.parentElement.clientWidth || 320, 600);
    canvas.style.width = width + "px";
    canvas.style.height = "180px";
    canvas.style.border = "2px solid #0b0c0c";
    canvas.style.touchAction = "none";
    canvas.width = width * ratio;
    canvas.height = 180 * ratio;
    canvas.getContext("2d").scale(ratio, ratio);
    pad = new SignaturePad(canvas, { backgroundColor: "rgb(255,255,255)" });
    document.getElementById("signature-clear").addEventListener("click", function () { pad.clear(); });
  }

  function fail(id, text) {
    var p = document.getElementById(id);
    p.textContent = text;
    p.hidden = false;
    p.scrollIntoView({ block: "center" });
  }

  function readPhoto() {
    var input = document.getElementById("photo");
    var file = input && input.files && input.files[0];
    if (!file) {
      return Promise.resolve(null);
    }
    return new Promise(function (resolve) {
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = function () { resolve(null); };
      reader.readAsDataURL(file);
    });
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    return form.elements.idempotencyKey.value;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    document.getElementById("tag-error").hidden = true;
    var typed = form.elements.tag.value.toUpperCase().split(/[\s,]+/).filter(Boolean);
    if (!typed.length) {
      fail("tag-error", msg("no-tag"));
      return;
    }
    // the right device to the right child: a tag not on this child's list records nothing
    var wrong = typed.filter(function (t) { return expected.indexOf(t) < 0; });
    if (wrong.length) {
      fail("tag-error", msg("wrong-tag", [wrong.join(", "), expected.join(", ")]));
      form.elements.tag.focus();
      return;
    }
    var signature = pad && !pad.isEmpty() ? pad.toDataURL("image/png") : null;
    readPhoto().then(function (photo) {
      if (!signature && !photo) {
        fail(pad ? "signature-error" : "tag-error", msg("unsigned"));
        return;
      }
      var q = {
        key: newKey(),
        entry: main.getAttribute("data-entry"),
        name: main.getAttribute("data-name"),
        url: form.getAttribute("action"),
        body: {
          tags: typed,
          guardianName: form.elements.guardianName.value,
          guardianRelation: form.elements.guardianRelation.value,
          guardianPhone: form.elements.guardianPhone.value,
          place: form.elements.place.value,
          signature: signature,
          photo: photo,
          madeOffline: !navigator.onLine,
          // the phone's clock when the record is made: it dates the record even if it is sent days later
          madeAt: new Date().toISOString()
        }
      };
      put("queue", q).then(function () {
        form.hidden = true;
        if (!navigator.onLine) {
          var note = document.getElementById("handover-offline");
          note.textContent = msg("queued");
          note.hidden = false;
        }
        return sync();
      });
    });
  });
})();
