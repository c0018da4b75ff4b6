package e2e

import (
	"fmt"
	"html"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var (
	rePivotTr   = regexp.MustCompile(`(?s)<tr([^>]*)>(.*?)</tr>`)
	rePivotTh   = regexp.MustCompile(`(?s)<th scope="row"([^>]*)>(.*?)</th>`)
	rePivotTd   = regexp.MustCompile(`(?s)<td([^>]*)>(.*?)</td>`)
	reHeadTh    = regexp.MustCompile(`(?s)<th([^>]*)>(.*?)</th>`)
	reStyleAttr = regexp.MustCompile(`style="([^"]*)"`)
)

// TestViewerPivotTotalStyles draws the average profit by region and
// category (rows) and segment (columns) with region subtotals and a
// totals row, each styled (the subtotal's label on grey, its values bold;
// the totals row's label blue, its values on yellow), and conditional
// formats scoped to the subtotals (red text where the group's average
// profit is above the middle of the region and segment averages) and to
// the totals (green where the segment's is above the middle of the
// segment averages): each subtotal and total cell's format against SQL
// over the sample file, its value too.
func TestViewerPivotTotalStyles(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	db := sampleDB(t, ts)
	bySub := queryPoints(t, db, `SELECT region || '|' || segment, avg(profit) FROM orders GROUP BY 1`)
	bySeg := queryPoints(t, db, `SELECT segment, avg(profit) FROM orders GROUP BY 1`)
	median := func(m map[string]float64) float64 {
		var vs []float64
		for _, v := range m {
			vs = append(vs, v)
		}
		sort.Float64s(vs)
		// Halfway between two groups, so no group sits on the line.
		return (vs[len(vs)/2-1] + vs[len(vs)/2]) / 2
	}
	subSplit, segSplit := median(bySub), median(bySeg)
	seg := `{"CategoricalDimensionField": {"FieldId": "s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}}`
	body := visualsDashboard(t, ts, "pivotstyles",
		`{"PivotTableVisual": {"VisualId": "p", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {
		  "Rows": [`+fmt.Sprintf(regionDim, "r")+`, {"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "category"}}}],
		  "Columns": [`+seg+`], "Values": [`+fmt.Sprintf(sumOf, "v", "profit", "AVERAGE")+`]}},
		  "TotalOptions": {
		    "RowSubtotalOptions": {"TotalsVisibility": "VISIBLE", "TotalCellStyle": {"BackgroundColor": "#EEEEEE"},
		      "ValueCellStyle": {"FontConfiguration": {"FontWeight": {"Name": "BOLD"}}}},
		    "ColumnTotalOptions": {"TotalsVisibility": "VISIBLE", "TotalCellStyle": {"FontConfiguration": {"FontColor": "#0000FF"}},
		      "ValueCellStyle": {"BackgroundColor": "#FFFFCC"}}}},
		  "ConditionalFormatting": {"ConditionalFormattingOptions": [
		    {"Cell": {"FieldId": "v", "Scopes": [{"Role": "FIELD_TOTAL"}], "TextFormat": {"TextColor": {"Solid": {"Expression": "AVG({profit}) > `+fmt.Sprint(subSplit)+`", "Color": "#DE3B00"}}}}},
		    {"Cell": {"FieldId": "v", "Scope": {"Role": "GRAND_TOTAL"}, "TextFormat": {"BackgroundColor": {"Solid": {"Expression": "AVG({profit}) > `+fmt.Sprint(segSplit)+`", "Color": "#00AA00"}}}}}]}}}`,
		`{"PivotTableVisual": {"VisualId": "two", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {
		  "Rows": [`+fmt.Sprintf(regionDim, "tr")+`], "Columns": [`+strings.ReplaceAll(seg, `"s"`, `"ts"`)+`],
		  "Values": [`+fmt.Sprintf(sumOf, "tv", "profit", "AVERAGE")+`, `+fmt.Sprintf(sumOf, "tw", "revenue", "SUM")+`]}},
		  "TotalOptions": {"RowTotalOptions": {"TotalsVisibility": "VISIBLE", "TotalCellStyle": {"BackgroundColor": "#EEEEEE"},
		    "MetricHeaderCellStyle": {"FontConfiguration": {"FontColor": "#0000FF"}}, "ValueCellStyle": {"VerticalTextAlignment": "TOP"}}}}}}`)
	tl := tile(t, body, "p")
	if strings.Contains(tl, "tile-note") {
		t.Errorf("a note under the tile:\n%s", tl)
	}
	head, tbody, ok := strings.Cut(tl, "<tbody>")
	if !ok {
		t.Fatalf("no pivot:\n%s", tl)
	}
	var cols []string
	for _, m := range reHeadTh.FindAllStringSubmatch(head, -1) {
		cols = append(cols, html.UnescapeString(m[2]))
	}
	styleOf := func(attrs string) string {
		if m := reStyleAttr.FindStringSubmatch(attrs); m != nil {
			return html.UnescapeString(m[1])
		}
		return ""
	}
	var subs, totals, red, green int
	for _, tr := range rePivotTr.FindAllStringSubmatch(tbody, -1) {
		hs, cs := rePivotTh.FindAllStringSubmatch(tr[2], -1), rePivotTd.FindAllStringSubmatch(tr[2], -1)
		var want func(segment string, style string) (float64, string)
		var label string
		switch {
		case strings.Contains(tr[1], `class="subtotal`):
			subs++
			region := html.UnescapeString(hs[0][2])
			label = styleOf(hs[1][1])
			if label != "background-color: #EEEEEE;" {
				t.Errorf("subtotal %s: label style %q", region, label)
			}
			want = func(segment, style string) (float64, string) {
				v := bySub[region+"|"+segment]
				look := "font-weight: bold;"
				if v > subSplit {
					look += "color: #DE3B00;"
					red++
				}
				return v, look
			}
		case strings.Contains(tr[1], `class="total"`):
			totals++
			if label = styleOf(hs[0][1]); label != "color: #0000FF;" {
				t.Errorf("totals row: label style %q", label)
			}
			want = func(segment, style string) (float64, string) {
				v := bySeg[segment]
				look := "background-color: #FFFFCC;"
				if v > segSplit {
					look += "background-color: #00AA00;"
					green++
				}
				return v, look
			}
		default:
			for _, c := range cs {
				if s := styleOf(c[1]); s != "" {
					t.Errorf("a value cell styled %q: %s", s, tr[2])
				}
			}
			continue
		}
		for i, c := range cs {
			segment := cols[len(hs)+i]
			v, look := want(segment, "")
			if got := number(t, html.UnescapeString(c[2])); got-v > 0.006 || v-got > 0.006 {
				t.Errorf("%s / %s: %v, SQL %v", hs[0][2], segment, got, v)
			}
			if s := styleOf(c[1]); s != look {
				t.Errorf("%s / %s (%v): style %q, want %q", hs[0][2], segment, v, s, look)
			}
		}
	}
	// A pivot of two measures heads each measure of its totals column:
	// the label's style, the metric header's over it; the values, each
	// region's total against SQL, take the values' style.
	tl2 := tile(t, body, "two")
	if strings.Contains(tl2, "tile-note") {
		t.Errorf("two: a note under the tile:\n%s", tl2)
	}
	head2, tbody2, _ := strings.Cut(tl2, "<tbody>")
	var heads2 []string
	headed := 0
	for _, m := range reHeadTh.FindAllStringSubmatch(head2, -1) {
		name := html.UnescapeString(m[2])
		heads2 = append(heads2, name)
		if strings.HasPrefix(name, "Total · ") {
			headed++
			if st := styleOf(m[1]); st != "background-color: #EEEEEE;color: #0000FF;" {
				t.Errorf("two: header %q styled %q", name, st)
			}
		} else if styleOf(m[1]) != "" {
			t.Errorf("two: header %q styled", name)
		}
	}
	if headed != 2 {
		t.Fatalf("two: headers %q, want a totals column per measure", heads2)
	}
	avgBy := queryPoints(t, db, `SELECT region, avg(profit) FROM orders GROUP BY 1`)
	sumBy := queryPoints(t, db, `SELECT region, sum(revenue) FROM orders GROUP BY 1`)
	for _, tr := range rePivotTr.FindAllStringSubmatch(tbody2, -1) {
		hs, cs := rePivotTh.FindAllStringSubmatch(tr[2], -1), rePivotTd.FindAllStringSubmatch(tr[2], -1)
		region := html.UnescapeString(hs[0][2])
		for i, c := range cs {
			name := heads2[len(hs)+i]
			look := ""
			if strings.HasPrefix(name, "Total · ") {
				look = "vertical-align: top;"
				want := avgBy[region]
				if i == len(cs)-1 {
					want = sumBy[region]
				}
				if got := number(t, html.UnescapeString(c[2])); got-want > 0.006 || want-got > 0.006 {
					t.Errorf("two: %s / %s: %v, SQL %v", region, name, got, want)
				}
			}
			if st := styleOf(c[1]); st != look {
				t.Errorf("two: %s / %s styled %q, want %q", region, name, st, look)
			}
		}
	}
	if subs == 0 || totals != 1 || red == 0 || red == len(bySub) || green == 0 || green == len(bySeg) {
		t.Errorf("%d subtotal rows, %d totals rows, %d red of %d, %d green of %d: the test cannot tell", subs, totals, red, len(bySub), green, len(bySeg))
	}
}
