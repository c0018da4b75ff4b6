package e2e

// Nested table calculations and period lookups through the viewer: a
// dashboard created with the SDK draws a running share (runningSum of
// percentOfTotal) by region, and by month the difference with the same
// month a year earlier and the revenue year to date; every number is
// compared with an independent SQL query over the sample file.

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/sightglass/sightglass/internal/app"
)

func TestViewerNestedTableCalculations(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(2000))
	catDim := `{"CategoricalDimensionField": {"FieldId": "%s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}`
	asIs := `{"NumericalMeasureField": {"FieldId": "%s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "%s"}}}`
	def := fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": %q}],
		"CalculatedFields": [
		  {"DataSetIdentifier": "sales", "Name": "Running share", "Expression": "runningSum(percentOfTotal(sum({revenue})), [{region} ASC])"},
		  {"DataSetIdentifier": "sales", "Name": "YoY", "Expression": "periodOverPeriodDifference(sum({revenue}), {order_date}, YEAR, 1)"},
		  {"DataSetIdentifier": "sales", "Name": "YTD", "Expression": "periodToDateSumOverTime(sum({revenue}), {order_date}, YEAR)"}],
		"Sheets": [{"SheetId": "s", "Name": "Nested", "Visuals": [
		  {"TableVisual": {"VisualId": "share", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {
		    "GroupBy": [`+catDim+`], "Values": [`+sumOf+`, `+asIs+`]}}}}},
		  {"TableVisual": {"VisualId": "months", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {
		    "GroupBy": [`+monthDim+`], "Values": [`+sumOf+`, `+asIs+`, `+asIs+`]}}}}}
		]}]}`,
		"arn:aws:quicksight:"+region+":"+accountID+":dataset/"+app.SampleDataSetID,
		"s-r", "s-rev", "revenue", "SUM", "s-share", "Running share",
		"m-d", "m-rev", "revenue", "SUM", "m-yoy", "YoY", "m-ytd", "YTD")
	var d types.DashboardVersionDefinition
	decodeStrict(t, []byte(def), &d)
	c := ts.adminClient()
	_, err := c.CreateDashboard(t.Context(), &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("nested"),
		Name: aws.String("nested"), Definition: &d, Permissions: ownerPermissions("admin", dashboardReaderActions...)})
	must(t, err)
	if v := waitVersion(t, c, "nested", 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		errs, _ := json.Marshal(v.Errors)
		t.Fatalf("dashboard %s: %s", v.Status, errs)
	}
	_, p := ts.signOn(t, ts.mint(t, "admin", "/dashboards/nested"), -1)

	// The running share: each region's percent of all revenue, added up
	// in region order.
	want := sqlRows(t, ts, `SELECT r.region, r.rev,
		  (SELECT sum(revenue) FROM orders o WHERE o.region <= r.region) * 100.0 / (SELECT sum(revenue) FROM orders)
		FROM (SELECT region, sum(revenue) AS rev FROM orders GROUP BY region) r ORDER BY r.region`)
	compareCells(t, "share", tableCells(t, p.Body, "share"), want, 3)

	// By month: the same month a year earlier joined by its index, and
	// the months of the same year up to this one.
	want = sqlRows(t, ts, `WITH m AS (
		  SELECT substr(order_date, 1, 7) AS ym, substr(order_date, 1, 4) AS y,
		         CAST(substr(order_date, 1, 4) AS INTEGER) * 12 + CAST(substr(order_date, 6, 2) AS INTEGER) AS idx,
		         sum(revenue) AS rev
		  FROM orders GROUP BY 1, 2, 3)
		SELECT m.ym, m.rev, m.rev - p.rev, (SELECT sum(rev) FROM m AS e WHERE e.y = m.y AND e.idx <= m.idx)
		FROM m LEFT JOIN m p ON p.idx = m.idx - 12 ORDER BY m.ym`)
	compareCells(t, "months", tableCells(t, p.Body, "months"), want, 4)
	yearBack := 0
	for _, row := range want {
		if row[2] != nil {
			yearBack++
		}
	}
	if yearBack == 0 || yearBack == len(want) {
		t.Errorf("the sample should have months with and without a year before: %d of %d", yearBack, len(want))
	}

}

// compareCells compares a table's drawn rows with SQL rows: the first
// column as text, the next ones as numbers (NULL drawn as no number).
func compareCells(t *testing.T, what string, got [][]string, want [][]any, cols int) {
	t.Helper()
	if len(got) != len(want) || len(want) < 3 {
		t.Fatalf("%s rows:\n got %v\nwant %v", what, got, want)
	}
	for i, row := range got {
		for j := 1; j < cols; j++ {
			w, ok := want[i][j].(float64)
			if !ok {
				if _, err := strconv.ParseFloat(strings.ReplaceAll(row[j], ",", ""), 64); err == nil {
					t.Errorf("%s row %d (%v) column %d: drawn %q, SQL NULL", what, i, want[i][0], j, row[j])
				}
				continue
			}
			if g := number(t, row[j]); math.Abs(g-w) > 0.011 {
				t.Errorf("%s row %d (%v) column %d: drawn %v, SQL %v", what, i, want[i][0], j, g, w)
			}
		}
	}
}
