package viewer_test

import (
	"database/sql"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/viewer"
)

// sqlOrder answers query as its first column's values, as text, in order.
func sqlOrder(t *testing.T, db *sql.DB, query string) []string {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		var rest any
		if err := rows.Scan(&s, &rest); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// drawnRowGroups reads the distinct values of row header d, in the order
// drawn, of the rows whose headers before d are under.
func drawnRowGroups(pv *viewer.Pivot, d int, under ...string) []string {
	var out []string
	for _, r := range pv.Rows {
		if r.Total || r.Group > 0 || !slices.Equal(r.Headers[:d], under) {
			continue
		}
		if len(out) == 0 || out[len(out)-1] != r.Headers[d] {
			out = append(out, r.Headers[d])
		}
	}
	return out
}

// drawnColumnGroups reads the distinct values before the first " / " or
// " · " of the column headers, in the order drawn.
func drawnColumnGroups(pv *viewer.Pivot) []string {
	var out []string
	for _, c := range pv.Columns {
		c, _, _ = strings.Cut(c, " · ")
		c, _, _ = strings.Cut(c, " / ")
		if len(out) == 0 || out[len(out)-1] != c {
			out = append(out, c)
		}
	}
	return out
}

func pivotSortOf(field, by, dir string) string {
	return `{"FieldId": "` + field + `", "SortBy": {"Field": {"FieldId": "` + by + `", "Direction": "` + dir + `"}}}`
}

// TestPivotOrder orders a pivot's rows and columns by a measure, by
// themselves and by another column's aggregate, each against SQL.
func TestPivotOrder(t *testing.T) {
	sortCfg := func(opts ...string) string {
		return `, "SortConfiguration": {"FieldSortOptions": [` + strings.Join(opts, ", ") + `]}`
	}
	render, db := pivotFixture(t, `[`+
		pivotVisual("rows-by-sum", pRegion+`, `+pCat, pSegment, pSum, sortCfg(pivotSortOf("region", "rev", "DESC"), pivotSortOf("category", "rev", "ASC")))+`, `+
		pivotVisual("cols-by-sum", pRegion, pSegment, pSum, sortCfg(pivotSortOf("segment", "rev", "DESC")))+`, `+
		pivotVisual("cols-desc", pRegion, pSegment, pSum, sortCfg(pivotSortOf("segment", "segment", "DESC")))+`, `+
		pivotVisual("by-column", pRegion, pSegment, pSum, sortCfg(`{"FieldId": "region", "SortBy": {"Column": {"SortBy": {"DataSetIdentifier": "sales", "ColumnName": "city"}, "Direction": "DESC", "AggregationFunction": {"CategoricalAggregationFunction": "DISTINCT_COUNT"}}}}`))+`, `+
		pivotVisual("with-subtotals", pRegion+`, `+pCat, pSegment, pCities, sortCfg(pivotSortOf("region", "cities", "ASC"))+`, "TotalOptions": {"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE"}, "RowTotalOptions": {"TotalsVisibility": "VISIBLE"}}`)+`, `+
		pivotVisual("data-path", pRegion, pSegment, pSum, sortCfg(`{"FieldId": "region", "SortBy": {"DataPath": {"Direction": "DESC", "SortPaths": [{"FieldId": "rev", "FieldValue": "rev"}]}}}`))+`]`)

	tl := render("rows-by-sum")
	orderEq(t, "regions by their sum, descending", drawnRowGroups(tl.Pivot, 0),
		sqlOrder(t, db, `SELECT region, sum(revenue) FROM orders GROUP BY 1 ORDER BY 2 DESC, 1`))
	for _, region := range drawnRowGroups(tl.Pivot, 0) {
		orderEq(t, region+": categories by their sum, ascending", drawnRowGroups(tl.Pivot, 1, region),
			sqlOrder(t, db, `SELECT category, sum(revenue) FROM orders WHERE region = '`+region+`' GROUP BY 1 ORDER BY 2, 1`))
	}
	// The cells follow their rows and columns.
	cells := pivotCells(tl.Pivot)
	for k, want := range sqlGrid(t, db, `SELECT region, category, segment, sum(revenue) FROM orders GROUP BY 1, 2, 3`) {
		if got, ok := drawnNumber(t, cells[k]); !ok || !near(got, want) {
			t.Errorf("rows-by-sum %s: drawn %q, SQL %v", k, cells[k], want)
		}
	}
	orderEq(t, "notes", tl.Notes, []string(nil))

	orderEq(t, "segments by their sum, descending", drawnColumnGroups(render("cols-by-sum").Pivot),
		sqlOrder(t, db, `SELECT segment, sum(revenue) FROM orders GROUP BY 1 ORDER BY 2 DESC, 1`))
	orderEq(t, "segments descending", drawnColumnGroups(render("cols-desc").Pivot),
		sqlOrder(t, db, `SELECT segment, 0 FROM orders GROUP BY 1 ORDER BY 1 DESC`))
	orderEq(t, "regions by their cities, descending", drawnRowGroups(render("by-column").Pivot, 0),
		sqlOrder(t, db, `SELECT region, count(DISTINCT city) FROM orders GROUP BY 1 ORDER BY 2 DESC, 1`))

	// Subtotals follow their groups, and are still SQL's.
	tl = render("with-subtotals")
	orderEq(t, "regions by their cities with subtotals", drawnRowGroups(tl.Pivot, 0),
		sqlOrder(t, db, `SELECT region, count(DISTINCT city) FROM orders GROUP BY 1 ORDER BY 2, 1`))
	region := ""
	for _, r := range tl.Pivot.Rows {
		switch {
		case r.Total:
		case r.Group == 0 && region != "" && r.Headers[0] != region:
			t.Fatalf("the rows of %s end without its subtotal: %v", region, r.Headers)
		case r.Group == 0:
			region = r.Headers[0]
		case r.Headers[0] != region:
			t.Fatalf("subtotal %v under the rows of %s", r.Headers, region)
		default:
			region = ""
		}
	}
	cells = pivotCells(tl.Pivot)
	for k, want := range sqlGrid(t, db, `SELECT region, segment, count(DISTINCT city) FROM orders GROUP BY 1, 2`) {
		region, segment, _ := strings.Cut(k, "|")
		key := region + "|Subtotal|" + segment
		if got, ok := drawnNumber(t, cells[key]); !ok || !near(got, want) {
			t.Errorf("with-subtotals %s: drawn %q, SQL %v", key, cells[key], want)
		}
	}

	tl = render("data-path")
	orderEq(t, "a data path sort is named", len(tl.Notes), 1)
	if len(tl.Notes) == 1 && !strings.Contains(tl.Notes[0], "a sort by a data path") {
		t.Errorf("note %q", tl.Notes[0])
	}
	orderEq(t, "rows in their own order", drawnRowGroups(tl.Pivot, 0),
		sqlOrder(t, db, `SELECT region, 0 FROM orders GROUP BY 1 ORDER BY 1`))
}

func orderEq(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %#v\nwant %#v", what, got, want)
	}
}
