// The dashboard and analysis viewer: sheet tabs, filter and parameter
// controls, bookmarks and the shared-view link, and the embedding SDK
// requests about sheets, visuals and parameters. The viewer's state
// (p.<Parameter>, f.<FilterId>…) lives in this page: every change asks the
// server to render the sheet again (htmx). With state persistence on, the
// server keeps the state of each render and the page starts from it.
import htmx from "htmx.org";
import { disposeCharts, mountCharts } from "./charts.js";
import { fitKPIs, paintRange, paintRanges } from "./fit.js";
import { initActions, mountActions } from "./visualactions.js";
import { createSharedView } from "./sharedview.js";
import { mountPivots } from "./pivot.js";

// mount draws what a fresh fragment holds: charts, fitted KPI numbers,
// range tracks. What changes the tiles' layout (export links in their
// headers, pivots' collapsed rows, range tracks) comes first, so the
// charts are drawn at their final size, once. With offscreenLater (a
// page's first sheet) the charts off screen are drawn after the others;
// the promise resolves once the ones on screen are drawn.
function mount(el, offscreenLater = false) {
  addExports(el);
  mountPivots(el);
  paintRanges(el);
  const shown = mountCharts(el, { offscreenLater });
  mountActions(el);
  fitKPIs(el);
  return shown;
}

// addExports gives each visual with data the export links the user's
// custom permissions allow (its viewer's data-export: csv, xlsx); the
// server checks them again. The analysis editor calls it after each swap.
export function addExports(el) {
  const viewer = el.closest?.(".viewer") || el.querySelector?.(".viewer") || root;
  const formats = (viewer?.dataset.export || "").split(" ").filter(Boolean);
  if (!formats.length) return;
  // el may be a tile itself (a visual drawn again after a control change).
  const tiles = [...el.querySelectorAll("section[data-visual-id]")];
  if (el.matches?.("section[data-visual-id]")) tiles.unshift(el);
  tiles.forEach((tile) => {
    if (tile.querySelector(".tile-export") || !/\btile-(chart|table|pivot|kpi|words)\b/.test(tile.className)) return;
    const menu = document.createElement("div");
    menu.className = "tile-export";
    for (const f of formats) {
      const a = document.createElement("a");
      a.href = "#";
      a.className = "export-link";
      a.dataset.format = f;
      a.textContent = f === "csv" ? "Export to CSV" : "Export to Excel";
      menu.append(a);
    }
    tile.querySelector(".tile-title")?.after(menu);
  });
}

// exportVisual downloads a visual's data for the current state, in the
// link's format (with the session header: no cookie needed).
async function exportVisual(link) {
  const tile = link.closest("section[data-visual-id]");
  const viewer = link.closest(".viewer");
  const sheet = link.closest("[data-sheet-id]")?.dataset.sheetId || selected;
  const st = viewer === root ? state.toString() : ""; // the editor draws the defaults
  const url = `${viewer.dataset.base}/sheets/${encodeURIComponent(sheet)}/visuals/${encodeURIComponent(tile.dataset.visualId)}/export?format=${link.dataset.format}&${st}`;
  const resp = await fetch(url, { credentials: "same-origin", headers: token ? { "X-Sightglass-Session": token } : {} });
  tile.querySelector(".export-error")?.remove();
  if (!resp.ok) {
    const doc = new DOMParser().parseFromString(await resp.text(), "text/html");
    const p = document.createElement("p");
    p.className = "export-error";
    p.setAttribute("role", "alert");
    p.textContent = doc.querySelector(".error p:not(.status)")?.textContent || "The export failed.";
    link.parentElement.after(p);
    return;
  }
  const name = /filename="([^"]+)"/.exec(resp.headers.get("Content-Disposition") || "")?.[1] || "visual";
  const a = document.createElement("a");
  a.href = URL.createObjectURL(await resp.blob());
  a.download = name;
  document.body.append(a);
  a.click();
  setTimeout(() => (URL.revokeObjectURL(a.href), a.remove()), 1000);
}

let root = null;
let sdk = [];
let selected = "";
let state = new URLSearchParams();
let params = [];
let post = () => {};

const sheetBody = () => document.getElementById("sheet");

