package viewer

// Several fields in one field well of a bar, line, combo or pie chart are
// the levels of a drill-down (the visual's ColumnHierarchies): the visual
// draws its top level, the first field, each of its values over the rows
// of every value of the levels below, until a reader drills down. A
// definition that saves a drilled-down state (a hierarchy's
// DrillDownFilters) is refused by name rather than drawn at the top.

import (
	"encoding/json"
	"slices"
)

// drillTop keeps the first field of the plan's Category and Colors wells.
func (p *plan) drillTop(hierarchies []json.RawMessage) {
	if len(p.category) < 2 && len(p.colors) < 2 {
		return
	}
	if drilledDown(hierarchies) {
		p.refuse(drillRefusal)
	}
	if len(p.category) > 1 {
		p.category = p.category[:1]
	}
	if len(p.colors) > 1 {
		p.colors = p.colors[:1]
	}
}

// drillRefusal is what a visual drilled below its top level is refused as.
const drillRefusal = "a drill-down saved below its top level (DrillDownFilters)"

// savedDrill refuses a visual of any kind whose column hierarchies hold a
// drill-down filter: QuickSight draws the level drilled to, filtered to
// the value drilled into, where the viewer draws the top level over every
// row (a one-field date well drilled from years to months, a KPI's trend
// group, a tree map's groups).
func (p *plan) savedDrill(raw json.RawMessage) {
	var v struct{ ColumnHierarchies []json.RawMessage }
	if json.Unmarshal(raw, &v) != nil || !drilledDown(v.ColumnHierarchies) || slices.Contains(p.unsupported, drillRefusal) {
		return
	}
	p.refuse(drillRefusal)
}

// drilledDown reports whether a visual's column hierarchies hold a
// drill-down filter (or cannot be read).
func drilledDown(hierarchies []json.RawMessage) bool {
	type level struct {
		DrillDownFilters []json.RawMessage `json:"DrillDownFilters"`
	}
	for _, raw := range hierarchies {
		var h struct {
			ExplicitHierarchy   *level `json:"ExplicitHierarchy"`
			DateTimeHierarchy   *level `json:"DateTimeHierarchy"`
			PredefinedHierarchy *level `json:"PredefinedHierarchy"`
		}
		if json.Unmarshal(raw, &h) != nil {
			return true
		}
		for _, l := range []*level{h.ExplicitHierarchy, h.DateTimeHierarchy, h.PredefinedHierarchy} {
			if l != nil && len(l.DrillDownFilters) > 0 {
				return true
			}
		}
	}
	return false
}
