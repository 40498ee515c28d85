// Typo reports: a reader selects text in the headline, lead, body or a caption and presses
// Ctrl+Enter (Cmd+Enter on a Mac), or taps the button that appears beside a selection on a touch
// screen; the dialog rendered by the page takes a suggestion and sends it with a little context.
// The context is cut from the region's textContent with whitespace collapsed exactly as
// ReaderText.Normalise does on the server, which checks the words are really there.
(function () {
  var root = document.querySelector("[data-article-id]");
  var dialog = document.getElementById("typo-dialog");
  if (!root || !dialog || !dialog.showModal) return;

  var CONTEXT = 60, MAX = 256;
  // JavaScript's \s spelled out: ReaderText.IsWhitespace lists the same characters.
  var WS = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
  var form = dialog.querySelector("form");
  var suggestion = form.elements.suggestion, comment = form.elements.comment;
  var send = dialog.querySelector(".typo__send");
  var status = dialog.querySelector("[data-typo-status]");
  var current = null, returnTo = null, button = null;

  function part(name) { return dialog.querySelector("[data-typo-" + name + "]"); }
  function text(name) { return dialog.getAttribute("data-" + name); }

  function regionOf(node) {
    var el = node && (node.nodeType === 1 ? node : node.parentElement);
    el = el && el.closest("[data-typo-region]");
    return el && root.contains(el) ? el : null;
  }

  function isLow(code) { return code >= 0xdc00 && code <= 0xdfff; }

  // The selected fragment with up to CONTEXT characters either side, all normalised; null if nothing to report.
  function quote(range) {
    var region = regionOf(range.startContainer);
    if (!region) return null;
    var r = range.cloneRange();
    if (!region.contains(r.endContainer)) r.setEnd(region, region.childNodes.length);
    var pre = document.createRange();
    pre.selectNodeContents(region);
    pre.setEnd(r.startContainer, r.startOffset);
    var from = pre.toString().length, to = from + r.toString().length;
    var raw = region.textContent, t = "", first = -1, last = -1, pending = false;
    for (var i = 0; i < raw.length; i++) {
      var c = raw.charAt(i);
      if (WS.test(c)) { pending = true; continue; }
      if (pending && t) t += " ";
      pending = false;
      if (i >= from && i < to) { if (first < 0) first = t.length; last = t.length + 1; }
      t += c;
    }
    if (first < 0) return null;
    var s = Math.max(0, first - CONTEXT), e = Math.min(t.length, last + CONTEXT), k;
    // Editors read the context: it starts and ends on whole words where a space allows.
    if (s > 0 && t.charAt(s - 1) !== " " && (k = t.indexOf(" ", s)) >= 0 && k < first) s = k + 1;
    if (e < t.length && t.charAt(e) !== " " && (k = t.lastIndexOf(" ", e)) > last) e = k;
    if (s > 0 && isLow(t.charCodeAt(s))) s--; // never cut a surrogate pair in half
    if (e < t.length && isLow(t.charCodeAt(e))) e++;
    return {
      articleId: +root.getAttribute("data-article-id"),
      fragment: t.slice(first, last), before: t.slice(s, first), after: t.slice(last, e),
      cutBefore: s > 0, cutAfter: e < t.length
    };
  }

  function say(message, kind) {
    status.textContent = message || "";
    status.className = "typo__status" + (kind ? " typo__status--" + kind : "");
  }

  function selected() {
    var sel = window.getSelection();
    return sel && sel.rangeCount && !sel.isCollapsed ? quote(sel.getRangeAt(0)) : null;
  }

  function open(q) {
    current = q;
    returnTo = document.activeElement;
    part("before").textContent = (q.cutBefore ? "…" : "") + q.before;
    part("fragment").textContent = q.fragment;
    part("after").textContent = q.after + (q.cutAfter ? "…" : "");
    suggestion.value = q.fragment;
    comment.value = "";
    suggestion.disabled = comment.disabled = false;
    var tooLong = q.fragment.length > MAX;
    send.disabled = tooLong;
    send.hidden = false;
    say(tooLong ? text("too-long") : "", tooLong ? "error" : "");
    hideButton();
    dialog.showModal();
    suggestion.select();
  }

  function submit() {
    if (!current || send.disabled) return;
    send.disabled = true;
    say(text("sending"));
    fetch("/api/typo-reports", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        articleId: current.articleId, fragment: current.fragment, before: current.before, after: current.after,
        suggestion: suggestion.value, comment: comment.value
      })
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (answer) {
        if (!res.ok) throw new Error(answer.error || "");
        current = null;
        suggestion.disabled = comment.disabled = true;
        send.hidden = true;
        say(text("thanks"), "done");
        dialog.querySelector("[data-typo-close]").focus();
      });
    }).catch(function (e) {
      // What the reader typed stays in the fields, so they can try again.
      send.disabled = false;
      say((e && e.message) || text("failed"), "error");
    });
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); submit(); });
  form.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); submit(); }
  });
  dialog.querySelector("[data-typo-close]").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("close", function () {
    if (returnTo && returnTo.focus) returnTo.focus();
    returnTo = null;
  });

  document.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || dialog.open) return;
    var q = selected();
    if (q) { e.preventDefault(); open(q); }
  });

  // Touch screens have no Ctrl+Enter: a button appears beside the selection instead.
  function hideButton() { if (button) button.hidden = true; }
  if (window.matchMedia && matchMedia("(pointer: coarse)").matches) {
    var timer = 0;
    document.addEventListener("selectionchange", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var sel = window.getSelection();
        if (dialog.open || !selected()) return hideButton();
        if (!button) {
          button = document.createElement("button");
          button.type = "button";
          button.className = "typo-button";
          button.textContent = text("button");
          // pointerdown keeps the selection that tapping would otherwise clear
          button.addEventListener("pointerdown", function (e) { e.preventDefault(); });
          button.addEventListener("click", function () { var q = selected(); if (q) open(q); });
          document.body.appendChild(button);
        }
        var rect = sel.getRangeAt(0).getBoundingClientRect();
        button.style.top = (rect.bottom + window.scrollY + 8) + "px";
        button.style.left = Math.max(8, Math.min(rect.left + window.scrollX, document.documentElement.clientWidth - 180)) + "px";
        button.hidden = false;
      }, 250);
    });
  }
})();
