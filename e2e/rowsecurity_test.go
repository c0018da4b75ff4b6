//lint:file-ignore SA1019 LogicalTableMap, RowLevelPermissionDataSet and RowLevelPermissionTagConfiguration are what Sightglass implements (the legacy data preparation experience)

package e2e

// Row- and column-level security through the API and App.QueryDataSetAs:
// a dataset secured by a rules dataset (user and group rules, GRANT and
// DENY), by tag rules for anonymous sessions and by column rules answers
// each reader what an independent SQL query with the rule written by hand
// answers, on a SQLite and a PostgreSQL source; value lists and top-N see
// only the reader's rows; a hidden column is refused, also through a
// calculated field; a bad configuration gets its modeled error.

import (
	"context"
	"database/sql"
	"fmt"
	"html"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/query"
)

// The secured table and the rules table every engine gets.
const (
	rlsSalesRows = `(1, 'East', 'Retail', 10), (2, 'East', 'Corporate', 20), (3, 'West', 'Retail', 30), (4, 'West', 'Corporate', 40),
		(5, 'North', 'Retail', 50), (6, 'South', 'Corporate', 60), (7, 'North', 'Corporate', 70)`
	rlsRulesRows = `('ann', NULL, 'East', NULL), ('bob', NULL, 'West, North', 'Retail'), ('bob', NULL, 'South', ''),
		(NULL, 'sales', 'North', NULL), ('cat', NULL, NULL, NULL), ('eve', 'ops', 'Nowhere', NULL)`
)

// rlsRules2Rows are VERSION_2 rules: by user and group ARN.
var rlsRules2Rows = fmt.Sprintf(`('%s', NULL, 'West'), (NULL, '%s', 'South'), ('%s', NULL, 'East')`,
	userARN(accountID, "ann"), sg.GroupARN(region, accountID, "default", "sales"), sg.GroupARN(region, accountID, "default", "ann"))

// rlsReader is a reader and the rows it may see, as a hand-written SQL
// condition over the sales table.
type rlsReader struct {
	name  string
	scope sg.RowScope
	where string
}

var rlsGrantReaders = []rlsReader{
	{"user rule", sg.RowScope{UserName: "ann"}, "region = 'East'"},
	{"rows OR-ed, columns AND-ed, comma-separated values", sg.RowScope{UserName: "bob"}, "(region IN ('West', 'North') AND segment = 'Retail') OR region = 'South'"},
	{"group rule", sg.RowScope{UserName: "zed", Groups: []string{"sales"}}, "region = 'North'"},
	{"user and group rules", sg.RowScope{UserName: "bob", Groups: []string{"sales"}}, "(region IN ('West', 'North') AND segment = 'Retail') OR region = 'South' OR region = 'North'"},
	{"empty values mean all", sg.RowScope{UserName: "cat"}, "1 = 1"},
	{"no matching rule", sg.RowScope{UserName: "zed"}, "1 = 0"},
	{"a rule no row fulfils", sg.RowScope{UserName: "eve"}, "1 = 0"},
	{"anonymous", sg.RowScope{Anonymous: true}, "1 = 0"},
}

// rlsEngine is one source engine of the test.
type rlsEngine struct {
	name  string
	db    *sql.DB
	table func(name string, cols ...types.InputColumn) map[string]types.PhysicalTable
}

func TestRowSecuritySQLite(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	dir := ts.Config.DataSourceDir
	db, err := sql.Open("sqlite", filepath.Join(dir, "rls.sqlite"))
	must(t, err)
	defer db.Close()
	for _, s := range []string{
		`CREATE TABLE sales (id INTEGER, region TEXT, segment TEXT, amount REAL)`,
		`INSERT INTO sales VALUES ` + rlsSalesRows,
		`CREATE TABLE rules ("UserName" TEXT, "GroupName" TEXT, region TEXT, segment TEXT)`,
		`INSERT INTO rules VALUES ` + rlsRulesRows,
		`CREATE TABLE badrules ("UserName" TEXT, country TEXT)`,
		`CREATE TABLE rules2 ("UserARN" TEXT, "GroupARN" TEXT, region TEXT)`,
		`INSERT INTO rules2 VALUES ` + rlsRules2Rows,
	} {
		_, err := db.ExecContext(t.Context(), s)
		must(t, err)
	}
	_, err = ts.App.CreateSQLiteDataSource(t.Context(), accountID, "rls-db", "RLS", "rls.sqlite")
	must(t, err)
	e := rlsEngine{name: "sqlite", db: db, table: func(name string, cols ...types.InputColumn) map[string]types.PhysicalTable {
		return map[string]types.PhysicalTable{"t": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
			DataSourceArn: aws.String(dataSourceARN("rls-db")), Name: aws.String(name), InputColumns: cols}}}
	}}
	testRowSecurity(t, ts, e)
	testRowSecurityErrors(t, ts, e)
}

