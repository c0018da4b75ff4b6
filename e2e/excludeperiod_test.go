package e2e

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// The exclude_orders every engine of TestExcludePeriod gets: amounts are powers of
// two, so each sum names the rows in it. "Now" is 2024-03-01 10:00 UTC,
// the day after a leap day; order 9 is later today, 10 tomorrow, 11 has no
// date.
const excludeOrders = `(1, '2023-11-30 23:00:00', 1), (2, '2023-12-31 12:00:00', 2), (3, '2024-01-15 00:00:00', 4),
	(4, '2024-01-31 23:59:59', 8), (5, '2024-02-01 00:00:00', 16), (6, '2024-02-28 08:00:00', 32), (7, '2024-02-29 12:00:00', 64),
	(8, '2024-03-01 09:00:00', 128), (9, '2024-03-01 18:00:00', 256), (10, '2024-03-02 00:00:00', 512), (11, NULL, 1024)`

var excludeNow = time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)

// excludeKPI is a KPI of the sum of amount under one date filter, and the
// condition an independent SQL query writes for the rows it keeps ("" for
// a filter the viewer must refuse by name).
type excludeKPI struct{ id, filter, where string }

var excludeKPIs = []excludeKPI{
	// The last 3 months (January to March) less the current month.
	{"last-3-months-less-1", `{"RelativeDatesFilter": {"FilterId": "f1", %[1]s, "NullOption": "NON_NULLS_ONLY", "RelativeDateType": "LAST", "RelativeDateValue": 3,
		"TimeGranularity": "MONTH", "AnchorDateConfiguration": {"AnchorOption": "NOW"}, "ExcludePeriodConfiguration": {"Amount": 1, "Granularity": "MONTH", "Status": "ENABLED"}}}`,
		"order_date >= '2024-01-01 00:00:00' AND order_date < '2024-03-01 00:00:00'"},
	// This year less the last 2 days: the leap day and today, not tomorrow.
	{"this-year-less-2-days", `{"RelativeDatesFilter": {"FilterId": "f2", %[1]s, "NullOption": "NON_NULLS_ONLY", "RelativeDateType": "THIS",
		"TimeGranularity": "YEAR", "AnchorDateConfiguration": {"AnchorOption": "NOW"}, "ExcludePeriodConfiguration": {"Amount": 2, "Granularity": "DAY"}}}`,
		"order_date >= '2024-01-01 00:00:00' AND order_date < '2025-01-01 00:00:00' AND NOT (order_date >= '2024-02-29 00:00:00' AND order_date < '2024-03-02 00:00:00')"},
	// From December less this week (Sunday 25 February to Saturday 2 March).
	{"range-less-1-week", `{"TimeRangeFilter": {"FilterId": "f3", %[1]s, "NullOption": "NON_NULLS_ONLY", "RangeMinimumValue": {"StaticValue": "2023-12-01T00:00:00Z"},
		"IncludeMinimum": true, "ExcludePeriodConfiguration": {"Amount": 1, "Granularity": "WEEK", "Status": "ENABLED"}}}`,
		"order_date >= '2023-12-01 00:00:00' AND NOT (order_date >= '2024-02-25 00:00:00' AND order_date < '2024-03-03 00:00:00')"},
	// No bounds, nulls kept, less this quarter.
	{"all-less-1-quarter", `{"TimeRangeFilter": {"FilterId": "f4", %[1]s, "NullOption": "ALL_VALUES",
		"ExcludePeriodConfiguration": {"Amount": 1, "Granularity": "QUARTER", "Status": "ENABLED"}}}`,
		"order_date IS NULL OR order_date < '2024-01-01 00:00:00' OR order_date >= '2024-04-01 00:00:00'"},
	// A disabled exclude period excludes nothing.
	{"disabled", `{"RelativeDatesFilter": {"FilterId": "f5", %[1]s, "NullOption": "NON_NULLS_ONLY", "RelativeDateType": "LAST", "RelativeDateValue": 3,
		"TimeGranularity": "MONTH", "AnchorDateConfiguration": {"AnchorOption": "NOW"}, "ExcludePeriodConfiguration": {"Amount": 1, "Granularity": "MONTH", "Status": "DISABLED"}}}`,
		"order_date >= '2024-01-01 00:00:00' AND order_date < '2024-04-01 00:00:00'"},
	// Anchored at a parameter (Wednesday 31 January): the last 2 months
	// less that week, which starts on Sunday 28 January.
	{"anchored-less-1-week", `{"RelativeDatesFilter": {"FilterId": "f7", %[1]s, "NullOption": "NON_NULLS_ONLY", "RelativeDateType": "LAST", "RelativeDateValue": 2,
		"TimeGranularity": "MONTH", "AnchorDateConfiguration": {"ParameterName": "Anchor"}, "ExcludePeriodConfiguration": {"Amount": 1, "Granularity": "WEEK"}}}`,
		"order_date >= '2023-12-01 00:00:00' AND order_date < '2024-01-28 00:00:00'"},
	{"milliseconds", `{"TimeRangeFilter": {"FilterId": "f6", %[1]s, "NullOption": "NON_NULLS_ONLY",
		"ExcludePeriodConfiguration": {"Amount": 1, "Granularity": "MILLISECOND", "Status": "ENABLED"}}}`, ""},
}

