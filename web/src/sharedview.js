// Shared views: the server keeps the state a reader shares and answers
// the link's path; the link opens the dashboard in that state for whoever
// follows it, as themselves (their permissions and row-level security).

// createSharedView shares state (the viewer's sheet, parameters and
// controls) of the dashboard whose viewer base path is base, and resolves
// to { url, sharedViewId, dashboardId }: the link, and the ids a host
// passes back as the embedding SDK's contentOptions.viewId (or appends to
// a new embed URL as /views/<sharedViewId>). token is the session header's
// value.
export async function createSharedView(base, token, state) {
  const resp = await fetch(`${base}/views`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "X-Sightglass-Session": token, "Content-Type": "application/json" },
    body: JSON.stringify({ State: state }),
  });
  if (!resp.ok) throw new Error((await resp.text()).trim() || `HTTP ${resp.status}`);
  const { SharedViewPath, SharedViewId, DashboardId } = await resp.json();
  return { url: new URL(SharedViewPath, location.origin).href, sharedViewId: SharedViewId, dashboardId: DashboardId };
}
