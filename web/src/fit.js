// Small layout helpers of the viewer: KPI numbers that fit their tiles,
// and min–max range controls drawn as one track with two thumbs.

// fitted holds the width each KPI value was last fitted to: the
// observer's first report of a KPI (its size when it was fitted) and
// reports that leave its width as it was fit nothing again.
const fitted = new WeakMap();

const kpiResize = new ResizeObserver((entries) => {
  // Every width is read before any font changes: a read after a change
  // would lay the page out again.
  const changed = entries.map((e) => e.target.querySelector(".kpi-value")).filter((el) => el && el.clientWidth !== fitted.get(el));
  changed.forEach(fitText);
});

// fitText shrinks an element's font until its text fits its width (never
// below 10px), so a long number is smaller rather than cut.
function fitText(el) {
  if (!el) return;
  el.style.fontSize = "";
  shrink(el);
}

// shrink takes el's font down from its size now until its text fits its
// width and its KPI (a small tile's title and notes leave it little
// height) holds it.
function shrink(el) {
  fitted.set(el, el.clientWidth);
  const kpi = el.closest(".kpi");
  const over = () => el.scrollWidth > el.clientWidth || (kpi && kpi.scrollHeight > kpi.clientHeight);
  if (!over()) return;
  let size = parseFloat(getComputedStyle(el).fontSize);
  while (over() && size > 10) {
    size -= 1;
    el.style.fontSize = `${size}px`;
  }
}

// fitKPIs fits every KPI value under root, now and when its tile resizes.
// The values are measured at their full size together, so that only a
// value that does not fit costs a layout of its own.
export function fitKPIs(root) {
  const kpis = [...root.querySelectorAll(".kpi")];
  const values = kpis.map((kpi) => kpi.querySelector(".kpi-value")).filter(Boolean);
  values.forEach((el) => (el.style.fontSize = ""));
  values.forEach(shrink);
  kpis.forEach((kpi) => kpiResize.observe(kpi));
}

// paintRange colours the track between a dual range's thumbs and shows
// the values; moved says which thumb the viewer moved, so the other one
// stays and the moved one stops at it (the minimum never passes the
// maximum).
export function paintRange(range, moved) {
  const [lo, hi] = range.querySelectorAll("input");
  if (!lo || !hi) return;
  if (Number(lo.value) > Number(hi.value)) {
    if (moved === hi) hi.value = lo.value;
    else lo.value = hi.value;
  }
  const min = Number(lo.min), span = Number(lo.max) - min || 1;
  const track = range.querySelector(".dual-range");
  if (track) {
    track.style.setProperty("--lo", `${((Number(lo.value) - min) / span) * 100}%`);
    track.style.setProperty("--hi", `${((Number(hi.value) - min) / span) * 100}%`);
    // The thumb nearer the other end stays on top, so both remain
    // reachable when they meet.
    lo.style.zIndex = Number(lo.value) >= Number(lo.max) - span / 2 ? "2" : "1";
  }
  const out = range.querySelector("output");
  if (out) out.textContent = `${lo.value} – ${hi.value}`;
}

// paintRanges paints every dual range under root.
export function paintRanges(root) {
  root.querySelectorAll(".range:has(.dual-range)").forEach((r) => paintRange(r));
}
