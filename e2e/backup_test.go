package e2e

// Backup and restore: a backup taken while the server runs (and keeps
// serving) restores into a new data directory that a second server serves
// with the same content, described identically, and the same SPICE
// numbers; later changes to the first server are not in it. A damaged
// backup or a non-empty target is refused without writing.

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	"github.com/sightglass/sightglass/internal/backup"
	"github.com/sightglass/sightglass/internal/query"
)

// contentSnapshot is everything the test compares across servers.
type contentSnapshot struct {
	DataSource          *types.DataSource
	DataSets            []*types.DataSet
	Analysis            *types.Analysis
	AnalysisDefinition  *types.AnalysisDefinition
	Dashboard           *types.Dashboard
	DashboardDefinition *types.DashboardVersionDefinition
	Ingestions          []types.Ingestion
}

func describeContent(t testing.TB, c *quicksight.Client) contentSnapshot {
	t.Helper()
	ctx := t.Context()
	acct := aws.String(accountID)
	var s contentSnapshot
	ds, err := c.DescribeDataSource(ctx, &quicksight.DescribeDataSourceInput{AwsAccountId: acct, DataSourceId: aws.String("orders-db")})
	must(t, err)
	s.DataSource = ds.DataSource
	for _, id := range []string{"orders-spice", "tf-sales"} {
		s.DataSets = append(s.DataSets, describeDataSet(t, c, id))
	}
	an, err := c.DescribeAnalysis(ctx, &quicksight.DescribeAnalysisInput{AwsAccountId: acct, AnalysisId: aws.String("sales-analysis")})
	must(t, err)
	s.Analysis = an.Analysis
	ad, err := c.DescribeAnalysisDefinition(ctx, &quicksight.DescribeAnalysisDefinitionInput{AwsAccountId: acct, AnalysisId: aws.String("sales-analysis")})
	must(t, err)
	s.AnalysisDefinition = ad.Definition
	db, err := c.DescribeDashboard(ctx, &quicksight.DescribeDashboardInput{AwsAccountId: acct, DashboardId: aws.String("sales-dashboard")})
	must(t, err)
	s.Dashboard = db.Dashboard
	dd, err := c.DescribeDashboardDefinition(ctx, &quicksight.DescribeDashboardDefinitionInput{AwsAccountId: acct, DashboardId: aws.String("sales-dashboard")})
	must(t, err)
	s.DashboardDefinition = dd.Definition
	in, err := c.ListIngestions(ctx, &quicksight.ListIngestionsInput{AwsAccountId: acct, DataSetId: aws.String("orders-spice")})
	must(t, err)
	s.Ingestions = in.Ingestions
	return s
}

var ordersByRegion = &query.Question{
	Dimensions: []query.Dimension{{Field: "region"}},
	Measures:   []query.Measure{{ID: "total", Field: "amount", Aggregation: query.Sum}, {ID: "n", Field: "id", Aggregation: query.Count}},
	Sort:       []query.Sort{{ID: "region"}},
}

