// The console experience frame's script: it carries the session token on
// the console's own requests (so the console works without third-party
// cookies), posts the embedding SDK 2.x events to the host page, and
// answers host requests that the control frame relays to it. A frame of
// the legacy SDK 1.x talks to its host directly, in 1.x's messages.
import htmx from "htmx.org";
import { addExports, fragmentParameters, initViewer, requests as viewerRequests, viewerAccess } from "./viewer.js";
import { extraRequests, initExtras } from "./sdkextras.js";
import { initUploadProgress } from "./upload.js";
import { mountCharts, disposeCharts } from "./charts.js";
import { mountPivots } from "./pivot.js";

window.htmx = htmx;

// On a streamed page this script sits in the body: take it out, so that a
// body htmx keeps in its history (and swaps back in on Back) does not run
// it a second time.
document.currentScript?.remove();

// Show error pages (4xx/5xx) that boosted navigation receives.
htmx.config.responseHandling = [
  { code: "204", swap: false },
  { code: "[2345]..", swap: true, error: false },
];
htmx.config.includeIndicatorStyles = false;

const query = new URLSearchParams(location.search);
const embed = {
  contextId: query.get("contextId"),
  discriminator: Number(query.get("discriminator") || 0),
  origin: document.documentElement.dataset.embedOrigin || "",
};
const sid = location.pathname.split("/")[2] || "";

// The query parameters that tie the frame to its host page (the SDK's):
// every in-frame navigation keeps them, so that a reload still reports to
// the host.
const embedParams = ["punyCodeEmbedOrigin", "sdkVersion", "contextId", "discriminator"];

// withEmbedParams returns href with the frame's embedding parameters added,
// if it is a console page of our origin.
function withEmbedParams(href) {
  if (!href || href.startsWith("#")) return href;
  const u = new URL(href, location.href);
  if (u.origin !== location.origin || !/^\/embed(ding)?\/[0-9a-f]{32}\//.test(u.pathname)) return href;
  for (const k of embedParams) if (query.has(k) && !u.searchParams.has(k)) u.searchParams.set(k, query.get(k));
  return u.pathname + u.search + u.hash;
}

// The sign-on code and a navigation ticket are spent: take them out of the
// address bar, so a reload continues the session instead of replaying them.
if (query.has("code") || query.has("sgTicket")) {
  const rest = new URLSearchParams(query);
  ["code", "identityprovider", "isauthcode", "sgTicket"].forEach((k) => rest.delete(k));
  const qs = rest.toString();
  history.replaceState(null, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
}

// The session token: the page carries it; the frame's sessionStorage
// (partitioned per top-level site, gone with the tab) keeps it for full
// page loads, which carry no header — and no cookie where the browser
// blocks ours.
const storageKey = "sg-session:" + sid;
function storedToken() {
  try {
    return sessionStorage.getItem(storageKey) || "";
  } catch {
    return ""; // storage blocked too
  }
}
// storeToken keeps t (or forgets it, for ""); false if storage is blocked.
function storeToken(t) {
  try {
    if (t) sessionStorage.setItem(storageKey, t);
    else sessionStorage.removeItem(storageKey);
    return true;
  } catch {
    return false;
  }
}
const token = document.querySelector('meta[name="sg-session"]')?.content || "";
const tokenStored = token ? storeToken(token) : false;

// navigationTicket asks for a single-use ticket that opens a full page
// load in the session of sessionToken; null if the session has ended, ""
// if the server could not be asked.
async function navigationTicket(sessionToken) {
  try {
    const resp = await fetch(`/embedding/${sid}/navigation`, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-Sightglass-Session": sessionToken },
    });
    if (resp.status === 401 || resp.status === 403) return null;
    if (!resp.ok) return "";
    return (await resp.json()).ticket || "";
  } catch {
    return "";
  }
}

// withTicket returns url with a navigation ticket in its query.
function withTicket(url, ticket) {
  const u = new URL(url, location.href);
  u.searchParams.set("sgTicket", ticket);
  return u.pathname + u.search + u.hash;
}

// Where the browser blocks storage as well as cookies (Chromium's per-site
// cookie block), nothing in the frame outlives a reload but its URL: the
// URL then always holds a fresh navigation ticket (single-use, a minute
// long, renewed while the page is open), which a reload presents.
// Renewal stops when the session has ended.
let renewal = 0;
async function renewReloadTicket() {
  const ticket = await navigationTicket(token);
  if (ticket) history.replaceState(history.state, "", withTicket(location.href, ticket));
  else if (ticket === null) clearInterval(renewal);
}
if (token && !tokenStored) {
  renewReloadTicket();
  renewal = setInterval(renewReloadTicket, 40_000);
  document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && renewReloadTicket());
  document.body.addEventListener("htmx:pushedIntoHistory", renewReloadTicket);
}

