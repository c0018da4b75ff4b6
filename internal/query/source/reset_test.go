package source_test

import (
	"context"
	"testing"

	"github.com/sightglass/sightglass/internal/query/source"
)

// TestPooledSessionHoldsNoLock takes a session-level lock through the pool
// (a statement an older custom SQL check let through: the pool itself does
// not check SQL) and checks, from another session, that the connection
// back in the pool holds no lock.
func TestPooledSessionHoldsNoLock(t *testing.T) {
	ctx := context.Background()
	for _, mk := range []struct {
		name string
		make func(testing.TB) engine
		take string
		held string // a count of the locks left, from another session
	}{
		{"postgres", postgresEngine, "SELECT pg_advisory_lock(424242)",
			"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 424242"},
		{"mariadb", mysqlEngine, "SELECT GET_LOCK('sightglass_reset_test', 0)",
			"SELECT 1 - IS_FREE_LOCK('sightglass_reset_test')"},
	} {
		t.Run(mk.name, func(t *testing.T) {
			e := mk.make(t)
			pool := source.NewPool(source.Options{})
			defer pool.Close()
			if _, err := pool.Query(ctx, "k", e.params, mk.take, nil); err != nil {
				t.Fatalf("%s: %v", mk.take, err)
			}
			var held int
			if err := e.admin.QueryRowContext(ctx, mk.held).Scan(&held); err != nil {
				t.Fatal(err)
			}
			if held != 0 {
				t.Errorf("after the query, %d lock(s) held by the pooled session; want 0", held)
			}
			// The connection is still usable.
			if _, err := pool.Query(ctx, "k", e.params, "SELECT 1", nil); err != nil {
				t.Errorf("SELECT 1 after the reset: %v", err)
			}
		})
	}
}