func TestRowSecurityPostgres(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	name := pgDatabase(t)
	db, err := sql.Open("pgx", fmt.Sprintf("postgres://%s:%s@%s:%d/%s?sslmode=disable", pgUser, pgPassword, pgHost, pgPort, name))
	must(t, err)
	defer db.Close()
	for _, s := range []string{
		`CREATE TABLE sales (id integer, region text, segment text, amount numeric(10,2))`,
		`INSERT INTO sales VALUES ` + rlsSalesRows,
		`CREATE TABLE rules ("UserName" text, "GroupName" text, region text, segment text)`,
		`INSERT INTO rules VALUES ` + rlsRulesRows,
		`CREATE TABLE rules2 ("UserARN" text, "GroupARN" text, region text)`,
		`INSERT INTO rules2 VALUES ` + rlsRules2Rows,
	} {
		_, err := db.ExecContext(t.Context(), s)
		must(t, err)
	}
	createPG(t, ts.adminClient(), "rls-pg", pgParams(pgHost, pgPort, name), pair(pgUser, pgPassword))
	testRowSecurity(t, ts, rlsEngine{name: "postgres", db: db, table: func(name string, cols ...types.InputColumn) map[string]types.PhysicalTable {
		return map[string]types.PhysicalTable{"t": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
			DataSourceArn: aws.String(dataSourceARN("rls-pg")), Schema: aws.String("public"), Name: aws.String(name), InputColumns: cols}}}
	}})
}

var (
	rlsSalesColumns = []types.InputColumn{col("id", types.InputColumnDataTypeInteger), col("region", types.InputColumnDataTypeString),
		col("segment", types.InputColumnDataTypeString), col("amount", types.InputColumnDataTypeDecimal)}
	rlsRulesColumns = []types.InputColumn{col("UserName", types.InputColumnDataTypeString), col("GroupName", types.InputColumnDataTypeString),
		col("region", types.InputColumnDataTypeString), col("segment", types.InputColumnDataTypeString)}
)

// secureSales creates or updates the secured "sales" dataset.
func secureSales(t testing.TB, c *quicksight.Client, e rlsEngine, create bool, set func(*quicksight.UpdateDataSetInput)) error {
	t.Helper()
	in := &quicksight.UpdateDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("sales"), Name: aws.String("Sales"),
		ImportMode: types.DataSetImportModeDirectQuery, PhysicalTableMap: e.table("sales", rlsSalesColumns...)}
	set(in)
	if create {
		_, err := c.CreateDataSet(t.Context(), &quicksight.CreateDataSetInput{AwsAccountId: in.AwsAccountId, DataSetId: in.DataSetId, Name: in.Name,
			ImportMode: in.ImportMode, PhysicalTableMap: in.PhysicalTableMap,
			RowLevelPermissionDataSet: in.RowLevelPermissionDataSet, RowLevelPermissionTagConfiguration: in.RowLevelPermissionTagConfiguration,
			ColumnLevelPermissionRules: in.ColumnLevelPermissionRules})
		return err
	}
	_, err := c.UpdateDataSet(t.Context(), in)
	return err
}

func grantRules(policy types.RowLevelPermissionPolicy) func(*quicksight.UpdateDataSetInput) {
	return func(in *quicksight.UpdateDataSetInput) {
		in.RowLevelPermissionDataSet = &types.RowLevelPermissionDataSet{Arn: aws.String(dataSetARN("rules")), PermissionPolicy: policy}
	}
}

// normRows renders rows for comparison across drivers: numbers with two
// decimals, text as it is.
func normRows(rows [][]any) []string {
	out := []string{}
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, v := range row {
			switch x := v.(type) {
			case int64:
				cells[i] = fmt.Sprintf("%.2f", float64(x))
			case float64:
				cells[i] = fmt.Sprintf("%.2f", x)
			case []byte:
				cells[i] = normText(string(x))
			case string:
				cells[i] = normText(x)
			default:
				cells[i] = fmt.Sprint(v)
			}
		}
		out = append(out, strings.Join(cells, " "))
	}
	return out
}

func normText(s string) string {
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return fmt.Sprintf("%.2f", f)
	}
	return s
}

// sqlAll runs an independent query and returns its rows.
func sqlAll(t testing.TB, db *sql.DB, query string) [][]any {
	t.Helper()
	rows, err := db.QueryContext(t.Context(), query)
	must(t, err)
	defer rows.Close()
	cols, err := rows.Columns()
	must(t, err)
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		must(t, rows.Scan(ptrs...))
		out = append(out, vals)
	}
	must(t, rows.Err())
	return out
}

