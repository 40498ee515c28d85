// The newsroom menu folds behind one button on a narrow screen. Without this script the menu simply
// wraps onto more lines, so every screen still works.
(() => {
  const button = document.querySelector('[data-newsroom-toggle]');
  const menu = button && document.getElementById(button.getAttribute('aria-controls'));
  if (!menu) return;
  const narrow = window.matchMedia('(max-width: 760px)');
  const show = open => {
    button.setAttribute('aria-expanded', String(open));
    menu.classList.toggle('newsroom-bar--folded', !open);
  };
  const fit = () => { button.hidden = !narrow.matches; show(!narrow.matches); };
  button.addEventListener('click', () => show(button.getAttribute('aria-expanded') !== 'true'));
  narrow.addEventListener('change', fit);
  fit();
})();
