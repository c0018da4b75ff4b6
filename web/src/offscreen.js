// Drawing what is on screen first. A sheet's charts below the fold are
// drawn after the ones the reader sees: as soon as they scroll into view,
// and otherwise one after another in the browser's idle time right after
// the page is shown, without a scroll. Until it is drawn, a waiting
// element is aria-busy. Where it is on the page is the browser's answer
// (an IntersectionObserver: in an embedding frame, the part of the frame
// the host page shows), which comes with the next rendering of the page;
// a page the browser does not render (a hidden tab) draws everything at
// once.

// waiting maps an element still to draw to the function that draws a list
// of such elements; unreported holds those whose first position report
// has not come yet, and settled the functions to call when none is left.
const waiting = new Map();
const unreported = new Set();
let settled = [];
let idle = 0;
let fallback = 0;

// A report that does not come this long after the elements were handed
// over (a frame the host does not render) is not waited for.
const reportWait = 300;

const seen = new IntersectionObserver((entries) => {
  const shown = entries.filter((e) => e.isIntersecting && waiting.has(e.target)).map((e) => e.target);
  draw(shown);
  for (const e of entries) {
    if (!waiting.has(e.target)) seen.unobserve(e.target);
    unreported.delete(e.target);
  }
  if (!unreported.size) settle();
});

// draw draws els now, each list through its own function.
function draw(els) {
  const byDraw = new Map();
  for (const el of els) {
    const fn = waiting.get(el);
    if (!fn) continue;
    forget(el);
    if (!el.isConnected) continue;
    if (!byDraw.has(fn)) byDraw.set(fn, []);
    byDraw.get(fn).push(el);
  }
  for (const [fn, list] of byDraw) {
    try {
      fn(list);
    } catch (err) {
      console.error("drawing", err); // the others are drawn still
    }
  }
}

// forget takes el off every list, drawn or not.
function forget(el) {
  waiting.delete(el);
  unreported.delete(el);
  seen.unobserve(el);
  el.removeAttribute("aria-busy");
}

// settle ends the wait for the first reports: whatever has not been
// reported is drawn now, and the rest of the waiting elements in idle
// time.
function settle() {
  clearTimeout(fallback);
  fallback = 0;
  draw([...unreported]);
  const done = settled;
  settled = [];
  done.forEach((resolve) => resolve());
  scheduleIdle();
}

// onIdle runs fn when the browser is idle (or soon, where it cannot say).
const onIdle = window.requestIdleCallback
  ? (fn) => requestIdleCallback(fn, { timeout: 500 })
  : (fn) => setTimeout(() => fn({ timeRemaining: () => 0 }), 0);

function scheduleIdle() {
  if (idle || !waiting.size || unreported.size) return;
  idle = onIdle(drawIdle);
}

// drawIdle draws waiting elements in the order they were handed over (page
// order), at least one, as long as the browser's idle period lasts.
function drawIdle(deadline) {
  idle = 0;
  for (const el of waiting.keys()) {
    draw([el]);
    if (deadline.timeRemaining() <= 0) break;
  }
  scheduleIdle();
}

// A page printed before everything was drawn prints everything.
window.addEventListener("beforeprint", () => draw([...waiting.keys()]));

// drawWhenSeen hands els over to be drawn by drawList (called with a list
// of them): those on screen when the browser first reports where they are,
// the others when they come into view or in idle time after. It resolves
// once every element handed over so far that is on screen is drawn.
export function drawWhenSeen(els, drawList) {
  if (document.visibilityState === "hidden") {
    try {
      drawList(els);
    } catch (err) {
      console.error("drawing", err); // the page is wired still
    }
    return waitingShown();
  }
  for (const el of els) {
    waiting.set(el, drawList);
    unreported.add(el);
    el.setAttribute("aria-busy", "true");
    seen.observe(el);
  }
  if (unreported.size && !fallback) fallback = setTimeout(settle, reportWait);
  return waitingShown();
}

// waitingShown resolves when no element waits for its first report.
function waitingShown() {
  if (!unreported.size) return Promise.resolve();
  return new Promise((resolve) => settled.push(resolve));
}

// isWaiting tells an element handed over and not drawn yet.
export function isWaiting(el) {
  return waiting.has(el);
}

// cancelWaiting forgets the waiting elements under root (it is being
// replaced).
export function cancelWaiting(root) {
  for (const el of [...waiting.keys()]) if (root.contains(el)) forget(el);
  if (!unreported.size && settled.length) settle();
}
