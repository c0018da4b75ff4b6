package source_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/source"
)

// Columns declared as dates, times or booleans come back as the pure-Go
// build reads them, whichever build answers: text it can read as a time
// becomes one, other text and integers stay as they are. (The C driver
// alone would make an integer a Unix time, unreadable text the zero time
// and a BOOLEAN column true or false.)
func TestSQLiteDeclaredTypesRead(t *testing.T) {
	e := sqliteEngine(t)
	exec(t, e, "CREATE TABLE sg_decl (d DATE, ts TIMESTAMP, b BOOLEAN, n INTEGER)")
	exec(t, e, "INSERT INTO sg_decl VALUES ('2024-02-29', 1700000000, 1, 1), ('not a date', '2024-01-01 10:00:00', 0, 2)")
	pool := source.NewPool(source.Options{})
	defer pool.Close()
	res, err := pool.Query(context.Background(), "k", e.params, "SELECT d, ts, b, n FROM sg_decl ORDER BY n", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]any{
		{time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), int64(1700000000), int64(1), int64(1)},
		{"not a date", time.Date(2024, 1, 1, 10, 0, 0, 0, time.UTC), int64(0), int64(2)},
	}
	if !reflect.DeepEqual(res.Rows, want) {
		t.Errorf("rows %#v, want %#v", res.Rows, want)
	}
	// The same values through an expression (no declared type).
	res, err = pool.Query(context.Background(), "k", e.params, "SELECT d || '', ts + 0, b + 0 FROM sg_decl ORDER BY n", nil)
	if err != nil {
		t.Fatal(err)
	}
	want = [][]any{{"2024-02-29", int64(1700000000), int64(1)}, {"not a date", int64(2024), int64(0)}}
	if !reflect.DeepEqual(res.Rows, want) {
		t.Errorf("expression rows %#v, want %#v", res.Rows, want)
	}
}

// A question either build answers reads SQLite's errors in the same
// words, and an endless one stops when its context ends or its time limit
// passes.
func TestSQLiteErrorsAndCancel(t *testing.T) {
	e := sqliteEngine(t)
	pool := source.NewPool(source.Options{QueryTimeout: 300 * time.Millisecond})
	defer pool.Close()
	_, err := pool.Query(context.Background(), "k", e.params, "SELECT nope FROM sightglass_probe", nil)
	if qe, ok := errors.AsType[*source.QueryError](err); !ok || qe.Type != source.ErrGenericSQLFailure || qe.Message != "SQL logic error: no such column: nope (1)" {
		t.Errorf("missing column: %#v", err)
	}
	endless := "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s) SELECT count(*) FROM s"
	_, err = pool.Query(context.Background(), "k", e.params, endless, nil)
	if qe, ok := errors.AsType[*source.QueryError](err); !ok || qe.Type != source.ErrTimeout {
		t.Errorf("endless query past its limit: %#v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	err = pool.Stream(ctx, "k", e.params, endless, nil, func([]string, []string) error { return nil }, func([]any) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled endless query: %v, want context.Canceled", err)
	}
}
