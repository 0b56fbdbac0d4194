// Members' signatures from the browser. A delegate makes an Ed25519 key
// here with WebCrypto: its private half cannot be read out of the browser
// (not even by this site's scripts) and stays in the browser's IndexedDB;
// only the public key is shown, for the head of delegation to register.
// When the delegate's member requires its signature, every form that acts
// in the member's name (marked data-sign) is signed on submit: the script
// sends the form's fields to the form's address with "Accord-Sign: prepare"
// and a fresh nonce, the server answers the exact bytes it will record the
// action under (accord-signed-action/v1 and the canonical JSON of actor,
// kind, log, nonce and payload), the key signs them, and the form goes out
// with the key id, the nonce and the signature in hidden fields.
// Without this script, or without a registered key in this browser, forms
// go out unsigned and the page says why the member's action is refused.
(function () {
  "use strict";
  var info = document.querySelector("[data-signing]");
  if (!info) { return; }
  var member = info.getAttribute("data-member");
  var registered = (info.getAttribute("data-keys") || "").split(" ").filter(Boolean);
  var required = info.getAttribute("data-required") === "true";
  var subtle = window.crypto && window.crypto.subtle;
  var PREFIX = "accord-signed-action/v1\n";

  function b64(bytes) {
    var s = "";
    new Uint8Array(bytes).forEach(function (b) { s += String.fromCharCode(b); });
    return btoa(s);
  }
  function unb64(text) {
    var s = atob(text);
    var out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) { out[i] = s.charCodeAt(i); }
    return out;
  }
  function hex(bytes) {
    return Array.from(new Uint8Array(bytes)).map(function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }
  // 18 random bytes in URL-safe base64: 24 characters, as `accord submit` makes them.
  function nonce() {
    var bytes = new Uint8Array(18);
    window.crypto.getRandomValues(bytes);
    return b64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  // A key's id: the first 8 bytes of SHA-256 of the raw public key, in hex.
  function keyId(raw) {
    return subtle.digest("SHA-256", raw).then(function (d) { return hex(d.slice(0, 8)); });
  }

  // The browser's keys: one object store, records {id, member, publicKey,
  // privateKey (a non-extractable CryptoKey), created}.
  function database() {
    return new Promise(function (resolve, reject) {
      if (!window.indexedDB) { reject(new Error("this browser has no IndexedDB")); return; }
      var open = window.indexedDB.open("accord-signing", 1);
      open.onupgradeneeded = function () { open.result.createObjectStore("keys", { keyPath: "id" }); };
      open.onsuccess = function () { resolve(open.result); };
      open.onerror = function () { reject(open.error); };
    });
  }
  function store(mode, work) {
    return database().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction("keys", mode);
        var request = work(tx.objectStore("keys"));
        tx.oncomplete = function () { db.close(); resolve(request && request.result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
        tx.onabort = function () { db.close(); reject(tx.error); };
      });
    });
  }
  function browserKeys() {
    return store("readonly", function (s) { return s.getAll(); }).then(function (all) {
      return (all || []).filter(function (k) { return k.member === member; });
    });
  }
  // The key this browser signs with: one of the member's registered keys.
  function signingKey() {
    return browserKeys().then(function (keys) {
      return keys.filter(function (k) { return registered.indexOf(k.id) >= 0; })[0] || null;
    });
  }
  function createKey() {
    return subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]).then(function (pair) {
      return subtle.exportKey("raw", pair.publicKey).then(function (raw) {
        return keyId(raw).then(function (id) {
          var record = { id: id, member: member, publicKey: b64(raw), privateKey: pair.privateKey, created: new Date().toISOString() };
          return store("readwrite", function (s) { return s.put(record); }).then(function () { return record; });
        });
      });
    });
  }

  // ---- what the pages say ----

  var status = document.querySelector("[data-signing-status]");
  function showStatus(key) {
    if (!status || !key) { return; }
    status.textContent = member + " requires its signature on every action in its name: this browser signs " +
      "your actions for " + member + " with its key " + key.id + ".";
    status.classList.add("signed");
  }

  var panel = document.querySelector("[data-key-panel]");
  function listKeys() {
    var list = document.querySelector("[data-key-list]");
    if (!list) { return Promise.resolve(); }
    return browserKeys().then(function (keys) {
      list.textContent = "";
      keys.forEach(function (k) {
        var li = document.createElement("li");
        var code = document.createElement("code");
        code.textContent = k.id;
        li.appendChild(code);
        li.appendChild(document.createTextNode(registered.indexOf(k.id) >= 0
          ? " registered: this browser signs " + member + "'s actions with it"
          : " not registered yet; its public key: "));
        if (registered.indexOf(k.id) < 0) {
          var pub = document.createElement("code");
          pub.className = "token";
          pub.setAttribute("data-public-key", k.id);
          pub.textContent = k.publicKey;
          li.appendChild(pub);
        }
        list.appendChild(li);
      });
      var none = document.querySelector("[data-key-none]");
      if (none) { none.hidden = keys.length > 0; }
      return keys;
    });
  }
  function fillRegistration(key) {
    document.querySelectorAll("form[data-key-register]").forEach(function (form) {
      var field = form.querySelector("input[name=public_key]");
      if (field && !field.value) { field.value = key.publicKey; }
    });
  }
  if (panel && subtle) {
    panel.hidden = false;
    document.querySelectorAll("[data-key-needs-script]").forEach(function (p) { p.hidden = true; });
    var out = panel.querySelector("[data-key-out]");
    listKeys().then(function (keys) {
      var waiting = (keys || []).filter(function (k) { return registered.indexOf(k.id) < 0; })[0];
      if (waiting) { fillRegistration(waiting); }
    }).catch(function (e) { if (out) { out.textContent = "The browser's keys cannot be read: " + e.message; } });
    var button = panel.querySelector("[data-key-create]");
    if (button) {
      button.addEventListener("click", function () {
        button.disabled = true;
        createKey().then(function (key) {
          if (out) {
            out.textContent = "Key " + key.id + " was made in this browser. Its public key, for " + member +
              "'s head of delegation to register: " + key.publicKey;
            out.setAttribute("data-created", key.id);
          }
          fillRegistration(key);
          return listKeys();
        }).catch(function (e) {
          if (out) {
            out.textContent = "This browser cannot make an Ed25519 key (" + (e && e.message || e) + "): use a " +
              "recent Chromium, Firefox or Safari, or make a key with accord keygen and sign with accord submit.";
          }
        }).then(function () { button.disabled = false; });
      });
    }
  }

  // ---- signing the forms ----

  function hidden(form, name, value) {
    var field = form.querySelector("input[type=hidden][name=" + name + "]");
    if (!field) {
      field = document.createElement("input");
      field.type = "hidden";
      field.name = name;
      form.appendChild(field);
    }
    field.value = value;
  }
  // Sends the form as the browser would have (the button pressed included),
  // without passing through the submit listeners again.
  function send(form, submitter) {
    var pressed = form.querySelector("input[data-submitter]");
    if (pressed) { pressed.remove(); }
    if (submitter && submitter.name) {
      pressed = document.createElement("input");
      pressed.type = "hidden";
      pressed.name = submitter.name;
      pressed.value = submitter.value;
      pressed.setAttribute("data-submitter", "");
      form.appendChild(pressed);
    }
    HTMLFormElement.prototype.submit.call(form);
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.hasAttribute || !form.hasAttribute("data-sign") || !subtle) { return; }
    if (!required && form.getAttribute("data-sign") !== "always") { return; }
    event.preventDefault();
    // A second press while the first is being signed is the same act.
    if (form.hasAttribute("data-signing-busy")) { return; }
    form.setAttribute("data-signing-busy", "");
    var submitter = event.submitter || null;
    ["sign_key", "sign_nonce", "sign_sig"].forEach(function (n) {
      var f = form.querySelector("input[type=hidden][name=" + n + "]");
      if (f) { f.remove(); }
    });
    signingKey().then(function (key) {
      if (!key) { send(form, submitter); return null; }
      var chosen = nonce();
      var fields = new FormData(form, submitter);
      fields.set("sign_nonce", chosen);
      return fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { "Accord-Sign": "prepare", "Accept": "application/json" },
        credentials: "same-origin"
      }).then(function (r) {
        var json = (r.headers.get("Content-Type") || "").indexOf("application/json") === 0;
        if (r.ok && json) { return r.json(); }
        // A page, not the bytes to sign: the form did not reach its
        // action. Sent as it is, the page says why.
        if (r.redirected) { window.location.href = r.url; return null; }
        send(form, submitter);
        return null;
      }).then(function (toSign) {
        if (!toSign) { return; }
        var message = unb64(toSign.message);
        var text = new TextDecoder().decode(message);
        // Sign only an action of this member, with the nonce chosen here.
        var body = JSON.parse(text.slice(PREFIX.length));
        if (text.indexOf(PREFIX) !== 0 || body.nonce !== chosen || !body.actor || body.actor.member !== member) {
          throw new Error("the server asked to sign something else than this form's action");
        }
        return subtle.sign({ name: "Ed25519" }, key.privateKey, message).then(function (sig) {
          hidden(form, "sign_key", key.id);
          hidden(form, "sign_nonce", chosen);
          hidden(form, "sign_sig", b64(sig));
          send(form, submitter);
        });
      });
    }).catch(function () {
      // Unsigned, the server refuses the member's action and says why.
      send(form, submitter);
    });
  });

  // A page shown again from the history can be sent again.
  window.addEventListener("pageshow", function (e) {
    if (!e.persisted) { return; }
    document.querySelectorAll("form[data-signing-busy]").forEach(function (f) { f.removeAttribute("data-signing-busy"); });
  });

  if (required) { signingKey().then(showStatus).catch(function () {}); }
})();
