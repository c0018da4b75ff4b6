package viewer

import (
	"encoding/json"
	"slices"
	"strconv"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// applies reports whether a filter group's scope covers a visual.
func applies(g *definition.FilterGroup, sheetID, visualID string) bool {
	if g.Status == "DISABLED" || g.ScopeConfiguration == nil {
		return false
	}
	sc := g.ScopeConfiguration
	if len(sc.AllSheets) > 0 && string(sc.AllSheets) != "null" {
		return true
	}
	if sc.SelectedSheets == nil {
		return false
	}
	for _, s := range sc.SelectedSheets.SheetVisualScopingConfigurations {
		if s.SheetId != sheetID {
			continue
		}
		if s.Scope == "ALL_VISUALS" || slices.Contains(s.VisualIds, visualID) {
			return true
		}
	}
	return false
}

// UnsupportedFilterError names a filter that applies to a visual but that
// Sightglass cannot compute yet, and what of it. The visual is not drawn:
// drawing it without the filter would show a wrong number as if it were
// the answer.
type UnsupportedFilterError struct {
	FilterID string
	Kind     string // the Filter union member, e.g. "NestedFilter"
	What     string // what is not supported, e.g. "ExcludePeriodConfiguration"
}

func (e *UnsupportedFilterError) Error() string {
	s := "The filter " + strconv.Quote(e.FilterID) + " (" + e.Kind + ")"
	if e.What != "" {
		s += " uses " + e.What + ", which"
	} else {
		s += ", which"
	}
	return s + " Sightglass does not support yet, applies to this visual; it is not drawn rather than drawn unfiltered."
}

// visualFilters returns the question filters of the groups that apply to
// a visual over dataSet, with the viewer's control values and parameters,
// or the first filter that applies and cannot be computed.
func (v *View) visualFilters(sheetID, visualID, dataSet string) ([]query.Filter, error) {
	var out []query.Filter
	for i := range v.def.FilterGroups {
		g := &v.def.FilterGroups[i]
		if !applies(g, sheetID, visualID) {
			continue
		}
		for j := range g.Filters {
			f := &g.Filters[j]
			ds, ok := filterDataSet(f)
			if !ok || (g.CrossDataset != "ALL_DATASETS" && ds != dataSet) {
				continue
			}
			q, use, err := v.filter(f)
			if err != nil {
				return nil, err
			}
			if use {
				// Made on another dataset, it applies where the visual's
				// has a field of its name and type (the compiler checks).
				q.CrossDataset = ds != dataSet
				out = append(out, q)
			}
		}
	}
	clicked, err := v.actionFilters(sheetID, visualID, dataSet)
	return append(out, clicked...), err
}

// filterDataSet returns the dataset identifier of a filter's column;
// false for a filter with no column (which the definition checks refuse).
func filterDataSet(f *definition.Filter) (string, bool) {
	if f.NestedFilter != nil {
		var n struct{ Column *definition.ColumnIdentifier }
		if json.Unmarshal(f.NestedFilter, &n) != nil || n.Column == nil {
			return "", false
		}
		return n.Column.DataSetIdentifier, true
	}
	_, _, col := f.Kind()
	if col == nil {
		return "", false
	}
	return col.DataSetIdentifier, true
}

// hasParam reports whether a parameter has a value.
func (v *View) hasParam(name string) bool {
	_, ok := v.qparams[name]
	return ok
}

// filter converts one filter. use is false when the filter restricts
// nothing in this view: every value selected (a control's "all", a filter
// or parameter set to select all) or a parameter without a value. An
// error names what cannot be computed; nothing is ever dropped silently.
func (v *View) filter(f *definition.Filter) (q query.Filter, use bool, err error) {
	kind, id, _ := f.Kind()
	unsupported := func(what string) (query.Filter, bool, error) {
		return query.Filter{}, false, &UnsupportedFilterError{FilterID: id, Kind: kind, What: what}
	}
	switch {
	case f.CategoryFilter != nil:
		return v.categoryFilter(f.CategoryFilter, unsupported)
	case f.NumericRangeFilter != nil:
		return v.numericRangeFilter(f.NumericRangeFilter)
	case f.NumericEqualityFilter != nil:
		return v.numericEqualityFilter(f.NumericEqualityFilter, unsupported)
	case f.TimeRangeFilter != nil:
		return v.timeRangeFilter(f.TimeRangeFilter, unsupported)
	case f.TimeEqualityFilter != nil:
		return v.timeEqualityFilter(f.TimeEqualityFilter, unsupported)
	case f.RelativeDatesFilter != nil:
		return v.relativeDatesFilter(f.RelativeDatesFilter, unsupported)
	case f.TopBottomFilter != nil:
		return v.topBottomFilter(f.TopBottomFilter, unsupported)
	case f.NestedFilter != nil:
		return v.nestedFilter(f.NestedFilter, unsupported)
	}
	return unsupported("a filter type")
}

// unsupportedFunc reports an unsupported part of the filter being
// converted.
type unsupportedFunc func(what string) (query.Filter, bool, error)

// nullOptionOnly is a filter that lets every value of field through: only
// its null option restricts, unless it is ALL_VALUES (or unset).
func nullOptionOnly(field, nullOption string) (query.Filter, bool, error) {
	q := query.Filter{Kind: query.CategoryFilter, Field: field, Match: query.AnyValue, NullOption: nullOption}
	return q, nullOption == query.NullsOnly || nullOption == query.NonNullsOnly, nil
}

// ignoreUnsupported is for callers that read a filter's values (a
// control showing its current selection) and compute nothing with them.
func ignoreUnsupported(string) (query.Filter, bool, error) { return query.Filter{}, false, nil }
