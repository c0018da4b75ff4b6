// The embedding SDK's dashboard requests the viewer answers beyond reading
// sheets and parameters: custom visual actions set by the host (with
// CALLBACK_OPERATION reaching its callback on a data point click), undo,
// redo and reset of the viewer's state, and a theme override. Requests
// Sightglass cannot serve answer the SDK's error response naming what is
// not supported, never a silent success.
import * as echarts from "echarts/core";

let post = () => {};
let view = null; // the viewer's state access: see viewer.js viewerAccess

function fail(errorCode, message) {
  return { success: false, errorCode, message };
}

const unsupported = (what, why) => () => fail("UNSUPPORTED_REQUEST", `${what} is not supported by Sightglass: ${why}`);

// ---- Custom visual actions ----------------------------------------------

// actions holds the actions the host set on a visual ("sheet/visual"):
// they replace the definition's for the SDK's getters and for clicks.
const actions = new Map();
const TRIGGERS = new Set(["DATA_POINT_CLICK", "DATA_POINT_MENU"]);

function findVisual(sheetId, visualId) {
  const sheet = view?.sdk().find((s) => s.SheetId === sheetId);
  return sheet?.Visuals.find((v) => v.VisualId === visualId);
}

// hostSetActions reports whether the host replaced a visual's actions
// through the SDK: the definition's click actions (visualactions.js) then
// no longer run on it, as the SDK's setVisualActions replaces them.
export function hostSetActions(visualId) {
  return view !== null && actions.has(`${view.selected()}/${visualId}`);
}

function currentActions(sheetId, visualId) {
  const key = `${sheetId}/${visualId}`;
  if (actions.has(key)) return actions.get(key);
  return findVisual(sheetId, visualId)?.Actions || [];
}

// checkActions checks actions set through the SDK. Sightglass runs the
// CallbackOperation of such actions; an action with any other operation
// is refused rather than kept and never run.
function checkActions(list) {
  if (!Array.isArray(list)) return "Actions must be a list of visual actions";
  const ids = new Set();
  let clicks = 0;
  for (const a of list) {
    if (!a || typeof a !== "object") return "Each action must be an object";
    if (typeof a.CustomActionId !== "string" || !/^[\w-]{1,512}$/.test(a.CustomActionId)) return "Each action needs a CustomActionId";
    if (ids.has(a.CustomActionId)) return `CustomActionId ${a.CustomActionId} is given twice`;
    ids.add(a.CustomActionId);
    if (typeof a.Name !== "string" || a.Name === "") return `Action ${a.CustomActionId} needs a Name`;
    if (!TRIGGERS.has(a.Trigger)) return `Action ${a.CustomActionId}: Trigger must be DATA_POINT_CLICK or DATA_POINT_MENU`;
    if (a.Status !== undefined && a.Status !== "ENABLED" && a.Status !== "DISABLED") return `Action ${a.CustomActionId}: Status must be ENABLED or DISABLED`;
    if (!Array.isArray(a.ActionOperations) || a.ActionOperations.length === 0) return `Action ${a.CustomActionId} needs ActionOperations`;
    for (const op of a.ActionOperations) {
      const kinds = Object.keys(op || {});
      const other = kinds.find((k) => k !== "CallbackOperation");
      if (other) return `Action ${a.CustomActionId}: ${other} is not supported for actions set through the SDK; Sightglass runs CallbackOperation`;
      if (kinds.length === 0) return `Action ${a.CustomActionId} has an empty operation`;
    }
    if (a.Trigger === "DATA_POINT_CLICK" && a.Status !== "DISABLED" && ++clicks > 1) return "A visual can have only one enabled DATA_POINT_CLICK action";
  }
  return "";
}

function visualRequest(m) {
  if (!findVisual(m?.SheetId, m?.VisualId)) return fail("INVALID_VISUAL_ID", `There is no visual ${m?.VisualId} on sheet ${m?.SheetId}`);
  return null;
}

function setActions(m, list) {
  const bad = visualRequest(m);
  if (bad) return bad;
  const why = checkActions(list);
  if (why) return fail("INVALID_VISUAL_ACTIONS", why);
  actions.set(`${m.SheetId}/${m.VisualId}`, list.map((a) => ({ Status: "ENABLED", ...a })));
  return { success: true };
}

