package spice_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/cache"
	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/source"
	"github.com/sightglass/sightglass/internal/query/spice"
	"github.com/sightglass/sightglass/internal/sampledata"
)

// The visual question "revenue by region and month", written by hand for
// SQLite (the sample data source) and DuckDB (SPICE) as the compiler
// would emit it over a dataset's relation.
const (
	sampleAggregate = `SELECT region, strftime('%Y-%m', order_date) AS month, SUM(revenue) AS revenue
FROM (SELECT * FROM orders) ds GROUP BY region, month ORDER BY region, month`
	spiceAggregate = `SELECT region, CAST(date_trunc('month', order_date) AS TIMESTAMP) AS month, SUM(revenue) AS revenue
FROM (SELECT * FROM data) ds GROUP BY region, month ORDER BY region NULLS FIRST, month NULLS FIRST`
)

var benchFiles struct {
	once sync.Once
	dir  string
	err  error
}

// benchDir is a directory shared by the benchmarks of one run, removed by
// TestMain.
func benchDir(b *testing.B) string {
	benchFiles.once.Do(func() { benchFiles.dir, benchFiles.err = os.MkdirTemp("", "sightglass-spice-bench-") })
	if benchFiles.err != nil {
		b.Fatal(benchFiles.err)
	}
	return benchFiles.dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchFiles.dir != "" {
		os.RemoveAll(benchFiles.dir)
	}
	os.Exit(code)
}

var sampleOnce = map[int]*sync.Once{100_000: {}, 1_000_000: {}}

// sqliteParams are the source parameters of a SQLite file.
func sqliteParams(path string) source.Params {
	return source.Params{Type: source.TypeSQLite, SQLitePath: path}
}

// sample returns the path of a generated sample with rows orders.
func sample(b *testing.B, rows int) string {
	path := filepath.Join(benchDir(b), "sample-"+itoa(rows)+".sqlite")
	var err error
	sampleOnce[rows].Do(func() { err = sampledata.Generate(path, rows, 1) })
	if err != nil {
		b.Fatal(err)
	}
	return path
}

var ingestedOnce sync.Once

// ingested1M returns a SPICE file ingested from the 1M-row sample.
func ingested1M(b *testing.B) string {
	src := sample(b, 1_000_000)
	dest := filepath.Join(benchDir(b), "spice-1m.duckdb")
	var err error
	ingestedOnce.Do(func() {
		pool := source.NewPool(source.Options{})
		defer pool.Close()
		_, err = spice.Ingest(context.Background(), pool, "bench", sqliteParams(src), "SELECT * FROM orders", nil, nil, dest)
	})
	if err != nil {
		b.Fatal(err)
	}
	return dest
}

func itoa(n int) string {
	if n >= 1_000_000 {
		return string(rune('0'+n/1_000_000)) + "m"
	}
	return string(rune('0'+n/100_000)) + "00k"
}

// cpuTime is the CPU time the process has used (user and system). On a
// shared machine it is steadier than the wall clock; benchmarks report it
// per operation as cpu-ms/op.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loop runs op in b.Loop and reports its CPU time per operation.
func loop(b *testing.B, op func()) {
	start := cpuTime()
	n := 0
	for b.Loop() {
		op()
		n++
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(n)/1e6, "cpu-ms/op")
}

func aggregate(b *testing.B, pool *source.Pool, params source.Params, sql string, wantRows int) {
	b.Helper()
	res, err := pool.Query(context.Background(), "bench", params, sql, nil)
	if err != nil {
		b.Fatal(err)
	}
	if len(res.Rows) != wantRows {
		b.Fatalf("%d rows, want %d", len(res.Rows), wantRows)
	}
}

// BenchmarkSampleAggregate: region × month SUM(revenue) over the 100k-row
// sample, uncached (4 regions × 24 months).
func BenchmarkSampleAggregate(b *testing.B) {
	params := sqliteParams(sample(b, 100_000))
	pool := source.NewPool(source.Options{})
	defer pool.Close()
	aggregate(b, pool, params, sampleAggregate, 96) // warm the connection
	loop(b, func() { aggregate(b, pool, params, sampleAggregate, 96) })
}

// BenchmarkSampleAggregateCached: the same question answered from the
// result cache.
func BenchmarkSampleAggregateCached(b *testing.B) {
	params := sqliteParams(sample(b, 100_000))
	pool := source.NewPool(source.Options{})
	defer pool.Close()
	c := cache.New(1000, 64<<20)
	ctx := context.Background()
	compute := func() (*source.Result, error) {
		return pool.Query(ctx, "bench", params, sampleAggregate, nil)
	}
	key := cache.Key("111122223333/sample-sales@1", sampleAggregate, nil)
	if _, err := c.GetOrCompute(ctx, key, compute); err != nil {
		b.Fatal(err)
	}
	loop(b, func() {
		// The key is built per request, as a handler would.
		res, err := c.GetOrCompute(ctx, cache.Key("111122223333/sample-sales@1", sampleAggregate, nil), compute)
		if err != nil || len(res.Rows) != 96 {
			b.Fatal(err)
		}
	})
}

