package source_test

import (
	"context"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/source"
)

// pureGoQuery answers query through the pure-Go build alone, as the pool
// did before it read through the C build, with its values through
// source.Normalize.
func pureGoQuery(t *testing.T, e engine, query string, args ...any) (*source.Result, error) {
	t.Helper()
	db := source.OpenPureGo(e.params.SQLiteDir + "/" + e.params.SQLitePath)
	defer db.Close()
	rows, err := db.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cts, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	res := &source.Result{}
	for _, ct := range cts {
		res.Columns = append(res.Columns, ct.Name())
		res.Types = append(res.Types, strings.ToUpper(ct.DatabaseTypeName()))
	}
	for rows.Next() {
		raw := make([]any, len(cts))
		ptrs := make([]any, len(cts))
		for i := range raw {
			ptrs[i] = &raw[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make([]any, len(raw))
		for i, v := range raw {
			row[i] = source.Normalize(v, res.Types[i])
		}
		res.Rows = append(res.Rows, row)
	}
	return res, rows.Err()
}

// sameAsPureGo checks that the pool answers query (through the C build,
// or the pure-Go build where sqlitecgo.go sends it) exactly as the pure-Go
// build alone answers it: columns, declared types, values and their Go
// types, or an error for an error.
func sameAsPureGo(t *testing.T, e engine, query string, args ...any) {
	t.Helper()
	pool := source.NewPool(source.Options{})
	defer pool.Close()
	got, gerr := pool.Query(context.Background(), "k", e.params, query, args)
	want, werr := pureGoQuery(t, e, query, args...)
	if (gerr != nil) != (werr != nil) {
		t.Errorf("%s:\n pool err %v\n modernc err %v\n pool %#v\n modernc %#v", query, gerr, werr, got, want)
		return
	}
	if gerr != nil {
		return
	}
	if !reflect.DeepEqual(got.Columns, want.Columns) || !reflect.DeepEqual(got.Types, want.Types) || len(got.Rows) != len(want.Rows) {
		t.Errorf("%s:\n pool    %q %q %d rows\n pure-Go %q %q %d rows", query, got.Columns, got.Types, len(got.Rows), want.Columns, want.Types, len(want.Rows))
		return
	}
	n, first := 0, -1
	for i := range got.Rows {
		if !reflect.DeepEqual(got.Rows[i], want.Rows[i]) {
			n++
			if first < 0 {
				first = i
			}
		}
	}
	if n > 0 {
		t.Errorf("%s: %d of %d rows differ; first: row %d pool %#v pure-Go %#v", query, n, len(got.Rows), first, got.Rows[first], want.Rows[first])
	}
}

// A BLOB never matches LIKE or GLOB (SQLITE_LIKE_DOESNT_MATCH_BLOBS, which
// the C library's default build lacks); empty blobs, NUL bytes and invalid
// UTF-8 read alike.
func TestSQLiteBuildsBlobs(t *testing.T) {
	e := sqliteEngine(t)
	exec(t, e, "CREATE TABLE b (b BLOB, s TEXT)")
	exec(t, e, "INSERT INTO b VALUES (X'616263', 'abc'), (X'', ''), (X'00', 'a'||char(0)||'b'), (X'FF', CAST(X'FF' AS TEXT))")
	sameAsPureGo(t, e, "SELECT count(*) FROM b WHERE b LIKE 'a%'")
	sameAsPureGo(t, e, "SELECT count(*) FROM b WHERE b GLOB 'a*'")
	// Values: empty blob, NUL in text, invalid UTF-8.
	sameAsPureGo(t, e, "SELECT b, s, length(s), hex(s) FROM b")
}

// Declared types that upper-case to DATETIME or TIMESTAMP (a dotless i, a
// long s) but do not lower-case to datetime or timestamp.
func TestSQLiteBuildsDeclaredTypes(t *testing.T) {
	e := sqliteEngine(t)
	exec(t, e, "CREATE TABLE rd (a \"DATETıME\", b \"TIMEſTAMP\", c \"Date\", d \"DATE\")")
	exec(t, e, "INSERT INTO rd VALUES ('2024-01-02 03:04:05', '2024-01-02', '2024-01-02', '2024-01-02')")
	sameAsPureGo(t, e, "SELECT a, b FROM rd")
	sameAsPureGo(t, e, "SELECT c, d FROM rd")
}

// SQLite's math functions give the pure-Go build's doubles to the last bit
// (the C library's libm differs from Go's math on some: a build with the
// sqlite_math_functions tag would fail here).
func TestSQLiteBuildsMath(t *testing.T) {
	e := sqliteEngine(t)
	exec(t, e, "CREATE TABLE rm (x REAL, y REAL)")
	r := rand.New(rand.NewSource(1))
	var b strings.Builder
	b.WriteString("INSERT INTO rm VALUES ")
	for i := 0; i < 2000; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "(%v, %v)", r.Float64()*100, r.Float64()*10-5)
	}
	exec(t, e, b.String())
	for _, f := range []string{"power(x, y)", "exp(y)", "ln(x)", "log10(x)", "log2(x)", "sin(x)", "cos(x)", "tan(x)", "atan2(x, y)", "acos(y/5)", "sqrt(x)", "x * y", "round(x, 3)", "CAST(x AS TEXT)", "printf('%.15g', x*y)", "CAST(CAST(x*y AS TEXT) AS REAL)"} {
		q := "SELECT " + f + " FROM rm ORDER BY rowid"
		sameAsPureGo(t, e, q)
	}
}

