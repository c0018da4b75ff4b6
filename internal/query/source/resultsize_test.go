package source_test

import (
	"context"
	"errors"
	"testing"

	"github.com/sightglass/sightglass/internal/query/source"
)

// Rows of wide values fail the query past MaxBytes, even under the row
// limit, instead of filling memory; the endless query is stopped at the
// server.
func TestQueryResultBytesBounded(t *testing.T) {
	wide := map[string]string{
		"sqlite":   "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t) SELECT n, printf('%010000d', n) AS pad FROM t",
		"postgres": "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t) SELECT n, lpad(n::text, 10000, '0') AS pad FROM t",
		"mariadb":  "SELECT seq AS n, lpad(seq, 10000, '0') AS pad FROM seq_1_to_2000000000",
	}
	forEachEngine(t, func(t *testing.T, e engine) {
		pool := source.NewPool(source.Options{MaxRows: -1, MaxBytes: 1 << 20})
		defer pool.Close()
		_, err := pool.Query(context.Background(), "k", e.params, wide[e.name], nil)
		var qe *source.QueryError
		if !errors.As(err, &qe) || !qe.TooLarge() || qe.Message != "The query's result is larger than 1048576 bytes." {
			t.Fatalf("err = %v, want a result too large", err)
		}
		// The pool's connection is usable again.
		res, err := pool.Query(context.Background(), "k", e.params, "SELECT 1", nil)
		if err != nil || len(res.Rows) != 1 {
			t.Fatalf("next query: %v", err)
		}
	})
}
