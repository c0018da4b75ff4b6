package e2e

// The calculation language's conditional, spread, percentile and
// period-to-date aggregates drawn on a dashboard created through the
// API: each KPI's number equals an independent SQL query over the
// sample file. The calculated fields sit in measure wells without an
// AggregationFunction (used as is, as QuickSight does); the spread
// aggregations are field-well choices; parseJson reads JSON built from
// each row.

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/sampledata"
)

func TestCalcAggregatesDrawn(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(2_000))
	db := sampleDB(t, ts)
	year := sampledata.Anchor.Format("2006")
	end := sampledata.Anchor.AddDate(0, -1, 0).Format("2006-01-02")

	revenues := func(query string) []float64 {
		rows, err := db.QueryContext(t.Context(), query)
		must(t, err)
		defer rows.Close()
		var xs []float64
		for rows.Next() {
			var x float64
			must(t, rows.Scan(&x))
			xs = append(xs, x)
		}
		must(t, rows.Err())
		return xs
	}
	stdev := func(xs []float64, sample bool) float64 {
		mean := 0.0
		for _, x := range xs {
			mean += x
		}
		mean /= float64(len(xs))
		ss := 0.0
		for _, x := range xs {
			ss += (x - mean) * (x - mean)
		}
		n := float64(len(xs))
		if sample {
			n--
		}
		return math.Sqrt(ss / n)
	}
	percentileDisc := func(xs []float64, pct float64) float64 {
		sort.Float64s(xs)
		return xs[max(1, int(math.Ceil(pct*float64(len(xs))/100)))-1]
	}

	kpis := []struct {
		id, expression, aggregation string // expression: a calculated field; else aggregation of revenue
		want                        float64
	}{
		{"sumif", `sumIf({revenue}, {region} = 'Europe')`, "",
			sqlFloat(t, db, "SELECT sum(revenue) FROM orders WHERE region = 'Europe'")},
		{"countif", `countIf({order_id}, {discount} > 0 AND {quantity} >= 3)`, "",
			sqlFloat(t, db, "SELECT count(order_id) FROM orders WHERE discount > 0 AND quantity >= 3")},
		{"avgif", `avgIf({profit}, contains({category}, 'Tech'))`, "",
			sqlFloat(t, db, "SELECT avg(profit) FROM orders WHERE instr(category, 'Tech') > 0")},
		{"ptd", fmt.Sprintf(`periodToDateSum({revenue}, {order_date}, YEAR, parseDate('%s'))`, end), "",
			sqlFloat(t, db, fmt.Sprintf("SELECT sum(revenue) FROM orders WHERE order_date >= '%s-01-01' AND order_date <= '%s 00:00:00'", year, end))},
		{"pdisc", `percentileDisc({unit_price}, 30)`, "",
			percentileDisc(revenues("SELECT unit_price FROM orders WHERE unit_price IS NOT NULL"), 30)},
		{"switch", `sum(switch({region}, 'Europe', 1, 'Latin America', 10, 0)) + mod(17, 6)`, "",
			sqlFloat(t, db, "SELECT sum(CASE region WHEN 'Europe' THEN 1 WHEN 'Latin America' THEN 10 ELSE 0 END) + 5 FROM orders")},
		{"stdevif", `stdevIf({revenue}, {region} = 'Asia Pacific')`, "",
			stdev(revenues("SELECT revenue FROM orders WHERE region = 'Asia Pacific'"), true)},
		{"json", `sum(parseInt(parseJson(concat('{"order": {"qty": [', toString({quantity}), ']}}'), '$.order.qty[0]')))`, "",
			sqlFloat(t, db, "SELECT sum(quantity) FROM orders")},
		{"stdev", "", "STDEV", stdev(revenues("SELECT revenue FROM orders"), true)},
		{"varp", "", "VARP", math.Pow(stdev(revenues("SELECT revenue FROM orders"), false), 2)},
	}
	var visuals, calcs []string
	for _, k := range kpis {
		measure := fmt.Sprintf(`{"NumericalMeasureField": {"FieldId": %q, "Column": {"DataSetIdentifier": "sales", "ColumnName": %q}}}`, k.id+"-m", k.id)
		if k.expression == "" {
			measure = fmt.Sprintf(sumOf, k.id+"-m", "revenue", k.aggregation)
		} else {
			e, _ := json.Marshal(k.expression)
			calcs = append(calcs, fmt.Sprintf(`{"DataSetIdentifier": "sales", "Name": %q, "Expression": %s}`, k.id, e))
		}
		visuals = append(visuals, fmt.Sprintf(`{"KPIVisual": {"VisualId": %q, "ChartConfiguration": {"FieldWells": {"Values": [%s]}}}}`, k.id, measure))
	}
	def := fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": %q}], "CalculatedFields": [%s],
		"Sheets": [{"SheetId": "s", "Name": "Aggregates", "Visuals": [%s]}]}`,
		"arn:aws:quicksight:"+region+":"+accountID+":dataset/"+app.SampleDataSetID, strings.Join(calcs, ","), strings.Join(visuals, ","))
	var d types.DashboardVersionDefinition
	decodeStrict(t, []byte(def), &d)
	c := ts.adminClient()
	_, err := c.CreateDashboard(t.Context(), &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("calc"),
		Name: aws.String("Calc"), Definition: &d, Permissions: ownerPermissions("admin", dashboardReaderActions...)})
	must(t, err)
	if v := waitVersion(t, c, "calc", 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		errs, _ := json.Marshal(v.Errors)
		t.Fatalf("dashboard %s: %s", v.Status, errs)
	}
	_, p := ts.signOn(t, ts.mint(t, "admin", "/dashboards/calc"), -1)
	for _, k := range kpis {
		if got := kpiValue(t, p.Body, k.id); !near(got, math.Round(k.want*100)/100) {
			t.Errorf("%s: KPI shows %v, want %v", k.id, got, k.want)
		}
	}
}
