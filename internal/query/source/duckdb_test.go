package source_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/sightglass/sightglass/internal/query/source"
)

// duckdbFile writes a DuckDB file with table t (n BIGINT) of rows rows.
func duckdbFile(t *testing.T, rows int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "private-dir", "copy.duckdb")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE t AS SELECT range AS n FROM range(?)", rows); err != nil {
		t.Fatal(err)
	}
	return path
}

// A SPICE file is read-only, its errors never name its path, and a query
// stops when its context ends.
func TestDuckDBSource(t *testing.T) {
	path := duckdbFile(t, 1000)
	params := source.Params{Type: source.TypeDuckDB, DuckDBPath: path}
	pool := source.NewPool(source.Options{QueryTimeout: time.Minute})
	defer pool.Close()
	ctx := context.Background()

	res, err := pool.Query(ctx, "k", params, "SELECT sum(n), count(*) FROM t WHERE n >= $1", []any{int64(10)})
	if err != nil || len(res.Rows) != 1 || res.Rows[0][0] != int64(499455) || res.Rows[0][1] != int64(990) {
		t.Fatalf("sum: %v, %v", res, err)
	}
	for _, q := range []string{"DELETE FROM t", "SELECT nope FROM t", "COPY t TO '/tmp/x.csv'", "SELECT * FROM read_csv('/etc/passwd')", "ATTACH '/tmp/other.duckdb' AS o"} {
		_, err := pool.Query(ctx, "k", params, q, nil)
		var qe *source.QueryError
		if !errors.As(err, &qe) {
			t.Fatalf("%s: %v, want a *QueryError", q, err)
		}
		if strings.Contains(qe.Message, "private-dir") {
			t.Errorf("%s: message names the path: %s", q, qe.Message)
		}
	}

	// A cross join of a million by a million rows stops with its context.
	big := source.Params{Type: source.TypeDuckDB, DuckDBPath: duckdbFile(t, 1_000_000)}
	qctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = pool.Query(qctx, "big", big, "SELECT count(*) FROM t a, t b WHERE (a.n * 7 + b.n * 13) % 1000003 = 17", nil)
	if err == nil || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("cancelled query: %v", err)
	}
	if d := time.Since(start); d > time.Minute { // a hang, not a timing
		t.Fatalf("the query ran %s after its context ended", d)
	}

	// A missing copy.
	_, err = pool.Query(ctx, "gone", source.Params{Type: source.TypeDuckDB, DuckDBPath: filepath.Join(t.TempDir(), "private-dir", "gone.duckdb")}, "SELECT 1", nil)
	var qe *source.QueryError
	if !errors.As(err, &qe) || strings.Contains(qe.Message, "private-dir") || !strings.Contains(qe.Message, "missing") {
		t.Fatalf("missing file: %v", err)
	}
}

// At most MaxDuckDBOpen SPICE files stay open; the least recently used
// one is closed, and opened again when it is queried.
func TestDuckDBOpenFilesBounded(t *testing.T) {
	pool := source.NewPool(source.Options{MaxDuckDBOpen: 2})
	defer pool.Close()
	files := []string{duckdbFile(t, 10), duckdbFile(t, 20), duckdbFile(t, 30)}
	query := func(i int) {
		t.Helper()
		res, err := pool.Query(context.Background(), "k"+string(rune('0'+i)), source.Params{Type: source.TypeDuckDB, DuckDBPath: files[i]}, "SELECT count(*) FROM t", nil)
		if err != nil || res.Rows[0][0] != int64(10*(i+1)) {
			t.Fatalf("file %d: %v, %v", i, res, err)
		}
	}
	for _, i := range []int{0, 1, 0, 2, 1, 0} {
		query(i)
		if n := pool.OpenDuckDB(); n > 2 {
			t.Fatalf("%d SPICE files open, at most 2 allowed", n)
		}
	}
}
