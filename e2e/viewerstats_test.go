package e2e

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
)

// seriesNumbers returns the first series' data as numbers.
func seriesNumbers(t testing.TB, o map[string]any) []float64 {
	t.Helper()
	var out []float64
	for _, d := range o["series"].([]any)[0].(map[string]any)["data"].([]any) {
		out = append(out, d.(float64))
	}
	return out
}

// goBins counts values per bin floor((v − start) / width), from the lowest
// bin with a value to the highest; with last ≥ 0 a bin index above it (the
// maximum on the top edge) counts in bin last.
func goBins(vals []float64, start, width float64, last int) []float64 {
	got := map[int]float64{}
	lo, hi := math.MaxInt, math.MinInt
	for _, v := range vals {
		i := int(math.Floor((v - start) / width))
		if last >= 0 && i > last {
			i = last
		}
		got[i]++
		lo, hi = min(lo, i), max(hi, i)
	}
	var out []float64
	for i := lo; i <= hi; i++ {
		out = append(out, got[i])
	}
	return out
}

// TestViewerHistogram draws histograms created through the API: revenue
// in bins of width 250 from 0, quantity in 7 bins over its range, and a
// width whose bins exceed the bin count limit refused; each bin's count
// against the raw values read by SQL and binned here.
func TestViewerHistogram(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	hist := func(id, column, bins string) string {
		return fmt.Sprintf(`{"HistogramVisual": {"VisualId": %q, "ChartConfiguration": {"FieldWells": {"HistogramAggregatedFieldWells": {"Values": [`+sumOf+`]}}, "BinOptions": %s}}}`,
			id, id+"-v", column, "SUM", bins)
	}
	body := visualsDashboard(t, ts, "histogram",
		hist("width", "revenue", `{"SelectedBinType": "BIN_WIDTH", "BinWidth": {"Value": 250}, "StartValue": 0}`),
		hist("count", "quantity", `{"SelectedBinType": "BIN_COUNT", "BinCount": {"Value": 7}}`),
		hist("limited", "revenue", `{"SelectedBinType": "BIN_WIDTH", "BinWidth": {"Value": 1, "BinCountLimit": 20}}`),
	)
	column := func(q string) []float64 {
		var out []float64
		for _, r := range sqlRows(t, ts, q) {
			out = append(out, r[0].(float64))
		}
		return out
	}
	revenue := column("SELECT revenue FROM orders WHERE revenue IS NOT NULL")
	o := rawChart(t, body, "width")
	want := goBins(revenue, 0, 250, -1)
	if got := seriesNumbers(t, o); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("revenue by 250: counts %v, want %v", got, want)
	}
	if cats := axisData(t, o, "xAxis"); len(cats) == 0 || cats[0] != "0 – 250" {
		t.Errorf("revenue by 250: bins %v", cats)
	}

	quantity := column("SELECT quantity FROM orders WHERE quantity IS NOT NULL")
	lo, hi := slicesMin(quantity), slicesMax(quantity)
	want = goBins(quantity, lo, (hi-lo)/7, 6)
	if got := seriesNumbers(t, rawChart(t, body, "count")); fmt.Sprint(got) != fmt.Sprint(want) || len(got) != 7 {
		t.Errorf("quantity in 7 bins: counts %v, want %v", got, want)
	}
	sum := 0.0
	for _, n := range want {
		sum += n
	}
	if sum != float64(len(quantity)) {
		t.Errorf("quantity bins hold %v values, want %d", sum, len(quantity))
	}
	if tl := tile(t, body, "limited"); !strings.Contains(tl, "tile-unsupported") || !strings.Contains(tl, "more than its limit of 20") {
		t.Errorf("limited: want an unsupported tile naming the limit, got\n%s", tl)
	}
}

func slicesMin(v []float64) float64 { s := append([]float64{}, v...); sort.Float64s(s); return s[0] }
func slicesMax(v []float64) float64 {
	s := append([]float64{}, v...)
	sort.Float64s(s)
	return s[len(s)-1]
}

