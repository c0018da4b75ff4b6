package sqlitec_test

import (
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	_ "github.com/mattn/go-sqlite3"
	"modernc.org/sqlite"

	"github.com/sightglass/sightglass/internal/query/sqlitec"
	"github.com/sightglass/sightglass/internal/query/sqlitepct"
	"github.com/sightglass/sightglass/internal/query/sqlitepct/pcttest"
)

var pureGoOnce sync.Once

// builds opens one file through both builds: SQLite's C library with the
// package's functions, and the pure-Go build with its math functions and
// package sqlitepct's percentiles. rows fill a table v(g, x).
func builds(t testing.TB, rows [][2]any) (c, pureGo *sql.DB) {
	t.Helper()
	if err := sqlitec.Register(); err != nil {
		t.Fatal(err)
	}
	pureGoOnce.Do(func() {
		d := &sqlite.Driver{}
		if err := sqlitepct.Register(d); err != nil {
			t.Fatal(err)
		}
		sql.Register("sqlitec-test-purego", d)
	})
	path := filepath.Join(t.TempDir(), "v.db")
	var err error
	if pureGo, err = sql.Open("sqlitec-test-purego", path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pureGo.Close() })
	if _, err := pureGo.Exec("CREATE TABLE v (g INTEGER, x)"); err != nil {
		t.Fatal(err)
	}
	tx, err := pureGo.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if _, err := tx.Exec("INSERT INTO v VALUES (?, ?)", r[0], r[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if c, err = sql.Open("sqlite3", (&url.URL{Scheme: "file", Path: path, RawQuery: "mode=ro"}).String()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c, pureGo
}

// answer is every row of query, each value with its Go type and a
// double's bits, or the error's text.
func answer(db *sql.DB, query string, args ...any) (string, error) {
	rows, err := db.Query(query, args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return "", err
		}
		for _, v := range vals {
			if f, ok := v.(float64); ok {
				fmt.Fprintf(&b, "%T:%x ", v, math.Float64bits(f))
			} else {
				fmt.Fprintf(&b, "%T:%v ", v, v)
			}
		}
		b.WriteString("\n")
	}
	return b.String(), rows.Err()
}

// same checks that both builds answer query alike: the same values, or
// errors with the same message.
func same(t testing.TB, c, pureGo *sql.DB, query string, args ...any) {
	t.Helper()
	got, gerr := answer(c, query, args...)
	want, werr := answer(pureGo, query, args...)
	switch {
	case (gerr != nil) != (werr != nil):
		t.Fatalf("%s: C err %v, pure-Go err %v", query, gerr, werr)
	case gerr != nil:
		if g, w := message(gerr), message(werr); g != w {
			t.Fatalf("%s: C error %q, pure-Go error %q", query, g, w)
		}
	case got != want:
		t.Fatalf("%s:\nC\n%s\npure-Go\n%s", query, got, want)
	}
}

// message is a driver error's own text, without the pure-Go driver's
// wording around it ("SQL logic error: … (1)").
func message(err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, "SQL logic error: ")
	if i := strings.LastIndex(s, " ("); i >= 0 && strings.HasSuffix(s, ")") {
		s = s[:i]
	}
	return s
}

// groupsOf are pcttest's groups as rows of v(g, x), and a group whose
// equal values differ in type and sign (an integer 0, 0.0, -0.0).
func groupsOf(seed uint64) [][2]any {
	groups := append(pcttest.Groups(seed), []any{int64(10), 2.5, int64(-3), nil, -0.5, math.Copysign(0, -1), 0.0, int64(0)})
	var rows [][2]any
	for gi, g := range groups {
		for _, x := range g {
			rows = append(rows, [2]any{gi, x})
		}
	}
	return rows
}

