package spice_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/sightglass/sightglass/internal/query/source"
	"github.com/sightglass/sightglass/internal/query/spice"
)

// The servers, as in package source's tests:
//
//	SIGHTGLASS_TEST_POSTGRES=postgres://postgres:postgres@127.0.0.1:5432/postgres?sslmode=disable
//	SIGHTGLASS_TEST_MYSQL=root@tcp(127.0.0.1:3306)/test
type engine struct {
	name   string
	params source.Params
	admin  *sql.DB
}

func postgresEngine(t testing.TB) engine {
	t.Helper()
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	port, _ := strconv.Atoi(u.Port())
	pw, _ := u.User.Password()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	return engine{"postgres", source.Params{Type: source.TypePostgreSQL, Host: u.Hostname(), Port: port, Database: strings.TrimPrefix(u.Path, "/"), User: u.User.Username(), Password: pw}, admin}
}

func mysqlEngine(t testing.TB) engine {
	t.Helper()
	dsn := os.Getenv("SIGHTGLASS_TEST_MYSQL")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_MYSQL is not set")
	}
	cfg, err := mysql.ParseDSN(dsn)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.LastIndexByte(cfg.Addr, ':')
	port, _ := strconv.Atoi(cfg.Addr[i+1:])
	p := source.Params{Type: source.TypeMariaDB, Host: cfg.Addr[:i], Port: port, Database: cfg.DBName, User: cfg.User, Password: cfg.Passwd}
	admin, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	return engine{"mariadb", p, admin}
}

func sqliteEngine(t testing.TB) engine {
	t.Helper()
	path := filepath.Join(t.TempDir(), "source.duckdb")
	admin, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	if _, err := admin.Exec("PRAGMA user_version = 1"); err != nil { // creates the file
		t.Fatal(err)
	}
	return engine{"sqlite", source.Params{Type: source.TypeSQLite, SQLitePath: path}, admin}
}

func forEachEngine(t *testing.T, fn func(t *testing.T, e engine)) {
	for _, mk := range []struct {
		name string
		make func(testing.TB) engine
	}{{"sqlite", sqliteEngine}, {"postgres", postgresEngine}, {"mariadb", mysqlEngine}} {
		t.Run(mk.name, func(t *testing.T) { fn(t, mk.make(t)) })
	}
}

const fixtureRows = 2500

var ddl = map[string]string{
	"sqlite":   "CREATE TABLE sg_ingest (id INTEGER, name TEXT, amount DECIMAL(10,2), ratio REAL, day DATE, at TIMESTAMP, flag BOOLEAN, note TEXT)",
	"postgres": "CREATE TABLE sg_ingest (id INTEGER, name TEXT, amount NUMERIC(10,2), ratio DOUBLE PRECISION, day DATE, at TIMESTAMP, flag BOOLEAN, note TEXT)",
	"mariadb":  "CREATE TABLE sg_ingest (id INTEGER, name VARCHAR(80), amount DECIMAL(10,2), ratio DOUBLE, day DATE, at DATETIME, flag BOOLEAN, note TEXT)",
}

var day0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// fixtureRow is row i as inserted, and as an ingested file returns it.
func fixtureRow(i int) (in, out []any) {
	name := fmt.Sprintf("name-%04d", i)
	if i == 7 {
		name = `O'Brien "ü" ☃ ; DROP TABLE data`
	}
	day := day0.AddDate(0, 0, i%365)
	at := day0.Add(time.Duration(i) * 37 * time.Second)
	var note any = fmt.Sprintf("note %d", i)
	if i%10 == 0 {
		note = nil
	}
	flag := i%3 == 0
	in = []any{i, name, fmt.Sprintf("%.2f", float64(i)*1.25-100), float64(i) / 8, day.Format(time.DateOnly), at.Format(time.DateTime), flag, note}
	out = []any{int64(i), name, float64(i)*1.25 - 100, float64(i) / 8, day, at, flag, note}
	return in, out
}

