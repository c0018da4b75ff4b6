package e2e

// Table totals (TotalOptions): each measure's total is its aggregate over
// every filtered row, asked of SQL, not the sum of the drawn rows;
// compared with SQL over the sample file.

import (
	"fmt"
	"html"
	"math"
	"regexp"
	"strings"
	"testing"
)

var reTotalRow = regexp.MustCompile(`(?s)<tr class="total">(.*?)</tr>`)

// totalRow returns a table tile's total row, as text.
func totalRow(t testing.TB, body, visualID string) []string {
	t.Helper()
	tl := tile(t, body, visualID)
	m := reTotalRow.FindStringSubmatch(tl)
	if m == nil {
		t.Fatalf("tile %s has no total row:\n%s", visualID, tl)
	}
	var row []string
	for _, c := range reTableCell.FindAllStringSubmatch(m[1], -1) {
		row = append(row, html.UnescapeString(c[1]))
	}
	return row
}

// TestViewerTableTotals draws a table by region with its total row: the
// sum of revenue, the average profit (of every order, which is not the
// sum nor the mean of the regions' averages), the distinct count of
// customers' cities, a SUM total over the rows of the average, a NONE
// total, and a custom label at the top; hidden totals are not drawn.
func TestViewerTableTotals(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	table := func(id, totals string) string {
		return `{"TableVisual": {"VisualId": "` + id + `", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {"GroupBy": [` + fmt.Sprintf(regionDim, id+"-r") + `],
			"Values": [` + fmt.Sprintf(sumOf, id+"-rev", "revenue", "SUM") + `, ` + fmt.Sprintf(sumOf, id+"-avg", "profit", "AVERAGE") + `,
			{"CategoricalMeasureField": {"FieldId": "` + id + `-dc", "Column": {"DataSetIdentifier": "sales", "ColumnName": "city"}, "AggregationFunction": "DISTINCT_COUNT"}}]}},
			"TotalOptions": ` + totals + `}}}`
	}
	body := visualsDashboard(t, ts, "totals",
		table("def", `{"TotalsVisibility": "VISIBLE", "Placement": "END"}`),
		table("fns", `{"TotalsVisibility": "VISIBLE", "Placement": "START", "CustomLabel": "All regions",
			"TotalAggregationOptions": [{"FieldId": "fns-avg", "TotalAggregationFunction": {"SimpleTotalAggregationFunction": "SUM"}},
				{"FieldId": "fns-dc", "TotalAggregationFunction": {"SimpleTotalAggregationFunction": "NONE"}}]}`),
		table("hidden", `{"TotalsVisibility": "HIDDEN", "CustomLabel": "Total"}`),
	)
	db := sampleDB(t, ts)
	near := func(what, drawn string, want float64) {
		t.Helper()
		if got := number(t, drawn); math.Abs(got-want) > 0.006 {
			t.Errorf("%s: drawn %s, SQL %v", what, drawn, want)
		}
	}
	def := totalRow(t, body, "def")
	if len(def) != 4 || def[0] != "Total" {
		t.Fatalf("def total row %q: want Total and three totals", def)
	}
	near("sum of revenue", def[1], sqlFloat(t, db, `SELECT sum(revenue) FROM orders`))
	avg := sqlFloat(t, db, `SELECT avg(profit) FROM orders`)
	sumOfAvgs := sqlFloat(t, db, `SELECT sum(a) FROM (SELECT avg(profit) AS a FROM orders GROUP BY region)`)
	if math.Abs(avg-sumOfAvgs) < 0.01 {
		t.Fatalf("the sample cannot tell an average's total from a sum: %v", avg)
	}
	near("average profit", def[2], avg)
	near("distinct cities", def[3], sqlFloat(t, db, `SELECT count(DISTINCT city) FROM orders`))
	if rows := tableCells(t, body, "def"); len(rows) != int(sqlFloat(t, db, `SELECT count(DISTINCT region) FROM orders`)) {
		t.Errorf("def draws %d rows besides its total", len(rows))
	}
	if tl := tile(t, body, "def"); strings.Index(tl, `<tr class="total">`) < strings.LastIndex(tl, "<tr>") {
		t.Errorf("def: the total row is not at the end")
	}

	fns := totalRow(t, body, "fns")
	if len(fns) != 4 || fns[0] != "All regions" || fns[3] != "" {
		t.Fatalf("fns total row %q: want the custom label and a blank NONE total", fns)
	}
	near("SUM over the rows of an average", fns[2], sumOfAvgs)
	if tl := tile(t, body, "fns"); !strings.Contains(tl, `<tbody><tr class="total">`) {
		t.Errorf("fns: the total row is not at the start")
	}

	if strings.Contains(tile(t, body, "hidden"), `class="total"`) {
		t.Errorf("hidden totals are drawn")
	}
}
