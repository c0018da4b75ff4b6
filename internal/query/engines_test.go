package query

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
	"modernc.org/sqlite"

	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/sqlitepct"
)

// sqliteTestDriver names the driver of the tests' SQLite files: with the
// percentile functions, as on data-source connections.
var sqliteTestDriver = func() string {
	d := &sqlite.Driver{}
	if err := sqlitepct.Register(d); err != nil {
		panic(err)
	}
	sql.Register("sqlite-query-test", d)
	return "sqlite-query-test"
}()

// engine is a database the cross-engine tests load and query.
type engine struct {
	d  dialect.Dialect
	db *sql.DB
}

// testRow is one generated order.
type testRow struct {
	id                  int
	region, product     *string
	orderDate, shipDate time.Time
	quantity            *int64
	unitPrice           *float64
}

func strp(s string) *string { return &s }

// testRows are the orders every engine loads: dates over two years with
// distinct minutes, some NULL regions, quantities and prices, and prices
// in quarters so sums are exact in floating point.
func testRows() []testRow {
	regions := []string{"East", "West", "North", "South"}
	products := []string{"Widget", "Gadget", "Gizmo", "Doohickey"}
	base := time.Date(2023, 1, 5, 8, 0, 0, 0, time.UTC)
	var rows []testRow
	for i := range 48 {
		r := testRow{id: i + 1, product: strp(products[(i*5)%4])}
		if i%17 != 0 {
			r.region = strp(regions[i%4])
		}
		r.orderDate = base.AddDate(0, 0, i*17).Add(time.Duration(i*37) * time.Minute)
		r.shipDate = r.orderDate.AddDate(0, 0, i%6).Add(5 * time.Hour)
		if i%13 != 5 {
			q := int64((i * 7) % 11)
			r.quantity = &q
		}
		if i%19 != 7 {
			p := 1 + float64((i*3)%37)*0.25
			r.unitPrice = &p
		}
		rows = append(rows, r)
	}
	return rows
}

var createTable = map[string]string{
	"sqlite":   "CREATE TABLE %s (id INTEGER, region TEXT, product TEXT, order_date TEXT, ship_date TEXT, quantity INTEGER, unit_price REAL)",
	"postgres": "CREATE TABLE %s (id bigint, region text, product text, order_date timestamp, ship_date timestamp, quantity bigint, unit_price double precision)",
	"mysql":    "CREATE TABLE %s (id BIGINT, region VARCHAR(50), product VARCHAR(50), order_date DATETIME, ship_date DATETIME, quantity BIGINT, unit_price DOUBLE)",
	"duckdb":   "CREATE TABLE %s (id BIGINT, region VARCHAR, product VARCHAR, order_date TIMESTAMP, ship_date TIMESTAMP, quantity BIGINT, unit_price DOUBLE)",
}

// openEngines opens SQLite, DuckDB (the SPICE engine) and, when their
// environment variables are set, PostgreSQL and MariaDB/MySQL, and loads testRows into a table
// named table in each; the tables are dropped at the end of the test.
func openEngines(t *testing.T, table string) []engine {
	t.Helper()
	var engines []engine
	sqliteDB, err := sql.Open(sqliteTestDriver, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sqliteDB.Close() })
	engines = append(engines, engine{dialect.SQLite, sqliteDB})
	duckDB, err := sql.Open("duckdb", filepath.Join(t.TempDir(), "test.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { duckDB.Close() })
	engines = append(engines, engine{dialect.DuckDB, duckDB})
	if dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES"); dsn != "" {
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		engines = append(engines, engine{dialect.Postgres, db})
	} else {
		t.Log("SIGHTGLASS_TEST_POSTGRES is unset: PostgreSQL not tested")
	}
	if dsn := os.Getenv("SIGHTGLASS_TEST_MYSQL"); dsn != "" {
		db, err := sql.Open("mysql", dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		engines = append(engines, engine{dialect.MySQL, db})
	} else {
		t.Log("SIGHTGLASS_TEST_MYSQL is unset: MariaDB/MySQL not tested")
	}
	ctx := context.Background()
	for _, e := range engines {
		qt := e.d.QuoteIdent(table)
		if _, err := e.db.ExecContext(ctx, fmt.Sprintf(createTable[e.d.Name()], qt)); err != nil {
			t.Fatalf("%s: %v", e.d.Name(), err)
		}
		t.Cleanup(func() { e.db.Exec("DROP TABLE " + qt) })
		ph := make([]string, 7)
		for i := range ph {
			ph[i] = e.d.Placeholder(i + 1)
		}
		insert := "INSERT INTO " + qt + " VALUES (" + strings.Join(ph, ", ") + ")"
		for _, r := range testRows() {
			var region, product, qty, price any
			if r.region != nil {
				region = *r.region
			}
			if r.product != nil {
				product = *r.product
			}
			if r.quantity != nil {
				qty = *r.quantity
			}
			if r.unitPrice != nil {
				price = *r.unitPrice
			}
			if _, err := e.db.ExecContext(ctx, insert, r.id, region, product, r.orderDate.Format(time.DateTime), r.shipDate.Format(time.DateTime), qty, price); err != nil {
				t.Fatalf("%s: insert: %v", e.d.Name(), err)
			}
		}
	}
	return engines
}

func uniqueTable(t *testing.T) string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "sg_qtest_" + hex.EncodeToString(b)
}

