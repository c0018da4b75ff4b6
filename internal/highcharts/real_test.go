package highcharts

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// realCase is a published chart code, the columns its field wells give it
// ("n" a number, "s" text) and what drawing it gives: "" for a chart,
// else the refusal or error it must name.
type realCase struct {
	file    string
	columns string
	groupBy int
	refused string
	// values, when set, are the numbers series[series] draws, in order:
	// where the rows' numbers land.
	series int
	values []float64
}

var realCases = []realCase{
	{"01-lipstick-column.json", "sn", 1, "", 0, []float64{20, 21, 22, 23}},
	{"02-custom-action-line.json", "sn", 1, "not valid JSON", 0, nil},
	{"03a-highlight-pointrender.json", "sn", 1, "", 0, nil},
	{"04-formatvalue-column.json", "sn", 1, "", 0, nil},
	{"05-cap-metrics-v2-cards.json", "nnnnnn", 3, "", 0, nil},
	{"06-polar-radar-test.json", "", 0, "", 0, nil},
	{"07-combine-athleticism-scatter-bubble.json", "nsssns", 6, "", 0, nil},
	{"08-radial-dial-pointrender.json", "nnnn", 4, "", 0, nil},
	{"09-queue-time-scatter-with-avg-line.json", "sns", 3, "", 1, []float64{20, 21, 22, 23}}, // the average of each category's one row
	{"10-solidgauge-progress.json", "n", 0, "", 0, []float64{10, 11, 12, 13}},
	{"11-mcp-line-sales-by-region.json", "sn", 1, "", 0, []float64{20, 21, 22, 23}},
	{"12-mcp-bubble.json", "sn", 1, "", 0, []float64{20, 21, 22, 23}},
	{"13-mcp-packedbubble.json", "sn", 1, "", 0, []float64{20, 21, 22, 23}},
	{"14-segmented-buttons-fa-board-filter.json", "nss", 3, "", 0, nil},
	{"15-position-filter-buttons-pointrender.json", "ss", 2, "", 0, nil},
	{"16-draft-picks-single-row-cards.json", "ss", 2, "", 0, nil},
	{"17-team-page-header-responsive.json", "sssssssssss", 11, "", 0, nil},
	{"18-grid-selector-pointrender.json", "sssnnns", 7, "", 0, nil},
	{"19-draft-capital-bullet-string-concat.json", "nssssnnnn", 9, "", 0, nil},
}

// realData is four rows of the given column kinds.
func realData(columns string, groupBy int) *Data {
	d := &Data{GroupBy: groupBy, Palette: []string{"#1f77b4", "#ff7f0e"}, UIColors: map[string]string{"secondaryBackground": "#f2f3f3"},
		Format: func(c int, v any) string { return "<" + text(v) + ">" }}
	for c, k := range columns {
		col := make([]any, 4)
		for r := range col {
			if k == 'n' {
				col[r] = float64(10*(c+1) + r)
			} else {
				col[r] = fmt.Sprintf("v%d.%d", c, r)
			}
		}
		d.Columns = append(d.Columns, col)
		d.Names = append(d.Names, fmt.Sprintf("column %d", c))
	}
	return d
}

// TestRealChartCodes draws every published chart code of testdata/real.
func TestRealChartCodes(t *testing.T) {
	for _, c := range realCases {
		code, err := os.ReadFile(filepath.Join("testdata", "real", c.file))
		if err != nil {
			t.Fatal(err)
		}
		ch, err := Draw(context.Background(), code, realData(c.columns, c.groupBy))
		switch {
		case c.refused != "" && (err == nil || !strings.Contains(err.Error(), c.refused)):
			t.Errorf("%s: %v, want an error saying %q", c.file, err, c.refused)
		case c.refused == "" && err != nil:
			t.Errorf("%s: %v", c.file, err)
		case err == nil:
			if _, err := json.Marshal(ch.Option); err != nil {
				t.Errorf("%s: the option does not marshal: %v", c.file, err)
			}
			if c.values != nil {
				checkValues(t, c, ch.Option)
			}
		}
	}
}

// checkValues compares the values a series draws with the case's.
func checkValues(t *testing.T, c realCase, opt map[string]any) {
	t.Helper()
	s := opt["series"].([]map[string]any)[c.series]
	var got []float64
	for _, item := range s["data"].([]any) {
		switch v := item.(map[string]any)["value"].(type) {
		case float64:
			got = append(got, v)
		case []any:
			got = append(got, v[1].(float64))
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(c.values) {
		t.Errorf("%s: series %d draws %v, want %v", c.file, c.series, got, c.values)
	}
}
