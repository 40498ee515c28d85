// Front-page curation: drag a top story to its place; the new order is posted as a whole when it is dropped.
// The Up and Down buttons beside each story do the same without a mouse (and without this script).
(function () {
  var list = document.querySelector('[data-curation-list]');
  var form = document.querySelector('[data-curation-order]');
  if (!list || !form) return;
  var dragged = null;
  var before = null;
  var dropped = false;
  // The place labels ("Lead story", "No. 2", …) belong to places, not stories: they stay in order as stories move.
  var places = Array.prototype.map.call(list.querySelectorAll('.curation__place'), function (label) { return label.textContent; });

  function items() {
    return Array.prototype.slice.call(list.querySelectorAll('[data-id]'));
  }

  function order() {
    return items().map(function (li) { return li.getAttribute('data-id'); });
  }

  function relabel() {
    items().forEach(function (li, i) {
      var label = li.querySelector('.curation__place');
      if (label && places[i] !== undefined) label.textContent = places[i];
    });
  }

  list.addEventListener('dragstart', function (e) {
    dragged = e.target.closest('[data-id]');
    if (!dragged) return;
    before = items();
    dropped = false;
    dragged.classList.add('curation__item--dragged');
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', dragged.getAttribute('data-id'));
  });

  // The whole list is a drop target while one of its stories is dragged, the dragged story itself included:
  // once the story has moved under the pointer, that is where the pointer is, and a drop there must count
  // (a dragover left alone tells the browser the drop is not allowed, and no drop event comes).
  function allow(e) {
    if (!dragged) return null;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    return e.target.closest('[data-id]');
  }

  list.addEventListener('dragenter', allow);

  list.addEventListener('dragover', function (e) {
    var over = allow(e);
    if (!over || over === dragged) return;
    var box = over.getBoundingClientRect();
    list.insertBefore(dragged, e.clientY > box.top + box.height / 2 ? over.nextSibling : over);
    relabel();
  });

  list.addEventListener('drop', function (e) {
    if (!dragged) return;
    e.preventDefault();
    dropped = true;
    var now = order();
    if (now.join(',') === before.map(function (li) { return li.getAttribute('data-id'); }).join(',')) return;
    now.forEach(function (id) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'order';
      input.value = id;
      form.appendChild(input);
    });
    form.submit();
  });

  // Dropped outside the list, or Escape pressed: the stories go back where they were, and nothing is saved.
  list.addEventListener('dragend', function () {
    if (!dragged) return;
    dragged.classList.remove('curation__item--dragged');
    if (!dropped) {
      before.forEach(function (li) { list.appendChild(li); });
      relabel();
    }
    dragged = null;
  });
})();
