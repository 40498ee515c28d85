// Front-page curation: drag a top story to its place; the new order is posted as a whole.
// The Up and Down buttons beside each story do the same without a mouse (and without this script).
(function () {
  var list = document.querySelector('[data-curation-list]');
  var form = document.querySelector('[data-curation-order]');
  if (!list || !form) return;
  var dragged = null;
  var before = '';

  function order() {
    return Array.prototype.map.call(list.querySelectorAll('[data-id]'), function (li) { return li.getAttribute('data-id'); });
  }

  list.addEventListener('dragstart', function (e) {
    dragged = e.target.closest('[data-id]');
    if (!dragged) return;
    before = order().join(',');
    dragged.classList.add('curation__item--dragged');
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', dragged.getAttribute('data-id'));
  });

  list.addEventListener('dragover', function (e) {
    var over = e.target.closest('[data-id]');
    if (!dragged || !over || over === dragged) return;
    e.preventDefault();
    var box = over.getBoundingClientRect();
    list.insertBefore(dragged, e.clientY > box.top + box.height / 2 ? over.nextSibling : over);
  });

  list.addEventListener('drop', function (e) { e.preventDefault(); });

  list.addEventListener('dragend', function () {
    if (!dragged) return;
    dragged.classList.remove('curation__item--dragged');
    dragged = null;
    var now = order();
    if (now.join(',') === before) return;
    now.forEach(function (id) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'order';
      input.value = id;
      form.appendChild(input);
    });
    form.submit();
  });
})();
