package console

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/viewer"
)

// Exports of a visual's data (CSV and Excel), from the viewer and the
// editor. The data is the drawn visual's: the same viewer computes the
// visual through the same runner (the content's row- and column-level
// security, every filter, control and parameter of the request's state),
// and the export writes the rows it answered. A visual the viewer can't
// draw (unsupported, failed) is refused with its reason, never exported
// half-computed.

// exportedVisual is a visual's computed data: the question asked and the
// rows answered.
type exportedVisual struct {
	Title    string
	Question *query.Question
	Result   *viewer.Result
}

// visualData computes one visual of content as the viewer draws it for
// state st, and returns the question and answer behind its tile.
func (c *Console) visualData(ctx context.Context, content *app.Drawable, sheetID, visualID string, st viewer.State) (*exportedVisual, error) {
	v := viewer.New(content.Definition(), st, c.app.Clock())
	v.SetGeoRoles(content.GeoRoles)
	v.SetStaticFiles(c.static)
	if !hasVisual(v, sheetID, visualID) {
		return nil, sg.Errorf(sg.ENOTFOUND, "There is no visual %s on sheet %s.", visualID, sheetID)
	}
	var mu sync.Mutex
	out := &exportedVisual{}
	asked := 0
	run := runner(content)
	capture := func(ctx context.Context, arn string, q *query.Question) (*viewer.Result, error) {
		res, err := run(ctx, arn, q)
		if err == nil {
			mu.Lock()
			out.Question, out.Result = q, res // the visual's last question is the drawn one
			asked++
			mu.Unlock()
		}
		return res, err
	}
	sheet := v.RenderVisuals(ctx, sheetID, []string{visualID}, capture, 1)
	if sheet == nil || len(sheet.Tiles) != 1 {
		return nil, sg.Errorf(sg.ENOTFOUND, "There is no visual %s on sheet %s.", visualID, sheetID)
	}
	t := sheet.Tiles[0]
	out.Title = t.Title
	if t.VisualKind == definition.KindLayerMap && asked > 1 {
		// Each joined layer asks its own question: no one of them is the visual's data.
		return nil, sg.Errorf(sg.ECONFLICT, "This layer map joins %d layers to its dataset; Sightglass exports the data of a layer map with one joined layer.", asked)
	}
	switch t.Kind {
	case viewer.TileUnsupported, viewer.TileError:
		return nil, sg.Errorf(sg.ECONFLICT, "This visual can't be exported: %s", t.Message)
	case viewer.TileContent, viewer.TileText:
		return nil, sg.Errorf(sg.ECONFLICT, "This visual has no data to export.")
	case viewer.TileEmpty:
		if out.Question == nil {
			return nil, sg.Errorf(sg.ECONFLICT, "This visual has no data to export: %s", t.Message)
		}
	}
	if out.Result == nil {
		return nil, sg.Errorf(sg.ECONFLICT, "This visual has no data to export.")
	}
	return out, nil
}

// header names the columns of an exported visual: a dimension by its
// field (with its date granularity), a measure by its aggregation and
// field, as the visual's axes and columns name them.
func (e *exportedVisual) header() []string {
	var out []string
	dims, measures := 0, 0
	for _, col := range e.Result.Columns {
		name := col.ID
		switch col.Role {
		case query.RoleDimension:
			if dims < len(e.Question.Dimensions) {
				d := e.Question.Dimensions[dims]
				name = d.Field
				if d.Granularity != "" {
					name += " (" + strings.ToLower(string(d.Granularity)) + ")"
				}
			}
			dims++
		case query.RoleMeasure:
			if measures < len(e.Question.Measures) {
				m := e.Question.Measures[measures]
				name = m.Field
				if m.Aggregation != "" {
					name = strings.ToLower(m.Aggregation) + " of " + m.Field
				}
			}
			measures++
		}
		out = append(out, name)
	}
	return out
}

// exportCell is a value as the CSV export writes it: numbers in full
// precision, times in ISO 8601, null as an empty cell.
func exportCell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []byte:
		return string(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32)
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		if x.Equal(x.Truncate(24*time.Hour)) && x.Location() == time.UTC {
			return x.Format("2006-01-02")
		}
		return x.Format(time.RFC3339Nano)
	}
	return fmt.Sprint(v)
}

