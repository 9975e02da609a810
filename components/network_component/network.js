// Sourcetrace actor network: hosts vis-network (inlined from pyvis's bundled copy, no CDN).
// Python sends {graph, signature, ...}; every node comes with its position (sourcetrace/layout.py)
// and physics is off, so the picture is the same on every visit. The graph is rebuilt only when
// its signature changes; a focus change only recolours nodes and edges.
const mounted = new WeakMap();
// nodes the reader dragged, per network and layout: kept for the life of the tab
const moved = new Map();
const FADE = "#d9dee4";
const FOCUS = "#e0a100";
const TIP_GAP = 10; // px between a node's box (label included) and its tooltip

// Only the nodes and edges whose look changed are updated: a focus change touches a few of them.
function changed(items, last) {
  const out = [];
  for (const item of items) {
    const key = JSON.stringify(item);
    if (last.get(item.id) !== key) { last.set(item.id, key); out.push(item); }
  }
  return out;
}

function applyFocus(s, focus) {
  const hl = new Set((focus && focus.highlight) || []);
  const primary = focus && focus.primary;
  const any = hl.size > 0;
  s.nodes.update(changed(
    s.base.map((n) => {
      const lit = !any || hl.has(n.id);
      return {
        id: n.id,
        color: lit
          ? { background: n.color, border: n.id === primary ? FOCUS : n.color,
              highlight: { background: n.color, border: FOCUS }, hover: { background: n.color, border: FOCUS } }
          : { background: FADE, border: FADE, highlight: { background: n.color, border: FOCUS },
              hover: { background: n.color, border: FOCUS } },
        borderWidth: n.id === primary ? 5 : 1,
        font: { color: lit ? "#1b1f24" : "#a3abb4", size: n.id === primary ? 23 : 20 },
      };
    }), s.lastNodes
  ));
  s.edges.update(changed(
    s.baseEdges.map((e) => {
      const lit = !any || (hl.has(e.from) && hl.has(e.to) && (!primary || e.from === primary || e.to === primary));
      return { id: e.id, color: { color: lit ? (any ? "#5b6b7c" : "#9aa4af") : "#e6e9ed", opacity: lit ? 1 : 0.5 } };
    }), s.lastEdges
  ));
  s.box.dataset.focus = primary || "";
  s.focused = Boolean(focus && focus.active);
}

// ---------------------------------------------------------------- tooltips (text only)

function showTip(s, text, place) {
  const tip = s.tip;
  tip.textContent = text; // article strings stay text: never parsed as HTML
  tip.style.visibility = "hidden";
  tip.style.display = "block";
  const W = s.box.clientWidth;
  const H = s.box.clientHeight;
  const w = tip.offsetWidth;
  const h = tip.offsetHeight;
  const [left, top] = place(w, h, W, H);
  tip.style.left = `${Math.round(Math.max(4, Math.min(left, W - w - 4)))}px`;
  tip.style.top = `${Math.round(Math.max(4, Math.min(top, H - h - 4)))}px`;
  tip.style.visibility = "visible";
}

function hideTip(s) {
  s.tip.style.display = "none";
  delete s.tip.dataset.for;
}

// The node's box on screen (its shape and its label), in the container's pixels.
function nodeBox(s, id) {
  const b = s.network.getBoundingBox(id);
  const a = s.network.canvasToDOM({ x: b.left, y: b.top });
  const z = s.network.canvasToDOM({ x: b.right, y: b.bottom });
  return { left: a.x, top: a.y, right: z.x, bottom: z.y };
}

// Above the node, else below, right or left of it: the first side with room; never over it.
function besideNode(box) {
  return (w, h, W, H) => {
    const cx = (box.left + box.right) / 2 - w / 2;
    const cy = (box.top + box.bottom) / 2 - h / 2;
    const sides = [
      [cx, box.top - TIP_GAP - h, box.top - TIP_GAP - h >= 0],
      [cx, box.bottom + TIP_GAP, box.bottom + TIP_GAP + h <= H],
      [box.right + TIP_GAP, cy, box.right + TIP_GAP + w <= W],
      [box.left - TIP_GAP - w, cy, box.left - TIP_GAP - w >= 0],
    ];
    const fit = sides.find((x) => x[2]) || sides[0];
    return [fit[0], fit[1]];
  };
}

// Below and right of the pointer, flipped to the other side when there is no room.
function nearPointer(p) {
  return (w, h, W, H) => [
    p.x + 14 + w <= W ? p.x + 14 : p.x - 14 - w,
    p.y + 16 + h <= H ? p.y + 16 : p.y - 16 - h,
  ];
}

// ---------------------------------------------------------------- PNG of the network as shown

