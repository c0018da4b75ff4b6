package e2e

// A table whose TableOptions ask Orientation HORIZONTAL is drawn turned:
// a line per field, headed by the field, a column per row.

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

var reLineHead = regexp.MustCompile(`(?s)<th scope="row"[^>]*>(.*?)</th>`)

func TestViewerHorizontalTable(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	body := visualsDashboard(t, ts, "horizontal", `{"TableVisual": {"VisualId": "h", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {
		"GroupBy": [`+fmt.Sprintf(regionDim, "h-r")+`], "Values": [`+fmt.Sprintf(sumOf, "h-v", "revenue", "SUM")+`]}},
		"SortConfiguration": {"RowSort": [{"FieldSort": {"FieldId": "h-r", "Direction": "ASC"}}]},
		"TableOptions": {"Orientation": "HORIZONTAL"}}}}`)
	tl := tile(t, body, "h")
	if !strings.Contains(tl, `<table class="horizontal">`) || strings.Contains(tl, "<thead>") || strings.Contains(tl, "not yet supported") {
		t.Fatalf("not a turned table:\n%s", tl)
	}
	lines := tableCells(t, body, "h")
	heads := reLineHead.FindAllStringSubmatch(tl, -1)
	if len(lines) != 2 || len(heads) != 2 || heads[0][1] != "region" || heads[1][1] != "Sum of revenue" {
		t.Fatalf("lines %v heads %v", lines, heads)
	}
	var regions []string
	var sums []float64
	for _, r := range sqlRows(t, ts, "SELECT region, sum(revenue) FROM orders GROUP BY 1 ORDER BY 1") {
		regions = append(regions, fmt.Sprint(r[0]))
		sums = append(sums, r[1].(float64))
	}
	if strings.Join(lines[0], "|") != strings.Join(regions, "|") {
		t.Errorf("regions %v, SQL %v", lines[0], regions)
	}
	for i, s := range lines[1] {
		if i >= len(sums) || !near(drawnNumber(t, s), sums[i]) {
			t.Errorf("sum %d %q, SQL %v", i, s, sums)
		}
	}
}