// navigate loads url as a full page in the session.
async function navigate(url) {
  const ticket = token ? await navigationTicket(token) : "";
  location.assign(ticket ? withTicket(url, ticket) : url);
}

// The SDK's dashboard experience (embedDashboard) frames
// /embed/{sid}/dashboards/{id} (…/views/{view} for a shared view), its
// visual experience (embedVisual)
// /embed/{sid}/dashboards/{id}/sheets/{sheet}/visuals/{visual};
// everything else is the console experience.
const dashboardPath = /^\/embed\/[^/]+\/dashboards\/([\w-]+)(?:\/views\/[0-9a-f]{32})?$/.exec(location.pathname);
const visualPath = /^\/embed\/[^/]+\/dashboards\/([\w-]+)\/sheets\/([\w-]+)\/visuals\/([\w-]+)$/.exec(location.pathname);
// After NAVIGATE_TO_DASHBOARD the frame keeps the identity the SDK knows it
// by: the dashboard it was embedded with (sgTarget).
const experience = visualPath
  ? { experienceType: "VISUAL", dashboardId: visualPath[1], sheetId: visualPath[2], visualId: visualPath[3] }
  : dashboardPath
    ? { experienceType: "DASHBOARD", dashboardId: query.get("sgTarget") || dashboardPath[1] }
    : { experienceType: "CONSOLE" };

const eventTarget = () => ({
  experienceType: experience.experienceType,
  contextId: embed.contextId,
  discriminator: embed.discriminator,
  ...(experience.dashboardId ? { dashboardId: experience.dashboardId } : {}),
  ...(experience.visualId ? { sheetId: experience.sheetId, visualId: experience.visualId } : {}),
});

// The legacy embedding SDK 1.x (QuickSightEmbedding.embedDashboard) frames
// us without a contextId and opens its channel by posting
// establishMessageChannel once the frame has loaded. Until it does, the
// events wait; then they go in 1.x's form ({eventName, payload}).
const legacy = { possible: !embed.contextId && !!embed.origin && window.parent !== window, open: false, queue: [] };

// legacyEvent turns a 2.x event into its 1.x form, or null for the events
// 1.x does not have.
function legacyEvent(eventName, message) {
  switch (eventName) {
    case "CONTENT_LOADED":
      return { eventName: "load", payload: {} };
    case "ERROR_OCCURRED":
      return { eventName: "error", payload: { errorCode: message?.errorCode, message: message?.message || "" } };
    case "SIZE_CHANGED":
      return { eventName: "RESIZE_EVENT", payload: { height: message?.height } };
    case "PARAMETERS_CHANGED":
      return { eventName: "parametersChange", payload: { changedParameters: (message?.changedParameters || []).map((p) => ({ name: p.Name, value: p.Values })) } };
    case "SELECTED_SHEET_CHANGED":
      return { eventName: "selectedSheetChange", payload: { selectedSheet: message?.selectedSheet } };
    default:
      return null; // PAGE_NAVIGATION and the like: 2.x only
  }
}

function postLegacy(data) {
  if (!legacy.open) {
    legacy.queue.push(data);
    return;
  }
  window.parent.postMessage(data, embed.origin);
}

