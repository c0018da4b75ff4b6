package sampledata_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/sampledata"
)

func generate(t testing.TB, rows int, seed int64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sample.sqlite")
	if err := sampledata.Generate(path, rows, seed); err != nil {
		t.Fatal(err)
	}
	return path
}

func open(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// digest hashes every row of the orders table in order.
func digest(t *testing.T, db *sql.DB) string {
	t.Helper()
	rows, err := db.Query("SELECT * FROM orders ORDER BY order_id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	h := sha256.New()
	vals := make([]any, len(sampledata.Columns))
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(h, vals...)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func TestGenerateDeterministic(t *testing.T) {
	a := digest(t, open(t, generate(t, 2000, 42)))
	b := digest(t, open(t, generate(t, 2000, 42)))
	c := digest(t, open(t, generate(t, 2000, 43)))
	if a != b {
		t.Error("the same seed gave different data")
	}
	if a == c {
		t.Error("different seeds gave the same data")
	}
}

func TestGenerateContents(t *testing.T) {
	const n = 20000
	db := open(t, generate(t, n, 1))
	var count, ids int
	var first, last string
	if err := db.QueryRow("SELECT count(*), count(DISTINCT order_id), min(order_date), max(order_date) FROM orders").Scan(&count, &ids, &first, &last); err != nil {
		t.Fatal(err)
	}
	if count != n || ids != n {
		t.Errorf("%d rows, %d ids; want %d", count, ids, n)
	}
	lastDay := sampledata.Anchor.Format(time.DateTime)
	firstDay := sampledata.Anchor.AddDate(-2, 0, 1).Format(time.DateTime)
	if first < firstDay || last > lastDay || first > "2025-01-15" || last < "2026-11-15" {
		t.Errorf("dates %s..%s, want within %s..%s and covering it", first, last, firstDay, lastDay)
	}
	// Dates are stored as canonical datetime text, at midnight.
	var odd int
	if err := db.QueryRow(`SELECT count(*) FROM orders WHERE order_date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] 00:00:00'
		OR ship_date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] 00:00:00'`).Scan(&odd); err != nil {
		t.Fatal(err)
	}
	if odd != 0 {
		t.Errorf("%d rows with dates not in the YYYY-MM-DD HH:MM:SS form", odd)
	}
	// Every row is consistent with itself.
	var bad int
	if err := db.QueryRow(`SELECT count(*) FROM orders WHERE
		ship_date < order_date OR quantity < 1 OR unit_price <= 0 OR discount < 0 OR discount > 0.2
		OR abs(revenue - round(quantity * unit_price * (1 - discount), 2)) > 0.011
		OR region IS NULL OR country IS NULL OR city IS NULL OR product IS NULL OR segment IS NULL`).Scan(&bad); err != nil {
		t.Fatal(err)
	}
	if bad != 0 {
		t.Errorf("%d inconsistent rows", bad)
	}
	// A country belongs to one region, a product to one sub-category and category.
	for _, q := range []string{
		"SELECT count(*) FROM (SELECT country FROM orders GROUP BY country HAVING count(DISTINCT region) > 1)",
		"SELECT count(*) FROM (SELECT product FROM orders GROUP BY product HAVING count(DISTINCT sub_category) > 1 OR count(DISTINCT category) > 1)",
		"SELECT count(*) FROM (SELECT city FROM orders GROUP BY city HAVING count(DISTINCT country) > 1)",
	} {
		if err := db.QueryRow(q).Scan(&bad); err != nil || bad != 0 {
			t.Errorf("%s: %d, %v", q, bad, err)
		}
	}
	// Every region, category and segment appears; the shares follow the weights.
	share := func(q string) map[string]float64 {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string]float64{}
		for rows.Next() {
			var k string
			var v float64
			rows.Scan(&k, &v)
			out[k] = v
		}
		return out
	}
	regions := share("SELECT region, count(*) * 1.0 / (SELECT count(*) FROM orders) FROM orders GROUP BY region")
	for name, want := range map[string]float64{"North America": 0.38, "Europe": 0.30, "Asia Pacific": 0.22, "Latin America": 0.10} {
		if math.Abs(regions[name]-want) > 0.02 {
			t.Errorf("region %s: share %.3f, want about %.2f", name, regions[name], want)
		}
	}
	if segs := share("SELECT segment, 1 FROM orders GROUP BY segment"); len(segs) != 3 {
		t.Errorf("segments %v", segs)
	}
	if cats := share("SELECT category, 1 FROM orders GROUP BY category"); len(cats) != 3 {
		t.Errorf("categories %v", cats)
	}
	// Seasonality and growth: December outsells February, and the second year the first.
	months := share("SELECT strftime('%m', order_date), sum(revenue) FROM orders GROUP BY 1")
	if months["12"] < 1.3*months["02"] {
		t.Errorf("December revenue %.0f, February %.0f: no holiday peak", months["12"], months["02"])
	}
	years := share("SELECT CASE WHEN order_date >= '2025-12-01' THEN 'second' ELSE 'first' END, count(*) FROM orders GROUP BY 1")
	if years["second"] < 1.08*years["first"] {
		t.Errorf("orders per year %v: no growth", years)
	}
	// Some orders lose money (discounted tables), most make it.
	var losses float64
	db.QueryRow("SELECT avg(profit < 0) FROM orders").Scan(&losses)
	if losses < 0.03 || losses > 0.4 {
		t.Errorf("share of loss-making orders %.3f", losses)
	}
	// The indexes for date and region grouping exist.
	var idx int
	db.QueryRow("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('orders_order_date', 'orders_region_date', 'orders_order_date_stored')").Scan(&idx)
	if idx != 3 {
		t.Errorf("%d of the 3 indexes", idx)
	}
	// A date range over the column as the query engine reads it seeks the
	// expression index.
	stored := dialect.SQLite.StoredDatetime("t.order_date")
	rows, err := db.Query("EXPLAIN QUERY PLAN SELECT count(*) FROM (SELECT "+stored+" AS d FROM orders AS t) WHERE d >= ? AND d < ?", "2026-03-01 00:00:00", "2026-04-01 00:00:00")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan += detail + "; "
	}
	if !strings.Contains(plan, "INDEX orders_order_date_stored (<expr>>? AND <expr><?)") {
		t.Errorf("date range plan: %s", plan)
	}
}

func TestGenerateRefusesExistingAndCleansUp(t *testing.T) {
	path := generate(t, 10, 1)
	if err := sampledata.Generate(path, 10, 1); err == nil {
		t.Fatal("overwrote an existing file")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	if err := sampledata.GenerateAt(ctx, filepath.Join(dir, "s.sqlite"), 1000, 1, sampledata.Anchor); err == nil {
		t.Fatal("cancelled generation succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("cancelled generation left %v", entries)
	}
	if err := sampledata.Generate(filepath.Join(dir, "empty.sqlite"), 0, 1); err != nil {
		t.Fatalf("zero rows: %v", err)
	}
	if err := sampledata.Generate(filepath.Join(dir, "neg.sqlite"), -1, 1); err == nil || errors.Is(err, os.ErrNotExist) {
		t.Fatalf("negative rows: %v", err)
	}
}

// BenchmarkGenerate100k measures generating the default sample.
func BenchmarkGenerate100k(b *testing.B) {
	dir := b.TempDir()
	start := cpuTime()
	i := 0
	for b.Loop() {
		path := filepath.Join(dir, fmt.Sprintf("s%d.sqlite", i))
		if err := sampledata.Generate(path, sampledata.DefaultRows, 1); err != nil {
			b.Fatal(err)
		}
		os.Remove(path)
		i++
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(i)/1e6, "cpu-ms/op")
}

// cpuTime is the CPU time the process has used; steadier than the wall
// clock on a shared machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
