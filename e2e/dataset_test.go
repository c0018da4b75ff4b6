package e2e

// Datasets and SPICE ingestions through the Go SDK, on a real PostgreSQL
// database and a SQLITE file: table maps that round-trip, output columns,
// calculated fields, automatic and manual ingestions to COMPLETED, FAILED
// and CANCELLED, validation, injection attempts, permissions, pagination,
// deletion.

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	_ "github.com/duckdb/duckdb-go/v2"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query"
)

// customSQL returns a one-table PhysicalTableMap with custom SQL.
func customSQL(sourceID, query string, cols ...types.InputColumn) map[string]types.PhysicalTable {
	return map[string]types.PhysicalTable{"t1": &types.PhysicalTableMemberCustomSql{Value: types.CustomSql{
		DataSourceArn: aws.String(dataSourceARN(sourceID)), Name: aws.String("query"), SqlQuery: aws.String(query), Columns: cols,
	}}}
}

func col(name string, typ types.InputColumnDataType) types.InputColumn {
	return types.InputColumn{Name: aws.String(name), Type: typ}
}

var orderColumns = []types.InputColumn{
	col("id", types.InputColumnDataTypeInteger), col("region", types.InputColumnDataTypeString),
	col("amount", types.InputColumnDataTypeDecimal), col("ordered_at", types.InputColumnDataTypeDatetime),
}

func createDataSet(t testing.TB, c *quicksight.Client, in *quicksight.CreateDataSetInput) *quicksight.CreateDataSetOutput {
	t.Helper()
	in.AwsAccountId = aws.String(accountID)
	if in.Name == nil {
		in.Name = aws.String("Dataset " + aws.ToString(in.DataSetId))
	}
	out, err := c.CreateDataSet(t.Context(), in)
	if err != nil {
		t.Fatalf("CreateDataSet %s: %v", aws.ToString(in.DataSetId), err)
	}
	return out
}

func describeDataSet(t testing.TB, c *quicksight.Client, id string) *types.DataSet {
	t.Helper()
	out, err := c.DescribeDataSet(t.Context(), &quicksight.DescribeDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(id)})
	if err != nil {
		t.Fatalf("DescribeDataSet %s: %v", id, err)
	}
	return out.DataSet
}

