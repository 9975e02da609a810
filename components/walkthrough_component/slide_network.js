// Sourcetrace slide network: the article's actors drawn for a projector. The step's actors are lit,
// the rest faded; every label is at least `min_label_px` on screen whatever the zoom that fits the
// graph in its box. Display only: nothing is sent back. vis-network comes from the library
// component (components/network.py, load_library), which defines globalThis.vis.
const mounted = new WeakMap();
const latest = new WeakMap();
const FADE = "#d9dee4";

function light(s, ids) {
  const lit = new Set(ids || []);
  const any = lit.size > 0;
  s.nodes.update(s.base.map((n) => {
    const on = !any || lit.has(n.id);
    return {
      id: n.id,
      color: on ? { background: n.color, border: lit.has(n.id) ? "#1b1f24" : n.color } : { background: FADE, border: FADE },
      borderWidth: lit.has(n.id) ? 3 : 1,
      font: { size: s.labelSize, color: on ? "#1b1f24" : "#8f98a3", bold: lit.has(n.id) },
    };
  }));
  s.edges.update(s.baseEdges.map((e) => {
    const on = !any || (lit.has(e.from) && lit.has(e.to));
    return { id: e.id, color: { color: on ? "#5b6b7c" : "#e3e7eb" }, width: on && any ? 2.5 : 1 };
  }));
  s.box.dataset.lit = [...lit].join(" ");
}

// Fit the graph, then grow the labels (canvas units) until they are `px` on screen; refit, since
// bigger labels make the graph wider, and grow again until the size holds.
function legible(s, px) {
  for (let i = 0; i < 4; i++) {
    s.network.fit({ animation: false });
    const size = Math.max(s.baseSize, Math.ceil(px / s.network.getScale()));
    if (size === s.labelSize) break;
    s.labelSize = size;
    light(s, s.lit);
  }
  s.box.dataset.labelPx = String(Math.round(s.labelSize * s.network.getScale() * 10) / 10);
}

function build(data, parentElement) {
  const vis = globalThis.vis;
  parentElement.querySelectorAll(".wt-net").forEach((el) => el.remove());
  const box = document.createElement("div");
  box.className = "wt-net";
  box.style.height = data.height;
  parentElement.appendChild(box);
  const graph = data.graph;
  if (!graph.nodes.length) {
    box.textContent = data.empty_message;
    box.classList.add("wt-net-empty");
    return { signature: data.signature, box };
  }
  const baseSize = ((graph.options.nodes || {}).font || {}).size || 20;
  const nodes = new vis.DataSet(graph.nodes.map((n) => ({ ...n })));
  const edges = new vis.DataSet(graph.edges.map((e) => ({ ...e })));
  const options = { ...graph.options, interaction: { ...(graph.options.interaction || {}), dragNodes: false } };
  const network = new vis.Network(box, { nodes, edges }, options);
  const s = { signature: data.signature, box, network, nodes, edges, base: graph.nodes, baseEdges: graph.edges,
    baseSize, labelSize: baseSize, lit: data.lit, px: data.min_label_px };
  // positions come from sourcetrace/layout.py with physics off: ready at the first drawing
  network.once("afterDrawing", () => {
    legible(s, s.px);
    box.dataset.settled = "1";
  });
  // the box follows the window (a projector's resolution is known only on the day)
  s.resize = new ResizeObserver(() => { if (box.dataset.settled) legible(s, s.px); });
  s.resize.observe(box);
  globalThis.sourcetraceNetworks = globalThis.sourcetraceNetworks || {};
  globalThis.sourcetraceNetworks[data.name] = network;
  return s;
}

function render({ data, parentElement }) {
  let s = mounted.get(parentElement);
  if (!s || s.signature !== data.signature) {
    if (s && s.network) { s.resize.disconnect(); s.network.destroy(); }
    s = build(data, parentElement);
    mounted.set(parentElement, s);
  }
  s.box.style.height = data.height;
  if (!s.network) return;
  s.lit = data.lit;
  s.px = data.min_label_px;
  light(s, data.lit);
  if (s.box.dataset.settled) legible(s, s.px);
}

export default function (args) {
  latest.set(args.parentElement, args);
  const attempt = (tries) => {
    if (!globalThis.vis && tries < 400) { setTimeout(() => attempt(tries + 1), 25); return; }
    if (latest.get(args.parentElement) !== args || !globalThis.vis) return; // a newer run took over
    render(args);
  };
  attempt(0);
  return () => {
    const s = mounted.get(args.parentElement);
    if (s && s.network) { s.resize.disconnect(); s.network.destroy(); }
    mounted.delete(args.parentElement);
  };
}
