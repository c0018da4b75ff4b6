package viewer_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/viewer"
)

// BenchmarkInsight times an insight with every SQL computation (eleven
// computations, six questions once shared), one with a total only, one
// with a total and a ranking and the same with a custom narrative over
// them, and one with a period over period (revenue by month), on the
// 100,000-row sample, uncached, against a bar of revenue by region in the
// same run.
func BenchmarkInsight(b *testing.B) {
	v, run := sampleApp(b, false)
	arn := v.Definition().DataSetARNs()[0]
	dim, val, all := insightComputations()
	visuals := map[string]string{
		"bar":           `{"BarChartVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {"Category": [` + dim("c", "region") + `], "Values": [` + val("m", "revenue") + `]}}}}}`,
		"insight-total": `{"InsightVisual": {"VisualId": "v", "DataSetIdentifier": "sales", "InsightConfiguration": {"Computations": [` + all[2] + `]}}}`,
		"insight-month": `{"InsightVisual": {"VisualId": "v", "DataSetIdentifier": "sales", "InsightConfiguration": {"Computations": [` + all[6] + `]}}}`,
		"insight-all":   `{"InsightVisual": {"VisualId": "v", "DataSetIdentifier": "sales", "InsightConfiguration": {"Computations": [` + strings.Join(all, ",") + `]}}}`,
		"insight-pair":  `{"InsightVisual": {"VisualId": "v", "DataSetIdentifier": "sales", "InsightConfiguration": {"Computations": [` + all[2] + `,` + all[0] + `]}}}`,
		"insight-narrative": `{"InsightVisual": {"VisualId": "v", "DataSetIdentifier": "sales", "InsightConfiguration": {"Computations": [` + all[2] + `,` + all[0] + `],
			"CustomNarrative": {"Narrative": "<narrative><p>Total <b><expression>c.totalAggregate.formattedValue</expression></b>.</p><p>Top: <expression>a.items[0].categoryValue.formattedValue</expression> (<expression>a.items[0].metricValue.formattedValue</expression>), then <expression>a.items[1].categoryValue.formattedValue</expression>.</p></narrative>"}}}}`,
	}
	ctx := context.Background()
	for _, name := range []string{"bar", "insight-total", "insight-pair", "insight-narrative", "insight-month", "insight-all"} {
		def, err := definition.Parse([]byte(fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": %q}],
			"Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [%s]}]}`, arn, visuals[name])))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			start, n := cpuTime(), 0
			defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
			for b.Loop() {
				n++
				s := viewer.New(def, nil, time.Time{}).RenderSheet(ctx, "s", run, 1)
				if t := s.Tiles[0]; t.Kind != viewer.TileChart && t.Kind != viewer.TileInsight {
					b.Fatalf("%s: %s %s", name, t.Kind, t.Message)
				}
			}
		})
	}
}

// insightComputations are an insight's eleven SQL computations over the
// sample (ids a to k, in the order of the model's members), with the
// writers of a category dimension and of a measure of the sample.
func insightComputations() (dim, val func(id, name string) string, all []string) {
	col := func(name string) string { return fmt.Sprintf(`{"DataSetIdentifier": "sales", "ColumnName": %q}`, name) }
	dim = func(id, name string) string {
		return fmt.Sprintf(`{"CategoricalDimensionField": {"FieldId": %q, "Column": %s}}`, id, col(name))
	}
	month := func(id string) string {
		return fmt.Sprintf(`{"DateDimensionField": {"FieldId": %q, "Column": %s, "DateGranularity": "MONTH"}}`, id, col("order_date"))
	}
	val = func(id, name string) string {
		return fmt.Sprintf(`{"NumericalMeasureField": {"FieldId": %q, "Column": %s}}`, id, col(name))
	}
	all = []string{
		`{"TopBottomRanked": {"ComputationId": "a", "Type": "TOP", "Category": ` + dim("a-c", "region") + `, "Value": ` + val("a-v", "revenue") + `}}`,
		`{"TopBottomRanked": {"ComputationId": "b", "Type": "BOTTOM", "Category": ` + dim("b-c", "city") + `, "Value": ` + val("b-v", "revenue") + `}}`,
		`{"TotalAggregation": {"ComputationId": "c", "Value": ` + val("c-v", "revenue") + `}}`,
		`{"UniqueValues": {"ComputationId": "d", "Category": ` + dim("d-c", "city") + `}}`,
		`{"MaximumMinimum": {"ComputationId": "e", "Type": "MAXIMUM", "Time": ` + month("e-t") + `, "Value": ` + val("e-v", "revenue") + `}}`,
		`{"MaximumMinimum": {"ComputationId": "f", "Type": "MINIMUM", "Time": ` + month("f-t") + `, "Value": ` + val("f-v", "revenue") + `}}`,
		`{"PeriodOverPeriod": {"ComputationId": "g", "Time": ` + month("g-t") + `, "Value": ` + val("g-v", "revenue") + `}}`,
		`{"PeriodToDate": {"ComputationId": "h", "Time": ` + month("h-t") + `, "Value": ` + val("h-v", "revenue") + `}}`,
		`{"GrowthRate": {"ComputationId": "i", "Time": ` + month("i-t") + `, "Value": ` + val("i-v", "revenue") + `}}`,
		`{"TopBottomMovers": {"ComputationId": "j", "Type": "TOP", "Time": ` + month("j-t") + `, "Category": ` + dim("j-c", "region") + `, "Value": ` + val("j-v", "revenue") + `}}`,
		`{"MetricComparison": {"ComputationId": "k", "Time": ` + month("k-t") + `, "FromValue": ` + val("k-f", "profit") + `, "TargetValue": ` + val("k-g", "revenue") + `}}`,
	}
	return dim, val, all
}
