package source_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/source"
)

// fixture creates table sg_fixture on e with the same rows on every engine.
func fixture(t *testing.T, e engine) {
	t.Helper()
	ddl := map[string]string{
		"sqlite":   "CREATE TABLE sg_fixture (id INTEGER, name TEXT, amount DECIMAL(10,2), ratio REAL, day DATE, at TIMESTAMP)",
		"postgres": "CREATE TABLE sg_fixture (id BIGINT, name TEXT, amount NUMERIC(10,2), ratio DOUBLE PRECISION, day DATE, at TIMESTAMP)",
		"mariadb":  "CREATE TABLE sg_fixture (id BIGINT, name VARCHAR(50), amount DECIMAL(10,2), ratio DOUBLE, day DATE, at DATETIME)",
	}[e.name]
	exec(t, e, "DROP TABLE IF EXISTS sg_fixture")
	t.Cleanup(func() { e.admin.Exec("DROP TABLE IF EXISTS sg_fixture") })
	exec(t, e, ddl)
	exec(t, e, `INSERT INTO sg_fixture VALUES
		(1, 'north', 10.25, 0.5, '2026-01-31', '2026-01-31 13:45:00'),
		(2, 'south', -3.50, 1.25, '2026-02-01', '2026-02-01 00:00:01'),
		(3, NULL, NULL, NULL, NULL, NULL)`)
}

func exec(t *testing.T, e engine, q string) {
	t.Helper()
	if _, err := e.admin.Exec(q); err != nil {
		t.Fatalf("%s: %s: %v", e.name, q, err)
	}
}

func TestQueryValuesCompareAcrossEngines(t *testing.T) {
	ctx := context.Background()
	want := [][]any{
		{int64(1), "north", 10.25, 0.5, time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 31, 13, 45, 0, 0, time.UTC), int64(2)},
		{int64(2), "south", -3.5, 1.25, time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 1, 0, 0, 1, 0, time.UTC), int64(2)},
		{int64(3), nil, nil, nil, nil, nil, int64(2)},
	}
	forEachEngine(t, func(t *testing.T, e engine) {
		fixture(t, e)
		pool := source.NewPool(source.Options{})
		defer pool.Close()
		res, err := pool.Query(ctx, "k", e.params, "SELECT id, name, amount, ratio, day, at, 1 + 1 AS two FROM sg_fixture ORDER BY id", nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Columns; !reflect.DeepEqual(got, []string{"id", "name", "amount", "ratio", "day", "at", "two"}) {
			t.Errorf("columns %q", got)
		}
		if !reflect.DeepEqual(res.Rows, want) || res.Truncated {
			t.Errorf("rows\n got %#v\nwant %#v (truncated %v)", res.Rows, want, res.Truncated)
		}
		// Placeholders carry arguments; the dialect decides their spelling.
		q := "SELECT name FROM sg_fixture WHERE id = ?"
		if e.name == "postgres" {
			q = "SELECT name FROM sg_fixture WHERE id = $1"
		}
		res, err = pool.Query(ctx, "k", e.params, q, []any{int64(2)})
		if err != nil || !reflect.DeepEqual(res.Rows, [][]any{{"south"}}) {
			t.Errorf("with an argument: %v, %v", res, err)
		}
	})
}

func TestQueryReadOnly(t *testing.T) {
	ctx := context.Background()
	forEachEngine(t, func(t *testing.T, e engine) {
		fixture(t, e)
		pool := source.NewPool(source.Options{})
		defer pool.Close()
		writes := []string{
			"UPDATE sg_fixture SET name = 'x'",
			"DELETE FROM sg_fixture",
			"INSERT INTO sg_fixture (id) VALUES (9)",
			"CREATE TABLE sg_written (a INTEGER)",
			"DROP TABLE sg_fixture",
		}
		if e.name == "postgres" {
			// A session setting changed by one query must not let the next write.
			writes = append([]string{"SELECT set_config('default_transaction_read_only', 'off', false)"}, writes...)
		}
		for _, w := range writes {
			_, err := pool.Query(ctx, "k", e.params, w, nil)
			if w[0] == 'S' {
				continue
			}
			var qe *source.QueryError
			if !errors.As(err, &qe) || qe.Type != source.ErrGenericSQLFailure {
				t.Errorf("%s: %v, want a GENERIC_SQL_FAILURE", w, err)
			} else {
				t.Logf("%s: %s", w, qe.Message)
			}
		}
		var n int
		if err := e.admin.QueryRow("SELECT count(*) FROM sg_fixture WHERE name = 'north'").Scan(&n); err != nil || n != 1 {
			t.Errorf("fixture changed: %d rows named north, %v", n, err)
		}
		e.admin.Exec("DROP TABLE IF EXISTS sg_written")
	})
}

// series returns SQL for the integers 1..n, in every engine.
func series(n int) string {
	return fmt.Sprintf("WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < %d) SELECT n FROM s", n)
}

func TestQueryRowLimit(t *testing.T) {
	ctx := context.Background()
	forEachEngine(t, func(t *testing.T, e engine) {
		pool := source.NewPool(source.Options{MaxRows: 10})
		defer pool.Close()
		res, err := pool.Query(ctx, "k", e.params, series(100), nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Rows) != 10 || !res.Truncated || res.Rows[9][0] != int64(10) {
			t.Errorf("got %d rows (last %v), truncated %v; want 10, true", len(res.Rows), res.Rows[len(res.Rows)-1], res.Truncated)
		}
		res, err = pool.Query(ctx, "k", e.params, series(10), nil)
		if err != nil || len(res.Rows) != 10 || res.Truncated {
			t.Errorf("exactly the limit: %d rows, truncated %v, %v", len(res.Rows), res.Truncated, err)
		}
	})
}