var (
	rlsByRegion = &query.Question{
		Dimensions: []query.Dimension{{Field: "region"}},
		Measures:   []query.Measure{{ID: "total", Field: "amount", Aggregation: query.Sum}, {ID: "n", Field: "id", Aggregation: query.Count}},
		Sort:       []query.Sort{{ID: "region"}},
	}
	// rlsSegments is the question of a control's value list.
	rlsSegments = &query.Question{Dimensions: []query.Dimension{{Field: "segment"}}, Sort: []query.Sort{{ID: "segment"}}}
	// rlsTopRegion is the region of the highest total (top 1).
	rlsTopRegion = &query.Question{
		Dimensions: []query.Dimension{{Field: "region"}},
		Measures:   []query.Measure{{ID: "total", Field: "amount", Aggregation: query.Sum}},
		Filters:    []query.Filter{{Kind: query.TopBottomFilter, Field: "region", N: 1, By: query.Measure{Field: "amount", Aggregation: query.Sum}}},
	}
)

// wantReader checks what a reader sees against independent SQL.
func wantReader(t *testing.T, ts *testServer, e rlsEngine, r rlsReader) {
	t.Helper()
	wantReaderOf(t, ts, e, "sales", r)
}

// wantReaderOf checks what a reader sees of a dataset over the sales table.
func wantReaderOf(t *testing.T, ts *testServer, e rlsEngine, dataSetID string, r rlsReader) {
	t.Helper()
	ask := func(what string, q *query.Question, indep string) {
		t.Helper()
		res, err := ts.App.QueryDataSetAs(t.Context(), r.scope, accountID, dataSetID, q)
		if err != nil {
			t.Fatalf("%s %s %s %s: %v", e.name, dataSetID, r.name, what, err)
		}
		wantEqual(t, e.name+" "+r.name+" "+what, normRows(res.Rows), normRows(sqlAll(t, e.db, indep)))
	}
	ask("totals", rlsByRegion, "SELECT region, SUM(amount), COUNT(id) FROM sales WHERE "+r.where+" GROUP BY region ORDER BY region")
	ask("value list", rlsSegments, "SELECT DISTINCT segment FROM sales WHERE "+r.where+" ORDER BY segment")
	ask("top 1", rlsTopRegion, "SELECT region, SUM(amount) FROM sales WHERE "+r.where+" GROUP BY region ORDER BY 2 DESC LIMIT 1")
}

