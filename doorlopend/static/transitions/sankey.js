/* The flow diagram of the doorstroommonitor, drawn with the vendored d3-sankey.
   The flows come from the page's <script type="application/json" id="sankey-data">
   (already merged so that no flow is under the threshold); the tables under the
   diagram give the same numbers. No inline script or style: colours are SVG
   presentation attributes and classes from figures.css. */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var STATUS_COLOURS = {
    "t:started": "#15803d",
    "t:enrolled": "#0e7490",
    "t:registering": "#1d5fa8",
    "t:dropped": "#b91c1c",
    "t:elsewhere": "#7e22ce",
    "t:unknown": "#6b7280",
  };
  var COLUMN_COLOURS = ["#1e3a8a", "#d97706", "#6b7280"];

  function el(name, attributes, parent) {
    var node = document.createElementNS(SVG_NS, name);
    Object.keys(attributes).forEach(function (key) {
      node.setAttribute(key, attributes[key]);
    });
    if (parent) parent.appendChild(node);
    return node;
  }

  function colour(node) {
    return STATUS_COLOURS[node.id] || COLUMN_COLOURS[node.column];
  }

  function draw(container, data) {
    var columns = [0, 0, 0];
    data.nodes.forEach(function (n) { columns[n.column] += 1; });
    // Wide enough for three columns of labels; on a phone the region scrolls sideways.
    var width = Math.max(container.clientWidth || 0, 760);
    var height = Math.max(360, 44 * Math.max.apply(null, columns));
    var layout = d3.sankey()
      .nodeId(function (d) { return d.id; })
      .nodeAlign(function (node) { return node.column; })
      .nodeWidth(16)
      .nodePadding(14)
      .nodeSort(null)
      .extent([[1, 8], [width - 1, height - 8]]);
    var graph = layout({
      nodes: data.nodes.map(function (d) { return Object.assign({}, d); }),
      links: data.links.map(function (d) { return Object.assign({}, d); }),
    });

    var svg = el("svg", {
      width: width, height: height, viewBox: "0 0 " + width + " " + height,
      class: "sankey-svg", "aria-hidden": "true", focusable: "false",
    });
    var links = el("g", { class: "sankey-links", fill: "none" }, svg);
    var path = d3.sankeyLinkHorizontal();
    graph.links.forEach(function (link) {
      var p = el("path", {
        d: path(link),
        stroke: colour(link.target.column === 2 ? link.target : link.source),
        "stroke-width": Math.max(1, link.width),
        class: "sankey-link",
      }, links);
      el("title", {}, p).textContent =
        link.source.name + " → " + link.target.name + ": " + link.value;
    });
    var nodes = el("g", { class: "sankey-nodes" }, svg);
    graph.nodes.forEach(function (node) {
      var r = el("rect", {
        x: node.x0, y: node.y0, width: node.x1 - node.x0,
        height: Math.max(1, node.y1 - node.y0), fill: colour(node),
      }, nodes);
      el("title", {}, r).textContent = node.name + ": " + node.value;
      var right = node.x0 < width / 2;
      var label = el("text", {
        x: right ? node.x1 + 6 : node.x0 - 6,
        y: (node.y0 + node.y1) / 2,
        dy: "0.35em",
        "text-anchor": right ? "start" : "end",
        class: "sankey-label",
      }, nodes);
      label.textContent = node.name + " (" + node.value + ")";
    });
    container.textContent = "";
    container.appendChild(svg);
    container.classList.add("is-drawn");
  }

  function start() {
    var container = document.getElementById("sankey");
    var source = document.getElementById("sankey-data");
    if (!container || !source || !window.d3 || !d3.sankey) return;
    var data = JSON.parse(source.textContent);
    if (!data.links.length) return;
    draw(container, data);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