function readParams() {
  const body = sheetBody()?.querySelector(".sheet-body");
  try {
    return JSON.parse(body?.dataset.params || "[]");
  } catch {
    return [];
  }
}

// fragmentParameters reads #p.<name>=<value>&… (the SDK's parameters),
// and the controls (f.*) and sheet (sheetId) of a shared view's link.
export function fragmentParameters() {
  const out = new URLSearchParams();
  const hash = location.hash.replace(/^#/, "");
  if (!hash) return out;
  for (const [k, v] of new URLSearchParams(hash)) {
    if (k.startsWith("p.") || k.startsWith("f.") || k === "sheetId") out.append(k, v);
  }
  return out;
}

// merge replaces the members of state that from has.
function merge(into, from) {
  for (const k of new Set(from.keys())) into.delete(k);
  for (const [k, v] of from) into.append(k, v);
  return into;
}

// viewState is the current state with its sheet: what a bookmark or a
// shared view keeps.
function viewState() {
  const st = new URLSearchParams(state);
  if (selected) st.set("sheetId", selected);
  return st;
}

// applyView draws a saved view: its sheet and state.
async function applyView(saved) {
  const st = new URLSearchParams(saved);
  const sheet = st.get("sheetId");
  st.delete("sheetId");
  state = st;
  const before = params;
  if (sheet && sdk.some((s) => s.SheetId === sheet) && sheet !== selected) {
    markTab(sheet);
    await loadSheet(sheet);
    post("SELECTED_SHEET_CHANGED", { selectedSheet: { Name: sheetName(sheet), SheetId: sheet } });
  } else {
    await loadSheet(selected);
  }
  const changed = changedParameters(before);
  if (changed.length) post("PARAMETERS_CHANGED", { changedParameters: changed });
}

// bookmarkCall sends a bookmark request and resolves to the new list.
async function bookmarkCall(method, name, body) {
  const url = `${root.dataset.base}/bookmarks${name === undefined ? "" : "/" + encodeURIComponent(name)}`;
  const headers = { "X-Sightglass-Session": token };
  if (body) headers["Content-Type"] = "application/json";
  const resp = await fetch(url, { method, credentials: "same-origin", headers, body: body ? JSON.stringify(body) : undefined });
  if (!resp.ok) throw new Error((await resp.text()).trim() || `HTTP ${resp.status}`);
  return resp.json();
}

let bookmarks = [];

function bookmarkError(message) {
  const p = root.querySelector(".bookmark-error");
  if (!p) return;
  p.textContent = message || "";
  p.hidden = !message;
}

function renderBookmarks() {
  const ul = root.querySelector(".bookmark-list");
  if (!ul) return;
  ul.replaceChildren(
    ...bookmarks.map((b) => {
      const li = document.createElement("li");
      li.className = "bookmark";
      li.dataset.name = b.Name;
      const apply = document.createElement("button");
      apply.type = "button";
      apply.className = "bookmark-apply";
      apply.textContent = b.Name;
      apply.title = "Show this view";
      const rename = document.createElement("button");
      rename.type = "button";
      rename.className = "bookmark-rename";
      rename.textContent = "Rename";
      rename.setAttribute("aria-label", `Rename ${b.Name}`);
      const del = document.createElement("button");
      del.type = "button";
      del.className = "bookmark-delete";
      del.textContent = "Delete";
      del.setAttribute("aria-label", `Delete ${b.Name}`);
      li.append(apply, rename, del);
      return li;
    }),
  );
}

async function bookmarkAction(fn) {
  try {
    bookmarks = await fn();
    bookmarkError("");
    renderBookmarks();
  } catch (err) {
    bookmarkError(err.message);
  }
}

// startRename swaps a bookmark's name for a field that renames it.
function startRename(li) {
  const name = li.dataset.name;
  const form = document.createElement("form");
  form.className = "bookmark-rename-form";
  const input = document.createElement("input");
  input.name = "name";
  input.value = name;
  input.maxLength = 128;
  input.required = true;
  input.setAttribute("aria-label", `New name for ${name}`);
  const save = document.createElement("button");
  save.type = "submit";
  save.textContent = "Save";
  form.append(input, save);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    bookmarkAction(() => bookmarkCall("PATCH", name, { Name: input.value.trim() }));
  });
  li.replaceChildren(form);
  input.focus();
}