// waitIngestion polls DescribeIngestion until the ingestion finishes, as a
// client does, and returns it. The bound only stops a hung test.
func waitIngestion(t testing.TB, c *quicksight.Client, dataSetID, id string) *types.Ingestion {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		out, err := c.DescribeIngestion(t.Context(), &quicksight.DescribeIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(dataSetID), IngestionId: aws.String(id)})
		if err != nil {
			t.Fatalf("DescribeIngestion %s/%s: %v", dataSetID, id, err)
		}
		switch out.Ingestion.IngestionStatus {
		case types.IngestionStatusCompleted, types.IngestionStatusFailed, types.IngestionStatusCancelled:
			return out.Ingestion
		}
		if time.Now().After(deadline) {
			t.Fatalf("ingestion %s/%s still %s", dataSetID, id, out.Ingestion.IngestionStatus)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func wantIngestion(t testing.TB, in *types.Ingestion, status types.IngestionStatus, rows int64, errType types.IngestionErrorType) {
	t.Helper()
	if in.IngestionStatus != status {
		t.Fatalf("ingestion %s: status %s (%s), want %s", aws.ToString(in.IngestionId), in.IngestionStatus, jsonString(in.ErrorInfo), status)
	}
	if status == types.IngestionStatusCompleted {
		if in.RowInfo == nil || aws.ToInt64(in.RowInfo.RowsIngested) != rows || aws.ToInt64(in.RowInfo.TotalRowsInDataset) != rows || aws.ToInt64(in.RowInfo.RowsDropped) != 0 {
			t.Fatalf("ingestion RowInfo %s, want %d rows", jsonString(in.RowInfo), rows)
		}
		if in.ErrorInfo != nil || in.IngestionTimeInSeconds == nil || aws.ToInt64(in.IngestionSizeInBytes) <= 0 {
			t.Fatalf("completed ingestion %s", jsonString(in))
		}
	}
	if errType != "" && (in.ErrorInfo == nil || in.ErrorInfo.Type != errType || aws.ToString(in.ErrorInfo.Message) == "") {
		t.Fatalf("ingestion ErrorInfo %s, want %s", jsonString(in.ErrorInfo), errType)
	}
	if in.CreatedTime == nil || aws.ToString(in.Arn) == "" {
		t.Fatalf("ingestion %s lacks Arn or CreatedTime", jsonString(in))
	}
}

// spiceRows counts the rows of an ingestion's SPICE file.
func spiceRows(t testing.TB, ts *testServer, dataSetID, ingestionID string) int64 {
	t.Helper()
	path := filepath.Join(ts.Config.DataDir, "spice", accountID, dataSetID, ingestionID+".duckdb")
	db, err := sql.Open("duckdb", path+"?access_mode=READ_ONLY")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int64
	if err := db.QueryRowContext(t.Context(), `SELECT count(*) FROM data`).Scan(&n); err != nil {
		t.Fatalf("SPICE file %s: %v", path, err)
	}
	return n
}

func spiceFileExists(ts *testServer, dataSetID, ingestionID string) bool {
	_, err := os.Stat(filepath.Join(ts.Config.DataDir, "spice", accountID, dataSetID, ingestionID+".duckdb"))
	return err == nil
}

func TestDataSetDirectQuery(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	db := pgDatabase(t)
	createPG(t, c, "pg", pgParams(pgHost, pgPort, db), pair(pgUser, pgPassword))

	physical := map[string]types.PhysicalTable{"orders": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
		DataSourceArn: aws.String(dataSourceARN("pg")), Schema: aws.String("public"), Name: aws.String("orders"), InputColumns: orderColumns,
	}}}
	logical := map[string]types.LogicalTable{"l1": {
		Alias:  aws.String("Orders"),
		Source: &types.LogicalTableSource{PhysicalTableId: aws.String("orders")},
		DataTransforms: []types.TransformOperation{
			&types.TransformOperationMemberRenameColumnOperation{Value: types.RenameColumnOperation{ColumnName: aws.String("amount"), NewColumnName: aws.String("Amount")}},
			&types.TransformOperationMemberCreateColumnsOperation{Value: types.CreateColumnsOperation{Columns: []types.CalculatedColumn{
				{ColumnName: aws.String("Doubled"), ColumnId: aws.String("doubled"), Expression: aws.String("{Amount} * 2")},
			}}},
			&types.TransformOperationMemberFilterOperation{Value: types.FilterOperation{ConditionExpression: aws.String("{region} <> 'North'")}},
		},
	}}
	out := createDataSet(t, c, &quicksight.CreateDataSetInput{
		DataSetId: aws.String("orders"), Name: aws.String("Orders"), ImportMode: types.DataSetImportModeDirectQuery,
		//lint:ignore SA1019 LogicalTableMap and RowLevelPermissionDataSet are what Sightglass implements (the legacy data preparation experience)
		PhysicalTableMap: physical, LogicalTableMap: logical,
		ColumnGroups: []types.ColumnGroup{{GeoSpatialColumnGroup: &types.GeoSpatialColumnGroup{Name: aws.String("geo"), Columns: []string{"region"}}}},
		Permissions:  []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "admin")), Actions: []string{"quicksight:DescribeDataSet"}}},
		Tags:         []types.Tag{{Key: aws.String("team"), Value: aws.String("sales")}},
	})
	if out.Status != http.StatusCreated || aws.ToString(out.Arn) != dataSetARN("orders") || out.IngestionId != nil || out.IngestionArn != nil {
		t.Fatalf("CreateDataSet = %s", jsonString(out))
	}
	d := describeDataSet(t, c, "orders")
	wantEqual(t, "PhysicalTableMap", d.PhysicalTableMap, physical)
	wantEqual(t, "LogicalTableMap", d.LogicalTableMap, logical)
	wantEqual(t, "ColumnGroups", d.ColumnGroups, []types.ColumnGroup{{GeoSpatialColumnGroup: &types.GeoSpatialColumnGroup{Name: aws.String("geo"), Columns: []string{"region"}}}})
	var cols []string
	for _, oc := range d.OutputColumns {
		cols = append(cols, aws.ToString(oc.Name)+":"+string(oc.Type))
	}
	wantEqual(t, "OutputColumns", cols, []string{"id:INTEGER", "region:STRING", "Amount:DECIMAL", "ordered_at:DATETIME", "Doubled:DECIMAL"})
	if d.ImportMode != types.DataSetImportModeDirectQuery || d.ConsumedSpiceCapacityInBytes != 0 || aws.ToString(d.Name) != "Orders" || d.CreatedTime == nil {
		t.Fatalf("DescribeDataSet = %s", jsonString(d))
	}

	// Ingestions are for SPICE datasets only.
	_, err := c.CreateIngestion(t.Context(), &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("orders"), IngestionId: aws.String("i1")})
	wantErrorMessage(t, err, "InvalidParameterValueException", 400, "Dataset orders is not imported into SPICE (ImportMode DIRECT_QUERY): it has nothing to ingest.")

	// Permissions.
	perms, err := c.DescribeDataSetPermissions(t.Context(), &quicksight.DescribeDataSetPermissionsInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("orders")})
	must(t, err)
	wantEqual(t, "permissions", perms.Permissions, []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "admin")), Actions: []string{"quicksight:DescribeDataSet"}}})
	_, err = c.UpdateDataSetPermissions(t.Context(), &quicksight.UpdateDataSetPermissionsInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("orders"),
		RevokePermissions: []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "admin")), Actions: []string{"quicksight:DescribeDataSet"}}}})
	must(t, err)
	perms, err = c.DescribeDataSetPermissions(t.Context(), &quicksight.DescribeDataSetPermissionsInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("orders")})
	must(t, err)
	if len(perms.Permissions) != 0 || aws.ToString(perms.DataSetArn) != dataSetARN("orders") {
		t.Fatalf("permissions after revoke: %s", jsonString(perms))
	}

	// Update: new name and SQL, still direct.
	up, err := c.UpdateDataSet(t.Context(), &quicksight.UpdateDataSetInput{
		AwsAccountId: aws.String(accountID), DataSetId: aws.String("orders"), Name: aws.String("East orders"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: customSQL("pg", "SELECT id, amount FROM orders WHERE region = 'East'", col("id", types.InputColumnDataTypeInteger), col("amount", types.InputColumnDataTypeDecimal)),
	})
	must(t, err)
	if up.Status != http.StatusOK || up.IngestionId != nil {
		t.Fatalf("UpdateDataSet = %s", jsonString(up))
	}
	d = describeDataSet(t, c, "orders")
	if aws.ToString(d.Name) != "East orders" || len(d.OutputColumns) != 2 || d.LogicalTableMap != nil || d.ColumnGroups != nil {
		t.Fatalf("DescribeDataSet after update = %s", jsonString(d))
	}

	// Delete.
	del, err := c.DeleteDataSet(t.Context(), &quicksight.DeleteDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("orders")})
	must(t, err)
	if aws.ToString(del.DataSetId) != "orders" || aws.ToString(del.Arn) != dataSetARN("orders") {
		t.Fatalf("DeleteDataSet = %s", jsonString(del))
	}
	_, err = c.DescribeDataSet(t.Context(), &quicksight.DescribeDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("orders")})
	wantError(t, err, "ResourceNotFoundException", 404)
}

