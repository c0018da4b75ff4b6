package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	sg "github.com/sightglass/sightglass"
)

// Two nodes on one PostgreSQL: the first to query a dataset whose stored
// artifact is a legacy SQLite copy converts it and writes the DuckDB copy
// back, so the other node fetches DuckDB and converts nothing.
func TestLegacySQLiteSPICEArtifactSharedOnce(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	db := freshDatabase(t, dsn)
	a := startServer(t, withPostgres(db))
	b := startServer(t, withPostgres(db), reopened(a.Admin))
	ctx := t.Context()
	artifacts, ok := a.Store.(sg.ArtifactStore)
	if !ok {
		t.Skip("the store keeps no artifacts")
	}
	sqliteSource(t, a.Config.DataSourceDir, "orders.sqlite")
	_, err := a.App.CreateSQLiteDataSource(ctx, accountID, "orders-db", "Orders DB", "orders.sqlite")
	must(t, err)
	physical := map[string]types.PhysicalTable{"orders": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
		DataSourceArn: aws.String(dataSourceARN("orders-db")), Name: aws.String("orders"),
		InputColumns: []types.InputColumn{col("id", types.InputColumnDataTypeInteger), col("region", types.InputColumnDataTypeString), col("amount", types.InputColumnDataTypeDecimal)},
	}}}
	c := a.adminClient()
	out := createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("legacy"), ImportMode: types.DataSetImportModeSpice, PhysicalTableMap: physical})
	id := aws.ToString(out.IngestionId)
	wantIngestion(t, waitIngestion(t, c, "legacy", id), types.IngestionStatusCompleted, 3, "")

	// The stored artifact becomes an old SQLite copy; node A's file goes.
	key := sg.ArtifactKey{AccountID: accountID, DataSetID: "legacy", IngestionID: id}
	path := legacyCopy(t, a, "legacy", id, `CREATE TABLE data ("id" INTEGER, "region" TEXT, "amount" REAL)`,
		`INSERT INTO data VALUES (1, 'North', 1.5), (2, 'South', 2)`)
	f, err := os.Open(path)
	must(t, err)
	_, err = artifacts.PutArtifact(ctx, key, f)
	f.Close()
	must(t, err)
	must(t, os.Remove(path))
	want := []string{"North 1.5 1", "South 2 1"}

	res, err := a.App.QueryDataSet(ctx, nil, accountID, "legacy", ordersByRegion)
	must(t, err)
	wantEqual(t, "rows on node A, which converted the artifact", rowsOf(res.Rows), want)
	var stored bytes.Buffer
	_, err = artifacts.FetchArtifact(ctx, key, &stored)
	must(t, err)
	local, err := os.ReadFile(filepath.Join(filepath.Dir(path), id+".duckdb"))
	must(t, err)
	if bytes.HasPrefix(stored.Bytes(), []byte("SQLite format 3\x00")) || !bytes.Equal(stored.Bytes(), local) {
		t.Fatalf("the stored artifact (%d bytes, starting %q) is not node A's DuckDB copy (%d bytes)", stored.Len(), stored.Bytes()[:min(16, stored.Len())], len(local))
	}

	res, err = b.App.QueryDataSet(ctx, nil, accountID, "legacy", ordersByRegion)
	must(t, err)
	wantEqual(t, "rows on node B", rowsOf(res.Rows), want)
	fetched, err := os.ReadFile(filepath.Join(b.Config.DataDir, "spice", accountID, "legacy", id+".duckdb"))
	must(t, err)
	if !bytes.Equal(fetched, local) {
		t.Fatalf("node B's copy (%d bytes) is not the DuckDB copy node A stored (%d bytes): B converted again", len(fetched), len(local))
	}
}