// post sends an event to the host page, if an embedding SDK framed us.
function post(eventName, message) {
  if (legacy.possible) {
    const data = legacyEvent(eventName, message);
    if (data) postLegacy(data);
    return;
  }
  if (!embed.origin || !embed.contextId || window.parent === window) return;
  window.parent.postMessage(
    {
      eventName,
      eventTarget: eventTarget(),
      message,
      timestamp: Date.now(),
      eventId: crypto.randomUUID(),
    },
    embed.origin,
  );
}

document.body.addEventListener("htmx:configRequest", (ev) => {
  if (token) ev.detail.headers["X-Sightglass-Session"] = token;
  if (ev.detail.verb === "get") ev.detail.path = withEmbedParams(ev.detail.path);
});

// Links keep the embedding parameters too (what a click loads, and the
// history entry it leaves).
function keepEmbedParamsInLinks() {
  document.querySelectorAll("a[href]").forEach((a) => {
    const href = a.getAttribute("href");
    const kept = withEmbedParams(href);
    if (kept !== href) a.setAttribute("href", kept);
  });
}

// The analysis editor swaps itself in after each action: free the charts
// it replaces and draw the new ones.
document.body.addEventListener("htmx:beforeSwap", (ev) => {
  if (ev.detail.target?.id === "editor") disposeCharts(ev.detail.target);
});
document.body.addEventListener("htmx:afterSettle", (ev) => {
  const ed = document.getElementById("editor");
  if (!ed) return;
  // A swapped-in editor's sheet is new: the viewer starts on it again,
  // drawing its charts and binding its controls (a boosted page load
  // starts it in pageReady).
  if (ev.detail.target?.id === "editor") initViewer(post, token).catch((err) => console.error("viewer", err));
  else {
    addExports(ed);
    mountPivots(ed);
    mountCharts(ed);
  }
});

let loaded = false;

// pageReady reports the page that is now shown, once its first sheet (if
// it has one) is drawn.
async function pageReady() {
  // A streamed page is inert while it arrives (its controls, tabs and
  // links are not wired before this).
  document.body.inert = false;
  const page = document.getElementById("main")?.dataset || {};
  keepEmbedParamsInLinks();
  // A full page load without our cookie (a reload, where the browser
  // blocks it) finds no session: resume it with a ticket, once.
  if (page.errorCode === "Unauthorized" && !query.has("sgTicket")) {
    const stored = storedToken();
    const ticket = stored ? await navigationTicket(stored) : "";
    if (ticket) {
      location.replace(withTicket(location.href, ticket));
      return;
    }
    if (ticket === null) storeToken(""); // the session has ended
  }
  if (page.errorCode) {
    post("ERROR_OCCURRED", { errorCode: page.errorCode, message: page.errorMessage || "" });
    return;
  }
  // A streamed sheet that never got its end (the server stopped, the
  // connection broke) is not the sheet: say so rather than report it loaded.
  const streamed = !loaded && document.querySelector(".viewer[data-streamed]");
  if (streamed && !streamed.querySelector(".sheet-complete")) {
    streamed.insertAdjacentHTML("afterbegin", '<p class="notice error" role="alert">This page did not load completely. Reload it.</p>');
    post("ERROR_OCCURRED", { errorCode: "InternalError", message: "The page did not load completely." });
    return;
  }
  try {
    await initViewer(post, token, { offscreenLater: true });
    initExtras(post, viewerAccess);
  } catch (err) {
    console.error("viewer", err);
  }
  if (!loaded) {
    loaded = true;
    post("CONTENT_LOADED", { title: page.title || document.title });
  }
  const nav = { pageType: page.pageType || "START" };
  if (page.pageType === "DASHBOARD") nav.dashboardId = page.resourceId;
  if (page.pageType === "ANALYSIS") nav.analysisId = page.resourceId;
  post("PAGE_NAVIGATION", nav);
}

document.addEventListener("DOMContentLoaded", pageReady);

