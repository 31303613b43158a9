// The theme's print and full-screen buttons, without inline onclick handlers: the site's
// Content-Security-Policy allows scripts only from files the site serves (and hashed theme snippets).
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-nt-action]");
    if (!button) return;
    var action = button.getAttribute("data-nt-action");
    if (action === "print") window.print();
    else if (action === "fullscreen" && typeof window.toggleFullScreen === "function") window.toggleFullScreen();
  });
})();
