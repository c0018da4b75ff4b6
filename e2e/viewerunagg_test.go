package e2e

// Unaggregated tables through the viewer: a dashboard created with the
// SDK draws the sample's rows as they are, with the visual's filter, a
// calculated field, a currency format, the row sort and totals over all
// rows, equal to an independent SQL query over the sample file; a table
// with more rows than the viewer draws says how many it shows of how many.

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/sightglass/sightglass/internal/app"
)

// totalCells returns a table tile's totals row, as text.
func totalCells(t testing.TB, body, visualID string) []string {
	t.Helper()
	m := reTotalRow.FindStringSubmatch(tile(t, body, visualID))
	if m == nil {
		t.Fatalf("tile %s has no totals row", visualID)
	}
	var out []string
	for _, c := range reTableCell.FindAllStringSubmatch(m[1], -1) {
		out = append(out, html.UnescapeString(c[1]))
	}
	return out
}

// dollars reads a drawn currency amount ("$1,234.50").
func dollars(t testing.TB, s string) float64 {
	t.Helper()
	rest, ok := strings.CutPrefix(s, "$")
	if !ok {
		t.Fatalf("no dollar sign: %q", s)
	}
	return number(t, rest)
}

func TestViewerUnaggregatedTable(t *testing.T) {
	t.Parallel()
	const rows = 10050 // more than the 10,000 rows a table draws
	ts := startServer(t, withSampleRows(rows))
	regions := sqlRows(t, ts, "SELECT region FROM orders GROUP BY region ORDER BY count(*) LIMIT 1")
	pick := regions[0][0].(string)
	sqlQuote := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	col := func(id, name string) string {
		return fmt.Sprintf(`{"FieldId": %q, "Column": {"DataSetIdentifier": "sales", "ColumnName": %q}}`, id, name)
	}
	usd := `, "FormatConfiguration": {"NumberFormatConfiguration": {"FormatConfiguration": {"CurrencyDisplayFormatConfiguration": {
		"Symbol": "USD", "DecimalPlacesConfiguration": {"DecimalPlaces": 2}}}}}`
	withFormat := func(field, format string) string { return strings.TrimSuffix(field, "}") + format + "}" }
	def := fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": %q}],
		"CalculatedFields": [{"DataSetIdentifier": "sales", "Name": "Double units", "Expression": "{quantity} * 2"}],
		"FilterGroups": [{"FilterGroupId": "g", "CrossDataset": "SINGLE_DATASET", "Status": "ENABLED",
		  "Filters": [{"CategoryFilter": {"FilterId": "f", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"},
		    "Configuration": {"FilterListConfiguration": {"MatchOperator": "CONTAINS", "CategoryValues": [%q], "NullOption": "NON_NULLS_ONLY"}}}}],
		  "ScopeConfiguration": {"SelectedSheets": {"SheetVisualScopingConfigurations": [{"SheetId": "s", "Scope": "SELECTED_VISUALS", "VisualIds": ["rows", "dups"]}]}}}],
		"Sheets": [{"SheetId": "s", "Name": "Rows", "Visuals": [
		  {"TableVisual": {"VisualId": "rows", "ChartConfiguration": {
		    "FieldWells": {"TableUnaggregatedFieldWells": {"Values": [%s, %s, %s, %s, %s]}},
		    "SortConfiguration": {"RowSort": [{"FieldSort": {"FieldId": "r-rev", "Direction": "DESC"}}, {"FieldSort": {"FieldId": "r-id", "Direction": "ASC"}}]},
		    "TotalOptions": {"TotalsVisibility": "VISIBLE", "Placement": "END",
		      "TotalAggregationOptions": [{"FieldId": "r-id", "TotalAggregationFunction": {"SimpleTotalAggregationFunction": "NONE"}}]}}}},
		  {"TableVisual": {"VisualId": "dups", "ChartConfiguration": {
		    "FieldWells": {"TableUnaggregatedFieldWells": {"Values": [%s, %s]}},
		    "SortConfiguration": {"RowSort": [{"FieldSort": {"FieldId": "d-q", "Direction": "ASC"}}]}}}},
		  {"TableVisual": {"VisualId": "all", "ChartConfiguration": {
		    "FieldWells": {"TableUnaggregatedFieldWells": {"Values": [%s, %s]}},
		    "SortConfiguration": {"RowSort": [{"FieldSort": {"FieldId": "a-id", "Direction": "ASC"}}]},
		    "TotalOptions": {"TotalsVisibility": "VISIBLE", "Placement": "START", "CustomLabel": "All orders",
		      "TotalAggregationOptions": [{"FieldId": "a-id", "TotalAggregationFunction": {"SimpleTotalAggregationFunction": "NONE"}},
		        {"FieldId": "a-rev", "TotalAggregationFunction": {"SimpleTotalAggregationFunction": "AVERAGE"}}]}}}}
		]}]}`,
		"arn:aws:quicksight:"+region+":"+accountID+":dataset/"+app.SampleDataSetID, pick,
		col("r-id", "order_id"), col("r-region", "region"), withFormat(col("r-rev", "revenue"), usd), col("r-double", "Double units"),
		withFormat(col("r-date", "order_date"), `, "FormatConfiguration": {"DateTimeFormatConfiguration": {"DateTimeFormat": "YYYY/MM/DD"}}`),
		col("d-region", "region"), col("d-q", "quantity"),
		col("a-id", "order_id"), col("a-rev", "revenue"))
	var d types.DashboardVersionDefinition
	decodeStrict(t, []byte(def), &d)
	c := ts.adminClient()
	_, err := c.CreateDashboard(t.Context(), &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("unagg"),
		Name: aws.String("unagg"), Definition: &d, Permissions: ownerPermissions("admin", dashboardReaderActions...)})
	must(t, err)
	if v := waitVersion(t, c, "unagg", 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		errs, _ := json.Marshal(v.Errors)
		t.Fatalf("dashboard %s: %s", v.Status, errs)
	}
	_, p := ts.signOn(t, ts.mint(t, "admin", "/dashboards/unagg"), -1)

	// The filtered rows, in the row sort, with the calculated field, and
	// their totals: the independent query.
	want := sqlRows(t, ts, fmt.Sprintf(`SELECT order_id, region, revenue, quantity * 2, replace(substr(order_date, 1, 10), '-', '/') FROM orders
		WHERE instr(region, %s) > 0 ORDER BY revenue DESC, order_id`, sqlQuote(pick)))
	got := tableCells(t, p.Body, "rows")
	if len(got) != len(want) || len(want) < 10 {
		t.Fatalf("rows: drew %d rows, SQL has %d", len(got), len(want))
	}
	for i, row := range got {
		w := want[i]
		if number(t, row[0]) != w[0].(float64) || row[1] != w[1] || math.Abs(dollars(t, row[2])-w[2].(float64)) > 0.006 || number(t, row[3]) != w[3].(float64) || row[4] != w[4] {
			t.Fatalf("row %d: drew %q, SQL %v", i, row, w)
		}
	}
	tot := sqlRows(t, ts, fmt.Sprintf("SELECT sum(revenue), sum(quantity * 2) FROM orders WHERE instr(region, %s) > 0", sqlQuote(pick)))[0]
	totals := totalCells(t, p.Body, "rows")
	if len(totals) != 5 || totals[0] != "Total" || totals[1] != "" || math.Abs(dollars(t, totals[2])-tot[0].(float64)) > 0.006 || number(t, totals[3]) != tot[1].(float64) {
		t.Errorf("totals: drew %q, SQL %v", totals, tot)
	}

	// Equal rows stay separate rows.
	wantDups := sqlRows(t, ts, fmt.Sprintf("SELECT region, quantity FROM orders WHERE instr(region, %s) > 0 ORDER BY quantity", sqlQuote(pick)))
	gotDups := tableCells(t, p.Body, "dups")
	if len(gotDups) != len(wantDups) {
		t.Fatalf("dups: drew %d rows, SQL has %d", len(gotDups), len(wantDups))
	}
	for i, row := range gotDups {
		if row[0] != wantDups[i][0] || number(t, row[1]) != wantDups[i][1].(float64) {
			t.Fatalf("dups row %d: drew %q, SQL %v", i, row, wantDups[i])
		}
	}

	// More rows than drawn: the first 10,000 in the sort, and the tile
	// says of how many; the totals are over all of them.
	all := tableCells(t, p.Body, "all")
	if len(all) != 10000 {
		t.Fatalf("all: drew %d rows", len(all))
	}
	if all[0][0] != "1" || all[9999][0] != "10,000" {
		t.Errorf("all: first %q, last %q", all[0], all[9999])
	}
	if tl := tile(t, p.Body, "all"); !strings.Contains(tl, `<tbody><tr class="total">`) {
		t.Errorf("all: the totals row is not first")
	}
	if tl := tile(t, p.Body, "all"); !strings.Contains(tl, "Showing the first 10,000 of 10,050 rows.") {
		t.Errorf("all: no note of the rows shown:\n%.500s", tl[len(tl)-500:])
	}
	avg := sqlFloat(t, sampleDB(t, ts), "SELECT avg(revenue) FROM orders")
	if top := totalCells(t, p.Body, "all"); top[0] != "All orders" || math.Abs(number(t, top[1])-avg) > 0.006 {
		t.Errorf("all: totals %q, SQL average %v", top, avg)
	}
}
