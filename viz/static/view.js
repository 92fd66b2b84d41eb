/* militant-kg network view. Every piece of document text reaches the page through textContent. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("mkg-data").textContent);
  var nodeInfo = data.nodeInfo;
  var edgeInfo = data.edgeInfo;
  var panel = document.getElementById("mkg-panel-body");
  var container = document.getElementById("mkg-network");

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function entityHref(id) {
    return data.entityUrl + encodeURIComponent(id);
  }

  function entityName(id) {
    return nodeInfo[id] ? nodeInfo[id].name : id;
  }

  function entityRef(id) {
    if (data.mode === "server") {
      var link = el("a", entityName(id));
      link.href = entityHref(id);
      return link;
    }
    var button = el("button", entityName(id), "mkg-link");
    button.type = "button";
    button.addEventListener("click", function () {
      showNode(id);
    });
    return button;
  }

  function arrowFor(info) {
    return info.symmetric ? " \u2014 " : " \u2192 ";
  }

  function addFacts(parent, facts) {
    var list = el("dl", null, "mkg-facts");
    facts.forEach(function (fact) {
      if (fact[1] === undefined || fact[1] === null || fact[1] === "") {
        return;
      }
      list.appendChild(el("dt", fact[0]));
      list.appendChild(el("dd", fact[1]));
    });
    parent.appendChild(list);
  }

  function evidenceItem(ev) {
    var item = el("li", null, "mkg-evidence");
    item.appendChild(el("blockquote", "\u201c" + ev.sentence + "\u201d"));
    var cite = el("p", null, "mkg-cite");
    var title = ev.docTitle || ev.docId;
    if (data.mode === "server") {
      var link = el("a", title);
      link.href = data.documentUrl + encodeURIComponent(ev.docId);
      cite.appendChild(link);
    } else {
      cite.appendChild(el("span", title));
    }
    var details = [ev.date, ev.source, ev.reliability && "reliability " + ev.reliability,
      "confidence " + ev.confidence].filter(Boolean);
    cite.appendChild(document.createTextNode(" \u00b7 " + details.join(" \u00b7 ")));
    item.appendChild(cite);
    return item;
  }

  function showEdge(id) {
    var info = edgeInfo[id];
    if (!info) {
      return;
    }
    panel.replaceChildren();
    panel.appendChild(el("h2", info.type, "mkg-panel-title"));
    var ends = el("p", null, "mkg-ends");
    ends.appendChild(entityRef(info.source));
    ends.appendChild(document.createTextNode(arrowFor(info)));
    ends.appendChild(entityRef(info.target));
    panel.appendChild(ends);
    addFacts(panel, [
      ["Confidence", info.confidence],
      ["Best source", info.reliability],
      ["Credibility", info.credibility],
      ["First seen", info.firstSeen],
      ["Last seen", info.lastSeen],
      ["Documents", info.nDocuments]
    ]);
    panel.appendChild(el("h3", "Evidence"));
    if (info.evidence.length === 0) {
      panel.appendChild(el("p", "No sentence stored for this relation.", "mkg-small"));
    }
    var list = el("ul", null, "mkg-evidence-list");
    info.evidence.forEach(function (ev) {
      list.appendChild(evidenceItem(ev));
    });
    panel.appendChild(list);
    if (info.moreEvidence > 0) {
      panel.appendChild(el("p", "\u2026 and " + info.moreEvidence + " more sentence(s) not shown here.", "mkg-small"));
    }
  }

  function showNode(id) {
    var info = nodeInfo[id];
    if (!info) {
      return;
    }
    panel.replaceChildren();
    panel.appendChild(el("h2", info.name, "mkg-panel-title"));
    addFacts(panel, [
      ["Type", info.type],
      ["Also known as", info.aliases.join(", ")],
      ["Connections", info.degree]
    ]);
    panel.appendChild(el("h3", "Relations in this view"));
    var list = el("ul", null, "mkg-rel-list");
    Object.keys(edgeInfo).forEach(function (edgeId) {
      var edge = edgeInfo[edgeId];
      if (edge.source !== id && edge.target !== id) {
        return;
      }
      var other = edge.source === id ? edge.target : edge.source;
      var button = el("button", edge.type + arrowFor(edge) + entityName(other), "mkg-link");
      button.type = "button";
      button.addEventListener("click", function () {
        showEdge(edgeId);
      });
      var item = el("li");
      item.appendChild(button);
      list.appendChild(item);
    });
    panel.appendChild(list);
  }

  function nodeTooltip(id) {
    var info = nodeInfo[id];
    var box = el("div", null, "mkg-tip");
    box.appendChild(el("strong", info.name));
    box.appendChild(el("div", info.type + " \u00b7 " + info.degree + " connection(s)"));
    if (info.aliases.length) {
      box.appendChild(el("div", "also: " + info.aliases.join(", ")));
    }
    return box;
  }

  function edgeTooltip(id) {
    var info = edgeInfo[id];
    var box = el("div", null, "mkg-tip");
    box.appendChild(el("strong", entityName(info.source) + " " + info.type + " " + entityName(info.target)));
    if (info.evidence.length) {
      var ev = info.evidence[0];
      box.appendChild(el("div", "\u201c" + ev.sentence + "\u201d", "mkg-tip-quote"));
      box.appendChild(el("div", [ev.docTitle || ev.docId, ev.date].filter(Boolean).join(" \u00b7 "), "mkg-cite"));
    }
    box.appendChild(el("div", "click for all evidence", "mkg-small"));
    return box;
  }

  var nodes = new vis.DataSet(data.nodes.map(function (node) {
    return Object.assign({}, node, { title: nodeTooltip(node.id) });
  }));
  var edges = new vis.DataSet(data.edges.map(function (edge) {
    return Object.assign({}, edge, { title: edgeTooltip(edge.id) });
  }));

  var shownTypes = new Set(Object.keys(edgeInfo).map(function (id) {
    return edgeInfo[id].type;
  }));
  var visibleEdges = new vis.DataView(edges, {
    filter: function (edge) {
      return shownTypes.has(edgeInfo[edge.id].type);
    }
  });
  document.querySelectorAll("input[data-rel]").forEach(function (box) {
    box.addEventListener("change", function () {
      var rel = box.getAttribute("data-rel");
      if (box.checked) {
        shownTypes.add(rel);
      } else {
        shownTypes.delete(rel);
      }
      visibleEdges.refresh();
    });
  });

  document.querySelectorAll("button[data-edge]").forEach(function (button) {
    button.addEventListener("click", function () {
      showEdge(button.getAttribute("data-edge"));
      panel.scrollIntoView({ block: "nearest" });
    });
  });

  // Listeners go on before the data, so a quick stabilisation cannot finish unheard.
  var network = new vis.Network(container, { nodes: [], edges: [] }, data.options);

  network.on("click", function (params) {
    if (params.nodes.length) {
      var id = params.nodes[0];
      if (data.mode === "server") {
        window.location.assign(entityHref(id));
      } else {
        showNode(id);
      }
    } else if (params.edges.length) {
      showEdge(params.edges[0]);
    }
  });

  function ready() {
    window.mkgReady = true;
    document.body.setAttribute("data-mkg-ready", "1");
  }

  var settles = data.physics && data.nodes.length > 1;
  if (settles) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit();
      ready();
    });
  }
  network.setData({ nodes: nodes, edges: visibleEdges });
  if (!settles) {
    network.fit();
    ready();
  }

  window.mkgNetwork = network;
  window.mkgNodes = nodes;
  window.mkgEdges = edges;
  window.mkgVisibleEdges = visibleEdges;
  window.mkgShowEdge = showEdge;
})();
