package e2e

// Incremental refresh: PutDataSetRefreshProperties sets a lookback window
// on a SPICE dataset's DATETIME column, and CreateIngestion with
// INCREMENTAL_REFRESH reads the window's rows again from the source while
// the rows before it stay as the previous copy had them.

import (
	"database/sql"
	"fmt"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	_ "github.com/duckdb/duckdb-go/v2"
)

func lookbackProps(column string, size int64, unit types.LookbackWindowSizeUnit) *types.DataSetRefreshProperties {
	return &types.DataSetRefreshProperties{RefreshConfiguration: &types.RefreshConfiguration{IncrementalRefresh: &types.IncrementalRefresh{
		LookbackWindow: &types.LookbackWindow{ColumnName: aws.String(column), Size: aws.Int64(size), SizeUnit: unit}}}}
}

// spiceContents returns the id and amount of every row of a SPICE copy,
// read from its DuckDB file.
func spiceContents(t testing.TB, ts *testServer, dataSetID, ingestionID string) string {
	t.Helper()
	path := filepath.Join(ts.Config.DataDir, "spice", accountID, dataSetID, ingestionID+".duckdb")
	db, err := sql.Open("duckdb", path+"?access_mode=READ_ONLY")
	must(t, err)
	defer db.Close()
	rows, err := db.QueryContext(t.Context(), `SELECT id, amount FROM data ORDER BY id`)
	must(t, err)
	defer rows.Close()
	var out string
	for rows.Next() {
		var id int64
		var amount float64
		must(t, rows.Scan(&id, &amount))
		out += fmt.Sprintf("[%d %g]", id, amount)
	}
	must(t, rows.Err())
	return out
}

