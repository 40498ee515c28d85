// Keyboard for the moderation cards: j/k move between cards, x ticks one for the bulk bar, and a/r/h press
// the card's button carrying that data-key. Keys typed into a field are the moderator's words, not commands.
(function () {
  const cards = () => Array.from(document.querySelectorAll('.mod-card'));
  let current = -1;
  function focus(i) {
    const all = cards();
    if (all.length === 0) return;
    current = Math.max(0, Math.min(all.length - 1, i));
    all[current].focus();
    all[current].scrollIntoView({ block: 'nearest' });
  }
  document.addEventListener('focusin', e => {
    const card = e.target.closest && e.target.closest('.mod-card');
    if (card) current = cards().indexOf(card);
  });
  document.addEventListener('keydown', e => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target.closest && e.target.closest('input, textarea, select, [contenteditable]')) return;
    if (e.key === 'j') { focus(current + 1); e.preventDefault(); return; }
    if (e.key === 'k') { focus(current - 1); e.preventDefault(); return; }
    const card = cards()[current];
    if (!card) return;
    if (e.key === 'x') {
      const pick = card.querySelector('.mod-card__pick');
      if (pick) pick.checked = !pick.checked;
      e.preventDefault();
      return;
    }
    const button = card.querySelector(`button[data-key="${e.key}"]`);
    if (button) { e.preventDefault(); button.click(); }
  });
})();
