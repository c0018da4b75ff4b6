// Visual actions in the viewer, from the definition: a click on a data
// point of a visual whose action runs on DATA_POINT_CLICK either filters
// the action's target visuals by the clicked category (FilterOperation:
// the viewer state x.<VisualId> carries the value, and the server adds the
// filter to the targets' questions) or opens another sheet
// (NavigationOperation). A second click on the same value, or the tile's
// "Clear" button, removes the filter.
import * as echarts from "echarts/core";
import { hostSetActions } from "./sdkextras.js";

let hooks = null;
const bound = new WeakSet();

// clickAction returns a visual's enabled action run by a data point click.
// Actions the host set through the SDK replace the definition's.
function clickAction(visualId) {
  if (hostSetActions(visualId)) return null;
  return hooks.actionsOf(visualId).find((a) => a.Trigger === "DATA_POINT_CLICK" && a.Status !== "DISABLED") || null;
}

// targetsOf lists the visuals a filter operation filters.
function targetsOf(op, visualId) {
  const same = op.TargetVisualsConfiguration?.SameSheetTargetVisualConfiguration;
  if (!same) return [];
  if (same.TargetVisualOptions === "ALL_VISUALS") return hooks.visualIds().filter((id) => id !== visualId);
  return (same.TargetVisuals || []).filter((id) => id !== visualId);
}

// showClear marks the source tile with the value it filters by, and a
// button that clears it.
function showClear(visualId, value) {
  const tile = document.getElementById("v-" + visualId);
  if (!tile) return;
  tile.querySelector(".action-clear")?.remove();
  if (value === null) return;
  const b = document.createElement("button");
  b.type = "button";
  b.className = "action-clear";
  b.dataset.visualId = visualId;
  b.textContent = `Clear filter: ${value}`;
  tile.querySelector(".tile-title")?.after(b);
}

// clickText is how the clear button names a click's values: a county
// with its state ("Washington (OR)").
const clickText = (vals) => (vals.length > 1 ? `${vals[0]} (${vals[1]})` : vals[0]);

// run runs a visual's click action for the clicked value; state is the
// clicked county's state on a county map grouped by its state column.
async function run(visualId, value, state) {
  const action = clickAction(visualId);
  if (!action || value === "" || value == null) return;
  for (const op of action.ActionOperations || []) {
    if (op.NavigationOperation) {
      const to = op.NavigationOperation.LocalNavigationConfiguration?.TargetSheetId;
      if (to) await hooks.navigate(to);
      return;
    }
    if (op.FilterOperation) {
      const key = "x." + visualId;
      const st = hooks.state();
      const vals = state == null ? [String(value)] : [String(value), String(state)];
      const clear = st.getAll(key).join("\x00") === vals.join("\x00");
      st.delete(key);
      if (!clear) vals.forEach((v) => st.append(key, v));
      showClear(visualId, clear ? null : clickText(vals));
      await hooks.redraw(targetsOf(op.FilterOperation, visualId));
      return;
    }
  }
}

// scatterValue is what a scatter plot's point click filters by: its
// series' name when the series is a Category value (sgClick "series", a
// plot with a Label field), else the point's category (its third value);
// undefined for other charts and for a points map.
function scatterValue(chart, p) {
  if (p.seriesType !== "scatter" || !Array.isArray(p.value) || p.value.length < 3) return undefined;
  const s = chart.getOption().series?.[p.seriesIndex];
  if (!s || s.coordinateSystem === "geo") return undefined; // a points map's point: its name
  return s.sgClick === "series" ? p.seriesName : p.value[2];
}

// mountActions binds the charts under el to their visuals' click actions.
export function mountActions(el) {
  if (!hooks) return;
  el.querySelectorAll("[data-echarts]").forEach((node) => {
    const chart = echarts.getInstanceByDom(node);
    const tile = node.closest("[data-visual-id]");
    if (!chart || !tile || bound.has(chart) || !clickAction(tile.dataset.visualId)) return;
    bound.add(chart);
    node.classList.add("has-action");
    // A filled map's region carries the value it was matched from
    // (sgValue), and a county its state (sgState).
    chart.on("click", (p) => run(tile.dataset.visualId, p.data?.sgValue ?? scatterValue(chart, p) ?? p.name, p.data?.sgState));
  });
  // A filter still set marks its source tile again when it is redrawn.
  const st = hooks.state();
  el.querySelectorAll("section[data-visual-id]").forEach((tile) => {
    const vals = st.getAll("x." + tile.dataset.visualId);
    if (vals.length) showClear(tile.dataset.visualId, clickText(vals));
  });
}

// initActions starts the actions of a viewer: h gives the sheet's visuals'
// actions (actionsOf), ids (visualIds), the mutable state, redraw(ids) and
// navigate(sheetId).
export function initActions(root, h) {
  hooks = h;
  // Maps are drawn once their shapes load, after mountActions ran.
  root.addEventListener("sg:chart-drawn", (ev) => mountActions(ev.target.parentElement));
  root.addEventListener("click", (ev) => {
    const clear = ev.target.closest(".action-clear");
    if (clear) {
      const id = clear.dataset.visualId;
      const action = clickAction(id);
      hooks.state().delete("x." + id);
      showClear(id, null);
      const op = action?.ActionOperations?.find((o) => o.FilterOperation);
      if (op) hooks.redraw(targetsOf(op.FilterOperation, id));
      return;
    }
    // A table's row: its first cell is the first group's value. A pivot
    // table's row: its first row field's value (its data-pivot-path's
    // first, where the pivot has groups, else its first header without a
    // group's toggle); totals select nothing.
    const row = ev.target.closest(".tile-table tbody tr, .tile-pivot tbody tr:not(.total):not(.subtotal)");
    const tile = row?.closest("[data-visual-id]");
    if (!row || !tile || !clickAction(tile.dataset.visualId)) return;
    let value = row.cells[0]?.textContent ?? "";
    // A turned (HORIZONTAL) table's row is a column: the first line's
    // cell above the one clicked; a header or the totals select nothing.
    const turned = row.closest("table.horizontal");
    if (turned) {
      const td = ev.target.closest("td");
      if (!td || td.classList.contains("total")) return;
      value = turned.tBodies[0].rows[0]?.cells[td.cellIndex]?.textContent ?? "";
    }
    if (tile.matches(".tile-pivot")) {
      if (row.dataset.pivotPath) value = JSON.parse(row.dataset.pivotPath)[0] ?? "";
      else {
        const head = row.cells[0]?.cloneNode(true);
        head?.querySelector(".pivot-toggle")?.remove();
        value = head?.textContent ?? "";
      }
    }
    run(tile.dataset.visualId, value);
  });
}
