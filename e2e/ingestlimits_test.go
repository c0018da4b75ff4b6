package e2e

// Ingestion caps: an endless recursive query in custom SQL, on a SQLITE
// and a PostgreSQL data source, ends FAILED at the row, byte or time
// (or capacity) limit with the exact ErrorInfo type and leaves no file; a start removes
// the temporary files an earlier process left; the account's SPICE
// capacity is shared by its datasets.

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

const endlessCTE = "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t) SELECT n FROM t"

// wantNoSPICEFiles fails if the dataset's SPICE directory holds a file.
func wantNoSPICEFiles(t testing.TB, ts *testServer, dataSetID string) {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(ts.Config.DataDir, "spice", accountID, dataSetID))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("dataset %s left %s", dataSetID, e.Name())
	}
}

func TestIngestionCaps(t *testing.T) {
	t.Parallel()
	sources := map[string]func(t *testing.T, ts *testServer, c *quicksight.Client){
		"sqlite": func(t *testing.T, ts *testServer, c *quicksight.Client) {
			sqliteSource(t, ts.Config.DataSourceDir, "shop.sqlite")
			_, err := ts.App.CreateSQLiteDataSource(t.Context(), accountID, "src", "Shop", "shop.sqlite")
			must(t, err)
		},
		"postgres": func(t *testing.T, ts *testServer, c *quicksight.Client) {
			createPG(t, c, "src", pgParams(pgHost, pgPort, pgDatabase(t)), pair(pgUser, pgPassword))
		},
	}
	for name, makeSource := range sources {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			cases := []struct {
				id      string
				limits  option
				query   string
				errType types.IngestionErrorType
				message string
			}{
				{"rows", withIngestionLimits(1000, 1<<30, time.Hour), endlessCTE, types.IngestionErrorTypeDataSetSizeLimitExceeded,
					"The dataset has more than 1000 rows, the most one ingestion may import."},
				{"bytes", withIngestionLimits(1<<40, 256<<10, time.Hour), endlessCTE, types.IngestionErrorTypeDataSetSizeLimitExceeded,
					"The dataset takes more than 262144 bytes, the most one ingestion may write."},
				{"capacity", withSPICECapacity(64 << 10), endlessCTE, types.IngestionErrorTypeAccountCapacityLimitExceeded,
					"The dataset needs more than the 65536 bytes of SPICE capacity the account has left."},
				// Nothing else stops this one: the query returns no row.
				{"time", withIngestionLimits(1<<40, 1<<40, 300*time.Millisecond), "SELECT * FROM (" + endlessCTE + ") AS q WHERE n < 0", types.IngestionErrorTypeQueryTimeout,
					"The ingestion ran past its time limit of 300ms."},
			}
			for _, tc := range cases {
				ts := startServer(t, tc.limits)
				c := ts.adminClient()
				makeSource(t, ts, c)
				out := createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String(tc.id), ImportMode: types.DataSetImportModeSpice,
					PhysicalTableMap: customSQL("src", tc.query, col("n", types.InputColumnDataTypeInteger))})
				in := waitIngestion(t, c, tc.id, aws.ToString(out.IngestionId))
				wantIngestion(t, in, types.IngestionStatusFailed, 0, tc.errType)
				wantEqual(t, tc.id+" message", aws.ToString(in.ErrorInfo.Message), tc.message)
				wantNoSPICEFiles(t, ts, tc.id)
				ts.Stop()
			}
		})
	}
}

func TestLeftoverSPICEFilesRemovedOnStart(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ds := filepath.Join(dir, "spice", accountID, "sales")
	must(t, os.MkdirAll(ds, 0o700))
	leftovers := []string{".ing-1.duckdb.0123456789abcdef.tmp", ".ing-1.duckdb.0123456789abcdef.tmp.wal", ".ing-1.sqlite.123456.tmp", ".ing-1.sqlite.123456.tmp-journal"}
	kept := []string{"ing-0.duckdb", "notes.tmp", "x.wal"}
	for _, name := range append(leftovers, kept...) {
		must(t, os.WriteFile(filepath.Join(ds, name), []byte("x"), 0o600))
	}
	// DuckDB's spill directories of a copy and of an unfinished ingestion.
	for _, dir := range []string{"ing-0.duckdb.tmp", ".ing-1.duckdb.0123456789abcdef.tmp.tmp"} {
		must(t, os.MkdirAll(filepath.Join(ds, dir), 0o700))
		must(t, os.WriteFile(filepath.Join(ds, dir, "duckdb_temp_storage-0.tmp"), []byte("x"), 0o600))
	}
	startServer(t, withDataDir(dir))
	entries, err := os.ReadDir(ds)
	must(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	wantEqual(t, "files after start", names, kept)
}

// The account's SPICE capacity is shared by its datasets: a second
// dataset that would pass it fails with ACCOUNT_CAPACITY_LIMIT_EXCEEDED,
// while the first one's refresh (which replaces its own copy) still fits.
func TestSPICECapacityShared(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSPICECapacity(12000))
	c := ts.adminClient()
	sqliteSource(t, ts.Config.DataSourceDir, "shop.sqlite")
	_, err := ts.App.CreateSQLiteDataSource(t.Context(), accountID, "src", "Shop", "shop.sqlite")
	must(t, err)
	const thousand = "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t WHERE n < 1000) SELECT n FROM t"
	create := func(id string) *types.Ingestion {
		out := createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String(id), ImportMode: types.DataSetImportModeSpice,
			PhysicalTableMap: customSQL("src", thousand, col("n", types.InputColumnDataTypeInteger))})
		return waitIngestion(t, c, id, aws.ToString(out.IngestionId))
	}
	in := create("first")
	wantIngestion(t, in, types.IngestionStatusCompleted, 1000, "")
	wantEqual(t, "size", aws.ToInt64(in.IngestionSizeInBytes), int64(8000))
	wantEqual(t, "consumed", describeDataSet(t, c, "first").ConsumedSpiceCapacityInBytes, int64(8000))

	in = create("second")
	wantIngestion(t, in, types.IngestionStatusFailed, 0, types.IngestionErrorTypeAccountCapacityLimitExceeded)
	wantEqual(t, "message", aws.ToString(in.ErrorInfo.Message), "The dataset needs more than the 4000 bytes of SPICE capacity the account has left.")
	wantNoSPICEFiles(t, ts, "second")

	ci, err := c.CreateIngestion(t.Context(), &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("first"), IngestionId: aws.String("again")})
	must(t, err)
	wantIngestion(t, waitIngestion(t, c, "first", aws.ToString(ci.IngestionId)), types.IngestionStatusCompleted, 1000, "")
}