// TestExcludePeriod draws, on a SQLite, a SPICE, a PostgreSQL and a
// MariaDB dataset, KPIs under date filters with an exclude period, at a
// fixed now or a parameter's anchor, and compares each with an
// independent SQL query on the engine's own table and with the unfiltered
// total.
func TestExcludePeriod(t *testing.T) {
	t.Parallel()
	t.Run("sqlite and spice", func(t *testing.T) {
		t.Parallel()
		clk := newClock()
		ts := startServer(t, withClock(clk))
		db, err := sql.Open("sqlite", filepath.Join(ts.Config.DataSourceDir, "exclude.sqlite"))
		must(t, err)
		defer db.Close()
		for _, s := range []string{`CREATE TABLE exclude_orders (id INTEGER, order_date TEXT, amount REAL)`, `INSERT INTO exclude_orders VALUES ` + excludeOrders} {
			_, err := db.ExecContext(t.Context(), s)
			must(t, err)
		}
		_, err = ts.App.CreateSQLiteDataSource(t.Context(), accountID, "exclude-db", "Exclude", "exclude.sqlite")
		must(t, err)
		c := ts.adminClient()
		createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("exclude-direct"), ImportMode: types.DataSetImportModeDirectQuery, PhysicalTableMap: excludeTable("exclude-db", "")})
		out := createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("exclude-spice"), ImportMode: types.DataSetImportModeSpice, PhysicalTableMap: excludeTable("exclude-db", "")})
		wantIngestion(t, waitIngestion(t, c, "exclude-spice", aws.ToString(out.IngestionId)), types.IngestionStatusCompleted, 11, "")
		testExcludePeriod(t, ts, clk, db, "exclude-direct", "exclude-spice")
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		clk := newClock()
		ts := startServer(t, withClock(clk))
		name := pgDatabase(t)
		db, err := sql.Open("pgx", fmt.Sprintf("postgres://%s:%s@%s:%d/%s?sslmode=disable", pgUser, pgPassword, pgHost, pgPort, name))
		must(t, err)
		defer db.Close()
		for _, s := range []string{`CREATE TABLE exclude_orders (id integer, order_date timestamp, amount numeric(10,2))`, `INSERT INTO exclude_orders VALUES ` + excludeOrders} {
			_, err := db.ExecContext(t.Context(), s)
			must(t, err)
		}
		c := ts.adminClient()
		createPG(t, c, "exclude-pg", pgParams(pgHost, pgPort, name), pair(pgUser, pgPassword))
		createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("exclude-pg"), ImportMode: types.DataSetImportModeDirectQuery, PhysicalTableMap: excludeTable("exclude-pg", "public")})
		testExcludePeriod(t, ts, clk, db, "exclude-pg")
	})
	t.Run("mariadb", func(t *testing.T) {
		t.Parallel()
		clk := newClock()
		ts := startServer(t, withClock(clk))
		root, err := sql.Open("mysql", fmt.Sprintf("root@tcp(%s:%d)/test", pgHost, mariaDBPort))
		must(t, err)
		defer root.Close()
		name := fmt.Sprintf("sg_exclude_%d", time.Now().UnixNano())
		if _, err := root.ExecContext(t.Context(), "CREATE DATABASE "+name); err != nil {
			t.Skipf("local MariaDB unavailable: %v", err)
		}
		user, password := "ep_"+strconv.FormatInt(time.Now().UnixNano()%1e9, 36), "Exclude-Reader-4b2c"
		t.Cleanup(func() {
			root.Exec("DROP DATABASE IF EXISTS " + name)
			root.Exec("DROP USER IF EXISTS '" + user + "'@'%'")
		})
		for _, s := range []string{"CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'", "GRANT SELECT ON " + name + ".* TO '" + user + "'@'%'",
			"CREATE TABLE " + name + ".exclude_orders (id INT, order_date DATETIME, amount DECIMAL(10,2))", "INSERT INTO " + name + ".exclude_orders VALUES " + excludeOrders} {
			_, err := root.ExecContext(t.Context(), s)
			must(t, err)
		}
		db, err := sql.Open("mysql", fmt.Sprintf("root@tcp(%s:%d)/%s", pgHost, mariaDBPort, name))
		must(t, err)
		defer db.Close()
		c := ts.adminClient()
		createSource(t, c, "exclude-maria", types.DataSourceTypeMariadb, mariaParams(name), pair(user, password))
		createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("exclude-maria"), ImportMode: types.DataSetImportModeDirectQuery, PhysicalTableMap: excludeTable("exclude-maria", "")})
		testExcludePeriod(t, ts, clk, db, "exclude-maria")
	})
}