func testRowSecurity(t *testing.T, ts *testServer, e rlsEngine) {
	c := ts.adminClient()
	createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("rules"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: e.table("rules", rlsRulesColumns...)})
	must(t, secureSales(t, c, e, true, grantRules(types.RowLevelPermissionPolicyGrantAccess)))
	d := describeDataSet(t, c, "sales")
	if d.RowLevelPermissionDataSet == nil || aws.ToString(d.RowLevelPermissionDataSet.Arn) != dataSetARN("rules") {
		t.Fatalf("DescribeDataSet: %s", jsonString(d.RowLevelPermissionDataSet))
	}
	// Without rules the control: the whole table.
	res, err := ts.App.QueryDataSet(t.Context(), nil, accountID, "sales", rlsByRegion)
	must(t, err)
	wantEqual(t, "server read", normRows(res.Rows), normRows(sqlAll(t, e.db, "SELECT region, SUM(amount), COUNT(id) FROM sales GROUP BY region ORDER BY region")))

	t.Run("grant", func(t *testing.T) {
		for _, r := range rlsGrantReaders {
			wantReader(t, ts, e, r)
		}
	})

	t.Run("SPICE", func(t *testing.T) {
		// A SPICE copy of the table, secured by a SPICE copy of the rules.
		out := createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("rules-spice"), ImportMode: types.DataSetImportModeSpice,
			PhysicalTableMap: e.table("rules", rlsRulesColumns...)})
		wantIngestion(t, waitIngestion(t, c, "rules-spice", aws.ToString(out.IngestionId)), types.IngestionStatusCompleted, 6, "")
		out = createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("sales-spice"), ImportMode: types.DataSetImportModeSpice,
			PhysicalTableMap:          e.table("sales", rlsSalesColumns...),
			RowLevelPermissionDataSet: &types.RowLevelPermissionDataSet{Arn: aws.String(dataSetARN("rules-spice")), PermissionPolicy: types.RowLevelPermissionPolicyGrantAccess}})
		wantIngestion(t, waitIngestion(t, c, "sales-spice", aws.ToString(out.IngestionId)), types.IngestionStatusCompleted, 7, "")
		for _, r := range rlsGrantReaders {
			wantReaderOf(t, ts, e, "sales-spice", r)
		}
	})

	t.Run("VERSION_2", func(t *testing.T) {
		createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("rules-v2"), ImportMode: types.DataSetImportModeDirectQuery,
			PhysicalTableMap: e.table("rules2", col("UserARN", types.InputColumnDataTypeString), col("GroupARN", types.InputColumnDataTypeString), col("region", types.InputColumnDataTypeString))})
		must(t, secureSales(t, c, e, false, func(in *quicksight.UpdateDataSetInput) {
			in.RowLevelPermissionDataSet = &types.RowLevelPermissionDataSet{Arn: aws.String(dataSetARN("rules-v2")), PermissionPolicy: types.RowLevelPermissionPolicyGrantAccess,
				FormatVersion: types.RowLevelPermissionFormatVersionVersion2}
		}))
		for _, r := range []rlsReader{
			{"user ARN", sg.RowScope{UserName: "ann"}, "region = 'West'"},
			{"group ARN", sg.RowScope{UserName: "zed", Groups: []string{"sales"}}, "region = 'South'"},
			{"a group's ARN is not a user's", sg.RowScope{UserName: "zed", Groups: []string{"ops"}}, "1 = 0"},
		} {
			wantReader(t, ts, e, r)
		}
		must(t, secureSales(t, c, e, false, grantRules(types.RowLevelPermissionPolicyGrantAccess)))
	})

	t.Run("registered user through QueryDataSet", func(t *testing.T) {
		registerQuickSightUser(t, c, "ann", types.UserRoleAuthor)
		u, err := ts.Store.FindUser(t.Context(), accountID, "default", "ann")
		must(t, err)
		res, err := ts.App.QueryDataSet(t.Context(), u, accountID, "sales", rlsByRegion)
		must(t, err)
		wantEqual(t, "ann", normRows(res.Rows), normRows(sqlAll(t, e.db, "SELECT region, SUM(amount), COUNT(id) FROM sales WHERE region = 'East' GROUP BY region ORDER BY region")))
	})

	t.Run("deny", func(t *testing.T) {
		must(t, secureSales(t, c, e, false, grantRules(types.RowLevelPermissionPolicyDenyAccess)))
		for _, r := range []rlsReader{
			{"user rule", sg.RowScope{UserName: "ann"}, "NOT (region = 'East')"},
			{"rows OR-ed", sg.RowScope{UserName: "bob"}, "NOT ((region IN ('West', 'North') AND segment = 'Retail') OR region = 'South')"},
			{"group rule", sg.RowScope{UserName: "zed", Groups: []string{"sales"}}, "region <> 'North'"},
			{"empty values deny all", sg.RowScope{UserName: "cat"}, "1 = 0"},
			{"no matching rule", sg.RowScope{UserName: "zed"}, "1 = 1"},
		} {
			wantReader(t, ts, e, r)
		}
	})

	t.Run("disabled", func(t *testing.T) {
		must(t, secureSales(t, c, e, false, func(in *quicksight.UpdateDataSetInput) {
			grantRules(types.RowLevelPermissionPolicyGrantAccess)(in)
			in.RowLevelPermissionDataSet.Status = types.StatusDisabled
		}))
		wantReader(t, ts, e, rlsReader{"rules disabled", sg.RowScope{UserName: "zed"}, "1 = 1"})
	})

	t.Run("tags", func(t *testing.T) {
		must(t, secureSales(t, c, e, false, func(in *quicksight.UpdateDataSetInput) {
			grantRules(types.RowLevelPermissionPolicyGrantAccess)(in)
			in.RowLevelPermissionTagConfiguration = &types.RowLevelPermissionTagConfiguration{TagRules: []types.RowLevelPermissionTagRule{
				{TagKey: aws.String("region"), ColumnName: aws.String("region"), TagMultiValueDelimiter: aws.String("|"), MatchAllValue: aws.String("*")},
				{TagKey: aws.String("segment"), ColumnName: aws.String("segment")},
			}}
		}))
		for _, r := range []rlsReader{
			{"several values", sg.RowScope{Anonymous: true, SessionTags: map[string]string{"region": "East|West", "segment": "Retail"}}, "region IN ('East', 'West') AND segment = 'Retail'"},
			{"match all", sg.RowScope{Anonymous: true, SessionTags: map[string]string{"region": "*", "segment": "Corporate"}}, "segment = 'Corporate'"},
			{"a tag missing", sg.RowScope{Anonymous: true, SessionTags: map[string]string{"region": "East"}}, "1 = 0"},
			{"no tags", sg.RowScope{Anonymous: true}, "1 = 0"},
			// A registered user still reads through the rules dataset.
			{"registered user", sg.RowScope{UserName: "ann", SessionTags: map[string]string{"region": "*", "segment": "Retail"}}, "region = 'East'"},
		} {
			wantReader(t, ts, e, r)
		}
	})

	t.Run("tags on numbers", func(t *testing.T) {
		must(t, secureSales(t, c, e, false, func(in *quicksight.UpdateDataSetInput) {
			in.RowLevelPermissionTagConfiguration = &types.RowLevelPermissionTagConfiguration{
				TagRules: []types.RowLevelPermissionTagRule{
					{TagKey: aws.String("id"), ColumnName: aws.String("id"), TagMultiValueDelimiter: aws.String(",")},
					{TagKey: aws.String("amount"), ColumnName: aws.String("amount"), TagMultiValueDelimiter: aws.String(",")},
				},
				TagRuleConfigurations: [][]string{{"id"}, {"amount"}},
			}
		}))
		for _, r := range []rlsReader{
			{"integer values", sg.RowScope{Anonymous: true, SessionTags: map[string]string{"id": "1,3,x"}}, "id IN (1, 3)"},
			{"decimal values", sg.RowScope{Anonymous: true, SessionTags: map[string]string{"amount": "20,30.00"}}, "amount IN (20, 30)"},
			{"either configuration", sg.RowScope{Anonymous: true, SessionTags: map[string]string{"id": "7", "amount": "10"}}, "id = 7 OR amount = 10"},
			// With tag rules alone, a registered user reads through them too.
			{"registered user without tags", sg.RowScope{UserName: "cat"}, "1 = 0"},
		} {
			wantReader(t, ts, e, r)
		}
	})

	t.Run("columns", func(t *testing.T) {
		must(t, secureSales(t, c, e, false, func(in *quicksight.UpdateDataSetInput) {
			grantRules(types.RowLevelPermissionPolicyGrantAccess)(in)
			in.ColumnLevelPermissionRules = []types.ColumnLevelPermissionRule{{Principals: []string{userARN(accountID, "ann")}, ColumnNames: []string{"amount"}}}
		}))
		wantReader(t, ts, e, rlsReader{"granted the column", sg.RowScope{UserName: "ann"}, "region = 'East'"})
		bob := sg.RowScope{UserName: "bob"}
		for name, q := range map[string]*query.Question{
			"measure":          rlsByRegion,
			"filter":           {Dimensions: []query.Dimension{{Field: "region"}}, Filters: []query.Filter{{Kind: query.CategoryFilter, Field: "amount", Match: query.Equals, Values: []any{"10"}}}},
			"calculated field": {Dimensions: []query.Dimension{{Field: "region"}}, Measures: []query.Measure{{ID: "x", Field: "double", Aggregation: query.Sum}}, CalculatedFields: []query.CalculatedField{{Name: "double", Expression: "{amount} * 2"}}},
			"top by":           {Dimensions: []query.Dimension{{Field: "region"}}, Filters: []query.Filter{{Kind: query.TopBottomFilter, Field: "region", N: 1, By: query.Measure{Field: "amount", Aggregation: query.Sum}}}},
		} {
			_, err := ts.App.QueryDataSetAs(t.Context(), bob, accountID, "sales", q)
			if sg.ErrorCode(err) != sg.EACCESSDENIED || !strings.Contains(sg.ErrorMessage(err), `"amount"`) {
				t.Errorf("%s %s over a hidden column: %v", e.name, name, err)
			}
		}
		// The other columns answer, with the rows of bob's rules.
		res, err := ts.App.QueryDataSetAs(t.Context(), bob, accountID, "sales", &query.Question{
			Dimensions: []query.Dimension{{Field: "region"}}, Measures: []query.Measure{{ID: "n", Field: "id", Aggregation: query.Count}}, Sort: []query.Sort{{ID: "region"}}})
		must(t, err)
		wantEqual(t, e.name+" bob counts", normRows(res.Rows), normRows(sqlAll(t, e.db,
			"SELECT region, COUNT(id) FROM sales WHERE (region IN ('West', 'North') AND segment = 'Retail') OR region = 'South' GROUP BY region ORDER BY region")))
	})

	t.Run("rules dataset updated", func(t *testing.T) {
		// A new rule in the table, and an update of the rules dataset: the
		// rules are read again at once.
		must(t, secureSales(t, c, e, false, grantRules(types.RowLevelPermissionPolicyGrantAccess)))
		wantReader(t, ts, e, rlsReader{"before", sg.RowScope{UserName: "zed"}, "1 = 0"})
		_, err := e.db.ExecContext(t.Context(), "INSERT INTO rules VALUES ('zed', NULL, 'West', NULL)")
		must(t, err)
		_, err = c.UpdateDataSet(t.Context(), &quicksight.UpdateDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("rules"), Name: aws.String("Rules"),
			ImportMode: types.DataSetImportModeDirectQuery, PhysicalTableMap: e.table("rules", rlsRulesColumns...)})
		must(t, err)
		wantReader(t, ts, e, rlsReader{"after", sg.RowScope{UserName: "zed"}, "region = 'West'"})
	})

	t.Run("rules dataset deleted", func(t *testing.T) {
		_, err := c.DeleteDataSet(t.Context(), &quicksight.DeleteDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("rules")})
		must(t, err)
		_, err = ts.App.QueryDataSetAs(t.Context(), sg.RowScope{UserName: "ann"}, accountID, "sales", rlsByRegion)
		if sg.ErrorCode(err) != sg.EPRECONDITION {
			t.Fatalf("%s: a dataset whose rules dataset is gone answered: %v", e.name, err)
		}
	})
}

