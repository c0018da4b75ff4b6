package spice_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/sightglass/sightglass/internal/query/source"
	"github.com/sightglass/sightglass/internal/query/spice"
)

// pgEdgeRows are values whose text is hard to carry: quotes, commas,
// line ends, empty text against NULL, unicode, padding, zones, extreme
// numbers.
const pgEdgeRows = `INSERT INTO sg_copy VALUES
(1, 'plain', 'v', 'ab', 1.25, 0.1, '2026-01-02 03:04:05.123456', '2026-01-02 03:04:05+02', '2026-01-02', true, 7),
(2, '', '', '', 0, -0.0, '1970-01-01 00:00:00', '1969-12-31 23:59:59.999999+00', '1900-02-28', false, -32768),
(3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
(4, 'a "quoted", comma', 'x,y', '"', 123456789.123456789, 1e300, '2262-04-11 23:47:16', '2000-02-29 12:00:00-11:30', '9999-12-31', true, 32767),
(5, E'line\nend\r\nand "" "', E'\t', ' ', -0.000001, 'NaN', '0001-01-01 00:00:00', '0001-01-01 00:00:00+00', '0001-01-01', false, 0),
(6, 'ünï ☃ 𝄞', 'NULL', 'N', 'NaN', 'Infinity', '2026-06-30 23:59:59.999999', '2026-06-30 23:59:59.999999+14', '2026-06-30', true, 1),
(7, E'\\N', '\"', '', 99999999999999999999.5, '-Infinity', '2026-01-01', '2026-01-01', '2026-01-01', NULL, 2),
(10, 'bc', '', '', 1, 1, '0044-03-15 12:00:00.25 BC', '0044-03-15 12:00:00+00 BC', '4713-01-01 BC', true, 4),
(11, 'inf', '', '', 1, 1, 'infinity', '-infinity', 'infinity', true, 5),
(9223372036854775807, repeat('long ', 2000), '', '', 1, 5e-324, '2026-01-01', '2026-01-01', '2026-01-01', true, 3)`

// The bulk path (COPY into DuckDB's CSV reader) writes what the row path
// writes, value for value, with the same counts and size.
func TestIngestPostgresBulkMatchesRowPath(t *testing.T) {
	e := postgresEngine(t)
	e.admin.Exec("DROP TABLE IF EXISTS sg_copy")
	t.Cleanup(func() { e.admin.Exec("DROP TABLE IF EXISTS sg_copy") })
	if _, err := e.admin.Exec(`CREATE TABLE sg_copy (i INT8, s TEXT, v VARCHAR(10), b CHAR(3), n NUMERIC, f FLOAT8,
		t TIMESTAMP, tz TIMESTAMPTZ, d DATE, flag BOOL, small INT2)`); err != nil {
		t.Fatal(err)
	}
	if _, err := e.admin.Exec(pgEdgeRows); err != nil {
		t.Fatal(err)
	}
	pool := source.NewPool(source.Options{MaxRows: -1})
	defer pool.Close()
	ctx := context.Background()
	for _, q := range []struct {
		name  string
		query string
		cols  []spice.Column
	}{
		{"inferred", "SELECT * FROM sg_copy", nil},
		{"dataset types", "SELECT i, s, v, b, n, f, t, tz, d, flag, small, small AS small_dec, i AS big_dec FROM sg_copy", []spice.Column{
			{"i", "INTEGER"}, {"s", "STRING"}, {"v", "STRING"}, {"b", "STRING"}, {"n", "DECIMAL"}, {"f", "DECIMAL"},
			{"t", "DATETIME"}, {"tz", "DATETIME"}, {"d", "DATETIME"}, {"flag", "BOOLEAN"}, {"small", "INTEGER"},
			{"small_dec", "DECIMAL"}, {"big_dec", "DECIMAL"}}},
	} {
		t.Run(q.name, func(t *testing.T) {
			var got [2]*source.Result
			var stats [2]spice.Stats
			for k, rowPath := range []bool{true, false} {
				dest := filepath.Join(t.TempDir(), "c.duckdb")
				st, err := spice.IngestWith(ctx, pool, "src", e.params, q.query, nil, q.cols, dest, spice.Options{RowPath: rowPath})
				if err != nil {
					t.Fatalf("row path %v: %v", rowPath, err)
				}
				stats[k] = st
				res, err := pool.Query(ctx, dest, spice.Params(dest), "SELECT * FROM data ORDER BY i", nil)
				if err != nil {
					t.Fatal(err)
				}
				got[k] = res
			}
			if stats[0] != stats[1] {
				t.Errorf("stats: row path %+v, bulk %+v", stats[0], stats[1])
			}
			if !reflect.DeepEqual(got[0].Columns, got[1].Columns) || !reflect.DeepEqual(got[0].Types, got[1].Types) {
				t.Errorf("columns: row path %v %v, bulk %v %v", got[0].Columns, got[0].Types, got[1].Columns, got[1].Types)
			}
			if len(got[0].Rows) != len(got[1].Rows) {
				t.Fatalf("rows: row path %d, bulk %d", len(got[0].Rows), len(got[1].Rows))
			}
			for i := range got[0].Rows {
				if !equalRows(got[0].Rows[i], got[1].Rows[i]) {
					t.Errorf("row %d\nrow path %#v\n    bulk %#v", i, got[0].Rows[i], got[1].Rows[i])
				}
			}
		})
	}
}

// equalRows is reflect.DeepEqual with NaN equal to NaN.
func equalRows(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		fa, ok1 := a[i].(float64)
		fb, ok2 := b[i].(float64)
		if ok1 && ok2 && fa != fa && fb != fb {
			continue
		}
		if !reflect.DeepEqual(a[i], b[i]) {
			return false
		}
	}
	return true
}

// The bulk path reports progress while it copies, stops at a cap at
// once, and gives the same counts as the row path under it.
func TestIngestPostgresBulkProgressAndCaps(t *testing.T) {
	e := postgresEngine(t)
	pool := source.NewPool(source.Options{})
	defer pool.Close()
	ctx := context.Background()
	var seen []int64
	o := spice.Options{Progress: func(st spice.Stats) { seen = append(seen, st.Rows) }}
	q := "SELECT g AS n, 'row ' || g AS label FROM generate_series(1, 250000) AS g"
	cols := []spice.Column{{"n", "INTEGER"}, {"label", "STRING"}}
	st, err := spice.IngestWith(ctx, pool, "src", e.params, q, nil, cols, filepath.Join(t.TempDir(), "p.duckdb"), o)
	if err != nil || st.Rows != 250000 || st.Dropped != 0 {
		t.Fatalf("IngestWith: %+v, %v", st, err)
	}
	if !reflect.DeepEqual(seen, []int64{spice.ProgressRows, 2 * spice.ProgressRows}) {
		t.Fatalf("progress %v", seen)
	}
	rows, err := spice.IngestWith(ctx, pool, "src", e.params, q, nil, cols, filepath.Join(t.TempDir(), "r.duckdb"), spice.Options{RowPath: true})
	if err != nil || rows != st {
		t.Fatalf("row path %+v, %v; bulk %+v", rows, err, st)
	}
}
