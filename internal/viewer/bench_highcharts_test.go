package viewer_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/viewer"
)

// BenchmarkHighcharts times the server side of Highcharts visuals on the
// 100,000-row sample, uncached: a column chart of revenue by product
// against the bar chart of the same question in the same run (the chart
// code's cost), and a scatter of revenue against profit by product and
// day at the visual's 10,000-row data point limit, each row mapped to a
// point object by the chart code.
func BenchmarkHighcharts(b *testing.B) {
	v, run := sampleApp(b, false)
	arn := v.Definition().DataSetARNs()[0]
	field := func(kind, id, col string) string {
		return fmt.Sprintf(`{%q: {"FieldId": %q, "Column": {"DataSetIdentifier": "sales", "ColumnName": %q}}}`, kind, id, col)
	}
	sum := func(id, col string) string {
		return fmt.Sprintf(`{"NumericalMeasureField": {"FieldId": %q, "Column": {"DataSetIdentifier": "sales", "ColumnName": %q}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}`, id, col)
	}
	product := field("CategoricalDimensionField", "p", "product")
	day := `{"DateDimensionField": {"FieldId": "d", "Column": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}, "DateGranularity": "DAY"}}`
	plugin := func(groupBy, values, code string) string {
		c, _ := json.Marshal(code)
		return `{"PluginVisual": {"VisualId": "v", "PluginArn": "arn:aws:quicksight::aws:visualplugin/highcharts/alias/V1", "ChartConfiguration": {
		  "FieldWells": [{"AxisName": "GROUP_BY", "Dimensions": [` + groupBy + `]}, {"AxisName": "VALUE", "Measures": [` + values + `]}],
		  "SortConfiguration": {"PluginVisualTableQuerySort": {"ItemsLimitConfiguration": {"ItemsLimit": 10000}}},
		  "VisualOptions": {"VisualProperties": [{"Name": "codeEditor", "Value": ` + string(c) + `}]}}}}`
	}
	visuals := []struct{ name, visual string }{
		{"bar-chart", `{"BarChartVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {"Category": [` + product + `], "Values": [` + sum("r", "revenue") + `]}}}}}`},
		{"highcharts-column", plugin(product, sum("r", "revenue"), `{"chart": {"type": "column"}, "xAxis": {"categories": ["getColumn", 0]},
		  "series": [{"name": "Revenue", "data": ["getColumn", 1], "dataLabels": {"enabled": true, "format": "{point.y:,.0f}"}}]}`)},
		{"highcharts-10k-points", plugin(product+","+day, sum("r", "revenue")+","+sum("pr", "profit"), `{"chart": {"type": "scatter"},
		  "series": [{"name": "Days", "data": ["map", ["getColumn", 0, 1, 2, 3], {"x": ["get", ["item"], 2], "y": ["get", ["item"], 3], "name": ["+", ["get", ["item"], 0], " ", ["get", ["item"], 1]]}]}]}`)},
	}
	ctx := context.Background()
	for _, c := range visuals {
		def, err := definition.Parse([]byte(fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": %q}],
			"Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [%s]}]}`, arn, c.visual)))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			start, n := cpuTime(), 0
			defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
			for b.Loop() {
				n++
				s := viewer.New(def, nil, time.Time{}).RenderSheet(ctx, "s", run, 1)
				if t := s.Tiles[0]; t.Kind != viewer.TileChart {
					b.Fatalf("%s: %s %s", c.name, t.Kind, t.Message)
				}
			}
		})
	}
}