// percentileCont is PERCENTILE_CONT of sorted values at fraction p.
func percentileCont(s []float64, p float64) float64 {
	x := p * float64(len(s)-1)
	i := int(math.Floor(x))
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[i] + (x-float64(i))*(s[i+1]-s[i])
}

// TestViewerBoxPlot draws a box plot of revenue by region created through
// the API, each box [min, Q1, median, Q3, max] against the values read by
// SQL and computed here; with outliers shown, whiskers at 1.5 IQR and
// the points beyond, against the same values.
func TestViewerBoxPlot(t *testing.T) {
	t.Parallel()
	// Fewer rows than the other viewer tests, a count chosen when SQLite's
	// quartiles were ranked SQL that the race detector made slow enough on a
	// loaded machine to pass the client's timeout. The sample's SQLite
	// connection now computes them with Go percentile aggregates (package
	// sqlitepct), each of which still holds and sorts its group's values.
	ts := startServer(t, withSampleRows(2_000))
	box := func(id, options string) string {
		return fmt.Sprintf(`{"BoxPlotVisual": {"VisualId": %q, "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {"GroupBy": [`+regionDim+`], "Values": [`+sumOf+`]}}%s}}}`,
			id, id+"-g", id+"-v", "revenue", "SUM", options)
	}
	body := visualsDashboard(t, ts, "boxplot",
		box("revenue", `, "BoxPlotOptions": {"OutlierVisibility": "HIDDEN"}`),
		box("outliers", `, "BoxPlotOptions": {"OutlierVisibility": "VISIBLE"}`),
	)
	byRegion := map[string][]float64{}
	for _, r := range sqlRows(t, ts, "SELECT region, revenue FROM orders WHERE revenue IS NOT NULL") {
		byRegion[r[0].(string)] = append(byRegion[r[0].(string)], r[1].(float64))
	}
	o := rawChart(t, body, "revenue")
	cats := axisData(t, o, "xAxis")
	var regions []string
	for r := range byRegion {
		regions = append(regions, r)
	}
	sort.Strings(regions)
	if fmt.Sprint(cats) != fmt.Sprint(regions) {
		t.Fatalf("groups %v, want %v", cats, regions)
	}
	boxes := o["series"].([]any)[0].(map[string]any)["data"].([]any)
	for i, r := range regions {
		s := byRegion[r]
		sort.Float64s(s)
		want := []float64{s[0], percentileCont(s, 0.25), percentileCont(s, 0.5), percentileCont(s, 0.75), s[len(s)-1]}
		got := boxes[i].([]any)
		for k := range want {
			// sqlRows rounds each value to cents; the box's statistics are
			// rounded from the engine's exact values.
			if math.Abs(got[k].(float64)-want[k]) > 0.011 {
				t.Errorf("%s: box %v, want %v", r, got, want)
				break
			}
		}
	}

	// Outliers: whiskers at the furthest values within 1.5 IQR of the box,
	// the values beyond drawn as points.
	o = rawChart(t, body, "outliers")
	series := o["series"].([]any)
	boxes = series[0].(map[string]any)["data"].([]any)
	var points []string
	for _, p := range series[1].(map[string]any)["data"].([]any) {
		points = append(points, fmt.Sprint(p))
	}
	var want []string
	for i, r := range regions {
		s := byRegion[r]
		q1, q3 := percentileCont(s, 0.25), percentileCont(s, 0.75)
		lo, hi := q1-1.5*(q3-q1), q3+1.5*(q3-q1)
		wlo, whi := math.Inf(1), math.Inf(-1)
		for _, v := range s {
			if v < lo || v > hi {
				want = append(want, fmt.Sprint([]any{r, v}))
				continue
			}
			wlo, whi = min(wlo, v), max(whi, v)
		}
		got := boxes[i].([]any)
		if math.Abs(got[0].(float64)-wlo) > 0.011 || math.Abs(got[4].(float64)-whi) > 0.011 {
			t.Errorf("%s: whiskers %v and %v, want %v and %v", r, got[0], got[4], wlo, whi)
		}
	}
	if len(want) == 0 {
		t.Fatal("the sample has no outliers to draw")
	}
	if fmt.Sprint(points) != fmt.Sprint(want) {
		t.Errorf("outliers\n got %v\nwant %v", points, want)
	}
}

