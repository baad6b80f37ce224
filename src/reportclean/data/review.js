// reportclean review page: panel, switches, views, keys n/p, inspector.
// Text from the document only ever reaches the page through textContent, never as markup.
(function () {
  "use strict";
  var root = document.querySelector(".rc");
  var doc = document.getElementById("rc-doc");
  var panel = document.getElementById("rc-panel");
  var inspector = document.getElementById("rc-inspector");
  var data = JSON.parse(document.getElementById("rc-data").textContent);
  var SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
  var PAGE = 200; // panel entries built at a time
  var current = -1; // index of the selected warning (n/p)
  var selected = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function target(kind, i) {
    return doc.querySelector("[data-" + kind + '~="' + i + '"]');
  }

  function snippet(node) {
    if (!node) return "";
    var t = node.textContent.replace(/\s+/g, " ").trim();
    return t.length > 24 ? t.slice(0, 24) + "…" : t || "(empty)";
  }

  function describe(node) {
    if (!node) return "";
    if (node.hasAttribute("data-w")) {
      var w = data.w[+node.getAttribute("data-w")];
      var todo = data.todo[w[0]];
      return w[1] + " · " + w[0] + " (step " + w[3] + ", line " + w[4] + ")\n" + data.m[w[2]] +
        (todo ? "\nWhat to do: " + todo : "") + "\nMore: reportclean explain " + w[0];
    }
    var parts = [];
    (node.getAttribute("data-r") || "").split(" ").filter(Boolean).forEach(function (i) {
      var r = data.r[+i];
      parts.push("removed by " + r[0] + " (step " + r[2] + ", line " + r[3] + "): " + r[1]);
    });
    (node.getAttribute("data-c") || "").split(" ").filter(Boolean).forEach(function (i) {
      var c = data.c[+i];
      parts.push("changed by " + c[0] + " (step " + c[1] + ", line " + c[2] + ")");
    });
    if (node.classList.contains("chg")) {
      var del = node.querySelector(":scope > del"), ins = node.querySelector(":scope > ins");
      parts.push(JSON.stringify(del ? del.textContent : "") + " → " + JSON.stringify(ins ? ins.textContent : ""));
    }
    if (!parts.length) parts.push("rule " + node.getAttribute("data-rule"));
    return parts.join("\n") + "\nMore: reportclean explain " + (node.getAttribute("data-rule") || "").split(" ")[0];
  }

  function hook(node) {
    return node && node.closest ? node.closest("mark[data-w], del.rm, span.chg") : null;
  }

  function select(node, entry) {
    if (!node) return;
    if (selected) selected.forEach(function (n) { n.classList.remove("cur"); });
    var key = node.hasAttribute("data-w") ? '[data-w="' + node.getAttribute("data-w") + '"]' : null;
    selected = key ? Array.prototype.slice.call(doc.querySelectorAll(key)) : [node];
    selected.forEach(function (n) { n.classList.add("cur"); });
    node.scrollIntoView({ block: "center" });
    node.setAttribute("tabindex", "-1");
    node.focus({ preventScroll: true });
    inspector.textContent = describe(node);
    panel.querySelectorAll(".entry.sel").forEach(function (e) { e.classList.remove("sel"); });
    if (entry) entry.classList.add("sel");
  }

  function hidden(i) {
    return root.classList.contains("hide-" + data.w[i][1]);
  }

  function move(step) {
    var n = data.w.length, i = current;
    for (var k = 0; k < n; k++) {
      i = i < 0 ? (step > 0 ? 0 : n - 1) : (i + step + n) % n;
      if (!hidden(i) && target("w", i)) {
        current = i;
        select(target("w", i));
        return;
      }
    }
  }

  // -- the panel: warnings by code, removals and changes by rule; entries built on opening
  function groups(rows, kind, keyOf) {
    var by = {};
    rows.forEach(function (row, i) {
      var k = keyOf(row);
      (by[k] = by[k] || []).push(i);
    });
    return Object.keys(by).map(function (k) { return { key: k, items: by[k], kind: kind }; });
  }

  function fill(list, g, from) {
    g.items.slice(from, from + PAGE).forEach(function (i) {
      var line = g.kind === "w" ? data.w[i][4] : g.kind === "r" ? data.r[i][3] : data.c[i][2];
      var b = el("button", "entry");
      b.type = "button";
      b.textContent = "line " + line + " · " + (g.kind === "w" ? data.w[i][5] : snippet(target(g.kind, i)));
      b.addEventListener("click", function () {
        if (g.kind === "w") current = i;
        select(target(g.kind, i), b);
      });
      b.addEventListener("focus", function () { inspector.textContent = describe(target(g.kind, i)); });
      list.appendChild(b);
    });
    if (from + PAGE < g.items.length) {
      var more = el("button", "entry", "… " + (g.items.length - from - PAGE) + " more");
      more.type = "button";
      more.addEventListener("click", function () {
        list.removeChild(more);
        fill(list, g, from + PAGE);
      });
      list.appendChild(more);
    }
  }

  function section(title, gs, swatch) {
    if (!gs.length) return;
    panel.appendChild(el("h2", null, title));
    gs.forEach(function (g) {
      var d = el("details", "group");
      d.setAttribute("data-kind", g.kind);
      d.setAttribute("data-key", g.key);
      if (g.severity) d.setAttribute("data-severity", g.severity);
      var s = el("summary");
      s.appendChild(el("span", "swatch s-" + swatch(g)));
      s.appendChild(document.createTextNode(g.key + " "));
      s.appendChild(el("span", "n", "(" + g.items.length + ")"));
      d.appendChild(s);
      var list = el("div", "entries");
      d.appendChild(list);
      d.addEventListener("toggle", function () {
        if (d.open && !list.childNodes.length) fill(list, g, 0);
      });
      panel.appendChild(d);
    });
  }

  var wg = groups(data.w, "w", function (w) { return w[0]; });
  wg.forEach(function (g) { g.severity = data.w[g.items[0]][1]; });
  wg.sort(function (a, b) {
    return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.items.length - a.items.length;
  });
  section("Warnings (" + data.w.length + ")", wg, function (g) { return g.severity; });
  section("Removals (" + data.r.length + ")", groups(data.r, "r", function (r) { return r[0]; }),
    function () { return "rm"; });
  section("Changes (" + data.c.length + ")", groups(data.c, "c", function (c) { return c[0]; }),
    function () { return "chg"; });
  var first = panel.querySelector("details.group");
  if (first) first.open = true; // its entries are filled by the toggle event
  if (!data.w.length && !data.r.length && !data.c.length) panel.appendChild(el("p", null, "Nothing was changed or flagged."));

  // -- switches and views
  root.querySelectorAll("input[data-switch]").forEach(function (box) {
    box.addEventListener("change", function () {
      root.classList.toggle("hide-" + box.getAttribute("data-switch"), !box.checked);
    });
  });
  root.querySelectorAll('input[name="rc-view"]').forEach(function (radio) {
    radio.addEventListener("change", function () {
      root.classList.remove("view-review", "view-original", "view-clean");
      root.classList.add("view-" + radio.value);
    });
  });

  // -- hover, focus and keys
  doc.addEventListener("mouseover", function (e) {
    var node = hook(e.target);
    if (!node) return;
    if (!node.title) node.title = describe(node);
    inspector.textContent = describe(node);
  });
  doc.addEventListener("focusin", function (e) {
    var node = hook(e.target);
    if (node) inspector.textContent = describe(node);
  });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target && e.target.tagName;
    if (t === "INPUT" || t === "TEXTAREA" || t === "SELECT") return;
    if (e.key === "n") { move(1); e.preventDefault(); }
    else if (e.key === "p") { move(-1); e.preventDefault(); }
  });
})();
