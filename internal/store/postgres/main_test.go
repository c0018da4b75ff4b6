package postgres_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/sightglass/sightglass/internal/store/postgres"
)

// envDSN names the PostgreSQL server the tests may create databases on.
const envDSN = "SIGHTGLASS_TEST_POSTGRES"

// The test instance, after the exposure-notifications pattern: TestMain
// migrates a template database once; each test clones it (CREATE DATABASE
// … TEMPLATE, which is fast) and drops its clone when it ends.
var db struct {
	sync.Mutex           // CREATE DATABASE needs the template idle: one clone at a time
	dsn        string    // from envDSN; "" skips the tests
	admin      *pgx.Conn // on dsn's database; guarded by the mutex
	template   string    // migrated template database
	collation  string    // the template's default collation, for the log
}

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	db.dsn = os.Getenv(envDSN)
	if db.dsn == "" {
		return m.Run() // the database tests skip, saying why
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var err error
	if db.admin, err = pgx.Connect(ctx, db.dsn); err != nil {
		fmt.Fprintf(os.Stderr, "%s is set but the server does not answer: %v\n", envDSN, err)
		return 1
	}
	defer db.admin.Close(context.Background())

	db.template = "sightglass_template_" + strings.ToLower(rand.Text()[:10])
	// A template whose default collation is not byte order (ICU en-US
	// sorts "alice" before "Zed"), so that the suite proves the key
	// columns' COLLATE "C". Servers built without ICU get the default.
	if _, err := db.admin.Exec(ctx, `CREATE DATABASE `+ident(db.template)+
		` TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'`); err == nil {
		db.collation = "ICU en-US"
	} else if _, err := db.admin.Exec(ctx, `CREATE DATABASE `+ident(db.template)+` TEMPLATE template0 ENCODING 'UTF8'`); err != nil {
		fmt.Fprintf(os.Stderr, "create template database: %v\n", err)
		return 1
	} else {
		db.collation = "server default"
	}
	defer dropDatabase(db.template)
	s, err := postgres.Open(ctx, withDatabase(db.dsn, db.template))
	if err != nil {
		fmt.Fprintf(os.Stderr, "migrate template database: %v\n", err)
		return 1
	}
	s.Close() // the template must have no connections when it is cloned
	return m.Run()
}

// newDatabase returns the DSN of a new database cloned from the migrated
// template, dropped when t ends. It skips t when envDSN is not set.
func newDatabase(t testing.TB) string {
	return clone(t, db.template)
}

// newEmptyDatabase is newDatabase without the schema.
func newEmptyDatabase(t testing.TB) string {
	return clone(t, "template0")
}

func clone(t testing.TB, template string) string {
	t.Helper()
	if db.dsn == "" {
		t.Skipf("%s is not set; set it to a PostgreSQL DSN whose user may create databases, e.g. postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", envDSN)
	}
	name := "sightglass_test_" + strings.ToLower(rand.Text()[:12])
	db.Lock()
	_, err := db.admin.Exec(context.Background(), `CREATE DATABASE `+ident(name)+` TEMPLATE `+ident(template))
	db.Unlock()
	if err != nil {
		t.Fatalf("clone %s: %v", template, err)
	}
	t.Cleanup(func() { dropDatabase(name) })
	return withDatabase(db.dsn, name)
}

func dropDatabase(name string) {
	db.Lock()
	defer db.Unlock()
	if _, err := db.admin.Exec(context.Background(), `DROP DATABASE IF EXISTS `+ident(name)+` WITH (FORCE)`); err != nil {
		fmt.Fprintf(os.Stderr, "drop database %s: %v\n", name, err)
	}
}

// withDatabase returns dsn (URL or keyword/value form) naming database name.
func withDatabase(dsn, name string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err == nil {
			u.Path = "/" + name
			return u.String()
		}
	}
	return dsn + " dbname=" + name // the last setting wins
}

func ident(name string) string { return pgx.Identifier{name}.Sanitize() }
