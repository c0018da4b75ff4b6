package upload

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/sqlitefile"
)

// benchCSV writes a CSV of n rows × 6 columns (text, whole number,
// decimal, date, text, boolean), about 60 bytes a row.
func benchCSV(b *testing.B, n int) string {
	b.Helper()
	p := filepath.Join(b.TempDir(), "bench.csv")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "region,units,price,day,product,paid")
	regions := []string{"East", "West", "North", "South"}
	for i := range n {
		fmt.Fprintf(w, "%s,%d,%d.%02d,2024-%02d-%02d,Product %d,%t\n", regions[i%4], i%1000, i%500, i%100, 1+i%12, 1+i%28, i%97, i%2 == 0)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	return p
}

const benchRows = 200_000

// cpuTime is the process's CPU time (user and system) so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportRows reports rows per wall second and per CPU second (the shared
// machine's wall clock waits for a core).
func reportRows(b *testing.B, cpu0 time.Duration) {
	rows := float64(benchRows * b.N)
	b.ReportMetric(rows/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(rows/(cpuTime()-cpu0).Seconds(), "rows/cpu-s")
}

// BenchmarkImportCSV is the import of an upload: every row read,
// converted and written into a new SPICE-format file.
func BenchmarkImportCSV(b *testing.B) {
	path := benchCSV(b, benchRows)
	p, err := Inspect(path, "bench.csv", Settings{})
	if err != nil {
		b.Fatal(err)
	}
	cols := make([]sqlitefile.Column, len(p.Columns))
	for i, c := range p.Columns {
		cols[i] = sqlitefile.Column{Name: c.Name, Type: c.Type}
	}
	dir := b.TempDir()
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		n++
		dest := filepath.Join(dir, fmt.Sprintf("%d.sqlite", n))
		rows, err := sqlitefile.Write(context.Background(), cols, dest, sqlitefile.Options{}, func(yield func([]any) error) error {
			return Each(context.Background(), path, p.Settings, p.Columns, yield)
		})
		if err != nil || rows != benchRows {
			b.Fatalf("%d rows, %v", rows, err)
		}
		os.Remove(dest)
	}
	reportRows(b, cpu0)
}

// BenchmarkReadCSV is the reading and conversion alone (Each), and
// BenchmarkReadCSVStdlib encoding/csv's reading of the same file without
// conversion: what the import's parts cost against the floor.
func BenchmarkReadCSV(b *testing.B) {
	path := benchCSV(b, benchRows)
	p, err := Inspect(path, "bench.csv", Settings{})
	if err != nil {
		b.Fatal(err)
	}
	cpu0 := cpuTime()
	for b.Loop() {
		n := 0
		if err := Each(context.Background(), path, p.Settings, p.Columns, func([]any) error { n++; return nil }); err != nil || n != benchRows {
			b.Fatalf("%d rows, %v", n, err)
		}
	}
	reportRows(b, cpu0)
}

func BenchmarkReadCSVStdlib(b *testing.B) {
	path := benchCSV(b, benchRows)
	cpu0 := cpuTime()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		r := csv.NewReader(bufio.NewReaderSize(f, 64<<10))
		r.ReuseRecord = true
		n := -1
		for {
			if _, err := r.Read(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
			n++
		}
		f.Close()
		if n != benchRows {
			b.Fatalf("%d rows", n)
		}
	}
	reportRows(b, cpu0)
}
