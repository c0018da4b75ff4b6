package e2e

// Pivot table totals (TotalOptions): row totals, column totals, the grand
// total and subtotals, each asked of SQL at its level, and collapsed row
// fields; compared with SQL over the sample file, with an average to show
// a total is not a sum of cells.

import (
	"fmt"
	"html"
	"math"
	"regexp"
	"strings"
	"testing"
)

var (
	rePivotHead = regexp.MustCompile(`(?s)<th[^>]*>(.*?)</th>`)
	rePivotRow  = regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`)
	rePivotRowH = regexp.MustCompile(`(?s)<th scope="row"[^>]*>(.*?)</th>`)
)

// pivotGrid reads a pivot tile as row headers (joined by "|") / column
// header → cell text, and its body rows' first headers in order.
func pivotGrid(t testing.TB, body, visualID string) (map[string]string, []string) {
	t.Helper()
	tl := tile(t, body, visualID)
	head, tbody, ok := strings.Cut(tl, "<tbody>")
	if !ok {
		t.Fatalf("tile %s has no pivot:\n%s", visualID, tl)
	}
	var cols []string
	for _, m := range rePivotHead.FindAllStringSubmatch(head, -1) {
		cols = append(cols, html.UnescapeString(m[1]))
	}
	grid := map[string]string{}
	var order []string
	for _, r := range rePivotRow.FindAllStringSubmatch(tbody, -1) {
		hs := rePivotRowH.FindAllStringSubmatch(r[1], -1)
		cs := reTableCell.FindAllStringSubmatch(r[1], -1)
		if len(hs) == 0 || len(hs)+len(cs) != len(cols) {
			t.Fatalf("%s: row %q does not match the columns %q", visualID, r[1], cols)
		}
		var heads []string
		for _, h := range hs {
			heads = append(heads, html.UnescapeString(h[1]))
		}
		rh := strings.Join(heads, "|")
		order = append(order, heads[0])
		for i, c := range cs {
			grid[rh+"|"+cols[len(hs)+i]] = html.UnescapeString(c[1])
		}
	}
	return grid, order
}

// withConditional adds ConditionalFormattingOptions opts to a visual
// written as {"<Kind>": {..., "ChartConfiguration": {...}}}.
func withConditional(visual, opts string) string {
	return visual[:len(visual)-2] + `, "ConditionalFormatting": {"ConditionalFormattingOptions": ` + opts + `}}}`
}

// TestViewerPivotTotals draws the average profit by region and segment
// with row totals (a column), column totals (a row, at the top, with a
// custom label) and the grand total; region subtotals within region and
// category; collapsed regions, each drawn as its group's row (also with
// CollapsedRowDimensionsVisibility HIDDEN, which the page applies); a
// collapsed column field, each segment one column; and region
// subtotals with a cell style and a conditional format scoped to values
// and subtotals.
func TestViewerPivotTotals(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	seg := `{"CategoricalDimensionField": {"FieldId": "%s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}}`
	pivot := func(id, rows, config string) string {
		return `{"PivotTableVisual": {"VisualId": "` + id + `", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {"Rows": [` + rows + `],
			"Columns": [` + fmt.Sprintf(seg, id+"-s") + `], "Values": [` + fmt.Sprintf(sumOf, id+"-v", "profit", "AVERAGE") + `]}}` + config + `}}}`
	}
	body := visualsDashboard(t, ts, "pivottotals",
		pivot("both", fmt.Sprintf(regionDim, "both-r"), `, "TotalOptions": {"RowTotalOptions": {"TotalsVisibility": "VISIBLE", "Placement": "END"},
			"ColumnTotalOptions": {"TotalsVisibility": "VISIBLE", "Placement": "START", "CustomLabel": "All regions"}}`),
		pivot("sub", fmt.Sprintf(regionDim, "sub-r")+`, {"CategoricalDimensionField": {"FieldId": "sub-c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "category"}}}`,
			`, "TotalOptions": {"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE", "FieldLevel": "ALL"}}`),
		pivot("collapsed", fmt.Sprintf(regionDim, "collapsed-r")+`, {"CategoricalDimensionField": {"FieldId": "collapsed-c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "category"}}}`, `, "FieldOptions": {"CollapseStateOptions": [{"Target": {"FieldId": "collapsed-r"}, "State": "COLLAPSED"}]}`),
		pivot("hidden", fmt.Sprintf(regionDim, "hidden-r")+`, {"CategoricalDimensionField": {"FieldId": "hidden-c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "category"}}}`,
			`, "FieldOptions": {"CollapseStateOptions": [{"Target": {"FieldId": "hidden-r"}, "State": "COLLAPSED"}]}, "TableOptions": {"CollapsedRowDimensionsVisibility": "HIDDEN"}`),
		`{"PivotTableVisual": {"VisualId": "colcollapsed", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {"Rows": [`+fmt.Sprintf(regionDim, "cc-r")+`],
			"Columns": [`+fmt.Sprintf(seg, "cc-s")+`, {"CategoricalDimensionField": {"FieldId": "cc-c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "category"}}}], "Values": [`+fmt.Sprintf(sumOf, "cc-v", "profit", "AVERAGE")+`]}},
			"FieldOptions": {"CollapseStateOptions": [{"Target": {"FieldId": "cc-s"}, "State": "COLLAPSED"}]}}}}`,
		withConditional(pivot("styled", fmt.Sprintf(regionDim, "styled-r")+`, {"CategoricalDimensionField": {"FieldId": "styled-c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "category"}}}`,
			`, "TotalOptions": {"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE", "TotalCellStyle": {"BackgroundColor": "#EEEEEE"}, "ValueCellStyle": {}}}`),
			`[{"Cell": {"FieldId": "styled-v", "Scopes": [{"Role": "FIELD"}, {"Role": "FIELD_TOTAL"}], "TextFormat": {"TextColor": {"Solid": {"Expression": "AVG({profit}) > 0", "Color": "#DE3B00"}}}}}]`),
	)
	db := sampleDB(t, ts)
	grid, order := pivotGrid(t, body, "both")
	if len(order) == 0 || order[0] != "All regions" {
		t.Fatalf("both: rows %q, want the column totals first", order)
	}
	check := func(key string, want float64) {
		t.Helper()
		got, ok := grid[key]
		if !ok {
			t.Fatalf("both: no cell %s in %v", key, grid)
		}
		if g := number(t, got); math.Abs(g-want) > 0.006 {
			t.Errorf("both: cell %s drawn %s, SQL %v", key, got, want)
		}
	}
	rows, err := db.QueryContext(t.Context(), `SELECT region, segment, avg(profit) FROM orders GROUP BY 1, 2`)
	must(t, err)
	n := 0
	for rows.Next() {
		var r, s string
		var v float64
		must(t, rows.Scan(&r, &s, &v))
		check(r+"|"+s, v)
		n++
	}
	must(t, rows.Err())
	rows.Close()
	for k, want := range queryPoints(t, db, `SELECT region, avg(profit) FROM orders GROUP BY 1`) {
		check(k+"|Total", want)
	}
	for k, want := range queryPoints(t, db, `SELECT segment, avg(profit) FROM orders GROUP BY 1`) {
		check("All regions|"+k, want)
	}
	grand := sqlFloat(t, db, `SELECT avg(profit) FROM orders`)
	check("All regions|Total", grand)
	if sumOfCells := sqlFloat(t, db, `SELECT sum(a) FROM (SELECT avg(profit) AS a FROM orders GROUP BY region)`); math.Abs(sumOfCells-grand) < 0.01 {
		t.Fatalf("the sample cannot tell an average's total from a sum")
	}
	regions, segments := int(sqlFloat(t, db, `SELECT count(DISTINCT region) FROM orders`)), int(sqlFloat(t, db, `SELECT count(DISTINCT segment) FROM orders`))
	if want := n + regions + segments + 1; len(grid) != want {
		t.Errorf("both: %d cells, want %d: the cells, row totals, column totals and grand total", len(grid), want)
	}
	bySegment := queryPoints(t, db, `SELECT region || '|' || segment, avg(profit) FROM orders GROUP BY 1`)
	for _, id := range []string{"sub", "collapsed", "hidden", "styled"} {
		grid, _ := pivotGrid(t, body, id)
		n := 0
		for k, want := range bySegment {
			region, segment, _ := strings.Cut(k, "|")
			key := region + "|Subtotal|" + segment
			got, ok := grid[key]
			if !ok {
				t.Fatalf("%s: no cell %s in %v", id, key, grid)
			}
			if g := number(t, got); math.Abs(g-want) > 0.006 {
				t.Errorf("%s: cell %s drawn %s, SQL %v", id, key, got, want)
			}
			n++
		}
		if n == 0 {
			t.Fatalf("%s: nothing compared", id)
		}
	}
	// Collapsed segment columns: one column per segment, its average.
	ccGrid, _ := pivotGrid(t, body, "colcollapsed")
	ccWant := queryPoints(t, db, `SELECT region || '|' || segment || ' / Subtotal', avg(profit) FROM orders GROUP BY 1`)
	if len(ccGrid) != len(ccWant) {
		t.Errorf("colcollapsed: %d cells, SQL has %d (one per region and segment): %v", len(ccGrid), len(ccWant), ccGrid)
	}
	for k, want := range ccWant {
		got, ok := ccGrid[k]
		if !ok {
			t.Fatalf("colcollapsed: no cell %s in %v", k, ccGrid)
		}
		if g := number(t, got); math.Abs(g-want) > 0.006 {
			t.Errorf("colcollapsed: cell %s drawn %s, SQL %v", k, got, want)
		}
	}
	// The styled pivot draws its subtotals' style and conditional format
	// (TestViewerPivotTotalStyles checks them), and names nothing.
	tl := tile(t, body, "styled")
	if strings.Contains(tl, "tile-note") {
		t.Errorf("styled: a note under the tile:\n%s", tl)
	}
	if !strings.Contains(tl, "color:#DE3B00") && !strings.Contains(tl, "#DE3B00") {
		t.Errorf("styled: the values' conditional format is not applied:\n%s", tl)
	}
	if tl := tile(t, body, "hidden"); !strings.Contains(tl, `data-pivot-hide-collapsed`) || strings.Contains(tile(t, body, "collapsed"), `data-pivot-hide-collapsed`) {
		t.Errorf("hidden: want the collapsed fields' columns hidden in the page (and only there), got\n%s", tl)
	}
	if tl := tile(t, body, "collapsed"); !strings.Contains(tl, `class="subtotal collapsed"`) || !strings.Contains(tl, "data-pivot-groups") {
		t.Errorf("collapsed: want collapsed group rows, got\n%s", tl)
	}
}
