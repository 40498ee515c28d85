// The article page is cached for everyone, so it carries no form, no token and nothing about the reader.
// article.js loads this file when the discussion comes near the screen or a reader acts on it; the
// reader's part (who is writing, why they may not, their comments still waiting for a moderator) then
// comes from the uncached token endpoint, and comments post through the JSON API without a reload.
// Without JavaScript every link here leads to the comments page, which does the same the plain way.
// The text being written is kept in the browser (localStorage: the confirmation mail may open in
// another tab), so signing up or in on the way loses nothing; it is forgotten once posted.
(() => {
  const spot = document.getElementById('comment-compose');
  if (!spot || spot.dataset.ready) return;
  spot.dataset.ready = '1';
  const d = spot.dataset;
  const article = d.article;
  const section = document.getElementById('comments');
  const draftKey = 'broadsheet.comment-draft.' + article;
  const store = (() => { try { return window.localStorage; } catch { return null; } })();
  const reasons = d.reasons.split('|').map(r => r.split('='));
  const [signInWord, orWord, signUpWord, toCommentWord] = d.signInWords.split('|');
  let me = null;
  let formCount = 0;

  const el = (tag, props, ...children) => {
    const node = Object.assign(document.createElement(tag), props || {});
    node.append(...children);
    return node;
  };
  const readDraft = () => { try { return JSON.parse(store?.getItem(draftKey) || 'null'); } catch { return null; } };
  const keepDraft = (text, parent) => { try { text ? store?.setItem(draftKey, JSON.stringify({ text, parent })) : store?.removeItem(draftKey); } catch { /* a full or refused storage only loses the draft */ } };
  const send = (url, method, body) => fetch(url, {
    method, credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': me.token },
    body: JSON.stringify(body),
  });
  const answerOf = r => r.json().catch(() => ({ message: d.failed }));
  const itemOf = id => document.getElementById('comment-' + id);

  // Success, held and refused look and sound different: a refusal is an alert, never a quiet "status".
  function states() {
    const status = el('p', { className: 'comment-state' });
    status.setAttribute('role', 'status');
    const alert = el('p', { className: 'comment-state' });
    alert.setAttribute('role', 'alert');
    return {
      nodes: [status, alert],
      show(kind, message) {
        status.textContent = kind === 'error' ? '' : message;
        alert.textContent = kind === 'error' ? message : '';
        status.className = 'comment-state' + (kind === 'error' ? '' : ' comment-state--' + kind);
        alert.className = 'comment-state' + (kind === 'error' ? ' comment-state--error' : '');
      },
    };
  }

  function signInPrompt() {
    return el('p', { className: 'comments__signin' },
      el('a', { href: d.signIn, textContent: signInWord }), ` ${orWord} `,
      el('a', { href: d.signUp, textContent: signUpWord }), toCommentWord);
  }

  // A comment shown in place at once: published, or waiting for a moderator and seen by its author alone.
  function showComment(id, parent, name, text, waiting) {
    if (itemOf(id)) return;
    const item = el('li', { className: 'comment' + (waiting ? ' comment--waiting' : ''), id: 'comment-' + id },
      el('p', { className: 'comment__meta' }, el('span', { className: 'comment__author', textContent: name || '' })),
      el('p', { className: 'comment__text', textContent: text }));
    if (waiting) item.append(el('p', { className: 'comment__waiting', textContent: d.waiting }));
    let list = section.querySelector(':scope > .comment-list');
    if (!list) { list = el('ol', { className: 'comment-list' }); spot.before(list); }
    const host = parent ? itemOf(parent) : null;
    if (host) {
      let replies = host.querySelector(':scope > .comment-list--replies');
      if (!replies) { replies = el('ol', { className: 'comment-list comment-list--replies' }); host.append(replies); }
      replies.append(item);
    } else {
      list.append(item);
    }
  }

  // The form for a new comment (parent null) or a reply; one reply form at a time.
  function composer(parent) {
    const id = 'comment-text-' + (++formCount);
    const form = el('form', { className: 'comment-form' + (parent ? ' comment-form--reply' : '') });
    const area = el('textarea', { id, rows: parent ? 3 : 5, maxLength: 4000, required: true });
    const draft = readDraft();
    if (draft && (draft.parent || null) === parent) area.value = draft.text;
    area.addEventListener('input', () => keepDraft(area.value, parent));
    const button = el('button', { type: 'submit', className: 'comment-form__button', textContent: d.post });
    const row = el('div', { className: 'comment-form__row' }, button);
    if (parent) row.append(el('button', { type: 'button', className: 'comment-form__cancel', textContent: d.cancel, onclick: () => form.remove() }));
    const state = states();
    if (me?.signedIn) form.append(el('p', { className: 'comment-form__as', textContent: d.as.replace('\u0001', me.name || '') }));
    else form.append(signInPrompt());
    form.append(el('label', { htmlFor: id, textContent: parent ? d.replyLabel : d.label }), area, row, ...state.nodes);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      keepDraft(area.value, parent);
      if (!me?.signedIn) { location.href = d.signIn; return; }
      button.disabled = true;
      try {
        const r = await send(`/api/articles/${article}/comments`, 'POST', { text: area.value, parentId: parent ? Number(parent) : null });
        const answer = await answerOf(r);
        if (r.status === 201 || r.status === 202) {
          showComment(answer.id, parent, me.name, area.value.trim(), r.status === 202);
          state.show(r.status === 201 ? 'done' : 'held', answer.message);
          area.value = '';
          keepDraft('', null);
        } else {
          state.show('error', answer.message || d.failed);
        }
      } catch {
        state.show('error', d.failed);
      } finally { button.disabled = false; }
    });
    return { form, area };
  }

  function reply(parent, comment) {
    section.querySelector('.comment-form--reply')?.remove();
    const { form, area } = composer(parent);
    const item = itemOf(comment) || itemOf(parent);
    item.querySelector(':scope > .comment__actions')?.after(form) ?? item.append(form);
    area.focus();
  }

  function report(id) {
    const item = itemOf(id);
    if (!item || item.querySelector(':scope > .report-menu')) return;
    if (!me?.signedIn) { location.href = d.signIn.replace(/ReturnUrl=[^&]*/, 'ReturnUrl=' + encodeURIComponent(location.pathname + '#comment-' + id)); return; }
    const name = 'report-' + id;
    const fieldset = el('fieldset', {}, el('legend', { textContent: d.reportWhy }),
      ...reasons.map(([value, words]) => el('label', {}, el('input', { type: 'radio', name, value, required: true }), ' ' + words)));
    const state = states();
    const menu = el('form', { className: 'report-menu' }, fieldset,
      el('div', { className: 'comment-form__row' },
        el('button', { type: 'submit', className: 'comment-form__button', textContent: d.sendReport }),
        el('button', { type: 'button', className: 'comment-form__cancel', textContent: d.cancel, onclick: () => menu.remove() })),
      ...state.nodes);
    menu.addEventListener('submit', async e => {
      e.preventDefault();
      const chosen = menu.querySelector('input:checked');
      try {
        const r = await send(`/api/comments/${id}/flags`, 'POST', { reason: Number(chosen.value) });
        const answer = await answerOf(r);
        if (r.ok) { fieldset.remove(); menu.querySelector('.comment-form__row').remove(); state.show('done', answer.message); }
        else state.show('error', answer.message || d.failed);
      } catch { state.show('error', d.failed); }
    });
    item.querySelector(':scope > .comment__actions').after(menu);
    menu.querySelector('input').focus();
  }

  // A click that comes before the reader's part has arrived waits for it.
  let waitingClick = null;
  const act = target => {
    if (target.dataset.reply) { if (!me.cannot) reply(target.dataset.reply, target.dataset.comment); }
    else report(target.dataset.reportComment);
  };
  section.addEventListener('click', e => {
    const target = e.target.closest('[data-reply], [data-report-comment]');
    if (!target) return;
    e.preventDefault();
    if (me) act(target); else waitingClick = target;
  });

  fetch(`/api/comments/token?article=${article}`, { credentials: 'same-origin' }).then(r => r.ok ? r.json() : null).then(answer => {
    if (!answer) return;
    me = answer;
    for (const w of me.waiting || []) showComment(w.id, w.parentId, me.name, w.text, true);
    me.cannot = me.blocked || me.unconfirmed;
    if (me.cannot) {
      const notice = el('p', { className: 'comments__blocked', textContent: me.cannot });
      notice.setAttribute('role', 'note');
      spot.replaceChildren(notice);
      // Reporting stays open to them; answering does not.
      section.querySelectorAll('[data-reply]').forEach(a => a.remove());
      return;
    }
    const { form, area } = composer(null);
    spot.replaceChildren(form);
    const draft = readDraft();
    if (draft?.parent && itemOf(draft.parent)) reply(draft.parent, draft.parent);
    else if (d.focus || draft) area.focus({ preventScroll: !d.focus && !location.hash.includes('compose') });
    if (waitingClick) act(waitingClick);
  }).catch(() => { /* the links still lead to the comments page */ });
})();