// BenchmarkIngest100k: the whole 100k-row sample ingested into a SPICE
// file (SQLite source to DuckDB file).
func BenchmarkIngest100k(b *testing.B) {
	src := sqliteParams(sample(b, 100_000))
	pool := source.NewPool(source.Options{})
	defer pool.Close()
	dir := b.TempDir()
	i := 0
	loop(b, func() {
		i++
		dest := filepath.Join(dir, "ing-"+string(rune('a'+i%26))+itoa(100_000)+".duckdb")
		os.Remove(dest)
		st, err := spice.Ingest(context.Background(), pool, "bench", src, "SELECT * FROM orders", nil, nil, dest)
		if err != nil || st.Rows != 100_000 {
			b.Fatal(st, err)
		}
	})
	b.ReportMetric(float64(100_000*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkSpiceAggregate1M: region × month SUM(revenue) over a SPICE file
// ingested from the 1M-row sample (no indexes, as ingested).
func BenchmarkSpiceAggregate1M(b *testing.B) {
	params := spice.Params(ingested1M(b))
	pool := source.NewPool(source.Options{})
	defer pool.Close()
	aggregate(b, pool, params, spiceAggregate, 96)
	loop(b, func() { aggregate(b, pool, params, spiceAggregate, 96) })
}

// engineShape is revenue by region and period as internal/query compiles
// it: the period truncated (trunc, over d) from the date read by stored.
func engineShape(stored, trunc string) string {
	return "SELECT region, " + trunc + " AS period, SUM(revenue) AS revenue FROM (SELECT t.region AS region, " + stored +
		" AS d, t.revenue AS revenue FROM orders AS t) ds GROUP BY region, period ORDER BY region, period"
}

// BenchmarkSampleAggregateVariants: the 100k-row question in the shapes of
// BenchmarkSpiceAggregate1MVariants, over the sample's own covering index
// orders_region_date (region, order_date, revenue, profit, quantity,
// segment, category, sub_category).
func BenchmarkSampleAggregateVariants(b *testing.B) {
	params := sqliteParams(sample(b, 100_000))
	pool := source.NewPool(source.Options{})
	defer pool.Close()
	for _, v := range []struct{ name, sql string }{
		{"strftime", sampleAggregate},
		{"substr", `SELECT region, substr(order_date, 1, 7) AS month, SUM(revenue) AS revenue
FROM (SELECT * FROM orders) ds GROUP BY region, month ORDER BY region, month`},
		{"by-day", `SELECT region, substr(day, 1, 7) AS month, SUM(revenue) AS revenue
FROM (SELECT region, order_date AS day, SUM(revenue) AS revenue FROM orders GROUP BY region, order_date) d
GROUP BY region, month ORDER BY region, month`},
		// The shapes the SQLite dialect writes: the stored date read raw
		// and truncated with strftime (before stored-date normalisation),
		// and read through StoredDatetime and truncated by substr (now).
		{"engine-raw-strftime/month", engineShape("t.order_date", "strftime('%Y-%m-01 00:00:00', d)")},
		{"engine-stored-substr/month", engineShape(dialect.SQLite.StoredDatetime("t.order_date"), dialect.SQLite.DateTrunc("d", dialect.Month))},
		{"engine-raw-strftime/quarter", engineShape("t.order_date", "(strftime('%Y-', d) || printf('%02d', ((CAST(strftime('%m', d) AS INTEGER) - 1) / 3) * 3 + 1) || '-01 00:00:00')")},
		{"engine-stored-substr/quarter", engineShape(dialect.SQLite.StoredDatetime("t.order_date"), dialect.SQLite.DateTrunc("d", dialect.Quarter))},
		{"engine-raw-strftime/week", engineShape("t.order_date", "strftime('%Y-%m-%d 00:00:00', d, '-' || strftime('%w', d) || ' days')")},
		{"engine-stored-datetime/week", engineShape(dialect.SQLite.StoredDatetime("t.order_date"), dialect.SQLite.DateTrunc("d", dialect.Week))},
	} {
		rows := 96
		switch {
		case strings.HasSuffix(v.name, "/quarter"):
			rows = 36 // 4 regions × 9 quarters (December 2024 to November 2026)
		case strings.HasSuffix(v.name, "/week"):
			rows = 420 // 4 regions × 105 weeks (Sunday 2024-12-01 to Sunday 2026-11-29)
		}
		b.Run(v.name, func(b *testing.B) {
			aggregate(b, pool, params, v.sql, rows)
			loop(b, func() { aggregate(b, pool, params, v.sql, rows) })
		})
	}
}
