package e2e

// Ingestion queues: one running ingestion per dataset across the servers
// that share a store, a bounded number running at once per server, and
// CreateIngestion refused (LimitExceededException) past a server's queue.

import (
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

const slowSQL = "SELECT n FROM generate_series(1, 10) AS n, pg_sleep(2) AS s"

func describeIngestion(t *testing.T, c *quicksight.Client, dataSetID, id string) *types.Ingestion {
	t.Helper()
	out, err := c.DescribeIngestion(t.Context(), &quicksight.DescribeIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(dataSetID), IngestionId: aws.String(id)})
	must(t, err)
	return out.Ingestion
}

// An ingestion created on server b while server a runs one of the same
// dataset waits QUEUED (QueueInfo names the running one) and runs after
// it: the two never run at once.
func TestIngestionOnePerDataSetAcrossServers(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	db := freshDatabase(t, dsn)
	jobs := withJobs(100*time.Millisecond, 900*time.Millisecond)
	a := startServer(t, withPostgres(db), withSharedSecretKey(), jobs)
	ca := a.adminClient()
	createPG(t, ca, "pg", pgParams(pgHost, pgPort, "postgres"), pair(pgUser, pgPassword))
	out := createDataSet(t, ca, &quicksight.CreateDataSetInput{DataSetId: aws.String("slow"), ImportMode: types.DataSetImportModeSpice,
		PhysicalTableMap: customSQL("pg", slowSQL, col("n", types.InputColumnDataTypeInteger))})
	first := aws.ToString(out.IngestionId)
	waitStatus(t, ca, "slow", first, types.IngestionStatusRunning)

	b := startServer(t, withPostgres(db), withSharedSecretKey(), jobs, reopened(a.Admin))
	cb := b.adminClient()
	_, err := cb.CreateIngestion(t.Context(), &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("slow"), IngestionId: aws.String("second")})
	must(t, err)
	sawQueued := false
	for deadline := time.Now().Add(60 * time.Second); ; {
		if time.Now().After(deadline) {
			t.Fatal("the ingestions did not finish")
		}
		one, two := describeIngestion(t, ca, "slow", first), describeIngestion(t, cb, "slow", "second")
		if one.IngestionStatus == types.IngestionStatusRunning && two.IngestionStatus == types.IngestionStatusRunning {
			t.Fatal("two ingestions of one dataset run at once")
		}
		if two.IngestionStatus == types.IngestionStatusQueued {
			sawQueued = true
			if one.IngestionStatus == types.IngestionStatusRunning && two.QueueInfo != nil && aws.ToString(two.QueueInfo.WaitingOnIngestion) != first {
				t.Fatalf("the queued ingestion waits on %q, want %q", aws.ToString(two.QueueInfo.WaitingOnIngestion), first)
			}
		}
		if two.IngestionStatus == types.IngestionStatusCompleted {
			if one.IngestionStatus != types.IngestionStatusCompleted {
				t.Fatalf("the second ingestion completed while the first is %s", one.IngestionStatus)
			}
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !sawQueued {
		t.Fatal("the second ingestion was never QUEUED")
	}
	wantIngestion(t, waitIngestion(t, cb, "slow", "second"), types.IngestionStatusCompleted, 10, "")
}

// A server that runs one ingestion at once queues the next dataset's,
// and refuses a CreateIngestion past the ingestions it may hold.
func TestIngestionServerQueue(t *testing.T) {
	if os.Getenv("SIGHTGLASS_TEST_POSTGRES") == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	ts := startServer(t, withIngestionQueue(1, 2))
	c := ts.adminClient()
	createPG(t, c, "pg", pgParams(pgHost, pgPort, "postgres"), pair(pgUser, pgPassword))
	var ids []string
	for _, ds := range []string{"slow1", "slow2"} {
		out := createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String(ds), ImportMode: types.DataSetImportModeSpice,
			PhysicalTableMap: customSQL("pg", slowSQL, col("n", types.InputColumnDataTypeInteger))})
		ids = append(ids, aws.ToString(out.IngestionId))
	}
	waitStatus(t, c, "slow1", ids[0], types.IngestionStatusRunning)
	// The second job may not have reached the server's queue yet (it is
	// INITIALIZED until then); once it has, it waits QUEUED, and it never
	// runs beside the first.
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		in := describeIngestion(t, c, "slow2", ids[1])
		if in.IngestionStatus == types.IngestionStatusQueued {
			break
		}
		if in.IngestionStatus != types.IngestionStatusInitialized || time.Now().After(deadline) {
			t.Fatalf("the second dataset's ingestion is %s while the first runs, want QUEUED", in.IngestionStatus)
		}
	}
	_, err := c.CreateIngestion(t.Context(), &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("slow1"), IngestionId: aws.String("third")})
	wantError(t, err, "LimitExceededException", http.StatusConflict)
	wantIngestion(t, waitIngestion(t, c, "slow1", ids[0]), types.IngestionStatusCompleted, 10, "")
	wantIngestion(t, waitIngestion(t, c, "slow2", ids[1]), types.IngestionStatusCompleted, 10, "")
	// A repeated id is ResourceExistsException, as always.
	_, err = c.CreateIngestion(t.Context(), &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("slow1"), IngestionId: aws.String(ids[0])})
	wantError(t, err, "ResourceExistsException", http.StatusConflict)
	// With room again, CreateIngestion is taken.
	_, err = c.CreateIngestion(t.Context(), &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("slow1"), IngestionId: aws.String("third")})
	must(t, err)
	wantIngestion(t, waitIngestion(t, c, "slow1", "third"), types.IngestionStatusCompleted, 10, "")
}
