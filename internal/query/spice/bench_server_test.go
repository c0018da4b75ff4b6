package spice_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/source"
	"github.com/sightglass/sightglass/internal/query/spice"
	"github.com/sightglass/sightglass/internal/sampledata"
)

// loadSample copies the 100k-row sample into table sg_bench_orders on e
// (once per run; the table is dropped when the benchmark ends).
func loadSample(b *testing.B, e engine) {
	b.Helper()
	pool := source.NewPool(source.Options{MaxRows: -1})
	defer pool.Close()
	res, err := pool.Query(context.Background(), "s", sqliteParams(sample(b, 100_000)), "SELECT * FROM orders ORDER BY order_id", nil)
	if err != nil {
		b.Fatal(err)
	}
	types := map[string]string{"INTEGER": "BIGINT", "DATE": "DATE", "TEXT": "VARCHAR(64)", "REAL": "DOUBLE PRECISION"}
	if e.name == "mariadb" {
		types["REAL"] = "DOUBLE"
	}
	var cols []string
	for _, c := range sampledata.Columns {
		cols = append(cols, c.Name+" "+types[c.Type])
	}
	e.admin.Exec("DROP TABLE IF EXISTS sg_bench_orders")
	b.Cleanup(func() { e.admin.Exec("DROP TABLE IF EXISTS sg_bench_orders") })
	if _, err := e.admin.Exec("CREATE TABLE sg_bench_orders (" + strings.Join(cols, ", ") + ")"); err != nil {
		b.Fatal(err)
	}
	const batch = 500
	for start := 0; start < len(res.Rows); start += batch {
		rows := res.Rows[start:min(start+batch, len(res.Rows))]
		var ph []string
		var args []any
		for _, r := range rows {
			marks := make([]string, len(r))
			for i := range r {
				if e.name == "postgres" {
					marks[i] = fmt.Sprintf("$%d", len(args)+i+1)
				} else {
					marks[i] = "?"
				}
			}
			ph = append(ph, "("+strings.Join(marks, ",")+")")
			args = append(args, r...)
		}
		if _, err := e.admin.Exec("INSERT INTO sg_bench_orders VALUES "+strings.Join(ph, ","), args...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIngestServer100k: the 100k-row sample (15 columns, or 10 of
// them) ingested from PostgreSQL, by the bulk path (COPY into DuckDB's CSV reader) and
// by the row path (database/sql and the appender) in the same run, and
// from MariaDB into SPICE files. cpu-ms/op counts this process only, not
// the database server.
func BenchmarkIngestServer100k(b *testing.B) {
	const cols10 = "SELECT order_id, order_date, ship_date, region, country, city, product, quantity, unit_price, revenue FROM sg_bench_orders"
	for _, mk := range []struct {
		name    string
		make    func(testing.TB) engine
		rowPath bool
		query   string
	}{
		{"postgres/bulk", postgresEngine, false, "SELECT * FROM sg_bench_orders"},
		{"postgres/rows", postgresEngine, true, "SELECT * FROM sg_bench_orders"},
		{"postgres/bulk-10cols", postgresEngine, false, cols10},
		{"postgres/rows-10cols", postgresEngine, true, cols10},
		{"mariadb", mysqlEngine, true, "SELECT * FROM sg_bench_orders"},
	} {
		b.Run(mk.name, func(b *testing.B) {
			e := mk.make(b)
			loadSample(b, e)
			pool := source.NewPool(source.Options{})
			defer pool.Close()
			dir := b.TempDir()
			i := 0
			loop(b, func() {
				i++
				dest := filepath.Join(dir, fmt.Sprintf("ing-%d.duckdb", i))
				st, err := spice.IngestWith(context.Background(), pool, "bench", e.params, mk.query, nil, nil, dest, spice.Options{RowPath: mk.rowPath})
				if err != nil || st.Rows != 100_000 {
					b.Fatal(st, err)
				}
				os.Remove(dest)
			})
			b.ReportMetric(float64(100_000*b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