// testRowSecurityErrors: a bad configuration gets its modeled error.
func testRowSecurityErrors(t *testing.T, ts *testServer, e rlsEngine) {
	c := ts.adminClient()
	createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("badrules"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: e.table("badrules", col("UserName", types.InputColumnDataTypeString), col("country", types.InputColumnDataTypeString))})
	createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("rules2"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: e.table("rules", rlsRulesColumns...)})
	ipv := "InvalidParameterValueException"
	for _, tc := range []struct {
		name   string
		set    func(*quicksight.UpdateDataSetInput)
		code   string
		status int
		msg    string
	}{
		{"missing rules dataset", func(in *quicksight.UpdateDataSetInput) {
			in.RowLevelPermissionDataSet = &types.RowLevelPermissionDataSet{Arn: aws.String(dataSetARN("nope")), PermissionPolicy: types.RowLevelPermissionPolicyGrantAccess}
		}, ipv, 400, "does not exist"},
		{"rules of another account", func(in *quicksight.UpdateDataSetInput) {
			in.RowLevelPermissionDataSet = &types.RowLevelPermissionDataSet{Arn: aws.String("arn:aws:quicksight:us-east-1:999999999999:dataset/rules2"), PermissionPolicy: types.RowLevelPermissionPolicyGrantAccess}
		}, ipv, 400, "not the ARN of a dataset in account"},
		{"rules columns not in the dataset", func(in *quicksight.UpdateDataSetInput) {
			in.RowLevelPermissionDataSet = &types.RowLevelPermissionDataSet{Arn: aws.String(dataSetARN("badrules")), PermissionPolicy: types.RowLevelPermissionPolicyGrantAccess}
		}, ipv, 400, `"country"`},
		{"VERSION_2 rules without UserARN", func(in *quicksight.UpdateDataSetInput) {
			in.RowLevelPermissionDataSet = &types.RowLevelPermissionDataSet{Arn: aws.String(dataSetARN("rules2")), PermissionPolicy: types.RowLevelPermissionPolicyGrantAccess,
				FormatVersion: types.RowLevelPermissionFormatVersionVersion2}
		}, ipv, 400, "UserARN or GroupARN"},
		{"policy enum", func(in *quicksight.UpdateDataSetInput) {
			in.RowLevelPermissionDataSet = &types.RowLevelPermissionDataSet{Arn: aws.String(dataSetARN("rules2")), PermissionPolicy: "ALLOW"}
		}, "ValidationException", 400, "enum value set"},
		{"tag rule column", func(in *quicksight.UpdateDataSetInput) {
			in.RowLevelPermissionTagConfiguration = &types.RowLevelPermissionTagConfiguration{TagRules: []types.RowLevelPermissionTagRule{{TagKey: aws.String("k"), ColumnName: aws.String("country")}}}
		}, ipv, 400, `"country"`},
		{"tag configuration key", func(in *quicksight.UpdateDataSetInput) {
			in.RowLevelPermissionTagConfiguration = &types.RowLevelPermissionTagConfiguration{TagRules: []types.RowLevelPermissionTagRule{{TagKey: aws.String("k"), ColumnName: aws.String("region")}},
				TagRuleConfigurations: [][]string{{"other"}}}
		}, ipv, 400, `"other"`},
		{"column rule column", func(in *quicksight.UpdateDataSetInput) {
			in.ColumnLevelPermissionRules = []types.ColumnLevelPermissionRule{{Principals: []string{userARN(accountID, "ann")}, ColumnNames: []string{"salary"}}}
		}, ipv, 400, `"salary"`},
	} {
		err := secureSales(t, c, e, false, tc.set)
		if err == nil {
			t.Errorf("%s: accepted", tc.name)
			continue
		}
		wantError(t, err, tc.code, tc.status)
		wantMessageContains(t, err, tc.msg)
	}

	// Using a rules dataset takes quicksight:PassDataSet on it.
	eve := ts.client(ts.newIAMUser(t, accountID, "eve", policy("Allow", "quicksight:*", "*", "Deny", "quicksight:PassDataSet", dataSetARN("rules2"))))
	err := secureSales(t, eve, e, false, func(in *quicksight.UpdateDataSetInput) {
		in.RowLevelPermissionDataSet = &types.RowLevelPermissionDataSet{Arn: aws.String(dataSetARN("rules2")), PermissionPolicy: types.RowLevelPermissionPolicyGrantAccess}
	})
	wantErrorMessage(t, err, "AccessDeniedException", 401, denied("user/eve", "PassDataSet", dataSetARN("rules2")))
}