func TestDataSetSPICE(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	db := pgDatabase(t)
	createPG(t, c, "pg", pgParams(pgHost, pgPort, db), pair(pgUser, pgPassword))

	out := createDataSet(t, c, &quicksight.CreateDataSetInput{
		DataSetId: aws.String("sales"), ImportMode: types.DataSetImportModeSpice,
		PhysicalTableMap: customSQL("pg", "SELECT id, region, amount, ordered_at FROM orders", orderColumns...),
	})
	if out.Status != http.StatusCreated || out.IngestionId == nil || aws.ToString(out.IngestionArn) != dataSetARN("sales")+"/ingestion/"+aws.ToString(out.IngestionId) {
		t.Fatalf("CreateDataSet = %s", jsonString(out))
	}
	first := aws.ToString(out.IngestionId)
	in := waitIngestion(t, c, "sales", first)
	wantIngestion(t, in, types.IngestionStatusCompleted, 4, "")
	if in.RequestType != types.IngestionRequestTypeInitialIngestion || in.RequestSource != types.IngestionRequestSourceManual {
		t.Fatalf("first ingestion %s", jsonString(in))
	}
	if n := spiceRows(t, ts, "sales", first); n != 4 {
		t.Fatalf("SPICE file has %d rows", n)
	}
	d := describeDataSet(t, c, "sales")
	if d.ConsumedSpiceCapacityInBytes != aws.ToInt64(in.IngestionSizeInBytes) || d.ConsumedSpiceCapacityInBytes <= 0 {
		t.Fatalf("ConsumedSpiceCapacityInBytes %d, ingestion size %d", d.ConsumedSpiceCapacityInBytes, aws.ToInt64(in.IngestionSizeInBytes))
	}

	// A manual refresh after a new row: the old copy is deleted.
	pg, err := sql.Open("pgx", "postgres://postgres:postgres@127.0.0.1:5432/"+db+"?sslmode=disable")
	must(t, err)
	defer pg.Close()
	_, err = pg.ExecContext(ctx, `INSERT INTO orders VALUES (5, 'South', 1, '2026-04-01 00:00:00')`)
	must(t, err)
	ci, err := c.CreateIngestion(ctx, &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("sales"), IngestionId: aws.String("refresh-1")})
	must(t, err)
	if ci.Status != http.StatusCreated || aws.ToString(ci.IngestionId) != "refresh-1" || ci.IngestionStatus != types.IngestionStatusInitialized {
		t.Fatalf("CreateIngestion = %s", jsonString(ci))
	}
	in = waitIngestion(t, c, "sales", "refresh-1")
	wantIngestion(t, in, types.IngestionStatusCompleted, 5, "")
	if in.RequestType != types.IngestionRequestTypeFullRefresh {
		t.Fatalf("RequestType %s", in.RequestType)
	}
	if spiceFileExists(ts, "sales", first) || !spiceFileExists(ts, "sales", "refresh-1") {
		t.Fatal("the superseded SPICE file was not deleted, or the new one is missing")
	}

	// A failing query: FAILED with the source's error; the current copy stays.
	_, err = c.UpdateDataSet(ctx, &quicksight.UpdateDataSetInput{
		AwsAccountId: aws.String(accountID), DataSetId: aws.String("sales"), Name: aws.String("Sales"), ImportMode: types.DataSetImportModeSpice,
		PhysicalTableMap: customSQL("pg", "SELECT id FROM no_such_table", col("id", types.InputColumnDataTypeInteger)),
	})
	must(t, err)
	list, err := c.ListIngestions(ctx, &quicksight.ListIngestionsInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("sales")})
	must(t, err)
	if len(list.Ingestions) != 3 {
		t.Fatalf("ListIngestions: %d ingestions", len(list.Ingestions))
	}
	var edit string
	for _, x := range list.Ingestions {
		if x.RequestType == types.IngestionRequestTypeEdit {
			edit = aws.ToString(x.IngestionId)
		}
	}
	in = waitIngestion(t, c, "sales", edit)
	wantIngestion(t, in, types.IngestionStatusFailed, 0, types.IngestionErrorTypeSqlException)
	if !spiceFileExists(ts, "sales", "refresh-1") || spiceFileExists(ts, "sales", edit) {
		t.Fatal("a failed ingestion replaced or left a SPICE file")
	}

	// Cancel a slow one.
	_, err = c.UpdateDataSet(ctx, &quicksight.UpdateDataSetInput{
		AwsAccountId: aws.String(accountID), DataSetId: aws.String("sales"), Name: aws.String("Slow"), ImportMode: types.DataSetImportModeSpice,
		PhysicalTableMap: customSQL("pg", "SELECT pg_sleep(60)::text AS x", col("x", types.InputColumnDataTypeString)),
	})
	must(t, err)
	slow, err := c.ListIngestions(ctx, &quicksight.ListIngestionsInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("sales"), MaxResults: aws.Int32(100)})
	must(t, err)
	var slowID string
	for _, x := range slow.Ingestions {
		if x.IngestionStatus != types.IngestionStatusCompleted && x.IngestionStatus != types.IngestionStatusFailed {
			slowID = aws.ToString(x.IngestionId)
		}
	}
	if slowID == "" {
		t.Fatalf("no unfinished ingestion in %s", jsonString(slow.Ingestions))
	}
	cancel, err := c.CancelIngestion(ctx, &quicksight.CancelIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("sales"), IngestionId: aws.String(slowID)})
	must(t, err)
	if aws.ToString(cancel.IngestionId) != slowID || cancel.Status != http.StatusOK {
		t.Fatalf("CancelIngestion = %s", jsonString(cancel))
	}
	wantIngestion(t, waitIngestion(t, c, "sales", slowID), types.IngestionStatusCancelled, 0, types.IngestionErrorTypeIngestionCanceled)
	_, err = c.CancelIngestion(ctx, &quicksight.CancelIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("sales"), IngestionId: aws.String(slowID)})
	wantError(t, err, "InvalidParameterValueException", 400)

	// Ingestion errors.
	const ipv = "InvalidParameterValueException"
	runErrorCases(t, c, []apiCase{
		{"same id", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateIngestion(ctx, &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("sales"), IngestionId: aws.String("refresh-1")})
			return err
		}, "ResourceExistsException", 409, "refresh-1"},
		{"bad id", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateIngestion(ctx, &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("sales"), IngestionId: aws.String("a'b")})
			return err
		}, ve, 400, "ingestionId"},
		{"incremental", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateIngestion(ctx, &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("sales"), IngestionId: aws.String("inc"), IngestionType: types.IngestionTypeIncrementalRefresh})
			return err
		}, ipv, 400, "incremental"},
		{"missing dataset", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateIngestion(ctx, &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("nope"), IngestionId: aws.String("x")})
			return err
		}, "ResourceNotFoundException", 404, "nope"},
		{"describe missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeIngestion(ctx, &quicksight.DescribeIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("sales"), IngestionId: aws.String("nope")})
			return err
		}, "ResourceNotFoundException", 404, "nope"},
		{"list of missing dataset", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListIngestions(ctx, &quicksight.ListIngestionsInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("nope")})
			return err
		}, "ResourceNotFoundException", 404, "nope"},
		{"cancel missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CancelIngestion(ctx, &quicksight.CancelIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("sales"), IngestionId: aws.String("nope")})
			return err
		}, "ResourceNotFoundException", 404, "nope"},
	})

	// Deleting the dataset removes its ingestions and SPICE files.
	_, err = c.DeleteDataSet(ctx, &quicksight.DeleteDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("sales")})
	must(t, err)
	if _, err := os.Stat(filepath.Join(ts.Config.DataDir, "spice", accountID, "sales")); !os.IsNotExist(err) {
		t.Fatalf("the dataset's SPICE directory remains (%v)", err)
	}
	_, err = c.DescribeIngestion(ctx, &quicksight.DescribeIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("sales"), IngestionId: aws.String("refresh-1")})
	wantError(t, err, "ResourceNotFoundException", 404)
}

