package sqlcheck_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"github.com/sightglass/sightglass/internal/query/sqlcheck"
)

// The servers, as the environment names them (a test that needs one is
// skipped when its variable is unset):
//
//	SIGHTGLASS_TEST_POSTGRES=postgres://postgres:postgres@127.0.0.1:5432/postgres?sslmode=disable
//	SIGHTGLASS_TEST_MYSQL=root@tcp(127.0.0.1:3306)/test
const (
	envPostgres = "SIGHTGLASS_TEST_POSTGRES"
	envMySQL    = "SIGHTGLASS_TEST_MYSQL"
)

// fixture creates the tables the corpus reads.
var fixture = []string{
	"DROP TABLE IF EXISTS sc_sales",
	"DROP TABLE IF EXISTS sc_regions",
	"CREATE TABLE sc_sales (region VARCHAR(20), amount NUMERIC(10,2), qty INTEGER, sold_at DATE)",
	"CREATE TABLE sc_regions (name VARCHAR(20), manager VARCHAR(20))",
	"INSERT INTO sc_sales VALUES ('north', 120.5, 2, '2024-01-15'), ('south', 80, 1, '2024-02-01'), ('north', 10, 3, '2024-03-10')",
	"INSERT INTO sc_regions VALUES ('north', 'ann'), ('south', 'bo')",
}

func checkRefused(t *testing.T, dialect string, attacks map[string]string, check func(string) (string, error)) {
	t.Helper()
	for q, want := range attacks {
		got, err := check(q)
		var p *sqlcheck.Problem
		if !errors.As(err, &p) {
			t.Errorf("%s: %q accepted as %q (err %v); want a problem mentioning %q", dialect, q, got, err, want)
			continue
		}
		if !strings.Contains(strings.ToLower(p.Error()), strings.ToLower(want)) {
			t.Errorf("%s: %q refused with %q; want it to mention %q", dialect, q, p.Error(), want)
		}
	}
}

func TestPostgresRefusesAttacks(t *testing.T) {
	checkRefused(t, "postgres", pgAttacks, sqlcheck.Postgres)
}

func TestMySQLRefusesAttacks(t *testing.T) {
	checkRefused(t, "mysql", mysqlAttacks, sqlcheck.MySQL)
}

func TestProblemNamesPosition(t *testing.T) {
	_, err := sqlcheck.Postgres(`SELECT 1, "pg_read_file"('/etc/hostname')`)
	if err == nil || err.Error() != `calls the function pg_read_file, which custom SQL may not call: a read-only query may call only side-effect-free functions (aggregates, math, string, date and time, conditional, casts, JSON) (at character 11)` {
		t.Errorf("problem %v", err)
	}
	_, err = sqlcheck.Postgres("SELECT 1 FROM")
	if err == nil || err.Error() != `is not valid PostgreSQL: syntax error at end of input (at character 14)` {
		t.Errorf("problem %v", err)
	}
}

// TestPostgresAccepts checks the corpus at the parser and runs it at the
// local PostgreSQL.
func TestPostgresAccepts(t *testing.T) {
	var db *sql.DB
	if dsn := os.Getenv(envPostgres); dsn != "" {
		var err error
		if db, err = sql.Open("pgx", dsn); err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		setup(t, db)
	}
	runAccepted(t, db, pgAccepted, sqlcheck.Postgres)
}

func TestMySQLAccepts(t *testing.T) {
	var db *sql.DB
	if dsn := os.Getenv(envMySQL); dsn != "" {
		var err error
		if db, err = sql.Open("mysql", dsn); err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		setup(t, db)
	}
	runAccepted(t, db, mysqlAccepted, sqlcheck.MySQL)
}

func setup(t *testing.T, db *sql.DB) {
	t.Helper()
	for _, s := range fixture {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	t.Cleanup(func() {
		db.Exec("DROP TABLE IF EXISTS sc_sales")
		db.Exec("DROP TABLE IF EXISTS sc_regions")
	})
}

// runAccepted checks that every query passes and, with db, that what the
// check returns runs inside a derived table, as datasets use it.
func runAccepted(t *testing.T, db *sql.DB, queries []string, check func(string) (string, error)) {
	t.Helper()
	for _, q := range queries {
		stmt, err := check(q)
		if err != nil {
			t.Errorf("%q refused: %v", q, err)
			continue
		}
		if db == nil {
			continue
		}
		rows, err := db.Query("SELECT * FROM (" + stmt + "\n) AS t")
		if err != nil {
			t.Errorf("%q (as %q) does not run: %v", q, stmt, err)
			continue
		}
		for rows.Next() {
		}
		if err := rows.Err(); err != nil {
			t.Errorf("%q: %v", q, err)
		}
		rows.Close()
	}
	if db == nil {
		t.Log("not run at a server: its environment variable is unset")
	}
}

// sqliteFile makes a SQLite file with the fixture and returns a read-only
// connection to it, as data sources open one.
func sqliteFile(t testing.TB) *sql.Conn {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sales.sqlite")
	rw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range fixture {
		if _, err := rw.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	rw.Close()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

func sqliteCheck(conn *sql.Conn) func(string) (string, error) {
	return func(q string) (string, error) {
		var stmt string
		var cerr error
		if err := conn.Raw(func(dc any) error {
			stmt, cerr = sqlcheck.SQLite(context.Background(), dc, q)
			return nil
		}); err != nil {
			return "", err
		}
		return stmt, cerr
	}
}

func TestSQLiteRefusesAttacks(t *testing.T) {
	checkRefused(t, "sqlite", sqliteAttacks, sqliteCheck(sqliteFile(t)))
}

// TestSQLiteAccepts checks the corpus with SQLite and runs it there, under
// the authorizer data-source connections carry.
func TestSQLiteAccepts(t *testing.T) {
	conn := sqliteFile(t)
	check := sqliteCheck(conn)
	for _, q := range sqliteAccepted {
		stmt, err := check(q)
		if err != nil {
			t.Errorf("%q refused: %v", q, err)
			continue
		}
		rows, err := conn.QueryContext(context.Background(), "SELECT * FROM ("+stmt+"\n) AS t")
		if err != nil {
			t.Errorf("%q (as %q) does not run: %v", q, stmt, err)
			continue
		}
		for rows.Next() {
		}
		if err := rows.Err(); err != nil {
			t.Errorf("%q: %v", q, err)
		}
		rows.Close()
	}
	// The authorizer stays on the connection: a pragma function is denied
	// when run, not only when checked.
	if _, err := conn.QueryContext(context.Background(), "SELECT file FROM pragma_database_list"); err == nil || !strings.Contains(err.Error(), "prohibited") {
		t.Errorf("pragma_database_list after a check: %v, want it prohibited", err)
	}
}
