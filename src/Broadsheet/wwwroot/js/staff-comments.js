// The article page is cached for every reader; only a moderator is told, per request, where this article's
// comments are managed, and gets a Remove button on each comment. The answer carries the words and the form
// token, so this script has none; a removal comes back to this page, whose cached copy it has evicted.
(function () {
  const article = document.querySelector('[data-article-id]');
  if (!article) return;
  fetch('/api/moderation/articles/' + article.dataset.articleId, { credentials: 'same-origin' })
    .then(function (r) { return r.status === 200 ? r.json() : null; })
    .then(function (staff) {
      if (!staff) return;
      const link = document.createElement('a');
      link.href = staff.href;
      link.textContent = staff.label;
      link.className = 'staff-comments';
      link.setAttribute('data-staff-comments', '');
      const section = document.getElementById('comments');
      (section || article).prepend(link);
      if (!section) return;
      section.querySelectorAll('li[id^="comment-"]').forEach(function (item) {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = staff.action;
        form.className = 'staff-comments__remove';
        const fields = { comment: item.id.slice(8), decision: 'Deleted', back: location.pathname + '#comments' };
        fields[staff.field] = staff.token;
        Object.keys(fields).forEach(function (name) {
          const input = document.createElement('input');
          input.type = 'hidden';
          input.name = name;
          input.value = fields[name];
          form.appendChild(input);
        });
        const button = document.createElement('button');
        button.type = 'submit';
        button.textContent = staff.remove;
        form.appendChild(button);
        const own = item.querySelector(':scope > .comment__text');
        if (own) own.after(form); else item.appendChild(form);
      });
    })
    .catch(function () {});
})();
