package e2e

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
)

// TestViewerBoxPlotByMonth draws a box plot of revenue by order month
// through the SDK, with its outliers, a currency format and computed
// reference lines: each month's whiskers and outliers against the values
// SQL reads from the sample file, the lines' average and 90th percentile
// against the same values over every row, the format on the boxes, the
// points and the value axis; a line whose aggregation does not leave one
// row's value as it is (COUNT) is named under the tile.
func TestViewerBoxPlotByMonth(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(2_000))
	line := func(agg, calc string) string {
		return `{"DataConfiguration": {"DynamicConfiguration": {"Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"},
			"MeasureAggregationFunction": {"NumericalAggregationFunction": {"SimpleNumericalAggregation": "` + agg + `"}},
			"Calculation": ` + calc + `}}}`
	}
	body := visualsDashboard(t, ts, "boxmonth",
		`{"BoxPlotVisual": {"VisualId": "box", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {
		  "GroupBy": [`+fmt.Sprintf(monthDim, "m")+`],
		  "Values": [{"NumericalMeasureField": {"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"},
		    "FormatConfiguration": {"FormatConfiguration": {"CurrencyDisplayFormatConfiguration": {"Symbol": "EUR",
		      "DecimalPlacesConfiguration": {"DecimalPlaces": 1}}}}}}]}},
		  "BoxPlotOptions": {"OutlierVisibility": "VISIBLE"},
		  "ReferenceLines": [`+line("SUM", `{"SimpleNumericalAggregation": "AVERAGE"}`)+`,
		    `+line("AVERAGE", `{"PercentileAggregation": {"PercentileValue": 90}}`)+`,
		    `+line("COUNT", `{"SimpleNumericalAggregation": "AVERAGE"}`)+`]}}}`)
	o := rawChart(t, body, "box")
	cats := axisData(t, o, "xAxis")
	byMonth := map[string][]float64{}
	var months []string
	var all []float64
	for _, r := range sqlRows(t, ts, "SELECT substr(order_date, 1, 7), revenue FROM orders WHERE revenue IS NOT NULL ORDER BY 1, 2") {
		m := r[0].(string)
		if byMonth[m] == nil {
			months = append(months, m)
		}
		byMonth[m] = append(byMonth[m], r[1].(float64))
		all = append(all, r[1].(float64))
	}
	if len(cats) != len(months) || len(months) < 12 {
		t.Fatalf("%d groups %v, want the %d months %v", len(cats), cats, len(months), months)
	}
	series := o["series"].([]any)
	if len(series) != 2 {
		t.Fatalf("%d series, want the boxes and the outliers", len(series))
	}
	boxes := series[0].(map[string]any)["data"].([]any)
	var want, got []string
	for i, m := range months {
		s := byMonth[m]
		q1, q3 := percentileCont(s, 0.25), percentileCont(s, 0.75)
		lo, hi := q1-1.5*(q3-q1), q3+1.5*(q3-q1)
		wlo, whi := math.Inf(1), math.Inf(-1)
		for j, v := range s {
			if v < lo || v > hi {
				if j == 0 || v != s[j-1] {
					want = append(want, fmt.Sprint([]any{cats[i], v}))
				}
				continue
			}
			wlo, whi = min(wlo, v), max(whi, v)
		}
		b := boxes[i].([]any)
		if math.Abs(b[0].(float64)-wlo) > 0.011 || math.Abs(b[4].(float64)-whi) > 0.011 {
			t.Errorf("%s (%s): whiskers %v and %v, want %v and %v", m, cats[i], b[0], b[4], wlo, whi)
		}
	}
	for _, p := range series[1].(map[string]any)["data"].([]any) {
		got = append(got, fmt.Sprint(p))
	}
	sort.Strings(got)
	sort.Strings(want)
	if len(want) == 0 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("outliers: %d, want %d\n got %.400v\nwant %.400v", len(got), len(want), got, want)
	}

	// The lines: over every row's value, not per month.
	sort.Float64s(all)
	var sum float64
	for _, v := range all {
		sum += v
	}
	ml, _ := series[0].(map[string]any)["markLine"].(map[string]any)
	if ml == nil {
		t.Fatalf("no reference lines: %v", series[0])
	}
	lines := ml["data"].([]any)
	wantLines := []float64{sum / float64(len(all)), percentileCont(all, 0.9)}
	if len(lines) != len(wantLines) {
		t.Fatalf("%d lines, want %d: %v", len(lines), len(wantLines), lines)
	}
	for i, w := range wantLines {
		l := lines[i].(map[string]any)
		if y := l["yAxis"].(float64); math.Abs(y-w) > 0.011 {
			t.Errorf("line %d at %v, want %v", i+1, y, w)
		}
		label := l["label"].(map[string]any)["formatter"].(string)
		if !strings.HasPrefix(label, "€") {
			t.Errorf("line %d's label %q is not in the measure's currency", i+1, label)
		}
	}
	if !strings.Contains(tile(t, body, "box"), "reference line 3 is not drawn: its measure aggregation COUNT of one row") {
		t.Errorf("the COUNT line is not named:\n%.2000s", tile(t, body, "box"))
	}

	// The measure's format on the boxes, the outliers and the value axis.
	for _, at := range []map[string]any{series[0].(map[string]any), series[1].(map[string]any), o["yAxis"].(map[string]any)} {
		f, _ := at["sgNumberFormat"].(map[string]any)
		if f["Symbol"] != "€" || f["Decimals"] != 1.0 {
			t.Errorf("number format %v, want euros with one decimal", at["sgNumberFormat"])
		}
	}
}
