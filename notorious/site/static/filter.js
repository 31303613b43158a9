// Filters for a table that is complete without them: the page ships every row, and this script only shows the
// controls (hidden until it runs) and hides the rows a reader filters out. Rows say what they are in data-*.
(function () {
  "use strict";

  function setUp(box) {
    var controls = box.querySelector(".nt-filter");
    var selects = Array.prototype.slice.call(box.querySelectorAll("select[data-filter]"));
    var rows = Array.prototype.slice.call(box.querySelectorAll("tbody tr"));
    var output = box.querySelector("output");
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var keep = selects.every(function (select) {
          return !select.value || row.getAttribute("data-" + select.getAttribute("data-filter")) === select.value;
        });
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      output.textContent = shown + " of " + rows.length + " shown";
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    controls.hidden = false;
    apply();
  }

  // A permalink to a row inside a closed fold (#claim-c31) opens the fold, then shows the row.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var fold = target && target.closest("details");
    if (fold && !fold.open) {
      fold.open = true;
      target.scrollIntoView();
    }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".nt-filterable"), setUp);
    reveal();
    window.addEventListener("hashchange", reveal);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
