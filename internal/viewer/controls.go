package viewer

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// Control kinds, as the page renders them.
const (
	ControlSelect    = "select"      // one value (dropdown)
	ControlMulti     = "multiselect" // several values (dropdown or list)
	ControlSlider    = "slider"      // a number (parameter) or a min–max range (filter)
	ControlDateRange = "daterange"   // from–to dates
	ControlDate      = "date"        // one date (parameter)
	ControlText      = "text"        // free text (parameter)
)

// maxOptions bounds the values a dropdown offers.
const maxOptions = 200

// Control is a filter or parameter control of a sheet with the viewer's
// current value.
type Control struct {
	ID          string
	Title       string
	Kind        string // Control*
	Name        string // the form field (and State key): f.<FilterId> or p.<Parameter>
	Options     []Option
	All         bool   // offers "All" (a category filter, a parameter that may be unset)
	AllValue    string // the value of the "All" option
	AllSelected bool
	// Sliders: bounds, step and current value(s).
	Min, Max, Step string
	Value, Value2  string
	Range          bool // a filter's min–max slider (Name.min, Name.max)
	// Granularities are a relative date control's choices of period
	// length (its Options are the period kinds, Value its N).
	Granularities []Option
	// Affects lists the visuals of the sheet whose question the control
	// changes: the page re-renders only those.
	Affects []string
}

// Option is a choice of a dropdown or list.
type Option struct {
	Value    string
	Selected bool
}

func (v *View) controls(ctx context.Context, s *definition.SheetDefinition, run Runner) []*Control {
	var out []*Control
	for i := range s.ParameterControls {
		if c := v.parameterControl(ctx, &s.ParameterControls[i], run); c != nil {
			_, _, name, _ := s.ParameterControls[i].Kind()
			c.Affects = v.affectedByParameter(s, name)
			out = append(out, c)
		}
	}
	for i := range s.FilterControls {
		if c := v.filterControl(ctx, &s.FilterControls[i], run); c != nil {
			_, _, source, _ := s.FilterControls[i].Kind()
			c.Affects = v.affectedByFilter(s, source)
			out = append(out, c)
		}
	}
	return out
}

// affectedByFilter lists the sheet's supported visuals in the scope of
// the group that holds a filter.
func (v *View) affectedByFilter(s *definition.SheetDefinition, filterID string) []string {
	out := []string{}
	for i := range v.def.FilterGroups {
		g := &v.def.FilterGroups[i]
		holds := slices.ContainsFunc(g.Filters, func(f definition.Filter) bool { _, id, _ := f.Kind(); return id == filterID })
		if !holds {
			continue
		}
		for _, vis := range s.Visuals {
			if vis.Supported() && applies(g, s.SheetId, vis.VisualID) && !slices.Contains(out, vis.VisualID) {
				out = append(out, vis.VisualID)
			}
		}
	}
	return out
}

// affectedByParameter lists the sheet's supported visuals whose question
// uses a parameter: through a filter that applies to them, or through a
// calculated field of the definition (which any visual of its dataset may
// use).
func (v *View) affectedByParameter(s *definition.SheetDefinition, name string) []string {
	quoted, _ := json.Marshal(name)
	inCalc := map[string]bool{} // dataset identifiers with a calculated field that uses it
	for _, cf := range v.def.CalculatedFields {
		if strings.Contains(cf.Expression, "${"+name+"}") {
			inCalc[cf.DataSetIdentifier] = true
		}
	}
	out := []string{}
	for _, vis := range s.Visuals {
		if !vis.Supported() {
			continue
		}
		if p, ok := planOf(&vis); ok && inCalc[p.dataSet] {
			out = append(out, vis.VisualID)
			continue
		}
		if strings.Contains(string(vis.Raw), "${"+name+"}") {
			out = append(out, vis.VisualID)
			continue
		}
		for i := range v.def.FilterGroups {
			g := &v.def.FilterGroups[i]
			if !applies(g, s.SheetId, vis.VisualID) {
				continue
			}
			raw, _ := json.Marshal(g.Filters)
			if strings.Contains(string(raw), `"ParameterName":`+string(quoted)) || strings.Contains(string(raw), `"Parameter":`+string(quoted)) {
				out = append(out, vis.VisualID)
				break
			}
		}
	}
	return out
}

func (v *View) param(name string) *Parameter {
	for i := range v.params {
		if v.params[i].Name == name {
			return &v.params[i]
		}
	}
	return nil
}

