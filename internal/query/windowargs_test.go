package query

import (
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// TestWindowArgsShared checks that a box plot's statistics of one column
// rank its values once on an engine without a percentile aggregate
// (MariaDB; SQLite has registered ones), and that an
// argument binding values is not shared (its placeholders stay in step).
func TestWindowArgsShared(t *testing.T) {
	cols := []dataset.Column{{Name: "region", Type: "STRING"}, {Name: "revenue", Type: "DECIMAL"}, {Name: "quantity", Type: "INTEGER"}}
	box := &Question{Dimensions: []Dimension{{ID: "g", Field: "region"}}, Measures: []Measure{
		{ID: "mn", Field: "revenue", Aggregation: Min}, {ID: "q1", Field: "revenue", Aggregation: Percentile, Percentile: 25},
		{ID: "md", Field: "revenue", Aggregation: Median}, {ID: "q3", Field: "revenue", Aggregation: Percentile, Percentile: 75},
		{ID: "mx", Field: "revenue", Aggregation: Max}}}
	for _, d := range []dialect.Dialect{dialect.MySQL} {
		c, err := Compile(box, "SELECT * FROM orders", nil, cols, d)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(c.SQL, "ROW_NUMBER()"); n != 1 {
			t.Errorf("%s: %d rankings of revenue, want 1:\n%s", d.Name(), n, c.SQL)
		}
	}
	bound := &Question{Dimensions: []Dimension{{ID: "g", Field: "region"}}, Measures: []Measure{
		{ID: "a", Field: "big", Aggregation: Median}, {ID: "b", Field: "big", Aggregation: Percentile, Percentile: 75}},
		CalculatedFields: []CalculatedField{{Name: "big", Expression: "ifelse({quantity} > 5, {revenue}, NULL)"}}}
	c, err := Compile(bound, "SELECT * FROM orders", nil, cols, dialect.MySQL)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Count(c.SQL, "?"), len(c.Args); got != want {
		t.Errorf("%d placeholders for %d arguments:\n%s", got, want, c.SQL)
	}
}