func fixture(t *testing.T, e engine) {
	t.Helper()
	e.admin.Exec("DROP TABLE IF EXISTS sg_ingest")
	t.Cleanup(func() { e.admin.Exec("DROP TABLE IF EXISTS sg_ingest") })
	if _, err := e.admin.Exec(ddl[e.name]); err != nil {
		t.Fatal(err)
	}
	ph := "?, ?, ?, ?, ?, ?, ?, ?"
	if e.name == "postgres" {
		ph = "$1, $2, $3, $4, $5, $6, $7, $8"
	}
	tx, err := e.admin.Begin()
	if err != nil {
		t.Fatal(err)
	}
	stmt, err := tx.Prepare("INSERT INTO sg_ingest VALUES (" + ph + ")")
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= fixtureRows; i++ {
		in, _ := fixtureRow(i)
		if _, err := stmt.Exec(in...); err != nil {
			t.Fatal(err)
		}
	}
	stmt.Close()
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

var datasetColumns = []spice.Column{
	{"id", "INTEGER"}, {"name", "STRING"}, {"amount", "DECIMAL"}, {"ratio", "DECIMAL"},
	{"day", "DATETIME"}, {"at", "DATETIME"}, {"flag", "BOOLEAN"}, {"note", "STRING"},
}

func TestIngestRoundTrip(t *testing.T) {
	ctx := context.Background()
	forEachEngine(t, func(t *testing.T, e engine) {
		fixture(t, e)
		pool := source.NewPool(source.Options{MaxRows: -1})
		defer pool.Close()
		dest := filepath.Join(t.TempDir(), "spice", "ds1", "ing1.duckdb")
		st, err := spice.Ingest(ctx, pool, "src", e.params, "SELECT id, name, amount, ratio, day, at, flag, note FROM sg_ingest ORDER BY id", nil, datasetColumns, dest)
		if err != nil {
			t.Fatal(err)
		}
		if n := st.Rows; n != fixtureRows || st.Dropped != 0 {
			t.Fatalf("Ingest wrote %d rows, want %d", n, fixtureRows)
		}
		res, err := pool.Query(ctx, "spice", spice.Params(dest), "SELECT * FROM data ORDER BY id", nil)
		if err != nil {
			t.Fatal(err)
		}
		wantCols := []string{"id", "name", "amount", "ratio", "day", "at", "flag", "note"}
		if !reflect.DeepEqual(res.Columns, wantCols) || len(res.Rows) != fixtureRows {
			t.Fatalf("columns %v, %d rows", res.Columns, len(res.Rows))
		}
		for i, row := range res.Rows {
			_, want := fixtureRow(i + 1)
			if !reflect.DeepEqual(row, want) {
				t.Fatalf("row %d\n got %#v\nwant %#v", i+1, row, want)
			}
		}
		// The file answers date functions and aggregates like any table.
		var janCount int64
		var janSum float64
		for i := 1; i <= fixtureRows; i++ {
			if i%365 < 31 {
				janCount++
				janSum += float64(i)*1.25 - 100
			}
		}
		res, err = pool.Query(ctx, "spice", spice.Params(dest), "SELECT strftime(day, '%Y-%m') AS m, count(*), sum(amount) FROM data GROUP BY m ORDER BY m LIMIT 1", nil)
		if err != nil || !reflect.DeepEqual(res.Rows, [][]any{{"2026-01", janCount, janSum}}) {
			t.Errorf("January: %v, %v; want 2026-01 %d %v", res, err, janCount, janSum)
		}
		// The ingested file is read-only through its source parameters.
		if _, err := pool.Query(ctx, "spice", spice.Params(dest), "DELETE FROM data", nil); err == nil {
			t.Fatal("deleted from an ingested file")
		}
		// Nothing but the file is left in the directory.
		entries, _ := os.ReadDir(filepath.Dir(dest))
		if len(entries) != 1 || entries[0].Name() != "ing1.duckdb" {
			t.Fatalf("directory holds %v", entries)
		}
	})
}

func TestIngestInfersColumns(t *testing.T) {
	e := sqliteEngine(t)
	fixture(t, e)
	pool := source.NewPool(source.Options{})
	defer pool.Close()
	dest := filepath.Join(t.TempDir(), "x.duckdb")
	st, err := spice.Ingest(context.Background(), pool, "src", e.params, "SELECT id, name, amount AS \"weird \"\"name\"\"\" FROM sg_ingest WHERE id <= 3", nil, nil, dest)
	if err != nil || st.Rows != 3 {
		t.Fatalf("Ingest: %+v, %v", st, err)
	}
	db, err := spice.Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var decl string
	if err := db.QueryRow("SELECT string_agg(column_name || ':' || data_type, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'data'").Scan(&decl); err != nil {
		t.Fatal(err)
	}
	if decl != `id:BIGINT,name:VARCHAR,weird "name":DOUBLE` {
		t.Errorf("declared %s", decl)
	}
	if _, err := db.Exec("DELETE FROM data"); err == nil {
		t.Error("Open gave a writable handle")
	}
}

func TestIngestEmptyResult(t *testing.T) {
	e := sqliteEngine(t)
	fixture(t, e)
	pool := source.NewPool(source.Options{})
	defer pool.Close()
	dest := filepath.Join(t.TempDir(), "empty.duckdb")
	st, err := spice.Ingest(context.Background(), pool, "src", e.params, "SELECT id, name FROM sg_ingest WHERE id < 0", nil, []spice.Column{{"id", "INTEGER"}, {"name", "STRING"}}, dest)
	if err != nil || st.Rows != 0 {
		t.Fatalf("Ingest: %+v, %v", st, err)
	}
	res, err := pool.Query(context.Background(), "d", spice.Params(dest), "SELECT count(*) FROM data", nil)
	if err != nil || res.Rows[0][0] != int64(0) {
		t.Fatalf("%v %v", res, err)
	}
}

func TestIngestFailuresLeaveNoFile(t *testing.T) {
	slow := map[string]string{
		"sqlite":   "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s) SELECT n FROM s",
		"postgres": "SELECT g FROM generate_series(1, 2000000000) g",
		"mariadb":  "SELECT seq FROM seq_1_to_2000000000", // MariaDB's sequence engine
	}
	forEachEngine(t, func(t *testing.T, e engine) {
		pool := source.NewPool(source.Options{QueryTimeout: 50 * time.Millisecond})
		defer pool.Close()
		dir := t.TempDir()
		dest := filepath.Join(dir, "ing.duckdb")
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(300*time.Millisecond, cancel) // longer than the pool's query limit: ingestion is not bound by it
		_, err := spice.Ingest(ctx, pool, "src", e.params, slow[e.name], nil, []spice.Column{{"n", "INTEGER"}}, dest)
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled ingestion: %v, want context.Canceled", err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Fatalf("cancelled ingestion left %v", entries)
		}
		// A failing query and a column mismatch leave nothing either.
		if _, err := spice.Ingest(context.Background(), pool, "src", e.params, "SELECT nope FROM no_such_table", nil, nil, dest); err == nil {
			t.Fatal("ingested a failing query")
		}
		if _, err := spice.Ingest(context.Background(), pool, "src", e.params, "SELECT 1, 2", nil, []spice.Column{{"a", "INTEGER"}}, dest); err == nil {
			t.Fatal("ingested 2 columns into 1")
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Fatalf("failed ingestions left %v", entries)
		}
	})
}

