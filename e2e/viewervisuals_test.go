package e2e

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/sightglass/sightglass/internal/app"
)

// visualsDashboard creates a dashboard of one sheet "s" with these visuals
// over the sample dataset and returns its first sheet's page.
func visualsDashboard(t *testing.T, ts *testServer, id string, visuals ...string) string {
	t.Helper()
	return calcVisualsDashboard(t, ts, id, "", visuals...)
}

// calcVisualsDashboard is visualsDashboard with the definition's
// CalculatedFields (a JSON array, "" for none).
func calcVisualsDashboard(t *testing.T, ts *testServer, id, calcs string, visuals ...string) string {
	t.Helper()
	if calcs == "" {
		calcs = "[]"
	}
	def := fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": %q}], "CalculatedFields": %s,
		"Sheets": [{"SheetId": "s", "Name": "Visuals", "Visuals": [%s]}]}`,
		"arn:aws:quicksight:"+region+":"+accountID+":dataset/"+app.SampleDataSetID, calcs, strings.Join(visuals, ","))
	var d types.DashboardVersionDefinition
	decodeStrict(t, []byte(def), &d)
	c := ts.adminClient()
	_, err := c.CreateDashboard(t.Context(), &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(id),
		Name: aws.String(id), Definition: &d, Permissions: ownerPermissions("admin", dashboardReaderActions...)})
	must(t, err)
	if v := waitVersion(t, c, id, 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		errs, _ := json.Marshal(v.Errors)
		t.Fatalf("dashboard %s: %s", v.Status, errs)
	}
	_, p := ts.signOn(t, ts.mint(t, "admin", "/dashboards/"+id), -1)
	return p.Body
}

// rawChart returns a tile's whole ECharts option.
func rawChart(t testing.TB, body, visualID string) map[string]any {
	t.Helper()
	m := reEcharts.FindStringSubmatch(tile(t, body, visualID))
	if m == nil {
		t.Fatalf("tile %s has no chart:\n%s", visualID, tile(t, body, visualID))
	}
	var o map[string]any
	must(t, json.Unmarshal([]byte(html.UnescapeString(m[1])), &o))
	return o
}

func axisData(t testing.TB, o map[string]any, axis string) []string {
	t.Helper()
	ax, _ := o[axis].(map[string]any)
	var out []string
	for _, v := range ax["data"].([]any) {
		out = append(out, v.(string))
	}
	return out
}

// heatCells returns a heat map's cells as "row|column" → value.
func heatCells(t testing.TB, o map[string]any) map[string]float64 {
	t.Helper()
	rows, cols := axisData(t, o, "yAxis"), axisData(t, o, "xAxis")
	out := map[string]float64{}
	for _, d := range o["series"].([]any)[0].(map[string]any)["data"].([]any) {
		c := d.([]any)
		out[rows[int(c[1].(float64))]+"|"+cols[int(c[0].(float64))]] = c[2].(float64)
	}
	return out
}

// sqlHeatCells runs a query of (row, month "2006-01", value) and keys its
// rows as heatCells does.
func sqlHeatCells(t testing.TB, ts *testServer, query string) map[string]float64 {
	t.Helper()
	rows, err := sampleDB(t, ts).QueryContext(t.Context(), query)
	must(t, err)
	defer rows.Close()
	out := map[string]float64{}
	for rows.Next() {
		var r, month string
		var v float64
		must(t, rows.Scan(&r, &month, &v))
		m, err := time.Parse("2006-01", month)
		must(t, err)
		out[r+"|"+m.Format("Jan 2006")] = math.Round(v*100) / 100
	}
	must(t, rows.Err())
	return out
}

func wantCells(t *testing.T, name string, got, want map[string]float64) {
	t.Helper()
	if len(got) != len(want) || len(want) == 0 {
		t.Errorf("%s: %d cells, want %d", name, len(got), len(want))
	}
	for k, w := range want {
		if g, ok := got[k]; !ok || !near(g, w) {
			t.Errorf("%s: cell %s = %v, want %v", name, k, g, w)
		}
	}
}

const (
	regionDim = `{"CategoricalDimensionField": {"FieldId": "%s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}`
	monthDim  = `{"DateDimensionField": {"FieldId": "%s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}, "DateGranularity": "MONTH"}}`
	sumOf     = `{"NumericalMeasureField": {"FieldId": "%s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "%s"}, "AggregationFunction": {"SimpleNumericalAggregation": "%s"}}}`
)

// TestViewerHeatMap draws heat maps created through the API: revenue by
// region and month, its rows sorted descending, a count of records
// without a value, its first two regions, the same with an "Other" row
// (the average of the rest's rows), its last three months, and its
// months sorted by the value; every cell is compared with SQL over the
// sample file.
func TestViewerHeatMap(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	heat := func(id, values, sort string) string {
		return fmt.Sprintf(`{"HeatMapVisual": {"VisualId": %q, "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {
			"Rows": [`+regionDim+`], "Columns": [`+monthDim+`], "Values": [%s]}}, "SortConfiguration": {%s},
			"ColorScale": {"ColorFillType": "GRADIENT", "Colors": [{"Color": "#FFFFFF"}, {"Color": "#AA0000"}]}}}}`, id, id+"-r", id+"-m", values, sort)
	}
	body := visualsDashboard(t, ts, "heat",
		heat("avg", fmt.Sprintf(sumOf, "avg-v", "revenue", "AVERAGE"), `"HeatMapRowSort": [{"FieldSort": {"FieldId": "avg-r", "Direction": "DESC"}}]`),
		heat("records", "", ""),
		heat("limited", fmt.Sprintf(sumOf, "lim-v", "revenue", "SUM"), `"HeatMapRowItemsLimitConfiguration": {"ItemsLimit": 2, "OtherCategories": "EXCLUDE"}`),
		heat("other", fmt.Sprintf(sumOf, "other-v", "revenue", "AVERAGE"), `"HeatMapRowItemsLimitConfiguration": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}`),
		heat("recent", fmt.Sprintf(sumOf, "recent-v", "revenue", "MAX"), `"HeatMapColumnSort": [{"FieldSort": {"FieldId": "recent-m", "Direction": "DESC"}}],
			"HeatMapColumnItemsLimitConfiguration": {"ItemsLimit": 3, "OtherCategories": "EXCLUDE"}`),
		heat("by-measure", fmt.Sprintf(sumOf, "bm-v", "revenue", "SUM"), `"HeatMapColumnSort": [{"FieldSort": {"FieldId": "bm-v", "Direction": "DESC"}}]`),
	)
	avg := rawChart(t, body, "avg")
	wantCells(t, "average revenue", heatCells(t, avg),
		sqlHeatCells(t, ts, "SELECT region, substr(order_date, 1, 7), avg(revenue) FROM orders GROUP BY 1, 2"))
	rows := axisData(t, avg, "yAxis")
	var want []string
	r, err := sampleDB(t, ts).QueryContext(t.Context(), "SELECT DISTINCT region FROM orders ORDER BY region DESC")
	must(t, err)
	for r.Next() {
		var s string
		must(t, r.Scan(&s))
		want = append(want, s)
	}
	r.Close()
	if strings.Join(rows, ",") != strings.Join(want, ",") {
		t.Errorf("rows %v, want %v (descending)", rows, want)
	}
	cols := axisData(t, avg, "xAxis")
	for i := 1; i < len(cols); i++ {
		a, _ := time.Parse("Jan 2006", cols[i-1])
		b, _ := time.Parse("Jan 2006", cols[i])
		if !a.Before(b) {
			t.Errorf("columns out of order: %s before %s", cols[i-1], cols[i])
		}
	}
	if c := avg["visualMap"].(map[string]any)["inRange"].(map[string]any)["color"]; fmt.Sprint(c) != "[#FFFFFF #AA0000]" {
		t.Errorf("color scale %v", c)
	}
	wantCells(t, "count of records", heatCells(t, rawChart(t, body, "records")),
		sqlHeatCells(t, ts, "SELECT region, substr(order_date, 1, 7), count(*) FROM orders GROUP BY 1, 2"))
	first2 := "(SELECT DISTINCT region FROM orders ORDER BY 1 LIMIT 2)"
	wantCells(t, "first two regions", heatCells(t, rawChart(t, body, "limited")),
		sqlHeatCells(t, ts, "SELECT region, substr(order_date, 1, 7), sum(revenue) FROM orders WHERE region IN "+first2+" GROUP BY 1, 2"))
	other := rawChart(t, body, "other")
	wantCells(t, "first two regions and Other", heatCells(t, other),
		sqlHeatCells(t, ts, "SELECT CASE WHEN region IN "+first2+" THEN region ELSE 'Other' END, substr(order_date, 1, 7), avg(revenue) FROM orders GROUP BY 1, 2"))
	if rows := axisData(t, other, "yAxis"); len(rows) != 3 || rows[2] != "Other" {
		t.Errorf("other: rows %v, want two regions then Other", rows)
	}
	wantCells(t, "last three months", heatCells(t, rawChart(t, body, "recent")),
		sqlHeatCells(t, ts, `SELECT region, substr(order_date, 1, 7), max(revenue) FROM orders
			WHERE substr(order_date, 1, 7) IN (SELECT DISTINCT substr(order_date, 1, 7) FROM orders ORDER BY 1 DESC LIMIT 3) GROUP BY 1, 2`))
	// The columns sorted by the value: the months by their revenue over
	// every region, descending.
	bm := rawChart(t, body, "by-measure")
	wantCells(t, "by the measure", heatCells(t, bm),
		sqlHeatCells(t, ts, "SELECT region, substr(order_date, 1, 7), sum(revenue) FROM orders GROUP BY 1, 2"))
	var months []string
	for _, r := range sqlRows(t, ts, "SELECT substr(order_date, 1, 7), sum(revenue) FROM orders GROUP BY 1 ORDER BY 2 DESC, 1") {
		m, err := time.Parse("2006-01", fmt.Sprint(r[0]))
		must(t, err)
		months = append(months, m.Format("Jan 2006"))
	}
	if got := axisData(t, bm, "xAxis"); strings.Join(got, ",") != strings.Join(months, ",") {
		t.Errorf("by-measure: columns %v, want %v (by revenue, descending)", got, months)
	}
}

// sqlRows runs a query, numbers rounded to two decimals as charts carry them.
func sqlRows(t testing.TB, ts *testServer, query string) [][]any {
	t.Helper()
	rows, err := sampleDB(t, ts).QueryContext(t.Context(), query)
	must(t, err)
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]any
	for rows.Next() {
		row := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range row {
			ptrs[i] = &row[i]
		}
		must(t, rows.Scan(ptrs...))
		for i, v := range row {
			if f, ok := v.(float64); ok {
				row[i] = math.Round(f*100) / 100
			} else if n, ok := v.(int64); ok {
				row[i] = float64(n)
			}
		}
		out = append(out, row)
	}
	must(t, rows.Err())
	return out
}