// The percentiles answer as the pure-Go build's, as aggregates, over a
// whole partition, and over sliding frames (rows leaving the frame).
func TestPercentilesAsPureGo(t *testing.T) {
	c, pureGo := builds(t, groupsOf(1))
	for _, p := range pcttest.Fractions {
		pm := int64(math.Round(p * 1e6))
		for _, fn := range []string{
			fmt.Sprintf("sg_percentile_cont(x, %v)", p),
			fmt.Sprintf("sg_percentile_cont(CAST(x AS REAL), %v)", p),
			fmt.Sprintf("sg_percentile_disc(x, %v)", p),
			fmt.Sprintf("sg_percentile_disc_ppm(x, %d)", pm),
		} {
			same(t, c, pureGo, "SELECT g, "+fn+" FROM v GROUP BY g ORDER BY g")
			same(t, c, pureGo, "SELECT "+fn+" FROM v")
			same(t, c, pureGo, "SELECT rowid, "+fn+" OVER (PARTITION BY g) FROM v ORDER BY rowid")
			same(t, c, pureGo, "SELECT rowid, "+fn+" OVER (PARTITION BY g ORDER BY rowid ROWS BETWEEN 3 PRECEDING AND 2 FOLLOWING) FROM v ORDER BY rowid")
			same(t, c, pureGo, "SELECT rowid, "+fn+" OVER (ORDER BY x, rowid ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) FROM v ORDER BY rowid")
			same(t, c, pureGo, "SELECT rowid, "+fn+" OVER (ORDER BY rowid ROWS BETWEEN 4 PRECEDING AND 2 PRECEDING) FROM v ORDER BY rowid")
		}
		same(t, c, pureGo, "SELECT g, sg_percentile_cont(x, ?1), sg_percentile_disc(x, ?1) FROM v GROUP BY g ORDER BY g", p)
	}
	same(t, c, pureGo, "SELECT sg_percentile_cont(x, 0.5) FROM v WHERE g < 0")
	same(t, c, pureGo, "SELECT g, sg_percentile_cont(x, 0.5) FROM v WHERE g < 0 GROUP BY g")
}

// FuzzPercentilesAsPureGo compares the builds on values made from the
// fuzzer's bytes.
func FuzzPercentilesAsPureGo(f *testing.F) {
	f.Add([]byte{1, 2, 3, 200, 7}, uint32(500000))
	f.Add([]byte{0, 0, 255, 128, 9, 9, 9}, uint32(250000))
	f.Fuzz(func(t *testing.T, data []byte, ppm uint32) {
		if len(data) > 300 {
			return
		}
		var rows [][2]any
		for i := 0; i+1 < len(data); i += 2 {
			b, v := data[i], int64(int8(data[i+1]))
			var x any
			switch b % 4 {
			case 0:
			case 1:
				x = v
			case 2:
				x = float64(v) / 4
			default:
				x = float64(v) * math.Pow(10, float64(int(b)%40-20))
			}
			rows = append(rows, [2]any{int(b) % 3, x})
		}
		c, pureGo := builds(t, rows)
		// Mostly a fraction; sometimes a parameter the functions refuse
		// or read by type: an integer, a percent, text, NULL.
		var p any = float64(ppm%1_000_001) / 1e6
		switch ppm >> 28 {
		case 1:
			p = int64(ppm % 2)
		case 2:
			p = float64(ppm%200) - 50
		case 3:
			p = "0.5"
		case 4:
			p = nil
		}
		for _, fn := range []string{"sg_percentile_cont(x, ?1)", "sg_percentile_disc(x, ?1)", fmt.Sprintf("sg_percentile_disc_ppm(x, %d)", ppm%1_000_001)} {
			same(t, c, pureGo, "SELECT g, "+fn+" FROM v GROUP BY g ORDER BY g", p)
			same(t, c, pureGo, "SELECT rowid, "+fn+" OVER (ORDER BY rowid ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING) FROM v ORDER BY rowid", p)
		}
	})
}

