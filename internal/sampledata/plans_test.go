package sampledata_test

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/sampledata"
)

// queryPlan is SQLite's plan for q, its steps joined by "; ".
func queryPlan(t *testing.T, db *sql.DB, q string, args ...any) string {
	t.Helper()
	rows, err := db.Query("EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var steps []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		steps = append(steps, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(steps, "; ")
}

// TestGeneratePlans checks the plans SQLite chooses over the default
// sample for the questions of its dashboards, read as the query engine
// reads the file (dates through dialect.SQLite.StoredDatetime): no
// unfiltered GROUP BY walks an index that misses a column (a lookup per
// row), and a region or a date range is sought, not scanned.
func TestGeneratePlans(t *testing.T) {
	db := open(t, generate(t, sampledata.DefaultRows, 1))
	rel := "(SELECT t.region AS region, t.country AS country, t.product AS product, t.category AS category, " +
		"t.sub_category AS sub_category, t.segment AS segment, t.quantity AS quantity, t.revenue AS revenue, " +
		"t.profit AS profit, " + dialect.SQLite.StoredDatetime("t.order_date") + " AS order_date FROM orders AS t) AS ds"
	for _, tc := range []struct {
		name, sql string
		args      []any
		want      string // a step of the plan ("": none required)
	}{
		{"category", "SELECT category, sum(revenue) FROM " + rel + " GROUP BY 1 ORDER BY 1", nil, ""},
		{"category by region", "SELECT category, region, sum(revenue) FROM " + rel + " GROUP BY 1, 2 ORDER BY 1, 2", nil, ""},
		{"sub-category by category", "SELECT category, sub_category, sum(revenue), sum(profit) FROM " + rel + " GROUP BY 1, 2 ORDER BY 1, 2", nil, ""},
		{"region by segment", "SELECT region, segment, count(*), sum(revenue) FROM " + rel + " GROUP BY 1, 2 ORDER BY 1, 2", nil,
			"SCAN t USING COVERING INDEX orders_region_date"},
		{"region", "SELECT region, sum(revenue), sum(quantity) FROM " + rel + " GROUP BY 1 ORDER BY 1", nil,
			"SCAN t USING COVERING INDEX orders_region_date"},
		{"segment = X by region", "SELECT region, sum(revenue), sum(profit) FROM " + rel + " WHERE segment = ? GROUP BY 1 ORDER BY 1", []any{"Home Office"},
			"SCAN t USING COVERING INDEX orders_region_date"},
		{"country", "SELECT country, count(*), sum(profit) FROM " + rel + " GROUP BY 1 ORDER BY 3 DESC, 1", nil, ""},
		{"region = X by month", "SELECT substr(order_date, 1, 7), sum(revenue) FROM " + rel + " WHERE region = ? GROUP BY 1 ORDER BY 1", []any{"Europe"},
			"SEARCH t USING COVERING INDEX orders_region_date (region=?)"},
		{"category = X by region", "SELECT region, sum(revenue) FROM " + rel + " WHERE category = ? GROUP BY 1 ORDER BY 1", []any{"Technology"},
			"SCAN t USING COVERING INDEX orders_region_date"},
		{"date range by category", "SELECT category, sum(revenue) FROM " + rel + " WHERE order_date >= ? AND order_date < ? GROUP BY 1 ORDER BY 1",
			[]any{"2026-03-01 00:00:00", "2026-04-01 00:00:00"}, "SEARCH t USING INDEX orders_order_date_stored (<expr>>? AND <expr><?)"},
		{"date range by region", "SELECT region, sum(revenue) FROM " + rel + " WHERE order_date >= ? AND order_date < ? GROUP BY 1 ORDER BY 1",
			[]any{"2026-03-01 00:00:00", "2026-04-01 00:00:00"}, "SEARCH t USING INDEX orders_order_date_stored (<expr>>? AND <expr><?)"},
	} {
		plan := queryPlan(t, db, tc.sql, tc.args...)
		if strings.Contains(plan, "SCAN t USING INDEX") {
			t.Errorf("%s: walks an index that misses a column: %s", tc.name, plan)
		}
		if tc.want != "" && !strings.Contains(plan, tc.want) {
			t.Errorf("%s: plan %s, want %s", tc.name, plan, tc.want)
		}
	}
	var n int
	if err := db.QueryRow("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'orders_category'").Scan(&n); err != nil || n != 0 {
		t.Errorf("orders_category: %d, %v", n, err)
	}
}
