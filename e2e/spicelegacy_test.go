package e2e

// SPICE copies an earlier Sightglass wrote as SQLite files: the first
// question over such a dataset converts its copy to DuckDB and answers
// from it; a copy that cannot be converted is refused with a message
// that asks for a new ingestion, never a wrong answer or a 500.

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	sg "github.com/sightglass/sightglass"
)

// legacyCopy replaces the DuckDB copy of dataSetID's ingestion id with a
// SQLite file as ingestions wrote them before DuckDB (table "data",
// columns with SQLite affinities) holding rows built by stmts.
func legacyCopy(t *testing.T, ts *testServer, dataSetID, id string, stmts ...string) string {
	t.Helper()
	dir := filepath.Join(ts.Config.DataDir, "spice", accountID, dataSetID)
	must(t, os.Remove(filepath.Join(dir, id+".duckdb")))
	path := filepath.Join(dir, id+".sqlite")
	db, err := sql.Open("sqlite", path)
	must(t, err)
	defer db.Close()
	for _, s := range stmts {
		_, err := db.Exec(s)
		must(t, err)
	}
	return path
}

func TestLegacySQLiteSPICECopy(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	sqliteSource(t, ts.Config.DataSourceDir, "orders.sqlite")
	_, err := ts.App.CreateSQLiteDataSource(ctx, accountID, "orders-db", "Orders DB", "orders.sqlite")
	must(t, err)
	physical := map[string]types.PhysicalTable{"orders": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
		DataSourceArn: aws.String(dataSourceARN("orders-db")), Name: aws.String("orders"),
		InputColumns: []types.InputColumn{col("id", types.InputColumnDataTypeInteger), col("region", types.InputColumnDataTypeString), col("amount", types.InputColumnDataTypeDecimal)},
	}}}
	var ids []string
	for _, ds := range []string{"legacy", "broken"} {
		out := createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String(ds), ImportMode: types.DataSetImportModeSpice, PhysicalTableMap: physical})
		wantIngestion(t, waitIngestion(t, c, ds, aws.ToString(out.IngestionId)), types.IngestionStatusCompleted, 3, "")
		ids = append(ids, aws.ToString(out.IngestionId))
	}
	// Rows other than the source's, so that the answer shows which
	// copy it came from.
	old := legacyCopy(t, ts, "legacy", ids[0], `CREATE TABLE data ("id" INTEGER, "region" TEXT, "amount" REAL)`,
		`INSERT INTO data VALUES (1, 'North', 1.5), (2, 'North', 2), (3, 'South', 4.25), (4, NULL, 8)`)
	res, err := ts.App.QueryDataSet(ctx, nil, accountID, "legacy", ordersByRegion)
	must(t, err)
	wantEqual(t, "rows of the converted copy", rowsOf(res.Rows), []string{"<nil> 8 1", "North 3.5 2", "South 4.25 1"})
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Fatalf("the SQLite copy is still there (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(old), ids[0]+".duckdb")); err != nil {
		t.Fatalf("no DuckDB copy after the conversion: %v", err)
	}

	// A SQLite copy without the dataset's columns cannot be converted.
	legacyCopy(t, ts, "broken", ids[1], `CREATE TABLE data ("id" INTEGER)`, `INSERT INTO data VALUES (1)`)
	_, err = ts.App.QueryDataSet(ctx, nil, accountID, "broken", ordersByRegion)
	if sg.ErrorCode(err) != sg.EPRECONDITION || !strings.Contains(sg.ErrorMessage(err), "new ingestion (CreateIngestion)") {
		t.Fatalf("a copy that cannot be converted: %v", err)
	}
	// A new ingestion replaces it.
	_, err = c.CreateIngestion(ctx, &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("broken"), IngestionId: aws.String("refresh")})
	must(t, err)
	wantIngestion(t, waitIngestion(t, c, "broken", "refresh"), types.IngestionStatusCompleted, 3, "")
	res, err = ts.App.QueryDataSet(ctx, nil, accountID, "broken", ordersByRegion)
	must(t, err)
	wantEqual(t, "rows after the refresh", rowsOf(res.Rows), []string{"East 15.75 2", "West 20 1"})
}

// On PostgreSQL the copy comes from the artifact store: a SQLite artifact
// (stored before SPICE was DuckDB) is fetched, converted on the node and
// answers.
func TestLegacySQLiteSPICEArtifact(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	ts := startServer(t, withPostgres(freshDatabase(t, dsn)))
	c := ts.adminClient()
	ctx := t.Context()
	artifacts, ok := ts.Store.(sg.ArtifactStore)
	if !ok {
		t.Skip("the store keeps no artifacts")
	}
	sqliteSource(t, ts.Config.DataSourceDir, "orders.sqlite")
	_, err := ts.App.CreateSQLiteDataSource(ctx, accountID, "orders-db", "Orders DB", "orders.sqlite")
	must(t, err)
	physical := map[string]types.PhysicalTable{"orders": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
		DataSourceArn: aws.String(dataSourceARN("orders-db")), Name: aws.String("orders"),
		InputColumns: []types.InputColumn{col("id", types.InputColumnDataTypeInteger), col("region", types.InputColumnDataTypeString), col("amount", types.InputColumnDataTypeDecimal)},
	}}}
	out := createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("legacy"), ImportMode: types.DataSetImportModeSpice, PhysicalTableMap: physical})
	id := aws.ToString(out.IngestionId)
	wantIngestion(t, waitIngestion(t, c, "legacy", id), types.IngestionStatusCompleted, 3, "")
	// The artifact becomes an old SQLite copy; this node's file goes.
	path := legacyCopy(t, ts, "legacy", id, `CREATE TABLE data ("id" INTEGER, "region" TEXT, "amount" REAL)`,
		`INSERT INTO data VALUES (1, 'North', 1.5), (2, 'South', 2)`)
	f, err := os.Open(path)
	must(t, err)
	_, err = artifacts.PutArtifact(ctx, sg.ArtifactKey{AccountID: accountID, DataSetID: "legacy", IngestionID: id}, f)
	f.Close()
	must(t, err)
	must(t, os.Remove(path))
	res, err := ts.App.QueryDataSet(ctx, nil, accountID, "legacy", ordersByRegion)
	must(t, err)
	wantEqual(t, "rows of the converted artifact", rowsOf(res.Rows), []string{"North 1.5 1", "South 2 1"})
	entries, err := os.ReadDir(filepath.Dir(path))
	must(t, err)
	if len(entries) != 1 || entries[0].Name() != id+".duckdb" {
		t.Fatalf("the dataset's directory holds %v, want only the DuckDB copy", entries)
	}
}
