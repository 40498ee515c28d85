// The article page is cached for everyone, so it carries no form and no token. article.js loads this
// file only when a reader presses "Write a comment"; a signed-in reader's form is then built from the
// uncached token endpoint and posts through the JSON API without a reload. Anyone else (and anyone
// without JavaScript) follows the link to the comments page, which signs in and posts the plain way.
(() => {
  const spot = document.getElementById('comment-compose');
  if (!spot) return;
  const article = spot.dataset.article;
  const link = spot.querySelector('a');
  fetch('/api/comments/token', { credentials: 'same-origin' }).then(r => r.ok ? r.json() : null).then(me => {
    if (!me || !me.signedIn) { if (link) location.href = link.href; return; }
    const form = document.createElement('form');
    form.className = 'comment-form';
    const area = document.createElement('textarea');
    area.rows = 5; area.maxLength = 4000; area.required = true; area.setAttribute('aria-label', spot.dataset.label);
    const button = document.createElement('button');
    button.type = 'submit'; button.textContent = spot.dataset.post;
    const status = document.createElement('p');
    status.setAttribute('role', 'status');
    form.append(area, button, status);
    spot.replaceChildren(form);
    area.focus();
    form.addEventListener('submit', async e => {
      e.preventDefault();
      button.disabled = true;
      try {
        const r = await fetch(`/api/articles/${article}/comments`, {
          method: 'POST', credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': me.token },
          body: JSON.stringify({ text: area.value }),
        });
        const answer = await r.json().catch(() => ({ message: spot.dataset.failed }));
        status.textContent = answer.message;
        if (r.status === 201) {
          const item = document.createElement('li');
          item.className = 'comment';
          const meta = document.createElement('p'); meta.className = 'comment__meta'; meta.textContent = me.name ?? '';
          const text = document.createElement('p'); text.className = 'comment__text'; text.textContent = area.value.trim();
          item.append(meta, text);
          document.querySelector('#comments > .comment-list')?.append(item);
        }
        if (r.ok) area.value = '';
      } finally { button.disabled = false; }
    });
  }).catch(() => { if (link) location.href = link.href; });
})();
