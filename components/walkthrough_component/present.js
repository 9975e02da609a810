// Sourcetrace presentation: keeps the presenter's and the audience's windows on the same step,
// fits the slide to the screen, counts the elapsed time and opens the audience window.
// The windows talk over a BroadcastChannel (same origin, same browser: nothing leaves it).
// Python sends {role, step, count, deck}; a window told to move sends the "goto" trigger.
const mounted = new WeakMap();
const START_PREFIX = "sourcetrace-present-start:"; // sessionStorage: when the presentation began

function clock(ms) {
  const t = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(t / 3600), m = Math.floor((t % 3600) / 60), s = t % 60;
  const two = (x) => String(x).padStart(2, "0");
  return (h ? `${h}:${two(m)}` : `${two(m)}`) + `:${two(s)}`;
}

function startedAt(deck) {
  const key = START_PREFIX + deck;
  let v = Number(sessionStorage.getItem(key));
  if (!v) { v = Date.now(); sessionStorage.setItem(key, String(v)); }
  return v;
}

// The audience slide: shrink its type until the text column fits the screen (a long claim
// must not run off a projector). Synchronous, from full size each time, so it never flickers.
function fit() {
  const root = document.documentElement;
  const slide = document.querySelector(".st-key-wt-slide");
  const main = document.querySelector("[data-testid='stMain']");
  if (slide) {
    // the slide ends at the window's bottom edge, whatever stands above it
    const top = slide.getBoundingClientRect().top + (main ? main.scrollTop : 0);
    root.style.setProperty("--wt-slide-h", `${Math.floor(window.innerHeight - top - 10)}px`);
  }
  const text = document.querySelector(".st-key-wt-text");
  if (!text) return;
  let scale = 1;
  root.style.setProperty("--wt-fit", "1");
  const limit = () => window.innerHeight - text.getBoundingClientRect().top - 12;
  while (scale > 0.5 && text.scrollHeight > limit()) {
    scale = Math.round((scale - 0.05) * 100) / 100;
    root.style.setProperty("--wt-fit", String(scale));
  }
  text.dataset.fit = String(scale);
}

function scheduleFit(s) {
  [0, 60, 250, 800, 2000].forEach((ms) => setTimeout(fit, ms));
  if (!s.observer) {
    s.observer = new MutationObserver(() => { clearTimeout(s.fitTimer); s.fitTimer = setTimeout(fit, 30); });
    const main = document.querySelector("[data-testid='stMain']") || document.body;
    s.observer.observe(main, { childList: true, subtree: true, characterData: true });
    s.onResize = () => fit();
    window.addEventListener("resize", s.onResize);
  }
}

function audienceUrl(step, deck) {
  const url = new URL(window.location.href);
  url.searchParams.delete("presenter");
  url.searchParams.set("step", String(step));
  url.searchParams.set("deck", deck);
  return url.toString();
}

function presenterUi(s, data, root) {
  if (!s.ui) {
    const bar = document.createElement("div");
    bar.className = "wt-presenter-bar";
    bar.innerHTML =
      '<span class="wt-elapsed-label">Elapsed</span> <span class="wt-elapsed" data-testid="wt-elapsed">00:00</span>' +
      '<button type="button" class="wt-restart" title="Start the clock again">Restart clock</button>' +
      '<button type="button" class="wt-open" data-testid="wt-open-audience">Open audience window</button>';
    root.appendChild(bar);
    const elapsed = bar.querySelector(".wt-elapsed");
    const tick = () => { elapsed.textContent = clock(Date.now() - startedAt(s.deck)); };
    bar.querySelector(".wt-restart").onclick = () => {
      sessionStorage.setItem(START_PREFIX + s.deck, String(Date.now()));
      tick();
    };
    // a click is a user gesture: popup blockers let this window.open through
    bar.querySelector(".wt-open").onclick = () => {
      s.audience = window.open(audienceUrl(s.step, s.deck), "sourcetrace-audience-" + s.deck);
      if (s.audience) s.audience.focus();
    };
    s.ui = { bar, tick };
    s.interval = setInterval(tick, 500);
  }
  s.ui.tick();
}

function openChannel(s, data) {
  if (typeof BroadcastChannel === "undefined") return;
  s.channel = new BroadcastChannel("sourcetrace-deck-" + data.deck);
  s.channel.onmessage = (event) => {
    const msg = event.data || {};
    if (msg.type === "hello" && s.role === "presenter") {
      s.channel.postMessage({ type: "step", step: s.step, role: s.role });
      return;
    }
    if (msg.type !== "step" || !Number.isInteger(msg.step)) return;
    const target = Math.max(1, Math.min(s.count, msg.step));
    if (target === s.step) return;
    s.sent = target; // we move because we were told to: do not echo the step back
    s.trigger("goto", target);
  };
  // a freshly opened (or reloaded) window asks where the presentation is
  if (data.role === "audience") s.channel.postMessage({ type: "hello" });
}

export default function ({ data, parentElement, setTriggerValue }) {
  let s = mounted.get(parentElement);
  if (!s) {
    s = { sent: data.step };
    mounted.set(parentElement, s);
  }
  Object.assign(s, { role: data.role, step: data.step, count: data.count, deck: data.deck, trigger: setTriggerValue });
  if (data.deck && !s.channel) openChannel(s, data);
  if (s.channel && s.sent !== data.step) {
    s.sent = data.step;
    s.channel.postMessage({ type: "step", step: data.step, role: data.role });
  }
  if (data.role === "presenter") presenterUi(s, data, parentElement);
  else scheduleFit(s);
  parentElement.dataset && (parentElement.dataset.step = String(data.step));
  return () => {
    if (s.channel) s.channel.close();
    if (s.interval) clearInterval(s.interval);
    if (s.observer) s.observer.disconnect();
    if (s.onResize) window.removeEventListener("resize", s.onResize);
    mounted.delete(parentElement);
  };
}