// TestViewerSankey draws Sankey diagrams created through the API: orders
// from region to category (a count of records), revenue from segment to
// region, the average revenue of the three sub-categories of highest
// average and an "Other" source, and the average profit of the two regions
// of highest average profit; each flow's width against SQL over the
// sample file.
func TestViewerSankey(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	sankey := func(id, src, dst, weight string) string {
		return fmt.Sprintf(`{"SankeyDiagramVisual": {"VisualId": %[1]q, "ChartConfiguration": {"FieldWells": {"SankeyDiagramAggregatedFieldWells": {
			"Source": [{"CategoricalDimensionField": {"FieldId": "%[1]s-s", "Column": {"DataSetIdentifier": "sales", "ColumnName": %[2]q}}}],
			"Destination": [{"CategoricalDimensionField": {"FieldId": "%[1]s-d", "Column": {"DataSetIdentifier": "sales", "ColumnName": %[3]q}}}]%[4]s}}}}}`, id, src, dst, weight)
	}
	limited := func(id, src, dst, weight, sort string) string {
		v := sankey(id, src, dst, weight)
		return strings.TrimSuffix(v, "}}}") + `, "SortConfiguration": {` + sort + `}}}}`
	}
	body := visualsDashboard(t, ts, "sankey",
		sankey("orders", "region", "category", ""),
		sankey("revenue", "segment", "region", `, "Weight": [`+fmt.Sprintf(sumOf, "revenue-w", "revenue", "SUM")+`]`),
		limited("other", "sub_category", "region", `, "Weight": [`+fmt.Sprintf(sumOf, "other-w", "revenue", "AVERAGE")+`]`,
			`"SourceItemsLimit": {"ItemsLimit": 3, "OtherCategories": "INCLUDE"}`),
		limited("top", "region", "category", `, "Weight": [`+fmt.Sprintf(sumOf, "top-w", "profit", "AVERAGE")+`]`,
			`"SourceItemsLimit": {"ItemsLimit": 2, "OtherCategories": "EXCLUDE"}`),
	)
	ranked := func(col, measure string, n int) string {
		return fmt.Sprintf(`(SELECT k FROM (SELECT %[1]s AS k, row_number() OVER (ORDER BY %[2]s DESC, %[1]s) AS rk FROM orders GROUP BY 1) WHERE rk <= %[3]d)`, col, measure, n)
	}
	links := func(id string) map[string]float64 {
		out := map[string]float64{}
		for _, l := range rawChart(t, body, id)["series"].([]any)[0].(map[string]any)["links"].([]any) {
			m := l.(map[string]any)
			out[m["source"].(string)+" → "+strings.TrimSuffix(m["target"].(string), "\u200b")] = m["value"].(float64)
		}
		return out
	}
	for id, q := range map[string]string{
		"orders":  "SELECT region, category, count(*) FROM orders GROUP BY 1, 2",
		"revenue": "SELECT segment, region, sum(revenue) FROM orders GROUP BY 1, 2",
		// The three sub-categories of highest average revenue, and the
		// average of the rest's rows to each region.
		"other": "SELECT CASE WHEN sub_category IN " + ranked("sub_category", "avg(revenue)", 3) + " THEN sub_category ELSE 'Other' END, region, avg(revenue) FROM orders GROUP BY 1, 2",
		// The two regions of highest average profit (over all their
		// rows, not a sum of their flows' averages).
		"top": "SELECT region, category, avg(profit) FROM orders WHERE region IN " + ranked("region", "avg(profit)", 2) + " GROUP BY 1, 2",
	} {
		got := links(id)
		rows := sqlRows(t, ts, q)
		if len(got) != len(rows) {
			t.Errorf("%s: %d flows, want %d", id, len(got), len(rows))
		}
		for _, r := range rows {
			k := fmt.Sprint(r[0]) + " → " + fmt.Sprint(r[1])
			if v, ok := got[k]; !ok || !near(v, r[2].(float64)) {
				t.Errorf("%s: flow %s = %v, want %v", id, k, v, r[2])
			}
		}
	}
}

