package sqlitec_test

import (
	"database/sql"
	"syscall"
	"testing"
	"time"
)

// BenchmarkBuilds runs a box plot's question (minimum, three quartiles
// and maximum of a column by a five-valued group) and a histogram's
// (counts by floor of a quotient) over 100,000 rows on SQLite's C
// library with this package's functions against the pure-Go build with
// sqlitepct's, in the same run.
func BenchmarkBuilds(b *testing.B) {
	rows := make([][2]any, 0, 100_000)
	for i := range 100_000 {
		rows = append(rows, [2]any{i % 5, float64((i*7919)%100_003) / 100})
	}
	c, pureGo := builds(b, rows)
	for _, q := range []struct{ name, sql string }{
		{"boxplot", "SELECT g, MIN(x), sg_percentile_cont(x, 0.25), sg_percentile_cont(x, 0.5), sg_percentile_cont(x, 0.75), MAX(x) FROM v GROUP BY g ORDER BY g"},
		{"histogram", "SELECT CAST(floor(x / 25.0) AS INTEGER), COUNT(x) FROM v GROUP BY 1 ORDER BY 1"},
	} {
		for _, build := range []struct {
			name string
			db   *sql.DB
		}{{"c", c}, {"pure-go", pureGo}} {
			b.Run(q.name+"/"+build.name, func(b *testing.B) {
				start, n := cpuTime(), 0
				defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
				for b.Loop() {
					n++
					if _, err := answer(build.db, q.sql); err != nil {
						b.Fatal(err)
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
