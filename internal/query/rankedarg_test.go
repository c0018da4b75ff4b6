package query

import (
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// A box plot's quartiles and median of one column are ranked once on an
// engine without an ordered-set percentile (MariaDB); a percentile of
// another column has its own ranking. SQLite ranks none: its percentile
// aggregates (package sqlitepct) sort each group's values.
func TestPercentilesShareARanking(t *testing.T) {
	tables, err := salesTables("orders")
	if err != nil {
		t.Fatal(err)
	}
	rel, args, _ := tables.Relation(dialect.MySQL)
	q := &Question{
		Dimensions: []Dimension{{Field: "Region"}},
		Measures: []Measure{{ID: "min", Field: "unit_price", Aggregation: Min}, {ID: "q1", Field: "unit_price", Aggregation: Percentile, Percentile: 25},
			{ID: "median", Field: "unit_price", Aggregation: Median}, {ID: "q3", Field: "unit_price", Aggregation: Percentile, Percentile: 75},
			{ID: "max", Field: "unit_price", Aggregation: Max}, {ID: "p90", Field: "quantity", Aggregation: Percentile, Percentile: 90}},
	}
	c, err := Compile(q, rel, args, tables.OutputColumns(), dialect.MySQL)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(c.SQL, "ROW_NUMBER()"); got != 2 {
		t.Errorf("%d rankings, want 2 (unit_price, quantity):\n%s", got, c.SQL)
	}
	rel, args, _ = tables.Relation(dialect.SQLite)
	if c, err = Compile(q, rel, args, tables.OutputColumns(), dialect.SQLite); err != nil {
		t.Fatal(err)
	}
	if got, pct := strings.Count(c.SQL, "ROW_NUMBER()"), strings.Count(c.SQL, dialect.SQLitePercentileCont+"("); got != 0 || pct != 4 {
		t.Errorf("sqlite: %d rankings and %d percentile aggregates, want 0 and 4:\n%s", got, pct, c.SQL)
	}
}