// isCallback reports whether an action runs the host's callback.
const isCallback = (a) => a.Status !== "DISABLED" && a.ActionOperations?.some((op) => op && op.CallbackOperation);

// datapoints describes the clicked data point of an ECharts event: its
// category (the dimension value) and its measure value, as drawn.
function datapoints(p) {
  const values = [];
  const raw = [];
  const columns = [];
  if (p.name !== undefined && p.name !== "") {
    values.push({ Value: String(p.name) });
    raw.push({ String: String(p.name) });
    columns.push({ Dimension: { Name: p.seriesType === "pie" ? p.seriesName : "category" } });
  }
  const v = Array.isArray(p.value) ? p.value.at(-1) : p.value;
  if (v !== undefined && v !== null) {
    values.push({ Value: String(v) });
    raw.push(typeof v === "number" ? (Number.isInteger(v) ? { Integer: v } : { Decimal: v }) : { String: String(v) });
    columns.push({ Metric: { Name: p.seriesName || "value" } });
  }
  return [{ Columns: columns, RawValues: raw, FormattedValues: values }];
}

function invoke(action, sheetId, visualId, p) {
  post("CALLBACK_OPERATION_INVOKED", {
    CustomActionId: action.CustomActionId,
    DashboardId: dashboardId(),
    SheetId: sheetId,
    VisualId: visualId,
    Datapoints: datapoints(p),
  });
}

function dashboardId() {
  const m = /\/dashboards\/([\w-]+)/.exec(document.querySelector(".viewer")?.dataset.base || location.pathname);
  return m ? m[1] : "";
}

// showMenu lists a visual's DATA_POINT_MENU actions at the click.
function showMenu(list, at, run) {
  document.querySelector(".sdk-action-menu")?.remove();
  const menu = document.createElement("ul");
  menu.className = "sdk-action-menu";
  menu.setAttribute("role", "menu");
  Object.assign(menu.style, { position: "fixed", left: `${at.x}px`, top: `${at.y}px`, zIndex: 1000 });
  for (const a of list) {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.setAttribute("role", "menuitem");
    b.textContent = a.Name;
    b.addEventListener("click", () => {
      menu.remove();
      run(a);
    });
    li.append(b);
    menu.append(li);
  }
  document.body.append(menu);
  setTimeout(() => document.addEventListener("click", () => menu.remove(), { once: true }), 0);
}

// wireCharts listens for data point clicks on the charts under el.
function wireCharts(el) {
  el.querySelectorAll("[data-echarts]").forEach((node) => {
    const chart = echarts.getInstanceByDom(node);
    if (!chart || chart.__sgActions) return;
    chart.__sgActions = true;
    chart.on("click", (p) => {
      const tile = node.closest("[id^='v-']");
      if (!tile) return;
      const sheetId = view.selected();
      const visualId = tile.id.slice(2);
      const list = currentActions(sheetId, visualId).filter(isCallback);
      const click = list.find((a) => a.Trigger === "DATA_POINT_CLICK");
      if (click) return invoke(click, sheetId, visualId, p);
      const menu = list.filter((a) => a.Trigger === "DATA_POINT_MENU");
      const e = p.event?.event;
      if (menu.length) showMenu(menu, { x: e?.clientX ?? 0, y: e?.clientY ?? 0 }, (a) => invoke(a, sheetId, visualId, p));
    });
  });
}

// ---- Undo, redo, reset ---------------------------------------------------

// The history of the viewer's states (sheet, parameters, controls), one
// entry per drawn state.
let past = [];
let future = [];
let current = null;
let initial = null;
let applying = false;

function recordState() {
  if (!view || applying) return;
  const st = view.viewState().toString();
  if (st === current) return;
  if (current !== null) past.push(current);
  if (past.length > 100) past.shift();
  future = [];
  current = st;
}

async function goTo(st) {
  applying = true;
  try {
    await view.applyView(st);
  } finally {
    current = view.viewState().toString();
    applying = false;
  }
}

// disabled reports whether the viewer's page turns a request off
// (GetDashboardEmbedUrl's undo-redo-disabled, reset-disabled).
const disabled = (flag) => document.querySelector(".viewer")?.dataset[flag] !== undefined;

// ---- Theme override ------------------------------------------------------

const reHex = /^#[0-9A-Fa-f]{6}$/;
const reFont = /^[\w .-]{1,64}$/;
let override = null; // {colors, fonts, css}
let overrideVersion = 0; // which override each chart has (chart.__sgTheme)