func TestDataSetOnSQLite(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	sqliteSource(t, ts.Config.DataSourceDir, "shop.sqlite")
	_, err := ts.App.CreateSQLiteDataSource(t.Context(), accountID, "shop", "Shop", "shop.sqlite")
	must(t, err)
	out := createDataSet(t, c, &quicksight.CreateDataSetInput{
		DataSetId: aws.String("shop-orders"), ImportMode: types.DataSetImportModeSpice,
		PhysicalTableMap: map[string]types.PhysicalTable{"t": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
			DataSourceArn: aws.String(dataSourceARN("shop")), Name: aws.String("orders"),
			InputColumns: []types.InputColumn{col("id", types.InputColumnDataTypeInteger), col("region", types.InputColumnDataTypeString), col("amount", types.InputColumnDataTypeDecimal)},
		}}},
	})
	wantIngestion(t, waitIngestion(t, c, "shop-orders", aws.ToString(out.IngestionId)), types.IngestionStatusCompleted, 3, "")

	// Custom SQL that would show the file's path is refused by SQLite's
	// authorizer when the dataset is created.
	_, err = c.CreateDataSet(t.Context(), &quicksight.CreateDataSetInput{
		AwsAccountId: aws.String(accountID), DataSetId: aws.String("paths"), Name: aws.String("p"), ImportMode: types.DataSetImportModeSpice,
		PhysicalTableMap: customSQL("shop", "SELECT file FROM pragma_database_list", col("file", types.InputColumnDataTypeString)),
	})
	wantErrorMessage(t, err, "InvalidParameterValueException", 400, "PhysicalTableMap.t1.CustomSql.SqlQuery reads pragma_database_list, which custom SQL may not read")
	// Analytic custom SQL on the same file is checked and ingested.
	out = createDataSet(t, c, &quicksight.CreateDataSetInput{
		DataSetId: aws.String("shop-regions"), ImportMode: types.DataSetImportModeSpice,
		PhysicalTableMap: customSQL("shop", "WITH r AS (SELECT region, sum(amount) AS total FROM orders GROUP BY region) SELECT region, round(total, 2) AS total FROM r;",
			col("region", types.InputColumnDataTypeString), col("total", types.InputColumnDataTypeDecimal)),
	})
	wantIngestion(t, waitIngestion(t, c, "shop-regions", aws.ToString(out.IngestionId)), types.IngestionStatusCompleted, 2, "")

	// Without its data source the dataset cannot refresh.
	_, err = c.DeleteDataSource(t.Context(), &quicksight.DeleteDataSourceInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("shop")})
	must(t, err)
	_, err = c.CreateIngestion(t.Context(), &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("shop-orders"), IngestionId: aws.String("orphan")})
	must(t, err)
	wantIngestion(t, waitIngestion(t, c, "shop-orders", "orphan"), types.IngestionStatusFailed, 0, types.IngestionErrorTypeDataSourceNotFound)
}

