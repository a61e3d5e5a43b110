/* Kind filters for the commentary index (progressive enhancement: without
   this script every note is listed). Works with Material's instant loading. */
(function () {
  "use strict";

  function label(kind) {
    return kind.charAt(0).toUpperCase() + kind.slice(1);
  }

  function enhance(list) {
    if (list.dataset.enhanced) return;
    list.dataset.enhanced = "true";
    var items = Array.prototype.slice.call(list.querySelectorAll(".note-item"));
    var kinds = [];
    items.forEach(function (item) {
      if (kinds.indexOf(item.dataset.kind) < 0) kinds.push(item.dataset.kind);
    });
    if (kinds.length < 2) return;
    kinds.sort();
    var box = document.createElement("fieldset");
    box.className = "note-filter";
    var legend = document.createElement("legend");
    legend.textContent = "Show notes of kind:";
    box.appendChild(legend);
    var status = document.createElement("p");
    status.setAttribute("role", "status");
    function update() {
      var shown = {};
      box.querySelectorAll("input").forEach(function (input) { shown[input.value] = input.checked; });
      var count = 0;
      items.forEach(function (item) {
        item.hidden = !shown[item.dataset.kind];
        if (!item.hidden) count += 1;
      });
      status.textContent = "Showing " + count + " of " + items.length + " notes.";
    }
    kinds.forEach(function (kind) {
      var choice = document.createElement("label");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.value = kind;
      input.checked = true;
      input.addEventListener("change", update);
      choice.appendChild(input);
      choice.appendChild(document.createTextNode(" " + label(kind)));
      box.appendChild(choice);
    });
    list.parentNode.insertBefore(box, list);
    list.parentNode.insertBefore(status, list);
    update();
  }

  function run() {
    document.querySelectorAll("ol[data-note-filter]").forEach(enhance);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(run);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