// run executes sql and returns its rows as normalized strings.
func run(t *testing.T, e engine, sqlText string, args []any) [][]string {
	t.Helper()
	rows, err := e.db.QueryContext(context.Background(), sqlText, args...)
	if err != nil {
		t.Fatalf("%s: %v\n%s\nargs %v", e.d.Name(), err, sqlText, args)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, len(vals))
		for i, v := range vals {
			row[i] = normalize(v)
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", e.d.Name(), err)
	}
	return out
}

// normalize renders a driver value the same way for every engine:
// datetimes as "YYYY-MM-DD HH:MM:SS", numbers rounded to 4 decimals.
func normalize(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return normalizeString(string(x))
	case string:
		return normalizeString(x)
	case time.Time:
		return x.UTC().Format(time.DateTime)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return formatFloat(x)
	case bool:
		if x {
			return "1"
		}
		return "0"
	}
	return fmt.Sprint(v)
}

func normalizeString(s string) string {
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return formatFloat(f)
	}
	if tm, err := time.Parse(time.RFC3339, s); err == nil {
		return tm.UTC().Format(time.DateTime)
	}
	return s
}

func formatFloat(f float64) string {
	s := strconv.FormatFloat(math.Round(f*1e4)/1e4, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

// TestQuestionsAcrossEngines runs every test question on SQLite,
// DuckDB, PostgreSQL and MariaDB loaded with the same rows and requires the same
// results.
func TestQuestionsAcrossEngines(t *testing.T) {
	table := uniqueTable(t)
	engines := openEngines(t, table)
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	results := map[string][][]string{}
	for _, e := range engines {
		relSQL, relArgs, err := tables.Relation(e.d)
		if err != nil {
			t.Fatal(err)
		}
		for _, nq := range testQuestions {
			c, err := Compile(&nq.q, relSQL, relArgs, tables.OutputColumns(), e.d)
			if err != nil {
				t.Fatalf("%s: %s: %v", e.d.Name(), nq.name, err)
			}
			got := run(t, e, c.SQL, c.Args)
			if len(got) == 0 {
				t.Errorf("%s: %s: no rows", e.d.Name(), nq.name)
			}
			if want, ok := results[nq.name]; ok {
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%s: %s:\n got %v\nwant %v (sqlite)", e.d.Name(), nq.name, got, want)
				}
				continue
			}
			results[nq.name] = got
		}
	}
	if testing.Verbose() {
		for _, nq := range testQuestions {
			t.Logf("%s: %v", nq.name, results[nq.name])
		}
	}
	checkByHand(t, results)
	checkNestedByHand(t, results)
	checkTopPeriodsByHand(t, results)
}

// checkByHand recomputes some results in Go from testRows.
func checkByHand(t *testing.T, results map[string][][]string) {
	type group struct {
		revenue float64
		count   int
		prices  []float64
		revs    []float64
	}
	groups := map[string]*group{}
	for _, r := range testRows() {
		key := "NULL"
		if r.region != nil {
			key = *r.region
		}
		g := groups[key]
		if g == nil {
			g = &group{}
			groups[key] = g
		}
		g.count++
		if r.quantity != nil && r.unitPrice != nil {
			g.revenue += float64(*r.quantity) * *r.unitPrice
		}
		if r.quantity != nil && *r.quantity >= 1 {
			if r.unitPrice != nil {
				g.prices = append(g.prices, *r.unitPrice)
				g.revs = append(g.revs, float64(*r.quantity)**r.unitPrice)
			}
		}
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	keys = append([]string{"NULL"}, slices.DeleteFunc(keys, func(k string) bool { return k == "NULL" })...)

	var want [][]string
	for _, k := range keys {
		want = append(want, []string{k, formatFloat(groups[k].revenue), strconv.Itoa(groups[k].count)})
	}
	if got := results["revenue by region"]; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("revenue by region: got %v, want %v", got, want)
	}
	// Medians and percentiles use only rows with quantity >= 1.
	want = nil
	for _, k := range keys {
		g := groups[k]
		if len(g.prices) == 0 {
			continue
		}
		want = append(want, []string{k, formatFloat(percentile(g.prices, 0.5)), formatFloat(percentile(g.revs, 0.9))})
	}
	var got [][]string
	for _, row := range results["median and percentile by region"] {
		got = append(got, row[:3])
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("median and percentile by region: got %v, want %v", got, want)
	}
}

// percentile is PERCENTILE_CONT of xs at fraction p.
func percentile(xs []float64, p float64) float64 {
	s := slices.Clone(xs)
	sort.Float64s(s)
	pos := p * float64(len(s)-1)
	lo := math.Floor(pos)
	frac := pos - lo
	if int(lo)+1 < len(s) {
		return s[int(lo)]*(1-frac) + s[int(lo)+1]*frac
	}
	return s[int(lo)]
}
