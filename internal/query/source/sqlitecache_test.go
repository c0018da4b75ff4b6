package source_test

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
	_ "modernc.org/sqlite"

	"github.com/sightglass/sightglass/internal/query/source"
)

// A read-only SQLite connection's page cache is 16 MiB, the memory its
// sorter uses before spilling to temporary files (sqlite.go): a GROUP BY
// over a 100k-row table sorts in memory. The pool's connections carry an
// authorizer that refuses pragmas, so the setting is read through a plain
// connection opened with the same DSN.
func TestReadOnlyDSNCacheSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.sqlite")
	w, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec("CREATE TABLE t (a INTEGER)"); err != nil {
		t.Fatal(err)
	}
	w.Close()
	db, err := sql.Open("sqlite", source.ReadOnlyDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var size, queryOnly int
	if err := db.QueryRow("PRAGMA cache_size").Scan(&size); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow("PRAGMA query_only").Scan(&queryOnly); err != nil {
		t.Fatal(err)
	}
	if size != -16384 || queryOnly != 1 {
		t.Fatalf("cache_size %d, query_only %d; want -16384 (16 MiB) and 1", size, queryOnly)
	}
}

// The C build's connections (sqlitecgo.go) have the same cache and are as
// read-only: a write fails even where no authorizer stands in its way.
func TestCgoDSNReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.sqlite")
	w, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec("CREATE TABLE t (a INTEGER)"); err != nil {
		t.Fatal(err)
	}
	w.Close()
	db, err := sql.Open("sqlite3", source.CgoDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var size, queryOnly int
	if err := db.QueryRow("PRAGMA cache_size").Scan(&size); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow("PRAGMA query_only").Scan(&queryOnly); err != nil {
		t.Fatal(err)
	}
	if size != -16384 || queryOnly != 1 {
		t.Fatalf("cache_size %d, query_only %d; want -16384 (16 MiB) and 1", size, queryOnly)
	}
	if _, err := db.Exec("PRAGMA query_only = 0"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("INSERT INTO t VALUES (1)"); err == nil || !strings.Contains(err.Error(), "readonly") {
		t.Fatalf("a write through the C build's read-only connection: %v", err)
	}
}
