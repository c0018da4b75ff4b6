package query

import (
	"context"
	"database/sql"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// BenchmarkSQLitePercentiles runs, on 100,000 SQLite rows, a box plot
// by region (three percentiles of one column) and the median of 100,000
// groups beside each group (percentileContOver over aggregated rows),
// with SQLite's percentile aggregates against the ranked form (ROW_NUMBER
// and COUNT windows) in the same run, and a plain SUM by region.
func BenchmarkSQLitePercentiles(b *testing.B) {
	db, err := sql.Open(sqliteTestDriver, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, err := db.Exec("CREATE TABLE orders (order_id INTEGER, region TEXT, revenue REAL)"); err != nil {
		b.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	regions := []string{"East", "West", "North", "South", "Central"}
	for i := range 100_000 {
		rev := float64((i*7919)%100_003) / 100
		if _, err := tx.Exec("INSERT INTO orders VALUES (?, ?, ?)", i, regions[i%5], rev); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	cols := []dataset.Column{{Name: "order_id", Type: "INTEGER"}, {Name: "region", Type: "STRING"}, {Name: "revenue", Type: "DECIMAL"}}
	questions := []struct {
		name string
		q    *Question
	}{
		{"sum-by-region", &Question{Dimensions: []Dimension{{Field: "region"}}, Measures: []Measure{{Field: "revenue", Aggregation: Sum}}}},
		{"boxplot-by-region", &Question{Dimensions: []Dimension{{Field: "region"}}, Measures: []Measure{
			{ID: "mn", Field: "revenue", Aggregation: Min}, {ID: "q1", Field: "revenue", Aggregation: Percentile, Percentile: 25},
			{ID: "md", Field: "revenue", Aggregation: Median}, {ID: "q3", Field: "revenue", Aggregation: Percentile, Percentile: 75},
			{ID: "mx", Field: "revenue", Aggregation: Max}}}},
		{"median-over-by-order", &Question{Dimensions: []Dimension{{Field: "order_id"}}, Measures: []Measure{{ID: "m", Field: "m"}},
			CalculatedFields: []CalculatedField{{Name: "m", Expression: "percentileContOver(sum({revenue}), 50, [])"}}, Limit: 100}},
	}
	for _, q := range questions {
		for _, v := range []struct {
			name string
			d    dialect.Dialect
		}{{"aggregates", dialect.SQLite}, {"ranked", rankedSQLite{dialect.SQLite}}} {
			c, err := Compile(q.q, "SELECT * FROM orders", nil, cols, v.d)
			if err != nil {
				b.Fatal(err)
			}
			b.Run(q.name+"/"+v.name, func(b *testing.B) {
				start, n := cpuTime(), 0
				defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
				for b.Loop() {
					n++
					rows, err := db.QueryContext(ctx, c.SQL, c.Args...)
					if err != nil {
						b.Fatal(err)
					}
					got := 0
					for rows.Next() {
						got++
					}
					if err := rows.Err(); err != nil {
						b.Fatal(err)
					}
					rows.Close()
					if got == 0 {
						b.Fatal("no rows")
					}
				}
			})
		}
	}
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