// treeItems returns a tree map's rectangles as [name, size(, color)].
func treeItems(t testing.TB, o map[string]any) [][]any {
	t.Helper()
	var out [][]any
	for _, d := range o["series"].([]any)[0].(map[string]any)["data"].([]any) {
		item := d.(map[string]any)
		row := []any{item["name"]}
		if vs, ok := item["value"].([]any); ok {
			row = append(row, vs...)
		} else {
			row = append(row, item["value"])
		}
		out = append(out, row)
	}
	return out
}

func wantRows(t *testing.T, name string, got, want [][]any) {
	t.Helper()
	if len(want) == 0 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s:\n got %v\nwant %v", name, got, want)
	}
}

// TestViewerTreeMap draws tree maps created through the API: the five
// sub-categories of most revenue colored by average profit, a count of
// records per category, and an "other" bucket refused by name; each
// against SQL over the sample file.
func TestViewerTreeMap(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	catDim := `{"CategoricalDimensionField": {"FieldId": "%s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "%s"}}}`
	tree := func(id, group, sizes, colors, sort string) string {
		return fmt.Sprintf(`{"TreeMapVisual": {"VisualId": %q, "ChartConfiguration": {"FieldWells": {"TreeMapAggregatedFieldWells": {
			"Groups": [`+catDim+`], "Sizes": [%s], "Colors": [%s]}}, "SortConfiguration": {%s}}}}`, id, id+"-g", group, sizes, colors, sort)
	}
	body := visualsDashboard(t, ts, "tree",
		tree("top5", "sub_category", fmt.Sprintf(sumOf, "top5-s", "revenue", "SUM"), fmt.Sprintf(sumOf, "top5-c", "profit", "AVERAGE"),
			`"TreeMapGroupItemsLimitConfiguration": {"ItemsLimit": 5, "OtherCategories": "EXCLUDE"}`),
		tree("records", "category", "", "", ""),
		tree("other", "sub_category", fmt.Sprintf(sumOf, "o-s", "revenue", "SUM"), "",
			`"TreeMapGroupItemsLimitConfiguration": {"ItemsLimit": 5, "OtherCategories": "INCLUDE"}`),
	)
	top5 := rawChart(t, body, "top5")
	wantRows(t, "top five sub-categories", treeItems(t, top5),
		sqlRows(t, ts, "SELECT sub_category, sum(revenue), avg(profit) FROM orders GROUP BY 1 ORDER BY 2 DESC LIMIT 5"))
	if vm, _ := top5["visualMap"].(map[string]any); vm == nil || vm["dimension"] != 1.0 {
		t.Errorf("no color scale on the color measure: %v", top5["visualMap"])
	}
	wantRows(t, "records per category", treeItems(t, rawChart(t, body, "records")),
		sqlRows(t, ts, "SELECT category, count(*) FROM orders GROUP BY 1 ORDER BY 2 DESC"))
	if tl := tile(t, body, "other"); !strings.Contains(tl, "tile-unsupported") || !strings.Contains(tl, "TreeMapGroupItemsLimitConfiguration with OtherCategories INCLUDE") {
		t.Errorf("other: want an unsupported tile naming the items limit, got\n%s", tl)
	}
}

