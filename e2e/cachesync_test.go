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

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/server"
	"github.com/sightglass/sightglass/internal/store/postgres"
)

// withCacheTTL sets the lifetime of the caches other nodes invalidate.
func withCacheTTL(d time.Duration) option {
	return func(cfg *server.Config, _ *testServer) { cfg.CacheTTL = d }
}

// invalidations is how many invalidations the server has sent to or
// received from other nodes (direction "sent" or "received").
func (ts *testServer) invalidations(t testing.TB, direction string) float64 {
	return metricValue(t, ts.scrape(t), "sightglass_cache_invalidations_total", "direction", direction)
}

// listening reports whether the server listens for invalidations.
func (ts *testServer) listening(t testing.TB) bool {
	return metricValue(t, ts.scrape(t), "sightglass_cache_listener_connected") == 1
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
	deleteOnA := func() {
		_, err := ca.DeleteUser(ctx, &quicksight.DeleteUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("brief")})
		must(t, err)
	}
	// onA runs a change on A and waits until B has heard all A announced.
	onA := func(change func()) {
		t.Helper()
		before := a.invalidations(t, "sent")
		change()
		eventually(t, "B to hear A's change", func() bool {
			sent := a.invalidations(t, "sent")
			return sent > before && b.invalidations(t, "received") == sent
		})
	}
	eventually(t, "both nodes to listen", func() bool { return a.listening(t) && b.listening(t) })
	// A start announces nothing, so from here B hears all A announces.
	if sent := a.invalidations(t, "sent"); sent != 0 {
		t.Fatalf("A announced %v invalidations on start, want 0", sent)
	}

	onA(func() { registerQuickSightUser(t, ca, "brief", types.UserRoleAuthor) })
	must(t, mintOnB()) // B now holds brief for an hour
	onA(deleteOnA)
	wantError(t, mintOnB(), "QuickSightUserNotFoundException", http.StatusNotFound)

	// B's listening connection dies: B reconnects, clears its caches (it
	// may have missed changes) and hears the next change.
	onA(func() { registerQuickSightUser(t, ca, "brief", types.UserRoleAuthor) })
	must(t, mintOnB())
	terminateListeners(t, db)
	eventually(t, "both nodes to listen again", func() bool { return listenerCount(t, db) == 2 && a.listening(t) && b.listening(t) })
	onA(deleteOnA)
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

// TestGroupMembershipAcrossNodes: a membership deleted on one node takes
// what the group shared away from the member on the other node at once,
// though that node keeps the member's groups (and visible lists) for an
// hour.
func TestGroupMembershipAcrossNodes(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	db := freshDatabase(t, dsn)
	a := startServer(t, withPostgres(db), withMetrics(), withCacheTTL(time.Hour))
	b := startServer(t, withPostgres(db), withMetrics(), withCacheTTL(time.Hour), reopened(a.Admin))
	ca := a.adminClient()
	ctx := t.Context()
	eventually(t, "both nodes to listen", func() bool { return a.listening(t) && b.listening(t) })
	onA := func(change func()) {
		t.Helper()
		before := a.invalidations(t, "sent")
		change()
		eventually(t, "B to hear A's change", func() bool {
			sent := a.invalidations(t, "sent")
			return sent > before && b.invalidations(t, "received") == sent
		})
	}
	onA(func() {
		registerQuickSightUser(t, ca, "gus", types.UserRoleReader)
		createGroup(t, ca, "default", "crew")
		addMember(t, ca, "default", "crew", "gus")
	})
	now := time.Now()
	must(t, a.Store.CreateDashboard(ctx, &sg.Dashboard{AccountID: accountID, ID: "crew-board", Name: "Crew", CreatedAt: now, UpdatedAt: now,
		Permissions: []sg.ResourcePermission{{Principal: groupARN("default", "crew"), Actions: dashboardReaderActions}}}))
	gus, err := b.Store.FindUser(ctx, accountID, "default", "gus")
	must(t, err)
	_, err = b.App.ConsoleDashboard(ctx, gus, "crew-board")
	must(t, err) // B now holds gus's groups for an hour
	list, err := b.App.ConsoleDashboards(ctx, gus)
	must(t, err)
	if len(list) != 1 {
		t.Fatalf("gus lists %d dashboards on B, want 1", len(list))
	}
	onA(func() {
		_, err := ca.DeleteGroupMembership(ctx, &quicksight.DeleteGroupMembershipInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), GroupName: aws.String("crew"), MemberName: aws.String("gus")})
		must(t, err)
	})
	if _, err := b.App.ConsoleDashboard(ctx, gus, "crew-board"); sg.ErrorCode(err) != sg.EACCESSDENIED {
		t.Fatalf("B opens the dashboard for gus after A removed him from the group: %v", err)
	}
	list, err = b.App.ConsoleDashboards(ctx, gus)
	must(t, err)
	if len(list) != 0 {
		t.Fatalf("gus lists %d dashboards on B after leaving the group", len(list))
	}
}