// checkOverride turns a ThemeConfiguration into what the viewer applies;
// a member Sightglass does not draw is refused by name.
function checkOverride(t) {
  if (!t || typeof t !== "object" || Array.isArray(t)) return { error: "ThemeOverride must be a ThemeConfiguration object" };
  const known = new Set(["DataColorPalette", "UIColorPalette", "Typography"]);
  const other = Object.keys(t).find((k) => !known.has(k));
  if (other) return { error: `ThemeOverride.${other} is not supported by Sightglass (DataColorPalette, UIColorPalette and Typography are)` };
  const out = { colors: null, fonts: null, css: {} };
  const p = t.DataColorPalette;
  if (p !== undefined) {
    if (p.Colors !== undefined) {
      if (!Array.isArray(p.Colors) || !p.Colors.every((c) => reHex.test(c))) return { error: "DataColorPalette.Colors must be #RRGGBB colors" };
      out.colors = p.Colors;
    }
    const rest = Object.keys(p).filter((k) => k !== "Colors");
    if (rest.length) return { error: `DataColorPalette.${rest[0]} is not supported by Sightglass's theme override` };
  }
  const ui = t.UIColorPalette || {};
  const vars = { SecondaryBackground: "background", SecondaryForeground: "color", PrimaryBackground: "--card", PrimaryForeground: "--fg", Accent: "--accent" };
  for (const [k, v] of Object.entries(ui)) {
    if (!vars[k]) return { error: `UIColorPalette.${k} is not supported by Sightglass's theme override (${Object.keys(vars).join(", ")} are)` };
    if (!reHex.test(v)) return { error: `UIColorPalette.${k} must be a #RRGGBB color` };
    out.css[vars[k]] = v;
    if (k === "SecondaryForeground") out.css["--muted"] = v;
  }
  const fonts = t.Typography?.FontFamilies;
  if (fonts !== undefined) {
    if (!Array.isArray(fonts) || !fonts.every((f) => reFont.test(f?.FontFamily || ""))) return { error: "Typography.FontFamilies must name fonts" };
    out.fonts = fonts.map((f) => `'${f.FontFamily}'`).concat("sans-serif").join(", ");
    out.css["font-family"] = out.fonts;
  }
  return out;
}

function applyOverride(el) {
  if (!override) return;
  const body = el.querySelector(".sheet-body") || el;
  for (const [k, v] of Object.entries(override.css)) body.style.setProperty(k, v);
  el.querySelectorAll("[data-echarts]").forEach((node) => {
    const chart = echarts.getInstanceByDom(node);
    if (!chart || chart.__sgTheme === overrideVersion) return;
    chart.__sgTheme = overrideVersion;
    const opt = {};
    if (override.colors) opt.color = override.colors;
    const color = override.chartText || override.css["--fg"];
    if (override.fonts || color) opt.textStyle = { fontFamily: override.fonts || undefined, color };
    chart.setOption(opt);
  });
}

// ---- Requests ------------------------------------------------------------

