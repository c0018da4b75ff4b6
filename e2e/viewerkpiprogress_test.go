package e2e

// A KPI's progress bar toward its target (KPIOptions.ProgressBar): the
// value in percent of the target, compared with SQL over the sample file.

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var reKPIProgress = regexp.MustCompile(`<progress max="100" value="([^"]*)"[^>]*>([^<]*)</progress>`)

// TestViewerKPIProgressBar draws the profit KPI's progress toward a
// revenue target, its bar filled to that percent, and no bar when the
// ProgressBar is HIDDEN or the KPI has no target.
func TestViewerKPIProgressBar(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	kpi := func(id, options string, target bool) string {
		wells := `"Values": [` + fmt.Sprintf(sumOf, id+"-v", "profit", "SUM") + `]`
		if target {
			wells += `, "TargetValues": [` + fmt.Sprintf(sumOf, id+"-t", "revenue", "SUM") + `]`
		}
		return `{"KPIVisual": {"VisualId": "` + id + `", "ChartConfiguration": {"FieldWells": {` + wells + `}, "KPIOptions": ` + options + `}}}`
	}
	body := visualsDashboard(t, ts, "progress",
		kpi("shown", `{"ProgressBar": {"Visibility": "VISIBLE"}}`, true),
		kpi("hidden", `{"ProgressBar": {"Visibility": "HIDDEN"}}`, true),
		kpi("untargeted", `{"ProgressBar": {"Visibility": "VISIBLE"}}`, false),
	)
	db := sampleDB(t, ts)
	want := sqlFloat(t, db, `SELECT 100.0 * sum(profit) / sum(revenue) FROM orders`)
	m := reKPIProgress.FindStringSubmatch(tile(t, body, "shown"))
	if m == nil {
		t.Fatalf("shown: no progress bar in\n%s", tile(t, body, "shown"))
	}
	fill, err := strconv.ParseFloat(m[1], 64)
	must(t, err)
	if math.Abs(fill-want) > 0.006 || math.Abs(number(t, strings.TrimSuffix(m[2], "%"))-want) > 0.006 {
		t.Errorf("shown: progress %s (bar %s), SQL %v%%", m[2], m[1], want)
	}
	for _, id := range []string{"hidden", "untargeted"} {
		if strings.Contains(tile(t, body, id), "<progress") {
			t.Errorf("%s: a progress bar is drawn", id)
		}
	}
}

var reSparkline = regexp.MustCompile(`<svg class="kpi-sparkline"[^>]*data-values="([^"]*)"`)

// TestViewerKPISparkline draws a KPI's trend group as a sparkline: the
// revenue of every month, oldest first, compared with SQL; a HIDDEN
// sparkline is not drawn.
func TestViewerKPISparkline(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	kpi := func(id, visibility string) string {
		return `{"KPIVisual": {"VisualId": "` + id + `", "ChartConfiguration": {"FieldWells": {"Values": [` + fmt.Sprintf(sumOf, id+"-v", "revenue", "SUM") + `],
			"TrendGroups": [` + fmt.Sprintf(monthDim, id+"-m") + `]}, "KPIOptions": {"Sparkline": {"Visibility": "` + visibility + `", "Type": "AREA"}}}}}`
	}
	body := visualsDashboard(t, ts, "sparkline", kpi("shown", "VISIBLE"), kpi("hidden", "HIDDEN"))
	db := sampleDB(t, ts)
	m := reSparkline.FindStringSubmatch(tile(t, body, "shown"))
	if m == nil {
		t.Fatalf("shown: no sparkline in\n%s", tile(t, body, "shown"))
	}
	got := strings.Split(m[1], ",")
	rows, err := db.QueryContext(t.Context(), `SELECT sum(revenue) FROM orders GROUP BY substr(order_date, 1, 7) ORDER BY substr(order_date, 1, 7)`)
	must(t, err)
	defer rows.Close()
	var want []float64
	for rows.Next() {
		var f float64
		must(t, rows.Scan(&f))
		want = append(want, f)
	}
	must(t, rows.Err())
	if len(got) != len(want) || len(want) < 3 {
		t.Fatalf("shown: %d periods drawn, SQL %d", len(got), len(want))
	}
	for i := range want {
		if g := number(t, got[i]); math.Abs(g-want[i]) > 1e-6*math.Max(1, math.Abs(want[i])) {
			t.Errorf("shown: period %d drawn %v, SQL %v", i, g, want[i])
		}
	}
	if last := kpiValue(t, body, "shown"); math.Abs(last-math.Round(want[len(want)-1]*100)/100) > 0.006 {
		t.Errorf("shown: the KPI %v is not the sparkline's last period %v", last, want[len(want)-1])
	}
	if strings.Contains(tile(t, body, "hidden"), "kpi-sparkline") {
		t.Errorf("hidden: a sparkline is drawn")
	}
}

// TestViewerKPITrendSort draws KPIs whose trend group is sorted by its
// column, newest first, with a later sort that cannot reorder the
// periods: the latest month's revenue, against SQL over the sample file.
// A trend sorted oldest first is refused by name.
func TestViewerKPITrendSort(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	kpi := func(id, sorts string) string {
		return `{"KPIVisual": {"VisualId": "` + id + `", "ChartConfiguration": {"FieldWells": {"Values": [` + fmt.Sprintf(sumOf, id+"-v", "revenue", "SUM") + `],
			"TrendGroups": [` + fmt.Sprintf(monthDim, id+"-m") + `]}, "SortConfiguration": {"TrendGroupSort": [` + sorts + `]}}}}`
	}
	column := func(dir string) string {
		return `{"ColumnSort": {"SortBy": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}, "Direction": "` + dir + `"}}`
	}
	body := visualsDashboard(t, ts, "trendsort",
		kpi("by-column", column("DESC")+`, {"FieldSort": {"FieldId": "by-column-v", "Direction": "ASC"}}`),
		kpi("oldest-first", column("ASC")))
	db := sampleDB(t, ts)
	want := sqlFloat(t, db, "SELECT sum(revenue) FROM orders WHERE substr(order_date, 1, 7) = (SELECT max(substr(order_date, 1, 7)) FROM orders)")
	if total := sqlFloat(t, db, "SELECT sum(revenue) FROM orders"); want == total {
		t.Fatal("one month of data: the test tests nothing")
	}
	if got := kpiValue(t, body, "by-column"); !near(got, math.Round(want*100)/100) {
		t.Errorf("by-column: KPI %v, SQL %v", got, want)
	}
	if tl := tile(t, body, "oldest-first"); !strings.Contains(tl, "tile-unsupported") || !strings.Contains(tl, "TrendGroupSort other than the trend field descending") {
		t.Errorf("oldest-first: want an unsupported tile, got\n%s", tl)
	}
}
