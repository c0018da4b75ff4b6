package e2e

// Table calculations through the viewer: a dashboard created with the
// SDK whose analysis-level calculated fields use runningSum and
// percentOfTotal draws them in a table, a bar chart and a KPI with the
// values an independent SQL query over the sample file gives; a
// function not computed yet draws an error tile naming it.

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/sightglass/sightglass/internal/app"
)

var reTableRow = regexp.MustCompile(`(?s)<tr>(.*?)</tr>`)
var reTableCell = regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`)

// tableCells returns a table tile's body rows, as text.
func tableCells(t testing.TB, body, visualID string) [][]string {
	t.Helper()
	tl := tile(t, body, visualID)
	_, tbody, ok := strings.Cut(tl, "<tbody>")
	if !ok {
		t.Fatalf("tile %s has no table:\n%s", visualID, tl)
	}
	var out [][]string
	for _, r := range reTableRow.FindAllStringSubmatch(tbody, -1) {
		var row []string
		for _, c := range reTableCell.FindAllStringSubmatch(r[1], -1) {
			row = append(row, html.UnescapeString(c[1]))
		}
		out = append(out, row)
	}
	return out
}

// number reads a drawn number ("1,234.5").
func number(t testing.TB, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return f
}

func TestViewerTableCalculations(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(2000))
	catDim := `{"CategoricalDimensionField": {"FieldId": "%s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}`
	asIs := `{"NumericalMeasureField": {"FieldId": "%s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "%s"}}}`
	def := fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": %q}],
		"CalculatedFields": [
		  {"DataSetIdentifier": "sales", "Name": "Running revenue", "Expression": "runningSum(sum({revenue}), [{region} ASC])"},
		  {"DataSetIdentifier": "sales", "Name": "Share", "Expression": "percentOfTotal(sum({revenue}))"},
		  {"DataSetIdentifier": "sales", "Name": "Top region revenue", "Expression": "maxOver(sum({revenue}), [])"},
		  {"DataSetIdentifier": "sales", "Name": "Month over month", "Expression": "periodOverPeriodDifference(sum({revenue}), {order_date}, MONTH, 1)"}],
		"Sheets": [{"SheetId": "s", "Name": "Calculations", "Visuals": [
		  {"TableVisual": {"VisualId": "running", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {
		    "GroupBy": [`+catDim+`], "Values": [`+sumOf+`, `+asIs+`, `+asIs+`]}}}}},
		  {"BarChartVisual": {"VisualId": "bars", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
		    "Category": [`+catDim+`], "Values": [`+asIs+`]}},
		    "SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "b-r", "Direction": "ASC"}}]}}}},
		  {"KPIVisual": {"VisualId": "top", "ChartConfiguration": {"FieldWells": {"Values": [`+asIs+`]}}}},
		  {"TableVisual": {"VisualId": "pop", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {
		    "GroupBy": [`+catDim+`], "Values": [`+asIs+`]}}}}}
		]}]}`,
		"arn:aws:quicksight:"+region+":"+accountID+":dataset/"+app.SampleDataSetID,
		"t-r", "t-rev", "revenue", "SUM", "t-run", "Running revenue", "t-share", "Share",
		"b-r", "b-run", "Running revenue",
		"k-top", "Top region revenue",
		"p-r", "p-pop", "Month over month")
	var d types.DashboardVersionDefinition
	decodeStrict(t, []byte(def), &d)
	c := ts.adminClient()
	_, err := c.CreateDashboard(t.Context(), &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("tablecalc"),
		Name: aws.String("tablecalc"), Definition: &d, Permissions: ownerPermissions("admin", dashboardReaderActions...)})
	must(t, err)
	if v := waitVersion(t, c, "tablecalc", 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		errs, _ := json.Marshal(v.Errors)
		t.Fatalf("dashboard %s: %s", v.Status, errs)
	}
	_, p := ts.signOn(t, ts.mint(t, "admin", "/dashboards/tablecalc"), -1)

	// The independent query: per region, its revenue, the running total
	// in region order and its percent of all revenue, in plain SQL.
	want := sqlRows(t, ts, `SELECT r.region, r.rev,
		  (SELECT sum(revenue) FROM orders o WHERE o.region <= r.region),
		  r.rev * 100.0 / (SELECT sum(revenue) FROM orders)
		FROM (SELECT region, sum(revenue) AS rev FROM orders GROUP BY region) r ORDER BY r.region`)
	got := tableCells(t, p.Body, "running")
	if len(got) != len(want) || len(want) < 3 {
		t.Fatalf("table rows:\n got %v\nwant %v", got, want)
	}
	for i, row := range got {
		if row[0] != want[i][0] {
			t.Errorf("row %d: region %q, SQL %v", i, row[0], want[i][0])
		}
		for j := 1; j < 4; j++ {
			if g, w := number(t, row[j]), want[i][j].(float64); math.Abs(g-w) > 0.011 {
				t.Errorf("row %d (%s) column %d: drawn %v, SQL %v", i, row[0], j, g, w)
			}
		}
	}

	// The bar chart draws the running total.
	o := chart(t, p.Body, "bars")
	for i, raw := range o.Series[0].Data {
		f, _ := strconv.ParseFloat(string(raw), 64)
		if w := want[i][2].(float64); !near(f, w) {
			t.Errorf("bar %d = %v, SQL %v", i, f, w)
		}
	}
	// The KPI: with no dimension, the one group is the whole.
	wantEqual(t, "top KPI", kpiValue(t, p.Body, "top"), math.Round(sqlFloat(t, sampleDB(t, ts), "SELECT sum(revenue) FROM orders")*100)/100)

	// Without the date among the visual's dimensions there are no
	// periods to compare: an error tile naming the function and why.
	if tl := tile(t, p.Body, "pop"); !strings.Contains(tl, "periodOverPeriodDifference: the date field") {
		t.Errorf("pop: want a tile naming periodOverPeriodDifference, got\n%s", tl)
	}
}
