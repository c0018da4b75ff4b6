package e2e

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/sightglass/sightglass/internal/app"
)

// filteredKPI is one KPI of the filter dashboard: a measure under one
// filter, and the SQL over the sample file that computes the same number.
type filteredKPI struct {
	id, column, aggregation, filter, sql string
}

// TestViewerFilterKinds draws a dashboard created through the API whose
// KPIs each sit under one filter (partial string matches, numeric
// inequality, a month by time equality, a time range at a granularity)
// and compares every number with an independent SQL query over the sample
// file, and with the unfiltered total, so that a dropped filter cannot
// pass. Nested filters keep (or drop) the outer field's values found under
// the inner filter. A filter Sightglass cannot compute (a nested filter
// whose inner filter is of another dataset) makes its KPI say so by name
// instead of drawing the unfiltered number.
func TestViewerFilterKinds(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	db := sampleDB(t, ts)
	var month string
	must(t, db.QueryRowContext(t.Context(), "SELECT substr(max(order_date), 1, 7) FROM orders").Scan(&month))
	mid, err := time.Parse(time.DateOnly, month+"-15")
	must(t, err)
	first, next := mid.AddDate(0, 0, -14).Format(time.DateOnly), mid.AddDate(0, 1, -14).Format(time.DateOnly)
	prev := mid.AddDate(0, -2, 0) // two months back: the range covers three whole months
	var rare string
	must(t, db.QueryRowContext(t.Context(), "SELECT product FROM orders GROUP BY product ORDER BY count(*), product LIMIT 1").Scan(&rare))
	jsonQuote := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	sqlQuote := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

	col := func(name string) string {
		return fmt.Sprintf(`"Column": {"DataSetIdentifier": "sales", "ColumnName": %q}`, name)
	}
	kpis := []filteredKPI{
		{"contains", "revenue", "SUM", `{"CategoryFilter": {"FilterId": "f-contains", ` + col("sub_category") + `,
			"Configuration": {"CustomFilterConfiguration": {"MatchOperator": "CONTAINS", "CategoryValue": "hone", "NullOption": "NON_NULLS_ONLY"}}}}`,
			"SELECT sum(revenue) FROM orders WHERE instr(sub_category, 'hone') > 0"},
		{"case-sensitive", "revenue", "SUM", `{"CategoryFilter": {"FilterId": "f-case", ` + col("sub_category") + `,
			"Configuration": {"CustomFilterConfiguration": {"MatchOperator": "CONTAINS", "CategoryValue": "phones", "NullOption": "NON_NULLS_ONLY"}}}}`,
			"EMPTY"},
		// A filter list's CONTAINS and DOES_NOT_CONTAIN include or exclude
		// the listed values themselves: "America" and "Euro" match no
		// region exactly, so they include or exclude nothing.
		{"exclude-list", "revenue", "SUM", `{"CategoryFilter": {"FilterId": "f-exclude-list", ` + col("region") + `,
			"Configuration": {"FilterListConfiguration": {"MatchOperator": "DOES_NOT_CONTAIN", "CategoryValues": ["Europe", "America"], "NullOption": "NON_NULLS_ONLY"}}}}`,
			"SELECT sum(revenue) FROM orders WHERE region NOT IN ('Europe', 'America')"},
		{"include-list", "order_id", "COUNT", `{"CategoryFilter": {"FilterId": "f-include-list", ` + col("region") + `,
			"Configuration": {"CustomFilterListConfiguration": {"MatchOperator": "CONTAINS", "CategoryValues": ["Asia Pacific", "Euro"], "NullOption": "NON_NULLS_ONLY"}}}}`,
			"SELECT count(order_id) FROM orders WHERE region IN ('Asia Pacific', 'Euro')"},
		{"starts", "order_id", "COUNT", `{"CategoryFilter": {"FilterId": "f-starts", ` + col("region") + `,
			"Configuration": {"CustomFilterListConfiguration": {"MatchOperator": "STARTS_WITH", "CategoryValues": ["E", "N"], "NullOption": "NON_NULLS_ONLY"}}}}`,
			"SELECT count(order_id) FROM orders WHERE substr(region, 1, 1) IN ('E', 'N')"},
		{"ends", "order_id", "COUNT", `{"CategoryFilter": {"FilterId": "f-ends", ` + col("category") + `,
			"Configuration": {"CustomFilterConfiguration": {"MatchOperator": "ENDS_WITH", "CategoryValue": "s", "NullOption": "NON_NULLS_ONLY"}}}}`,
			"SELECT count(order_id) FROM orders WHERE substr(category, -1) = 's'"},
		{"quantity-not-one", "order_id", "COUNT", `{"NumericEqualityFilter": {"FilterId": "f-ne", ` + col("quantity") + `,
			"MatchOperator": "DOES_NOT_EQUAL", "Value": 1, "NullOption": "NON_NULLS_ONLY"}}`,
			"SELECT count(order_id) FROM orders WHERE quantity <> 1"},
		{"one-month", "revenue", "SUM", fmt.Sprintf(`{"TimeEqualityFilter": {"FilterId": "f-month", %s, "Value": %q, "TimeGranularity": "MONTH"}}`,
			col("order_date"), mid.Format(time.RFC3339)),
			fmt.Sprintf("SELECT sum(revenue) FROM orders WHERE order_date >= '%s' AND order_date < '%s'", first, next)},
		{"three-months", "order_id", "COUNT", fmt.Sprintf(`{"TimeRangeFilter": {"FilterId": "f-months", %s, "NullOption": "NON_NULLS_ONLY",
			"RangeMinimumValue": {"StaticValue": %q}, "RangeMaximumValue": {"StaticValue": %q}, "IncludeMinimum": true, "IncludeMaximum": true, "TimeGranularity": "MONTH"}}`,
			col("order_date"), prev.Format(time.RFC3339), mid.Format(time.RFC3339)),
			fmt.Sprintf("SELECT count(order_id) FROM orders WHERE order_date >= '%s' AND order_date < '%s'", prev.AddDate(0, 0, -14).Format(time.DateOnly), next)},
		{"top-months", "revenue", "SUM", `{"TopBottomFilter": {"FilterId": "f-top-months", ` + col("order_date") + `, "Limit": 3, "TimeGranularity": "MONTH",
			"AggregationSortConfigurations": [{"Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "SortDirection": "DESC", "AggregationFunction": {"NumericalAggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}}`,
			"SELECT sum(revenue) FROM orders WHERE substr(order_date, 1, 7) IN (SELECT substr(order_date, 1, 7) FROM orders GROUP BY 1 ORDER BY sum(revenue) DESC LIMIT 3)"},
		// Nested: the cities where the least-ordered product sold, with
		// all their revenue; and every other city.
		{"nested-include", "revenue", "SUM", `{"NestedFilter": {"FilterId": "f-nested-in", ` + col("city") + `, "IncludeInnerSet": true,
			"InnerFilter": {"CategoryInnerFilter": {` + col("product") + `, "Configuration": {"FilterListConfiguration": {"MatchOperator": "EQUALS", "CategoryValues": [` + jsonQuote(rare) + `], "NullOption": "NON_NULLS_ONLY"}}}}}}`,
			"SELECT sum(revenue) FROM orders WHERE city IN (SELECT city FROM orders WHERE product = " + sqlQuote(rare) + ")"},
		{"nested-exclude", "order_id", "COUNT", `{"NestedFilter": {"FilterId": "f-nested-out", ` + col("city") + `, "IncludeInnerSet": false,
			"InnerFilter": {"CategoryInnerFilter": {` + col("product") + `, "Configuration": {"FilterListConfiguration": {"MatchOperator": "EQUALS", "CategoryValues": [` + jsonQuote(rare) + `], "NullOption": "NON_NULLS_ONLY"}}}}}}`,
			"SELECT count(order_id) FROM orders WHERE city NOT IN (SELECT city FROM orders WHERE product = " + sqlQuote(rare) + ")"},
		// An inner filter of another dataset is not computed: the KPI says
		// so by name instead of drawing the unfiltered number.
		{"nested-other", "revenue", "SUM", `{"NestedFilter": {"FilterId": "f-nested", ` + col("region") + `, "IncludeInnerSet": true,
			"InnerFilter": {"CategoryInnerFilter": {"Column": {"DataSetIdentifier": "other", "ColumnName": "region"}, "Configuration": {"FilterListConfiguration": {"MatchOperator": "EQUALS", "CategoryValues": ["East"]}}}}}}`, ""},
	}
	var visuals, groups []string
	for _, k := range kpis {
		visuals = append(visuals, fmt.Sprintf(`{"KPIVisual": {"VisualId": %q, "ChartConfiguration": {"FieldWells": {"Values": [{"NumericalMeasureField": {
			"FieldId": %q, %s, "AggregationFunction": {"SimpleNumericalAggregation": %q}}}]}}}}`, k.id, k.id+"-m", col(k.column), k.aggregation))
		groups = append(groups, fmt.Sprintf(`{"FilterGroupId": %q, "CrossDataset": "SINGLE_DATASET", "Status": "ENABLED", "Filters": [%s],
			"ScopeConfiguration": {"SelectedSheets": {"SheetVisualScopingConfigurations": [{"SheetId": "s", "Scope": "SELECTED_VISUALS", "VisualIds": [%q]}]}}}`,
			"g-"+k.id, k.filter, k.id))
	}
	def := fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": %[1]q}, {"Identifier": "other", "DataSetArn": %[1]q}],
		"FilterGroups": [%s], "Sheets": [{"SheetId": "s", "Name": "Filters", "Visuals": [%s]}]}`,
		"arn:aws:quicksight:"+region+":"+accountID+":dataset/"+app.SampleDataSetID, strings.Join(groups, ","), strings.Join(visuals, ","))
	var d types.DashboardVersionDefinition
	decodeStrict(t, []byte(def), &d)
	c := ts.adminClient()
	_, err = c.CreateDashboard(t.Context(), &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("filters"),
		Name: aws.String("Filters"), Definition: &d, Permissions: ownerPermissions("admin", dashboardReaderActions...)})
	must(t, err)
	if v := waitVersion(t, c, "filters", 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		errs, _ := json.Marshal(v.Errors)
		t.Fatalf("dashboard %s: %s", v.Status, errs)
	}

	u := ts.mint(t, "admin", "/dashboards/filters")
	_, p := ts.signOn(t, u, -1)
	total := map[string]float64{
		"SUM":   sqlFloat(t, db, "SELECT sum(revenue) FROM orders"),
		"COUNT": sqlFloat(t, db, "SELECT count(order_id) FROM orders"),
	}
	for _, k := range kpis {
		if k.sql == "" {
			tl := tile(t, p.Body, k.id)
			if !strings.Contains(tl, "tile-unsupported") || !strings.Contains(tl, `The filter &#34;f-nested&#34; (NestedFilter) uses an InnerFilter of another dataset`) || strings.Contains(tl, "kpi-value") {
				t.Errorf("%s: want an unsupported tile naming the filter, got\n%s", k.id, tl)
			}
			continue
		}
		if k.sql == "EMPTY" { // matches no row: case counts
			if tl := tile(t, p.Body, k.id); !strings.Contains(tl, `<p class="kpi-value">(empty)</p>`) {
				t.Errorf("%s: want an empty KPI, got\n%s", k.id, tl)
			}
			continue
		}
		want := sqlFloat(t, db, k.sql)
		if want == 0 || want == total[k.aggregation] {
			t.Fatalf("%s: SQL gives %v (total %v): the case cannot tell a dropped filter", k.id, want, total[k.aggregation])
		}
		wantEqual(t, k.id, kpiValue(t, p.Body, k.id), math.Round(want*100)/100)
	}
}
