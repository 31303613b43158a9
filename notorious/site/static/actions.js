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

  // The asynchronous clipboard can refuse (no permission, a document without focus, an old browser): then the
  // older copy command is tried, and if that fails too the text is left selected for the reader to copy.
  function say(button, words) {
    button.textContent = words;
    setTimeout(function () { button.textContent = "Copy"; }, 2000);
  }

  function fallback(text, target, button) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    document.body.removeChild(area);
    if (copied) { say(button, "Copied"); return; }
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    say(button, "Selected: copy it");
  }

  function copy(text, target, button) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { say(button, "Copied"); },
        function () { fallback(text, target, button); }
      );
      return;
    }
    fallback(text, target, button);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(TARGETS), function (target) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "nt-copy-button";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy this text");
      button.addEventListener("click", function () { copy(target.textContent.trim(), target, button); });
      target.insertAdjacentElement("afterend", button);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

// Until issue 22 the sources, the gaps and the disagreements were sections of the appendix's first page; they are
// pages of their own now. A link made before (data-and-methods.html#source-<id>, #gap-<id>, #sources ...) is sent
// on to the page that holds its anchor. Without JavaScript it lands on the appendix, which links those pages first.
(function () {
  "use strict";
  if (!/\/chapters\/data-and-methods\.html$/.test(location.pathname) || location.hash.length < 2) return;
  var id = decodeURIComponent(location.hash.slice(1));
  if (document.getElementById(id)) return;
  var page = null;
  if (/^source-/.test(id) || id === "sources") page = "sources.html";
  else if (/^gap-/.test(id) || id === "gaps-and-disagreements" || id === "where-sources-disagree") page = "gaps.html";
  if (page) location.replace(page + (id === "sources" || id === "gaps-and-disagreements" ? "" : location.hash));
})();
