package rls

import (
	"database/sql"
	"slices"
	"strconv"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/internal/query/dialect"
	_ "modernc.org/sqlite"
)

// The secured table of these tests: id, region, qty, price, ok.
var orderColumns = []dataset.Column{
	{Name: "id", Type: "INTEGER"},
	{Name: "region", Type: "STRING"},
	{Name: "qty", Type: "INTEGER"},
	{Name: "price", Type: "DECIMAL"},
	{Name: "ok", Type: "BOOLEAN"},
}

type orderRow struct {
	id     int64
	region any // string or nil
	qty    any // int64 or nil
	price  float64
	ok     bool
}

var orderRows = []orderRow{
	{1, "East", int64(1), 1.5, true},
	{2, "East", int64(2), 2.5, false},
	{3, "West", int64(1), 1.5, true},
	{4, "West", int64(3), 3.25, false},
	{5, "North", int64(2), 2.5, true},
	{6, nil, int64(1), 1.5, false},
	{7, "South", nil, 4, true},
	{8, "East,West", int64(5), 5, true},
}

// openOrders returns an in-memory SQLite database holding orderRows.
func openOrders(t testing.TB) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`CREATE TABLE orders (id INTEGER, region TEXT, qty INTEGER, price REAL, ok INTEGER)`); err != nil {
		t.Fatal(err)
	}
	for _, r := range orderRows {
		if _, err := db.Exec(`INSERT INTO orders VALUES (?, ?, ?, ?, ?)`, r.id, r.region, r.qty, r.price, r.ok); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// visible runs a condition written by a builder over orders and returns
// the ids of the rows it keeps.
func visible(t testing.TB, db *sql.DB, cond string, b *Builder) []int64 {
	t.Helper()
	q := "SELECT rls.id FROM (" + dialect.Arg(0) + ") rls"
	if cond != "" {
		q += " WHERE " + cond
	}
	q += " ORDER BY 1"
	text, args, err := dialect.Render(dialect.SQLite, q, append([]any{dialect.Raw{SQL: "SELECT * FROM orders"}}, b.Args()...))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(text, args...)
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	defer rows.Close()
	ids := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return ids
}

// covers is the reference meaning of a rule for one row of orders.
func covers(r Rule, row orderRow) bool {
	for f, vals := range r.Values {
		var cell any
		switch f {
		case "id":
			cell = row.id
		case "region":
			cell = row.region
		case "qty":
			cell = row.qty
		case "price":
			cell = row.price
		case "ok":
			cell = row.ok
		default:
			return false
		}
		if cell == nil {
			return false
		}
		if !slices.ContainsFunc(vals, func(v string) bool {
			switch c := cell.(type) {
			case string:
				return c == v
			case int64:
				n, err := strconv.ParseInt(v, 10, 64)
				return err == nil && n == c
			case float64:
				x, err := strconv.ParseFloat(v, 64)
				return err == nil && x == c
			case bool:
				x, err := strconv.ParseBool(v)
				return err == nil && x == c
			}
			return false
		}) {
			return false
		}
	}
	return true
}

// reference is the ids a reader matched by rules sees under policy.
func reference(policy string, matching []Rule) []int64 {
	ids := []int64{}
	for _, row := range orderRows {
		hit := slices.ContainsFunc(matching, func(r Rule) bool { return covers(r, row) })
		if hit != (policy == DenyAccess) {
			ids = append(ids, row.id)
		}
	}
	return ids
}
