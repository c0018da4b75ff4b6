package e2e

import (
	"fmt"
	"html"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

var reInsightLine = regexp.MustCompile(`<p>([^<]*)</p>`)

// insightLines returns the narrative lines an insight tile shows.
func insightLines(t testing.TB, body, visualID string) []string {
	t.Helper()
	tl := tile(t, body, visualID)
	if !strings.Contains(tl, `class="insight"`) {
		t.Fatalf("tile %s has no narrative:\n%s", visualID, tl)
	}
	var out []string
	for _, m := range reInsightLine.FindAllStringSubmatch(tl[strings.Index(tl, `class="insight"`):], -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

// num writes a number as the console does: at most two decimals, a comma
// between thousands.
func num(f float64) string {
	s := strconv.FormatFloat(math.Abs(math.Round(f*100)/100), 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	if f < 0 && math.Round(f*100) != 0 {
		return "-" + b.String()
	}
	return b.String()
}

// monthText writes a "YYYY-MM" month as the console labels months.
func monthText(t testing.TB, ym string) string {
	m, err := time.Parse("2006-01", ym)
	must(t, err)
	return m.Format("Jan 2006")
}

// TestViewerInsight draws an insight created through the API with every
// computation QuickSight's insights have, each narrative line against
// the same figures computed by an independent SQL query over the sample;
// a forecast says it needs a model, and a custom narrative's construct
// Sightglass does not read is refused by name.
func TestViewerInsight(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	dim := func(id, col string) string {
		return fmt.Sprintf(`{"CategoricalDimensionField": {"FieldId": %q, "Column": {"DataSetIdentifier": "sales", "ColumnName": %q}}}`, id, col)
	}
	month := func(id string) string { return fmt.Sprintf(monthDim, id) }
	sum := func(id, col string) string { return fmt.Sprintf(sumOf, id, col, "SUM") }
	comps := []string{
		`{"TopBottomRanked": {"ComputationId": "top", "Type": "TOP", "ResultSize": 3, "Category": ` + dim("top-c", "region") + `, "Value": ` + sum("top-v", "revenue") + `}}`,
		`{"TopBottomRanked": {"ComputationId": "bottom", "Type": "BOTTOM", "ResultSize": 2, "Category": ` + dim("bot-c", "category") + `, "Value": ` + sum("bot-v", "quantity") + `}}`,
		`{"TotalAggregation": {"ComputationId": "total", "Value": ` + sum("tot-v", "revenue") + `}}`,
		`{"UniqueValues": {"ComputationId": "unique", "Category": ` + dim("uni-c", "city") + `}}`,
		`{"MaximumMinimum": {"ComputationId": "max", "Type": "MAXIMUM", "Time": ` + month("max-t") + `, "Value": ` + sum("max-v", "revenue") + `}}`,
		`{"MaximumMinimum": {"ComputationId": "min", "Type": "MINIMUM", "Time": ` + month("min-t") + `, "Value": ` + sum("min-v", "revenue") + `}}`,
		`{"PeriodOverPeriod": {"ComputationId": "pop", "Time": ` + month("pop-t") + `, "Value": ` + sum("pop-v", "revenue") + `}}`,
		`{"PeriodToDate": {"ComputationId": "ptd", "PeriodTimeGranularity": "YEAR", "Time": ` + month("ptd-t") + `, "Value": ` + sum("ptd-v", "revenue") + `}}`,
		`{"GrowthRate": {"ComputationId": "growth", "PeriodSize": 3, "Time": ` + month("gr-t") + `, "Value": ` + sum("gr-v", "revenue") + `}}`,
		`{"TopBottomMovers": {"ComputationId": "movers", "Type": "TOP", "SortOrder": "ABSOLUTE_DIFFERENCE", "MoverSize": 2, "Time": ` + month("mv-t") + `, "Category": ` + dim("mv-c", "region") + `, "Value": ` + sum("mv-v", "revenue") + `}}`,
		`{"MetricComparison": {"ComputationId": "cmp", "Time": ` + month("cmp-t") + `, "FromValue": ` + sum("cmp-f", "profit") + `, "TargetValue": ` + sum("cmp-g", "revenue") + `}}`,
		`{"Forecast": {"ComputationId": "fc", "Time": ` + month("fc-t") + `, "Value": ` + sum("fc-v", "revenue") + `}}`,
	}
	body := visualsDashboard(t, ts, "insight",
		`{"InsightVisual": {"VisualId": "ins", "DataSetIdentifier": "sales", "InsightConfiguration": {"Computations": [`+strings.Join(comps, ",")+`]}}}`,
		`{"InsightVisual": {"VisualId": "forecast", "DataSetIdentifier": "sales", "InsightConfiguration": {"Computations": [`+comps[len(comps)-1]+`]}}}`,
		`{"InsightVisual": {"VisualId": "custom", "DataSetIdentifier": "sales", "InsightConfiguration": {"Computations": [`+comps[2]+`], "CustomNarrative": {"Narrative": "<narrative><if><condition>total.totalAggregate.value</condition></if></narrative>"}}}}`,
	)

	var want []string
	ranked := func(word, cat, val, dir string, n int) string {
		var items []string
		for _, r := range sqlRows(t, ts, fmt.Sprintf("SELECT %s, SUM(%s) AS v FROM orders GROUP BY 1 HAVING v IS NOT NULL ORDER BY v %s, 1 LIMIT %d", cat, val, dir, n)) {
			items = append(items, fmt.Sprintf("%v (%s)", r[0], num(r[1].(float64))))
		}
		return fmt.Sprintf("%s %d %s by %s: %s.", word, len(items), cat, val, strings.Join(items, ", "))
	}
	want = append(want, ranked("Top", "region", "revenue", "DESC", 3), ranked("Bottom", "category", "quantity", "ASC", 2))
	want = append(want, "Total revenue is "+num(sqlRows(t, ts, "SELECT SUM(revenue) FROM orders")[0][0].(float64))+".")
	want = append(want, "City has "+num(sqlRows(t, ts, "SELECT COUNT(DISTINCT city) FROM orders")[0][0].(float64))+" unique values.")
	byMonth := "SELECT substr(order_date, 1, 7) AS m, SUM(revenue) AS v, SUM(profit) AS p FROM orders WHERE order_date IS NOT NULL GROUP BY 1"
	hi := sqlRows(t, ts, byMonth+" ORDER BY v DESC, m LIMIT 1")[0]
	lo := sqlRows(t, ts, byMonth+" ORDER BY v ASC, m LIMIT 1")[0]
	want = append(want, "Highest month is "+monthText(t, hi[0].(string))+" with revenue of "+num(hi[1].(float64))+".",
		"Lowest month is "+monthText(t, lo[0].(string))+" with revenue of "+num(lo[1].(float64))+".")
	last := sqlRows(t, ts, "SELECT m, v, p, 100.0 * ABS(v - LEAD(v) OVER (ORDER BY m DESC)) / ABS(LEAD(v) OVER (ORDER BY m DESC)), v > LEAD(v) OVER (ORDER BY m DESC) FROM ("+byMonth+") ORDER BY m DESC LIMIT 3")
	dir := "decreased"
	if last[0][4].(float64) == 1 {
		dir = "increased"
	}
	want = append(want, fmt.Sprintf("Revenue for %s %s by %s%% (from %s to %s) compared to %s.", monthText(t, last[0][0].(string)), dir,
		num(last[0][3].(float64)), num(last[1][1].(float64)), num(last[0][1].(float64)), monthText(t, last[1][0].(string))))
	ytd := sqlRows(t, ts, "SELECT substr(order_date, 1, 4), SUM(revenue) FROM orders WHERE order_date IS NOT NULL GROUP BY 1 ORDER BY 1 DESC LIMIT 1")[0]
	want = append(want, fmt.Sprintf("Year-to-date revenue for %s is %s.", ytd[0], num(ytd[1].(float64))))
	g := sqlRows(t, ts, "SELECT (POWER(MAX(CASE WHEN k = 1 THEN v END) / MAX(CASE WHEN k = 3 THEN v END), 0.5) - 1) * 100 FROM (SELECT v, ROW_NUMBER() OVER (ORDER BY m DESC) AS k FROM ("+byMonth+"))")[0][0]
	want = append(want, "The 3-month compounded growth rate for revenue is "+num(g.(float64))+"%.")
	mv := sqlRows(t, ts, `WITH r AS (SELECT substr(order_date, 1, 7) AS m, region, SUM(revenue) AS v FROM orders WHERE order_date IS NOT NULL GROUP BY 1, 2),
		ms AS (SELECT DISTINCT m FROM r ORDER BY m DESC LIMIT 2)
		SELECT c.region, c.v - p.v, p.v, c.v, c.m, p.m FROM r c JOIN r p ON p.region IS c.region AND p.m = (SELECT MIN(m) FROM ms)
		WHERE c.m = (SELECT MAX(m) FROM ms) AND c.region IS NOT NULL AND c.v IS NOT NULL AND p.v IS NOT NULL ORDER BY 2 DESC, 1 LIMIT 2`)
	var moves []string
	for _, r := range mv {
		d := r[1].(float64)
		word := "up " + num(math.Abs(d))
		if d < 0 {
			word = "down " + num(math.Abs(d))
		}
		moves = append(moves, fmt.Sprintf("%v %s (%s to %s)", r[0], word, num(r[2].(float64)), num(r[3].(float64))))
	}
	want = append(want, fmt.Sprintf("Top movers in region by revenue from %s to %s: %s.", monthText(t, mv[0][5].(string)), monthText(t, mv[0][4].(string)), strings.Join(moves, ", ")))
	pct := sqlRows(t, ts, "SELECT 100.0 * ABS(p - v) / ABS(v), p > v FROM ("+byMonth+") ORDER BY m DESC LIMIT 1")[0]
	side := "below"
	if pct[1].(float64) == 1 {
		side = "above"
	}
	want = append(want, fmt.Sprintf("For %s, profit is %s, %s%% %s revenue of %s.", monthText(t, last[0][0].(string)), num(last[0][2].(float64)), num(pct[0].(float64)), side, num(last[0][1].(float64))))
	want = append(want, "A forecast needs a machine-learning model, which Sightglass does not have.")

	got := insightLines(t, body, "ins")
	if len(got) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
	if tl := tile(t, body, "forecast"); !strings.Contains(tl, "tile-unsupported") || !strings.Contains(tl, "machine-learning model") {
		t.Errorf("forecast: want a tile saying it needs a model, got\n%s", tl)
	}
	if tl := tile(t, body, "custom"); !strings.Contains(tl, "tile-unsupported") || !strings.Contains(tl, "the CustomNarrative element &lt;if&gt;") {
		t.Errorf("custom narrative: want it refused by name, got\n%s", tl)
	}
}