// A dashboard or analysis page arrives tile by tile while its visuals are
// computed (the server streams it), with this script at the top of its
// body. When the tiles stop coming for a moment (the server is still
// computing the next), the charts that have come are drawn, so the
// browser's drawing overlaps the server's work; tiles that come in one go
// (a cached sheet) are drawn together once the page is complete, which
// costs less than drawing into a page still being parsed. pageReady draws
// whatever is left. (Parameters in the address's fragment redraw the sheet
// once the page is complete: the tiles that arrive were computed without
// them.)
if (document.readyState === "loading" && fragmentParameters().size === 0) {
  const lull = 40; // ms without a new tile
  const tiles = new Set();
  let timer = 0;
  const drawArrived = () => {
    timer = 0;
    // A tile's export links come before its chart: they take room from
    // it, and a chart drawn before would be drawn again.
    const arrived = [...tiles].filter((tile) => tile.isConnected);
    arrived.forEach(addExports);
    mountCharts(arrived, { offscreenLater: true });
    tiles.clear();
  };
  const arriving = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === Node.ELEMENT_NODE && n.matches("section.tile")) tiles.add(n);
    if (tiles.size) {
      clearTimeout(timer);
      timer = setTimeout(drawArrived, lull);
    }
  });
  // The grid comes in the page's first part: watch its children only.
  const findGrid = new MutationObserver(() => {
    const grid = document.querySelector("#sheet .grid");
    if (!grid) return;
    findGrid.disconnect();
    arriving.observe(grid, { childList: true });
  });
  findGrid.observe(document.body, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => {
    findGrid.disconnect();
    arriving.disconnect();
    clearTimeout(timer);
    tiles.clear();
  }, { once: true });
}
document.body.addEventListener("htmx:afterSettle", (ev) => {
  // A boosted link swaps the body; a page loaded through HX-Location (a
  // new analysis opening its editor) swaps #main.
  if (ev.detail.boosted || ev.detail.target?.id === "main") pageReady();
});

// SIZE_CHANGED whenever the content's height changes, growing or
// shrinking: the body's own height, not the document's scroll height,
// which never falls below the frame the host already sized.
let lastHeight = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height !== lastHeight) {
    lastHeight = height;
    post("SIZE_CHANGED", { height });
  }
}).observe(document.body);

// Host requests relayed by the control frame of our context.
const handlers = {
  ...viewerRequests,
  ...extraRequests,
  INITIATE_PRINT: () => {
    if (document.querySelector(".viewer")?.dataset.print === "false") {
      return { success: false, errorCode: "PRINT_DENIED", message: "The user's custom permissions deny PrintReports." };
    }
    setTimeout(() => window.print(), 0);
    return { success: true };
  },
  NAVIGATE_TO_DASHBOARD: (m) => {
    const id = m?.DashboardId;
    if (typeof id !== "string" || !/^[\w-]{1,512}$/.test(id)) {
      return { success: false, errorCode: "INVALID_DASHBOARD_ID", message: "NAVIGATE_TO_DASHBOARD needs a DashboardId" };
    }
    const frag = new URLSearchParams();
    for (const p of m.Parameters || []) for (const v of [].concat(p.Values ?? [])) frag.append("p." + p.Name, String(v));
    const keep = new URLSearchParams();
    embedParams.forEach((k) => query.has(k) && keep.set(k, query.get(k)));
    if (experience.dashboardId) keep.set("sgTarget", experience.dashboardId);
    const base = experience.experienceType === "DASHBOARD" ? `/embed/${sid}/dashboards/${id}` : `/embedding/${sid}/dashboards/${id}`;
    setTimeout(() => navigate(`${base}?${keep}${frag.toString() ? "#" + frag : ""}`), 0);
    return { success: true };
  },
};

