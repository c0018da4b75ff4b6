package dataset

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/sqlcheck"
)

func customSQLTables(t testing.TB, query string) *Tables {
	t.Helper()
	phys := `{"p": {"CustomSql": {"DataSourceArn": "` + arn + `", "Name": "q", "SqlQuery": ` + jsonQuote(query) + `, "Columns": [{"Name": "a", "Type": "STRING"}]}}}`
	tables, err := Parse(json.RawMessage(phys), nil)
	if err != nil {
		t.Fatalf("Parse(%q): %v", query, err)
	}
	return tables
}

func jsonQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestCheckCustomSQL checks that a refusal is the modeled EINVALID error
// naming the member, the problem and its position.
func TestCheckCustomSQL(t *testing.T) {
	cases := []struct {
		check CustomSQLCheck
		query string
		want  string
	}{
		{sqlcheck.Postgres, `SELECT "pg_read_file"('/etc/hostname')`,
			"PhysicalTableMap.p.CustomSql.SqlQuery calls the function pg_read_file, which custom SQL may not call: a read-only query may call only side-effect-free functions (aggregates, math, string, date and time, conditional, casts, JSON) (at character 8)"},
		{sqlcheck.Postgres, "DELETE FROM t",
			"PhysicalTableMap.p.CustomSql.SqlQuery must be a single SELECT statement (or WITH … SELECT, VALUES, TABLE), not DELETE (at character 1)"},
		{sqlcheck.MySQL, "SELECT 1 /*M! , load_file('/etc/hostname') */",
			`PhysicalTableMap.p.CustomSql.SqlQuery contains "/*M!": comments that the server runs as code or reads as hints are not allowed (at character 10)`},
		{sqlcheck.SQLiteSplit, "SELECT 1; PRAGMA database_list",
			"PhysicalTableMap.p.CustomSql.SqlQuery must be a single statement: a ';' separates statements (at character 9)"},
	}
	for _, c := range cases {
		err := customSQLTables(t, c.query).CheckCustomSQL(c.check)
		e, ok := errors.AsType[*sg.Error](err)
		if !ok || e.Code != sg.EINVALID || e.Message != c.want {
			t.Errorf("CheckCustomSQL(%q):\n got %v\nwant %s", c.query, err, c.want)
		}
	}
	tables := customSQLTables(t, "SELECT a FROM t; -- done")
	if err := tables.CheckCustomSQL(sqlcheck.Postgres); err != nil {
		t.Fatal(err)
	}
	if got := tables.Physical["p"].query; got != "SELECT a FROM t" {
		t.Errorf("checked query %q", got)
	}
}

// fuzzSQLite is a SQLite file with a table t, for checking custom SQL
// with SQLite itself.
func fuzzSQLite(t testing.TB) *sql.Conn {
	path := filepath.Join(t.TempDir(), "f.sqlite")
	rw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rw.Exec("CREATE TABLE t (a TEXT, b INTEGER)"); err != nil {
		t.Fatal(err)
	}
	rw.Close()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

func sqliteOn(conn *sql.Conn) CustomSQLCheck {
	return func(q string) (string, error) {
		var stmt string
		var cerr error
		err := conn.Raw(func(dc any) error {
			stmt, cerr = sqlcheck.SQLite(context.Background(), dc, q)
			return nil
		})
		if err != nil {
			return "", err
		}
		return stmt, cerr
	}
}

// FuzzCustomSQL runs the three dialects' checks on any text: none may
// panic or fail other than with a Problem, and a statement one accepts
// is accepted again, unchanged, when checked a second time (it has no
// separator or trailing text that the check dropped).
func FuzzCustomSQL(f *testing.F) {
	for _, s := range []string{"SELECT * FROM t", "SELECT 'a;b' FROM t;", "WITH x AS (SELECT 1) SELECT * FROM x", "SELECT 1; DROP TABLE t",
		"SELECT $tag$ ; $tag$", "SELECT 'a\\'; x'", "SELECT /* c */ 1", "SELECT `a``b`", "SELECT \"a\"\"b\"",
		`SELECT "pg_read_file"('/etc/hostname')`, "SELECT 1 /*M! , load_file('x') */", "SELECT file FROM pragma_database_list",
		"SELECT a, count(*) OVER (PARTITION BY b) FROM t -- c", "VALUES (1)", "SELECT [a] FROM t"} {
		f.Add(s)
	}
	conn := fuzzSQLite(f)
	// Compile the PostgreSQL parser (seconds) before the first input, which
	// the fuzzer would otherwise take for a hang.
	if _, err := sqlcheck.Postgres("SELECT 1"); err != nil {
		f.Fatal(err)
	}
	checks := map[string]CustomSQLCheck{"postgres": sqlcheck.Postgres, "mysql": sqlcheck.MySQL, "sqlite": sqliteOn(conn)}
	f.Fuzz(func(t *testing.T, query string) {
		for name, check := range checks {
			stmt, err := check(query)
			if err != nil {
				if _, ok := errors.AsType[*sqlcheck.Problem](err); !ok {
					t.Fatalf("%s: %q: error that is not a Problem: %v", name, query, err)
				}
				continue
			}
			again, err := check(stmt)
			if err != nil || again != stmt {
				t.Fatalf("%s: accepted %q as %q, which checks as %q, %v", name, query, stmt, again, err)
			}
			if strings.TrimSpace(stmt) == "" {
				t.Fatalf("%s: accepted %q as an empty statement", name, query)
			}
		}
	})
}

// benchQuery is an analytic query of the kind datasets use.
const benchQuery = `WITH monthly AS (
  SELECT region, date_trunc('month', sold_at) AS month, sum(amount) AS total, count(*) AS n
  FROM sales s JOIN regions r ON r.name = s.region
  WHERE sold_at >= '2024-01-01' AND amount > 0
  GROUP BY region, date_trunc('month', sold_at)
)
SELECT region, month, total, n,
  rank() OVER (PARTITION BY month ORDER BY total DESC) AS r,
  CASE WHEN total > 1000 THEN 'high' ELSE 'low' END AS band
FROM monthly
ORDER BY month, r`

func BenchmarkCustomSQLCheck(b *testing.B) {
	mysqlQuery := strings.ReplaceAll(benchQuery, "date_trunc('month', sold_at)", "date_format(sold_at, '%Y-%m-01')")
	sqliteQuery := strings.ReplaceAll(benchQuery, "date_trunc('month', sold_at)", "strftime('%Y-%m-01', sold_at)")
	conn := fuzzSQLite(b)
	for _, table := range []string{"sales (region TEXT, sold_at TEXT, amount REAL)", "regions (name TEXT)"} {
		if _, err := conn.ExecContext(context.Background(), "CREATE TEMP TABLE "+table); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := sqlcheck.Postgres(benchQuery); err != nil { // compiles the parser
		b.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		query string
		check CustomSQLCheck
	}{
		{"postgres", benchQuery, sqlcheck.Postgres},
		{"mysql", mysqlQuery, sqlcheck.MySQL},
		{"sqlite", sqliteQuery, sqliteOn(conn)},
	} {
		b.Run(c.name, func(b *testing.B) {
			if _, err := c.check(c.query); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.check(c.query); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