// TestRowSecurityViewer: the sample dashboard secured by a rules dataset
// draws, for each reader, the numbers SQL gives with that reader's rule;
// the region control lists only the reader's regions; a column hidden by
// column-level security shows a tile saying so, never a number.
func TestRowSecurityViewer(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	c := ts.adminClient()
	db := sampleDB(t, ts)
	registerQuickSightUser(t, c, "rita", types.UserRoleReader)
	_, err := c.UpdateDashboardPermissions(t.Context(), &quicksight.UpdateDashboardPermissionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(app.SampleDashboardID),
		GrantPermissions: ownerPermissions("rita", dashboardReaderActions...)})
	must(t, err)

	rules, err := sql.Open("sqlite", filepath.Join(ts.Config.DataSourceDir, "rules.sqlite"))
	must(t, err)
	defer rules.Close()
	for _, s := range []string{
		`CREATE TABLE rules ("UserName" TEXT, region TEXT)`,
		`INSERT INTO rules VALUES ('rita', 'Europe, Asia Pacific'), ('admin', 'Latin America')`,
	} {
		_, err := rules.ExecContext(t.Context(), s)
		must(t, err)
	}
	_, err = ts.App.CreateSQLiteDataSource(t.Context(), accountID, "rules-db", "Rules", "rules.sqlite")
	must(t, err)
	createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("rules"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: map[string]types.PhysicalTable{"t": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
			DataSourceArn: aws.String(dataSourceARN("rules-db")), Name: aws.String("rules"),
			InputColumns: []types.InputColumn{col("UserName", types.InputColumnDataTypeString), col("region", types.InputColumnDataTypeString)}}}}})
	sample := describeDataSet(t, c, app.SampleDataSetID)
	secure := func(cls []types.ColumnLevelPermissionRule) {
		t.Helper()
		_, err := c.UpdateDataSet(t.Context(), &quicksight.UpdateDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(app.SampleDataSetID),
			Name: sample.Name, ImportMode: sample.ImportMode, PhysicalTableMap: sample.PhysicalTableMap,
			LogicalTableMap:            sample.LogicalTableMap,
			RowLevelPermissionDataSet:  &types.RowLevelPermissionDataSet{Arn: aws.String(dataSetARN("rules")), PermissionPolicy: types.RowLevelPermissionPolicyGrantAccess},
			ColumnLevelPermissionRules: cls,
		})
		must(t, err)
	}
	secure(nil)

	var allRegions []string
	for _, r := range sqlAll(t, db, "SELECT DISTINCT region FROM orders ORDER BY 1") {
		allRegions = append(allRegions, fmt.Sprint(r[0]))
	}
	page := func(who string) string {
		t.Helper()
		u := ts.mint(t, who, "/dashboards/"+app.SampleDashboardID)
		token, p := ts.signOn(t, u, -1)
		p.wantConsole(t, "DASHBOARD", token)
		return p.Body
	}
	for _, r := range []struct {
		who     string
		regions []string
		where   string
	}{
		{"rita", []string{"Asia Pacific", "Europe"}, "region IN ('Europe', 'Asia Pacific')"},
		{"admin", []string{"Latin America"}, "region = 'Latin America'"},
	} {
		body := page(r.who)
		wantEqual(t, r.who+" revenue KPI", kpiValue(t, body, "kpi-revenue"), math.Round(sqlFloat(t, db, "SELECT sum(revenue) FROM orders WHERE "+r.where)*100)/100)
		wantEqual(t, r.who+" orders KPI", kpiValue(t, body, "kpi-orders"), sqlFloat(t, db, "SELECT count(order_id) FROM orders WHERE "+r.where))
		var want []string
		for _, row := range sqlAll(t, db, "SELECT region FROM orders WHERE "+r.where+" GROUP BY region ORDER BY sum(revenue) DESC") {
			want = append(want, fmt.Sprint(row[0]))
		}
		wantEqual(t, r.who+" bar regions", categoryAxis(t, chart(t, body, "bar-region")), want)
		// The region control lists the reader's regions only.
		for _, region := range allRegions {
			option := `<input type="checkbox" name="f.f-region" value="` + html.EscapeString(region) + `"`
			if got, want := strings.Contains(body, option), slices.Contains(r.regions, region); got != want {
				t.Errorf("%s: region control lists %s: %v, want %v", r.who, region, got, want)
			}
		}
	}

	// Column-level security: revenue is rita's alone.
	secure([]types.ColumnLevelPermissionRule{{Principals: []string{userARN(accountID, "rita")}, ColumnNames: []string{"revenue"}}})
	body := page("admin")
	if tl := tile(t, body, "kpi-revenue"); !strings.Contains(tl, "restricted by column-level security") || reKPI.MatchString(tl) {
		t.Errorf("admin's revenue tile:\n%s", tl)
	}
	wantEqual(t, "admin orders KPI", kpiValue(t, body, "kpi-orders"), sqlFloat(t, db, "SELECT count(order_id) FROM orders WHERE region = 'Latin America'"))
	// A calculated column of the dataset computed from revenue is hidden
	// with it.
	admin, err := ts.Store.FindUser(t.Context(), accountID, "default", "admin")
	must(t, err)
	_, err = ts.App.QueryDataSet(t.Context(), admin, accountID, app.SampleDataSetID, &query.Question{Measures: []query.Measure{{ID: "m", Field: "margin", Aggregation: query.Sum}}})
	if sg.ErrorCode(err) != sg.EACCESSDENIED || !strings.Contains(sg.ErrorMessage(err), `"margin"`) {
		t.Errorf("margin, computed from the hidden revenue: %v", err)
	}
	body = page("rita")
	wantEqual(t, "rita revenue KPI", kpiValue(t, body, "kpi-revenue"), math.Round(sqlFloat(t, db, "SELECT sum(revenue) FROM orders WHERE region IN ('Europe', 'Asia Pacific')")*100)/100)
}

