// The embedding SDK's hidden control frame. The host page posts its
// requests here; we relay each to the experience frames of the page that
// share our origin (only ours receive it), and post the answer back to the
// host — or an error if no experience answers in time, so that no request
// is left to time out.
const hostOrigin = document.documentElement.dataset.embedOrigin || "";
const pending = new Map();
const answerWithin = 3000;

function reply(eventId, message) {
  if (hostOrigin) window.parent.postMessage({ eventId, message }, hostOrigin);
}

window.addEventListener("message", (ev) => {
  const d = ev.data;
  if (!d || typeof d !== "object") return;
  if (ev.source === window.parent && d.eventName && d.eventId) {
    if (d.eventName === "ACKNOWLEDGE") return;
    const timer = setTimeout(() => {
      pending.delete(d.eventId);
      reply(d.eventId, {
        success: false,
        errorCode: "NO_EXPERIENCE",
        message: `No Sightglass experience answered ${d.eventName}`,
      });
    }, answerWithin);
    pending.set(d.eventId, timer);
    const request = {
      eventName: d.eventName,
      message: d.message,
      data: d.data,
      eventTarget: d.eventTarget,
      eventId: d.eventId,
    };
    const frames = window.parent.frames;
    for (let i = 0; i < frames.length; i++) {
      if (frames[i] === window) continue;
      try {
        frames[i].postMessage({ sightglass: "request", request }, location.origin);
      } catch {
        // A frame that went away.
      }
    }
    return;
  }
  if (ev.origin === location.origin && d.sightglass === "response" && pending.has(d.eventId)) {
    clearTimeout(pending.get(d.eventId));
    pending.delete(d.eventId);
    reply(d.eventId, d.message);
  }
});