func TestIncrementalRefresh(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	db := pgDatabase(t)
	pg, err := sql.Open("pgx", "postgres://postgres:postgres@127.0.0.1:5432/"+db+"?sslmode=disable")
	must(t, err)
	defer pg.Close()
	// Orders 3 and 4 fall in a 2-day window; 1 and 2 (January) do not.
	ago := func(h int) string { return time.Now().UTC().Add(-time.Duration(h) * time.Hour).Format(time.DateTime) }
	_, err = pg.ExecContext(ctx, `UPDATE orders SET ordered_at = CASE id WHEN 3 THEN $1::timestamp ELSE $2::timestamp END WHERE id IN (3, 4)`, ago(36), ago(12))
	must(t, err)
	createPG(t, c, "pg", pgParams(pgHost, pgPort, db), pair(pgUser, pgPassword))
	out := createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("inc"), ImportMode: types.DataSetImportModeSpice,
		PhysicalTableMap: customSQL("pg", "SELECT id, region, amount, ordered_at FROM orders", orderColumns...)})
	first := aws.ToString(out.IngestionId)
	wantIngestion(t, waitIngestion(t, c, "inc", first), types.IngestionStatusCompleted, 4, "")
	createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("direct"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: customSQL("pg", "SELECT id, region, amount, ordered_at FROM orders", orderColumns...)})

	acct := aws.String(accountID)
	put := func(id string, p *types.DataSetRefreshProperties) error {
		_, err := c.PutDataSetRefreshProperties(ctx, &quicksight.PutDataSetRefreshPropertiesInput{AwsAccountId: acct, DataSetId: aws.String(id), DataSetRefreshProperties: p})
		return err
	}
	describe := func() (*quicksight.DescribeDataSetRefreshPropertiesOutput, error) {
		return c.DescribeDataSetRefreshProperties(ctx, &quicksight.DescribeDataSetRefreshPropertiesInput{AwsAccountId: acct, DataSetId: aws.String("inc")})
	}
	incremental := func(id string) (*quicksight.CreateIngestionOutput, error) {
		return c.CreateIngestion(ctx, &quicksight.CreateIngestionInput{AwsAccountId: acct, DataSetId: aws.String("inc"), IngestionId: aws.String(id), IngestionType: types.IngestionTypeIncrementalRefresh})
	}

	// Before any properties: none to describe, no incremental refresh.
	_, err = describe()
	wantErrorMessage(t, err, "ResourceNotFoundException", http.StatusNotFound, "Dataset inc in account "+accountID+" has no refresh properties.")
	_, err = incremental("too-early")
	wantError(t, err, "InvalidParameterValueException", http.StatusBadRequest)
	// Bad windows.
	wantErrorMessage(t, put("inc", lookbackProps("region", 2, types.LookbackWindowSizeUnitDay)), "InvalidParameterValueException", http.StatusBadRequest,
		"The lookback window's column region is STRING, not DATETIME.")
	wantErrorMessage(t, put("inc", lookbackProps("nope", 2, types.LookbackWindowSizeUnitDay)), "InvalidParameterValueException", http.StatusBadRequest,
		"Dataset inc has no column nope for the lookback window.")
	wantError(t, put("inc", lookbackProps("ordered_at", 0, types.LookbackWindowSizeUnitDay)), "ValidationException", http.StatusBadRequest)
	wantError(t, put("inc", lookbackProps("ordered_at", 1<<40, types.LookbackWindowSizeUnitWeek)), "InvalidParameterValueException", http.StatusBadRequest)
	wantError(t, put("direct", lookbackProps("ordered_at", 2, types.LookbackWindowSizeUnitDay)), "InvalidParameterValueException", http.StatusBadRequest)
	wantError(t, put("missing", lookbackProps("ordered_at", 2, types.LookbackWindowSizeUnitDay)), "ResourceNotFoundException", http.StatusNotFound)

	must(t, put("inc", lookbackProps("ordered_at", 2, types.LookbackWindowSizeUnitDay)))
	got, err := describe()
	must(t, err)
	wantEqual(t, "described window", jsonString(got.DataSetRefreshProperties), jsonString(lookbackProps("ordered_at", 2, types.LookbackWindowSizeUnitDay)))

	// Changes before the window are not read again; those in it are.
	for _, s := range []string{
		`UPDATE orders SET amount = 999 WHERE id = 1`,                     // outside
		`INSERT INTO orders VALUES (6, 'West', 2, '2026-01-01 00:00:00')`, // outside
		`UPDATE orders SET amount = 7.75 WHERE id = 3`,                    // inside
		`DELETE FROM orders WHERE id = 4`,                                 // inside
		`INSERT INTO orders VALUES (5, 'South', 1, '` + ago(6) + `')`,     // inside
	} {
		_, err := pg.ExecContext(ctx, s)
		must(t, err)
	}
	ci, err := incremental("inc-1")
	must(t, err)
	in := waitIngestion(t, c, "inc", aws.ToString(ci.IngestionId))
	wantIngestion(t, in, types.IngestionStatusCompleted, 4, "")
	wantEqual(t, "request type", in.RequestType, types.IngestionRequestTypeIncrementalRefresh)
	wantEqual(t, "rows after the incremental refresh", spiceContents(t, ts, "inc", "inc-1"), "[1 10.5][2 20][3 7.75][5 1]")
	wantEqual(t, "consumed", describeDataSet(t, c, "inc").ConsumedSpiceCapacityInBytes, aws.ToInt64(in.IngestionSizeInBytes))

	// A full refresh reads everything.
	full, err := c.CreateIngestion(ctx, &quicksight.CreateIngestionInput{AwsAccountId: acct, DataSetId: aws.String("inc"), IngestionId: aws.String("full-1"), IngestionType: types.IngestionTypeFullRefresh})
	must(t, err)
	wantIngestion(t, waitIngestion(t, c, "inc", aws.ToString(full.IngestionId)), types.IngestionStatusCompleted, 5, "")
	wantEqual(t, "rows after the full refresh", spiceContents(t, ts, "inc", "full-1"), "[1 999][2 20][3 7.75][5 1][6 2]")

	// Deleted properties are gone, and so are incremental refreshes.
	_, err = c.DeleteDataSetRefreshProperties(ctx, &quicksight.DeleteDataSetRefreshPropertiesInput{AwsAccountId: acct, DataSetId: aws.String("inc")})
	must(t, err)
	_, err = describe()
	wantError(t, err, "ResourceNotFoundException", http.StatusNotFound)
	_, err = c.DeleteDataSetRefreshProperties(ctx, &quicksight.DeleteDataSetRefreshPropertiesInput{AwsAccountId: acct, DataSetId: aws.String("inc")})
	wantError(t, err, "ResourceNotFoundException", http.StatusNotFound)
	_, err = incremental("inc-2")
	wantError(t, err, "InvalidParameterValueException", http.StatusBadRequest)
}