func TestRowSecurityMariaDB(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	root, err := sql.Open("mysql", fmt.Sprintf("root@tcp(%s:%d)/test", pgHost, mariaDBPort))
	must(t, err)
	defer root.Close()
	name := fmt.Sprintf("sg_rls_%d", time.Now().UnixNano())
	user, password := "rls_"+strconv.FormatInt(time.Now().UnixNano()%1e9, 36), "Rls-Reader-7f3a9"
	if _, err := root.ExecContext(t.Context(), "CREATE DATABASE "+name); err != nil {
		t.Skipf("local MariaDB unavailable: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		root.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name)
		root.ExecContext(ctx, "DROP USER IF EXISTS '"+user+"'@'%'")
	})
	for _, s := range []string{
		"CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'",
		"GRANT SELECT ON " + name + ".* TO '" + user + "'@'%'",
		"CREATE TABLE " + name + ".sales (id INT, region VARCHAR(32), segment VARCHAR(32), amount DECIMAL(10,2))",
		"INSERT INTO " + name + ".sales VALUES " + rlsSalesRows,
		"CREATE TABLE " + name + ".rules (`UserName` VARCHAR(32), `GroupName` VARCHAR(32), region VARCHAR(64), segment VARCHAR(32))",
		"INSERT INTO " + name + ".rules VALUES " + rlsRulesRows,
		"CREATE TABLE " + name + ".rules2 (`UserARN` VARCHAR(128), `GroupARN` VARCHAR(128), region VARCHAR(32))",
		"INSERT INTO " + name + ".rules2 VALUES " + rlsRules2Rows,
	} {
		_, err := root.ExecContext(t.Context(), s)
		must(t, err)
	}
	db, err := sql.Open("mysql", fmt.Sprintf("root@tcp(%s:%d)/%s", pgHost, mariaDBPort, name))
	must(t, err)
	defer db.Close()
	createSource(t, ts.adminClient(), "rls-maria", types.DataSourceTypeMariadb, mariaParams(name), pair(user, password))
	testRowSecurity(t, ts, rlsEngine{name: "mariadb", db: db, table: func(table string, cols ...types.InputColumn) map[string]types.PhysicalTable {
		return map[string]types.PhysicalTable{"t": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
			DataSourceArn: aws.String(dataSourceARN("rls-maria")), Name: aws.String(table), InputColumns: cols}}}
	}})
}