func TestQueryTimeout(t *testing.T) {
	slow := map[string]string{
		"sqlite":   "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s) SELECT count(*) FROM s",
		"postgres": "SELECT pg_sleep(30)",
		"mariadb":  "SELECT SLEEP(30)",
	}
	forEachEngine(t, func(t *testing.T, e engine) {
		pool := source.NewPool(source.Options{QueryTimeout: 300 * time.Millisecond})
		defer pool.Close()
		_, err := pool.Query(context.Background(), "k", e.params, slow[e.name], nil)
		var qe *source.QueryError
		if !errors.As(err, &qe) || !qe.Timeout() {
			t.Fatalf("slow query: %v (%T), want a TIMEOUT QueryError", err, err)
		}
		t.Logf("%s", qe.Message)
		// The pool still works afterwards.
		if res, err := pool.Query(context.Background(), "k", e.params, "SELECT 1", nil); err != nil || res.Rows[0][0] != int64(1) {
			t.Fatalf("after the timeout: %v, %v", res, err)
		}
	})
}

func TestQueryCancel(t *testing.T) {
	slow := map[string]string{
		"sqlite":   "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s) SELECT count(*) FROM s",
		"postgres": "SELECT pg_sleep(30)",
		"mariadb":  "SELECT SLEEP(30)",
	}
	forEachEngine(t, func(t *testing.T, e engine) {
		pool := source.NewPool(source.Options{})
		defer pool.Close()
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(200*time.Millisecond, cancel)
		_, err := pool.Query(ctx, "k", e.params, slow[e.name], nil)
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled query: %v, want context.Canceled", err)
		}
	})
}

func TestQuerySQLError(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		pool := source.NewPool(source.Options{})
		defer pool.Close()
		_, err := pool.Query(context.Background(), "k", e.params, "SELECT no_such_column FROM no_such_table", nil)
		var qe *source.QueryError
		if !errors.As(err, &qe) || qe.Type != source.ErrGenericSQLFailure {
			t.Fatalf("%v, want GENERIC_SQL_FAILURE", err)
		}
	})
}

func TestPoolForgetAndParamsChange(t *testing.T) {
	ctx := context.Background()
	e := sqliteEngine(t)
	pool := source.NewPool(source.Options{})
	defer pool.Close()
	if _, err := pool.Query(ctx, "ds1", e.params, "SELECT 1", nil); err != nil {
		t.Fatal(err)
	}
	// New parameters under the same key reconnect with them.
	bad := e.params
	bad.SQLitePath = "missing.sqlite"
	_, err := pool.Query(ctx, "ds1", bad, "SELECT 1", nil)
	var qe *source.QueryError
	if !errors.As(err, &qe) || qe.Type != source.ErrGenericSQLFailure {
		t.Fatalf("changed params: %v", err)
	}
	pool.Forget("ds1")
	pool.Forget("never-used")
	if _, err := pool.Query(ctx, "ds1", e.params, "SELECT 1", nil); err != nil {
		t.Fatal(err)
	}
	if err := pool.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Query(ctx, "ds1", e.params, "SELECT 1", nil); err == nil {
		t.Fatal("query on a closed pool succeeded")
	}
}

func TestStreamNoRowLimit(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		pool := source.NewPool(source.Options{MaxRows: 5, QueryTimeout: time.Second})
		defer pool.Close()
		var cols []string
		sum, n := int64(0), 0
		err := pool.Stream(context.Background(), "k", e.params, series(1000), nil, func(names, _ []string) error {
			cols = names
			return nil
		}, func(row []any) error {
			sum += row[0].(int64)
			n++
			return nil
		})
		if err != nil || n != 1000 || sum != 500500 || !reflect.DeepEqual(cols, []string{"n"}) {
			t.Fatalf("stream: %d rows, sum %d, cols %v, %v", n, sum, cols, err)
		}
		stop := errors.New("enough")
		err = pool.Stream(context.Background(), "k", e.params, series(1000), nil, func(_, _ []string) error { return nil }, func([]any) error { return stop })
		if err != stop {
			t.Fatalf("callback error: %v", err)
		}
	})
}

func TestSessionSettings(t *testing.T) {
	probe := map[string]string{
		"postgres": "SELECT current_setting('default_transaction_read_only') || ' ' || current_setting('statement_timeout') || ' ' || current_setting('standard_conforming_strings')",
		"mariadb":  "SELECT CONCAT(@@session.tx_read_only, ' ', @@session.max_statement_time)",
		"sqlite":   "SELECT (SELECT query_only FROM pragma_query_only) || ' -'",
	}
	want := map[string]string{"postgres": "on 2500ms on", "mariadb": "ON 2.500000", "sqlite": "1 -"}
	forEachEngine(t, func(t *testing.T, e engine) {
		pool := source.NewPool(source.Options{QueryTimeout: 2500 * time.Millisecond})
		defer pool.Close()
		res, err := pool.Query(context.Background(), "k", e.params, probe[e.name], nil)
		if e.name == "sqlite" {
			// query_only is set, but the authorizer every SQLite source
			// connection carries refuses to show it: pragmas are denied.
			if qe, ok := errors.AsType[*source.QueryError](err); !ok || !strings.Contains(qe.Message, "pragma_query_only.query_only is prohibited") {
				t.Fatalf("pragma through the pool: %v, %v; want it prohibited", res, err)
			}
			return
		}
		if err != nil || res.Rows[0][0] != want[e.name] {
			t.Fatalf("session settings %v, %v; want %q", res, err, want[e.name])
		}
	})
}
