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

// A copy button beside each citation and embed code (none without JavaScript: the text can still be selected).
(function () {
  "use strict";
  var TARGETS = "[data-nt-copy], pre.nt-embed, .nt-cite-book pre, .nt-cite-book p.admonition-title + p";

  function copy(text, button) {
    var done = function () {
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = "Copy"; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done);
      return;
    }
    var area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    document.body.removeChild(area);
    done();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(TARGETS), function (target) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "nt-copy-button";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy this text");
      button.addEventListener("click", function () { copy(target.textContent.trim(), button); });
      target.insertAdjacentElement("afterend", button);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