// dataSetCall returns a CreateDataSet call with changes to a valid input.
func dataSetCall(change func(in *quicksight.CreateDataSetInput)) func(ctx context.Context, c *quicksight.Client) error {
	return func(ctx context.Context, c *quicksight.Client) error {
		in := &quicksight.CreateDataSetInput{
			AwsAccountId: aws.String(accountID), DataSetId: aws.String("v"), Name: aws.String("valid"), ImportMode: types.DataSetImportModeDirectQuery,
			PhysicalTableMap: customSQL("pg", "SELECT 1 AS one", col("one", types.InputColumnDataTypeInteger)),
		}
		change(in)
		_, err := c.CreateDataSet(ctx, in)
		return err
	}
}

func TestDataSetValidation(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	createPG(t, c, "pg", pgParams(pgHost, pgPort, "postgres"), pair(pgUser, pgPassword))
	createPG(t, c, "pg2", pgParams(pgHost, pgPort, "postgres"), pair(pgUser, pgPassword))
	createPG(t, c, "broken", pgParams("no-such-host.invalid", pgPort, "postgres"), pair(pgUser, pgPassword))
	createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("taken"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: customSQL("pg", "SELECT 1 AS one", col("one", types.InputColumnDataTypeInteger))})
	const ipv = "InvalidParameterValueException"
	runErrorCases(t, c, []apiCase{
		{"empty id", dataSetCall(func(in *quicksight.CreateDataSetInput) { in.DataSetId = aws.String("") }), ve, 400, "dataSetId"},
		{"id with SQL", dataSetCall(func(in *quicksight.CreateDataSetInput) { in.DataSetId = aws.String("x' OR '1'='1") }), ve, 400, "regular expression"},
		{"empty name", dataSetCall(func(in *quicksight.CreateDataSetInput) { in.Name = aws.String("") }), ve, 400, "'name'"},
		{"import mode", dataSetCall(func(in *quicksight.CreateDataSetInput) { in.ImportMode = "LIVE" }), ve, 400, "enum value set"},
		{"no tables", dataSetCall(func(in *quicksight.CreateDataSetInput) { in.PhysicalTableMap = map[string]types.PhysicalTable{} }), ipv, 400, "PhysicalTableMap"},
		{"missing source", dataSetCall(func(in *quicksight.CreateDataSetInput) {
			in.PhysicalTableMap = customSQL("nope", "SELECT 1 AS one", col("one", types.InputColumnDataTypeInteger))
		}), ipv, 400, "does not exist"},
		{"source of another account", dataSetCall(func(in *quicksight.CreateDataSetInput) {
			in.PhysicalTableMap["t1"].(*types.PhysicalTableMemberCustomSql).Value.DataSourceArn = aws.String("arn:aws:quicksight:us-east-1:999999999999:datasource/pg")
		}), ipv, 400, "not in account"},
		{"failed source", dataSetCall(func(in *quicksight.CreateDataSetInput) {
			in.PhysicalTableMap = customSQL("broken", "SELECT 1 AS one", col("one", types.InputColumnDataTypeInteger))
		}), ipv, 400, "CREATION_FAILED"},
		{"two sources", dataSetCall(func(in *quicksight.CreateDataSetInput) {
			in.PhysicalTableMap = map[string]types.PhysicalTable{
				"a": customSQL("pg", "SELECT 1 AS one", col("one", types.InputColumnDataTypeInteger))["t1"],
				"b": customSQL("pg2", "SELECT 1 AS two", col("two", types.InputColumnDataTypeInteger))["t1"],
			}
			//lint:ignore SA1019 LogicalTableMap and RowLevelPermissionDataSet are what Sightglass implements (the legacy data preparation experience)
			in.LogicalTableMap = map[string]types.LogicalTable{
				"a": {Alias: aws.String("a"), Source: &types.LogicalTableSource{PhysicalTableId: aws.String("a")}},
				"b": {Alias: aws.String("b"), Source: &types.LogicalTableSource{PhysicalTableId: aws.String("b")}},
				"j": {Alias: aws.String("j"), Source: &types.LogicalTableSource{JoinInstruction: &types.JoinInstruction{
					LeftOperand: aws.String("a"), RightOperand: aws.String("b"), Type: types.JoinTypeInner, OnClause: aws.String("{one} = {two}")}}},
			}
		}), ipv, 400, "one data source"},
		{"custom SQL that writes", dataSetCall(func(in *quicksight.CreateDataSetInput) {
			in.PhysicalTableMap = customSQL("pg", "DELETE FROM pg_class", col("one", types.InputColumnDataTypeInteger))
		}), ipv, 400, "SqlQuery"},
		{"two statements", dataSetCall(func(in *quicksight.CreateDataSetInput) {
			in.PhysicalTableMap = customSQL("pg", "SELECT 1 AS one; DROP TABLE orders", col("one", types.InputColumnDataTypeInteger))
		}), ipv, 400, "SqlQuery"},
		{"bad calculated field", dataSetCall(func(in *quicksight.CreateDataSetInput) {
			//lint:ignore SA1019 LogicalTableMap and RowLevelPermissionDataSet are what Sightglass implements (the legacy data preparation experience)
			in.LogicalTableMap = map[string]types.LogicalTable{"l": {Alias: aws.String("l"), Source: &types.LogicalTableSource{PhysicalTableId: aws.String("t1")},
				DataTransforms: []types.TransformOperation{&types.TransformOperationMemberCreateColumnsOperation{Value: types.CreateColumnsOperation{Columns: []types.CalculatedColumn{
					{ColumnName: aws.String("Margin"), ColumnId: aws.String("m"), Expression: aws.String("{one} / ")}}}}}}}
		}), ipv, 400, "Margin"},
		{"direct query the source cannot run", dataSetCall(func(in *quicksight.CreateDataSetInput) {
			in.PhysicalTableMap = customSQL("pg", "SELECT id FROM no_such_table", col("id", types.InputColumnDataTypeInteger))
		}), ipv, 400, "no_such_table"},
		{"unknown column type", dataSetCall(func(in *quicksight.CreateDataSetInput) {
			in.PhysicalTableMap = customSQL("pg", "SELECT 1 AS one", col("one", "NUMBER"))
		}), ve, 400, "1 validation error detected: Value 'NUMBER' at 'physicalTableMap.t1.member.customSql.columns.1.member.type' failed to satisfy constraint: Member must satisfy enum value set: [STRING, INTEGER, DECIMAL, DATETIME, BIT, BOOLEAN, JSON, SEMISTRUCT]"},
		{"use as", dataSetCall(func(in *quicksight.CreateDataSetInput) { in.UseAs = "OTHER" }), ve, 400, "useAs"},
		{"exists", dataSetCall(func(in *quicksight.CreateDataSetInput) { in.DataSetId = aws.String("taken") }), "ResourceExistsException", 409, "taken"},
		{"describe missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeDataSet(ctx, &quicksight.DescribeDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("nope")})
			return err
		}, "ResourceNotFoundException", 404, "nope"},
		{"update missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateDataSet(ctx, &quicksight.UpdateDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("nope"), Name: aws.String("n"),
				ImportMode: types.DataSetImportModeDirectQuery, PhysicalTableMap: customSQL("pg", "SELECT 1 AS one", col("one", types.InputColumnDataTypeInteger))})
			return err
		}, "ResourceNotFoundException", 404, "nope"},
		{"delete missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteDataSet(ctx, &quicksight.DeleteDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("nope")})
			return err
		}, "ResourceNotFoundException", 404, "nope"},
		{"denied", func(ctx context.Context, _ *quicksight.Client) error {
			v := ts.client(ts.newIAMUser(t, accountID, "viewer", policy("Allow", "quicksight:Describe*", "*")))
			return dataSetCall(func(*quicksight.CreateDataSetInput) {})(ctx, v)
		}, "AccessDeniedException", 401, denied("user/viewer", "CreateDataSet", dataSetARN("v"))},
	})

	// Pagination of summaries; the refused calls created nothing.
	for _, id := range []string{"b", "c"} {
		createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String(id), ImportMode: types.DataSetImportModeDirectQuery,
			PhysicalTableMap: customSQL("pg", "SELECT 1 AS one", col("one", types.InputColumnDataTypeInteger))})
	}
	var ids []string
	var token *string
	for range 5 {
		page, err := c.ListDataSets(t.Context(), &quicksight.ListDataSetsInput{AwsAccountId: aws.String(accountID), MaxResults: aws.Int32(2), NextToken: token})
		must(t, err)
		for _, s := range page.DataSetSummaries {
			if s.ImportMode != types.DataSetImportModeDirectQuery || aws.ToString(s.Arn) != dataSetARN(aws.ToString(s.DataSetId)) || s.CreatedTime == nil {
				t.Fatalf("summary %s", jsonString(s))
			}
			ids = append(ids, aws.ToString(s.DataSetId))
		}
		if token = page.NextToken; token == nil {
			break
		}
	}
	wantEqual(t, "listed datasets", ids, []string{"b", "c", "taken"})
}

