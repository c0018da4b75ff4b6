package e2e

// App.QueryDataSet (the console's query path) over datasets made through
// the API: the same question against a DIRECT_QUERY dataset on PostgreSQL
// and its SPICE copy gives the same answer; injection through filter
// values is inert; access follows the user's role and the dataset's
// permissions; a new ingestion is seen at once (the cache is dropped).

import (
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query"
)

// rowsOf renders result rows for comparison across engines.
func rowsOf(r [][]any) []string {
	out := make([]string, len(r))
	for i, row := range r {
		cells := make([]string, len(row))
		for j, v := range row {
			cells[j] = fmt.Sprint(v)
		}
		out[i] = strings.Join(cells, " ")
	}
	return out
}

func TestQueryDataSet(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	db := pgDatabase(t)
	createPG(t, c, "pg", pgParams(pgHost, pgPort, db), pair(pgUser, pgPassword))
	physical := customSQL("pg", "SELECT id, region, amount, ordered_at FROM orders", orderColumns...)
	createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("direct"), ImportMode: types.DataSetImportModeDirectQuery, PhysicalTableMap: physical})
	out := createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("spice"), ImportMode: types.DataSetImportModeSpice, PhysicalTableMap: physical})
	wantIngestion(t, waitIngestion(t, c, "spice", aws.ToString(out.IngestionId)), types.IngestionStatusCompleted, 4, "")

	q := &query.Question{
		Dimensions: []query.Dimension{{Field: "region"}},
		Measures:   []query.Measure{{ID: "total", Field: "amount", Aggregation: query.Sum}, {ID: "n", Field: "id", Aggregation: query.Count}},
		Sort:       []query.Sort{{ID: "region"}},
	}
	want := []string{"East 15.75 2", "North 100 1", "West 20 1"}
	for _, id := range []string{"direct", "spice"} {
		res, err := ts.App.QueryDataSet(ctx, nil, accountID, id, q)
		must(t, err)
		wantEqual(t, id+" rows", rowsOf(res.Rows), want)
		if len(res.Columns) != 3 || res.Columns[0].Role != query.RoleDimension {
			t.Fatalf("%s columns %+v", id, res.Columns)
		}
	}

	// A filter value that looks like SQL is a value.
	evil := &query.Question{
		Measures: []query.Measure{{ID: "n", Field: "id", Aggregation: query.Count}},
		Filters:  []query.Filter{{Kind: query.CategoryFilter, Field: "region", Match: query.Equals, Values: []any{"East' OR '1'='1"}}},
	}
	for _, id := range []string{"direct", "spice"} {
		res, err := ts.App.QueryDataSet(ctx, nil, accountID, id, evil)
		must(t, err)
		wantEqual(t, id+" injected filter", rowsOf(res.Rows), []string{"0"})
	}
	// Unknown fields are refused before any SQL is built.
	_, err := ts.App.QueryDataSet(ctx, nil, accountID, "direct", &query.Question{Dimensions: []query.Dimension{{Field: `region" FROM orders; --`}}})
	if sg.ErrorCode(err) != sg.EINVALID {
		t.Fatalf("unknown field: %v", err)
	}

	// A new row: the SPICE dataset answers from its copy until a new
	// ingestion, which drops the cache; an update of the direct dataset
	// drops its cached answers.
	pg, err := sql.Open("pgx", "postgres://postgres:postgres@127.0.0.1:5432/"+db+"?sslmode=disable")
	must(t, err)
	defer pg.Close()
	_, err = pg.ExecContext(ctx, `INSERT INTO orders VALUES (5, 'West', 1, '2026-04-01 00:00:00')`)
	must(t, err)
	res, err := ts.App.QueryDataSet(ctx, nil, accountID, "spice", q)
	must(t, err)
	wantEqual(t, "spice before refresh", rowsOf(res.Rows), want)
	_, err = c.CreateIngestion(ctx, &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("spice"), IngestionId: aws.String("r2")})
	must(t, err)
	wantIngestion(t, waitIngestion(t, c, "spice", "r2"), types.IngestionStatusCompleted, 5, "")
	res, err = ts.App.QueryDataSet(ctx, nil, accountID, "spice", q)
	must(t, err)
	wantEqual(t, "spice after refresh", rowsOf(res.Rows), []string{"East 15.75 2", "North 100 1", "West 21 2"})

	_, err = c.UpdateDataSet(ctx, &quicksight.UpdateDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("direct"),
		Name: aws.String("Direct"), ImportMode: types.DataSetImportModeDirectQuery, PhysicalTableMap: physical})
	must(t, err)
	res, err = ts.App.QueryDataSet(ctx, nil, accountID, "direct", q)
	must(t, err)
	wantEqual(t, "direct after update", rowsOf(res.Rows), []string{"East 15.75 2", "North 100 1", "West 21 2"})

	// Access: a reader without a permission entry is refused; granting one
	// lets them query.
	reader := registerQuickSightUser(t, c, "rita", types.UserRoleReader)
	u, err := ts.Store.FindUser(ctx, accountID, "default", aws.ToString(reader.UserName))
	must(t, err)
	if _, err := ts.App.QueryDataSet(ctx, u, accountID, "spice", q); sg.ErrorCode(err) != sg.EACCESSDENIED {
		t.Fatalf("reader without permission: %v", err)
	}
	_, err = c.UpdateDataSetPermissions(ctx, &quicksight.UpdateDataSetPermissionsInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("spice"),
		GrantPermissions: []types.ResourcePermission{{Principal: reader.Arn, Actions: []string{"quicksight:DescribeDataSet"}}}})
	must(t, err)
	_, err = ts.App.QueryDataSet(ctx, u, accountID, "spice", q)
	must(t, err)
}

