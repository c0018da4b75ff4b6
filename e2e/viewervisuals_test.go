package e2e

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/sightglass/sightglass/internal/app"
)

// visualsDashboard creates a dashboard of one sheet "s" with these visuals
// over the sample dataset and returns its first sheet's page.
func visualsDashboard(t *testing.T, ts *testServer, id string, visuals ...string) string {
	t.Helper()
	def := fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": %q}],
		"Sheets": [{"SheetId": "s", "Name": "Visuals", "Visuals": [%s]}]}`,
		"arn:aws:quicksight:"+region+":"+accountID+":dataset/"+app.SampleDataSetID, strings.Join(visuals, ","))
	var d types.DashboardVersionDefinition
	decodeStrict(t, []byte(def), &d)
	c := ts.adminClient()
	_, err := c.CreateDashboard(t.Context(), &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(id),
		Name: aws.String(id), Definition: &d, Permissions: ownerPermissions("admin", dashboardReaderActions...)})
	must(t, err)
	if v := waitVersion(t, c, id, 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		errs, _ := json.Marshal(v.Errors)
		t.Fatalf("dashboard %s: %s", v.Status, errs)
	}
	_, p := ts.signOn(t, ts.mint(t, "admin", "/dashboards/"+id), -1)
	return p.Body
}

// rawChart returns a tile's whole ECharts option.
func rawChart(t testing.TB, body, visualID string) map[string]any {
	t.Helper()
	m := reEcharts.FindStringSubmatch(tile(t, body, visualID))
	if m == nil {
		t.Fatalf("tile %s has no chart:\n%s", visualID, tile(t, body, visualID))
	}
	var o map[string]any
	must(t, json.Unmarshal([]byte(html.UnescapeString(m[1])), &o))
	return o
}

func axisData(t testing.TB, o map[string]any, axis string) []string {
	t.Helper()
	ax, _ := o[axis].(map[string]any)
	var out []string
	for _, v := range ax["data"].([]any) {
		out = append(out, v.(string))
	}
	return out
}

// heatCells returns a heat map's cells as "row|column" → value.
func heatCells(t testing.TB, o map[string]any) map[string]float64 {
	t.Helper()
	rows, cols := axisData(t, o, "yAxis"), axisData(t, o, "xAxis")
	out := map[string]float64{}
	for _, d := range o["series"].([]any)[0].(map[string]any)["data"].([]any) {
		c := d.([]any)
		out[rows[int(c[1].(float64))]+"|"+cols[int(c[0].(float64))]] = c[2].(float64)
	}
	return out
}

// sqlHeatCells runs a query of (row, month "2006-01", value) and keys its
// rows as heatCells does.
func sqlHeatCells(t testing.TB, ts *testServer, query string) map[string]float64 {
	t.Helper()
	rows, err := sampleDB(t, ts).QueryContext(t.Context(), query)
	must(t, err)
	defer rows.Close()
	out := map[string]float64{}
	for rows.Next() {
		var r, month string
		var v float64
		must(t, rows.Scan(&r, &month, &v))
		m, err := time.Parse("2006-01", month)
		must(t, err)
		out[r+"|"+m.Format("Jan 2006")] = math.Round(v*100) / 100
	}
	must(t, rows.Err())
	return out
}

func wantCells(t *testing.T, name string, got, want map[string]float64) {
	t.Helper()
	if len(got) != len(want) || len(want) == 0 {
		t.Errorf("%s: %d cells, want %d", name, len(got), len(want))
	}
	for k, w := range want {
		if g, ok := got[k]; !ok || !near(g, w) {
			t.Errorf("%s: cell %s = %v, want %v", name, k, g, w)
		}
	}
}

const (
	regionDim = `{"CategoricalDimensionField": {"FieldId": "%s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}`
	monthDim  = `{"DateDimensionField": {"FieldId": "%s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}, "DateGranularity": "MONTH"}}`
	sumOf     = `{"NumericalMeasureField": {"FieldId": "%s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "%s"}, "AggregationFunction": {"SimpleNumericalAggregation": "%s"}}}`
)

// TestViewerHeatMap draws heat maps created through the API: revenue by
// region and month, its rows sorted descending, a count of records
// without a value, and an items limit refused by name; every cell is
// compared with SQL over the sample file.
func TestViewerHeatMap(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	heat := func(id, values, sort string) string {
		return fmt.Sprintf(`{"HeatMapVisual": {"VisualId": %q, "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {
			"Rows": [`+regionDim+`], "Columns": [`+monthDim+`], "Values": [%s]}}, "SortConfiguration": {%s},
			"ColorScale": {"ColorFillType": "GRADIENT", "Colors": [{"Color": "#FFFFFF"}, {"Color": "#AA0000"}]}}}}`, id, id+"-r", id+"-m", values, sort)
	}
	body := visualsDashboard(t, ts, "heat",
		heat("avg", fmt.Sprintf(sumOf, "avg-v", "revenue", "AVERAGE"), `"HeatMapRowSort": [{"FieldSort": {"FieldId": "avg-r", "Direction": "DESC"}}]`),
		heat("records", "", ""),
		heat("limited", fmt.Sprintf(sumOf, "lim-v", "revenue", "SUM"), `"HeatMapRowItemsLimitConfiguration": {"ItemsLimit": 2, "OtherCategories": "EXCLUDE"}`),
		heat("by-measure", fmt.Sprintf(sumOf, "bm-v", "revenue", "SUM"), `"HeatMapColumnSort": [{"FieldSort": {"FieldId": "bm-v", "Direction": "DESC"}}]`),
	)
	avg := rawChart(t, body, "avg")
	wantCells(t, "average revenue", heatCells(t, avg),
		sqlHeatCells(t, ts, "SELECT region, substr(order_date, 1, 7), avg(revenue) FROM orders GROUP BY 1, 2"))
	rows := axisData(t, avg, "yAxis")
	var want []string
	r, err := sampleDB(t, ts).QueryContext(t.Context(), "SELECT DISTINCT region FROM orders ORDER BY region DESC")
	must(t, err)
	for r.Next() {
		var s string
		must(t, r.Scan(&s))
		want = append(want, s)
	}
	r.Close()
	if strings.Join(rows, ",") != strings.Join(want, ",") {
		t.Errorf("rows %v, want %v (descending)", rows, want)
	}
	cols := axisData(t, avg, "xAxis")
	for i := 1; i < len(cols); i++ {
		a, _ := time.Parse("Jan 2006", cols[i-1])
		b, _ := time.Parse("Jan 2006", cols[i])
		if !a.Before(b) {
			t.Errorf("columns out of order: %s before %s", cols[i-1], cols[i])
		}
	}
	if c := avg["visualMap"].(map[string]any)["inRange"].(map[string]any)["color"]; fmt.Sprint(c) != "[#FFFFFF #AA0000]" {
		t.Errorf("color scale %v", c)
	}
	wantCells(t, "count of records", heatCells(t, rawChart(t, body, "records")),
		sqlHeatCells(t, ts, "SELECT region, substr(order_date, 1, 7), count(*) FROM orders GROUP BY 1, 2"))
	for id, what := range map[string]string{"limited": "HeatMapRowItemsLimitConfiguration", "by-measure": "HeatMapColumnSort by another field"} {
		if tl := tile(t, body, id); !strings.Contains(tl, "tile-unsupported") || !strings.Contains(tl, what) || strings.Contains(tl, "data-echarts") {
			t.Errorf("%s: want an unsupported tile naming %s, got\n%s", id, what, tl)
		}
	}
}
