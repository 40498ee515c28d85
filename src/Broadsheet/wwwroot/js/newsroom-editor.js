// The article editor: autosave, live preview, formatting toolbar, the media picker, pasted and dropped
// pictures, word count and the search/social snippets. No libraries, no inline script (the CSP forbids it);
// every visible word comes from the page's data-* attributes, already in the newsroom's language.
(function () {
  var form = document.querySelector("form[data-editor]");
  if (!form || !window.fetch || !window.FormData) return;
  var body = form.querySelector("textarea[name='Input.Body']");
  var title = form.querySelector("input[name='Input.Title']");
  var lead = form.querySelector("textarea[name='Input.Lead']");
  var cover = form.querySelector("input[name='Input.CoverImage']");
  var coverCaption = form.querySelector("input[name='Input.CoverCaption']");
  var version = form.querySelector("input[name='Input.Version']");
  var status = form.querySelector("[data-autosave-status]");

  function fill(template, values) {
    return template.replace(/\{(\d+)\}/g, function (_, n) { return values[+n]; });
  }
  function post(url, data) {
    return fetch(url, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (r) {
        return r.json().then(function (b) { return { ok: r.ok, status: r.status, body: b || {} }; },
          function () { return { ok: false, status: r.status, body: {} }; });
      });
  }
  function debounce(fn, ms) {
    var t;
    return function () { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  // ---- Autosave: a moment after typing stops, from the first keystroke. A new article becomes a draft
  // on its first autosave; from then on every button and request goes to its own address.
  var last = new URLSearchParams(new FormData(form)).toString();
  var busy = false, again = false, stopped = false;
  function snapshot() { return new URLSearchParams(new FormData(form)).toString(); }
  function adopt(path) {
    ["data-autosave", "data-preview", "data-media"].forEach(function (a) {
      form.setAttribute(a, form.getAttribute(a).replace("/newsroom/articles/new", path));
    });
    form.querySelectorAll("[formaction]").forEach(function (b) {
      b.setAttribute("formaction", b.getAttribute("formaction").replace("/newsroom/articles/new", path));
    });
    form.removeAttribute("data-new");
    history.replaceState(null, "", path);
  }
  function autosave() {
    if (stopped) return;
    if (busy) { again = true; return; }
    var sent = snapshot();
    if (sent === last) return;
    busy = true;
    post(form.getAttribute("data-autosave"), new FormData(form))
      .then(function (res) {
        if (res.ok) {
          if (form.hasAttribute("data-new")) adopt(res.body.path);
          version.value = res.body.version;
          last = sent.replace(/Input\.Version=[^&]*/, "Input.Version=" + encodeURIComponent(res.body.version));
          form.setAttribute("data-saved", res.body.pending ? "pending" : "saved");
        } else if (res.status === 409 || res.status === 403) {
          // Someone else saved, or this person may no longer edit: saving by hand shows them why.
          stopped = true;
        }
        if (status) status.textContent = (res.body && res.body.message) || "";
      })
      .catch(function () { if (status) status.textContent = "…"; })
      .then(function () {
        busy = false;
        if (waiting) {
          var button = waiting.button;
          waiting = null;
          if (button) form.requestSubmit(button); else form.requestSubmit();
          return;
        }
        if (again) { again = false; scheduleSave(); }
      });
  }
  var scheduleSave = debounce(autosave, 1500);
  form.addEventListener("input", scheduleSave);
  form.addEventListener("change", scheduleSave);
  // A button pressed while an autosave is under way waits for it: otherwise a new article would be
  // created twice, or the save would carry the version the autosave has just replaced.
  var waiting = null;
  form.addEventListener("submit", function (e) {
    stopped = true;
    if (!busy) return;
    e.preventDefault();
    waiting = { button: e.submitter };
  });

  // ---- Live preview: the server renders the public article's markup from the form as it stands.
  var pane = form.querySelector("[data-preview-body]");
  var previewBusy = false, previewAgain = false;
  function refreshPreview() {
    if (!pane) return;
    if (previewBusy) { previewAgain = true; return; }
    previewBusy = true;
    fetch(form.getAttribute("data-preview"), { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        // Our own server's sanitized rendering of the article; the CSP keeps any script in it inert.
        if (html !== null) pane.innerHTML = html;
      })
      .catch(function () { })
      .then(function () {
        previewBusy = false;
        if (previewAgain) { previewAgain = false; refreshPreview(); }
      });
  }
  var schedulePreview = debounce(refreshPreview, 400);
  form.addEventListener("input", schedulePreview);
  form.addEventListener("change", schedulePreview);

  // ---- Phones: "Write" and "Preview" as tabs (wide screens show both side by side).
  var tabs = form.querySelector("[data-tabs]");
  if (tabs) {
    tabs.hidden = false;
    var buttons = tabs.querySelectorAll("[role=tab]");
    function choose(tab) {
      buttons.forEach(function (b) {
        var on = b === tab;
        b.setAttribute("aria-selected", on ? "true" : "false");
        b.tabIndex = on ? 0 : -1;
      });
      form.setAttribute("data-view", tab.getAttribute("data-tab"));
      if (tab.getAttribute("data-tab") === "preview") refreshPreview();
    }
    buttons.forEach(function (b, i) {
      b.addEventListener("click", function () { choose(b); });
      b.addEventListener("keydown", function (e) {
        if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
        var next = buttons[(i + (e.key === "ArrowRight" ? 1 : buttons.length - 1)) % buttons.length];
        choose(next);
        next.focus();
      });
    });
    form.setAttribute("data-view", "write");
  }

  // ---- Formatting: wraps the selection, or prefixes each selected line; undo keeps working.
  function replace(start, end, text, selStart, selEnd) {
    body.focus();
    body.setSelectionRange(start, end);
    if (!document.execCommand || !document.execCommand("insertText", false, text)) {
      body.setRangeText(text, start, end, "end");
      body.dispatchEvent(new Event("input", { bubbles: true }));
    }
    body.setSelectionRange(selStart, selEnd);
  }
  function wrap(marker) {
    var s = body.selectionStart, e = body.selectionEnd, v = body.value, m = marker.length;
    if (v.slice(s - m, s) === marker && v.slice(e, e + m) === marker) {
      replace(s - m, e + m, v.slice(s, e), s - m, e - m);
    } else {
      replace(s, e, marker + v.slice(s, e) + marker, s + m, e + m);
    }
  }
  function prefixLines(prefix) {
    var v = body.value;
    var s = v.lastIndexOf("\n", body.selectionStart - 1) + 1;
    var e = v.indexOf("\n", body.selectionEnd);
    if (e < 0) e = v.length;
    var lines = v.slice(s, e).split("\n");
    var all = lines.every(function (l) { return l.indexOf(prefix) === 0; });
    var text = lines.map(function (l) {
      var bare = l.replace(/^(#{1,6} |> |- |\* )/, "");
      return all ? bare : prefix + bare;
    }).join("\n");
    replace(s, e, text, s, s + text.length);
  }
  function link() {
    var s = body.selectionStart, e = body.selectionEnd, picked = body.value.slice(s, e);
    if (/^https?:\/\/\S+$/.test(picked)) {
      replace(s, e, "[](" + picked + ")", s + 1, s + 1);
    } else {
      var text = "[" + picked + "](https://)";
      replace(s, e, text, s + picked.length + 3, s + text.length - 1);
    }
  }
  // A figure goes on lines of its own, with a blank line either side, or Markdown would not see it.
  function insertBlock(at, markdown) {
    var v = body.value;
    var before = v.slice(0, at), after = v.slice(at);
    var head = before.length === 0 || /\n\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
    var tail = after.length === 0 || /^\n/.test(after) ? "\n" : "\n\n";
    var text = head + markdown.replace(/\n$/, "") + tail;
    replace(at, at, text, at + text.length, at + text.length);
  }
  var actions = {
    bold: function () { wrap("**"); },
    italic: function () { wrap("*"); },
    heading: function () { prefixLines("## "); },
    quote: function () { prefixLines("> "); },
    list: function () { prefixLines("- "); },
    link: link,
    figure: function () { openPicker("body"); },
  };
  form.querySelectorAll("[data-format]").forEach(function (b) {
    b.addEventListener("click", function () { actions[b.getAttribute("data-format")](); });
  });
  body.addEventListener("keydown", function (e) {
    if (!(e.ctrlKey || e.metaKey)) return;
    var k = e.key.toLowerCase(), name = null;
    if (!e.shiftKey && !e.altKey && k === "b") name = "bold";
    else if (!e.shiftKey && !e.altKey && k === "i") name = "italic";
    else if (!e.shiftKey && !e.altKey && k === "k") name = "link";
    else if (e.altKey && e.code === "Digit2") name = "heading";
    else if (e.shiftKey && e.code === "Digit9") name = "quote";
    else if (e.shiftKey && e.code === "Digit8") name = "list";
    else if (e.altKey && e.code === "KeyP") name = "figure";
    if (!name) return;
    e.preventDefault();
    actions[name]();
  });

  // ---- The media picker: thumbnails, search, and a choice that becomes a figure or the cover.
  var dialog = document.querySelector("dialog[data-picker]");
  var grid = dialog && dialog.querySelector("[data-picker-grid]");
  var search = dialog && dialog.querySelector("[data-picker-search]");
  var pickerStatus = dialog && dialog.querySelector("[data-picker-status]");
  var mode = "body", caret = 0, returnFocus = null;
  function load() {
    var url = form.getAttribute("data-media") + "&q=" + encodeURIComponent(search.value);
    fetch(url, { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(); return r.json(); })
      .then(function (items) {
        grid.textContent = "";
        pickerStatus.textContent = items.length ? "" : dialog.getAttribute("data-empty");
        items.forEach(function (item) {
          var li = document.createElement("li");
          var button = document.createElement("button");
          button.type = "button";
          button.className = "picker__item";
          var img = document.createElement("img");
          img.src = item.thumbnail;
          img.alt = "";
          img.loading = "lazy";
          img.width = 160;
          img.height = 107;
          var text = document.createElement("span");
          text.textContent = item.captionLine || item.path.split("/").pop();
          button.appendChild(img);
          button.appendChild(text);
          button.addEventListener("click", function () { pick(item); });
          li.appendChild(button);
          grid.appendChild(li);
        });
      })
      .catch(function () { pickerStatus.textContent = dialog.getAttribute("data-failed"); });
  }
  function openPicker(which) {
    if (!dialog) return;
    mode = which;
    caret = body.selectionEnd;
    returnFocus = document.activeElement;
    dialog.showModal();
    search.focus();
    load();
  }
  function setCover(item) {
    cover.value = item.path;
    if (!coverCaption.value) coverCaption.value = item.captionLine;
    showCover(item.thumbnail);
    form.dispatchEvent(new Event("change", { bubbles: true }));
  }
  function pick(item) {
    dialog.close();
    if (mode === "cover") {
      setCover(item);
      if (returnFocus) returnFocus.focus();
    } else {
      insertBlock(caret, item.figure);
    }
  }
  if (dialog) {
    search.addEventListener("input", debounce(load, 250));
    search.addEventListener("keydown", function (e) { if (e.key === "Enter") e.preventDefault(); });
    form.querySelectorAll("[data-picker-open]").forEach(function (b) {
      if (b.hasAttribute("data-format")) return;
      b.addEventListener("click", function () { openPicker(b.getAttribute("data-picker-open")); });
    });
  }

  // ---- Cover: its thumbnail follows the path, however it was chosen.
  var coverThumb = form.querySelector("[data-cover-thumb]");
  function showCover(src) {
    [coverThumb, form.querySelector("[data-snippet-image]")].forEach(function (img) {
      if (!img) return;
      if (src) img.src = src; else img.removeAttribute("src");
      img.hidden = !src;
    });
    snippets();
  }
  cover.addEventListener("change", function () { showCover(/^\/[^\/]/.test(cover.value) ? cover.value : ""); });
  var clear = form.querySelector("[data-cover-clear]");
  if (clear) clear.addEventListener("click", function () {
    cover.value = "";
    coverCaption.value = "";
    showCover("");
    form.dispatchEvent(new Event("change", { bubbles: true }));
  });

  // ---- Pasted or dropped pictures go to the media library, then into the text as a figure.
  function upload(file, at) {
    if (!/^image\//.test(file.type)) return false;
    var data = new FormData();
    data.append("file", file);
    data.append("__RequestVerificationToken", form.querySelector("input[name=__RequestVerificationToken]").value);
    if (status) status.textContent = fill(dialog.getAttribute("data-uploading"), [file.name || "…"]);
    post(form.getAttribute("data-upload"), data).then(function (res) {
      if (!res.ok) { if (status) status.textContent = res.body.message || ""; return; }
      insertBlock(at, res.body.figure);
      if (status) status.textContent = dialog.getAttribute("data-uploaded");
    }, function () { if (status) status.textContent = dialog.getAttribute("data-failed"); });
    return true;
  }
  body.addEventListener("paste", function (e) {
    var files = e.clipboardData && e.clipboardData.files;
    if (files && files.length && upload(files[0], body.selectionEnd)) e.preventDefault();
  });
  body.addEventListener("dragover", function (e) {
    if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, "Files") >= 0) e.preventDefault();
  });
  body.addEventListener("drop", function (e) {
    var files = e.dataTransfer && e.dataTransfer.files;
    if (files && files.length && upload(files[0], body.selectionEnd)) e.preventDefault();
  });

  // ---- Word count and reading time (of the body as readers read it, Markdown marks left out).
  var count = form.querySelector("[data-count]");
  function words() {
    var text = body.value
      .replace(/^\^\^\^.*$/gm, " ")
      .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
      .replace(/\]\([^)]*\)/g, " ");
    var found = text.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu) || [];
    var n = found.length;
    count.textContent = fill(count.getAttribute("data-template"), [n.toLocaleString(document.documentElement.lang || undefined), Math.max(1, Math.ceil(n / 200))]);
  }
  if (count) { body.addEventListener("input", words); words(); }

  // ---- Search and social snippets, with the lengths where Google and Telegram cut.
  var box = form.querySelector("[data-snippets]");
  function snippets() {
    if (!box) return;
    var t = title.value.trim(), d = (lead ? lead.value : "").trim().replace(/\s+/g, " ");
    box.querySelectorAll("[data-snippet-title]").forEach(function (el) { el.textContent = t; });
    box.querySelectorAll("[data-snippet-description]").forEach(function (el) { el.textContent = d; });
    var warnings = box.querySelector("[data-snippet-warnings]");
    warnings.textContent = "";
    function warn(text) {
      var li = document.createElement("li");
      li.textContent = text;
      warnings.appendChild(li);
    }
    var tl = +box.getAttribute("data-title-limit"), dl = +box.getAttribute("data-description-limit");
    if (t.length > tl) warn(fill(box.getAttribute("data-too-long"), [t.length, tl]));
    if (d.length > dl) warn(fill(box.getAttribute("data-too-long"), [d.length, dl]));
    if (!cover.value) warn(box.getAttribute("data-no-image"));
  }
  title.addEventListener("input", snippets);
  if (lead) lead.addEventListener("input", snippets);
  snippets();
})();

// "?at=123" (from the typo inbox, when a fix could not be applied safely) puts the cursor at that
// place in the body's source and brings it into view.
(function () {
  var at = parseInt(new URLSearchParams(location.search).get("at"), 10);
  var body = document.querySelector("textarea[name='Input.Body']");
  if (!body || isNaN(at) || at < 0) return;
  var end = Math.min(at, body.value.length);
  body.focus();
  body.setSelectionRange(end, end);
  // Scroll the textarea itself: put the line with the cursor near the top.
  var lines = body.value.slice(0, end).split("\n").length;
  var lineHeight = parseFloat(getComputedStyle(body).lineHeight) || 20;
  body.scrollTop = Math.max(0, (lines - 3) * lineHeight);
})();