// TestSampleData: a first start creates the Sample sales data source and
// its dataset with calculated fields, ready to query.
func TestSampleData(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(2000))
	c := ts.adminClient()
	wantStatus(t, describeDataSource(t, c, "sample-sales"), types.ResourceStatusCreationSuccessful, "")
	d := describeDataSet(t, c, "sample-sales")
	var cols []string
	for _, oc := range d.OutputColumns {
		cols = append(cols, aws.ToString(oc.Name)+":"+string(oc.Type))
	}
	wantEqual(t, "sample columns", cols[len(cols)-4:], []string{"margin:DECIMAL", "order_year:INTEGER", "order_quarter:INTEGER", "days_to_ship:INTEGER"})
	res, err := ts.App.QueryDataSet(t.Context(), nil, accountID, "sample-sales", &query.Question{
		Dimensions: []query.Dimension{{Field: "order_year"}},
		Measures:   []query.Measure{{ID: "orders", Field: "order_id", Aggregation: query.Count}, {ID: "margin", Field: "margin", Aggregation: query.Average}},
		Sort:       []query.Sort{{ID: "order_year"}},
	})
	must(t, err)
	var total int64
	for _, row := range res.Rows {
		n, _ := row[1].(int64)
		total += n
	}
	if len(res.Rows) < 2 || total != 2000 {
		t.Fatalf("orders by year: %v", res.Rows)
	}
}

// TestDataOnPostgresStore runs the data flow on the PostgreSQL store:
// sealed credentials (bytea), table maps returned as sent, a SPICE
// ingestion to COMPLETED, and all of it still there after a restart.
func TestDataOnPostgresStore(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	store := freshDatabase(t, dsn)
	dataDir := t.TempDir()
	ts := startServer(t, withPostgres(store), withDataDir(dataDir))
	c := ts.adminClient()
	createPG(t, c, "pg", pgParams(pgHost, pgPort, "postgres"), pair(pgUser, pgPassword))
	physical := customSQL("pg", "SELECT n FROM generate_series(1, 7) AS g(n)", col("n", types.InputColumnDataTypeInteger))
	out := createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("seven"), ImportMode: types.DataSetImportModeSpice, PhysicalTableMap: physical})
	wantIngestion(t, waitIngestion(t, c, "seven", aws.ToString(out.IngestionId)), types.IngestionStatusCompleted, 7, "")
	ts.Stop()

	ts = startServer(t, withPostgres(store), withDataDir(dataDir), reopened(ts.Admin))
	c = ts.adminClient()
	wantStatus(t, describeDataSource(t, c, "pg"), types.ResourceStatusCreationSuccessful, "")
	d := describeDataSet(t, c, "seven")
	wantEqual(t, "PhysicalTableMap", d.PhysicalTableMap, physical)
	// The credentials still open (same key file): copying them works.
	created := createPG(t, c, "copy", pgParams(pgHost, pgPort, "postgres"), &types.DataSourceCredentials{CopySourceArn: aws.String(dataSourceARN("pg"))})
	if created.CreationStatus != types.ResourceStatusCreationSuccessful {
		t.Fatalf("copy after restart: %s", jsonString(describeDataSource(t, c, "copy")))
	}
	res, err := ts.App.QueryDataSet(t.Context(), nil, accountID, "seven", &query.Question{Measures: []query.Measure{{ID: "s", Field: "n", Aggregation: query.Sum}}})
	must(t, err)
	wantEqual(t, "sum after restart", rowsOf(res.Rows), []string{"28"})
}