func TestBackupRestore(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()

	// Content: a SQLITE data source, a SPICE dataset on it, the sales
	// dataset with an analysis and a published dashboard.
	sqliteSource(t, ts.Config.DataSourceDir, "orders.sqlite")
	_, err := ts.App.CreateSQLiteDataSource(ctx, accountID, "orders-db", "Orders DB", "orders.sqlite")
	must(t, err)
	physical := map[string]types.PhysicalTable{"orders": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
		DataSourceArn: aws.String(dataSourceARN("orders-db")), Name: aws.String("orders"),
		InputColumns: []types.InputColumn{col("id", types.InputColumnDataTypeInteger), col("region", types.InputColumnDataTypeString), col("amount", types.InputColumnDataTypeDecimal)},
	}}}
	out := createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("orders-spice"), ImportMode: types.DataSetImportModeSpice, PhysicalTableMap: physical})
	wantIngestion(t, waitIngestion(t, c, "orders-spice", aws.ToString(out.IngestionId)), types.IngestionStatusCompleted, 3, "")
	createSalesDataSet(t, ts)
	_, err = c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("sales-analysis"),
		Name: aws.String("Sales analysis"), Definition: salesAnalysisDefinition(t), Permissions: ownerPermissions("admin", analysisOwnerActions...)})
	must(t, err)
	waitAnalysis(t, c, "sales-analysis")
	_, err = c.CreateDashboard(ctx, &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales-dashboard"),
		Name: aws.String("Sales dashboard"), Definition: salesDashboardDefinition(t), VersionDescription: aws.String("v1")})
	must(t, err)
	waitVersion(t, c, "sales-dashboard", 1)

	before := describeContent(t, c)
	res, err := ts.App.QueryDataSet(ctx, nil, accountID, "orders-spice", ordersByRegion)
	must(t, err)
	wantRows := []string{"East 15.75 2", "West 20 1"}
	wantEqual(t, "SPICE rows before the backup", rowsOf(res.Rows), wantRows)

	// The backup runs while clients keep calling the server.
	var stop atomic.Bool
	var calls sync.WaitGroup
	calls.Go(func() {
		for !stop.Load() {
			if _, err := c.ListDashboards(ctx, &quicksight.ListDashboardsInput{AwsAccountId: aws.String(accountID)}); err != nil {
				t.Errorf("ListDashboards during the backup: %v", err)
				return
			}
		}
	})
	dir := filepath.Join(t.TempDir(), "backup")
	m, err := backup.Create(ctx, backup.Options{DataDir: ts.Config.DataDir}, dir)
	stop.Store(true)
	calls.Wait()
	must(t, err)
	var paths []string
	for _, f := range m.Files {
		paths = append(paths, f.Path)
	}
	ingestionID := aws.ToString(out.IngestionId)
	wantEqual(t, "backup files", paths, []string{"sightglass.db", "spice/" + accountID + "/orders-spice/" + ingestionID + ".duckdb", "secret.key"})
	for _, name := range []string{"secret.key", "sightglass.db", "manifest.json"} {
		fi, err := os.Stat(filepath.Join(dir, name))
		must(t, err)
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("backup %s mode %v, want 0600", name, fi.Mode().Perm())
		}
	}

	// After the backup the first server changes: a new row, a new
	// ingestion (which deletes the copied SPICE file), a deleted dashboard.
	src, err := sql.Open("sqlite", filepath.Join(ts.Config.DataSourceDir, "orders.sqlite"))
	must(t, err)
	_, err = src.ExecContext(ctx, `INSERT INTO orders VALUES (4, 'North', 100)`)
	src.Close()
	must(t, err)
	_, err = c.CreateIngestion(ctx, &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("orders-spice"), IngestionId: aws.String("after-backup")})
	must(t, err)
	wantIngestion(t, waitIngestion(t, c, "orders-spice", "after-backup"), types.IngestionStatusCompleted, 4, "")
	_, err = c.DeleteDashboard(ctx, &quicksight.DeleteDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales-dashboard")})
	must(t, err)

	// A damaged backup and a non-empty target are refused, writing nothing.
	newDir := filepath.Join(t.TempDir(), "restored")
	spiceCopy := filepath.Join(dir, filepath.FromSlash(paths[1]))
	good, err := os.ReadFile(spiceCopy)
	must(t, err)
	damaged := append([]byte(nil), good...)
	damaged[len(damaged)/2] ^= 1
	must(t, os.WriteFile(spiceCopy, damaged, 0o600))
	if _, err := backup.Restore(ctx, dir, newDir); err == nil || !strings.Contains(err.Error(), "does not match the manifest") {
		t.Fatalf("restore of a damaged backup: %v", err)
	}
	if _, err := os.Stat(newDir); !os.IsNotExist(err) {
		t.Fatalf("a refused restore created %s: %v", newDir, err)
	}
	must(t, os.WriteFile(spiceCopy, good, 0o600))
	if _, err := backup.Restore(ctx, dir, ts.Config.DataDir); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("restore over the live data directory: %v", err)
	}

	_, err = backup.Restore(ctx, dir, newDir)
	must(t, err)
	fi, err := os.Stat(filepath.Join(newDir, "secret.key"))
	must(t, err)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("restored secret.key mode %v", fi.Mode().Perm())
	}

	// A second server on the restored directory: the same content, the
	// same numbers, the same keys.
	ts2 := startServer(t, withDataDir(newDir), reopened(ts.Admin))
	after := describeContent(t, ts2.adminClient())
	wantEqual(t, "content after restore", after, before)
	res, err = ts2.App.QueryDataSet(ctx, nil, accountID, "orders-spice", ordersByRegion)
	must(t, err)
	wantEqual(t, "SPICE rows after restore", rowsOf(res.Rows), wantRows)
	// The first server moved on.
	res, err = ts.App.QueryDataSet(ctx, nil, accountID, "orders-spice", ordersByRegion)
	must(t, err)
	wantEqual(t, "SPICE rows of the first server", rowsOf(res.Rows), []string{"East 15.75 2", "North 100 1", "West 20 1"})
}
