package e2e

// Ingestion leases between servers sharing one PostgreSQL: starting a
// server leaves the others' ingestions alone, and a cancel made on one
// server stops the ingestion another runs.

import (
	"os"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/jackc/pgx/v5"
)

func TestIngestionLeasesPostgres(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	db := freshDatabase(t, dsn)
	jobs := withJobs(100*time.Millisecond, 900*time.Millisecond)
	a := startServer(t, withPostgres(db), withSharedSecretKey(), jobs)
	ca := a.adminClient()
	ctx := t.Context()
	createPG(t, ca, "pg", pgParams(pgHost, pgPort, "postgres"), pair(pgUser, pgPassword))
	out := createDataSet(t, ca, &quicksight.CreateDataSetInput{DataSetId: aws.String("slow"), ImportMode: types.DataSetImportModeSpice,
		PhysicalTableMap: customSQL("pg", "SELECT n FROM generate_series(1, 10) AS n, pg_sleep(2) AS s", col("n", types.InputColumnDataTypeInteger))})
	first := aws.ToString(out.IngestionId)
	waitStatus(t, ca, "slow", first, types.IngestionStatusRunning)

	// A server that starts now leaves server a's ingestion running.
	b := startServer(t, withPostgres(db), withSharedSecretKey(), jobs, reopened(a.Admin))
	cb := b.adminClient()
	in, err := cb.DescribeIngestion(ctx, &quicksight.DescribeIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("slow"), IngestionId: aws.String(first)})
	must(t, err)
	if in.Ingestion.IngestionStatus != types.IngestionStatusRunning {
		t.Fatalf("after another server started, the ingestion is %s (%s)", in.Ingestion.IngestionStatus, jsonString(in.Ingestion.ErrorInfo))
	}
	wantIngestion(t, waitIngestion(t, cb, "slow", first), types.IngestionStatusCompleted, 10, "")
	stored, err := a.Store.FindIngestion(ctx, accountID, "slow", first)
	must(t, err)
	if stored.Attempts != 1 {
		t.Fatalf("the ingestion ran %d times, want once", stored.Attempts)
	}

	// Cancelled through server b while server a runs it: it stays
	// CANCELLED, and a stores no artifact for it.
	_, err = ca.CreateIngestion(ctx, &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("slow"), IngestionId: aws.String("cancel-me")})
	must(t, err)
	waitStatus(t, ca, "slow", "cancel-me", types.IngestionStatusRunning)
	_, err = cb.CancelIngestion(ctx, &quicksight.CancelIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("slow"), IngestionId: aws.String("cancel-me")})
	must(t, err)
	time.Sleep(3 * time.Second) // past the query's end and a few renewals
	cancelled := waitIngestion(t, ca, "slow", "cancel-me")
	wantIngestion(t, cancelled, types.IngestionStatusCancelled, 0, types.IngestionErrorTypeIngestionCanceled)
	conn, err := pgx.Connect(ctx, db)
	must(t, err)
	defer conn.Close(ctx)
	var artifacts int
	must(t, conn.QueryRow(ctx, `SELECT count(*) FROM spice_artifacts WHERE ingestion_id = 'cancel-me'`).Scan(&artifacts))
	if artifacts != 0 {
		t.Fatalf("%d artifacts stored for the cancelled ingestion", artifacts)
	}
	d, err := a.Store.FindDataSet(ctx, accountID, "slow")
	must(t, err)
	if d.SPICEIngestionID != first {
		t.Fatalf("the dataset's SPICE copy is %q, want %q (the cancelled one was installed)", d.SPICEIngestionID, first)
	}
}
