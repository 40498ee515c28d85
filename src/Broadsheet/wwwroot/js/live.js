// A live page that keeps up by itself. The page as served holds every entry (it works without this script);
// this listens for changes after the page's own change number: an edit or deletion applies in place, new
// entries wait behind a "N new updates" bar until the reader asks for them, so text never moves under their eyes.
(() => {
  const live = document.querySelector('[data-live]');
  if (!live) return;
  const list = live.querySelector('[data-entries]');
  const bar = live.querySelector('[data-new]');
  const keyNav = live.querySelector('[data-key-events]');
  const forms = (live.dataset.forms || '').split('|');
  const russian = live.dataset.russian === '1';
  let last = Number(live.dataset.change) || 0;
  const waiting = new Map();

  const refresh = live.querySelector('[data-refresh]');
  if (refresh) refresh.hidden = true;

  const countText = n => {
    const i = russian
      ? (n % 100 >= 11 && n % 100 <= 14 ? 2 : n % 10 === 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 ? 1 : 2)
      : (n === 1 ? 0 : 1);
    return (forms[i] || '{0}').replace('{0}', n);
  };

  const fromHtml = html => {
    const t = document.createElement('template');
    t.innerHTML = html;
    return t.content.firstElementChild;
  };

  const rebuildKeyEvents = () => {
    if (!keyNav) return;
    const ol = keyNav.querySelector('ol');
    ol.replaceChildren();
    list.querySelectorAll('.live-entry--key').forEach(entry => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '#' + entry.id;
      const time = entry.querySelector('time');
      if (time) a.append(time.cloneNode(true), ' ');
      a.append(entry.dataset.title || '');
      li.append(a);
      ol.append(li);
    });
    keyNav.hidden = ol.children.length === 0;
  };

  const showBar = () => {
    if (!bar) return;
    bar.hidden = waiting.size === 0;
    bar.textContent = countText(waiting.size);
  };

  const apply = u => {
    if (u.change > last) last = u.change;
    const id = 'update-' + u.entry;
    const shown = document.getElementById(id);
    if (u.deleted) {
      waiting.delete(u.entry);
      if (shown) shown.remove();
    } else if (shown) {
      shown.replaceWith(fromHtml(u.html));
    } else {
      waiting.set(u.entry, u);
    }
    showBar();
    rebuildKeyEvents();
  };

  if (bar) bar.addEventListener('click', () => {
    // Newest first, like the page: the oldest waiting entry goes in first, each above the last.
    [...waiting.values()].sort((a, b) => a.change - b.change).forEach(u => list.prepend(fromHtml(u.html)));
    waiting.clear();
    live.querySelector('[data-empty]')?.remove();
    showBar();
    rebuildKeyEvents();
    list.firstElementChild?.setAttribute('tabindex', '-1');
    list.firstElementChild?.focus({ preventScroll: false });
  });

  live.addEventListener('click', e => {
    const link = e.target.closest('[data-live-copy]');
    if (!link || !navigator.clipboard) return;
    e.preventDefault();
    navigator.clipboard.writeText(link.dataset.liveCopy).then(() => { link.textContent = link.dataset.done; });
  });

  // Polling where a stream cannot stay open (no EventSource, or a proxy that keeps cutting it).
  let polling = false;
  const poll = () => {
    polling = true;
    const every = (Number(live.dataset.pollSeconds) || 20) * 1000;
    const tick = () => fetch(live.dataset.poll + '?after=' + last, { headers: { Accept: 'application/json' } })
      .then(r => r.ok ? r.json() : null)
      .then(d => {
        if (!d) return;
        d.updates.forEach(apply);
        if (d.running) setTimeout(tick, every);
      })
      .catch(() => setTimeout(tick, every * 2));
    setTimeout(tick, every);
  };

  if (!('EventSource' in window)) { poll(); return; }
  let failures = 0;
  const source = new EventSource(live.dataset.stream + '?after=' + last);
  source.addEventListener('update', e => { failures = 0; apply(JSON.parse(e.data)); });
  source.addEventListener('hello', () => { failures = 0; });
  source.onerror = () => {
    // EventSource resumes by itself with Last-Event-ID; after several failures in a row, poll instead.
    if (source.readyState === EventSource.CLOSED || ++failures >= 5) {
      source.close();
      if (!polling) poll();
    }
  };
})();
