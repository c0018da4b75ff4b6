package source

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// Under make (CGO_CFLAGS with SQLITE_LIKE_DOESNT_MATCH_BLOBS) the C build
// is used; without the flag it must not be.
func TestCgoUsable(t *testing.T) {
	want := strings.Contains(os.Getenv("CGO_CFLAGS"), "-DSQLITE_LIKE_DOESNT_MATCH_BLOBS")
	if got := cgoUsable(); got != want {
		t.Fatalf("C build usable %v, built with the flag %v", got, want)
	}
}

// The errors of a data source whose file cannot be read: the C build's
// against the pure-Go build's, through sqliteFailure.
func TestSQLiteBuildsOpenErrors(t *testing.T) {
	dir := t.TempDir()
	notdb := filepath.Join(dir, "notdb.sqlite")
	os.WriteFile(notdb, []byte("this is not a SQLite database file, just some text that is long enough to have a header of 100 bytes..........................."), 0o644)
	missing := filepath.Join(dir, "missing.sqlite")
	for _, path := range []string{notdb, missing} {
		p := Params{Type: TypeSQLite, SQLitePath: filepath.Base(path)}
		_, cerr := openSQLiteConn(path)
		pc, perr := sqliteDriver.Open(ReadOnlyDSN(path))
		if pc != nil {
			pc.Close()
		}
		ct, cm, _ := sqliteFailure(p, cerr)
		pt, pm, _ := sqliteFailure(p, perr)
		if ct != pt || cm != pm {
			t.Errorf("%s: cgo %s %q, pure-Go %s %q", path, ct, cm, pt, pm)
		}
	}
}

// Through the pool: a data source pointing at a file that is not a database.
func TestSQLiteNotADatabase(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x.sqlite"), []byte("not a database, not a database, not a database, not a database, not a database, not a database, not a database"), 0o644)
	p := Params{Type: TypeSQLite, SQLiteDir: dir, SQLitePath: "x.sqlite"}
	pool := NewPool(Options{})
	defer pool.Close()
	_, err := pool.Query(context.Background(), "k", p, "SELECT 1", nil)
	qe, ok := err.(*QueryError)
	if !ok || qe.Type != ErrGenericSQLFailure || qe.Message != `"x.sqlite" is not a SQLite database.` {
		t.Errorf("got %#v", err)
	}
}

// Statement errors read as the pure-Go build's (with the authorizer,
// through statementFailure).
func TestSQLiteBuildsStatementErrors(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.sqlite")
	w, err := sqliteDriver.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	{
		db, _ := sql.Open("sqlite", path)
		db.Exec("CREATE TABLE t (a INTEGER, j TEXT)")
		db.Exec("INSERT INTO t VALUES (9223372036854775807, '{'), (1, 'x')")
		db.Close()
	}
	p := Params{Type: TypeSQLite, SQLiteDir: dir, SQLitePath: "d.sqlite"}
	pool := NewPool(Options{})
	defer pool.Close()
	pc, err := sqliteDriver.Open(ReadOnlyDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	for _, q := range []string{
		"SELECT nope FROM t",
		"SELECT * FROM nope",
		"SELEC 1",
		"SELECT sum(a) FROM t",
		"SELECT json_extract(j, '$.a') FROM t",
		"SELECT load_extension('x')",
		"SELECT * FROM pragma_table_info('t')",
		"SELECT nosuchfn(a) FROM t",
		"SELECT floor(a) OVER () FROM t",
		"SELECT sg_percentile_cont(j, 0.5) FROM t",
		"SELECT abs(-9223372036854775808)",
		"SELECT a FROM t WHERE a = ?2",
		"SELECT zeroblob(2000000000)",
		"SELECT printf('%.*c', 2000000000, 'x')",
	} {
		_, gerr := pool.Query(context.Background(), "k", p, q, nil)
		var old error
		rows, err := pc.(driver.QueryerContext).QueryContext(context.Background(), q, nil)
		if err == nil {
			dest := make([]driver.Value, len(rows.Columns()))
			for err == nil {
				err = rows.Next(dest)
			}
			rows.Close()
			if err != io.EOF {
				old = err
			}
		} else {
			old = err
		}
		var want error
		if old != nil {
			typ, msg := statementFailure(p, old)
			want = &QueryError{Type: typ, Message: msg}
		}
		if fmt.Sprint(gerr) != fmt.Sprint(want) {
			t.Errorf("%s:\n pool %v\n old  %v", q, gerr, want)
		}
	}
}

// The sheet's percentile and histogram questions run on the C build
// (package sqlitec gives it those functions): the pure-Go build's
// connection is never opened for them.
func TestSQLiteCgoRunsPercentilesAndFloor(t *testing.T) {
	if !cgoUsable() {
		t.Skip("the C build is not usable in this binary")
	}
	path := filepath.Join(t.TempDir(), "d.sqlite")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"CREATE TABLE t (g TEXT, x REAL)", "INSERT INTO t VALUES ('a', 1.5), ('a', 2), ('b', 7), ('b', NULL)"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	conn, err := openSQLiteConn(path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	c := conn.(*sqliteConn)
	for _, q := range []string{
		"SELECT g, sg_percentile_cont(x, 0.5), sg_percentile_disc(x, 0.25) FROM t GROUP BY g",
		"SELECT g, sg_percentile_disc_ppm(x, 500000) OVER (PARTITION BY g) FROM t",
		"SELECT CAST(floor(x / 2) AS INTEGER), ceil(x), trunc(x), sqrt(x), COUNT(*) FROM t GROUP BY 1",
	} {
		rows, err := c.QueryContext(context.Background(), q, nil)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		dest := make([]driver.Value, len(rows.Columns()))
		for err == nil {
			err = rows.Next(dest)
		}
		rows.Close()
		if err != io.EOF {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if c.pureGo != nil {
		t.Fatal("a question went to the pure-Go build")
	}
}