// funnelStages returns a funnel's stages as [name, value].
func funnelStages(t testing.TB, o map[string]any) [][]any {
	t.Helper()
	var out [][]any
	for _, d := range o["series"].([]any)[0].(map[string]any)["data"].([]any) {
		item := d.(map[string]any)
		out = append(out, []any{item["name"], item["value"]})
	}
	return out
}

// TestViewerFunnel draws funnels created through the API: profit by
// segment in the order of the segment names, the three sub-categories of
// most orders (a count of records, top three), and the same three with
// an "Other" stage of the rest's orders; each against SQL over the
// sample file.
func TestViewerFunnel(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	funnel := func(id, column, values, sort string) string {
		return fmt.Sprintf(`{"FunnelChartVisual": {"VisualId": %q, "ChartConfiguration": {"FieldWells": {"FunnelChartAggregatedFieldWells": {
			"Category": [{"CategoricalDimensionField": {"FieldId": "%s-c", "Column": {"DataSetIdentifier": "sales", "ColumnName": %q}}}], "Values": [%s]}},
			"SortConfiguration": {%s}}}}`, id, id, column, values, sort)
	}
	body := visualsDashboard(t, ts, "funnel",
		funnel("profit", "segment", fmt.Sprintf(sumOf, "profit-v", "profit", "SUM"), `"CategorySort": [{"FieldSort": {"FieldId": "profit-c", "Direction": "ASC"}}]`),
		funnel("top3", "sub_category", "", `"CategoryItemsLimit": {"ItemsLimit": 3, "OtherCategories": "EXCLUDE"}`),
		funnel("other", "sub_category", "", `"CategoryItemsLimit": {"ItemsLimit": 3, "OtherCategories": "INCLUDE"}`),
	)
	wantRows(t, "profit by segment", funnelStages(t, rawChart(t, body, "profit")),
		sqlRows(t, ts, "SELECT segment, sum(profit) FROM orders GROUP BY 1 ORDER BY 1"))
	wantRows(t, "top three sub-categories", funnelStages(t, rawChart(t, body, "top3")),
		sqlRows(t, ts, "SELECT sub_category, count(*) FROM orders GROUP BY 1 ORDER BY 2 DESC LIMIT 3"))
	wantRows(t, "three sub-categories and Other", funnelStages(t, rawChart(t, body, "other")),
		sqlRows(t, ts, `WITH r AS (SELECT sub_category, count(*) AS n, row_number() OVER (ORDER BY count(*) DESC, sub_category) AS rk FROM orders GROUP BY 1)
			SELECT k, n FROM (SELECT sub_category AS k, n, rk FROM r WHERE rk <= 3
				UNION ALL SELECT 'Other', count(*), 4 FROM orders WHERE sub_category IN (SELECT sub_category FROM r WHERE rk > 3)) ORDER BY rk`))
}