export const extraRequests = {
  GET_VISUAL_ACTIONS: (m) => visualRequest(m) || currentActions(m.SheetId, m.VisualId),
  SET_VISUAL_ACTIONS: (m) => setActions(m, m?.Actions),
  ADD_VISUAL_ACTIONS: (m) => {
    const bad = visualRequest(m);
    if (bad) return bad;
    if (!Array.isArray(m.Actions)) return fail("INVALID_VISUAL_ACTIONS", "Actions must be a list of visual actions");
    return setActions(m, [...currentActions(m.SheetId, m.VisualId), ...m.Actions]);
  },
  REMOVE_VISUAL_ACTIONS: (m) => {
    const bad = visualRequest(m);
    if (bad) return bad;
    const drop = new Set((Array.isArray(m.Actions) ? m.Actions : []).map((a) => a?.CustomActionId));
    actions.set(`${m.SheetId}/${m.VisualId}`, currentActions(m.SheetId, m.VisualId).filter((a) => !drop.has(a.CustomActionId)));
    return { success: true };
  },
  UNDO: async () => {
    if (disabled("undoRedoDisabled")) return fail("UNDO_REDO_DISABLED", "Undo and redo are disabled for this embedding (undo-redo-disabled)");
    if (past.length === 0) return fail("NOTHING_TO_UNDO", "There is no change to undo");
    future.push(current);
    await goTo(past.pop());
    return { success: true };
  },
  REDO: async () => {
    if (disabled("undoRedoDisabled")) return fail("UNDO_REDO_DISABLED", "Undo and redo are disabled for this embedding (undo-redo-disabled)");
    if (future.length === 0) return fail("NOTHING_TO_REDO", "There is no undone change to redo");
    past.push(current);
    await goTo(future.pop());
    return { success: true };
  },
  RESET: async () => {
    if (disabled("resetDisabled")) return fail("RESET_DISABLED", "Reset is disabled for this embedding (reset-disabled)");
    if (initial === null) return fail("UNSUPPORTED_REQUEST", "RESET needs a dashboard");
    if (current !== initial) {
      past.push(current);
      future = [];
      await goTo(initial);
    }
    return { success: true };
  },
  SET_THEME_OVERRIDE: (m) => {
    const o = checkOverride(m?.ThemeOverride);
    if (o.error) return fail("INVALID_THEME_OVERRIDE", o.error);
    override = o;
    overrideVersion++;
    const sheet = document.getElementById("sheet");
    if (sheet) applyOverride(sheet);
    return { success: true };
  },
  SET_THEME: async (m) => {
    const arn = m?.ThemeArn;
    const base = document.querySelector(".viewer")?.dataset.base;
    if (typeof arn !== "string" || !base) return fail("INVALID_THEME_ARN", "SET_THEME needs a ThemeArn");
    const resp = await fetch(`${base}/theme?arn=${encodeURIComponent(arn)}`, {
      credentials: "same-origin",
      headers: { "X-Sightglass-Session": view.token() },
    });
    if (!resp.ok) return fail(resp.status === 404 ? "THEME_NOT_FOUND" : resp.status === 403 ? "THEME_ACCESS_DENIED" : "INVALID_THEME_ARN", (await resp.text()).trim());
    const t = await resp.json();
    const css = {};
    for (const decl of String(t.CSS || "").split(";")) {
      const i = decl.indexOf(":");
      if (i > 0) css[decl.slice(0, i)] = decl.slice(i + 1);
    }
    override = { colors: t.Colors?.length ? t.Colors : null, fonts: t.FontFamily || null, css, chartText: t.ChartText || null };
    overrideVersion++;
    const sheet = document.getElementById("sheet");
    if (sheet) applyOverride(sheet);
    return { success: true };
  },
  PRELOAD_THEMES: () => ({ success: true }), // themes are read when applied: nothing to preload
  ADD_FILTER_GROUPS: unsupported("ADD_FILTER_GROUPS", "the viewer draws the dashboard's own filter groups; change them with its controls or parameters"),
  UPDATE_FILTER_GROUPS: unsupported("UPDATE_FILTER_GROUPS", "the viewer draws the dashboard's own filter groups; change them with its controls or parameters"),
  REMOVE_FILTER_GROUPS: unsupported("REMOVE_FILTER_GROUPS", "the viewer draws the dashboard's own filter groups; change them with its controls or parameters"),
  TOGGLE_EXECUTIVE_SUMMARY_PANE: unsupported("TOGGLE_EXECUTIVE_SUMMARY_PANE", "executive summaries need Amazon Q"),
  TOGGLE_THRESHOLD_ALERTS_PANE: unsupported("TOGGLE_THRESHOLD_ALERTS_PANE", "Sightglass has no threshold alerts"),
  TOGGLE_SCHEDULING_PANE: unsupported("TOGGLE_SCHEDULING_PANE", "Sightglass has no scheduled reports"),
  TOGGLE_RECENT_SNAPSHOTS_PANE: unsupported("TOGGLE_RECENT_SNAPSHOTS_PANE", "Sightglass has no snapshots"),
};

// initExtras starts the module on a viewer page, once the viewer is
// drawn: postEvent sends an event to the host, access reads and applies
// the viewer's state.
export function initExtras(postEvent, access) {
  const sheet = document.getElementById("sheet");
  if (!sheet || !access) return;
  post = postEvent;
  view = access;
  initial = view.viewState().toString();
  current = initial;
  const refresh = () => {
    wireCharts(sheet);
    applyOverride(sheet);
    recordState();
  };
  refresh();
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      refresh();
    });
  }).observe(sheet, { childList: true, subtree: true });
}
