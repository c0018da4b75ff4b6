package sqlitepct_test

import (
	"database/sql"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"testing"

	"modernc.org/sqlite"

	"github.com/sightglass/sightglass/internal/query/sqlitepct"
	"github.com/sightglass/sightglass/internal/query/sqlitepct/pcttest"
)

var registerOnce sync.Once

// open is an in-memory SQLite database on a driver carrying the
// percentile functions, with a table v(g, x) of the given values.
func open(t testing.TB, groups [][]any) *sql.DB {
	t.Helper()
	registerOnce.Do(func() {
		d := &sqlite.Driver{}
		if err := sqlitepct.Register(d); err != nil {
			t.Fatal(err)
		}
		sql.Register("sqlite-pct-test", d)
	})
	db, err := sql.Open("sqlite-pct-test", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec("CREATE TABLE v (g INTEGER, x)"); err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for g, xs := range groups {
		for _, x := range xs {
			if _, err := tx.Exec("INSERT INTO v VALUES (?, ?)", g, x); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return db
}

// The ranked SQL the query compiler writes where SQLite has no
// percentile aggregate: ranks and a count per group, then the value at
// the rank (discrete) or the interpolation between two ranks
// (continuous). The functions must give these values, bit for bit.
const ranked = `SELECT g, %s FROM (SELECT g, x,
	ROW_NUMBER() OVER (PARTITION BY g ORDER BY CASE WHEN x IS NULL THEN 1 ELSE 0 END, x) AS r,
	COUNT(x) OVER (PARTITION BY g) AS n FROM v) GROUP BY g ORDER BY g`

// rankedCont interpolates the values x, ranked by x.
func rankedCont(x, p string) string {
	pos := "(1 + " + p + " * (n - 1))"
	frac := "(" + pos + " - floor(" + pos + "))"
	return "SUM(CASE WHEN r = floor(" + pos + ") THEN " + x + " * (1 - " + frac + ") WHEN r = floor(" + pos + ") + 1 THEN " + x + " * " + frac + " END)"
}

func rankedDisc(p float64) string {
	pct := strconv.FormatFloat(math.Round(p*100*1e9)/1e9, 'g', -1, 64)
	rank := "ceil((" + pct + " * n / 100.0))"
	return "MIN(CASE WHEN r = (CASE WHEN " + rank + " < 1 THEN 1 ELSE " + rank + " END) THEN x END)"
}

func rankedDiscPPM(pm string) string {
	hit := "(r * 1000000 >= " + pm + " * n AND (r = 1 OR (r - 1) * 1000000 < " + pm + " * n))"
	return "MAX(CASE WHEN " + hit + " THEN x END)"
}

// column reads one column of every row, each value with its type.
func column(t testing.TB, db *sql.DB, query string, args ...any) []string {
	t.Helper()
	rows, err := db.Query(query, args...)
	if err != nil {
		t.Fatalf("%v\n%s", err, query)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var g, v any
		if err := rows.Scan(&g, &v); err != nil {
			t.Fatal(err)
		}
		if f, ok := v.(float64); ok {
			out = append(out, fmt.Sprintf("%v:%T:%x", g, v, math.Float64bits(f)))
		} else {
			out = append(out, fmt.Sprintf("%v:%T:%v", g, v, v))
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// same checks that the aggregate, the window form and the ranked SQL
// agree on db's groups at the fraction p.
func same(t testing.TB, db *sql.DB, p float64) {
	t.Helper()
	ps := strconv.FormatFloat(p, 'g', -1, 64)
	pm := strconv.FormatInt(int64(math.Round(p*1e6)), 10)
	// As the compiler writes them: the aggregate with the fraction
	// bound, the table calculation with it written and x cast to REAL.
	for _, c := range []struct{ name, fn, ranked string }{
		{"cont", "sg_percentile_cont(x, ?1)", rankedCont("x", "?1")},
		{"cont literal", "sg_percentile_cont(CAST(x AS REAL), " + ps + ")", rankedCont("CAST(x AS REAL)", ps)},
		{"disc", "sg_percentile_disc(x, ?1)", rankedDisc(p)},
		{"disc ppm", "sg_percentile_disc_ppm(x, " + pm + ")", rankedDiscPPM(pm)},
	} {
		var args []any
		if strings.Contains(c.fn, "?") {
			args = []any{p}
		}
		want := column(t, db, fmt.Sprintf(ranked, c.ranked), args...)
		got := column(t, db, "SELECT g, "+c.fn+" FROM v GROUP BY g ORDER BY g", args...)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%s at %v: aggregate\n got %v\nwant %v", c.name, p, got, want)
		}
		win := column(t, db, "SELECT DISTINCT g, "+c.fn+" OVER (PARTITION BY g) FROM v ORDER BY g", args...)
		if fmt.Sprint(win) != fmt.Sprint(want) {
			t.Fatalf("%s at %v: window\n got %v\nwant %v", c.name, p, win, want)
		}
	}
}

func TestPercentilesMatchRankedSQL(t *testing.T) {
	groups := pcttest.Groups(1)
	db := open(t, groups)
	for _, p := range pcttest.Fractions {
		same(t, db, p)
	}
}

// FuzzPercentilesMatchRankedSQL compares the functions with the ranked
// SQL on values made from the fuzzer's bytes.
func FuzzPercentilesMatchRankedSQL(f *testing.F) {
	f.Add([]byte{1, 2, 3, 200, 7}, uint32(500000))
	f.Add([]byte{0, 0, 255, 128, 9, 9, 9}, uint32(250000))
	f.Fuzz(func(t *testing.T, data []byte, ppm uint32) {
		if len(data) > 300 {
			return
		}
		var g []any
		for i := 0; i+1 < len(data); i += 2 {
			b, v := data[i], int64(int8(data[i+1]))
			switch b % 4 {
			case 0:
				g = append(g, nil)
			case 1:
				g = append(g, v)
			case 2:
				g = append(g, float64(v)/4)
			default:
				g = append(g, float64(v)*math.Pow(10, float64(int(b)%40-20)))
			}
		}
		db := open(t, [][]any{g})
		same(t, db, float64(ppm%1_000_001)/1e6)
	})
}

func TestPercentileRefusals(t *testing.T) {
	db := open(t, [][]any{{int64(1), "2", 3.0}, {int64(1), []byte{2}}})
	for _, c := range []struct{ query, want string }{
		{"SELECT sg_percentile_cont(x, 0.5) FROM v WHERE g = 0", "sg_percentile_cont: a text value among the numbers"},
		{"SELECT sg_percentile_disc(x, 0.5) FROM v WHERE g = 1", "sg_percentile_disc: a blob value among the numbers"},
		{"SELECT sg_percentile_cont(x, 1.5) FROM v", "the percentile must be a fraction between 0 and 1"},
		{"SELECT sg_percentile_cont(x, NULL) FROM v", "the percentile must be a number"},
		{"SELECT sg_percentile_disc_ppm(x, 0.5) FROM v", "a whole number of millionths"},
		{"SELECT sg_percentile_cont(x, g / 2.0) FROM v WHERE typeof(x) != 'text'", "the percentile must be the same on every row"},
	} {
		var v any
		err := db.QueryRow(c.query).Scan(&v)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want %q", c.query, err, c.want)
		}
	}
}

func TestPercentileBound(t *testing.T) {
	db := open(t, [][]any{{int64(1), int64(2), int64(3)}})
	defer sqlitepct.SetMaxValues(2)()
	var v any
	err := db.QueryRow("SELECT sg_percentile_cont(x, 0.5) FROM v").Scan(&v)
	if err == nil || !strings.Contains(err.Error(), "more than 2 values in one group") {
		t.Fatalf("err %v", err)
	}
	if err := db.QueryRow("SELECT sg_percentile_cont(x, 0.5) FROM v WHERE x < 3").Scan(&v); err != nil || v != 1.5 {
		t.Fatalf("%v %v", v, err)
	}
}

// TestPercentileSlidingWindow checks WindowInverse: a percentile over a
// moving frame equals the one computed over the frame's rows alone.
func TestPercentileSlidingWindow(t *testing.T) {
	var xs []any
	for i := range 40 {
		if i%7 == 3 {
			xs = append(xs, nil)
		} else {
			xs = append(xs, float64((i*37)%23)/2)
		}
	}
	db := open(t, [][]any{xs})
	got := column(t, db, "SELECT rowid, sg_percentile_cont(x, 0.3) OVER (ORDER BY rowid ROWS BETWEEN 3 PRECEDING AND 2 FOLLOWING) FROM v ORDER BY rowid")
	want := column(t, db, "SELECT a.rowid, (SELECT sg_percentile_cont(b.x, 0.3) FROM v b WHERE b.rowid BETWEEN a.rowid - 3 AND a.rowid + 2) FROM v a ORDER BY a.rowid")
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v\nwant %v", got, want)
	}
}