function downloadPng(s, filename) {
  const src = s.box.querySelector("canvas");
  if (!src) return;
  const out = document.createElement("canvas");
  out.width = src.width;
  out.height = src.height;
  const ctx = out.getContext("2d");
  ctx.fillStyle = "#ffffff"; // the canvas itself is transparent
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(src, 0, 0);
  out.toBlob((blob) => {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    s.box.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }, "image/png");
}

// ---------------------------------------------------------------- mount

// vis-network arrives in a separate component (kept out of the fragment that reruns on focus
// changes); wait for it, and render only the latest data if several runs arrived meanwhile.
const latest = new WeakMap();
export default function (args) {
  latest.set(args.parentElement, args);
  const attempt = (tries) => {
    if (!globalThis.vis && tries < 400) { setTimeout(() => attempt(tries + 1), 25); return; }
    const current = latest.get(args.parentElement);
    if (current !== args) return; // a newer run took over
    render(args);
  };
  attempt(0);
}

function build(data, parentElement) {
  const vis = globalThis.vis;
  parentElement.querySelectorAll(".st-net").forEach((el) => el.remove());
  const box = document.createElement("div");
  box.className = "st-net";
  box.style.height = data.height;
  box.dataset.testid = "sourcetrace-network";
  parentElement.appendChild(box);
  if (!data.graph.nodes.length) {
    const empty = document.createElement("div");
    empty.className = "st-net-empty";
    empty.textContent = data.empty_message;
    box.appendChild(empty);
    box.dataset.settled = "1";
    return { signature: data.signature, box };
  }
  const place = `${data.name}:${data.layout || ""}`;
  const dragged = moved.get(place) || {};
  const base = data.graph.nodes;
  const baseEdges = data.graph.edges;
  const tips = new Map();
  // `title` would make vis-network draw its own tooltip over the node: ours is placed beside it
  const strip = (item) => { const { title, ...rest } = item; tips.set(item.id, title || ""); return rest; };
  const nodes = new vis.DataSet(base.map((n) => ({ ...strip(n), ...(dragged[n.id] || {}) })));
  const edges = new vis.DataSet(baseEdges.map((e) => strip(e)));
  const network = new vis.Network(box, { nodes, edges }, data.graph.options);
  const tip = document.createElement("div");
  tip.className = "st-net-tip";
  tip.dataset.testid = "sourcetrace-network-tooltip";
  box.appendChild(tip);
  const s = { signature: data.signature, network, nodes, edges, base, baseEdges, box, tip, tips, focused: false,
              lastNodes: new Map(), lastEdges: new Map() };
  network.once("afterDrawing", () => {
    network.fit({ animation: false });
    box.dataset.settled = "1";
  });
  network.on("click", (params) => {
    hideTip(s);
    // a timestamp makes a second click on the same node a new value
    if (params.nodes.length) s.send("clicked", { id: params.nodes[0], n: Date.now() });
    else if (!params.edges.length && s.focused) s.send("clicked", { id: null, n: Date.now() });
  });
  network.on("hoverNode", (p) => {
    box.style.cursor = "pointer";
    showTip(s, tips.get(p.node), besideNode(nodeBox(s, p.node)));
    tip.dataset.for = `node:${p.node}`;
  });
  network.on("hoverEdge", (p) => {
    showTip(s, tips.get(p.edge), nearPointer(p.pointer.DOM));
    tip.dataset.for = `edge:${p.edge}`;
  });
  network.on("blurNode", () => { box.style.cursor = "default"; hideTip(s); });
  network.on("blurEdge", () => hideTip(s));
  network.on("dragStart", () => hideTip(s));
  box.addEventListener("pointerleave", () => hideTip(s));
  network.on("zoom", () => hideTip(s));
  network.on("dragEnd", (p) => {
    if (!p.nodes.length) return;
    const keep = moved.get(place) || {};
    for (const id of p.nodes) keep[id] = network.getPosition(id);
    moved.set(place, keep);
  });
  const png = document.createElement("button");
  png.type = "button";
  png.className = "st-net-png";
  png.textContent = "⤓ PNG";
  png.title = "Download the network as shown (PNG)";
  png.setAttribute("aria-label", "Download the network as PNG");
  png.dataset.testid = "sourcetrace-network-png";
  png.addEventListener("click", () => downloadPng(s, data.filename || "network.png"));
  box.appendChild(png);
  // a handle for end-to-end tests: node positions on screen
  globalThis.sourcetraceNetworks = globalThis.sourcetraceNetworks || {};
  globalThis.sourcetraceNetworks[data.name] = network;
  return s;
}

function render({ data, parentElement, setStateValue }) {
  let s = mounted.get(parentElement);
  if (!s || s.signature !== data.signature) {
    if (s && s.network) s.network.destroy();
    s = build(data, parentElement);
    mounted.set(parentElement, s);
  }
  s.send = setStateValue;
  if (s.network) applyFocus(s, data.graph.focus);
}
