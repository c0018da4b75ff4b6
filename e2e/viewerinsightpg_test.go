package e2e

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// TestViewerInsightPostgres draws an insight and a box plot with
// outliers over a PostgreSQL data source (direct query): each narrative
// line, the whiskers and the outlier against SQL run on PostgreSQL
// itself.
func TestViewerInsightPostgres(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	db := pgDatabase(t)
	createPG(t, c, "pg", pgParams(pgHost, pgPort, db), pair(pgUser, pgPassword))
	createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("pgorders"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: customSQL("pg", "SELECT id, region, amount, ordered_at FROM orders", orderColumns...)})
	pg, err := sql.Open("pgx", fmt.Sprintf("postgres://%s:%s@%s:%d/%s?sslmode=disable", pgUser, pgPassword, pgHost, pgPort, db))
	must(t, err)
	defer pg.Close()
	one := func(q string, dst ...any) {
		t.Helper()
		must(t, pg.QueryRowContext(t.Context(), q).Scan(dst...))
	}

	col := func(name string) string { return fmt.Sprintf(`{"DataSetIdentifier": "o", "ColumnName": %q}`, name) }
	region := func(id string) string {
		return fmt.Sprintf(`{"CategoricalDimensionField": {"FieldId": %q, "Column": %s}}`, id, col("region"))
	}
	month := func(id string) string {
		return fmt.Sprintf(`{"DateDimensionField": {"FieldId": %q, "Column": %s, "DateGranularity": "MONTH"}}`, id, col("ordered_at"))
	}
	amount := func(id string) string {
		return fmt.Sprintf(`{"NumericalMeasureField": {"FieldId": %q, "Column": %s, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}`, id, col("amount"))
	}
	comps := strings.Join([]string{
		`{"TopBottomRanked": {"ComputationId": "top", "Type": "TOP", "ResultSize": 2, "Category": ` + region("a") + `, "Value": ` + amount("b") + `}}`,
		`{"TotalAggregation": {"ComputationId": "total", "Value": ` + amount("c") + `}}`,
		`{"UniqueValues": {"ComputationId": "unique", "Category": ` + region("d") + `}}`,
		`{"MaximumMinimum": {"ComputationId": "max", "Type": "MAXIMUM", "Time": ` + month("e") + `, "Value": ` + amount("f") + `}}`,
		`{"PeriodOverPeriod": {"ComputationId": "pop", "Time": ` + month("g") + `, "Value": ` + amount("h") + `}}`,
		`{"GrowthRate": {"ComputationId": "growth", "PeriodSize": 3, "Time": ` + month("i") + `, "Value": ` + amount("j") + `}}`,
	}, ",")
	def := `{"DataSetIdentifierDeclarations": [{"Identifier": "o", "DataSetArn": "` + dataSetARN("pgorders") + `"}],
		"Sheets": [{"SheetId": "s", "Name": "PG", "Visuals": [
		 {"InsightVisual": {"VisualId": "ins", "DataSetIdentifier": "o", "InsightConfiguration": {"Computations": [` + comps + `]}}},
		 {"BoxPlotVisual": {"VisualId": "box", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {"Values": [` + amount("k") + `]}},
		  "BoxPlotOptions": {"OutlierVisibility": "VISIBLE"}}}}]}]}`
	var d types.DashboardVersionDefinition
	decodeStrict(t, []byte(def), &d)
	_, err = c.CreateDashboard(t.Context(), &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("pg-insight"),
		Name: aws.String("pg-insight"), Definition: &d, Permissions: ownerPermissions("admin", dashboardReaderActions...)})
	must(t, err)
	if v := waitVersion(t, c, "pg-insight", 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		errs, _ := json.Marshal(v.Errors)
		t.Fatalf("dashboard %s: %s", v.Status, errs)
	}
	_, p := ts.signOn(t, ts.mint(t, "admin", "/dashboards/pg-insight"), -1)

	var want []string
	rows, err := pg.QueryContext(t.Context(), "SELECT region, SUM(amount)::float8 FROM orders GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 2")
	must(t, err)
	var items []string
	for rows.Next() {
		var r string
		var v float64
		must(t, rows.Scan(&r, &v))
		items = append(items, fmt.Sprintf("%s (%s)", r, num(v)))
	}
	rows.Close()
	want = append(want, "Top 2 region by amount: "+strings.Join(items, ", ")+".")
	var total, n float64
	one("SELECT SUM(amount)::float8, COUNT(DISTINCT region)::float8 FROM orders", &total, &n)
	want = append(want, "Total amount is "+num(total)+".", "Region has "+num(n)+" unique values.")
	byMonth := "SELECT to_char(date_trunc('month', ordered_at), 'Mon YYYY') AS m, date_trunc('month', ordered_at) AS t, SUM(amount)::float8 AS v FROM orders GROUP BY 1, 2"
	var hiM string
	var hiV float64
	one("SELECT m, v FROM ("+byMonth+") x ORDER BY v DESC, t LIMIT 1", &hiM, &hiV)
	want = append(want, "Highest month is "+hiM+" with amount of "+num(hiV)+".")
	var curM, prevM string
	var cur, prev, pct, g float64
	one("SELECT m, v, LEAD(m) OVER (ORDER BY t DESC), LEAD(v) OVER (ORDER BY t DESC), 100 * ABS(v - LEAD(v) OVER (ORDER BY t DESC)) / ABS(LEAD(v) OVER (ORDER BY t DESC)) FROM ("+byMonth+") x ORDER BY t DESC LIMIT 1",
		&curM, &cur, &prevM, &prev, &pct)
	dir := "increased"
	if cur < prev {
		dir = "decreased"
	}
	want = append(want, fmt.Sprintf("Amount for %s %s by %s%% (from %s to %s) compared to %s.", curM, dir, num(pct), num(prev), num(cur), prevM))
	one("SELECT (POWER(MAX(v) FILTER (WHERE k = 1) / MAX(v) FILTER (WHERE k = 3), 0.5) - 1) * 100 FROM (SELECT v, ROW_NUMBER() OVER (ORDER BY t DESC) AS k FROM ("+byMonth+") x) y", &g)
	want = append(want, "The 3-month compounded growth rate for amount is "+num(g)+"%.")
	if got := insightLines(t, p.Body, "ins"); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("narrative\n got %q\nwant %q", got, want)
	}

	// The box: quartiles by PERCENTILE_CONT on PostgreSQL, whiskers within
	// 1.5 IQR, the values beyond as outliers.
	var q1, q3 float64
	one("SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY amount), percentile_cont(0.75) WITHIN GROUP (ORDER BY amount) FROM orders", &q1, &q3)
	lo, hi := q1-1.5*(q3-q1), q3+1.5*(q3-q1)
	var wlo, whi float64
	one(fmt.Sprintf("SELECT MIN(amount)::float8, MAX(amount)::float8 FROM orders WHERE amount >= %v AND amount <= %v", lo, hi), &wlo, &whi)
	var outliers []string
	rows, err = pg.QueryContext(t.Context(), fmt.Sprintf("SELECT amount::float8 FROM orders WHERE amount < %v OR amount > %v ORDER BY 1", lo, hi))
	must(t, err)
	for rows.Next() {
		var v float64
		must(t, rows.Scan(&v))
		outliers = append(outliers, fmt.Sprint([]any{"amount", v}))
	}
	rows.Close()
	if len(outliers) == 0 {
		t.Fatal("no outliers to draw")
	}
	o := rawChart(t, p.Body, "box")
	series := o["series"].([]any)
	box := series[0].(map[string]any)["data"].([]any)[0].([]any)
	if math.Abs(box[0].(float64)-wlo) > 0.005 || math.Abs(box[1].(float64)-q1) > 0.005 || math.Abs(box[3].(float64)-q3) > 0.005 || math.Abs(box[4].(float64)-whi) > 0.005 {
		t.Errorf("box %v, want whiskers %v and %v, quartiles %v and %v", box, wlo, whi, q1, q3)
	}
	var got []string
	for _, x := range series[1].(map[string]any)["data"].([]any) {
		got = append(got, fmt.Sprint(x))
	}
	if fmt.Sprint(got) != fmt.Sprint(outliers) {
		t.Errorf("outliers %v, want %v", got, outliers)
	}
}
