package viewer_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/viewer"
)

// pivotFixture is sampleFixture for pivot visuals.
func pivotFixture(t *testing.T, vs string) (func(id string) *viewer.Tile, *sql.DB) {
	t.Helper()
	render, db := sampleFixture(t, vs)
	return func(id string) *viewer.Tile {
		t.Helper()
		tl := render(id)
		if tl.Pivot == nil {
			t.Fatalf("%s: %+v", id, tl)
		}
		return tl
	}, db
}

// sampleFixture renders the visuals vs (a JSON array) of one sheet over
// a sample of 3,000 orders and opens the sample's SQLite file for the
// expected values.
func sampleFixture(t *testing.T, vs string) (func(id string) *viewer.Tile, *sql.DB) {
	t.Helper()
	_, run, dir := sampleAppRows(t, false, 3000)
	def, err := definition.Parse([]byte(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sample-sales"}],
		"Sheets": [{"SheetId": "s", "Name": "Pivots", "Visuals": ` + vs + `}]}`))
	if err != nil {
		t.Fatal(err)
	}
	v := viewer.New(def, nil, time.Time{})
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, app.SampleFile)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return func(id string) *viewer.Tile {
		t.Helper()
		s := v.RenderVisuals(context.Background(), "s", []string{id}, run, 1)
		if len(s.Tiles) != 1 {
			t.Fatalf("%s: %+v", id, s.Tiles)
		}
		return s.Tiles[0]
	}, db
}

// sqlGrid answers query (its last column a number, the others its key)
// as key (the other columns joined by "|") → value.
func sqlGrid(t *testing.T, db *sql.DB, query string) map[string]float64 {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	out := map[string]float64{}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var key []string
		for _, v := range vals[:len(vals)-1] {
			key = append(key, fmt.Sprint(v))
		}
		f, _ := strconv.ParseFloat(fmt.Sprint(vals[len(vals)-1]), 64)
		out[strings.Join(key, "|")] = f
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("no rows: %s", query)
	}
	return out
}

// drawnNumber reads a drawn cell; ok false for a blank one.
func drawnNumber(t *testing.T, s string) (float64, bool) {
	t.Helper()
	if s == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		t.Fatalf("cell %q: %v", s, err)
	}
	return f, true
}

// near reports whether a drawn (rounded to cents) value is want.
func near(got, want float64) bool { return math.Abs(got-want) <= 0.0051+1e-9*math.Abs(want) }

// pivotCells reads a pivot as (row headers joined by "|") + "|" + column
// header → cell text, for every row drawn or hidden.
func pivotCells(pv *viewer.Pivot) map[string]string {
	out := map[string]string{}
	for _, r := range pv.Rows {
		for i, c := range r.Cells {
			out[strings.Join(r.Headers, "|")+"|"+pv.Columns[i]] = c.Text
		}
	}
	return out
}

const (
	pRegion  = `{"CategoricalDimensionField": {"FieldId": "region", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}`
	pCat     = `{"CategoricalDimensionField": {"FieldId": "category", "Column": {"DataSetIdentifier": "sales", "ColumnName": "category"}}}`
	pSegment = `{"CategoricalDimensionField": {"FieldId": "segment", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}}`
	pSum     = `{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}`
	pAvg     = `{"NumericalMeasureField": {"FieldId": "avg", "Column": {"DataSetIdentifier": "sales", "ColumnName": "profit"}, "AggregationFunction": {"SimpleNumericalAggregation": "AVERAGE"}}}`
	pCities  = `{"CategoricalMeasureField": {"FieldId": "cities", "Column": {"DataSetIdentifier": "sales", "ColumnName": "city"}, "AggregationFunction": "DISTINCT_COUNT"}}`
)

// pivotVisual is a pivot visual over the sample.
func pivotVisual(id, rows, cols, values, extra string) string {
	return `{"PivotTableVisual": {"VisualId": "` + id + `", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {"Rows": [` + rows + `], "Columns": [` + cols + `], "Values": [` + values + `]}}` + extra + `}}}`
}

// TestPivotSubtotals draws row subtotals (region within region and
// category) of a sum, an average and a distinct count by segment, with
// the row totals column and the column totals row, and column subtotals
// (segment within segment and category) of an average: every subtotal
// equals SQL grouped at its level, and the average's and distinct count's
// subtotals are not the sums or averages of their cells.
func TestPivotSubtotals(t *testing.T) {
	render, db := pivotFixture(t, `[`+
		pivotVisual("rowsub", pRegion+`, `+pCat, pSegment, pSum+`, `+pAvg+`, `+pCities, `, "TotalOptions": {
			"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE", "FieldLevel": "ALL", "CustomLabel": "Region total"},
			"RowTotalOptions": {"TotalsVisibility": "VISIBLE"}, "ColumnTotalOptions": {"TotalsVisibility": "VISIBLE", "Placement": "END"}}`)+`, `+
		pivotVisual("colsub", pRegion, pSegment+`, `+pCat, pAvg, `, "TotalOptions": {"ColumnSubtotalOptions": {"TotalsVisibility": "VISIBLE", "FieldLevel": "CUSTOM", "FieldLevelOptions": [{"FieldId": "segment"}]}}`)+`]`)

	tl := render("rowsub")
	if tl.Kind != viewer.TilePivot {
		t.Fatalf("rowsub: %s %s", tl.Kind, tl.Message)
	}
	pv := tl.Pivot
	cells := pivotCells(pv)
	measures := map[string]string{"Sum of revenue": "sum(revenue)", "Average of profit": "avg(profit)", "Distinct count of city": "count(DISTINCT city)"}
	labels := map[string]string{}
	for _, c := range pv.Columns {
		for label := range measures {
			if strings.HasSuffix(c, " · "+label) {
				labels[label] = label
			}
		}
	}
	if len(labels) != len(measures) {
		t.Fatalf("columns %q: want the measures %v", pv.Columns, measures)
	}
	checked := 0
	check := func(key string, want float64) {
		t.Helper()
		got, ok := drawnNumber(t, cells[key])
		if !ok || !near(got, want) {
			t.Errorf("rowsub %s: drawn %q, SQL %v", key, cells[key], want)
		}
		checked++
	}
	for label, agg := range measures {
		for k, want := range sqlGrid(t, db, `SELECT region, segment, `+agg+` FROM orders GROUP BY 1, 2`) {
			region, segment, _ := strings.Cut(k, "|")
			check(region+"|Region total|"+segment+" · "+label, want)
		}
		for region, want := range sqlGrid(t, db, `SELECT region, `+agg+` FROM orders GROUP BY 1`) {
			check(region+"|Region total|Total · "+label, want)
		}
		for k, want := range sqlGrid(t, db, `SELECT region, category, segment, `+agg+` FROM orders GROUP BY 1, 2, 3`) {
			p := strings.Split(k, "|")
			check(p[0]+"|"+p[1]+"|"+p[2]+" · "+label, want)
		}
	}
	// A subtotal that summed its cells would be wrong for the average and
	// the distinct count: the sample must tell them apart.
	sumOfCells := sqlGrid(t, db, `SELECT region, sum(a) FROM (SELECT region, category, count(DISTINCT city) AS a FROM orders GROUP BY 1, 2) GROUP BY 1`)
	distinct := sqlGrid(t, db, `SELECT region, count(DISTINCT city) FROM orders GROUP BY 1`)
	for r, want := range distinct {
		if near(sumOfCells[r], want) {
			t.Fatalf("region %s: the distinct count of cities equals the sum over categories (%v)", r, want)
		}
	}
	// Each region's subtotal row follows its categories; the totals row
	// is last.
	var order []string
	for _, r := range pv.Rows {
		order = append(order, strings.Join(r.Headers, "|"))
	}
	regions := sqlGrid(t, db, `SELECT region, count(DISTINCT category) FROM orders GROUP BY 1`)
	for i, r := range pv.Rows {
		if r.Group == 1 && (i == 0 || pv.Rows[i-1].Headers[0] != r.Headers[0] || pv.Rows[i-1].Group != 0) {
			t.Errorf("subtotal row %d %q does not follow its region's rows: %q", i, r.Headers, order)
		}
	}
	if last := pv.Rows[len(pv.Rows)-1]; !last.Total || last.Headers[0] != "Total" {
		t.Errorf("last row %+v, want the totals row", last)
	}
	cats := 0
	for _, n := range regions {
		cats += int(n)
	}
	if want := cats + len(regions) + 1; len(pv.Rows) != want {
		t.Errorf("%d rows, want %d (each region's categories and subtotal, the totals row): %q", len(pv.Rows), want, order)
	}

	tl = render("colsub")
	if tl.Kind != viewer.TilePivot {
		t.Fatalf("colsub: %s %s", tl.Kind, tl.Message)
	}
	cells = pivotCells(tl.Pivot)
	subs := 0
	for k, want := range sqlGrid(t, db, `SELECT region, segment, avg(profit) FROM orders GROUP BY 1, 2`) {
		region, segment, _ := strings.Cut(k, "|")
		key := region + "|" + segment + " / Subtotal"
		got, ok := drawnNumber(t, cells[key])
		if !ok || !near(got, want) {
			t.Errorf("colsub %s: drawn %q, SQL %v", key, cells[key], want)
		}
		subs++
	}
	// Each segment's subtotal column follows its categories' columns.
	for i, c := range tl.Pivot.Columns {
		if seg, ok := strings.CutSuffix(c, " / Subtotal"); ok && (i == 0 || !strings.HasPrefix(tl.Pivot.Columns[i-1], seg+" / ")) {
			t.Errorf("column %d %q does not follow its segment's columns: %q", i, c, tl.Pivot.Columns)
		}
	}
	if subs == 0 || checked == 0 {
		t.Fatal("nothing compared")
	}
}

// TestPivotSubtotalFunctions draws subtotals with the
// TotalAggregationFunction SUM of an average (the sum of the drawn
// averages, as QuickSight's total function asks), MAX of a sum and NONE:
// each equals SQL over the cells; the default is SQL at the level.
func TestPivotSubtotalFunctions(t *testing.T) {
	render, db := pivotFixture(t, `[`+pivotVisual("fn", pRegion+`, `+pCat, pSegment, pAvg+`, `+pSum+`, `+pCities, `, "TotalOptions": {
		"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE"},
		"ColumnTotalOptions": {"TotalsVisibility": "HIDDEN", "TotalAggregationOptions": [
			{"FieldId": "avg", "TotalAggregationFunction": {"SimpleTotalAggregationFunction": "SUM"}},
			{"FieldId": "rev", "TotalAggregationFunction": {"SimpleTotalAggregationFunction": "MAX"}},
			{"FieldId": "cities", "TotalAggregationFunction": {"SimpleTotalAggregationFunction": "NONE"}}]}}`)+`]`)
	tl := render("fn")
	if tl.Kind != viewer.TilePivot {
		t.Fatalf("fn: %s %s", tl.Kind, tl.Message)
	}
	cells := pivotCells(tl.Pivot)
	for label, q := range map[string]string{
		"Average of profit": `SELECT region, segment, sum(a) FROM (SELECT region, category, segment, avg(profit) AS a FROM orders GROUP BY 1, 2, 3) GROUP BY 1, 2`,
		"Sum of revenue":    `SELECT region, segment, max(a) FROM (SELECT region, category, segment, sum(revenue) AS a FROM orders GROUP BY 1, 2, 3) GROUP BY 1, 2`,
	} {
		for k, want := range sqlGrid(t, db, q) {
			region, segment, _ := strings.Cut(k, "|")
			key := region + "|Subtotal|" + segment + " · " + label
			if got, ok := drawnNumber(t, cells[key]); !ok || !near(got, want) {
				t.Errorf("%s: drawn %q, SQL %v", key, cells[key], want)
			}
		}
	}
	for k := range sqlGrid(t, db, `SELECT region, segment, 1 FROM orders GROUP BY 1, 2`) {
		region, segment, _ := strings.Cut(k, "|")
		if key := region + "|Subtotal|" + segment + " · Distinct count of city"; cells[key] != "" {
			t.Errorf("%s: drawn %q, want blank (NONE)", key, cells[key])
		}
	}
}

// TestPivotCollapsed collapses every region but one (a field-wide
// state, and an EXPANDED data path for the one): a collapsed region is
// drawn as one row holding SQL's aggregate of the region, its category
// rows are drawn hidden for the browser's toggle, and the expanded
// region's rows are drawn with its group row hidden (no subtotals).
func TestPivotCollapsed(t *testing.T) {
	states := `, "FieldOptions": {"CollapseStateOptions": [
		{"Target": {"FieldId": "region"}, "State": "COLLAPSED"},
		{"Target": {"FieldId": "region", "FieldDataPathValues": [{"FieldId": "region", "FieldValue": "Europe"}]}, "State": "EXPANDED"}]}`
	render, db := pivotFixture(t, `[`+pivotVisual("col", pRegion+`, `+pCat, pSegment, pAvg, states)+`,`+
		pivotVisual("hid", pRegion+`, `+pCat, pSegment, pAvg, states+`, "TableOptions": {"CollapsedRowDimensionsVisibility": "HIDDEN"}`)+`]`)
	tl := render("col")
	if tl.Kind != viewer.TilePivot {
		t.Fatalf("col: %s %s", tl.Kind, tl.Message)
	}
	pv := tl.Pivot
	if !pv.Groups || pv.HideCollapsed {
		t.Fatalf("the pivot has no groups for the browser (%v), or hides collapsed fields (%v)", pv.Groups, pv.HideCollapsed)
	}
	// CollapsedRowDimensionsVisibility HIDDEN changes no cell: the page
	// hides the columns of collapsed fields.
	if hid := render("hid"); hid.Kind != viewer.TilePivot || !hid.Pivot.HideCollapsed || fmt.Sprint(pivotCells(hid.Pivot)) != fmt.Sprint(pivotCells(pv)) {
		t.Errorf("hid: %s %s, hides collapsed fields: %v", hid.Kind, hid.Message, hid.Pivot != nil && hid.Pivot.HideCollapsed)
	}
	want := sqlGrid(t, db, `SELECT region, segment, avg(profit) FROM orders GROUP BY 1, 2`)
	if _, ok := want["Europe|Consumer"]; !ok {
		t.Fatalf("the sample has no Europe region: %v", want)
	}
	seen := map[string]bool{}
	for _, r := range pv.Rows {
		var path []string
		if err := json.Unmarshal([]byte(r.Path), &path); err != nil {
			t.Fatalf("row %q path %q: %v", r.Headers, r.Path, err)
		}
		region := r.Headers[0]
		switch {
		case r.Group == 1:
			if r.Collapsed != (region != "Europe") || r.Hidden != (region == "Europe") {
				t.Errorf("group row %s: collapsed %v, hidden %v", region, r.Collapsed, r.Hidden)
			}
			for i, c := range r.Cells {
				key := region + "|" + pv.Columns[i]
				got, ok := drawnNumber(t, c.Text)
				if w, has := want[key]; !has || !ok || !near(got, w) {
					t.Errorf("group %s: drawn %q, SQL %v", key, c.Text, w)
				}
				seen[key] = true
			}
		case r.Group == 0 && r.Hidden != (region != "Europe"):
			t.Errorf("row %q hidden %v", r.Headers, r.Hidden)
		}
	}
	if len(seen) != len(want) {
		t.Errorf("%d group cells compared, SQL has %d", len(seen), len(want))
	}
}

// TestPivotCollapsedColumns collapses the segment column field (the
// Consumer segment EXPANDED) over segment and category columns, region
// rows: a collapsed segment is one column holding SQL's aggregate of the
// segment in each region, its category columns are not drawn, and the
// expanded segment keeps its category columns and has no subtotal.
func TestPivotCollapsedColumns(t *testing.T) {
	render, db := pivotFixture(t, `[`+pivotVisual("cols", pRegion, pSegment+`, `+pCat, pAvg, `, "FieldOptions": {"CollapseStateOptions": [
		{"Target": {"FieldId": "segment"}, "State": "COLLAPSED"},
		{"Target": {"FieldId": "segment", "FieldDataPathValues": [{"FieldId": "segment", "FieldValue": "Consumer"}]}, "State": "EXPANDED"}]}`)+`]`)
	tl := render("cols")
	if tl.Kind != viewer.TilePivot {
		t.Fatalf("cols: %s %s", tl.Kind, tl.Message)
	}
	want := map[string]float64{}
	for k, v := range sqlGrid(t, db, `SELECT region, segment || ' / Subtotal', avg(profit) FROM orders WHERE segment <> 'Consumer' GROUP BY 1, 2`) {
		want[k] = v
	}
	for k, v := range sqlGrid(t, db, `SELECT region, segment || ' / ' || category, avg(profit) FROM orders WHERE segment = 'Consumer' GROUP BY 1, 2`) {
		want[k] = v
	}
	if len(want) < 8 {
		t.Fatalf("the sample has too few cells to tell: %v", want)
	}
	got := pivotCells(tl.Pivot)
	if len(got) != len(want) {
		t.Errorf("%d cells drawn, SQL has %d: columns %q", len(got), len(want), tl.Pivot.Columns)
	}
	for k, w := range want {
		g, ok := drawnNumber(t, got[k])
		if !ok || !near(g, w) {
			t.Errorf("%s: drawn %q, SQL %v", k, got[k], w)
		}
	}
	if tl.Pivot.Groups {
		t.Error("collapsed columns made row groups")
	}
}