// TestViewerGauge draws gauges created through the API: profit against
// revenue as QuickSight shows it (the percentage of the target), the
// difference from it, and gauges without a target (the value itself, on an
// arc to the value or to the range maximum, whatever comparison is asked);
// each against SQL over the sample file.
func TestViewerGauge(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	gauge := func(id, targets, options string) string {
		return fmt.Sprintf(`{"GaugeChartVisual": {"VisualId": %q, "ChartConfiguration": {"FieldWells": {"Values": [`+sumOf+`], "TargetValues": [%s]}%s}}}`,
			id, id+"-v", "profit", "SUM", targets, options)
	}
	body := visualsDashboard(t, ts, "gauge",
		gauge("percent", fmt.Sprintf(sumOf, "percent-t", "revenue", "SUM"), ""),
		gauge("difference", fmt.Sprintf(sumOf, "difference-t", "revenue", "SUM"), `, "GaugeChartOptions": {"Comparison": {"ComparisonMethod": "DIFFERENCE"}}`),
		gauge("untargeted", "", ""),
		gauge("untargeted-compared", "", `, "GaugeChartOptions": {"Comparison": {"ComparisonMethod": "PERCENT_DIFFERENCE"}, "PrimaryValueDisplayType": "COMPARISON"}`),
		gauge("ranged", "", `, "GaugeChartOptions": {"ArcAxis": {"Range": {"Min": -10, "Max": 1e12}}}`),
	)
	db := sampleDB(t, ts)
	profit, revenue := sqlFloat(t, db, "SELECT sum(profit) FROM orders"), sqlFloat(t, db, "SELECT sum(revenue) FROM orders")
	type gaugeSeries struct {
		Min, Max float64
		Data     []struct{ Value float64 }
		Detail   struct{ Formatter string }
	}
	read := func(id string) gaugeSeries {
		o := rawChart(t, body, id)
		b, _ := json.Marshal(o["series"].([]any)[0])
		var g gaugeSeries
		must(t, json.Unmarshal(b, &g))
		return g
	}
	g := read("percent")
	if !near(g.Data[0].Value, math.Round(profit*100)/100) || !near(g.Max, math.Round(revenue*100)/100) || g.Min != 0 {
		t.Errorf("percent gauge: value %v of %v..%v, want %v of 0..%v", g.Data[0].Value, g.Min, g.Max, profit, revenue)
	}
	if want := formatThousands(math.Round(profit/revenue*100*100)/100) + "%"; g.Detail.Formatter != want {
		t.Errorf("percent gauge shows %q, want %q", g.Detail.Formatter, want)
	}
	if want := "-" + formatThousands(math.Round((revenue-profit)*100)/100); read("difference").Detail.Formatter != want {
		t.Errorf("difference gauge shows %q, want %q", read("difference").Detail.Formatter, want)
	}
	p := math.Round(profit*100) / 100
	for id, want := range map[string][2]float64{"untargeted": {0, p}, "untargeted-compared": {0, p}, "ranged": {-10, 1e12}} {
		g := read(id)
		if !near(g.Data[0].Value, p) || g.Min != want[0] || !near(g.Max, want[1]) || g.Detail.Formatter != formatThousands(p) {
			t.Errorf("%s gauge: value %v (%q) of %v..%v, want %v of %v..%v", id, g.Data[0].Value, g.Detail.Formatter, g.Min, g.Max, p, want[0], want[1])
		}
	}
}

