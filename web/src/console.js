// The console experience frame's script: it carries the session token on
// the console's own requests (so the console works without third-party
// cookies), posts the embedding SDK 2.x events to the host page, and
// answers host requests that the control frame relays to it.
import htmx from "htmx.org";
import { initViewer, requests as viewerRequests } from "./viewer.js";

window.htmx = htmx;

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
// The sign-on code is spent: take it out of the address bar, so a reload
// continues the session (by cookie) instead of replaying a used code.
if (query.has("code")) {
  const rest = new URLSearchParams(query);
  ["code", "identityprovider", "isauthcode"].forEach((k) => rest.delete(k));
  const qs = rest.toString();
  history.replaceState(null, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
}

const token = document.querySelector('meta[name="sg-session"]')?.content || "";

// The SDK's dashboard experience (embedDashboard) frames
// /embed/{sid}/dashboards/{id}; everything else is the console experience.
const dashboardPath = /^\/embed\/[^/]+\/dashboards\/([\w-]+)$/.exec(location.pathname);
// After NAVIGATE_TO_DASHBOARD the frame keeps the identity the SDK knows it
// by: the dashboard it was embedded with (sgTarget).
const experience = dashboardPath
  ? { experienceType: "DASHBOARD", dashboardId: query.get("sgTarget") || dashboardPath[1] }
  : { experienceType: "CONSOLE" };

const eventTarget = () => ({
  experienceType: experience.experienceType,
  contextId: embed.contextId,
  discriminator: embed.discriminator,
  ...(experience.dashboardId ? { dashboardId: experience.dashboardId } : {}),
});

// post sends an event to the host page, if an embedding SDK framed us.
function post(eventName, message) {
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
});

let loaded = false;

// pageReady reports the page that is now shown, once its first sheet (if
// it has one) is drawn.
async function pageReady() {
  const page = document.getElementById("main")?.dataset || {};
  if (page.errorCode) {
    post("ERROR_OCCURRED", { errorCode: page.errorCode, message: page.errorMessage || "" });
    return;
  }
  try {
    await initViewer(post, token);
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
document.body.addEventListener("htmx:afterSettle", (ev) => {
  if (ev.detail.boosted) pageReady();
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
  INITIATE_PRINT: () => {
    setTimeout(() => window.print(), 0);
    return { success: true };
  },
  NAVIGATE_TO_DASHBOARD: (m) => {
    const id = m?.DashboardId;
    if (typeof id !== "string" || !/^[\w-]{1,512}$/.test(id)) {
      return { success: false, errorCode: "INVALID_DASHBOARD_ID", message: "NAVIGATE_TO_DASHBOARD needs a DashboardId" };
    }
    const sid = location.pathname.split("/")[2];
    const frag = new URLSearchParams();
    for (const p of m.Parameters || []) for (const v of [].concat(p.Values ?? [])) frag.append("p." + p.Name, String(v));
    const qs = new URLSearchParams(location.search);
    const keep = new URLSearchParams();
    ["punyCodeEmbedOrigin", "sdkVersion", "contextId", "discriminator"].forEach((k) => qs.has(k) && keep.set(k, qs.get(k)));
    if (experience.dashboardId) keep.set("sgTarget", experience.dashboardId);
    const base = experience.experienceType === "DASHBOARD" ? `/embed/${sid}/dashboards/${id}` : `/embedding/${sid}/dashboards/${id}`;
    setTimeout(() => location.assign(`${base}?${keep}${frag.toString() ? "#" + frag : ""}`), 0);
    return { success: true };
  },
};

window.addEventListener("message", (ev) => {
  const d = ev.data;
  if (ev.origin !== location.origin || !d || d.sightglass !== "request") return;
  const req = d.request || {};
  const t = req.eventTarget || {};
  if (t.contextId !== embed.contextId || t.experienceType !== experience.experienceType || Number(t.discriminator || 0) !== embed.discriminator) return;
  const source = ev.source;
  answer(req).then((message) => source.postMessage({ sightglass: "response", eventId: req.eventId, message }, location.origin));
});

async function answer(req) {
  const handler = handlers[req.eventName];
  if (!handler) return { success: false, errorCode: "UNSUPPORTED_REQUEST", message: `${req.eventName} is not supported by Sightglass` };
  try {
    return await handler(req.message);
  } catch (err) {
    return { success: false, errorCode: "INTERNAL_ERROR", message: String(err?.message || err) };
  }
}
