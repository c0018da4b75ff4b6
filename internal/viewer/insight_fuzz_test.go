package viewer

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// FuzzInsight computes arbitrary insight visuals over arbitrary answers
// of the right shape (values NULL, numbers, text or dates from the
// fuzzer's bytes): never a panic, always a tile with a kind.
func FuzzInsight(f *testing.F) {
	comps := []string{
		`{"TopBottomRanked": {"ComputationId": "a", "Type": "TOP", "Category": ` + insRegion + `, "Value": ` + insSum + `}}`,
		`{"TopBottomMovers": {"ComputationId": "b", "Type": "BOTTOM", "SortOrder": "PERCENT_DIFFERENCE", "Time": ` + insMonth + `, "Category": ` + insRegion + `, "Value": ` + insSum + `}}`,
		`{"MaximumMinimum": {"ComputationId": "c", "Type": "MINIMUM", "Time": ` + insMonth + `, "Value": ` + insSum + `}}`,
		`{"PeriodOverPeriod": {"ComputationId": "d", "Time": ` + insMonth + `, "Value": ` + insSum + `}}`,
		`{"GrowthRate": {"ComputationId": "e", "PeriodSize": 4, "Time": ` + insMonth + `, "Value": ` + insSum + `}}`,
		`{"MetricComparison": {"ComputationId": "f", "Time": ` + insMonth + `, "FromValue": ` + insSum + `, "TargetValue": ` + insSum + `}}`,
		`{"PeriodToDate": {"ComputationId": "g", "PeriodTimeGranularity": "QUARTER", "Time": ` + insMonth + `, "Value": ` + insSum + `}}`,
		`{"UniqueValues": {"ComputationId": "h", "Category": ` + insRegion + `}}`,
		`{"TotalAggregation": {"ComputationId": "i", "Value": {"CalculatedMeasureField": {"FieldId": "c", "Expression": "sum({revenue})"}}}}`,
		`{"Forecast": {"ComputationId": "j"}}`,
	}
	for i, c := range comps {
		f.Add(`{"InsightVisual": {"VisualId": "i", "DataSetIdentifier": "sales", "InsightConfiguration": {"Computations": [`+c+`]}}}`, []byte{byte(i), 1, 2, 3, 0, 5, 7, 9, 4, 4, 2, 8})
	}
	v := testView(f, nil)
	f.Fuzz(func(t *testing.T, raw string, data []byte) {
		var vis definition.Visual
		if json.Unmarshal([]byte(raw), &vis) != nil || vis.Kind != "InsightVisual" {
			return
		}
		k := 0
		next := func() byte {
			if len(data) == 0 {
				return 0
			}
			b := data[k%len(data)]
			k++
			return b
		}
		run := func(_ context.Context, _ string, q *query.Question) (*Result, error) {
			n := len(q.Dimensions) + len(q.Measures)
			res := &Result{Columns: make([]query.ResultColumn, n)}
			for range int(next() % 8) {
				row := make([]any, n)
				for i := range row {
					switch b := next(); b % 4 {
					case 1:
						row[i] = float64(int8(b)) / 3
					case 2:
						row[i] = string(rune('A' + b%5))
					case 3:
						row[i] = "2026-0" + string(rune('1'+b%9)) + "-01 00:00:00"
					}
				}
				res.Rows = append(res.Rows, row)
			}
			return res, nil
		}
		tl := &Tile{}
		v.insightTile(context.Background(), tl, &vis, "s1", run)
		if tl.Kind == "" {
			t.Fatalf("no tile kind for %s", raw)
		}
	})
}
