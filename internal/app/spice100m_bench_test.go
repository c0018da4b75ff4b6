package app

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/sightglass/sightglass/internal/sampledata"
)

// BenchmarkQuerySPICE100M: SUM by region and month through
// App.QueryDataSet, uncached, over a SPICE copy of 100M sample orders,
// with the process's peak resident memory while the questions run. It
// runs only with SIGHTGLASS_BENCH_100M=1. Ingesting 100M rows from the
// generated SQLite sample would take hours here, so the copy is written
// by DuckDB itself: the table of a 1,000-row ingestion of the sample
// (same columns, types and file format) filled with 100M generated
// orders over the sample's regions and two years, kept in the temporary
// directory between runs.
func BenchmarkQuerySPICE100M(b *testing.B) {
	if os.Getenv("SIGHTGLASS_BENCH_100M") != "1" {
		b.Skip("SIGHTGLASS_BENCH_100M=1 runs it")
	}
	const rows = 100_000_000
	a := spiceApp(b, 1000)
	ctx := context.Background()
	d, err := a.Store.FindDataSet(ctx, "123456789012", SampleDataSetID)
	if err != nil {
		b.Fatal(err)
	}
	path := a.spiceFile(d.AccountID, d.ID, d.SPICEIngestionID)
	cached := filepath.Join(os.TempDir(), fmt.Sprintf("sightglass-bench-spice-%d.duckdb", rows))
	if _, err := os.Stat(cached); err != nil {
		start := time.Now()
		if err := generateSPICE(cached+".tmp", path, rows); err != nil {
			os.Remove(cached + ".tmp")
			b.Fatal(err)
		}
		if err := os.Rename(cached+".tmp", cached); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d rows in %s", rows, time.Since(start).Round(time.Second))
	}
	a.data.pool.Forget(spicePoolKey(d.AccountID, d.ID, d.SPICEIngestionID))
	if err := os.Remove(path); err != nil {
		b.Fatal(err)
	}
	if err := os.Symlink(cached, path); err != nil {
		b.Fatal(err)
	}
	resetPeakRSS()
	start, n := cpuTime(), 0
	for b.Loop() {
		n++
		a.invalidateDataSet(d)
		res, err := a.QueryDataSet(ctx, nil, "123456789012", SampleDataSetID, regionByMonthSum)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Rows) != 4*24 {
			b.Fatalf("%d rows, want 96", len(res.Rows))
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op")
	b.ReportMetric(float64(peakRSS())/(1<<20), "peak-rss-MB")
}

// generateSPICE writes a DuckDB file at path whose table "data" has the
// columns of the ingested file like (its schema copied) and rows
// generated orders: the sample's four regions, order dates over the two
// years that end on sampledata.Anchor.
func generateSPICE(path, like string, rows int) error {
	c, err := duckdb.NewConnector(path+"?memory_limit=2GB&threads=2", nil)
	if err != nil {
		return err
	}
	db := sql.OpenDB(c)
	defer db.Close()
	var inner []string
	for _, col := range sampledata.Columns {
		inner = append(inner, generated(col.Name)+" AS "+col.Name)
	}
	anchor := sampledata.Anchor.Format("2006-01-02")
	for _, s := range []string{
		"ATTACH '" + strings.ReplaceAll(like, "'", "''") + "' AS small (READ_ONLY)",
		"CREATE TABLE data AS SELECT * FROM small.data LIMIT 0",
		"DETACH small",
	} {
		if _, err := db.Exec(s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	// The table's columns: the sample's, then its calculated fields.
	res, err := db.Query("SELECT column_name FROM information_schema.columns WHERE table_name = 'data' ORDER BY ordinal_position")
	if err != nil {
		return err
	}
	var outer []string
	for res.Next() {
		var name string
		if err := res.Scan(&name); err != nil {
			return err
		}
		outer = append(outer, calculated(name))
	}
	res.Close()
	for _, s := range []string{
		fmt.Sprintf("INSERT INTO data SELECT %s FROM (SELECT %s FROM (SELECT i, hash(i) AS h, DATE '%s' - CAST(i %% 730 AS INTEGER) AS day FROM range(%d) AS t(i)))",
			strings.Join(outer, ", "), strings.Join(inner, ", "), anchor, rows),
		"CHECKPOINT",
	} {
		if _, err := db.Exec(s); err != nil {
			return fmt.Errorf("%s: %w", s[:min(len(s), 60)], err)
		}
	}
	return nil
}

// calculated is the expression of a column of the sample dataset over its
// generated columns: one of them, or a calculated field.
func calculated(name string) string {
	switch name {
	case "margin":
		return "CASE WHEN revenue = 0 THEN 0 ELSE profit / revenue END"
	case "order_year":
		return "year(order_date)"
	case "order_quarter":
		return "quarter(order_date)"
	case "days_to_ship":
		return "date_diff('day', order_date, ship_date)"
	}
	return `"` + name + `"`
}

// generated is the expression of a sample column over i, h (a hash of
// i) and day.
func generated(name string) string {
	switch name {
	case "order_id":
		return "i + 1"
	case "order_date":
		return "CAST(day AS TIMESTAMP)"
	case "ship_date":
		return "CAST(day + CAST(h % 7 AS INTEGER) AS TIMESTAMP)"
	case "region":
		return "['North America', 'Europe', 'Asia Pacific', 'Latin America'][1 + CAST(h % 4 AS INTEGER)]"
	case "country":
		return "['United States', 'Germany', 'Japan', 'Brazil', 'Canada', 'France'][1 + CAST((h >> 8) % 6 AS INTEGER)]"
	case "city":
		return "'City ' || CAST((h >> 16) % 50 AS VARCHAR)"
	case "product":
		return "'Product ' || CAST((h >> 24) % 40 AS VARCHAR)"
	case "category":
		return "['Technology', 'Furniture', 'Office Supplies'][1 + CAST((h >> 32) % 3 AS INTEGER)]"
	case "sub_category":
		return "'Sub ' || CAST((h >> 36) % 12 AS VARCHAR)"
	case "segment":
		return "['Consumer', 'Corporate', 'Home Office'][1 + CAST((h >> 40) % 3 AS INTEGER)]"
	case "quantity":
		return "CAST(1 + (h >> 44) % 9 AS BIGINT)"
	case "unit_price":
		return "CAST((h >> 20) % 100000 AS DOUBLE) / 100"
	case "discount":
		return "CAST((h >> 48) % 30 AS DOUBLE) / 100"
	case "revenue":
		return "CAST((h >> 12) % 500000 AS DOUBLE) / 100"
	case "profit":
		return "CAST((h >> 28) % 100000 AS DOUBLE) / 100 - 200"
	}
	return "NULL"
}

// resetPeakRSS starts the kernel's count of the process's peak resident
// memory again (Linux; elsewhere nothing).
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS is the process's peak resident memory in bytes since the last
// resetPeakRSS (VmHWM; 0 where unknown).
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kb)
			return kb << 10
		}
	}
	return 0
}
