// Draw the page's charts with the site's own Vega bundle, without slowing the first paint.
// The bundle (about 300 KB gzipped) is fetched only when a chart comes near the screen, and each chart is
// drawn in its own task so that no single long task blocks the page. A chart that cannot draw says so in
// place of the chart and in the console; its table and static image stay available.
(function () {
  "use strict";
  var bundleUrl = document.currentScript.src.replace(/charts\.js(\?.*)?$/, "notorious/vega-bundle.js");
  var vega = null;

  function loadVega() {
    if (!vega) {
      vega = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = bundleUrl;
        script.async = true;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("could not load " + bundleUrl)); };
        document.head.appendChild(script);
      });
    }
    return vega;
  }

  function fail(target, err) {
    target.textContent = "This chart could not be drawn; see the table below it.";
    console.error(err);
  }

  // Vega-Lite cannot stretch stacked panels to their container, so narrow them here: the spec says how much
  // the axes and labels add to a panel's width (usermeta.fitPanels.overhead). Text keeps its size on a phone.
  function fitted(spec, target) {
    var fit = spec.usermeta && spec.usermeta.fitPanels;
    if (fit && spec.vconcat) {
      var width = Math.floor(target.clientWidth - fit.overhead - 4);
      spec.vconcat.forEach(function (panel) {
        if (panel.width && width < panel.width) panel.width = Math.max(width, 100);
      });
    }
    return spec;
  }

  function draw(spec) {
    var target = document.getElementById(spec.getAttribute("data-for"));
    if (!target || target.hasAttribute("data-drawing")) return;
    target.setAttribute("data-drawing", "true");
    loadVega().then(function () {
      // A figure's own page shows its static image until the reader asks for the live chart.
      Array.prototype.forEach.call(target.querySelectorAll(".nt-static"), function (image) { image.remove(); });
      setTimeout(function () {
        window.vegaEmbed(target, fitted(JSON.parse(spec.textContent), target), { renderer: "svg", actions: false, ast: true })
          .then(function () { target.setAttribute("data-drawn", "true"); })
          .catch(function (err) { fail(target, err); });
      }, 0);
    }, function (err) { fail(target, err); });
  }

  // Embedded in another site's page, a figure's own page tells it how tall it is (the embed code listens), so
  // the frame fits the figure at any width instead of a fixed height.
  function tellFrameHeight() {
    if (window.parent === window) return;
    var last = 0;
    function tell() {
      var height = document.documentElement.scrollHeight;
      if (height !== last) {
        last = height;
        window.parent.postMessage({ notoriousFigure: location.pathname, height: height }, "*");
      }
    }
    tell();
    window.addEventListener("resize", tell);
    if ("ResizeObserver" in window) new ResizeObserver(tell).observe(document.body);
  }

  function start() {
    var specs = Array.prototype.slice.call(document.querySelectorAll("script.nt-spec"));
    // A figure's own page (the one other sites embed) draws on request: its static image costs a reader nothing,
    // the 300 KB Vega bundle only loads when they press the button.
    if (document.body.hasAttribute("data-nt-on-demand")) {
      tellFrameHeight();
      Array.prototype.forEach.call(document.querySelectorAll("button[data-nt-draw]"), function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
          button.hidden = true;
          specs.forEach(draw);
        });
      });
      return;
    }
    if (!("IntersectionObserver" in window)) {
      specs.forEach(draw);
      return;
    }
    var byTarget = new Map();
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          draw(byTarget.get(entry.target));
        }
      });
    }, { rootMargin: "200px 0px" });
    specs.forEach(function (spec) {
      var target = document.getElementById(spec.getAttribute("data-for"));
      if (target) {
        byTarget.set(target, spec);
        observer.observe(target);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
