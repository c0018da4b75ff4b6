package e2e

// Reference lines and conditional formatting from the definition, drawn
// by the viewer and compared with independent SQL.

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	"github.com/sightglass/sightglass/internal/app"
)

// formattingDefinition is a dashboard over the sample orders: a bar chart
// of revenue by region with a static, an average, a largest and a median
// reference line and a 90th percentile one, and a bar chart of revenue by
// region and segment with an average line; a table
// of revenue and profit by region whose revenue cells are red above
// revenueLimit, whose rows are shaded where profit is below profitLimit,
// whose region cells carry a flag above revenueLimit and whose profit
// cells carry an icon of the three-color arrow set; a table whose
// condition names a column that does not exist; a KPI green when revenue
// is positive.
func formattingDefinition(revenueLimit, profitLimit float64) string {
	regionDim := `{"CategoricalDimensionField": {"FieldId": "%s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}`
	avgLine := func(calc string) string {
		return `{"DataConfiguration": {"DynamicConfiguration": {"Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"},
			"MeasureAggregationFunction": {"NumericalAggregationFunction": {"SimpleNumericalAggregation": "SUM"}},
			"Calculation": {"SimpleNumericalAggregation": "` + calc + `"}}},
			"LabelConfiguration": {"CustomLabelConfiguration": {"CustomLabel": "` + calc + `"}, "ValueLabelConfiguration": {"RelativePosition": "AFTER_CUSTOM_LABEL"}}}`
	}
	return fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": %q}],
	"Sheets": [{"SheetId": "s", "Name": "Formatting", "Visuals": [
	  {"BarChartVisual": {"VisualId": "bars", "ChartConfiguration": {
	    "FieldWells": {"BarChartAggregatedFieldWells": {"Category": [`+regionDim+`], "Values": [`+sumOf+`]}},
	    "ReferenceLines": [
	      {"DataConfiguration": {"StaticConfiguration": {"Value": 1000}}, "StyleConfiguration": {"Pattern": "SOLID", "Color": "#DE3B00"},
	       "LabelConfiguration": {"CustomLabelConfiguration": {"CustomLabel": "Goal"}}},
	      `+avgLine("AVERAGE")+`, `+avgLine("MAX")+`, `+avgLine("MEDIAN")+`,
	      {"DataConfiguration": {"DynamicConfiguration": {"Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"},
			"Calculation": {"PercentileAggregation": {"PercentileValue": 90}}}}},
	      {"Status": "DISABLED", "DataConfiguration": {"StaticConfiguration": {"Value": 5}}}]}}},
	  {"BarChartVisual": {"VisualId": "colored", "ChartConfiguration": {
	    "FieldWells": {"BarChartAggregatedFieldWells": {"Category": [`+regionDim+`], "Values": [`+sumOf+`], "Colors": [{"CategoricalDimensionField": {"FieldId": "c-seg", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}}]}},
	    "ReferenceLines": [`+avgLine("AVERAGE")+`]}}},
	  {"TableVisual": {"VisualId": "tbl", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {
	    "GroupBy": [`+regionDim+`], "Values": [`+sumOf+`, `+sumOf+`]}}},
	    "ConditionalFormatting": {"ConditionalFormattingOptions": [
	      {"Cell": {"FieldId": "t-rev", "TextFormat": {"TextColor": {"Solid": {"Expression": "sum({revenue}) > %v", "Color": "#DE3B00"}}}}},
	      {"Row": {"BackgroundColor": {"Solid": {"Expression": "sum({profit}) < %v", "Color": "#FFEEAA"}}}},
	      {"Cell": {"FieldId": "t-r", "TextFormat": {"Icon": {"CustomCondition": {"Expression": "sum({revenue}) > %v", "IconOptions": {"Icon": "FLAG"}, "Color": "#2CAD00"}}}}},
	      {"Cell": {"FieldId": "t-p", "TextFormat": {"Icon": {"IconSet": {"Expression": "sum({profit})", "IconSetType": "THREE_COLOR_ARROW"}}}}}]}}},
	  {"TableVisual": {"VisualId": "bad", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {
	    "GroupBy": [`+regionDim+`], "Values": [`+sumOf+`]}}},
	    "ConditionalFormatting": {"ConditionalFormattingOptions": [
	      {"Cell": {"FieldId": "x-rev", "TextFormat": {"TextColor": {"Solid": {"Expression": "sum({no_such_column}) > 1", "Color": "#DE3B00"}}}}}]}}},
	  {"KPIVisual": {"VisualId": "kpi", "ChartConfiguration": {"FieldWells": {"Values": [`+sumOf+`]}},
	    "ConditionalFormatting": {"ConditionalFormattingOptions": [
	      {"PrimaryValue": {"TextColor": {"Solid": {"Expression": "sum({revenue}) > 0", "Color": "#2CAD00"}}}}]}}}
	]}]}`,
		"arn:aws:quicksight:"+region+":"+accountID+":dataset/"+app.SampleDataSetID,
		"b-r", "b-rev", "revenue", "SUM",
		"c-r", "c-rev", "revenue", "SUM",
		"t-r", "t-rev", "revenue", "SUM", "t-p", "profit", "SUM",
		revenueLimit, profitLimit, revenueLimit,
		"x-r", "x-rev", "revenue", "SUM",
		"k-rev", "revenue", "SUM")
}

var reTableCellAttrs = regexp.MustCompile(`(?s)<td([^>]*)>(.*?)</td>`)

func TestViewerReferenceLinesAndConditionalFormatting(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(3000))

	// The independent numbers: revenue and profit by region.
	byRegion := sqlRows(t, ts, `SELECT region, sum(revenue), sum(profit) FROM orders GROUP BY region ORDER BY region`)
	if len(byRegion) < 3 {
		t.Fatalf("want at least 3 regions, got %v", byRegion)
	}
	var revs, profits []float64
	for _, r := range byRegion {
		revs, profits = append(revs, r[1].(float64)), append(profits, r[2].(float64))
	}
	sorted := append([]float64{}, revs...)
	sort.Float64s(sorted)
	median := sorted[len(sorted)/2]
	if len(sorted)%2 == 0 {
		median = (sorted[len(sorted)/2-1] + sorted[len(sorted)/2]) / 2
	}
	average := sqlFloat(t, sampleDB(t, ts), `SELECT avg(s) FROM (SELECT sum(revenue) AS s FROM orders GROUP BY region)`)
	// Thresholds between the regions, so that some match and some not.
	revenueLimit := math.Round(median)
	sortedP := append([]float64{}, profits...)
	sort.Float64s(sortedP)
	profitLimit := math.Round((sortedP[0] + sortedP[1]) / 2)

	def := formattingDefinition(revenueLimit, profitLimit)
	var d types.DashboardVersionDefinition
	decodeStrict(t, []byte(def), &d)
	c := ts.adminClient()
	_, err := c.CreateDashboard(t.Context(), &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("formatting"),
		Name: aws.String("formatting"), Definition: &d, Permissions: ownerPermissions("admin", dashboardReaderActions...)})
	must(t, err)
	if v := waitVersion(t, c, "formatting", 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		errs, _ := json.Marshal(v.Errors)
		t.Fatalf("dashboard %s: %s", v.Status, errs)
	}
	_, p := ts.signOn(t, ts.mint(t, "admin", "/dashboards/formatting"), -1)

	// The 90th percentile of the per-region sums, continuous (the value
	// at rank 0.9·(n−1), interpolated), in SQL alone.
	p90 := sqlFloat(t, sampleDB(t, ts), `WITH s AS (SELECT sum(revenue) AS v FROM orders GROUP BY region),
		r AS (SELECT v, row_number() OVER (ORDER BY v) - 1 AS i, 0.9 * (count(*) OVER () - 1) AS k FROM s)
		SELECT max(CASE WHEN i = CAST(k AS INTEGER) THEN v END)
		  + (max(k) - CAST(max(k) AS INTEGER)) * (coalesce(max(CASE WHEN i = CAST(k AS INTEGER) + 1 THEN v END), max(CASE WHEN i = CAST(k AS INTEGER) THEN v END)) - max(CASE WHEN i = CAST(k AS INTEGER) THEN v END))
		FROM r`)

	// Reference lines: the static one as written, the computed ones equal
	// to SQL's average, largest, median and 90th percentile of the
	// per-region sums.
	lines := markLines(t, p.Body, "bars")
	if len(lines) != 5 {
		t.Fatalf("bars: %d reference lines, want 5 (not the disabled one): %v", len(lines), lines)
	}
	wantLine := func(i int, value float64, label string) {
		t.Helper()
		if !near(lines[i].Value, math.Round(value*100)/100) || !strings.Contains(lines[i].Label, label) {
			t.Errorf("reference line %d = %v %q, want %v labelled %q", i, lines[i].Value, lines[i].Label, value, label)
		}
	}
	wantLine(0, 1000, "Goal")
	wantLine(1, average, "AVERAGE")
	wantLine(2, sorted[len(sorted)-1], "MAX")
	wantLine(3, median, "MEDIAN")
	wantLine(4, p90, "")
	if p90 == sorted[len(sorted)-1] || p90 == median {
		t.Errorf("the 90th percentile %v is the largest or the median: the test cannot tell them apart", p90)
	}
	if tl := tile(t, p.Body, "bars"); strings.Contains(tl, "not drawn") {
		t.Errorf("bars: a line is named as not drawn:\n%s", tl)
	}
	if lines[0].Color != "#DE3B00" || lines[0].Type != "solid" || lines[1].Type != "dashed" {
		t.Errorf("reference line styles: %+v", lines)
	}
	// A computed line over colors: the average over every bar segment
	// drawn (each region and segment), not over the regions' totals.
	segAverage := sqlFloat(t, sampleDB(t, ts), `SELECT avg(s) FROM (SELECT sum(revenue) AS s FROM orders GROUP BY region, segment)`)
	if colored := markLines(t, p.Body, "colored"); len(colored) != 1 || !near(colored[0].Value, math.Round(segAverage*100)/100) {
		t.Errorf("colored: reference lines %v, want one at %v", colored, segAverage)
	}
	if near(segAverage, average) {
		t.Errorf("the segments' average %v equals the regions' %v: the test cannot tell them apart", segAverage, average)
	}
	if tl := tile(t, p.Body, "colored"); strings.Contains(tl, "not drawn") {
		t.Errorf("colored: a line is named as not drawn:\n%s", tl)
	}

	// Conditional formatting, row by row against SQL.
	tl := tile(t, p.Body, "tbl")
	_, tbody, _ := strings.Cut(tl, "<tbody>")
	rows := reTableRow.FindAllStringSubmatch(tbody, -1)
	if len(rows) != len(byRegion) {
		t.Fatalf("table: %d rows, SQL %d", len(rows), len(byRegion))
	}
	matched := map[bool]int{}
	// The profit icon set: each region's profit placed in the range of
	// the regions' profits, thirds from the smallest.
	pLo, pHi := sortedP[0], sortedP[len(sortedP)-1]
	arrows := map[string]int{}
	for _, r := range rows {
		cells := reTableCellAttrs.FindAllStringSubmatch(r[1], -1)
		name := html.UnescapeString(cells[0][2])
		i := slicesIndex(byRegion, name)
		if i < 0 {
			t.Fatalf("table row %q is not a region of SQL", name)
		}
		red := revs[i] > revenueLimit
		matched[red]++
		if got := strings.Contains(cells[1][1], "color: #DE3B00"); got != red {
			t.Errorf("%s: revenue %v vs %v: red text %v, want %v (%s)", name, revs[i], revenueLimit, got, red, cells[1][1])
		}
		if got := strings.Contains(cells[0][1], `data-cf-icon="⚑"`) && strings.Contains(cells[0][1], "--cf-icon: #2CAD00"); got != red {
			t.Errorf("%s: flag %v, want %v (%s)", name, got, red, cells[0][1])
		}
		wantIcon, wantColor := "↓", "#DE3B00"
		switch pct := (profits[i] - pLo) / (pHi - pLo); {
		case pct >= 2.0/3:
			wantIcon, wantColor = "↑", "#2CAD00"
		case pct >= 1.0/3:
			wantIcon, wantColor = "→", "#F9B000"
		}
		arrows[wantIcon]++
		if !strings.Contains(cells[2][1], `data-cf-icon="`+wantIcon+`"`) || !strings.Contains(cells[2][1], "--cf-icon: "+wantColor) {
			t.Errorf("%s: profit %v in [%v, %v]: want icon %s %s (%s)", name, profits[i], pLo, pHi, wantIcon, wantColor, cells[2][1])
		}
		shaded := profits[i] < profitLimit
		matched[shaded]++
		for j, c := range cells {
			if got := strings.Contains(c[1], "background-color: #FFEEAA"); got != shaded {
				t.Errorf("%s cell %d: profit %v vs %v: shaded %v, want %v", name, j, profits[i], profitLimit, got, shaded)
			}
		}
	}
	if matched[true] == 0 || matched[false] == 0 {
		t.Errorf("the conditions matched %v: the test needs rows of both kinds", matched)
	}
	if arrows["↑"] == 0 || arrows["↓"] == 0 {
		t.Errorf("profit icons %v: the test needs the top and bottom of the set", arrows)
	}
	if strings.Contains(tl, "not yet supported") || strings.Contains(tl, "not applied") {
		t.Errorf("table: a rule is named as not applied:\n%s", tl)
	}
	// A condition that cannot be computed: the table is drawn, equal to
	// SQL, and says that its formatting is not shown and why.
	bad := tile(t, p.Body, "bad")
	if !strings.Contains(bad, "conditional formatting are not shown") || !strings.Contains(bad, "no_such_column") || strings.Contains(bad, "#DE3B00") {
		t.Errorf("bad condition: want a note naming it and no color:\n%s", bad)
	}
	if got := tableCells(t, p.Body, "bad"); len(got) != len(byRegion) {
		t.Errorf("bad condition: %d rows drawn, SQL %d", len(got), len(byRegion))
	} else {
		for _, r := range got {
			if i := slicesIndex(byRegion, r[0]); i < 0 || !near(number(t, r[1]), math.Round(revs[i]*100)/100) {
				t.Errorf("bad condition: row %v, SQL %v", r, byRegion)
			}
		}
	}
	if kt := tile(t, p.Body, "kpi"); !regexp.MustCompile(`class="kpi-value" style="color: #2CAD00;"`).MatchString(kt) {
		t.Errorf("kpi: primary value not green:\n%s", kt)
	}
}

// markLine is one drawn reference line.
type markLine struct {
	Value float64
	Label string
	Color string
	Type  string
}

// markLines reads a chart's reference lines (ECharts markLine data).
func markLines(t testing.TB, body, visualID string) []markLine {
	t.Helper()
	m := reEcharts.FindStringSubmatch(tile(t, body, visualID))
	if m == nil {
		t.Fatalf("tile %s has no chart", visualID)
	}
	var o struct {
		Series []struct {
			MarkLine *struct {
				Data []struct {
					YAxis     *float64 `json:"yAxis"`
					XAxis     *float64 `json:"xAxis"`
					Label     struct{ Formatter string }
					LineStyle struct{ Color, Type string }
				}
			} `json:"markLine"`
		}
	}
	must(t, json.Unmarshal([]byte(html.UnescapeString(m[1])), &o))
	var out []markLine
	for _, s := range o.Series {
		if s.MarkLine == nil {
			continue
		}
		for _, d := range s.MarkLine.Data {
			v := d.YAxis
			if v == nil {
				v = d.XAxis
			}
			if v == nil {
				t.Fatalf("reference line without a value: %+v", d)
			}
			out = append(out, markLine{*v, d.Label.Formatter, d.LineStyle.Color, d.LineStyle.Type})
		}
	}
	return out
}

func slicesIndex(rows [][]any, first string) int {
	for i, r := range rows {
		if fmt.Sprint(r[0]) == first {
			return i
		}
	}
	return -1
}
