package e2e

// Caches shared by several nodes on one PostgreSQL database are cleared on
// every node by LISTEN/NOTIFY as soon as one node changes what they hold.
// The caches' lifetime is set to an hour here, so only a notification can
// explain a change seen on the other node.

import (
	"context"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/jackc/pgx/v5"

	"github.com/sightglass/sightglass/internal/server"
	"github.com/sightglass/sightglass/internal/store/postgres"
)

// withCacheTTL sets the lifetime of the caches other nodes invalidate.
func withCacheTTL(d time.Duration) option {
	return func(cfg *server.Config, _ *testServer) { cfg.CacheTTL = d }
}

// invalidationsReceived is how many invalidations the server has heard
// from other nodes.
func (ts *testServer) invalidationsReceived(t testing.TB) float64 {
	return metricValue(t, ts.scrape(t), "sightglass_cache_invalidations_total", "direction", "received")
}

// listening reports whether the server listens for invalidations.
func (ts *testServer) listening(t testing.TB) bool {
	return metricValue(t, ts.scrape(t), "sightglass_cache_listener_connected") == 1
}

// heard waits until b has received one more invalidation than before.
func heard(t testing.TB, b *testServer, before float64) float64 {
	t.Helper()
	eventually(t, "the other node to hear the change", func() bool { return b.invalidationsReceived(t) > before })
	return b.invalidationsReceived(t)
}

func TestCacheInvalidationAcrossNodes(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	db := freshDatabase(t, dsn)
	a := startServer(t, withPostgres(db), withMetrics(), withCacheTTL(time.Hour))
	b := startServer(t, withPostgres(db), withMetrics(), withCacheTTL(time.Hour), reopened(a.Admin))
	ca, cb := a.adminClient(), b.adminClient()
	ctx := t.Context()
	mintOnB := func() error { return embedCall(embedInput("brief", "/start", 0))(ctx, cb) }
	updateOnA := func(role types.UserRole) {
		_, err := ca.UpdateUser(ctx, &quicksight.UpdateUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"),
			UserName: aws.String("brief"), Email: aws.String("brief@example.com"), Role: role})
		must(t, err)
	}
	eventually(t, "both nodes to listen", func() bool { return a.listening(t) && b.listening(t) })

	// A change on A after B listens: once B hears it, nothing A did
	// before is still on its way (a channel delivers in commit order).
	registerQuickSightUser(t, ca, "brief", types.UserRoleAuthor)
	received := heard(t, b, b.invalidationsReceived(t))
	updateOnA(types.UserRoleReader)
	received = heard(t, b, received)

	must(t, mintOnB()) // B now holds brief for an hour
	_, err := ca.DeleteUser(ctx, &quicksight.DeleteUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("brief")})
	must(t, err)
	received = heard(t, b, received)
	wantError(t, mintOnB(), "QuickSightUserNotFoundException", http.StatusNotFound)

	// B's listening connection dies: B reconnects, clears its caches (it
	// may have missed changes) and hears the next change.
	registerQuickSightUser(t, ca, "brief", types.UserRoleAuthor)
	received = heard(t, b, received)
	must(t, mintOnB())
	terminateListeners(t, db)
	eventually(t, "both nodes to listen again", func() bool { return listenerCount(t, db) == 2 && a.listening(t) && b.listening(t) })
	_, err = ca.DeleteUser(ctx, &quicksight.DeleteUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("brief")})
	must(t, err)
	heard(t, b, received)
	wantError(t, mintOnB(), "QuickSightUserNotFoundException", http.StatusNotFound)
}

// terminateListeners ends the sessions the nodes listen on, as a database
// restart or a network cut would.
func terminateListeners(t testing.TB, dsn string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE datname = current_database() AND application_name = $1`, postgres.ListenerApplicationName).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Fatalf("terminated %d listening sessions, want 2", n)
	}
	// Wait for them to be gone, so that listenerCount sees the new ones.
	eventually(t, "the terminated sessions to end", func() bool { return listenerCount(t, dsn) == 0 })
}

// listenerCount counts the listening sessions on the database.
func listenerCount(t testing.TB, dsn string) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity
		WHERE datname = current_database() AND application_name = $1`, postgres.ListenerApplicationName).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
