package viewer

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
)

// BenchmarkActionFilters measures the filters of one visual on a sheet of
// 20 visuals, 5 of them with a filter-on-click action on every other
// visual: with one of them clicked ("clicked", the action's filter found
// and built) against none clicked ("none", the same scan of the sheet's
// visuals for state), in the same run. Each visual of a redrawn sheet pays
// it once.
func BenchmarkActionFilters(b *testing.B) {
	var vs []string
	for i := range 20 {
		actions := ""
		if i < 5 {
			actions = fmt.Sprintf(`"Actions": [{"CustomActionId": "a%d", "Name": "Filter", "Status": "ENABLED", "Trigger": "DATA_POINT_CLICK",
				"ActionOperations": [{"FilterOperation": {"SelectedFieldsConfiguration": {"SelectedFieldOptions": "ALL_FIELDS"},
				"TargetVisualsConfiguration": {"SameSheetTargetVisualConfiguration": {"TargetVisualOptions": "ALL_VISUALS"}}}}]}], `, i)
		}
		vs = append(vs, fmt.Sprintf(`{"BarChartVisual": {"VisualId": "v%d", %s"ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
			"Category": [{"CategoricalDimensionField": {"FieldId": "f%d", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}],
			"Values": [{"NumericalMeasureField": {"FieldId": "m%d", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}}}}}`, i, actions, i, i))
	}
	def, err := definition.Parse([]byte(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/s"}],
		"Sheets": [{"SheetId": "s", "Visuals": [` + strings.Join(vs, ",") + `]}]}`))
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		state State
	}{{"clicked", State{"x.v2": {"Europe"}}}, {"none", State{}}} {
		v := New(def, c.state, time.Unix(0, 0))
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				fs, err := v.visualFilters("s", "v10", "sales")
				if err != nil || len(fs) != len(c.state) {
					b.Fatalf("%v %v", fs, err)
				}
			}
		})
	}
}
