// Sourcetrace article text: draws what sourcetrace.render.article_view decided and reports what the
// reader does. The text is put in as text nodes (textContent), never parsed as HTML or Markdown, so
// the box holds the article's characters and nothing else. Python sends {view, focus, ...}; the text
// is rebuilt only when view.signature changes; a focus change only moves classes and scrolls the
// box (never the page) to the focused mention, claim or event.
const mounted = new WeakMap();
const FOCUS_CLASSES = ["st-ent-focus", "st-ent-linked", "st-claim-focus", "st-event-focus"];

export default function ({ data, parentElement, setTriggerValue }) {
  let s = mounted.get(parentElement);
  if (!s || s.signature !== data.view.signature) {
    const keep = s ? s.box.scrollTop : null;
    if (s) {
      s.wrap.remove();
      document.removeEventListener("mousedown", s.onDown);
    }
    s = build(parentElement, data);
    mounted.set(parentElement, s);
    if (keep !== null) s.box.scrollTop = keep; // a rebuild (types toggled, a correction) keeps the place
  }
  s.send = setTriggerValue;
  s.choices = data.choices;
  applyFocus(s, data.focus, data.scroll || 0);
}

// ------------------------------------------------------------------ building the text

function build(parent, data) {
  const view = data.view;
  const text = view.text;
  const wrap = document.createElement("div");
  wrap.className = "st-article-wrap";
  const box = document.createElement("div");
  box.className = "st-article";
  box.dataset.testid = "sourcetrace-article";
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", "Article text");
  if (data.height) box.style.maxHeight = data.height;
  const s = {
    signature: view.signature, text, wrap, box, view, lit: [], lastKey: undefined, lastScroll: 0,
    byActor: new Map(), byClaim: new Map(), byEvent: new Map(), fromText: "",
  };
  const frag = document.createDocumentFragment();
  let pos = 0;
  for (const [start, end, cls, actor, claims, events, stop] of view.runs) {
    if (start > pos) frag.appendChild(document.createTextNode(text.slice(pos, start)));
    const el = document.createElement("span");
    el.className = cls;
    el.textContent = text.slice(start, end);
    el.dataset.s = start;
    el.dataset.e = end;
    if (actor) {
      el.dataset.actor = actor;
      const a = view.actors[actor];
      if (a) el.style.setProperty("--ent", a.color);
      push(s.byActor, actor, el);
    }
    if (claims.length) {
      el.dataset.claims = claims.join(" ");
      for (const c of claims) push(s.byClaim, c, el);
    }
    for (const ev of events) push(s.byEvent, ev, el);
    if (stop) {
      el.tabIndex = 0;
      el.dataset.stop = stop === 1 ? "actor" : "claim";
    }
    frag.appendChild(el);
    pos = end;
  }
  if (pos < text.length) frag.appendChild(document.createTextNode(text.slice(pos)));
  box.appendChild(frag);
  const tip = document.createElement("div");
  tip.className = "st-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  const pop = document.createElement("div");
  pop.className = "st-pop";
  pop.hidden = true;
  wrap.append(box, tip, pop);
  parent.appendChild(wrap);
  s.tip = tip;
  s.pop = pop;
  wire(s);
  return s;
}

function push(map, key, el) {
  const list = map.get(key);
  if (list) list.push(el);
  else map.set(key, [el]);
}

// ------------------------------------------------------------------ focus

function applyFocus(s, f, scroll) {
  for (const el of s.lit) el.classList.remove(...FOCUS_CLASSES);
  s.lit = [];
  const light = (list, cls) => {
    for (const el of list || []) {
      el.classList.add(cls);
      s.lit.push(el);
    }
  };
  for (const id of f.linked) light(s.byActor.get(id), "st-ent-linked");
  light(s.byActor.get(f.primary), "st-ent-focus");
  light(s.byClaim.get(f.claim), "st-claim-focus");
  light(s.byEvent.get(f.event), "st-event-focus");
  s.box.dataset.focus = f.key;
  const moved = f.key !== s.lastKey || scroll !== s.lastScroll;
  const local = f.key && f.key === s.fromText;
  s.lastKey = f.key;
  s.lastScroll = scroll;
  s.fromText = "";
  if (moved && f.key && !local) {
    // after layout: on a fresh mount the box has no size yet
    requestAnimationFrame(() => scrollToFocus(s, f, scroll !== 0));
  }
}

function targets(s, f) {
  if (f.target === "actor") return s.byActor.get(f.primary) || [];
  if (f.target === "claim") return s.byClaim.get(f.claim) || [];
  if (f.target === "event") return s.byEvent.get(f.event) || [];
  return [];
}

