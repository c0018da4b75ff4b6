package authoring

import "github.com/sightglass/sightglass/internal/definition"

// SuggestKind returns the visual type that suits the fields a visual
// holds, as an author dropping fields on an empty visual expects: a date
// and a measure make a line chart, one dimension and a measure a bar
// chart, two dimensions and a measure a heat map, measures alone a KPI,
// dimensions alone a table. "" when there is nothing to suggest.
func SuggestKind(v *definition.Visual) string {
	var dims, dates, measures int
	for _, w := range v.Wells() {
		for _, f := range w.Fields {
			switch {
			case f.Measure:
				measures++
			case f.Kind == "DateDimensionField":
				dates++
				dims++
			default:
				dims++
			}
		}
	}
	switch {
	case dims == 0 && measures == 0:
		return ""
	case dims == 0 && measures == 1:
		return "KPIVisual"
	case dims == 0:
		return "TableVisual"
	case measures == 0:
		return "TableVisual"
	case dates > 0 && dims <= 2:
		return "LineChartVisual"
	case dims == 1 && measures == 2:
		return "ScatterPlotVisual"
	case dims == 1:
		return "BarChartVisual"
	case dims == 2 && measures == 1:
		return "HeatMapVisual"
	}
	return "PivotTableVisual"
}