// TestDataSetInjection sends SQL through names, column names and custom
// SQL: it is stored as text, quoted as an identifier, or refused.
func TestDataSetInjection(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	db := pgDatabase(t)
	createPG(t, c, "pg", pgParams(pgHost, pgPort, db), pair(pgUser, pgPassword))

	evilName := `x'); DROP TABLE data_sets; --`
	out := createDataSet(t, c, &quicksight.CreateDataSetInput{
		DataSetId: aws.String("evil"), Name: aws.String(evilName), ImportMode: types.DataSetImportModeSpice,
		PhysicalTableMap: map[string]types.PhysicalTable{"t": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
			DataSourceArn: aws.String(dataSourceARN("pg")), Name: aws.String(`orders"; DROP TABLE orders; --`),
			InputColumns: []types.InputColumn{col(`id"; DROP TABLE orders; --`, types.InputColumnDataTypeInteger)},
		}}},
	})
	// The name is stored as given; the table name is one quoted identifier
	// that names no table, so the ingestion fails at the source.
	if got := aws.ToString(describeDataSet(t, c, "evil").Name); got != evilName {
		t.Fatalf("Name %q", got)
	}
	wantIngestion(t, waitIngestion(t, c, "evil", aws.ToString(out.IngestionId)), types.IngestionStatusFailed, 0, types.IngestionErrorTypeSqlException)
	// Nothing was dropped.
	pg, err := sql.Open("pgx", "postgres://postgres:postgres@127.0.0.1:5432/"+db+"?sslmode=disable")
	must(t, err)
	defer pg.Close()
	var n int
	must(t, pg.QueryRowContext(t.Context(), `SELECT count(*) FROM orders`).Scan(&n))
	if n != 4 {
		t.Fatalf("orders has %d rows", n)
	}
	list, err := c.ListDataSets(t.Context(), &quicksight.ListDataSetsInput{AwsAccountId: aws.String(accountID)})
	must(t, err)
	if len(list.DataSetSummaries) != 1 {
		t.Fatalf("ListDataSets: %d", len(list.DataSetSummaries))
	}
	// Custom SQL that tries to lift the read-only transaction is refused.
	_, err = c.CreateDataSet(t.Context(), &quicksight.CreateDataSetInput{
		AwsAccountId: aws.String(accountID), DataSetId: aws.String("writer"), Name: aws.String("w"), ImportMode: types.DataSetImportModeSpice,
		PhysicalTableMap: customSQL("pg", "SELECT pg_catalog.set_config('default_transaction_read_only', 'off', false) AS n", col("n", types.InputColumnDataTypeString)),
	})
	wantError(t, err, "InvalidParameterValueException", 400)
	wantMessageContains(t, err, "read-only")

	// A quoted name is the same function: refused with the modeled error
	// naming it and where it is, and nothing is created.
	_, err = c.CreateDataSet(t.Context(), &quicksight.CreateDataSetInput{
		AwsAccountId: aws.String(accountID), DataSetId: aws.String("reader"), Name: aws.String("r"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: customSQL("pg", `SELECT "pg_read_file"('/etc/hostname') AS h`, col("h", types.InputColumnDataTypeString)),
	})
	wantErrorMessage(t, err, "InvalidParameterValueException", 400,
		"PhysicalTableMap.t1.CustomSql.SqlQuery calls the function pg_read_file, which custom SQL may not call: a read-only query may call only side-effect-free functions (aggregates, math, string, date and time, conditional, casts, JSON) (at character 8)")
	if _, err := c.DescribeDataSet(t.Context(), &quicksight.DescribeDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("reader")}); err == nil {
		t.Fatal("the refused dataset exists")
	}
}

