package source_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/source"
)

// A SQLite data source's connections carry the percentile aggregates
// (package sqlitepct) and its authorizer lets the compiler's SQL call
// them; a file opened through the store's driver has none.
func TestSQLitePercentileFunctions(t *testing.T) {
	e := sqliteEngine(t)
	exec(t, e, "CREATE TABLE sg_pct (g TEXT, x REAL)")
	exec(t, e, "INSERT INTO sg_pct VALUES ('a', 1), ('a', 2), ('a', 4), ('a', NULL), ('b', 7)")
	pool := source.NewPool(source.Options{})
	defer pool.Close()
	for _, c := range []struct {
		query string
		args  []any
		want  [][]any
	}{
		{"SELECT g, sg_percentile_cont(x, ?), sg_percentile_disc(x, ?) FROM sg_pct GROUP BY g ORDER BY g", []any{0.75, 0.5},
			[][]any{{"a", 3.0, 2.0}, {"b", 7.0, 7.0}}},
		{"SELECT DISTINCT g, sg_percentile_disc_ppm(x, 250000) OVER (PARTITION BY g) FROM sg_pct ORDER BY g", nil,
			[][]any{{"a", 1.0}, {"b", 7.0}}},
	} {
		res, err := pool.Query(context.Background(), "k", e.params, c.query, c.args)
		if err != nil {
			t.Fatalf("%s: %v", c.query, err)
		}
		if !reflect.DeepEqual(res.Rows, c.want) {
			t.Errorf("%s: rows %#v, want %#v", c.query, res.Rows, c.want)
		}
	}
	if _, err := e.admin.Exec("SELECT sg_percentile_cont(x, 0.5) FROM sg_pct"); err == nil {
		t.Error("the plain driver has the percentile functions")
	}
}

// A percentile over an endless stream of rows stops when its query is
// cancelled (before its group outgrows the bound and fails by name).
func TestSQLitePercentileCancel(t *testing.T) {
	e := sqliteEngine(t)
	pool := source.NewPool(source.Options{})
	defer pool.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	_, err := pool.Query(ctx, "k", e.params, "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s) SELECT sg_percentile_cont(n, 0.5) FROM s", nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled percentile: %v, want context.Canceled", err)
	}
}