func TestIngestRefusesExistingDest(t *testing.T) {
	e := sqliteEngine(t)
	fixture(t, e)
	pool := source.NewPool(source.Options{})
	defer pool.Close()
	dest := filepath.Join(t.TempDir(), "x.duckdb")
	if err := os.WriteFile(dest, []byte("keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := spice.Ingest(context.Background(), pool, "src", e.params, "SELECT 1", nil, nil, dest); err == nil {
		t.Fatal("overwrote an existing file")
	}
	if b, _ := os.ReadFile(dest); string(b) != "keep" {
		t.Fatal("existing file changed")
	}
	if _, err := spice.Ingest(context.Background(), pool, "src", e.params, "SELECT 1 AS a, 2 AS A", nil, nil, filepath.Join(t.TempDir(), "y.duckdb")); err == nil {
		t.Fatal("accepted duplicate column names")
	}
}

func TestColumnType(t *testing.T) {
	for db, want := range map[string]string{
		"INT4": "INTEGER", "INT8": "INTEGER", "BIGINT": "INTEGER", "TINYINT": "INTEGER", "UNSIGNED INT": "INTEGER", "INTEGER": "INTEGER",
		"NUMERIC": "DECIMAL", "DECIMAL": "DECIMAL", "FLOAT8": "DECIMAL", "DOUBLE": "DECIMAL", "REAL": "DECIMAL", "DECIMAL(10,2)": "DECIMAL",
		"DATE": "DATETIME", "TIMESTAMP": "DATETIME", "TIMESTAMPTZ": "DATETIME", "DATETIME": "DATETIME",
		"BOOL": "BOOLEAN", "BIT": "BIT", "JSONB": "JSON", "JSON": "JSON",
		"TEXT": "STRING", "VARCHAR": "STRING", "UUID": "STRING", "": "STRING",
	} {
		if got := spice.ColumnType(db); got != want {
			t.Errorf("ColumnType(%q) = %s, want %s", db, got, want)
		}
	}
}

// Rows holding a value their column cannot hold (text that is no
// number or date) are skipped and counted, as SPICE does; the others are
// all there, converted.
func TestIngestDropsUnreadableValues(t *testing.T) {
	e := sqliteEngine(t)
	if _, err := e.admin.Exec("CREATE TABLE mixed (n TEXT, d TEXT, b TEXT)"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.admin.Exec(`INSERT INTO mixed VALUES ('1', '2026-03-01', 'true'), ('2.9', '2026-03-01T10:20:30Z', '0'),
		('x', '2026-03-01', '1'), ('3', 'soon', '1'), ('4', '2026-03-02 01:02', 'maybe'), (NULL, NULL, NULL)`); err != nil {
		t.Fatal(err)
	}
	pool := source.NewPool(source.Options{MaxRows: -1})
	defer pool.Close()
	dest := filepath.Join(t.TempDir(), "x.duckdb")
	cols := []spice.Column{{"n", "INTEGER"}, {"d", "DATETIME"}, {"b", "BOOLEAN"}}
	st, err := spice.Ingest(context.Background(), pool, "src", e.params, "SELECT n, d, b FROM mixed", nil, cols, dest)
	if err != nil || st.Rows != 3 || st.Dropped != 3 {
		t.Fatalf("Ingest: %+v, %v; want 3 rows, 3 dropped", st, err)
	}
	res, err := pool.Query(context.Background(), "d", spice.Params(dest), "SELECT n, d, b FROM data ORDER BY n NULLS FIRST", nil)
	want := [][]any{{nil, nil, nil}, {int64(1), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), true}, {int64(2), time.Date(2026, 3, 1, 10, 20, 30, 0, time.UTC), false}}
	if err != nil || !reflect.DeepEqual(res.Rows, want) {
		t.Fatalf("rows %v, %v; want %v", res, err, want)
	}
}

// Progress reports the rows written while the ingestion runs.
func TestIngestProgress(t *testing.T) {
	e := sqliteEngine(t)
	pool := source.NewPool(source.Options{})
	defer pool.Close()
	var seen []int64
	o := spice.Options{Progress: func(st spice.Stats) { seen = append(seen, st.Rows) }}
	q := "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t WHERE n < 250000) SELECT n FROM t"
	st, err := spice.IngestWith(context.Background(), pool, "src", e.params, q, nil, []spice.Column{{"n", "INTEGER"}}, filepath.Join(t.TempDir(), "p.duckdb"), o)
	if err != nil || st.Rows != 250000 {
		t.Fatalf("IngestWith: %+v, %v", st, err)
	}
	if !reflect.DeepEqual(seen, []int64{spice.ProgressRows, 2 * spice.ProgressRows}) {
		t.Fatalf("progress %v", seen)
	}
}