// waterfallSpans returns each bar of a waterfall as its category and the
// span [low, high] it covers, read back from the stacked series (an
// invisible base, the part above zero, the part below).
func waterfallSpans(t testing.TB, o map[string]any) ([]string, [][2]float64) {
	t.Helper()
	cats := axisData(t, o, "xAxis")
	series := o["series"].([]any)
	val := func(s, i int) float64 {
		d := series[s].(map[string]any)["data"].([]any)[i]
		if m, ok := d.(map[string]any); ok {
			return m["value"].(float64)
		}
		if f, ok := d.(float64); ok {
			return f
		}
		return 0
	}
	var spans [][2]float64
	for i := range cats {
		// Positive values stack upward from the base (if positive), negative
		// ones downward from it (if negative).
		base, above, below := val(0, i), val(1, i), val(2, i)
		lo, hi := math.Inf(1), math.Inf(-1)
		if above != 0 {
			lo, hi = min(lo, max(base, 0)), max(hi, max(base, 0)+above)
		}
		if below != 0 {
			lo, hi = min(lo, min(base, 0)+below), max(hi, min(base, 0))
		}
		spans = append(spans, [2]float64{math.Round(lo*100) / 100, math.Round(hi*100) / 100})
	}
	return cats, spans
}

// wantWaterfall checks a waterfall against SQL rows of (step, value): each
// step spans the running totals before and after it, then the total.
func wantWaterfall(t *testing.T, name string, o map[string]any, rows [][]any, total string) {
	t.Helper()
	cats, spans := waterfallSpans(t, o)
	var wantCats []string
	var want [][2]float64
	running := 0.0
	for _, r := range rows {
		v := r[1].(float64)
		wantCats = append(wantCats, fmt.Sprint(r[0]))
		want = append(want, [2]float64{math.Round(min(running, running+v)*100) / 100, math.Round(max(running, running+v)*100) / 100})
		running += v
	}
	wantCats = append(wantCats, total)
	want = append(want, [2]float64{math.Round(min(0, running)*100) / 100, math.Round(max(0, running)*100) / 100})
	if fmt.Sprint(cats) != fmt.Sprint(wantCats) {
		t.Errorf("%s: categories %v, want %v", name, cats, wantCats)
	}
	for i := range want {
		if i >= len(spans) || !near(spans[i][0], want[i][0]) || !near(spans[i][1], want[i][1]) {
			t.Errorf("%s: bar %d spans %v, want %v", name, i, spans, want)
			break
		}
	}
}

