// Reviewer helpers, no network: layer switches, click a mark to find its row, click a row to see its marks.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  if (!text) { return; }
  var ROW_LAYERS = ["quote", "claim", "stance", "flag", "segment"];

  function fragments(key) {
    return text.querySelectorAll('[data-id="' + CSS.escape(key) + '"]');
  }
  function flash(key, layer, smooth) {
    var first = null;
    fragments(key).forEach(function (el) {
      if (layer && el.dataset.layer !== layer) { return; }
      el.classList.remove("flash");
      void el.offsetWidth;  // restart the animation
      el.classList.add("flash");
      if (!first) { first = el; }
    });
    if (first) { first.scrollIntoView({ block: "center", behavior: smooth === false ? "auto" : "smooth" }); }
  }
  function selectRow(key) {
    document.querySelectorAll("tr.row.selected").forEach(function (tr) { tr.classList.remove("selected"); });
    var row = document.getElementById(key);
    if (!row || row.tagName !== "TR") { return; }
    row.classList.add("selected");
    var details = row.closest("details");
    if (details) { details.open = true; }
    // Scroll the panel only: scrolling the window would move the article text away.
    var panel = row.closest(".panel");
    if (!panel) { return; }
    var r = row.getBoundingClientRect(), p = panel.getBoundingClientRect();
    if (r.top < p.top || r.bottom > p.bottom) { panel.scrollTop += r.top - p.top - 60; }
  }

  document.querySelectorAll("input[data-toggle]").forEach(function (box) {
    var apply = function () {
      var layer = box.dataset.toggle;
      if (layer === "stance") { text.classList.toggle("show-stance", box.checked); }
      else { text.classList.toggle("off-" + layer, !box.checked); }
    };
    box.addEventListener("change", apply);
    apply();
  });

  text.addEventListener("click", function (event) {
    var el = event.target.closest("[data-layer]");
    while (el && text.contains(el)) {
      if (ROW_LAYERS.indexOf(el.dataset.layer) >= 0 || el.dataset.layer === "cue") {
        selectRow(el.dataset.id);
        return;
      }
      el = el.parentElement.closest("[data-layer]");
    }
  });

  document.querySelectorAll("a.show").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var row = link.closest("tr.row");
      flash(row.dataset.target, row.dataset.layer);
      selectRow(row.dataset.target);
    });
  });
  document.querySelectorAll("a.speaker-link").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      flash(link.dataset.target, "mention");
    });
  });

  // A cited row (page.html#<row id>): after the browser's own jump, show the row and its marks.
  window.addEventListener("load", function () {
    var cited = decodeURIComponent(location.hash.slice(1));
    var row = cited && document.getElementById(cited);
    if (row && row.tagName === "TR") {
      setTimeout(function () { flash(cited, row.dataset.layer, false); selectRow(cited); }, 0);
    }
  });
})();
