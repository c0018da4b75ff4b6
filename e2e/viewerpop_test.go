package e2e

// Period over period through the viewer: a dashboard created with the
// SDK draws periodOverPeriodDifference and …PercentDifference by month
// in a table, and KPIs with a monthly trend group draw their comparison
// with the previous month; every number is compared with an independent
// SQL query over the sample file (the previous calendar month joined by
// its index, so a month missing from the data gives NULL).

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

var reKPITarget = regexp.MustCompile(`<p class="kpi-target[^"]*">([^<]*)</p>`)

// drawnNumber reads a drawn number with an optional sign and "%".
func drawnNumber(t testing.TB, s string) float64 {
	t.Helper()
	s = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(html.UnescapeString(s)), "+"), "%")
	return number(t, s)
}

func TestViewerPeriodOverPeriod(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(2000))
	asIs := `{"NumericalMeasureField": {"FieldId": "%s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "%s"}}}`
	kpiVisual := func(id, options string) string {
		return fmt.Sprintf(`{"KPIVisual": {"VisualId": %q, "ChartConfiguration": {"FieldWells": {"Values": [`+sumOf+`], "TrendGroups": [`+monthDim+`]},
		  "SortConfiguration": {"TrendGroupSort": [{"FieldSort": {"FieldId": %q, "Direction": "DESC"}}]}, "KPIOptions": %s}}}`,
			id, id+"-v", "revenue", "SUM", id+"-d", id+"-d", options)
	}
	def := fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": %q}],
		"CalculatedFields": [
		  {"DataSetIdentifier": "sales", "Name": "MoM", "Expression": "periodOverPeriodDifference(sum({revenue}), {order_date}, MONTH, 1)"},
		  {"DataSetIdentifier": "sales", "Name": "MoM %%", "Expression": "periodOverPeriodPercentDifference(sum({revenue}), {order_date})"}],
		"Sheets": [{"SheetId": "s", "Name": "Period over period", "Visuals": [
		  {"TableVisual": {"VisualId": "months", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {
		    "GroupBy": [`+monthDim+`], "Values": [`+sumOf+`, `+asIs+`, `+asIs+`]}}}}},
		  `+kpiVisual("kdiff", `{"Comparison": {"ComparisonMethod": "DIFFERENCE"}}`)+`,
		  `+kpiVisual("kpct", `{"Comparison": {"ComparisonMethod": "PERCENT_DIFFERENCE"}, "PrimaryValueDisplayType": "COMPARISON"}`)+`
		]}]}`,
		"arn:aws:quicksight:"+region+":"+accountID+":dataset/"+app.SampleDataSetID,
		"m-d", "m-rev", "revenue", "SUM", "m-mom", "MoM", "m-pct", "MoM %")
	var d types.DashboardVersionDefinition
	decodeStrict(t, []byte(def), &d)
	c := ts.adminClient()
	_, err := c.CreateDashboard(t.Context(), &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("pop"),
		Name: aws.String("pop"), Definition: &d, Permissions: ownerPermissions("admin", dashboardReaderActions...)})
	must(t, err)
	if v := waitVersion(t, c, "pop", 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		errs, _ := json.Marshal(v.Errors)
		t.Fatalf("dashboard %s: %s", v.Status, errs)
	}
	_, p := ts.signOn(t, ts.mint(t, "admin", "/dashboards/pop"), -1)

	// The independent query: each month's revenue, and the previous
	// calendar month's joined by a month index.
	want := sqlRows(t, ts, `WITH m AS (
		  SELECT substr(order_date, 1, 7) AS ym,
		         CAST(substr(order_date, 1, 4) AS INTEGER) * 12 + CAST(substr(order_date, 6, 2) AS INTEGER) AS idx,
		         sum(revenue) AS rev
		  FROM orders GROUP BY 1, 2)
		SELECT m.ym, m.rev, m.rev - p.rev, (m.rev - p.rev) * 100.0 / p.rev
		FROM m LEFT JOIN m p ON p.idx = m.idx - 1 ORDER BY m.ym`)
	got := tableCells(t, p.Body, "months")
	if len(got) != len(want) || len(want) < 3 {
		t.Fatalf("table rows:\n got %v\nwant %v", got, want)
	}
	for i, row := range got {
		for j := 1; j < 4; j++ {
			w, ok := want[i][j].(float64)
			if !ok {
				if _, err := strconv.ParseFloat(strings.ReplaceAll(row[j], ",", ""), 64); err == nil {
					t.Errorf("row %d (%s) column %d: drawn %q, SQL NULL", i, want[i][0], j, row[j])
				}
				continue
			}
			if g := number(t, row[j]); math.Abs(g-w) > 0.011 {
				t.Errorf("row %d (%s) column %d: drawn %v, SQL %v", i, want[i][0], j, g, w)
			}
		}
	}
	if want[0][2] != nil {
		t.Errorf("the first month has no previous month: SQL %v", want[0])
	}

	// The KPIs: the latest month, compared with the month before it in
	// the data.
	last := sqlRows(t, ts, `SELECT sum(revenue) FROM orders GROUP BY substr(order_date, 1, 7) ORDER BY substr(order_date, 1, 7) DESC LIMIT 2`)
	cur, prev := last[0][0].(float64), last[1][0].(float64)
	wantEqual(t, "kdiff value", kpiValue(t, p.Body, "kdiff"), cur)
	m := reKPITarget.FindStringSubmatch(tile(t, p.Body, "kdiff"))
	if m == nil {
		t.Fatalf("kdiff: no comparison drawn:\n%s", tile(t, p.Body, "kdiff"))
	}
	diff, vs, _ := strings.Cut(m[1], " vs previous period ")
	if g := drawnNumber(t, diff); math.Abs(g-(cur-prev)) > 0.011 {
		t.Errorf("kdiff difference: drawn %v, SQL %v", g, cur-prev)
	}
	if g := drawnNumber(t, vs); math.Abs(g-prev) > 0.011 {
		t.Errorf("kdiff previous period: drawn %v, SQL %v", g, prev)
	}
	pm := reKPI.FindStringSubmatch(tile(t, p.Body, "kpct"))
	if pm == nil {
		t.Fatalf("kpct: no primary value:\n%s", tile(t, p.Body, "kpct"))
	}
	if g, w := drawnNumber(t, pm[1]), (cur-prev)*100/prev; math.Abs(g-w) > 0.011 {
		t.Errorf("kpct percent difference: drawn %v, SQL %v", g, w)
	}
}
