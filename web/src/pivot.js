// Collapsing and expanding a pivot table's row groups in the page. The
// server draws every row of a pivot with groups (table[data-pivot-groups]):
// leaf rows and one row per group (tr[data-pivot-group], its subtotal),
// each with its row-field values (data-pivot-path). A collapsed group
// (tr.collapsed) shows its group row alone; an expanded one shows its rows,
// and its group row only when subtotals are on at its level
// (data-pivot-shown). A toggle sits on the first drawn row of each group.
// With table[data-pivot-hide-collapsed] (CollapsedRowDimensionsVisibility
// HIDDEN), the column of a row field that no drawn row shows is hidden.

let listening = false;

// mountPivots lays out the pivots with groups in el and listens for their
// toggles.
export function mountPivots(el) {
  el.querySelectorAll?.("table.pivot[data-pivot-groups]").forEach(layout);
  if (listening) return;
  listening = true;
  document.addEventListener("click", (ev) => {
    const button = ev.target.closest?.(".pivot-toggle");
    if (!button) return;
    const table = button.closest("table.pivot");
    for (const tr of table.querySelectorAll("tbody tr[data-pivot-group]")) {
      if (key(tr.dataset.pivotPath) === button.dataset.group) tr.classList.toggle("collapsed");
    }
    layout(table);
  });
}

// key is a group's values, written one way.
const key = (path) => JSON.stringify(typeof path === "string" ? JSON.parse(path) : path);

// layout hides and shows table's rows by their groups' states and puts
// each group's toggle on its first drawn row.
function layout(table) {
  const rows = [...table.querySelectorAll("tbody tr[data-pivot-path]")];
  const groups = new Map(); // group key → collapsed
  for (const tr of rows) {
    if (tr.dataset.pivotGroup) groups.set(key(tr.dataset.pivotPath), tr.classList.contains("collapsed"));
  }
  table.querySelectorAll(".pivot-toggle").forEach((b) => b.remove());
  const placed = new Set();
  for (const tr of rows) {
    const path = JSON.parse(tr.dataset.pivotPath);
    const group = Number(tr.dataset.pivotGroup || 0);
    const depth = group || path.length;
    let hidden = group > 0 && !tr.hasAttribute("data-pivot-shown") && !groups.get(key(path));
    for (let d = 1; d < depth; d++) if (groups.get(key(path.slice(0, d)))) hidden = true;
    tr.hidden = hidden;
    if (hidden) continue;
    for (let d = 1; d <= (group || path.length - 1); d++) {
      const k = key(path.slice(0, d));
      if (!groups.has(k) || placed.has(k)) continue;
      placed.add(k);
      const collapsed = groups.get(k);
      const b = document.createElement("button");
      b.type = "button";
      b.className = "pivot-toggle";
      b.dataset.group = k;
      b.textContent = collapsed ? "+" : "−";
      b.setAttribute("aria-expanded", String(!collapsed));
      b.setAttribute("aria-label", `${collapsed ? "Expand" : "Collapse"} ${path[d - 1]}`);
      tr.cells[d - 1].prepend(b);
    }
  }
  if (table.hasAttribute("data-pivot-hide-collapsed")) hideFields(table, rows);
}

// hideFields hides the columns of the row fields below the deepest one a
// drawn row shows: a leaf row shows every field, a group row the fields
// of its group.
function hideFields(table, rows) {
  const fields = rows[0]?.querySelectorAll("th[scope=row]").length ?? 0;
  let shown = 1;
  for (const tr of rows) {
    if (!tr.hidden) shown = Math.max(shown, Number(tr.dataset.pivotGroup || 0) || JSON.parse(tr.dataset.pivotPath).length);
  }
  for (const tr of table.rows) {
    for (let i = 1; i < fields && i < tr.cells.length; i++) tr.cells[i].hidden = i >= shown;
  }
}