function initToolbar() {
  const panel = root.querySelector(".bookmarks");
  if (panel) {
    panel.addEventListener("toggle", () => {
      if (panel.open) bookmarkAction(() => bookmarkCall("GET"));
    });
    panel.querySelector(".bookmark-add").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const input = ev.target.elements.name;
      const name = input.value.trim();
      bookmarkAction(async () => {
        const list = await bookmarkCall("POST", undefined, { Name: name, State: viewState().toString() });
        input.value = "";
        return list;
      });
    });
    panel.addEventListener("click", (ev) => {
      const li = ev.target.closest("li.bookmark");
      if (!li) return;
      const b = bookmarks.find((x) => x.Name === li.dataset.name);
      if (ev.target.classList.contains("bookmark-apply") && b) applyView(b.State);
      if (ev.target.classList.contains("bookmark-rename")) startRename(li);
      if (ev.target.classList.contains("bookmark-delete")) bookmarkAction(() => bookmarkCall("DELETE", li.dataset.name));
    });
  }
  const share = root.querySelector(".share-view");
  if (share) {
    share.addEventListener("click", async () => {
      const link = root.querySelector(".share-link");
      try {
        link.value = (await createSharedView(root.dataset.base, token, viewState().toString())).url;
      } catch (err) {
        link.value = `The view could not be shared: ${err.message}`;
      }
      link.hidden = false;
      link.select();
    });
  }
}

function sheetName(id) {
  return sdk.find((s) => s.SheetId === id)?.Name || "";
}

// Renders run one at a time, and the last change wins: a new render
// aborts the one in flight, a response that a newer render superseded is
// dropped, and a render of a few visuals that supersedes a wider one
// renders the wider scope (the whole sheet, or the union of the visuals).
let generation = 0;
let inflight = null; // { ctrl, scope: "sheet" | Set of visual ids }
let token = "";

// fetchFragment GETs a viewer fragment for scope. It resolves to the HTML,
// or to null when a newer render superseded it; an ended session posts
// ERROR_OCCURRED (and its page is the fragment).
async function fetchFragment(url, scope) {
  inflight?.ctrl.abort();
  const ctrl = new AbortController();
  const gen = ++generation;
  inflight = { ctrl, scope };
  try {
    const resp = await fetch(url, { signal: ctrl.signal, credentials: "same-origin", headers: token ? { "X-Sightglass-Session": token } : {} });
    const html = await resp.text();
    if (gen !== generation) return null;
    if (resp.status === 401 || resp.status === 403) {
      post("ERROR_OCCURRED", { errorCode: resp.status === 401 ? "Unauthorized" : "Forbidden", message: html.trim() });
    }
    return html;
  } catch (err) {
    if (gen !== generation) return null; // aborted by a newer render
    throw err;
  } finally {
    if (gen === generation) inflight = null;
  }
}

// busy marks elements as loading; the function it returns clears every
// mark once no render is in flight (a newer render clears them when it
// ends).
function busy(els) {
  els.forEach((el) => {
    el.classList.add("loading");
    el.setAttribute("aria-busy", "true");
  });
  return () => {
    if (inflight) return;
    document.querySelectorAll(".loading").forEach((el) => {
      el.classList.remove("loading");
      el.removeAttribute("aria-busy");
    });
  };
}

// loadSheet renders a sheet for the current state; it resolves to false
// when a newer render superseded it.
async function loadSheet(id) {
  const target = sheetBody();
  if (!target) return false;
  selected = id; // a render that supersedes this one draws this sheet too
  const url = `${root.dataset.base}/sheets/${encodeURIComponent(id)}?${state.toString()}`;
  const done = busy([target]);
  let html;
  try {
    html = await fetchFragment(url, "sheet");
  } finally {
    done();
  }
  if (html === null) return false;
  disposeCharts(target);
  target.innerHTML = html;
  htmx.process(target);
  mount(target);
  params = readParams();
  return true;
}

