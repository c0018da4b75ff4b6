package viewer

import (
	"encoding/json"
	"slices"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// ActionStatePrefix starts the viewer state member that holds the value
// a reader clicked on a visual with a filter-on-click action:
// x.<VisualId> = the clicked category, as the visual labels it; a click
// on a county map grouped by its state column gives the state second.
const ActionStatePrefix = "x."

// emptyLabel is how a visual labels a null category (formatValue).
const emptyLabel = "(empty)"

// clickAction is the part of a VisualCustomAction the viewer runs on a
// data point click.
type clickAction struct {
	CustomActionId, Status, Trigger string
	ActionOperations                []struct {
		FilterOperation *struct {
			SelectedFieldsConfiguration struct {
				SelectedFields       []string
				SelectedFieldOptions string
				SelectedColumns      []json.RawMessage
			}
			TargetVisualsConfiguration struct {
				SameSheetTargetVisualConfiguration *struct {
					TargetVisuals       []string
					TargetVisualOptions string
				}
			}
		}
	}
}

// filterOnClick returns a visual's enabled filter action run by a data
// point click, if any.
func filterOnClick(vis *definition.Visual) (*clickAction, int) {
	var m struct{ Actions []clickAction }
	if json.Unmarshal(vis.Raw, &m) != nil {
		return nil, 0
	}
	for i := range m.Actions {
		a := &m.Actions[i]
		if a.Status == "DISABLED" || a.Trigger != "DATA_POINT_CLICK" {
			continue
		}
		for j, op := range a.ActionOperations {
			if op.FilterOperation != nil {
				return a, j
			}
		}
	}
	return nil, 0
}

// clickedField is the field whose value a click on a visual's data point
// gives: its first dimension (the bar's category, the table's first
// group); others are the visual's other dimensions, whose clicked values
// the viewer does not send.
//
// A radar chart's click gives the clicked polygon: its Color value (a
// chart without Color has polygons of measures and gives no dimension).
func clickedField(vis *definition.Visual) (clicked *definition.Field, others []string) {
	wells := vis.Wells()
	if vis.RadarChartVisual != nil {
		var color []definition.Well
		for _, w := range wells {
			switch w.Name {
			case "Color":
				color = append(color, w)
			case "Category":
				for _, f := range w.Fields {
					others = append(others, f.FieldID)
				}
			}
		}
		wells = color
	}
	for _, w := range wells {
		for i := range w.Fields {
			switch {
			case w.Fields[i].Measure:
			case clicked == nil:
				clicked = &w.Fields[i]
			default:
				others = append(others, w.Fields[i].FieldID)
			}
		}
	}
	return clicked, others
}

// actionFilters returns the filters that the clicked filter actions of a
// sheet's other visuals put on a visual over dataSet. A click the viewer
// cannot turn into a filter (a date or number category, an empty value)
// is an UnsupportedFilterError: the target is not drawn, never drawn
// unfiltered.
func (v *View) actionFilters(sheetID, visualID, dataSet string) ([]query.Filter, error) {
	var out []query.Filter
	for si := range v.def.Sheets {
		sh := &v.def.Sheets[si]
		if sh.SheetId != sheetID {
			continue
		}
		for i := range sh.Visuals {
			src := &sh.Visuals[i]
			vals := v.state[ActionStatePrefix+src.VisualID]
			if src.VisualID == visualID || len(vals) == 0 {
				continue
			}
			act, j := filterOnClick(src)
			if act == nil {
				continue
			}
			op := act.ActionOperations[j].FilterOperation
			if t := op.TargetVisualsConfiguration.SameSheetTargetVisualConfiguration; t == nil ||
				t.TargetVisualOptions != "ALL_VISUALS" && !slices.Contains(t.TargetVisuals, visualID) {
				continue
			}
			unsupported := func(what string) error {
				return &UnsupportedFilterError{FilterID: act.CustomActionId, Kind: "FilterOperation", What: what}
			}
			f, others := clickedField(src)
			if f == nil || f.Column == nil {
				return nil, unsupported("a click on a visual without a dimension")
			}
			// The click gives the first dimension's value only: an action
			// on any other field would filter less than it says.
			sel := op.SelectedFieldsConfiguration
			if len(sel.SelectedColumns) > 0 {
				return nil, unsupported("SelectedColumns")
			}
			if sel.SelectedFieldOptions == "ALL_FIELDS" && len(others) > 0 {
				return nil, unsupported("a click on a visual of several dimensions")
			}
			for _, id := range sel.SelectedFields {
				if id != f.FieldID {
					return nil, unsupported("a filter on the field " + id + ", not the clicked category")
				}
			}
			if sel.SelectedFieldOptions != "ALL_FIELDS" && !slices.Contains(sel.SelectedFields, f.FieldID) {
				continue // selects no field
			}
			if f.Column.DataSetIdentifier != dataSet {
				continue // the action filters the visuals of its dataset
			}
			if f.Kind != "CategoricalDimensionField" {
				return nil, unsupported("a click on a " + f.Kind)
			}
			// A null draws as "(empty)" or as the field's null text: a
			// click on either cannot tell a null from that text.
			if nt := fieldNullTexts(src.Raw)[f.FieldID]; vals[0] == emptyLabel || nt != "" && vals[0] == nt {
				return nil, unsupported("a click on an empty value")
			}
			// A county map grouped by its state column: the click gives
			// the county's state too, and filters by both.
			state, why := v.countyClickState(src, f)
			if why != "" {
				return nil, unsupported(why)
			}
			if state != "" {
				switch {
				case len(vals) < 2:
					return nil, unsupported("a click on a county without its state")
				case vals[1] == emptyLabel:
					return nil, unsupported("a click on a county of an empty state")
				}
				out = append(out, query.Filter{Kind: query.CategoryFilter, Field: state, Match: query.In, Values: []any{vals[1]}})
			}
			out = append(out, query.Filter{Kind: query.CategoryFilter, Field: f.Column.ColumnName, Match: query.In, Values: []any{vals[0]}})
		}
	}
	return out, nil
}
