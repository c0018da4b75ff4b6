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
	if err := c.viewerExports(ctx, s, kind, id, vd); err != nil {
		return nil, err
	}
	l := &contentLinks{Base: "/embedding/" + s.Session.EmbedID + "/" + kind + "/" + id, Share: true, Print: vd.Print}
	if kind == "dashboards" {
		_, err := c.app.ConsoleDashboardVersions(ctx, s.User, id)
		l.Versions = err == nil
	}
	return l, nil
}

// viewerExports sets the export formats (ExportToCsv, ExportToExcel, and a
// dashboard's ExportToCSVOption) and the print flag (PrintReports) of a
// viewer, in the viewer pages and in the analysis editor.
func (c *Console) viewerExports(ctx context.Context, s *signedIn, kind, id string, vd *viewerData) error {
	if vd == nil {
		return nil
	}
	denied, err := c.app.DeniedSet(ctx, s.User, exportCapabilities)
	if err != nil {
		return err
	}
	var formats []string
	off := false
	if kind == "dashboards" {
		if off, err = c.app.ConsoleDashboardExportDisabled(ctx, s.User, id); err != nil {
			return err
		}
	}
	if !denied[app.CapabilityExportToCsv] && !off {
		formats = append(formats, "csv")
	}
	if !denied[app.CapabilityExportToExcel] && !off {
		formats = append(formats, "xlsx")
	}
	vd.Export = strings.Join(formats, " ")
	vd.Print = !denied[app.CapabilityPrintReports]
	return nil
}
