package query

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// BenchmarkCompile compiles a typical visual question — 2 dimensions
// (one truncated to the month), 2 measures, 3 filters and 1 calculated
// field — over the test dataset's relation.
func BenchmarkCompile(b *testing.B) {
	tables, err := salesTables("orders")
	if err != nil {
		b.Fatal(err)
	}
	cols := tables.OutputColumns()
	q := &Question{
		Dimensions: []Dimension{{Field: "Region"}, {Field: "order_date", Granularity: dialect.Month}},
		Measures:   []Measure{{Field: "Revenue", Aggregation: Sum}, {Field: "Margin"}},
		Filters: []Filter{
			{Kind: CategoryFilter, Field: "product", Match: In, Values: []any{"Widget", "Gadget"}},
			{Kind: NumericRangeFilter, Field: "unit_price", Min: f64(2), IncludeMin: true},
			{Kind: RelativeDateFilter, Field: "order_date", RelativeDateType: Last, RelativeDateValue: 12, TimeGranularity: dialect.Month},
		},
		CalculatedFields: []CalculatedField{{Name: "Margin", Expression: "sum({Revenue}) / sum({quantity})"}},
		Sort:             []Sort{{ID: "Revenue", Descending: true}},
		Limit:            100,
		Now:              testNow,
	}
	for _, d := range dialects {
		rel, args, err := tables.Relation(d)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(d.Name(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Compile(q, rel, args, cols, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
