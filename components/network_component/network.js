// Sourcetrace actor network: hosts vis-network (inlined from pyvis's bundled copy, no CDN).
// Python sends {graph, focus}; the graph is rebuilt only when its signature changes, a focus
// change only recolours nodes, so physics never restarts on a click.
const mounted = new WeakMap();
const FADE = "#d9dee4";
const FOCUS = "#e0a100";

function applyFocus(s, focus) {
  const hl = new Set((focus && focus.highlight) || []);
  const primary = focus && focus.primary;
  const any = hl.size > 0;
  s.nodes.update(
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
    })
  );
  s.edges.update(
    s.baseEdges.map((e) => {
      const lit = !any || (hl.has(e.from) && hl.has(e.to) && (!primary || e.from === primary || e.to === primary));
      return { id: e.id, color: { color: lit ? (any ? "#5b6b7c" : "#9aa4af") : "#e6e9ed", opacity: lit ? 1 : 0.5 } };
    })
  );
  s.box.dataset.focus = primary || "";
}

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

function render({ data, parentElement, setStateValue }) {
  const vis = globalThis.vis;
  let s = mounted.get(parentElement);
  if (!s || s.signature !== data.signature) {
    if (s && s.network) s.network.destroy();
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
      mounted.set(parentElement, { signature: data.signature, box });
      return;
    }
    const base = data.graph.nodes;
    const baseEdges = data.graph.edges;
    const nodes = new vis.DataSet(base.map((n) => ({ ...n })));
    const edges = new vis.DataSet(baseEdges.map((e) => ({ ...e })));
    const network = new vis.Network(box, { nodes, edges }, data.graph.options);
    s = { signature: data.signature, network, nodes, edges, base, baseEdges, box };
    // physics settles, then stops: the layout must not drift while someone reads it
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: false });
      network.fit({ animation: false });
      box.dataset.settled = "1";
    });
    network.on("click", (params) => {
      if (params.nodes.length) {
        // a timestamp makes a second click on the same node a new value
        s.send("clicked", { id: params.nodes[0], n: Date.now() });
      }
    });
    network.on("hoverNode", () => { box.style.cursor = "pointer"; });
    network.on("blurNode", () => { box.style.cursor = "default"; });
    mounted.set(parentElement, s);
    // a handle for end-to-end tests: node positions on screen
    globalThis.sourcetraceNetworks = globalThis.sourcetraceNetworks || {};
    globalThis.sourcetraceNetworks[data.name] = network;
  }
  s.send = setStateValue;
  if (s.network) applyFocus(s, data.graph.focus);
}
