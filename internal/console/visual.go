package console

import (
	"context"
	"net/http"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/viewer"
)

// renderVisual renders the SDK's visual experience: one visual of a sheet
// of a dashboard the user may see, drawn alone, filling the frame. The
// sheet's controls are not shown; the visual is drawn with the sheet's
// default filters and parameter values, or those the URL carries.
func (c *Console) renderVisual(ctx context.Context, w http.ResponseWriter, r *http.Request, s *signedIn, e app.Entry, d *pageData) error {
	name, content, vd, err := c.viewerContent(ctx, s, "dashboards", e.ID)
	if err != nil {
		return err
	}
	d.Title, d.ResourceID, d.PageType, d.KindLabel = name, e.ID, "DASHBOARD", "Visual"
	if d.Failure = vd.Failure; d.Failure != nil {
		return c.pages.render(w, http.StatusOK, "resource", "layout", d)
	}
	if !hasVisual(viewer.New(content.Definition(), nil, c.app.Clock()), e.SheetID, e.VisualID) {
		return sg.Errorf(sg.ENOTFOUND, "Dashboard %s has no visual %s on sheet %s.", e.ID, e.VisualID, e.SheetID)
	}
	d.Viewer = c.buildViewer(ctx, s, "dashboards", e.ID, content, e.SheetID, viewerState(r.URL.Query()), []string{e.VisualID})
	d.Viewer.TabsHidden, d.Viewer.Single = true, true
	return c.pages.render(w, http.StatusOK, "resource", "layout", d)
}

// hasVisual reports whether a sheet of v has the visual.
func hasVisual(v *viewer.View, sheetID, visualID string) bool {
	if !v.HasSheet(sheetID) {
		return false
	}
	for _, vis := range v.SheetVisuals(sheetID) {
		if vis.VisualID == visualID {
			return true
		}
	}
	return false
}