// legacyRequests answers SDK 1.x's requests: through the same handlers as
// 2.x's, with 1.x's names and shapes. Getters answer with an event named
// after the request (GET_ACTIVE_PARAMETER_VALUES, GET_SHEETS); a request
// Sightglass cannot serve answers with an error event.
const legacyRequests = {
  updateParameterValues: async (p) => {
    const list = Object.entries(p?.parameters || {}).map(([name, values]) => ({
      Name: decodeURIComponent(name),
      Values: [].concat(values).map((v) => decodeURIComponent(String(v))),
    }));
    return answerLegacy(await answer({ eventName: "SET_PARAMETERS", message: list }));
  },
  getActiveParameterValues: async () => {
    const r = await answer({ eventName: "GET_PARAMETERS" });
    if (!Array.isArray(r)) return answerLegacy(r);
    postLegacy({ eventName: "GET_ACTIVE_PARAMETER_VALUES", payload: { parameters: r.map((q) => ({ name: q.Name, value: q.Values })) } });
  },
  getSheets: async () => {
    const r = await answer({ eventName: "GET_SHEETS" });
    if (!Array.isArray(r)) return answerLegacy(r);
    postLegacy({ eventName: "GET_SHEETS", payload: { sheets: r } });
  },
  navigateToSheet: async (p) => answerLegacy(await answer({ eventName: "SET_SELECTED_SHEET_ID", message: { SheetId: p?.sheetId } })),
  navigateToDashboard: async (p) => {
    const params = Object.entries(p?.parameters || {}).map(([Name, v]) => ({ Name, Values: [].concat(v) }));
    return answerLegacy(await answer({ eventName: "NAVIGATE_TO_DASHBOARD", message: { DashboardId: p?.dashboardId, Parameters: params } }));
  },
  initiatePrint: async () => answerLegacy(await answer({ eventName: "INITIATE_PRINT" })),
};

// answerLegacy reports a failed request as 1.x's error event.
function answerLegacy(r) {
  if (r && r.success === false) postLegacy({ eventName: "error", payload: { errorCode: r.errorCode, message: r.message } });
}

window.addEventListener("message", (ev) => {
  const d = ev.data;
  if (!legacy.possible || ev.source !== window.parent || !d || d.clientType !== "EMBEDDING" || typeof d.eventName !== "string") return;
  if (d.eventName === "establishMessageChannel") {
    legacy.open = true;
    legacy.queue.splice(0).forEach((data) => window.parent.postMessage(data, embed.origin));
    return;
  }
  const handler = legacyRequests[d.eventName];
  if (!handler) {
    postLegacy({ eventName: "error", payload: { errorCode: "UNSUPPORTED_REQUEST", message: `${d.eventName} is not supported by Sightglass` } });
    return;
  }
  handler(d.payload).catch((err) => postLegacy({ eventName: "error", payload: { errorCode: "INTERNAL_ERROR", message: String(err?.message || err) } }));
});

window.addEventListener("message", (ev) => {
  const d = ev.data;
  if (ev.origin !== location.origin || !d || d.sightglass !== "request") return;
  const req = d.request || {};
  const t = req.eventTarget || {};
  if (t.contextId !== embed.contextId || t.experienceType !== experience.experienceType || Number(t.discriminator || 0) !== embed.discriminator) return;
  const source = ev.source;
  answer(req).then((message) => source.postMessage({ sightglass: "response", eventId: req.eventId, message }, location.origin));
});

// The visual experience's requests name no visual: they are about the
// frame's own.
function ownVisual(message) {
  if (experience.experienceType !== "VISUAL" || (message != null && typeof message !== "object") || Array.isArray(message)) return message;
  return { SheetId: experience.sheetId, VisualId: experience.visualId, ...(message || {}) };
}

async function answer(req) {
  const handler = handlers[req.eventName];
  if (!handler) return { success: false, errorCode: "UNSUPPORTED_REQUEST", message: `${req.eventName} is not supported by Sightglass` };
  try {
    return await handler(ownVisual(req.message));
  } catch (err) {
    return { success: false, errorCode: "INTERNAL_ERROR", message: String(err?.message || err) };
  }
}

initUploadProgress(document.body);
