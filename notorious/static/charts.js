// Draw every chart on the page with the site's own Vega bundle (loaded before this file, deferred).
// A chart that cannot draw says so in place of the chart and in the console.
(function () {
  "use strict";
  function draw(spec) {
    var target = document.getElementById(spec.getAttribute("data-for"));
    if (!target) return;
    if (typeof window.vegaEmbed !== "function") {
      target.textContent = "This chart needs JavaScript; see the table below it.";
      return;
    }
    window.vegaEmbed(target, JSON.parse(spec.textContent), { renderer: "svg", actions: false })
      .then(function () { target.setAttribute("data-drawn", "true"); })
      .catch(function (err) {
        target.textContent = "This chart could not be drawn; see the table below it.";
        console.error(err);
      });
  }
  function drawAll() {
    document.querySelectorAll("script.nt-spec").forEach(draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