// TestViewerCustomContent shows custom content visuals created through
// the API: an https image, a sandboxed frame of a path on the server, a
// plain http URL refused by name, and an empty visual; the page's CSP
// lets https images and frames load.
func TestViewerCustomContent(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(100))
	content := func(id, url, typ string) string {
		return fmt.Sprintf(`{"CustomContentVisual": {"VisualId": %q, "DataSetIdentifier": "sales", "ChartConfiguration": {"ContentUrl": %q, "ContentType": %q, "ImageScaling": "FIT_TO_HEIGHT"}}}`, id, url, typ)
	}
	body := visualsDashboard(t, ts, "content",
		content("image", "https://images.example.com/logo.png", "IMAGE"),
		content("frame", "/help", "OTHER_EMBEDDED_CONTENT"),
		content("plain", "http://example.com/page", "OTHER_EMBEDDED_CONTENT"),
		`{"EmptyVisual": {"VisualId": "blank", "DataSetIdentifier": "sales"}}`,
	)
	if tl := tile(t, body, "image"); !strings.Contains(tl, `<img class="content-fit-to-height" src="https://images.example.com/logo.png"`) {
		t.Errorf("image tile:\n%s", tl)
	}
	if tl := tile(t, body, "frame"); !strings.Contains(tl, `<iframe class="content" src="/help"`) || !strings.Contains(tl, `sandbox="allow-scripts"`) {
		t.Errorf("frame tile:\n%s", tl)
	}
	if tl := tile(t, body, "plain"); !strings.Contains(tl, "tile-unsupported") || strings.Contains(tl, "<iframe") {
		t.Errorf("plain http tile:\n%s", tl)
	}
	if tl := tile(t, body, "blank"); !strings.Contains(tl, "tile-empty") {
		t.Errorf("empty visual tile:\n%s", tl)
	}
}

// TestViewerWordCloud draws a word cloud of cities by orders created
// through the API, limited to the top 5: the words, their order and values
// against SQL, the largest word the largest.
func TestViewerWordCloud(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	body := visualsDashboard(t, ts, "wordcloud", `{"WordCloudVisual": {"VisualId": "cities", "ChartConfiguration": {"FieldWells": {"WordCloudAggregatedFieldWells": {
		"GroupBy": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "city"}}}]}},
		"SortConfiguration": {"CategoryItemsLimit": {"ItemsLimit": 5, "OtherCategories": "EXCLUDE"}}}}}`)
	tl := tile(t, body, "cities")
	var want []string
	for _, r := range sqlRows(t, ts, "SELECT city, count(*) FROM orders GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5") {
		want = append(want, fmt.Sprintf(`title="%s">%s</li>`, formatCount(r[1].(float64)), r[0]))
	}
	at := 0
	for i, w := range want {
		j := strings.Index(tl[at:], w)
		if j < 0 {
			t.Fatalf("word %d %s missing or out of order in\n%s", i, w, tl)
		}
		at += j + len(w)
	}
	if !strings.Contains(tl, `style="font-size: 2.6rem" title="`+formatCount(sqlRows(t, ts, "SELECT count(*) FROM orders GROUP BY city ORDER BY 1 DESC LIMIT 1")[0][0].(float64))+`"`) {
		t.Errorf("the largest word is not the largest:\n%s", tl)
	}
}

// formatCount writes a whole number with thousands separators.
func formatCount(f float64) string {
	s := fmt.Sprintf("%.0f", f)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
