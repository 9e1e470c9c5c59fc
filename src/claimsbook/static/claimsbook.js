// The claims book's own script: draws every chart with the Vega libraries served
// from this site (_static/vendor/vega-bundle.js, fetched only by pages that have a
// chart) and filters the ledger table.
(function () {
  "use strict";

  var self = document.currentScript;

  function loadVega(then) {
    if (typeof window.vegaEmbed === "function") return then();
    var tag = document.createElement("script");
    tag.src = new URL(self.dataset.vegaBundle, self.src).href;
    tag.onload = then;
    tag.onerror = then;  // drawCharts then marks each chart as failed, with a console error
    document.head.appendChild(tag);
  }

  function drawCharts() {
    if (!document.querySelector("figure.cb-chart")) return;
    loadVega(drawEach);
  }

  function drawEach() {
    document.querySelectorAll("figure.cb-chart").forEach(function (figure) {
      var view = figure.querySelector(".cb-chart-view");
      var specNode = figure.querySelector("script.cb-chart-spec");
      if (!view || !specNode || figure.dataset.rendered) return;
      if (typeof window.vegaEmbed !== "function") {
        figure.dataset.rendered = "error";
        console.error("claimsbook: vegaEmbed is not loaded");
        return;
      }
      var spec = JSON.parse(specNode.textContent);
      window.vegaEmbed(view, spec, { renderer: "svg", actions: false })
        .then(function () {
          var fallback = view.querySelector(".cb-chart-fallback");
          if (fallback) fallback.remove();
          figure.dataset.rendered = "true";
        })
        .catch(function (error) {
          figure.dataset.rendered = "error";
          console.error("claimsbook: chart " + figure.id + " failed: " + error);
        });
    });
  }

  function setUpFilters() {
    var table = document.querySelector("table.cb-ledger");
    var selects = document.querySelectorAll(".cb-filters select[data-filter]");
    var shown = document.querySelector(".cb-filters .cb-shown");
    if (!table || !selects.length) return;
    var rows = table.querySelectorAll("tbody tr");
    function apply() {
      var count = 0;
      rows.forEach(function (row) {
        var visible = Array.prototype.every.call(selects, function (select) {
          return !select.value || row.dataset[select.dataset.filter] === select.value;
        });
        row.hidden = !visible;
        if (visible) count += 1;
      });
      if (shown) shown.textContent = count + " of " + rows.length + " claims shown";
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    apply();
  }

  function start() { drawCharts(); setUpFilters(); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
