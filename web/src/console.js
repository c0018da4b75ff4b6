// The console experience frame's script: it carries the session token on
// the console's own requests (so the console works without third-party
// cookies), posts the embedding SDK 2.x events to the host page, and
// answers host requests that the control frame relays to it.
import htmx from "htmx.org";

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
  history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
}

const token = document.querySelector('meta[name="sg-session"]')?.content || "";

const eventTarget = () => ({
  experienceType: "CONSOLE",
  contextId: embed.contextId,
  discriminator: embed.discriminator,
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

// pageReady reports the page that is now shown.
function pageReady() {
  const page = document.getElementById("main")?.dataset || {};
  if (page.errorCode) {
    post("ERROR_OCCURRED", { errorCode: page.errorCode, message: page.errorMessage || "" });
    return;
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

// SIZE_CHANGED whenever the content's height changes.
let lastHeight = 0;
new ResizeObserver(() => {
  const height = document.documentElement.scrollHeight;
  if (height !== lastHeight) {
    lastHeight = height;
    post("SIZE_CHANGED", { height });
  }
}).observe(document.body);

// Host requests relayed by the control frame of our context.
const handlers = {
  INITIATE_PRINT: () => {
    setTimeout(() => window.print(), 0);
    return { success: true };
  },
};

window.addEventListener("message", (ev) => {
  const d = ev.data;
  if (ev.origin !== location.origin || !d || d.sightglass !== "request") return;
  const req = d.request || {};
  const t = req.eventTarget || {};
  if (t.contextId !== embed.contextId || t.experienceType !== "CONSOLE" || Number(t.discriminator || 0) !== embed.discriminator) return;
  const handler = handlers[req.eventName];
  const message = handler
    ? handler(req.message)
    : { success: false, errorCode: "UNSUPPORTED_REQUEST", message: `${req.eventName} is not supported by the Sightglass console` };
  ev.source.postMessage({ sightglass: "response", eventId: req.eventId, message }, location.origin);
});