// writeCSV writes the exported visual as CSV (RFC 4180). A cell that a
// spreadsheet would read as a formula is prefixed with a quote, so that
// data can't run in the reader's spreadsheet.
func (e *exportedVisual) writeCSV(w *bytes.Buffer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(e.header()); err != nil {
		return err
	}
	row := make([]string, len(e.Result.Columns))
	for _, r := range e.Result.Rows {
		for i := range row {
			row[i] = ""
			if i < len(r) {
				row[i] = neutralizeFormula(exportCell(r[i]))
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// neutralizeFormula prefixes text a spreadsheet would evaluate (=, +, @,
// a tab or carriage return, or a - not starting a number) with a quote.
func neutralizeFormula(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '@', '\t', '\r':
		return "'" + s
	case '-':
		if _, err := strconv.ParseFloat(s, 64); err != nil {
			return "'" + s
		}
	}
	return s
}

// writeExcel writes the exported visual as one sheet of an XLSX workbook,
// numbers and times as typed cells.
func (e *exportedVisual) writeExcel(w *bytes.Buffer) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Sheet1"
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	head := e.header()
	cells := make([]any, len(head))
	for i, h := range head {
		cells[i] = h
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return err
	}
	for n, r := range e.Result.Rows {
		cells := make([]any, len(head))
		for i := range cells {
			if i >= len(r) {
				continue
			}
			switch x := r[i].(type) {
			case string:
				cells[i] = x // a string cell: Excel does not evaluate it
			case []byte:
				cells[i] = string(x)
			default:
				cells[i] = x
			}
		}
		at, err := excelize.CoordinatesToCellName(1, n+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(at, cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// exportFormats are the formats of an export, their capability and
// content type.
var exportFormats = map[string]struct {
	capability, doing, contentType, ext string
}{
	"csv":  {app.CapabilityExportToCsv, "export data to CSV", "text/csv; charset=utf-8", "csv"},
	"xlsx": {app.CapabilityExportToExcel, "export data to Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"},
}

// handleExport answers GET …/{kind}/{id}/sheets/{sheet}/visuals/{visual}/export?format=csv|xlsx
// with the visual's data for the viewer state the query carries (p.*,
// f.*). ExportToCsv / ExportToExcel denied, or a dashboard published with
// CSV export disabled, is refused here, not only hidden in the page.
func (c *Console) handleExport(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	ctx := r.Context()
	format, ok := exportFormats[r.URL.Query().Get("format")]
	if !ok {
		c.dataError(w, r, sg.Errorf(sg.EINVALID, "Export format must be csv or xlsx."))
		return
	}
	kind, id := "dashboards", r.PathValue("id")
	if strings.HasPrefix(r.URL.Path, "/embedding/"+s.Session.EmbedID+"/analyses/") {
		kind = "analyses"
	}
	if err := c.app.ConsoleRequireCapability(ctx, s.User, format.doing, format.capability); err != nil {
		c.dataError(w, r, err)
		return
	}
	_, content, pd, err := c.viewerContent(ctx, s, kind, id)
	if err == nil && pd.Failure != nil {
		err = sg.Errorf(sg.ECONFLICT, "%s %s can't be exported: %s.", pd.KindLabel, id, strings.ToLower(pd.Failure.Heading))
	}
	if err == nil && kind == "dashboards" {
		var disabled bool
		if disabled, err = c.app.ConsoleDashboardExportDisabled(ctx, s.User, id); err == nil && disabled {
			err = sg.Errorf(sg.EACCESSDENIED, "Dashboard %s was published with export to CSV turned off.", id)
		}
	}
	var data *exportedVisual
	if err == nil {
		data, err = c.visualData(ctx, content, r.PathValue("sheet"), r.PathValue("visual"), viewerState(r.URL.Query()))
	}
	if err != nil {
		if sg.ErrorCode(err) == sg.ECONFLICT {
			c.errorPage(w, r, s.Session.EmbedID, http.StatusConflict, "Conflict", "This can't be exported", sg.ErrorMessage(err), "")
			return
		}
		c.dataError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if format.ext == "csv" {
		err = data.writeCSV(&buf)
	} else {
		err = data.writeExcel(&buf)
	}
	if err != nil {
		c.internalError(w, r, err)
		return
	}
	name := exportFileName(data.Title, r.PathValue("visual")) + "." + format.ext
	h := w.Header()
	h.Set("Content-Type", format.contentType)
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = buf.WriteTo(w)
}

// exportFileName is a safe file name from a visual's title (letters,
// digits, - and _), or its id.
func exportFileName(title, id string) string {
	var b strings.Builder
	for _, r := range title {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteRune('_')
		}
		if b.Len() >= 64 {
			break
		}
	}
	if b.Len() == 0 {
		for _, r := range id {
			if r < 128 && (r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
				b.WriteRune(r)
			}
		}
	}
	if b.Len() == 0 {
		return "visual"
	}
	return b.String()
}
