// The import's progress page asks for the run's counts every two seconds and shows them; when the run has
// ended it loads the page again, which then holds the report. Without this script the page reloads itself
// (a meta refresh inside <noscript>). The words come from the page: data-rate holds "{0} entries a second".
(() => {
  const box = document.querySelector('[data-import-progress]');
  if (!box) return;
  const url = box.getAttribute('data-import-progress');
  const rate = box.getAttribute('data-rate');
  const number = new Intl.NumberFormat(document.documentElement.lang || undefined);
  const field = name => box.querySelector(`[data-field="${name}"]`);
  const show = run => {
    for (const name of ['done', 'imported', 'updated', 'unchanged', 'skipped', 'failed', 'warnings']) {
      const element = field(name);
      if (element) element.textContent = number.format(run[name]);
    }
    const bar = field('permille');
    if (bar) { bar.value = run.permille; bar.textContent = `${Math.floor(run.permille / 10)}%`; }
    const shown = field('rate');
    if (shown && rate) shown.textContent = rate.replace('{0}', number.format(run.perSecond));
  };
  const ask = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
      if (response.ok) {
        const run = await response.json();
        if (!run.underway) { window.location.reload(); return; }
        show(run);
      }
    } catch {
      // A dropped connection: the next try comes round anyway.
    }
    window.setTimeout(ask, 2000);
  };
  window.setTimeout(ask, 1000);
})();
