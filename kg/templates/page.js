/* kg interactive map: draws the graph with vis-network and runs the page's own controls.
 *
 * All data comes from the JSON in #kg-data. Every string in it came from an article, so it
 * reaches the page only through textContent, element values and plain-text tooltips (vis-network
 * shows a string title with innerText) -- never through innerHTML.
 * Positions are precomputed by kg/html.py; physics stays off.
 */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var N = DATA.nodes, E = DATA.edges, EV = DATA.events, ART = DATA.articles, META = DATA.meta;

  var NODE_STYLE = {
    person: { name: "Official", plural: "officials", shape: "dot", color: "#2563eb", border: "#1e40af" },
    country: { name: "Country", plural: "countries", shape: "square", color: "#16a34a", border: "#166534" },
    organization: { name: "Organization", plural: "organizations", shape: "diamond", color: "#ea580c", border: "#9a3412" }
  };
  var EDGE_STYLE = {
    meeting: { name: "Meeting", plural: "meetings", color: "#6366f1", dashes: false, width: 1.5, arrows: "", line: "solid" },
    commitment: { name: "Commitment", plural: "commitments", color: "#db2777", dashes: [8, 5], width: 1.5, arrows: "to", line: "dashed" },
    holds_post: { name: "Post held", plural: "posts", color: "#9ca3af", dashes: [2, 4], width: 1, arrows: "to", line: "dotted" }
  };
  var EDGE_KINDS = ["meeting", "commitment", "holds_post"];
  var BIG = N.length > 1500;
  // dashed lines and arrowheads cost most of a frame on big graphs (5,000 nodes: 650 ms -> 70 ms
  // without them): there, edge kinds differ by colour and width only
  var FAST = BIG || E.length > 4000;
  if (FAST) EDGE_KINDS.forEach(function (k) {
    EDGE_STYLE[k].dashes = false; EDGE_STYLE[k].arrows = ""; EDGE_STYLE[k].line = "solid";
  });
  if (FAST) EDGE_STYLE.holds_post.width = 0.75;
  performance.mark("kg:data");
  var LIST_CAP = 60;

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function plural(n, one, many) { return n.toLocaleString("en") + " " + (n === 1 ? one : many); }
  function safeUrl(u) {
    if (typeof u !== "string" || !/^https?:\/\//i.test(u)) return null;
    try {
      var p = new URL(u);
      return (p.protocol === "http:" || p.protocol === "https:") ? p.href : null;
    } catch (err) { return null; }
  }

  // ------------------------------------------------------------------ indexes

  var nodeEvents = N.map(function () { return []; });
  EV.forEach(function (ev, i) {
    var seen = {};
    ev.ps.concat([ev.cp, ev.host, ev.guest]).forEach(function (n) {
      if (n !== null && n !== undefined && !seen[n]) { seen[n] = 1; nodeEvents[n].push(i); }
    });
  });
  var members = N.map(function () { return []; });  // body -> persons holding a post of it
  N.forEach(function (n, i) {
    n.p.forEach(function (p) {
      if (p.of !== null && p.of !== undefined && members[p.of].indexOf(i) < 0) members[p.of].push(i);
    });
  });
  function byDateDesc(a, b) {
    var da = EV[a].d || EV[a].pub || "", db = EV[b].d || EV[b].pub || "";
    return da < db ? 1 : da > db ? -1 : a - b;
  }
  nodeEvents.forEach(function (list) { list.sort(byDateDesc); });

  // one drawn link per pair and kind (meetings undirected), carrying its graph edges
  var links = [], linkKey = {};
  E.forEach(function (e, i) {
    var key = e.k + ":" + (e.k === "meeting" ? Math.min(e.u, e.v) + "|" + Math.max(e.u, e.v) : e.u + ">" + e.v);
    var li = linkKey[key];
    if (li === undefined) {
      li = linkKey[key] = links.length;
      links.push({ from: e.u, to: e.v, k: e.k, edges: [] });
    }
    links[li].edges.push(i);
  });

  var eventLinks = EV.map(function () { return []; });  // event -> the links that draw it
  links.forEach(function (l, li) {
    l.edges.forEach(function (ei) {
      var e = E[ei].e;
      if (e >= 0 && eventLinks[e].indexOf(li) < 0) eventLinks[e].push(li);
    });
  });

  // ------------------------------------------------------------------ text helpers

  function eventDate(ev) { return ev.d || (ev.pub ? ev.pub + " (published)" : "date unknown"); }
  function names(list, except) {
    return list.filter(function (n) { return n !== except; }).map(function (n) { return N[n].l; }).join(", ");
  }
  function eventLine(i, self) {
    var ev = EV[i], bits = [eventDate(ev)];
    if (ev.k === "meeting") {
      if (ev.pl) bits.push(ev.pl);
      var others = names(ev.ps, self);
      if (others) bits.push("with " + others);
    } else {
      bits.push(ev.ct || "commitment");
      var parties = names(ev.ps.concat(ev.cp !== null && ev.cp !== undefined ? [ev.cp] : []), self);
      if (parties) bits.push("with " + parties);
    }
    return bits.join(" · ");
  }
  function postLine(p) {
    var s = p.t || "post";
    if (p.ol || (p.of !== null && p.of !== undefined)) s += ", " + (p.ol || N[p.of].l);
    if (p.f || p.l) s += " (" + (p.f === p.l || !p.l ? p.f : (p.f || "?") + " – " + p.l) + ")";
    return s;
  }
  function nodeTitle(i) {
    var n = N[i], st = NODE_STYLE[n.k], lines = [n.l, st.name];
    n.p.slice(0, 3).forEach(function (p) { lines.push(postLine(p)); });
    var m = 0, c = 0;
    nodeEvents[i].forEach(function (e) { if (EV[e].k === "meeting") m++; else c++; });
    if (m || c) lines.push(plural(m, "meeting", "meetings") + ", " + plural(c, "commitment", "commitments"));
    if (n.k !== "person" && members[i].length) lines.push(plural(members[i].length, "official", "officials"));
    return lines.join("\n");
  }
  function linkTitle(li) {
    var l = links[li], st = EDGE_STYLE[l.k];
    var head = N[l.from].l + (l.k === "meeting" ? " — " : " → ") + N[l.to].l;
    var lines = [st.name + (l.edges.length > 1 ? " ×" + l.edges.length : ""), head];
    l.edges.slice(0, 4).forEach(function (ei) {
      var e = E[ei];
      if (e.k === "holds_post") lines.push(e.t + (e.d ? " (" + e.d + (e.d2 && e.d2 !== e.d ? " – " + e.d2 : "") + ")" : ""));
      else if (e.e >= 0) lines.push(eventLine(e.e, -1));
    });
    if (l.edges.length > 4) lines.push("…");
    return lines.join("\n");
  }

  // ------------------------------------------------------------------ the network

  // vis-network draws nodes in data order: the most active last, on top
  var drawOrder = N.map(function (n, i) { return i; });
  drawOrder.sort(function (a, b) { return (N[a].n - N[b].n) || (a - b); });
  var visNodes = new vis.DataSet(drawOrder.map(function (i) {
    var n = N[i];
    return {
      id: i, x: n.x, y: n.y, label: n.l, group: n.k, title: nodeTitle(i),
      size: Math.min(40, 7 + 3 * Math.sqrt(n.n || 0))
    };
  }));
  performance.mark("kg:nodes");
  // links of different kinds between the same two nodes curve apart instead of overlapping
  var pairCount = {};
  var visEdges = new vis.DataSet(links.map(function (l, li) {
    var st = EDGE_STYLE[l.k], pair = Math.min(l.from, l.to) + "|" + Math.max(l.from, l.to);
    var nth = pairCount[pair] = (pairCount[pair] || 0) + 1;
    // only what differs from the global edge options: fewer options, faster network creation
    var item = { id: li, from: l.from, to: l.to, title: linkTitle(li), color: st.color };
    if (st.dashes) item.dashes = st.dashes;
    if (st.arrows) item.arrows = st.arrows;
    if (l.edges.length > 1) item.width = st.width + Math.min(4, Math.log(l.edges.length) / Math.LN2);
    else if (st.width !== 1) item.width = st.width;
    if (nth > 1) item.smooth = { enabled: true, type: nth % 2 ? "curvedCCW" : "curvedCW", roundness: 0.24 * Math.ceil((nth - 1) / 2) };
    return item;
  }));
  var groups = {};
  Object.keys(NODE_STYLE).forEach(function (k) {
    var st = NODE_STYLE[k];
    groups[k] = {
      shape: st.shape,
      color: { background: st.color, border: st.border, highlight: { background: "#facc15", border: "#a16207" },
               hover: { background: st.color, border: "#111827" } }
    };
  });
  var options = {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 1 },
    groups: groups,
    nodes: {
      borderWidth: 1, borderWidthSelected: 3,
      font: { size: 14, color: "#1f2328", strokeWidth: 3, strokeColor: "#ffffff",
              face: "system-ui, 'Liberation Sans', Arial, sans-serif" },
      scaling: { label: { drawThreshold: N.length > 200 ? 12 : 6 } }
    },
    edges: { smooth: false, width: 1, color: { opacity: 0.85 }, selectionWidth: 2, hoverWidth: 0.5, arrowStrikethrough: false,
             arrows: { to: { scaleFactor: 0.6 } } },
    interaction: { hover: !BIG, tooltipDelay: 200, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG,
                   multiselect: false, keyboard: false, navigationButtons: false }
  };
  // the network sees filtered views: hiding thousands of items is a cheap remove, not an update each
  var nodeShown = new Uint8Array(N.length).fill(1), linkShown = new Uint8Array(links.length).fill(1);
  var edgeShown = new Uint8Array(E.length).fill(1);
  var nodeView = new vis.DataView(visNodes, { filter: function (item) { return nodeShown[item.id] === 1; } });
  var edgeView = new vis.DataView(visEdges, { filter: function (item) { return linkShown[item.id] === 1; } });
  performance.mark("kg:datasets");
  var network = new vis.Network($("kg-network"), { nodes: nodeView, edges: edgeView }, options);
  performance.mark("kg:network");
  // keep dragged positions when a filter removes and brings back a node
  network.on("dragEnd", function (p) {
    if (p.nodes.length) visNodes.update(p.nodes.map(function (id) {
      var q = network.getPosition(id);
      return { id: id, x: q.x, y: q.y };
    }));
  });

  // ------------------------------------------------------------------ filters

  var state = { types: { meeting: true, commitment: true, holds_post: true }, since: "", until: "", body: "" };

  function inRange(d) {
    if (!d) return false;
    return (!state.since || d >= state.since.slice(0, d.length)) && (!state.until || d <= state.until.slice(0, d.length));
  }
  function dateOK(e) {
    if (!state.since && !state.until) return true;
    if (e.k !== "holds_post") return inRange(e.d);
    var f = e.d || e.d2, l = e.d2 || e.d;
    if (!f) return false;
    return (!state.until || f <= state.until.slice(0, f.length)) && (!state.since || l >= state.since.slice(0, l.length));
  }
  function edgeFilterActive() {
    return !!(state.since || state.until) || EDGE_KINDS.some(function (k) { return !state.types[k]; });
  }

  function apply() {
    var core = null;
    if (state.body !== "") {
      var b = +state.body;
      core = new Uint8Array(N.length);
      core[b] = 1;
      members[b].forEach(function (m) { core[m] = 1; });
    }
    var touched = new Uint8Array(N.length), nEdges = 0, nNodes = 0;
    for (var i = 0; i < E.length; i++) {
      var e = E[i];
      var ok = state.types[e.k] && dateOK(e) && (!core || core[e.u] || core[e.v]);
      edgeShown[i] = ok ? 1 : 0;
      if (ok) { nEdges++; touched[e.u] = 1; touched[e.v] = 1; }
    }
    var strict = edgeFilterActive(), nodesChanged = false, linksChanged = false, nLinks = 0;
    for (var n = 0; n < N.length; n++) {
      var show = touched[n] || (!strict && (!core || core[n])) ? 1 : 0;
      if (show) nNodes++;
      if (show !== nodeShown[n]) { nodeShown[n] = show; nodesChanged = true; }
    }
    for (var li = 0; li < links.length; li++) {
      var on = 0;
      for (var j = 0; j < links[li].edges.length; j++) if (edgeShown[links[li].edges[j]]) { on = 1; break; }
      if (on) nLinks++;
      if (on !== linkShown[li]) { linkShown[li] = on; linksChanged = true; }
    }
    if (linksChanged) edgeView.refresh();
    if (nodesChanged) nodeView.refresh();
    var status = $("kg-status");
    status.textContent = "Showing " + nNodes.toLocaleString("en") + " of " + plural(N.length, "node", "nodes") +
      " and " + nEdges.toLocaleString("en") + " of " + plural(E.length, "edge", "edges") + ".";
    status.dataset.nodes = String(nNodes);
    status.dataset.edges = String(nEdges);
    status.dataset.links = String(nLinks);
  }

  function buildControls() {
    var counts = {};
    E.forEach(function (e) { counts[e.k] = (counts[e.k] || 0) + 1; });
    var types = $("kg-types");
    EDGE_KINDS.forEach(function (k) {
      var st = EDGE_STYLE[k], label = el("label"), box = el("input");
      box.type = "checkbox"; box.checked = true; box.id = "kg-type-" + k; box.dataset.kind = k;
      box.addEventListener("change", function () { state.types[k] = box.checked; apply(); });
      label.appendChild(box);
      label.appendChild(el("span", st.plural.charAt(0).toUpperCase() + st.plural.slice(1) + " (" + (counts[k] || 0) + ")"));
      types.appendChild(label);
    });
    var dates = E.map(function (e) { return e.d; }).concat(E.map(function (e) { return e.d2; }))
      .filter(function (d) { return d && /^\d{4}-\d{2}-\d{2}$/.test(d); }).sort();
    ["kg-since", "kg-until"].forEach(function (id) {
      var input = $(id);
      if (dates.length) { input.min = dates[0]; input.max = dates[dates.length - 1]; }
      input.addEventListener("change", function () {
        state[id === "kg-since" ? "since" : "until"] = input.value;
        apply();
      });
    });
    var bodySelect = $("kg-country");
    [["country", "Countries"], ["organization", "Organizations"]].forEach(function (pair) {
      var idx = [];
      N.forEach(function (n, i) { if (n.k === pair[0]) idx.push(i); });
      if (!idx.length) return;
      idx.sort(function (a, b) { return N[a].l.localeCompare(N[b].l); });
      var group = el("optgroup");
      group.label = pair[1];
      idx.forEach(function (i) {
        var o = el("option", N[i].l);
        o.value = String(i);
        group.appendChild(o);
      });
      bodySelect.appendChild(group);
    });
    bodySelect.addEventListener("change", function () { state.body = bodySelect.value; apply(); });

    var input = $("kg-search"), timer = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { suggest(input.value); }, 80);
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") suggest("");
      if (ev.key === "ArrowDown") {
        var first = $("kg-suggest").querySelector("button");
        if (first) { ev.preventDefault(); first.focus(); }
      }
    });
    $("kg-search-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      clearTimeout(timer);
      suggest("");
      search(input.value);
    });
    $("kg-suggest").addEventListener("keydown", function (ev) {
      var items = Array.prototype.slice.call($("kg-suggest").querySelectorAll("button"));
      var at = items.indexOf(document.activeElement);
      if (ev.key === "ArrowDown" && at < items.length - 1) { ev.preventDefault(); items[at + 1].focus(); }
      if (ev.key === "ArrowUp") { ev.preventDefault(); (at > 0 ? items[at - 1] : input).focus(); }
      if (ev.key === "Escape") { suggest(""); input.focus(); }
    });
    $("kg-reset").addEventListener("click", reset);
    $("kg-close").addEventListener("click", hideDetails);
  }

  function buildLegend() {
    var legend = $("kg-legend");
    legend.appendChild(el("h2", "Nodes"));
    Object.keys(NODE_STYLE).forEach(function (k) {
      var st = NODE_STYLE[k], row = el("div", null, "kg-key");
      var sw = el("span", null, "kg-swatch " + st.shape);
      sw.style.background = st.color;
      sw.style.color = st.color;
      row.appendChild(sw);
      row.appendChild(el("span", st.name + " (size: activity)"));
      legend.appendChild(row);
    });
    legend.appendChild(el("h2", "Links"));
    EDGE_KINDS.forEach(function (k) {
      var st = EDGE_STYLE[k], row = el("div", null, "kg-key"), sw = el("span", null, "kg-line " + st.line);
      sw.style.borderTopColor = st.color;
      row.appendChild(sw);
      row.appendChild(el("span", st.name + (st.arrows ? " (arrow: to)" : "")));
      legend.appendChild(row);
    });
  }

  function buildNotes() {
    $("kg-title").textContent = META.title;
    var scope = [];
    if (META.focus !== null && META.focus !== undefined)
      scope.push("Around " + N[META.focus].l + " (depth " + META.depth + ")");
    if (META.since || META.until)
      scope.push("Events " + (META.since ? "from " + META.since + " " : "") + (META.until ? "to " + META.until : ""));
    scope.push("Whole graph: " + plural(META.total_nodes, "node", "nodes") + ", " + plural(META.total_edges, "edge", "edges"));
    if (META.other_edges) scope.push(plural(META.other_edges, "edge", "edges") + " of other kinds not drawn");
    scope.push("Generated " + META.generated);
    $("kg-scope").textContent = scope.join(" · ");
    var om = META.omitted;
    if (om && om.nodes > 0) {
      var kinds = Object.keys(om.by_kind).map(function (k) {
        return plural(om.by_kind[k], NODE_STYLE[k] ? NODE_STYLE[k].name.toLowerCase() : k, NODE_STYLE[k] ? NODE_STYLE[k].plural : k);
      });
      $("kg-note-summary").textContent = "Left out (max " + META.max_nodes + " nodes, most active kept): " +
        plural(om.nodes, "node", "nodes") + " (" + kinds.join(", ") + ") and " + plural(om.edges, "edge", "edges") + ".";
      var ul = $("kg-note-list");
      om.names.forEach(function (name) { ul.appendChild(el("li", name)); });
      if (om.nodes > om.names.length) ul.appendChild(el("li", "… and " + (om.nodes - om.names.length).toLocaleString("en") + " more"));
      $("kg-note").hidden = false;
    }
  }

  // ------------------------------------------------------------------ details panel

  function panel() {
    var body = $("kg-details-body");
    while (body.firstChild) body.removeChild(body.firstChild);
    $("kg-details").hidden = false;
    return body;
  }
  function hideDetails() {
    $("kg-details").hidden = true;
    var d = $("kg-details");
    delete d.dataset.node; delete d.dataset.link;
  }
  function nodeButton(i) {
    var b = el("button", N[i].l, "kg-link");
    b.type = "button";
    b.addEventListener("click", function () { select(i); });
    return b;
  }
  function articleItem(aid) {
    var a = ART[aid] || {}, li = el("li"), url = safeUrl(a.u), text = a.t || aid;
    if (url) {
      var link = el("a", text);
      link.href = url; link.rel = "noopener noreferrer"; link.target = "_blank";
      li.appendChild(link);
    } else {
      li.appendChild(el("span", text));
    }
    if (a.p) li.appendChild(el("span", " (" + a.p + ")"));
    return li;
  }
  function list(parent, title, items, make) {
    if (!items.length) return;
    parent.appendChild(el("h3", title + " (" + items.length + ")"));
    var ul = el("ul");
    items.slice(0, LIST_CAP).forEach(function (x) { ul.appendChild(make(x)); });
    if (items.length > LIST_CAP) ul.appendChild(el("li", "… and " + (items.length - LIST_CAP) + " more"));
    parent.appendChild(ul);
  }
  function eventItem(self) {
    return function (i) {
      var li = el("li"), b = el("button", eventLine(i, self), "kg-link kg-row");
      b.type = "button";
      b.addEventListener("click", function () {
        // show the event, and mark its links on the graph
        var ids = eventLinks[i].filter(function (li) { return linkShown[li]; });
        network.setSelection({ nodes: [], edges: ids }, { unselectAll: true, highlightEdges: false });
        showEvents([i], null);
      });
      li.appendChild(b);
      return li;
    };
  }

  function showNode(i) {
    var n = N[i], body = panel(), st = NODE_STYLE[n.k];
    $("kg-details").dataset.node = n.id;
    delete $("kg-details").dataset.link;
    body.appendChild(el("h2", n.l));
    body.appendChild(el("p", st.name + (n.a.length ? " · also " + n.a.join(", ") : ""), "kg-sub"));
    if (!nodeShown[i]) body.appendChild(el("p", "Hidden by the current filters (Reset shows it).", "kg-sub"));
    var evs = nodeEvents[i];
    var meetings = evs.filter(function (e) { return EV[e].k === "meeting"; });
    var commitments = evs.filter(function (e) { return EV[e].k === "commitment"; });
    if (n.k === "person") {
      list(body, "Posts", n.p, function (p) {
        var li = el("li", (p.t || "post") + ", ");
        if (p.of !== null && p.of !== undefined) li.appendChild(nodeButton(p.of)); else li.appendChild(el("span", p.ol || "?"));
        if (p.f || p.l) li.appendChild(el("span", " (" + (p.f === p.l || !p.l ? p.f : (p.f || "?") + " – " + p.l) + ")"));
        return li;
      });
    } else {
      list(body, "Officials", members[i], function (m) {
        var li = el("li");
        li.appendChild(nodeButton(m));
        var titles = N[m].p.filter(function (p) { return p.of === i; }).map(function (p) { return p.t; });
        if (titles.length) li.appendChild(el("span", " — " + titles.join(", ")));
        return li;
      });
    }
    list(body, "Meetings", meetings, eventItem(i));
    list(body, "Commitments", commitments, eventItem(i));
    if (n.k !== "person" && members[i].length) {
      var own = {}, via = [];
      evs.forEach(function (e) { own[e] = 1; });
      members[i].forEach(function (m) {
        nodeEvents[m].forEach(function (e) { if (!own[e]) { own[e] = 1; via.push(e); } });
      });
      via.sort(byDateDesc);
      list(body, "Events of its officials", via, eventItem(-1));
    }
    list(body, "Articles", n.arts, articleItem);
  }

  function eventBlock(parent, i) {
    var ev = EV[i], box = el("div", null, "kg-event"), dl = el("dl");
    function row(k, v) {
      if (v === null || v === undefined || v === "") return;
      dl.appendChild(el("dt", k));
      var dd = el("dd");
      if (v instanceof Node) dd.appendChild(v); else dd.textContent = String(v);
      dl.appendChild(dd);
    }
    function people(idx) {
      var span = el("span");
      idx.forEach(function (n, j) {
        if (j) span.appendChild(document.createTextNode(", "));
        span.appendChild(nodeButton(n));
      });
      return idx.length ? span : null;
    }
    box.appendChild(el("strong", EDGE_STYLE[ev.k] ? EDGE_STYLE[ev.k].name : ev.k));
    row("Date", ev.d || (ev.pub ? "not given (published " + ev.pub + ")" : "not given"));
    if (ev.k === "meeting") {
      row("Place", ev.pl);
      row("Occasion", ev.oc);
      row("Status", ev.st);
      row("Mode", ev.mo);
      row("Participants", people(ev.ps));
      if (ev.host !== null && ev.host !== undefined) row("Host", nodeButton(ev.host));
      if (ev.guest !== null && ev.guest !== undefined) row("Guest", nodeButton(ev.guest));
    } else {
      row("Commitment", ev.ct);
      row("By", people(ev.ps));
      if (ev.cp !== null && ev.cp !== undefined) row("To", nodeButton(ev.cp));
    }
    box.appendChild(dl);
    box.appendChild(el("h3", ev.r.length > 1 ? "Reported by " + ev.r.length + " articles" : "Source"));
    ev.r.forEach(function (r) {
      if (r.ev) box.appendChild(el("blockquote", r.ev));
      var ul = el("ul");
      if (r.a !== null && r.a !== undefined) ul.appendChild(articleItem(r.a));
      box.appendChild(ul);
    });
    parent.appendChild(box);
  }

  function showEvents(evIdx, li) {
    var body = panel(), d = $("kg-details");
    delete d.dataset.node;
    if (li !== null) d.dataset.link = String(li); else delete d.dataset.link;
    if (li !== null) {
      var l = links[li];
      body.appendChild(el("h2", N[l.from].l + (l.k === "meeting" ? " — " : " → ") + N[l.to].l));
      body.appendChild(el("p", EDGE_STYLE[l.k].name + (l.edges.length > 1 ? " ×" + l.edges.length : ""), "kg-sub"));
    } else {
      body.appendChild(el("h2", EDGE_STYLE[EV[evIdx[0]].k].name));
    }
    evIdx.slice(0, LIST_CAP).forEach(function (i) { eventBlock(body, i); });
    if (evIdx.length > LIST_CAP) body.appendChild(el("p", "… and " + (evIdx.length - LIST_CAP) + " more", "kg-sub"));
  }

  function showLink(li) {
    var l = links[li];
    if (l.k === "holds_post") {
      var body = panel(), d = $("kg-details");
      delete d.dataset.node;
      d.dataset.link = String(li);
      body.appendChild(el("h2", N[l.from].l + " → " + N[l.to].l));
      body.appendChild(el("p", "Post held", "kg-sub"));
      l.edges.forEach(function (ei) {
        var e = E[ei], box = el("div", null, "kg-event");
        box.appendChild(el("strong", e.t || "post"));
        box.appendChild(el("p", "Seen " + (e.d || "?") + (e.d2 && e.d2 !== e.d ? " – " + e.d2 : ""), "kg-sub"));
        var ul = el("ul");
        e.arts.forEach(function (a) { ul.appendChild(articleItem(a)); });
        box.appendChild(ul);
        body.appendChild(box);
      });
      return;
    }
    var shown = l.edges.filter(function (ei) { return edgeShown[ei]; });
    var evs = [], seen = {};
    (shown.length ? shown : l.edges).forEach(function (ei) {
      var e = E[ei].e;
      if (e >= 0 && !seen[e]) { seen[e] = 1; evs.push(e); }
    });
    evs.sort(byDateDesc);
    showEvents(evs, li);
  }

  // ------------------------------------------------------------------ search, select, reset

  function findNode(q) {
    q = (q || "").trim().toLowerCase();
    if (!q) return -1;
    var i, tests = [
      function (n) { return n.l.toLowerCase() === q; },
      function (n) { return n.a.some(function (a) { return a.toLowerCase() === q; }); },
      function (n) { return n.l.toLowerCase().indexOf(q) === 0; },
      function (n) { return n.l.toLowerCase().indexOf(q) >= 0 || n.a.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; }); }
    ];
    for (var t = 0; t < tests.length; t++) {
      var best = -1;
      for (i = 0; i < N.length; i++) if (tests[t](N[i]) && (best < 0 || N[i].n > N[best].n)) best = i;
      if (best >= 0) return best;
    }
    return -1;
  }

  function select(i) {
    var msg = $("kg-message");
    msg.textContent = nodeShown[i] ? "" : N[i].l + " is hidden by the current filters; Reset shows it.";
    if (nodeShown[i]) {
      network.selectNodes([i]);
      network.focus(i, { scale: Math.max(1.1, network.getScale()), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    } else {
      network.unselectAll();
    }
    $("kg-status").dataset.selected = N[i].id;
    showNode(i);
  }

  // up to 12 names matching what is typed, best first; built as buttons with textContent
  function suggest(q) {
    var box = $("kg-suggest");
    while (box.firstChild) box.removeChild(box.firstChild);
    q = (q || "").trim().toLowerCase();
    if (q.length < 2) { box.hidden = true; return; }
    var hits = [];
    for (var i = 0; i < N.length; i++) {
      var n = N[i], l = n.l.toLowerCase(), rank = l === q ? 0 : l.indexOf(q) === 0 ? 1 : l.indexOf(q) > 0 ? 2 : -1;
      if (rank < 0 && n.a.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; })) rank = 3;
      if (rank >= 0) hits.push([rank, -n.n, n.l, i]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0); });
    hits.slice(0, 12).forEach(function (h) {
      var li = el("li"), b = el("button", N[h[3]].l);
      b.type = "button";
      b.appendChild(el("span", " " + NODE_STYLE[N[h[3]].k].name.toLowerCase(), "kg-kind"));
      b.addEventListener("click", function () {
        $("kg-search").value = N[h[3]].l;
        suggest("");
        select(h[3]);
      });
      li.appendChild(b);
      box.appendChild(li);
    });
    box.hidden = hits.length === 0;
  }

  function search(q) {
    var i = findNode(q);
    if (i < 0) {
      $("kg-message").textContent = "No official, country or organization matches “" + q + "”.";
      return;
    }
    select(i);
  }

  function reset() {
    state.types = { meeting: true, commitment: true, holds_post: true };
    state.since = state.until = state.body = "";
    EDGE_KINDS.forEach(function (k) { $("kg-type-" + k).checked = true; });
    $("kg-since").value = ""; $("kg-until").value = ""; $("kg-country").value = ""; $("kg-search").value = "";
    suggest("");
    $("kg-message").textContent = "";
    delete $("kg-status").dataset.selected;
    network.unselectAll();
    hideDetails();
    apply();
    network.fit({ animation: false });
  }

  network.on("click", function (p) {
    if (p.nodes.length) {
      $("kg-status").dataset.selected = N[p.nodes[0]].id;
      showNode(p.nodes[0]);
    } else if (p.edges.length) {
      showLink(p.edges[0]);
    } else {
      hideDetails();
    }
  });

  buildControls();
  buildLegend();
  buildNotes();
  apply();
  network.fit({ animation: false });
  performance.mark("kg:controls");
  network.once("afterDrawing", function () {
    window.kgReadyAt = performance.now();
    window.kgReady = true;
    document.documentElement.dataset.ready = "1";
  });
  // for tests and the console: read-only handles, no data goes back into the page as HTML
  window.kg = { network: network, nodes: visNodes, edges: visEdges, nodeView: nodeView, edgeView: edgeView,
                data: DATA, links: links,
                find: findNode, select: select, showLink: showLink, apply: apply, state: state };
})();