// loadVisuals renders only the visuals a control change affects, and
// swaps each tile in place; the rest of the sheet stays as it is. It
// resolves to false when it could not (no such tiles: the caller renders
// the sheet) and true otherwise, also when a newer render superseded it.
async function loadVisuals(ids) {
  const body = sheetBody()?.querySelector(".sheet-body");
  if (!body) return false;
  if (inflight?.scope === "sheet") return (await loadSheet(selected), true);
  if (inflight?.scope instanceof Set) ids = [...new Set([...inflight.scope, ...ids])];
  const tiles = ids.map((id) => document.getElementById("v-" + id)).filter(Boolean);
  if (!tiles.length) return false;
  const url = `${root.dataset.base}/sheets/${encodeURIComponent(selected)}?${state.toString()}&visuals=${encodeURIComponent(ids.join(","))}`;
  const done = busy(tiles);
  let html;
  try {
    html = await fetchFragment(url, new Set(ids));
  } finally {
    done();
  }
  if (html === null) return true;
  const incoming = document.createElement("template");
  incoming.innerHTML = html;
  const update = incoming.content.querySelector(".sheet-update");
  if (!update) return false;
  for (const el of Array.from(update.querySelectorAll("section[data-visual-id]"))) {
    const old = document.getElementById(el.id);
    if (!old) continue;
    disposeCharts(old);
    old.replaceWith(el);
    htmx.process(el);
    mount(el);
  }
  body.dataset.params = update.dataset.params || "[]";
  params = readParams();
  return true;
}

function markTab(id) {
  root.querySelectorAll(".sheet-tab").forEach((b) => b.setAttribute("aria-selected", b.dataset.sheetId === id ? "true" : "false"));
}

async function selectSheet(id) {
  if (!sdk.some((s) => s.SheetId === id)) return false;
  markTab(id);
  await loadSheet(id);
  post("SELECTED_SHEET_CHANGED", { selectedSheet: { Name: sheetName(id), SheetId: id } });
  return true;
}

// changedParameters lists the parameters whose values differ.
function changedParameters(before) {
  const old = new Map(before.map((p) => [p.Name, JSON.stringify(p.Values)]));
  return params.filter((p) => old.get(p.Name) !== JSON.stringify(p.Values)).map((p) => ({ Name: p.Name, Values: p.Values }));
}

async function setParameters(list) {
  const before = params;
  for (const p of list) {
    if (!p || typeof p.Name !== "string") continue;
    const key = "p." + p.Name;
    state.delete(key);
    const values = Array.isArray(p.Values) ? p.Values : [p.Values];
    for (const v of values) state.append(key, String(v));
    if (values.length === 0) state.append(key, "");
  }
  await loadSheet(selected);
  const changed = changedParameters(before);
  if (changed.length) post("PARAMETERS_CHANGED", { changedParameters: changed });
}

// multiChange keeps a multi-select consistent after a click: "Select all"
// clears the single values and a single value clears "Select all"; with
// nothing chosen, every value is (the control's "all"). It updates the
// summary the closed control shows.
function multiChange(details, el) {
  const all = details.querySelector(".multi-all");
  const boxes = Array.from(details.querySelectorAll("input[type=checkbox][name]"));
  if (el === all && all.checked) boxes.forEach((b) => (b.checked = false));
  if (el !== all && el.checked && all) all.checked = false;
  const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
  if (all && chosen.length === 0) all.checked = true;
  const summary = details.querySelector("summary");
  summary.textContent = chosen.length === 0 ? "All" : chosen.length <= 2 ? chosen.join(", ") : `${chosen.length} selected`;
}

// formState reads a control form into the viewer state: every named field
// replaces its values; a multi-select with nothing chosen is "all" (*).
function formState(form) {
  const names = new Set(Array.from(form.elements, (f) => f.name).filter(Boolean));
  for (const name of names) state.delete(name);
  const multi = new Set();
  for (const field of form.elements) {
    if (!field.name) continue;
    if (field.type === "checkbox") {
      multi.add(field.name);
      if (field.checked) state.append(field.name, field.value);
    } else if (field.multiple) {
      multi.add(field.name);
      for (const o of field.selectedOptions) state.append(field.name, o.value);
    } else {
      state.append(field.name, field.value);
    }
  }
  for (const name of multi) if (!state.has(name)) state.append(name, "*");
}

