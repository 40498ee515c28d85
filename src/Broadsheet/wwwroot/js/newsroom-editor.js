// Autosaves a draft every 20 seconds while it changes. The form posts as it is, with its
// antiforgery token; the answer carries the new version so the next save is not a conflict.
(function () {
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) return;
  var url = form.getAttribute("data-autosave");
  var status = form.querySelector("[data-autosave-status]");
  var version = form.querySelector("input[name='Input.Version']");
  function snapshot() { return new URLSearchParams(new FormData(form)).toString(); }
  var last = snapshot();
  var busy = false;
  setInterval(function () {
    if (busy || snapshot() === last) return;
    busy = true;
    var sent = snapshot();
    fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        if (res.ok) {
          version.value = res.body.version;
          last = sent.replace(/Input\.Version=[^&]*/, "Input.Version=" + encodeURIComponent(res.body.version));
          if (status) status.textContent = "Draft saved " + res.body.savedAt;
        } else if (status) {
          status.textContent = res.body.message || "Not autosaved.";
        }
      })
      .catch(function () { if (status) status.textContent = "Autosave failed; save by hand."; })
      .then(function () { busy = false; });
  }, 20000);
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
