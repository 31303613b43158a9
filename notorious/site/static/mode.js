// A figure's own page (figures/<name>.html) follows the reader's colour mode: the mode chosen with the book's
// toggle (pydata-sphinx-theme keeps it in localStorage as "mode": light, dark or auto), otherwise the system's
// (prefers-color-scheme, in standalone.css).
(function () {
  "use strict";
  var mode = null;
  try { mode = window.localStorage.getItem("mode"); } catch (e) { return; }  // storage refused (a sandboxed frame)
  if (mode === "light" || mode === "dark") document.documentElement.setAttribute("data-theme", mode);
})();
