package definition

import "slices"

// ScopedFilter is a filter with the group it belongs to.
type ScopedFilter struct {
	Group  *FilterGroup
	Filter *Filter
}

// FiltersFor returns the filters of enabled filter groups whose scope
// covers a visual on a sheet: all sheets, the whole sheet, or the visual
// among the selected ones. Which of them apply to the visual's dataset
// (CrossDataset SINGLE_DATASET against ALL_DATASETS) is the caller's
// decision.
func (d *Definition) FiltersFor(sheetID, visualID string) []ScopedFilter {
	var out []ScopedFilter
	for i := range d.FilterGroups {
		g := &d.FilterGroups[i]
		if g.Status == "DISABLED" || g.ScopeConfiguration == nil || !inScope(g.ScopeConfiguration, sheetID, visualID) {
			continue
		}
		for j := range g.Filters {
			out = append(out, ScopedFilter{Group: g, Filter: &g.Filters[j]})
		}
	}
	return out
}

func inScope(sc *FilterScopeConfiguration, sheetID, visualID string) bool {
	if sc.AllSheets != nil {
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

// CoversSheet reports whether a filter group's scope reaches any visual of
// a sheet (whatever its status).
func (g *FilterGroup) CoversSheet(sheetID string) bool {
	sc := g.ScopeConfiguration
	if sc == nil {
		return false
	}
	if sc.AllSheets != nil {
		return true
	}
	return sc.SelectedSheets != nil && slices.ContainsFunc(sc.SelectedSheets.SheetVisualScopingConfigurations,
		func(s SheetVisualScopingConfiguration) bool { return s.SheetId == sheetID })
}

// CoversVisual reports whether a filter group's scope reaches a visual of
// a sheet (whatever its status).
func (g *FilterGroup) CoversVisual(sheetID, visualID string) bool {
	return g.ScopeConfiguration != nil && inScope(g.ScopeConfiguration, sheetID, visualID)
}
