// Counts a view from the reader's browser, so pages served from a cache still count.
// A prerendered or prefetched page only counts once the reader actually sees it.
var articleScript = document.currentScript;
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
// Comments: the reader's part of the discussion (its script and their token) is fetched only when the
// discussion comes near the screen or someone acts on it, so a reader who only reads the article costs
// nothing extra. A click that started the loading is played again once the script is there.
(() => {
  const section = document.getElementById('comments');
  const spot = document.getElementById('comment-compose');
  if (!section || !spot) return;
  // 'loading' lasts from the request to the script's first run; a click in that window must wait
  // for it too, or the link under it would take the reader to the comments page instead.
  let state = 'none';
  let clicked = null;
  const load = () => {
    if (state !== 'none') return;
    state = 'loading';
    const script = document.createElement('script');
    script.src = '/js/comments.js';
    script.onload = () => {
      state = 'ready';
      const target = clicked;
      clicked = null;
      if (target?.isConnected && !target.closest('#comment-compose')) target.click();
    };
    script.onerror = () => {
      state = 'none';
      if (clicked) location.href = clicked.href;
    };
    document.head.append(script);
  };
  section.addEventListener('click', e => {
    const target = e.target.closest('#comment-compose a, [data-reply], [data-report-comment]');
    if (!target || state === 'ready') return;
    e.preventDefault();
    if (target.closest('#comment-compose')) spot.dataset.focus = '1';
    clicked = target;
    load();
  });
  if ('IntersectionObserver' in window) {
    const watch = new IntersectionObserver(seen => {
      if (seen.some(s => s.isIntersecting)) { watch.disconnect(); load(); }
    }, { rootMargin: '400px' });
    watch.observe(section);
  }
  if (/^#comment/.test(location.hash)) load();
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
// Scripts most readers never need, fetched when they are: typo.js once the reader selects some text
// (every typo report starts with a selection; a Ctrl+Enter that came first is played again), and the
// moderators' controls only in a browser that has signed in (the marker cookie; the API checks the role).
(() => {
  const scripts = articleScript?.dataset || {};
  const fetchScript = (src, then) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => then?.();
    document.head.append(script);
  };
  if (scripts.staffScript && /(?:^|; )broadsheet\.reader=1/.test(document.cookie)) fetchScript(scripts.staffScript);
  if (!scripts.typoScript || !document.querySelector('[data-typo-region]')) return;
  let state = 'none';
  let replay = null;
  const selected = () => String(getSelection() || '').trim().length > 0;
  const load = () => {
    if (state !== 'none') return;
    state = 'loading';
    fetchScript(scripts.typoScript, () => {
      state = 'ready';
      document.dispatchEvent(new Event('selectionchange'));
      replay?.();
    });
  };
  document.addEventListener('selectionchange', () => { if (selected()) load(); });
  document.addEventListener('keydown', e => {
    if (state === 'ready' || e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || !selected()) return;
    e.preventDefault();
    replay = () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: e.ctrlKey, metaKey: e.metaKey, bubbles: true }));
    load();
  });
})();