func fmtFloat(p *float64, def string) string {
	if p == nil {
		return def
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func (v *View) parameterControl(ctx context.Context, pc *definition.ParameterControl, run Runner) *Control {
	kind, id, name, title := pc.Kind()
	p := v.param(name)
	if p == nil {
		return nil
	}
	if title == "" {
		title = name
	}
	c := &Control{ID: id, Title: title, Name: "p." + name}
	cur := ""
	if len(p.Values) > 0 {
		cur = p.Values[0]
	}
	switch kind {
	case "Dropdown", "List":
		var sv *definition.ParameterSelectableValues
		if pc.Dropdown != nil {
			sv = pc.Dropdown.SelectableValues
		} else {
			sv = pc.List.SelectableValues
		}
		c.Kind = ControlSelect
		if p.Multi {
			c.Kind = ControlMulti
		}
		var values []string
		if sv != nil && len(sv.Values) > 0 {
			values = sv.Values
		} else if sv != nil && sv.LinkToDataSetColumn != nil {
			values = v.distinct(ctx, sv.LinkToDataSetColumn, run)
		}
		if c.Kind == ControlSelect {
			c.All, c.AllSelected = true, len(p.Values) == 0
		}
		for _, val := range p.Values {
			if !slices.Contains(values, val) {
				values = append(values, val)
			}
		}
		for _, val := range values {
			c.Options = append(c.Options, Option{Value: val, Selected: slices.Contains(p.Values, val)})
		}
	case "Slider":
		c.Kind = ControlSlider
		sl := pc.Slider
		c.Min, c.Max, c.Step, c.Value = fmtFloat(sl.MinimumValue, "0"), fmtFloat(sl.MaximumValue, "100"), fmtFloat(sl.StepSize, "1"), cur
	case "DateTimePicker":
		c.Kind = ControlDate
		if t, ok := parseTime(cur); ok {
			c.Value = t.Format(time.DateOnly)
		}
	default: // TextField, TextArea
		c.Kind, c.Value = ControlText, cur
	}
	return c
}

// filterByID finds a filter of the definition.
func (v *View) filterByID(id string) *definition.Filter {
	for i := range v.def.FilterGroups {
		for j := range v.def.FilterGroups[i].Filters {
			if _, fid, _ := v.def.FilterGroups[i].Filters[j].Kind(); fid == id {
				return &v.def.FilterGroups[i].Filters[j]
			}
		}
	}
	return nil
}

func (v *View) filterControl(ctx context.Context, fc *definition.FilterControl, run Runner) *Control {
	if fc.CrossSheet != nil {
		if fc = v.crossSheetControl(fc); fc == nil {
			return nil
		}
	}
	kind, id, source, title := fc.Kind()
	f := v.filterByID(source)
	if f == nil {
		return nil
	}
	fkind, _, col := f.Kind()
	if col == nil {
		return nil
	}
	if title == "" {
		title = col.ColumnName
	}
	c := &Control{ID: id, Title: title, Name: "f." + source}
	switch {
	case fkind == "CategoryFilter" && (kind == "Dropdown" || kind == "List"):
		qf, active, _ := v.categoryFilter(f.CategoryFilter, ignoreUnsupported)
		if qf.ValuesParameter != "" {
			return nil // driven by a parameter control
		}
		var selected []string
		if active {
			for _, x := range qf.Values {
				selected = append(selected, x.(string))
			}
		}
		c.Kind, c.All, c.AllValue, c.AllSelected = ControlMulti, true, AllValues, len(selected) == 0
		var sv *definition.FilterSelectableValues
		if fc.Dropdown != nil {
			sv = fc.Dropdown.SelectableValues
			if fc.Dropdown.Type == "SINGLE_SELECT" {
				c.Kind = ControlSelect
			}
		} else {
			sv = fc.List.SelectableValues
			if fc.List.Type == "SINGLE_SELECT" {
				c.Kind = ControlSelect
			}
		}
		var values []string
		if sv != nil && len(sv.Values) > 0 {
			values = sv.Values
		} else {
			values = v.distinct(ctx, col, run)
		}
		for _, val := range values {
			c.Options = append(c.Options, Option{Value: val, Selected: slices.Contains(selected, val)})
		}
	case fkind == "NumericRangeFilter" && kind == "Slider":
		sl := fc.Slider
		qf, _, _ := v.numericRangeFilter(f.NumericRangeFilter)
		c.Kind, c.Range = ControlSlider, true
		c.Min, c.Max, c.Step = fmtFloat(sl.MinimumValue, "0"), fmtFloat(sl.MaximumValue, "100"), fmtFloat(sl.StepSize, "1")
		c.Value, c.Value2 = fmtFloat(qf.Min, c.Min), fmtFloat(qf.Max, c.Max)
	case fkind == "TimeRangeFilter" && kind == "DateTimePicker":
		qf, _, _ := v.timeRangeFilter(f.TimeRangeFilter, ignoreUnsupported)
		c.Kind = ControlDateRange
		if qf.From != nil {
			c.Value = qf.From.Format(time.DateOnly)
		}
		if qf.To != nil {
			c.Value2 = qf.To.Format(time.DateOnly)
		}
		if s := v.state.Get(c.Name + ".from"); s != "" {
			c.Value = s
		}
		if s := v.state.Get(c.Name + ".to"); s != "" {
			c.Value2 = s
		}
	case fkind == "RelativeDatesFilter" && kind == "RelativeDateTime":
		v.relativeControl(c, f.RelativeDatesFilter)
	default:
		return nil
	}
	return c
}

// distinct returns the values of a column (for a dropdown), or nil.
func (v *View) distinct(ctx context.Context, col *definition.ColumnIdentifier, run Runner) []string {
	arn, ok := v.def.DataSetARN(col.DataSetIdentifier)
	if !ok {
		return nil
	}
	q := &query.Question{Dimensions: []query.Dimension{{ID: "v", Field: col.ColumnName}}, Limit: maxOptions, Parameters: v.qparams, Now: v.now}
	for _, cf := range v.def.CalculatedFields {
		if cf.DataSetIdentifier == col.DataSetIdentifier {
			q.CalculatedFields = append(q.CalculatedFields, query.CalculatedField{Name: cf.Name, Expression: cf.Expression})
		}
	}
	res, err := run(ctx, arn, q)
	if err != nil {
		return nil
	}
	var out []string
	for _, row := range res.Rows {
		if row[0] != nil {
			out = append(out, formatValue(row[0], res.Columns[0], ""))
		}
	}
	return out
}
