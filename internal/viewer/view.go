package viewer

import (
	"context"
	"sync"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/staticfile"
)

// View is a definition seen by one viewer: their parameters and control
// values applied.
type View struct {
	def     *definition.Definition
	state   State
	params  []Parameter
	qparams map[string]any
	now     time.Time
	theme   *Theme
	// dynamicErrs says, by parameter, why its dataset default could not
	// be read (ApplyDynamicDefaults).
	dynamicErrs map[string]string
	// aggregated caches aggregatedField per "dataset\x00field": visuals
	// are computed concurrently and each asks it.
	aggregated sync.Map
	// tableCalcs caches tableCalcExpr per "dataset\x00expression".
	tableCalcs sync.Map
	// geoRoles reads the geographic roles map visuals place by.
	geoRoles GeoRoles
	// staticFiles reads the static files a layer map's layers name.
	staticFiles *staticfile.Reader
	// unshared turns off answering visuals together (sharedquery.go).
	unshared bool
}

// New returns the view of def with the viewer's state; now anchors
// relative dates (zero: the current time).
func New(def *definition.Definition, st State, now time.Time) *View {
	if st == nil {
		st = State{}
	}
	if now.IsZero() {
		now = time.Now().UTC()
	}
	params := parameters(def, st)
	v := &View{def: def, state: st, params: params, qparams: questionParameters(params), now: now}
	v.applyRollingDefaults()
	return v
}

// Definition returns the definition viewed.
func (v *View) Definition() *definition.Definition { return v.def }

// Parameters returns the declared parameters with their current values.
func (v *View) Parameters() []Parameter { return v.params }

// Sheets returns the sheets' ids and names.
func (v *View) Sheets() []definition.Sheet {
	out := v.def.SheetList()
	for i := range out {
		if out[i].Name == "" {
			out[i].Name = "Sheet " + itoa(i+1)
		}
	}
	return out
}

// sheet returns a sheet by id; "" is the first.
func (v *View) sheet(id string) *definition.SheetDefinition {
	for i := range v.def.Sheets {
		if id == "" || v.def.Sheets[i].SheetId == id {
			return &v.def.Sheets[i]
		}
	}
	return nil
}

// HasSheet reports whether the definition has a sheet with this id.
func (v *View) HasSheet(id string) bool { return id != "" && v.sheet(id) != nil }

// VisualInfo names a visual of a sheet, as GET_SHEET_VISUALS lists it.
type VisualInfo struct {
	VisualID string
	Name     string
}

// SheetVisuals lists a sheet's visuals with their titles.
func (v *View) SheetVisuals(sheetID string) []VisualInfo {
	s := v.sheet(sheetID)
	if s == nil || sheetID == "" {
		return nil
	}
	out := []VisualInfo{}
	for i := range s.Visuals {
		out = append(out, VisualInfo{VisualID: s.Visuals[i].VisualID, Name: v.visualTitle(&s.Visuals[i]).plain})
	}
	return out
}

// VisualQuestion returns the question a supported visual of a sheet asks
// in this view, and the ARN of the dataset it asks; false for a visual
// that asks nothing (unsupported, with options it cannot honour, no
// fields, undeclared dataset).
func (v *View) VisualQuestion(sheetID, visualID string) (string, *query.Question, bool) {
	s := v.sheet(sheetID)
	if s == nil {
		return "", nil, false
	}
	for i := range s.Visuals {
		vis := &s.Visuals[i]
		if vis.VisualID != visualID || !vis.Supported() {
			continue
		}
		p, ok := planOf(vis)
		if !ok || len(p.unsupported) > 0 || p.catLimit > 0 || p.otherLimit > 0 || p.colorLimit > 0 || len(p.asked) > 0 || p.heatKeep != [2]int{} || p.panels.limited {
			return "", nil, false
		}
		arn, ok := v.def.DataSetARN(p.dataSet)
		if !ok {
			return "", nil, false
		}
		if p.hist != nil {
			// A bin count needs the column's range first (binRange).
			if p.hist.count > 0 {
				return "", nil, false
			}
			if _, err := v.binRange(context.Background(), p, s.SheetId, visualID, arn, nil); err != nil {
				return "", nil, false
			}
		}
		q, err := v.question(p, s.SheetId, visualID)
		if err != nil {
			return "", nil, false
		}
		return arn, q, true
	}
	return "", nil, false
}