// A file with an FTS5 table (a module the C library's build lacks): the
// authorizer refuses reading it through either.
func TestSQLiteBuildsFTS5(t *testing.T) {
	e := sqliteEngine(t)
	exec(t, e, "CREATE VIRTUAL TABLE rf USING fts5(a)")
	exec(t, e, "INSERT INTO rf VALUES ('hello world')")
	sameAsPureGo(t, e, "SELECT a FROM rf")
}

// Integers at their bounds, doubles, declared DECIMAL, BOOL, TIME and JSON
// columns, odd column names and bound arguments read alike.
func TestSQLiteBuildsValues(t *testing.T) {
	e := sqliteEngine(t)
	exec(t, e, "CREATE TABLE rx (i INTEGER, n NUMERIC, d DECIMAL(10,2), v VARCHAR(5), bo BOOL, t TIME, j JSON)")
	exec(t, e, "INSERT INTO rx VALUES (9223372036854775807, 1e300, '12.50', 'x', 1, '10:00:00', '{\"a\":1}'), (-9223372036854775808, 3, 'abc', NULL, 'true', 5, NULL), (NULL, NULL, NULL, NULL, NULL, NULL, NULL)")
	sameAsPureGo(t, e, "SELECT * FROM rx ORDER BY rowid")
	sameAsPureGo(t, e, "SELECT sum(i) FROM rx")
	sameAsPureGo(t, e, "SELECT avg(i), total(i), max(d), min(bo) FROM rx")
	sameAsPureGo(t, e, "SELECT i AS \"naïve\", i AS \"\", 1 AS x, 2 AS x FROM rx ORDER BY rowid")
	sameAsPureGo(t, e, "SELECT ?1, ?2, ?3, ?4", int64(1), "a\x00b", 2.5, true)
	sameAsPureGo(t, e, "SELECT 'a\x00b'")
}

// The SQLite dialect's StoredDatetime (dialect/sqlite.go) tests every
// stored datetime with LIKE; a datetime stored as a BLOB takes the other
// branch in each build, and a BLOB compares above any text.
func TestSQLiteBuildsStoredDatetimeBlob(t *testing.T) {
	e := sqliteEngine(t)
	exec(t, e, "CREATE TABLE rs (x)")
	exec(t, e, "INSERT INTO rs VALUES (CAST('2024-01-02 03:04:05' AS BLOB))")
	sd := "(CASE WHEN x LIKE '____-__-__ __:__:__' THEN x ELSE datetime(x, 'auto') END)"
	sameAsPureGo(t, e, "SELECT count(*) FROM rs WHERE "+sd+" < ?", "2025-01-01 00:00:00")
	sameAsPureGo(t, e, "SELECT typeof("+sd+") FROM rs")
}

// A statement followed by a comment after its semicolon.
func TestSQLiteBuildsTrailingComment(t *testing.T) {
	e := sqliteEngine(t)
	sameAsPureGo(t, e, "SELECT 1 AS one; -- done")
	sameAsPureGo(t, e, "SELECT 1 AS one; /* done */")
	sameAsPureGo(t, e, "SELECT 1 AS one;   ")
}

// The percentile functions and the exact math functions, which package
// sqlitec gives the C build, answer as the pure-Go build's.
func TestSQLiteBuildsPercentilesAndRounding(t *testing.T) {
	e := sqliteEngine(t)
	exec(t, e, "CREATE TABLE rp (g TEXT, x REAL, i INTEGER)")
	r := rand.New(rand.NewSource(2))
	var b strings.Builder
	b.WriteString("INSERT INTO rp VALUES ")
	for k := 0; k < 3000; k++ {
		if k > 0 {
			b.WriteString(",")
		}
		x := "NULL"
		if k%11 != 0 {
			x = fmt.Sprint(r.NormFloat64() * 1000)
		}
		fmt.Fprintf(&b, "('%c', %s, %d)", 'a'+rune(r.Intn(4)), x, r.Intn(200)-100)
	}
	exec(t, e, b.String())
	sameAsPureGo(t, e, "SELECT g, MIN(x), sg_percentile_cont(x, ?), sg_percentile_cont(x, ?), sg_percentile_cont(x, ?), MAX(x), sg_percentile_disc(i, ?) FROM rp GROUP BY g ORDER BY g", 0.25, 0.5, 0.75, 0.9)
	sameAsPureGo(t, e, "SELECT g, sg_percentile_disc_ppm(x, 333333) OVER (PARTITION BY g), sg_percentile_cont(i, 0.5) OVER (ORDER BY rowid ROWS BETWEEN 10 PRECEDING AND CURRENT ROW) FROM rp ORDER BY rowid")
	sameAsPureGo(t, e, "SELECT CAST(floor((CAST((x - ?) AS REAL) / NULLIF(?, 0))) AS INTEGER) AS b, COUNT(x) FROM rp GROUP BY b ORDER BY b", -3000.0, 250.0)
	sameAsPureGo(t, e, "SELECT ceil(x), ceiling(i / 7.0), trunc(x), sqrt(x), floor(g) FROM rp ORDER BY rowid")
	sameAsPureGo(t, e, "SELECT sg_percentile_cont(g, 0.5) FROM rp")
	sameAsPureGo(t, e, "SELECT sg_percentile_cont(x, 2) FROM rp")
}