// TestDataSetEdition: row-level security needs the Enterprise edition.
func TestDataSetEdition(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	acct, err := ts.Store.FindAccount(t.Context(), accountID)
	must(t, err)
	acct.Edition = sg.EditionStandard
	must(t, ts.Store.UpdateAccount(t.Context(), acct))
	c := ts.adminClient()
	createPG(t, c, "pg", pgParams(pgHost, pgPort, "postgres"), pair(pgUser, pgPassword))
	err = dataSetCall(func(in *quicksight.CreateDataSetInput) {
		//lint:ignore SA1019 LogicalTableMap and RowLevelPermissionDataSet are what Sightglass implements (the legacy data preparation experience)
		in.RowLevelPermissionDataSet = &types.RowLevelPermissionDataSet{Arn: aws.String(dataSetARN("rules")), PermissionPolicy: types.RowLevelPermissionPolicyGrantAccess}
	})(t.Context(), c)
	wantError(t, err, "UnsupportedUserEditionException", 403)
}

// waitStatus polls an ingestion until it reaches status (bounded, to stop
// a hung test).
func waitStatus(t testing.TB, c *quicksight.Client, dataSetID, id string, status types.IngestionStatus) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		out, err := c.DescribeIngestion(t.Context(), &quicksight.DescribeIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(dataSetID), IngestionId: aws.String(id)})
		must(t, err)
		if out.Ingestion.IngestionStatus == status {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("ingestion %s: status %s, want %s", id, out.Ingestion.IngestionStatus, status)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestIngestionQueue: a dataset ingests one at a time; later ingestions
// wait QUEUED and can be cancelled there; deleting the dataset stops the
// running one.
func TestIngestionQueue(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	createPG(t, c, "pg", pgParams(pgHost, pgPort, "postgres"), pair(pgUser, pgPassword))
	out := createDataSet(t, c, &quicksight.CreateDataSetInput{
		DataSetId: aws.String("slow"), ImportMode: types.DataSetImportModeSpice,
		PhysicalTableMap: customSQL("pg", "SELECT pg_sleep(60)::text AS x", col("x", types.InputColumnDataTypeString)),
	})
	first := aws.ToString(out.IngestionId)
	waitStatus(t, c, "slow", first, types.IngestionStatusRunning)
	_, err := c.CreateIngestion(ctx, &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("slow"), IngestionId: aws.String("second")})
	must(t, err)
	waitStatus(t, c, "slow", "second", types.IngestionStatusQueued)
	q, err := c.DescribeIngestion(ctx, &quicksight.DescribeIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("slow"), IngestionId: aws.String("second")})
	must(t, err)
	// QueueInfo as documented: QueuedIngestion is the ongoing one.
	wantEqual(t, "QueueInfo", q.Ingestion.QueueInfo, &types.QueueInfo{QueuedIngestion: aws.String(first), WaitingOnIngestion: aws.String("second")})
	_, err = c.CancelIngestion(ctx, &quicksight.CancelIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("slow"), IngestionId: aws.String("second")})
	must(t, err)
	wantIngestion(t, waitIngestion(t, c, "slow", "second"), types.IngestionStatusCancelled, 0, types.IngestionErrorTypeIngestionCanceled)
	// The first is still running; deleting the dataset stops it.
	waitStatus(t, c, "slow", first, types.IngestionStatusRunning)
	_, err = c.DeleteDataSet(ctx, &quicksight.DeleteDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("slow")})
	must(t, err)
	_, err = c.DescribeIngestion(ctx, &quicksight.DescribeIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("slow"), IngestionId: aws.String(first)})
	wantError(t, err, "ResourceNotFoundException", 404)
	if _, err := os.Stat(filepath.Join(ts.Config.DataDir, "spice", accountID, "slow")); !os.IsNotExist(err) {
		t.Fatalf("SPICE directory remains (%v)", err)
	}
}

