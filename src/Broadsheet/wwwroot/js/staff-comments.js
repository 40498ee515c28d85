// The article page is cached for every reader; only a moderator is told, per request, where this article's
// comments are managed, and gets a Remove link on each comment, to a page that asks first. The answer carries
// the words, so this script has none; a removal comes back to this page, whose cached copy it has evicted.
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
        // A link to a question page, not a form: a published comment comes down only after the moderator has seen which one.
        const remove = document.createElement('a');
        remove.href = staff.confirm.replace('{id}', item.id.slice(8)) + '?back=' + encodeURIComponent(location.pathname + '#comments');
        remove.className = 'staff-comments__remove';
        remove.textContent = staff.remove;
        const own = item.querySelector(':scope > .comment__text');
        if (own) own.after(remove); else item.appendChild(remove);
      });
    })
    .catch(function () {});
})();
