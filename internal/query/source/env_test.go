package source_test

import (
	"database/sql"
	"net/url"
	"os"
	"strconv"
	"testing"

	"github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/sightglass/sightglass/internal/query/source"
)

// The servers the tests use, as the environment names them:
//
//	SIGHTGLASS_TEST_POSTGRES=postgres://postgres:postgres@127.0.0.1:5432/postgres?sslmode=disable
//	SIGHTGLASS_TEST_MYSQL=root@tcp(127.0.0.1:3306)/test
//
// A test that needs a server is skipped when its variable is unset.
const (
	envPostgres = "SIGHTGLASS_TEST_POSTGRES"
	envMySQL    = "SIGHTGLASS_TEST_MYSQL"
)

// engine is one database a test runs against: the source parameters and a
// writable handle for setting up fixtures.
type engine struct {
	name   string
	params source.Params
	admin  *sql.DB
}

func postgresEngine(t testing.TB) engine {
	t.Helper()
	dsn := os.Getenv(envPostgres)
	if dsn == "" {
		t.Skip(envPostgres + " is not set")
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("%s: %v", envPostgres, err)
	}
	port, _ := strconv.Atoi(u.Port())
	pw, _ := u.User.Password()
	p := source.Params{Type: source.TypePostgreSQL, Host: u.Hostname(), Port: port, Database: u.Path[1:], User: u.User.Username(), Password: pw}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	return engine{name: "postgres", params: p, admin: admin}
}

func mysqlEngine(t testing.TB) engine {
	t.Helper()
	dsn := os.Getenv(envMySQL)
	if dsn == "" {
		t.Skip(envMySQL + " is not set")
	}
	cfg, err := mysql.ParseDSN(dsn)
	if err != nil {
		t.Fatalf("%s: %v", envMySQL, err)
	}
	host, portText, _ := splitHostPort(cfg.Addr)
	port, _ := strconv.Atoi(portText)
	p := source.Params{Type: source.TypeMariaDB, Host: host, Port: port, Database: cfg.DBName, User: cfg.User, Password: cfg.Passwd}
	cfg.ParseTime = true
	admin, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	return engine{name: "mariadb", params: p, admin: admin}
}

// sqliteEngine is a new SQLite file in a temporary directory.
func sqliteEngine(t testing.TB) engine {
	t.Helper()
	dir := t.TempDir()
	path := dir + "/data.sqlite"
	admin, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	if _, err := admin.Exec("CREATE TABLE IF NOT EXISTS sightglass_probe (x INTEGER)"); err != nil {
		t.Fatal(err)
	}
	return engine{name: "sqlite", params: source.Params{Type: source.TypeSQLite, SQLiteDir: dir, SQLitePath: "data.sqlite"}, admin: admin}
}

func splitHostPort(addr string) (string, string, error) {
	for i := len(addr) - 1; i >= 0; i-- {
		if addr[i] == ':' {
			return addr[:i], addr[i+1:], nil
		}
	}
	return addr, "", nil
}

// forEachEngine runs fn in a subtest per engine; engines whose server is
// not configured are skipped.
func forEachEngine(t *testing.T, fn func(t *testing.T, e engine)) {
	for _, mk := range []struct {
		name string
		make func(testing.TB) engine
	}{{"sqlite", sqliteEngine}, {"postgres", postgresEngine}, {"mariadb", mysqlEngine}} {
		t.Run(mk.name, func(t *testing.T) { fn(t, mk.make(t)) })
	}
}