// TestIngestionLimit: at most five ingestions of a dataset wait or run;
// the next CreateIngestion (or SPICE UpdateDataSet) is LimitExceededException.
func TestIngestionLimit(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	createPG(t, c, "pg", pgParams(pgHost, pgPort, "postgres"), pair(pgUser, pgPassword))
	physical := customSQL("pg", "SELECT pg_sleep(60)::text AS x", col("x", types.InputColumnDataTypeString))
	createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("slow"), ImportMode: types.DataSetImportModeSpice, PhysicalTableMap: physical})
	for i := range 4 {
		_, err := c.CreateIngestion(ctx, &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("slow"), IngestionId: aws.String(fmt.Sprint("i", i))})
		must(t, err)
	}
	_, err := c.CreateIngestion(ctx, &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("slow"), IngestionId: aws.String("too-many")})
	wantError(t, err, "LimitExceededException", 409)
	_, err = c.UpdateDataSet(ctx, &quicksight.UpdateDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("slow"), Name: aws.String("renamed"),
		ImportMode: types.DataSetImportModeSpice, PhysicalTableMap: physical})
	wantError(t, err, "LimitExceededException", 409)
	if aws.ToString(describeDataSet(t, c, "slow").Name) == "renamed" {
		t.Fatal("the refused UpdateDataSet changed the dataset")
	}
	// Deleting the dataset cancels all five.
	_, err = c.DeleteDataSet(ctx, &quicksight.DeleteDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("slow")})
	must(t, err)
}

// TestIngestionStoppedByShutdown: an ingestion running when the server
// stops gives its lease up; the next start claims it and runs it again to
// the end (attempt 2), instead of marking it FAILED.
func TestIngestionStoppedByShutdown(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ts := startServer(t, withDataDir(dir))
	c := ts.adminClient()
	createPG(t, c, "pg", pgParams(pgHost, pgPort, "postgres"), pair(pgUser, pgPassword))
	out := createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("slow"), ImportMode: types.DataSetImportModeSpice,
		PhysicalTableMap: customSQL("pg", "SELECT pg_sleep(2)::text AS x", col("x", types.InputColumnDataTypeString))})
	id := aws.ToString(out.IngestionId)
	waitStatus(t, c, "slow", id, types.IngestionStatusRunning)
	ts.Stop()

	ts = startServer(t, withDataDir(dir), reopened(ts.Admin))
	in := waitIngestion(t, ts.adminClient(), "slow", id)
	wantIngestion(t, in, types.IngestionStatusCompleted, 1, "")
	leased, err := ts.Store.FindIngestion(t.Context(), accountID, "slow", id)
	must(t, err)
	if leased.Attempts != 2 {
		t.Fatalf("the ingestion ran %d times, want 2 (stopped, then retried)", leased.Attempts)
	}
}

// TestDataSetOnMariaDB: a MYSQL data source (served by the local MariaDB)
// with a user of its own, a DIRECT_QUERY and a SPICE dataset on one table.
func TestDataSetOnMariaDB(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	table := fmt.Sprintf("sg_e2e_orders_%d", time.Now().UnixNano())
	root, err := sql.Open("mysql", "root@tcp(127.0.0.1:3306)/test")
	must(t, err)
	defer root.Close()
	if _, err := root.ExecContext(ctx, "CREATE TABLE "+table+" (id INT PRIMARY KEY, region VARCHAR(20), amount DECIMAL(10,2))"); err != nil {
		t.Skipf("local MariaDB unavailable: %v", err)
	}
	t.Cleanup(func() { root.ExecContext(context.Background(), "DROP TABLE IF EXISTS "+table) })
	_, err = root.ExecContext(ctx, "INSERT INTO "+table+" VALUES (1, 'East', 10.50), (2, 'West', 20.00), (3, 'East', 5.25)")
	must(t, err)
	mariaDBUser(t, "sg_e2e_maria", "Maria-Secret-1")
	out := createSource(t, c, "maria", types.DataSourceTypeMysql,
		&types.DataSourceParametersMemberMySqlParameters{Value: types.MySqlParameters{Host: aws.String(pgHost), Port: aws.Int32(mariaDBPort), Database: aws.String("test")}},
		pair("sg_e2e_maria", "Maria-Secret-1"))
	if out.CreationStatus != types.ResourceStatusCreationSuccessful {
		t.Fatalf("MYSQL source: %s", jsonString(describeDataSource(t, c, "maria")))
	}
	physical := map[string]types.PhysicalTable{"t": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
		DataSourceArn: aws.String(dataSourceARN("maria")), Name: aws.String(table),
		InputColumns: []types.InputColumn{col("id", types.InputColumnDataTypeInteger), col("region", types.InputColumnDataTypeString), col("amount", types.InputColumnDataTypeDecimal)},
	}}}
	createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("direct"), ImportMode: types.DataSetImportModeDirectQuery, PhysicalTableMap: physical})
	spiceOut := createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("spice"), ImportMode: types.DataSetImportModeSpice, PhysicalTableMap: physical})
	wantIngestion(t, waitIngestion(t, c, "spice", aws.ToString(spiceOut.IngestionId)), types.IngestionStatusCompleted, 3, "")
	q := &query.Question{Dimensions: []query.Dimension{{Field: "region"}}, Measures: []query.Measure{{ID: "total", Field: "amount", Aggregation: query.Sum}}, Sort: []query.Sort{{ID: "region"}}}
	for _, id := range []string{"direct", "spice"} {
		res, err := ts.App.QueryDataSet(ctx, nil, accountID, id, q)
		must(t, err)
		wantEqual(t, id, rowsOf(res.Rows), []string{"East 15.75", "West 20"})
	}
}