// onControlChange stores a control's value(s) and renders what it affects.
async function onControlChange(ev) {
  const el = ev.target;
  const details = el.closest("details.multi");
  if (details) multiChange(details, el);
  else if (!el.name) return;
  const range = el.closest(".range");
  if (range?.querySelector(".dual-range")) paintRange(range, el);
  else if (range) range.querySelector("output").textContent = el.value;
  formState(el.form);
  const before = params;
  const affects = el.closest(".control")?.dataset.affects;
  if (affects === undefined || !(await loadVisuals(affects.split(" ").filter(Boolean)))) {
    await loadSheet(selected);
  }
  const changed = changedParameters(before);
  if (changed.length) post("PARAMETERS_CHANGED", { changedParameters: changed });
}

// filterOptions shows the values of a multi-select that contain the
// search text (case-insensitive).
function filterOptions(search) {
  const q = search.value.trim().toLowerCase();
  search.closest(".multi-panel").querySelectorAll(".multi-option:not(.multi-all-option)").forEach((label) => {
    label.hidden = q !== "" && !label.textContent.toLowerCase().includes(q);
  });
}

function fail(errorCode, message) {
  return { success: false, errorCode, message };
}

// requests answers the embedding SDK's requests about this viewer.
export const requests = {
  GET_SHEETS: () => sdk.map((s) => ({ Name: s.Name, SheetId: s.SheetId })),
  GET_SELECTED_SHEET_ID: () => selected,
  SET_SELECTED_SHEET_ID: async (m) => {
    const id = m?.SheetId ?? m;
    return (await selectSheet(id)) ? { success: true } : fail("INVALID_SHEET_ID", `There is no sheet ${id}`);
  },
  GET_PARAMETERS: () => params.map((p) => ({ Name: p.Name, Values: p.Values })),
  SET_PARAMETERS: async (m) => {
    const list = Array.isArray(m) ? m : m?.Parameters || [];
    const unknown = list.filter((p) => !params.some((q) => q.Name === p?.Name));
    if (unknown.length) return fail("INVALID_PARAMETERS", `Unknown parameters: ${unknown.map((p) => p?.Name).join(", ")}`);
    await setParameters(list);
    return { success: true };
  },
  GET_SHEET_VISUALS: (m) => {
    const sheet = sdk.find((s) => s.SheetId === (m?.SheetId ?? m));
    return sheet ? sheet.Visuals.map((v) => ({ Name: v.Name, VisualId: v.VisualId })) : fail("INVALID_SHEET_ID", `There is no sheet ${m?.SheetId}`);
  },
  GET_FILTER_GROUPS_FOR_SHEET: (m) => {
    const sheet = sdk.find((s) => s.SheetId === (m?.SheetId ?? m));
    if (!sheet) return fail("INVALID_SHEET_ID", `There is no sheet ${m?.SheetId}`);
    return Array.isArray(sheet.FilterGroups) ? sheet.FilterGroups : fail("INTERNAL_ERROR", "The filter groups of this dashboard could not be read");
  },
  GET_FILTER_GROUPS_FOR_VISUAL: (m) => {
    const sheet = sdk.find((s) => s.SheetId === m?.SheetId);
    const visual = sheet?.Visuals.find((v) => v.VisualId === m?.VisualId);
    if (!visual) return fail("INVALID_VISUAL_ID", `There is no visual ${m?.VisualId} on sheet ${m?.SheetId}`);
    if (!Array.isArray(sheet.FilterGroups)) return fail("INTERNAL_ERROR", "The filter groups of this dashboard could not be read");
    return (visual.FilterGroups || []).map((i) => sheet.FilterGroups[i]);
  },
  TOGGLE_BOOKMARKS_PANE: () => {
    const panel = root?.querySelector(".bookmarks");
    if (!panel) return fail("BOOKMARKS_DISABLED", "Bookmarks are not enabled for this embedding (FeatureConfigurations.Bookmarks)");
    panel.open = !panel.open;
    return { success: true };
  },
  CREATE_SHARED_VIEW: async () => {
    if (root?.dataset.sharedView === undefined) return fail("SHARED_VIEW_DISABLED", "Shared views are not enabled for this embedding (FeatureConfigurations.SharedView)");
    try {
      // The SDK's answer: the ids, as QuickSight gives them, and the link.
      const view = await createSharedView(root.dataset.base, token, viewState().toString());
      return { sharedViewId: view.sharedViewId, dashboardId: view.dashboardId, SharedViewUrl: view.url };
    } catch (err) {
      return fail("SHARED_VIEW_FAILED", err.message);
    }
  },
  GET_VISUAL_ACTIONS: (m) => {
    const sheet = sdk.find((s) => s.SheetId === m?.SheetId);
    const visual = sheet?.Visuals.find((v) => v.VisualId === m?.VisualId);
    return visual ? visual.Actions || [] : fail("INVALID_VISUAL_ID", `There is no visual ${m?.VisualId} on sheet ${m?.SheetId}`);
  },
};

