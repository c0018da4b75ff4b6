package spice_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/sightglass/sightglass/internal/query/source"
	"github.com/sightglass/sightglass/internal/query/spice"
)

// An endless recursive query stops at the row or byte limit, with a
// *LimitError, and leaves no file.
func TestIngestLimits(t *testing.T) {
	endless := map[string]string{
		"sqlite":   "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t) SELECT n, printf('%0100d', n) AS pad FROM t",
		"postgres": "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t) SELECT n, lpad(n::text, 100, '0') AS pad FROM t",
		// MariaDB ends recursion at max_recursive_iterations; its sequence
		// engine has no such limit.
		"mariadb": "SELECT seq AS n, lpad(seq, 100, '0') AS pad FROM seq_1_to_2000000000 AS t",
	}
	cols := []spice.Column{{"n", "INTEGER"}, {"pad", "STRING"}}
	forEachEngine(t, func(t *testing.T, e engine) {
		pool := source.NewPool(source.Options{})
		defer pool.Close()
		for _, tc := range []struct {
			o    spice.Options
			want spice.LimitError
		}{
			{spice.Options{MaxRows: 1000, MaxBytes: 1 << 30}, spice.LimitError{Limit: "rows", Max: 1000}},
			{spice.Options{MaxRows: 1 << 40, MaxBytes: 256 << 10}, spice.LimitError{Limit: "bytes", Max: 256 << 10}},
			{spice.Options{Capacity: 64 << 10}, spice.LimitError{Limit: "capacity", Max: 64 << 10}},
		} {
			dir := t.TempDir()
			query := endless[e.name]
			_, err := spice.IngestWith(context.Background(), pool, "src", e.params, query, nil, cols, filepath.Join(dir, "ing.duckdb"), tc.o)
			var le *spice.LimitError
			if !errors.As(err, &le) || *le != tc.want {
				t.Fatalf("%+v: err = %v, want %v", tc.o, err, &tc.want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Fatalf("%+v: left %v", tc.o, entries)
			}
		}
		// Under the limits, the rows are all there.
		dir := t.TempDir()
		st, err := spice.IngestWith(context.Background(), pool, "src", e.params, "SELECT 1 AS n, 'x' AS pad", nil, cols, filepath.Join(dir, "ing.duckdb"), spice.Options{MaxRows: 1, MaxBytes: 64 << 10})
		if err != nil || st.Rows != 1 || st.Bytes != 8+8+1 {
			t.Fatalf("one row: %+v, %v", st, err)
		}
	})
}