func excludeTable(source, schema string) map[string]types.PhysicalTable {
	rt := types.RelationalTable{DataSourceArn: aws.String(dataSourceARN(source)), Name: aws.String("exclude_orders"), InputColumns: []types.InputColumn{
		col("id", types.InputColumnDataTypeInteger), col("order_date", types.InputColumnDataTypeDatetime), col("amount", types.InputColumnDataTypeDecimal)}}
	if schema != "" {
		rt.Schema = aws.String(schema)
	}
	return map[string]types.PhysicalTable{"orders": &types.PhysicalTableMemberRelationalTable{Value: rt}}
}

// testExcludePeriod creates a dashboard of excludeKPIs over each dataset,
// signs on, sets the clock to excludeNow and reads the KPIs.
func testExcludePeriod(t *testing.T, ts *testServer, clk *clock, db *sql.DB, dataSets ...string) {
	c := ts.adminClient()
	total := sqlFloat(t, db, "SELECT sum(amount) FROM exclude_orders")
	for _, ds := range dataSets {
		var visuals, groups []string
		column := `"Column": {"DataSetIdentifier": "orders", "ColumnName": "order_date"}`
		for _, k := range excludeKPIs {
			visuals = append(visuals, fmt.Sprintf(`{"KPIVisual": {"VisualId": %q, "ChartConfiguration": {"FieldWells": {"Values": [{"NumericalMeasureField": {
				"FieldId": %q, "Column": {"DataSetIdentifier": "orders", "ColumnName": "amount"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}}}}`, k.id, k.id+"-m"))
			groups = append(groups, fmt.Sprintf(`{"FilterGroupId": %q, "CrossDataset": "SINGLE_DATASET", "Status": "ENABLED", "Filters": [%s],
				"ScopeConfiguration": {"SelectedSheets": {"SheetVisualScopingConfigurations": [{"SheetId": "s", "Scope": "SELECTED_VISUALS", "VisualIds": [%q]}]}}}`,
				"g-"+k.id, fmt.Sprintf(k.filter, column), k.id))
		}
		def := fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "orders", "DataSetArn": %q}],
			"ParameterDeclarations": [{"DateTimeParameterDeclaration": {"Name": "Anchor", "DefaultValues": {"StaticValues": ["2024-01-31T12:00:00Z"]}}}], "FilterGroups": [%s], "Sheets": [{"SheetId": "s", "Name": "Exclude", "Visuals": [%s]}]}`,
			dataSetARN(ds), strings.Join(groups, ","), strings.Join(visuals, ","))
		var d types.DashboardVersionDefinition
		decodeStrict(t, []byte(def), &d)
		_, err := c.CreateDashboard(t.Context(), &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(ds),
			Name: aws.String(ds), Definition: &d, Permissions: ownerPermissions("admin", dashboardReaderActions...)})
		must(t, err)
		if v := waitVersion(t, c, ds, 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
			errs, _ := json.Marshal(v.Errors)
			t.Fatalf("dashboard %s: %s", v.Status, errs)
		}
		u := ts.mint(t, "admin", "/dashboards/"+ds)
		token, _ := ts.signOn(t, u, -1)
		real := clk.Now()
		clk.Set(excludeNow)
		p := ts.withToken(t, ts.URL+"/embedding/"+u.Sid+"/dashboards/"+ds, token)
		clk.Set(real)
		if p.Status != 200 {
			t.Fatalf("%s at %s: %d\n%.2000s", ds, excludeNow, p.Status, p.Body)
		}
		for _, k := range excludeKPIs {
			if k.where == "" {
				tl := tile(t, p.Body, k.id)
				if !strings.Contains(tl, "tile-unsupported") || !strings.Contains(tl, `ExcludePeriodConfiguration Granularity of &#34;MILLISECOND&#34;`) || strings.Contains(tl, "kpi-value") {
					t.Errorf("%s %s: want an unsupported tile naming the granularity, got\n%s", ds, k.id, tl)
				}
				continue
			}
			want := sqlFloat(t, db, "SELECT sum(amount) FROM exclude_orders WHERE "+k.where)
			if want == total {
				t.Fatalf("%s: the SQL keeps every row: the case tests nothing", k.id)
			}
			if got := kpiValue(t, p.Body, k.id); !near(got, want) {
				t.Errorf("%s %s: KPI %v, SQL %v", ds, k.id, got, want)
			}
		}
	}
}
