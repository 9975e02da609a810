// Sourcetrace claims panel: draws what sourcetrace.panel.claims_panel decided and reports clicks.
// Every string (chains, quotes, hedges, names) goes in as a text node (textContent), never parsed
// as HTML or Markdown. Python sends {panel, keep, box}; each run redraws the cards in one swap (the
// panel's scroll position is kept), and when the focus changed the panel's own scroll box (never
// the page) brings the focused card into view, or goes back to the top for an actor or an event.
// A click on a button sends {op, id, n} as the "action" state value; n makes each click new.
const mounted = new WeakMap();

export default function ({ data, parentElement, setStateValue }) {
  let s = mounted.get(parentElement);
  if (!s) {
    s = { root: document.createElement("div"), keptFor: undefined, fromPanel: "" };
    s.root.className = "st-claims";
    s.root.dataset.testid = "sourcetrace-claims";
    s.root.addEventListener("click", (e) => onClick(s, e));
    parentElement.appendChild(s.root);
    mounted.set(parentElement, s);
  }
  s.send = setStateValue;
  draw(s, data.panel);
  keep(s, data);
}

// ------------------------------------------------------------------ drawing

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

function icon(name) {
  const i = el("span", "st-claims-icon", name); // a ligature of the Material Symbols font Streamlit loads
  i.setAttribute("aria-hidden", "true");
  return i;
}

function button(op, id, label, glyph, help) {
  const b = el("button", "st-claims-btn");
  b.type = "button";
  b.dataset.act = op;
  if (id) b.dataset.claim = id;
  if (help) b.title = help;
  if (glyph) b.append(icon(glyph));
  b.append(el("span", "st-claims-label", label));
  return b;
}

function draw(s, p) {
  const frag = document.createDocumentFragment();
  const line = el("div", "st-claims-focus");
  if (p.focus) {
    const said = el("div", "st-claims-focus-name");
    said.append("Focus: ", el("strong", null, p.focus.label));
    line.append(said, button("clear", null, "Clear the focus", "close", "Clear the focus in every view"));
  } else {
    line.classList.add("st-claims-caption");
    line.textContent = "Nothing focused: click an actor, a claim or an event.";
  }
  frag.append(line);
  if (p.shown) {
    const shown = el("div", "st-claims-shown");
    const what = el("span", "st-claims-count");
    what.append(el("strong", null, `${p.shown.n} of ${p.shown.total} shown`), ` · ${p.shown.why}`);
    shown.append(what, button("unfilter", null, "Show all", "filter_alt_off", "Clear the filters and the selection"));
    frag.append(shown);
  }
  if (p.empty) frag.append(el("div", p.cards.length ? "st-claims-caption" : "st-claims-empty", p.empty));
  const list = el("div", "st-claims-cards");
  for (const c of p.cards) list.append(card(c));
  if (p.cards.length) frag.append(list);
  if (p.more) {
    const more = button("more", null, p.more.label, p.more.expanded ? "unfold_less" : "unfold_more");
    more.classList.add("st-claims-more");
    more.setAttribute("aria-expanded", p.more.expanded ? "true" : "false");
    frag.append(more);
  }
  s.root.dataset.focus = p.focus ? p.focus.key : "";
  s.root.replaceChildren(frag);
}

function card(c) {
  const box = el("article", "st-claim-card");
  box.dataset.claim = c.id;
  if (c.focused) {
    box.classList.add("st-focused");
    box.setAttribute("aria-current", "true");
  }
  const crumbs = el("div", "st-crumbs");
  const chain = [...c.chain, ["claim", "tail", ""]];
  chain.forEach(([label, kind, title], i) => {
    if (i) crumbs.append(el("span", "st-sep", "›"));
    const link = el("span", `st-link st-k-${kind}`, label);
    if (kind === "tail") link.className = "st-link st-tail";
    else if (i === chain.length - 2) link.classList.add("st-last");
    if (!label.includes(" ")) link.classList.add("st-one-word");
    if (title) link.title = title;
    crumbs.append(link);
  });
  box.append(crumbs);
  if (c.voice) box.append(el("div", "st-voice", c.voice));
  box.append(el("div", "st-claim-text", `“${c.text}”`));
  const badges = el("div", "st-badges");
  for (const [label, colour] of c.badges) badges.append(el("span", `st-badge st-badge-${colour}`, label));
  box.append(badges);
  if (c.hedge !== null && c.hedge !== undefined) box.append(el("div", "st-hedge", `hedge: “${c.hedge}”`));
  const row = el("div", "st-claims-row");
  const focus = button("focus", c.id, "Focus", "center_focus_strong", "Focus this claim in every view");
  if (c.focused) focus.disabled = true;
  row.append(focus, button("show", c.id, "Show in text", "find_in_page", "Open the article view at this claim"));
  box.append(row);
  return box;
}

// ------------------------------------------------------------------ clicks

function onClick(s, e) {
  const b = e.target.closest ? e.target.closest("button[data-act]") : null;
  if (!b || b.disabled || !s.root.contains(b)) return;
  const id = b.dataset.claim || null;
  // a card's own Focus: the card stays where the reader clicked it (the lines above it may change)
  if (b.dataset.act === "focus") {
    s.fromPanel = `claim:${id}`;
    s.anchor = { id, top: b.closest(".st-claim-card").getBoundingClientRect().top };
  }
  s.send("action", { op: b.dataset.act, id, n: Date.now() });
}

// ------------------------------------------------------------------ keeping the focused card in view

function keep(s, data) {
  const panel = s.root.closest(data.box) || null;
  const key = data.keep || "";
  if (s.keptFor === key) return;
  const first = s.keptFor === undefined;
  s.keptFor = key;
  const local = key && key === s.fromPanel;
  const anchor = local ? s.anchor : null;
  s.fromPanel = "";
  s.anchor = null;
  if (anchor && panel) {
    const card = s.root.querySelector(`.st-claim-card[data-claim="${CSS.escape(anchor.id)}"]`);
    if (card) panel.scrollTop += card.getBoundingClientRect().top - anchor.top;
  }
  if (!panel || !key || local) return;
  requestAnimationFrame(() => {
    const card = data.panel.focused ? s.root.querySelector(`.st-claim-card[data-claim="${CSS.escape(data.panel.focused)}"]`) : null;
    if (!card) {
      if (!first) panel.scrollTo({ top: 0, behavior: "smooth" });
      return;
    }
    const p = panel.getBoundingClientRect();
    const r = card.getBoundingClientRect();
    if (r.top >= p.top && r.bottom <= p.bottom) return; // already in view: the reader's place is kept
    const top = panel.scrollTop + r.top - p.top - Math.max(8, (p.height - r.height) / 3);
    panel.scrollTo({ top: Math.max(0, top), behavior: "smooth" });
  });
}
