// Accord's small progressive enhancements. Every page works without this
// script; with it, forms ask before irreversible acts, filters apply as
// they change, and messages take the focus so screen readers announce them.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
  document.querySelectorAll("form[data-autosubmit] select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  document.querySelectorAll("form[data-kind-form]").forEach(function (form) {
    var only = form.querySelector("[data-organisation-only]");
    function update() {
      var kind = form.querySelector("input[name=kind]:checked");
      if (only) { only.hidden = !(kind && kind.value === "organisation"); }
    }
    form.querySelectorAll("input[name=kind]").forEach(function (r) { r.addEventListener("change", update); });
    update();
  });
  // Print buttons.
  document.querySelectorAll("[data-print]").forEach(function (a) {
    a.addEventListener("click", function (e) { e.preventDefault(); window.print(); });
  });
  // The proposal form shows only the fields its kind of change needs.
  document.querySelectorAll("form[data-propose-form]").forEach(function (form) {
    function update() {
      var kind = form.querySelector("input[name=kind]:checked");
      form.querySelectorAll("[data-for]").forEach(function (f) {
        f.hidden = !(kind && f.getAttribute("data-for").split(" ").indexOf(kind.value) >= 0);
      });
    }
    form.querySelectorAll("input[name=kind]").forEach(function (r) { r.addEventListener("change", update); });
    update();
  });
  // Selecting words of a provision fills the proposal form: the quote, and
  // where it starts, in characters (code points, as the server counts them,
  // so a character is never split); the server works out which occurrence
  // of the words that is, on word boundaries as it finds anchors. Typing in
  // the quote or occurrence fields by hand forgets the selection.
  document.querySelectorAll("[data-select-text]").forEach(function (block) {
    var form = document.querySelector("form[data-propose-form]");
    if (!form) { return; }
    var q = form.querySelector("input[name=quote]");
    var o = form.querySelector("input[name=occurrence]");
    var a = form.querySelector("input[name=at]");
    [q, o].forEach(function (f) {
      if (f && a) { f.addEventListener("input", function () { a.value = ""; }); }
    });
    function onSelect() {
      var sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return; }
      var range = sel.getRangeAt(0);
      if (!block.contains(range.commonAncestorContainer)) { return; }
      var pre = document.createRange();
      pre.selectNodeContents(block);
      pre.setEnd(range.startContainer, range.startOffset);
      var quote = range.toString();
      var leading = quote.length - quote.replace(/^\s+/, "").length;
      quote = quote.trim();
      if (!quote) { return; }
      var start = Array.from(pre.toString()).length + leading;
      if (q) { q.value = quote; }
      if (o) { o.value = ""; }
      if (a) { a.value = String(start); }
      var kind = form.querySelector("input[name=kind]:checked");
      if (!kind || ["replace_words", "insert_words", "delete_words"].indexOf(kind.value) < 0) {
        var r = form.querySelector("input[name=kind][value=replace_words]");
        if (r) { r.checked = true; r.dispatchEvent(new Event("change")); }
      }
      var t = form.querySelector("textarea[name=text]");
      if (t && !t.value) { t.value = quote; }
    }
    // With the keyboard: the text takes the focus (Tab); the arrow keys
    // move word by word and, with Shift, select, as in a text field.
    block.tabIndex = 0;
    var hint = document.querySelector("[data-keyboard-hint]");
    if (hint) { hint.hidden = false; }
    block.addEventListener("focus", function () {
      var sel = window.getSelection();
      if (sel && (sel.rangeCount === 0 || !block.contains(sel.getRangeAt(0).commonAncestorContainer))) {
        sel.collapse(block.firstChild || block, 0);
      }
    });
    block.addEventListener("keydown", function (e) {
      if ((e.key !== "ArrowLeft" && e.key !== "ArrowRight") || e.altKey || e.metaKey) { return; }
      var sel = window.getSelection();
      if (!sel || !sel.modify) { return; }
      e.preventDefault();
      sel.modify(e.shiftKey ? "extend" : "move", e.key === "ArrowLeft" ? "left" : "right", "word");
    });
    block.addEventListener("mouseup", onSelect);
    block.addEventListener("keyup", onSelect);
    document.addEventListener("selectionchange", function () {
      var sel = window.getSelection();
      if (sel && !sel.isCollapsed && sel.rangeCount && block.contains(sel.getRangeAt(0).commonAncestorContainer)) { onSelect(); }
    });
  });
  // Times are written in UTC (RFC 3339) by the server; the script shows
  // them in the reader's own time zone and language, and keeps the exact
  // UTC time as the element's title.
  var formatTimes = function (root) {
    if (!window.Intl) { return; }
    root.querySelectorAll("time[datetime]").forEach(function (t) {
      var iso = t.getAttribute("datetime");
      if (t.textContent.trim() !== iso || iso.indexOf("T") < 0) { return; }
      var d = new Date(iso);
      if (isNaN(d.getTime())) { return; }
      t.textContent = d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
      t.title = iso;
    });
  };
  formatTimes(document);
  // Live pages: when the record grows, the parts marked data-live are
  // fetched again and replaced (forms are outside them, so nothing typed
  // is lost). Without this script a reload shows the same.
  var live = document.querySelectorAll("[data-live]");
  if (live.length && window.EventSource && window.DOMParser) {
    var pending = null;
    var refresh = function () {
      pending = null;
      fetch(window.location.href, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html) { return; }
          var doc = new DOMParser().parseFromString(html, "text/html");
          live.forEach(function (el) {
            var fresh = doc.querySelector('[data-live="' + el.getAttribute("data-live") + '"]');
            if (fresh) { el.innerHTML = fresh.innerHTML; formatTimes(el); }
          });
        })
        .catch(function () {});
    };
    var events = new EventSource("/api/v1/events");
    events.addEventListener("record", function () {
      if (!pending) { pending = window.setTimeout(refresh, 150); }
    });
  }
  // Speaking time: the speaker's remaining time, counted on the server's
  // clock (the page says what time it was there when it was made). Parts
  // replaced by a live refresh are found again on the next tick (a live
  // page may get its first countdown that way).
  if (document.querySelector(".countdown") || live.length) {
    var tick = function () {
      document.querySelectorAll(".countdown[data-given]").forEach(function (el) {
        if (!el.seenAt) { el.seenAt = Date.now(); }
        var serverNow = Number(el.getAttribute("data-now")) + (Date.now() - el.seenAt);
        var given = Date.parse(el.getAttribute("data-given"));
        var left = Math.round(Number(el.getAttribute("data-seconds")) - (serverNow - given) / 1000);
        var abs = Math.abs(left);
        var clock = Math.floor(abs / 60) + ":" + String(abs % 60).padStart(2, "0");
        // The words come from the page, in the reader's language.
        var words = el.getAttribute(left >= 0 ? "data-left" : "data-over") || (left >= 0 ? "({clock} left)" : "(over time by {clock})");
        el.textContent = words.replace("{clock}", clock);
        el.classList.toggle("over", left < 0);
      });
    };
    tick();
    window.setInterval(tick, 500);
  }
  // A consultation's results refresh as votes come in: the consultation's
  // stamp is polled, and when it moved the results section is fetched
  // again and put in place (focus and the voting form are left alone).
  var results = document.querySelector("#results[data-consultation]");
  if (results && window.fetch && window.DOMParser) {
    var id = results.getAttribute("data-consultation");
    window.setInterval(function () {
      var now = document.querySelector("#results[data-consultation]");
      if (!now || document.hidden) { return; }
      fetch("/api/v1/consultations/" + id, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (c) {
          if (!c || String(c.changed) === now.getAttribute("data-changed")) { return null; }
          return fetch(window.location.pathname, { credentials: "same-origin" }).then(function (r) { return r.text(); });
        })
        .then(function (html) {
          if (!html) { return; }
          var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("#results");
          if (fresh) { now.replaceWith(fresh); }
        })
        .catch(function () {});
    }, 3000);
  }
  var focus = document.querySelector("[data-focus]");
  if (focus) { focus.focus(); }
})();
