package console

import (
	"context"
	"strings"

	"github.com/sightglass/sightglass/internal/app"
)

// contentLinks is the toolbar of an analysis or dashboard page: what the
// user may do with it besides viewing, as their access and custom
// permissions allow. The routes behind each link check again.
type contentLinks struct {
	Base     string // /embedding/{sid}/{kind}/{id}
	Share    bool   // the share dialog (everyone who sees it may list who has access)
	Versions bool   // a dashboard's versions
	Print    bool
}

// exportCapabilities are the capabilities the console reads for a viewer
// page's toolbar and export links.
var exportCapabilities = []string{app.CapabilityExportToCsv, app.CapabilityExportToExcel, app.CapabilityPrintReports}

// contentLinks fills the viewer's export formats and print flag and
// returns the page's toolbar, for user s on content kind/id.
func (c *Console) contentLinks(ctx context.Context, s *signedIn, kind, id string, vd *viewerData) (*contentLinks, error) {
	denied, err := c.app.DeniedSet(ctx, s.User, exportCapabilities)
	if err != nil {
		return nil, err
	}
	var formats []string
	csvOff := false
	if kind == "dashboards" {
		if csvOff, err = c.app.ConsoleDashboardExportDisabled(ctx, s.User, id); err != nil {
			return nil, err
		}
	}
	if !denied[app.CapabilityExportToCsv] && !csvOff {
		formats = append(formats, "csv")
	}
	if !denied[app.CapabilityExportToExcel] && !csvOff {
		formats = append(formats, "xlsx")
	}
	vd.Export = strings.Join(formats, " ")
	vd.Print = !denied[app.CapabilityPrintReports]
	l := &contentLinks{Base: "/embedding/" + s.Session.EmbedID + "/" + kind + "/" + id, Share: true, Print: vd.Print}
	if kind == "dashboards" {
		_, err := c.app.ConsoleDashboardVersions(ctx, s.User, id)
		l.Versions = err == nil
	}
	return l, nil
}
