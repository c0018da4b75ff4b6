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
