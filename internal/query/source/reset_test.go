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

// TestPostgresStringsReadAsChecked: on a database whose default reads
// backslashes in '…' strings as escapes, the pool's sessions still read
// them as the parser that checked custom SQL did.
func TestPostgresStringsReadAsChecked(t *testing.T) {
	ctx := context.Background()
	e := postgresEngine(t)
	const db = "sightglass_scs_test"
	e.admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+db)
	if _, err := e.admin.ExecContext(ctx, "CREATE DATABASE "+db); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.admin.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+db+" WITH (FORCE)") })
	if _, err := e.admin.ExecContext(ctx, "ALTER DATABASE "+db+" SET standard_conforming_strings = off"); err != nil {
		t.Fatal(err)
	}
	params := e.params
	params.Database = db
	pool := source.NewPool(source.Options{})
	defer pool.Close()
	res, err := pool.Query(ctx, "k", params, `SELECT current_setting('standard_conforming_strings') || ' ' || length('a\b')`, nil)
	if err != nil || len(res.Rows) != 1 || res.Rows[0][0] != "on 3" {
		t.Fatalf("%v, %v; want on 3", res, err)
	}
}