function scrollToFocus(s, f, force) {
  const list = targets(s, f);
  if (!list.length) return;
  const box = s.box.getBoundingClientRect();
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.top >= box.top && r.bottom <= box.bottom;
  };
  // the reader's place is kept when the focused mark is already in view
  if (!force && list.some(visible)) return;
  if (force && visible(list[0])) return;
  const r = list[0].getBoundingClientRect();
  const top = s.box.scrollTop + (r.top - box.top) - s.box.clientHeight / 3;
  s.box.dataset.scrolledTo = f.key;
  s.box.scrollTo({ top: Math.max(0, top), behavior: "smooth" });
}

// ------------------------------------------------------------------ clicks, keys, hover, selection

function markOf(el) {
  const span = el && el.closest ? el.closest("span[data-s]") : null;
  if (!span) return null;
  if (span.dataset.actor) return { type: "actor", id: span.dataset.actor };
  if (span.dataset.claims) return { type: "claim", id: span.dataset.claims.split(" ")[0] };
  return null;
}

function focusMark(s, mark) {
  s.fromText = `${mark.type}:${mark.id}`; // clicked in the text: it is in view, do not scroll
  s.send("clicked", { type: mark.type, id: mark.id, n: Date.now() });
}

function wire(s) {
  const { box } = s;
  box.addEventListener("click", (e) => {
    const sel = document.getSelection();
    if (sel && !sel.isCollapsed && box.contains(sel.anchorNode)) return; // a selection, not a click
    const mark = markOf(e.target);
    if (mark) focusMark(s, mark);
  });
  box.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" && e.key !== " ") return;
    const mark = markOf(e.target);
    if (!mark || !e.target.dataset.stop) return;
    e.preventDefault();
    // a claim's stop focuses the claim even where its first word is a name
    const chosen = e.target.dataset.stop === "claim" && e.target.dataset.claims
      ? { type: "claim", id: e.target.dataset.claims.split(" ")[0] } : mark;
    focusMark(s, chosen);
  });
  box.addEventListener("mouseover", (e) => showTip(s, e.target));
  box.addEventListener("focusin", (e) => showTip(s, e.target));
  box.addEventListener("mouseout", (e) => {
    if (!e.relatedTarget || !box.contains(e.relatedTarget)) s.tip.hidden = true;
  });
  box.addEventListener("focusout", () => { s.tip.hidden = true; });
  box.addEventListener("scroll", () => { s.tip.hidden = true; });
  box.addEventListener("mouseup", () => setTimeout(() => offerSelection(s), 0));
  box.addEventListener("keyup", (e) => { if (e.shiftKey) offerSelection(s); });
  s.onDown = (e) => {
    if (!s.pop.hidden && !s.pop.contains(e.target)) s.pop.hidden = true;
  };
  document.addEventListener("mousedown", s.onDown);
  s.wrap.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !s.pop.hidden) {
      s.pop.hidden = true;
      e.stopPropagation();
    }
  });
}

function place(s, panel, rect) {
  // below the mark, or above it when the box has no room below; always inside the box
  const wrap = s.wrap.getBoundingClientRect();
  const box = s.box.getBoundingClientRect();
  panel.style.maxWidth = `${Math.max(160, Math.min(380, box.width - 16))}px`;
  panel.style.left = "0px";
  panel.style.top = "0px";
  const w = panel.offsetWidth;
  const h = panel.offsetHeight;
  let left = rect.left - wrap.left;
  left = Math.max(box.left - wrap.left + 8, Math.min(left, box.right - wrap.left - w - 8));
  let top = rect.bottom - wrap.top + 6;
  if (rect.bottom + 6 + h > box.bottom) top = rect.top - wrap.top - h - 6;
  top = Math.max(box.top - wrap.top + 4, Math.min(top, box.bottom - wrap.top - h - 4));
  panel.style.left = `${left}px`;
  panel.style.top = `${top}px`;
}

function showTip(s, target) {
  const span = target && target.closest ? target.closest("span[data-s]") : null;
  if (!span || !s.pop.hidden) { s.tip.hidden = true; return; }
  const tip = s.tip;
  tip.replaceChildren();
  const actor = span.dataset.actor && s.view.actors[span.dataset.actor];
  if (actor) line(tip, "st-tip-actor", actor.tip);
  const claimId = span.dataset.claims && span.dataset.claims.split(" ")[0];
  const claim = claimId && s.view.claims[claimId];
  if (claim) {
    const chain = document.createElement("div");
    chain.className = "st-tip-chain";
    claim.chain.forEach(([label, kind], i) => {
      if (i) chain.append(" › ");
      const link = document.createElement("span");
      link.className = "st-tip-link";
      link.textContent = label;
      link.title = kind;
      chain.append(link);
    });
    if (claim.chain.length) tip.append(chain);
    line(tip, "st-tip-note", claim.note);
  }
  if (!tip.childNodes.length) { tip.hidden = true; return; }
  tip.hidden = false;
  place(s, tip, span.getBoundingClientRect());
}