// Refusals read as the pure-Go build's.
func TestPercentileRefusalsAsPureGo(t *testing.T) {
	c, pureGo := builds(t, [][2]any{{0, int64(1)}, {0, "2"}, {0, 3.0}, {1, int64(1)}, {1, []byte{2}}, {2, 2.5}})
	for _, q := range []string{
		"SELECT sg_percentile_cont(x, 0.5) FROM v WHERE g = 0",
		"SELECT sg_percentile_disc(x, 0.5) FROM v WHERE g = 1",
		"SELECT sg_percentile_cont(x, 1.5) FROM v",
		"SELECT sg_percentile_cont(x, -0.1) FROM v",
		"SELECT sg_percentile_cont(x, NULL) FROM v",
		"SELECT sg_percentile_cont(x, '0.5') FROM v",
		"SELECT sg_percentile_cont(x, x'00') FROM v",
		"SELECT sg_percentile_disc_ppm(x, 0.5) FROM v",
		"SELECT sg_percentile_disc_ppm(x, 1000001) FROM v",
		"SELECT sg_percentile_disc_ppm(x, -1) FROM v",
		"SELECT sg_percentile_cont(x, g / 2.0) FROM v WHERE typeof(x) != 'text' AND typeof(x) != 'blob'",
		"SELECT sg_percentile_cont(x, CASE WHEN g = 2 THEN 0.5 ELSE 1 END) FROM v WHERE typeof(x) IN ('integer', 'real')",
		"SELECT sg_percentile_cont(x, 1) FROM v WHERE g = 2",
		"SELECT sg_percentile_cont(x) FROM v",
		"SELECT sg_percentile_cont(x, 0.5) OVER (ORDER BY rowid) FROM v WHERE g = 0",
	} {
		same(t, c, pureGo, q)
	}
}

// A group past the bound fails by name, as in the pure-Go build.
func TestPercentileBound(t *testing.T) {
	c, _ := builds(t, [][2]any{{0, int64(1)}, {0, int64(2)}, {0, int64(3)}})
	defer sqlitec.SetMaxValues(2)()
	var v any
	err := c.QueryRow("SELECT sg_percentile_cont(x, 0.5) FROM v").Scan(&v)
	if want := sqlitepct.TooManyValues("sg_percentile_cont", 2).Error(); err == nil || err.Error() != want {
		t.Fatalf("err %v, want %q", err, want)
	}
	if err := c.QueryRow("SELECT sg_percentile_cont(x, 0.5) FROM v WHERE x < 3").Scan(&v); err != nil || v != 1.5 {
		t.Fatalf("%v %v", v, err)
	}
}

// The exact math functions answer as the pure-Go build's on every kind of
// value.
func TestMathAsPureGo(t *testing.T) {
	rows := [][2]any{{0, int64(7)}, {0, int64(-7)}, {0, int64(math.MaxInt64)}, {0, int64(math.MinInt64)}, {0, 2.5}, {0, -2.5},
		{0, math.Copysign(0, -1)}, {0, 1e300}, {0, -1e-300}, {0, math.Inf(1)}, {0, math.Inf(-1)}, {0, "3.7"}, {0, "-3"},
		{0, " 4.5 "}, {0, "abc"}, {0, "9e999"}, {0, []byte("12")}, {0, []byte{0xff}}, {0, nil}, {0, 0.49999999999999994},
		{0, 4503599627370495.5}, {0, 9007199254740993.0}, {0, -0.5}, {0, 2.0}, {0, 1e-10}}
	r := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		rows = append(rows, [2]any{1, r.NormFloat64() * math.Pow(10, float64(r.IntN(30)-15))})
	}
	c, pureGo := builds(t, rows)
	for _, fn := range []string{"floor", "ceil", "ceiling", "trunc", "sqrt"} {
		same(t, c, pureGo, "SELECT x, "+fn+"(x), typeof("+fn+"(x)) FROM v ORDER BY rowid")
		same(t, c, pureGo, "SELECT "+fn+"(x / 3), "+fn+"(-x) FROM v WHERE typeof(x) IN ('integer', 'real') ORDER BY rowid")
		same(t, c, pureGo, "SELECT "+fn+"(x, 1) FROM v")
		same(t, c, pureGo, "SELECT "+fn+"() FROM v")
	}
	same(t, c, pureGo, "SELECT CAST(floor((CAST((x - ?) AS REAL) / NULLIF(?, 0))) AS INTEGER) AS b, COUNT(x) FROM v WHERE g = 1 GROUP BY b ORDER BY b", 0.25, 0.5)
}