// TestViewerWaterfall draws waterfalls created through the API: profit by
// sub-category (steps up and down, then the total), orders by region as
// breakdowns under a named total, and categories with breakdowns refused;
// each bar's span against running sums of SQL over the sample file.
func TestViewerWaterfall(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	waterfall := func(id, wells, options string) string {
		return fmt.Sprintf(`{"WaterfallVisual": {"VisualId": %q, "ChartConfiguration": {"FieldWells": {"WaterfallChartAggregatedFieldWells": {%s}}%s}}}`, id, wells, options)
	}
	body := visualsDashboard(t, ts, "waterfall",
		waterfall("profit", `"Categories": [{"CategoricalDimensionField": {"FieldId": "p-c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "sub_category"}}}], "Values": [`+fmt.Sprintf(sumOf, "p-v", "profit", "SUM")+`]`, ""),
		waterfall("orders", `"Breakdowns": [`+fmt.Sprintf(regionDim, "o-b")+`]`, `, "WaterfallChartOptions": {"TotalBarLabel": "All regions"}`),
		waterfall("both", `"Categories": [`+fmt.Sprintf(monthDim, "b-c")+`], "Breakdowns": [`+fmt.Sprintf(regionDim, "b-b")+`]`, ""),
	)
	rows := sqlRows(t, ts, "SELECT sub_category, sum(profit) FROM orders GROUP BY 1 ORDER BY 1")
	negative := false
	for _, r := range rows {
		negative = negative || r[1].(float64) < 0
	}
	if !negative {
		t.Fatal("no sub-category loses money: the case has no step down")
	}
	wantWaterfall(t, "profit by sub-category", rawChart(t, body, "profit"), rows, "Total")
	wantWaterfall(t, "orders by region", rawChart(t, body, "orders"), sqlRows(t, ts, "SELECT region, count(*) FROM orders GROUP BY 1 ORDER BY 1"), "All regions")
	if tl := tile(t, body, "both"); !strings.Contains(tl, "tile-unsupported") || !strings.Contains(tl, "Breakdowns together with Categories") {
		t.Errorf("both: want an unsupported tile, got\n%s", tl)
	}
}
