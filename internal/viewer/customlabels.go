package viewer

import (
	"encoding/json"

	"github.com/sightglass/sightglass/internal/definition"
)

// applyCustomLabels names a table's or pivot table's fields as their
// FieldOptions.SelectedFieldOptions' CustomLabel says (QuickSight's
// rename of a field in a visual): the headers show the label, the
// numbers do not change. It also gives the measures of the types in
// numberFormatted their number formats.
func applyCustomLabels(vis *definition.Visual, p *plan) {
	if !numberFormatted[vis.Kind] {
		return
	}
	// The measures' number formats: drawn by the server in tables, pivot
	// tables and KPIs, by the page (chartNumberFormat) in charts.
	if formats := fieldFormats(vis.Raw); len(formats) > 0 {
		for _, fs := range [][]field{p.values, p.targets} {
			for i := range fs {
				fs[i].format = formats[fs[i].id]
			}
		}
	}
	if vis.Kind != definition.KindTable && vis.Kind != definition.KindPivot {
		return
	}
	var v struct {
		ChartConfiguration struct {
			FieldOptions struct {
				SelectedFieldOptions []struct{ FieldId, CustomLabel string }
			}
		}
	}
	if json.Unmarshal(vis.Raw, &v) != nil {
		return
	}
	labels := map[string]string{}
	for _, o := range v.ChartConfiguration.FieldOptions.SelectedFieldOptions {
		if o.CustomLabel != "" {
			labels[o.FieldId] = o.CustomLabel
		}
	}
	if len(labels) == 0 {
		return
	}
	for _, fs := range [][]field{p.category, p.colors, p.values, p.lineValues, p.targets} {
		for i := range fs {
			if l, ok := labels[fs[i].id]; ok {
				fs[i].label = l
			}
		}
	}
}

// numberFormatted are the visual types that draw their measures' number
// formats. Other types draw numbers their own way, and the editor does
// not offer number formats on them.
var numberFormatted = map[string]bool{definition.KindTable: true, definition.KindPivot: true, definition.KindKPI: true,
	definition.KindBar: true, definition.KindLine: true, definition.KindCombo: true, definition.KindPie: true}
