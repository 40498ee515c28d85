// The live desk's composer: Ctrl+Enter (Cmd+Enter on a Mac) posts, as in the chat tools reporters already use.
document.addEventListener('keydown', e => {
  if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
  const area = e.target.closest?.('[data-post-on-ctrl-enter]');
  if (!area || !area.value.trim()) return;
  e.preventDefault();
  area.form.requestSubmit();
});

// A colleague's post, edit, pin or deletion reaches the desk as it reaches readers, through the public stream (or its
// polling fallback). The desk then fetches itself and swaps in the new list of entries: the composer, and an entry
// someone is editing here, are left as they are, so nothing typed is lost.
(() => {
  const heard = document.querySelector('[data-desk-heard]');
  const list = document.querySelector('[data-desk-entries]');
  if (!heard || !list) return;
  document.querySelector('[data-desk-reload]')?.setAttribute('hidden', '');
  let last = Number(heard.dataset.change) || 0;
  let timer = null;

  const refresh = () => fetch(location.pathname, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
    .then(r => r.ok ? r.text() : null)
    .then(html => {
      if (!html) return;
      const fresh = new DOMParser().parseFromString(html, 'text/html');
      const freshList = fresh.querySelector('[data-desk-entries]');
      if (!freshList) return;
      const items = [...freshList.children].map(li => {
        const here = document.getElementById(li.id);
        return here && (here.querySelector('details[open]') || here.contains(document.activeElement)) ? here : li;
      });
      list.replaceChildren(...items);
      const count = fresh.querySelector('[data-desk-count]');
      const shownCount = document.querySelector('[data-desk-count]');
      if (count && shownCount) shownCount.textContent = count.textContent;
      heard.textContent = '';
      setTimeout(() => { heard.textContent = heard.dataset.text; }, 50);
    })
    .catch(() => {});

  const changed = change => {
    if (!(change > last)) return;
    last = change;
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  };

  let polling = false;
  const poll = () => {
    polling = true;
    const tick = () => fetch(heard.dataset.poll + '?after=' + last, { headers: { Accept: 'application/json' } })
      .then(r => r.ok ? r.json() : null)
      .then(d => {
        if (!d) return;
        changed(d.last);
        if (d.running) setTimeout(tick, 10000);
      })
      .catch(() => setTimeout(tick, 20000));
    setTimeout(tick, 10000);
  };

  if (!('EventSource' in window)) { poll(); return; }
  let failures = 0;
  const source = new EventSource(heard.dataset.stream + '?after=' + last);
  source.addEventListener('update', e => { failures = 0; changed(JSON.parse(e.data).change); });
  source.addEventListener('hello', () => { failures = 0; });
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED || ++failures >= 5) {
      source.close();
      if (!polling) poll();
    }
  };
})();
