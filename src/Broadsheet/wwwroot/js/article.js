// Counts a view from the reader's browser, so pages served from a cache still count.
// A prerendered or prefetched page only counts once the reader actually sees it.
(function () {
  var root = document.querySelector("[data-article-id]");
  if (!root) return;
  var url = "/api/views/" + root.getAttribute("data-article-id");
  function send() {
    if (navigator.sendBeacon && navigator.sendBeacon(url)) return;
    fetch(url, { method: "POST", keepalive: true, credentials: "same-origin" }).catch(function () {});
  }
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", send, { once: true });
  } else if (document.visibilityState === "hidden") {
    document.addEventListener("visibilitychange", function onVisible() {
      if (document.visibilityState === "visible") { document.removeEventListener("visibilitychange", onVisible); send(); }
    });
  } else {
    send();
  }
  // The share list's copy button: hidden until there is a clipboard to copy to.
  var copy = document.querySelector("[data-copy]");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(copy.getAttribute("data-copy")).then(function () { copy.textContent = copy.getAttribute("data-done"); });
    });
  }
})();
// Comments: the form's script (and the reader's token) are fetched only when someone asks to write,
// so the cached article costs readers who only read nothing extra.
(() => {
  const write = document.querySelector('#comment-compose a');
  write?.addEventListener('click', e => {
    e.preventDefault();
    const script = document.createElement('script');
    script.src = '/js/comments.js';
    script.onerror = () => { location.href = write.href; };
    document.head.append(script);
  }, { once: true });
})();
// Embeds: the box names the source and links to it; only the reader's click opens the frame,
// so YouTube, VK, Telegram or X learn nothing of a reader who does not ask.
document.querySelectorAll('figure.embed[data-embed]').forEach(box => {
  const load = document.createElement('button');
  load.type = 'button';
  load.className = 'embed__load';
  load.textContent = box.closest('[data-embed-load]')?.dataset.embedLoad || 'Load';
  load.addEventListener('click', () => {
    const frame = document.createElement('iframe');
    frame.src = box.dataset.embed;
    frame.title = box.querySelector('.embed__source')?.textContent || '';
    frame.allow = 'encrypted-media; picture-in-picture; fullscreen';
    frame.className = 'embed__frame';
    load.replaceWith(frame);
    frame.focus();
  }, { once: true });
  box.append(load);
});
