package console

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/viewer"
)

func exportSample(rows int) *exportedVisual {
	q := &query.Question{
		Dimensions: []query.Dimension{{Field: "region"}, {Field: "order_date", Granularity: "MONTH"}},
		Measures:   []query.Measure{{Field: "revenue", Aggregation: "SUM"}},
	}
	res := &viewer.Result{Columns: []query.ResultColumn{
		{ID: "d0", Role: query.RoleDimension, Type: "STRING"},
		{ID: "d1", Role: query.RoleDimension, Type: "DATETIME"},
		{ID: "m0", Role: query.RoleMeasure, Type: "DECIMAL"},
	}}
	regions := []string{"Europe", "=cmd|' /C calc'!A0", "-12", "-x", "Asia, \"Pacific\"", ""}
	for i := range rows {
		res.Rows = append(res.Rows, []any{regions[i%len(regions)], time.Date(2026, time.Month(1+i%12), 1, 0, 0, 0, 0, time.UTC), float64(i) * 1.25})
	}
	return &exportedVisual{Title: "Revenue", Question: q, Result: res}
}

// TestExportCSV: the header names fields as the visual does, values keep
// full precision, dates are ISO dates, and text a spreadsheet would run is
// quoted while numbers (also negative ones) stay numbers.
func TestExportCSV(t *testing.T) {
	var b bytes.Buffer
	if err := exportSample(6).writeCSV(&b); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"region", "order_date (month)", "sum of revenue"},
		{"Europe", "2026-01-01", "0"},
		{"'=cmd|' /C calc'!A0", "2026-02-01", "1.25"},
		{"-12", "2026-03-01", "2.5"},
		{"'-x", "2026-04-01", "3.75"},
		{"Asia, \"Pacific\"", "2026-05-01", "5"},
		{"", "2026-06-01", "6.25"},
	}
	if len(recs) != len(want) {
		t.Fatalf("records %q", recs)
	}
	for i := range want {
		if strings.Join(recs[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("record %d = %q, want %q", i, recs[i], want[i])
		}
	}
}

func TestExportFileName(t *testing.T) {
	for _, c := range [][3]string{{"Revenue by region", "v1", "Revenue_by_region"}, {"../../etc/passwd\"", "v1", "etcpasswd"}, {"日本", "kpi-1", "kpi-1"}, {"", "日", "visual"}} {
		if got := exportFileName(c[0], c[1]); got != c[2] {
			t.Errorf("exportFileName(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}

// FuzzExportCSV: whatever text a dataset holds, the CSV export reads back
// as the same number of records and fields, and no cell starts with a
// character a spreadsheet evaluates unless it is a number.
func FuzzExportCSV(f *testing.F) {
	for _, s := range []string{"=1+1", "+x", "@SUM(A1)", "-3.5", "-", "a\"b,c\nd", "\t=x", "\r", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := exportSample(1)
		e.Result.Rows[0][0] = s
		var b bytes.Buffer
		if err := e.writeCSV(&b); err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(&b)
		r.LazyQuotes = false
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%q: %v", b.String(), err)
		}
		if len(recs) != 2 || len(recs[1]) != 3 {
			t.Fatalf("records %q", recs)
		}
		cell := recs[1][0]
		if cell != "" {
			switch cell[0] {
			case '=', '+', '@', '\t', '\r':
				t.Fatalf("cell %q starts with a formula character", cell)
			}
		}
	})
}

func BenchmarkExportCSV(b *testing.B) {
	e := exportSample(10000)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := e.writeCSV(&buf); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

func BenchmarkExportExcel(b *testing.B) {
	e := exportSample(10000)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := e.writeExcel(&buf); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