// viewerAccess reads and applies the viewer's state for sdkextras.js.
export const viewerAccess = { viewState, applyView, sdk: () => sdk, selected: () => selected, token: () => token };

// initViewer starts the viewer on a page that has one; it resolves when
// the first sheet is drawn with the URL fragment's parameters applied
// (with offscreenLater, a page load's: when the charts on screen are; the
// others follow, see offscreen.js).
let documentBound = false;

export async function initViewer(postEvent, sessionToken, { offscreenLater = false } = {}) {
  post = postEvent;
  token = sessionToken || "";
  root = document.querySelector(".viewer");
  if (!root) return;
  try {
    sdk = JSON.parse(root.dataset.sdk || "[]");
  } catch {
    sdk = [];
  }
  selected = root.dataset.selected || "";
  params = readParams();
  // The state the page was drawn with (a restored one, with state
  // persistence), and over it the fragment's.
  state = new URLSearchParams(root.dataset.state || "");
  const fragment = fragmentParameters();
  const fragmentSheet = fragment.get("sheetId");
  fragment.delete("sheetId");
  merge(state, fragment);
  if (fragmentSheet && sdk.some((s) => s.SheetId === fragmentSheet)) {
    selected = fragmentSheet;
    markTab(selected);
  }
  initToolbar();
  const sheetVisuals = () => sdk.find((s) => s.SheetId === selected)?.Visuals || [];
  initActions(root, {
    actionsOf: (id) => sheetVisuals().find((v) => v.VisualId === id)?.Actions || [],
    visualIds: () => sheetVisuals().map((v) => v.VisualId),
    state: () => state,
    redraw: async (ids) => {
      if (ids.length && !(await loadVisuals(ids))) await loadSheet(selected);
    },
    navigate: selectSheet,
  });
  root.addEventListener("click", (ev) => {
    const tab = ev.target.closest(".sheet-tab");
    if (tab && tab.dataset.sheetId !== selected) selectSheet(tab.dataset.sheetId);
  });
  root.addEventListener("change", (ev) => {
    if (ev.target.classList.contains("multi-search")) return;
    if (ev.target.closest("form.controls")) onControlChange(ev);
  });
  // An open multi-select closes on a click elsewhere or on Escape. (The
  // analysis editor starts the viewer again on each sheet it swaps in:
  // the document's listener is added once.)
  if (!documentBound) {
    documentBound = true;
    document.addEventListener("click", (ev) => {
      if (ev.target.closest(".print-sheet")) window.print();
      const link = ev.target.closest(".export-link");
      if (link) {
        ev.preventDefault();
        exportVisual(link);
      }
      root?.querySelectorAll("details.multi[open]").forEach((d) => {
        if (!d.contains(ev.target)) d.open = false;
      });
    });
  }
  root.addEventListener("keydown", (ev) => {
    const d = ev.target.closest?.("details.multi[open]");
    if (ev.key === "Escape" && d) {
      d.open = false;
      d.querySelector("summary").focus();
    }
  });
  root.addEventListener("input", (ev) => {
    if (ev.target.classList.contains("multi-search")) return filterOptions(ev.target);
    const range = ev.target.closest(".range");
    if (range?.querySelector(".dual-range")) paintRange(range, ev.target);
    else if (range) range.querySelector("output").textContent = ev.target.value;
  });
  if ((fragment.toString() || fragmentSheet) && selected) {
    await loadSheet(selected);
  } else {
    await mount(root, offscreenLater);
  }
}