function line(parent, cls, text) {
  const div = document.createElement("div");
  div.className = cls;
  div.textContent = text;
  parent.append(div);
}

// offsets in the article text of a point of the DOM selection
function startOf(node) {
  if (node.nodeType === 1 && node.dataset && node.dataset.s !== undefined) return Number(node.dataset.s);
  const prev = node.previousSibling;
  return prev && prev.dataset ? Number(prev.dataset.e) : 0;
}

function charAt(s, node, offset) {
  if (node === s.box) {
    const kids = s.box.childNodes;
    return offset < kids.length ? startOf(kids[offset]) : s.text.length;
  }
  if (node.nodeType === 3) return startOf(node.parentNode === s.box ? node : node.parentNode) + offset;
  return startOf(node) + (offset > 0 ? node.textContent.length : 0);
}

function offerSelection(s) {
  const sel = document.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return;
  const range = sel.getRangeAt(0);
  if (!s.box.contains(range.startContainer) || !s.box.contains(range.endContainer)) return;
  let start = charAt(s, range.startContainer, range.startOffset);
  let end = charAt(s, range.endContainer, range.endOffset);
  if (start > end) [start, end] = [end, start];
  const words = s.text.slice(start, end);
  if (!words.trim()) return;
  s.tip.hidden = true;
  openPopover(s, start, end, words.trim(), range.getBoundingClientRect());
}

function option(select, value, label) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = label;
  select.append(o);
}

function button(label, cls) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = cls;
  b.textContent = label;
  return b;
}

function openPopover(s, start, end, words, rect) {
  const c = s.choices;
  const pop = s.pop;
  pop.replaceChildren();
  pop.setAttribute("role", "dialog");
  pop.setAttribute("aria-label", "Correct the analysis from the selected words");
  pop.dataset.start = start;
  pop.dataset.end = end;
  const quote = document.createElement("div");
  quote.className = "st-pop-words";
  quote.textContent = `“${words.length > 80 ? words.slice(0, 79) + "…" : words}”`;
  const close = button("×", "st-pop-close");
  close.setAttribute("aria-label", "Close");
  close.onclick = () => { pop.hidden = true; };
  // Add as actor, with a type and a kind
  const actorRow = document.createElement("div");
  actorRow.className = "st-pop-row";
  const type = document.createElement("select");
  type.name = "type";
  type.setAttribute("aria-label", "Actor type");
  for (const t of c.types) option(type, t, t);
  type.value = c.types.includes("PERSON") ? "PERSON" : c.types[0];
  const kind = document.createElement("select");
  kind.name = "kind";
  kind.setAttribute("aria-label", "Actor kind");
  for (const k of c.kinds) option(kind, k, k);
  const addActor = button("Add as actor", "st-pop-go st-pop-actor");
  addActor.onclick = () => act(s, { op: "add_actor", start, end, type: type.value, kind: kind.value });
  actorRow.append(addActor, type, kind);
  // Add claim…: then the source its chain rests on
  const claimRow = document.createElement("div");
  claimRow.className = "st-pop-row";
  const openClaim = button("Add claim…", "st-pop-go st-pop-claim-open");
  claimRow.append(openClaim);
  const claimForm = document.createElement("div");
  claimForm.className = "st-pop-claim";
  claimForm.hidden = true;
  const source = document.createElement("select");
  source.name = "source";
  source.setAttribute("aria-label", "Source of the claim");
  for (const [id, label] of c.sources) option(source, id, label);
  const chain = document.createElement("div");
  chain.className = "st-pop-chain";
  const showChain = () => {
    const picked = source.selectedOptions[0];
    const who = source.value ? picked.textContent.replace(/ \([^)]*\)$/, "") : "own voice";
    chain.textContent = [c.publisher, who, "claim"].filter(Boolean).join(" › ");
  };
  source.onchange = showChain;
  showChain();
  const addClaim = button("Add claim", "st-pop-go st-pop-claim");
  addClaim.onclick = () => act(s, { op: "add_claim", start, end, source: source.value });
  const label = document.createElement("label");
  label.textContent = "Chain: source ";
  label.append(source);
  claimForm.append(label, chain, addClaim);
  openClaim.onclick = () => {
    claimForm.hidden = false;
    openClaim.hidden = true;
    place(s, pop, rect);
    source.focus();
  };
  pop.append(close, quote, actorRow, claimRow, claimForm);
  pop.hidden = false;
  place(s, pop, rect);
}

function act(s, payload) {
  s.pop.hidden = true;
  const sel = document.getSelection();
  if (sel) sel.removeAllRanges();
  s.send("action", { ...payload, n: Date.now() });
}
