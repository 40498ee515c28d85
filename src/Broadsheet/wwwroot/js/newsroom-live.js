// The live desk's composer: Ctrl+Enter (Cmd+Enter on a Mac) posts, as in the chat tools reporters already use.
document.addEventListener('keydown', e => {
  if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
  const area = e.target.closest?.('[data-post-on-ctrl-enter]');
  if (!area || !area.value.trim()) return;
  e.preventDefault();
  area.form.requestSubmit();
});
