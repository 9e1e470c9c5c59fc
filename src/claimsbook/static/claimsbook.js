// The claims book's own script: draws every chart with the Vega libraries served
// from this site (_static/vendor/vega-bundle.js, fetched only by pages that have a
// chart) and filters the ledger table.
(function () {
  "use strict";

  var self = document.currentScript;

  // One request for the bundle, however many charts wake while it loads.
  var waiting = null;
  function loadVega(then) {
    if (typeof window.vegaEmbed === "function") return then();
    if (waiting) { waiting.push(then); return; }
    waiting = [then];
    var tag = document.createElement("script");
    tag.src = new URL(self.dataset.vegaBundle, self.src).href;
    // On error too: each chart is then marked as failed, with a console error.
    tag.onload = tag.onerror = function () {
      var callbacks = waiting;
      waiting = null;
      callbacks.forEach(function (callback) { callback(); });
    };
    document.head.appendChild(tag);
  }


  // Vega does not wrap titles: re-break the title and the source line for the
  // width the chart actually gets (a phone's column is half a desktop's).
  // Chinese has no spaces between words: a Chinese page's titles break between
  // characters (each about twice a Latin letter's width), after punctuation if one is near.
  var wide = /^zh/i.test(document.documentElement.lang || "");
  var latin = /[A-Za-z0-9.%+\-]/;
  function wrapWide(text, width) {
    var chars = Array.from(text), lines = [];
    while (chars.length > width) {
      var cut = width, i;
      for (i = width; i > width - 8 && i > 0; i -= 1) {
        if (/[\s，。；：、）)]/.test(chars[i - 1])) { cut = i; break; }
      }
      // Never inside a number or a Latin word (2025, GPT-4.5).
      for (i = cut; i > cut - 12 && i > 1 && latin.test(chars[i - 1]) && latin.test(chars[i]); i -= 1) {}
      if (i > cut - 12 && i > 1) cut = i;
      // A closing mark stays at the end of its line, never opens the next one.
      while (cut < chars.length && /[，。；：、！？）)”]/.test(chars[cut])) cut += 1;
      lines.push(chars.splice(0, cut).join("").trim());
    }
    if (chars.length) lines.push(chars.join("").trim());
    return lines;
  }

  // Lines of a title wrapped at build time, joined again: a space only between two
  // Latin words (a Chinese line break falls between characters, where no space was).
  function joinWide(lines) {
    return lines.reduce(function (text, line) {
      if (!text) return line;
      return text + (/[\x21-\x7e]$/.test(text) && /^[\x21-\x7e]/.test(line) ? " " : "") + line;
    }, "");
  }

  function wrap(text, width) {
    if (wide) return wrapWide(text, Math.max(12, Math.floor(width / 1.8)));
    var lines = [], line = "";
    text.split(/\s+/).forEach(function (word) {
      if (line && (line + " " + word).length > width) { lines.push(line); line = word; }
      else { line = line ? line + " " + word : word; }
    });
    if (line) lines.push(line);
    return lines;
  }

  function fitTitle(spec, pixels) {
    var title = spec.title;
    if (!title || typeof title !== "object" || !pixels) return;
    var join = function (t) { return Array.isArray(t) ? (wide ? joinWide(t) : t.join(" ")) : String(t); };
    // About 8.5 px per character of the 15 px bold title, 6 px of the 11 px subtitle.
    title.text = wrap(join(title.text), Math.max(24, Math.floor(pixels / 8.5)));
    if (title.subtitle) title.subtitle = wrap(join(title.subtitle), Math.max(32, Math.floor(pixels / 6)));
  }

  // Each chart arrives drawn (a static SVG made at build time). The interactive
  // drawing, and the 0.9 MB Vega bundle it needs, wait until the reader reaches the
  // chart by scrolling or touches it, so that no chart costs the page's first load.
  function drawCharts() {
    var figures = Array.prototype.slice.call(document.querySelectorAll("figure.cb-chart"));
    if (!figures.length) return;
    var wake = function (figure) { loadVega(function () { drawOne(figure); }); };
    figures.forEach(function (figure) {
      ["pointerenter", "focusin", "touchstart"].forEach(function (type) {
        figure.addEventListener(type, function () { wake(figure); }, { once: true, passive: true });
      });
    });
    if (!("IntersectionObserver" in window)) { figures.forEach(wake); return; }
    var scrolled = false;
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting && scrolled) { observer.unobserve(entry.target); wake(entry.target); }
      });
    }, { rootMargin: "200px 0px" });
    figures.forEach(function (figure) { observer.observe(figure); });
    window.addEventListener("scroll", function first() {
      window.removeEventListener("scroll", first);
      scrolled = true;
      figures.forEach(function (figure) { observer.unobserve(figure); observer.observe(figure); });
    }, { passive: true });
  }

  function drawOne(figure) {
    var view = figure.querySelector(".cb-chart-view");
    var specNode = figure.querySelector("script.cb-chart-spec");
    if (!view || !specNode || figure.dataset.rendered) return;
    if (typeof window.vegaEmbed !== "function") {
      figure.dataset.rendered = "error";
      console.error("claimsbook: vegaEmbed is not loaded");
      return;
    }
    figure.dataset.rendered = "drawing";
    var spec = JSON.parse(specNode.textContent);
    fitTitle(spec, view.getBoundingClientRect().width);
    var options = { renderer: "svg", actions: false };
    var controls = figure.querySelector(".cb-chart-controls");
    if (controls) options.bind = controls;
    window.vegaEmbed(view, spec, options)
      .then(function () {
        var still = view.querySelector(".cb-chart-static, .cb-chart-fallback");
        if (still) still.remove();
        figure.dataset.rendered = "true";
      })
      .catch(function (error) {
        figure.dataset.rendered = "error";
        console.error("claimsbook: chart " + figure.id + " failed: " + error);
      });
  }

  // The ledger's rows come from ledger.json (the page's own HTML stays small however
  // long the ledger grows); built with textContent, so no claim text is ever markup.
  // Every text the script writes comes from the table's data-labels (templates with
  // {name} placeholders, in the page's language): the script has none of its own.
  var labels = {};
  function say(key, values) {
    return String(labels[key] || "").replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? values[name] : all;
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function ledgerRow(r) {
    var row = element("tr");
    row.id = r.id;
    ["chapter", "source", "headline", "garble", "grade"].forEach(function (key) {
      row.dataset[key] = r[key];
    });
    var badge = element("td");
    badge.appendChild(element("span", "cb-badge cb-" + r.slug, r.label));
    var claim = element("td");
    claim.appendChild(element("p", "cb-claim", r.claim));
    var meta = element("p", "cb-meta");
    var card = element("a", "", r.id);
    card.href = r.card;
    meta.appendChild(card);
    meta.appendChild(document.createTextNode(" · " + r.source));
    if (r.history) {
      meta.appendChild(document.createTextNode(" · "));
      var history = element("a", "", say("history"));
      history.href = r.history;
      meta.appendChild(history);
    }
    claim.appendChild(meta);
    [[say("faithful", { answer: r.faithful }), r.faithful_reason],
     [say("holds", { answer: r.holds }), r.holds_reason]].forEach(function (pair) {
      var reason = element("p", "cb-reason");
      reason.appendChild(element("strong", "", pair[0]));
      reason.appendChild(document.createTextNode(" " + pair[1]));
      claim.appendChild(reason);
    });
    row.appendChild(badge);
    row.appendChild(claim);
    [[say("stated"), r.stated], [say("source"), r.source_value], [say("evidence"), r.evidence]].forEach(function (pair) {
      var cell = element("td", "num", pair[1]);
      cell.dataset.label = pair[0];
      row.appendChild(cell);
    });
    return row;
  }

  function setUpFilters() {
    var table = document.querySelector("table.cb-ledger");
    var selects = document.querySelectorAll(".cb-filters select[data-filter]");
    var shown = document.querySelector(".cb-filters .cb-shown");
    if (!table || !selects.length) return;
    try { labels = JSON.parse(table.dataset.labels || "{}"); }
    catch (error) { console.error("claimsbook: ledger labels unreadable: " + error); }
    var body = table.querySelector("tbody");
    function apply() {
      var rows = body.querySelectorAll("tr"), count = 0;
      rows.forEach(function (row) {
        var visible = Array.prototype.every.call(selects, function (select) {
          return !select.value || row.dataset[select.dataset.filter] === select.value;
        });
        row.hidden = !visible;
        if (visible) count += 1;
      });
      if (shown) shown.textContent = say("shown", { shown: count, total: rows.length });
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    if (!table.dataset.src) { apply(); return; }
    if (shown) shown.textContent = say("loading", { total: table.dataset.total });
    fetch(table.dataset.src)
      .then(function (response) { return response.json(); })
      .then(function (records) {
        var rows = document.createDocumentFragment();
        records.forEach(function (r) { rows.appendChild(ledgerRow(r)); });
        body.appendChild(rows);
        table.dataset.loaded = "true";
        apply();
        // A link to one claim's row (ledger.html#claim-id) lands once the rows exist.
        if (location.hash) {
          var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
          if (target) target.scrollIntoView();
        }
      })
      .catch(function (error) { console.error("claimsbook: ledger failed: " + error); });
  }


  function start() { drawCharts(); setUpFilters(); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
