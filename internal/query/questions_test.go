package query

import (
	"encoding/json"
	"time"

	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// testNow anchors relative date filters in tests.
var testNow = time.Date(2025, 3, 14, 15, 9, 26, 0, time.UTC)

func f64(v float64) *float64 { return &v }

func date(s string) *time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return &t
}

// salesTables is the dataset the tests query: one table of orders with
// a calculated column.
func salesTables(table string) (*dataset.Tables, error) {
	physical := `{"orders": {"RelationalTable": {"DataSourceArn": "arn:aws:quicksight:us-east-1:111122223333:datasource/test", "Name": ` + jsonString(table) + `,
	  "InputColumns": [{"Name": "id", "Type": "INTEGER"}, {"Name": "region", "Type": "STRING"}, {"Name": "product", "Type": "STRING"},
	    {"Name": "order_date", "Type": "DATETIME"}, {"Name": "ship_date", "Type": "DATETIME"}, {"Name": "quantity", "Type": "INTEGER"}, {"Name": "unit_price", "Type": "DECIMAL"}]}}}`
	logical := `{"sales": {"Alias": "Sales", "Source": {"PhysicalTableId": "orders"}, "DataTransforms": [
	  {"RenameColumnOperation": {"ColumnName": "region", "NewColumnName": "Region"}},
	  {"CreateColumnsOperation": {"Columns": [{"ColumnName": "Revenue", "ColumnId": "revenue", "Expression": "{quantity} * {unit_price}"}]}}]}}`
	return dataset.Parse(json.RawMessage(physical), json.RawMessage(logical))
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

type namedQuestion struct {
	name string
	q    Question
}

// testQuestions are compiled to golden SQL and run on every engine.
var testQuestions = []namedQuestion{
	{"revenue by region", Question{
		Dimensions: []Dimension{{Field: "Region"}},
		Measures:   []Measure{{Field: "Revenue", Aggregation: Sum}, {ID: "orders", Field: "id", Aggregation: Count}},
	}},
	{"by month and quarter", Question{
		Dimensions: []Dimension{{ID: "quarter", Field: "order_date", Granularity: dialect.Quarter}, {ID: "month", Field: "order_date", Granularity: dialect.Month}},
		Measures:   []Measure{{Field: "quantity", Aggregation: Sum}, {ID: "avg price", Field: "unit_price", Aggregation: Average}},
	}},
	{"by year, week, day, hour, minute", Question{
		Dimensions: []Dimension{{ID: "y", Field: "order_date", Granularity: dialect.Year}, {ID: "w", Field: "order_date", Granularity: dialect.Week},
			{ID: "d", Field: "order_date", Granularity: dialect.Day}, {ID: "h", Field: "order_date", Granularity: dialect.Hour}, {ID: "mi", Field: "order_date", Granularity: dialect.Minute}},
		Measures: []Measure{{Field: "id", Aggregation: Count}},
		Sort:     []Sort{{ID: "mi"}},
		Limit:    10,
	}},
	{"category filters and distinct count", Question{
		Dimensions: []Dimension{{Field: "product"}},
		Measures:   []Measure{{ID: "regions", Field: "Region", Aggregation: DistinctCount}, {ID: "min", Field: "unit_price", Aggregation: Min}, {ID: "max", Field: "order_date", Aggregation: Max}},
		Filters: []Filter{
			{Kind: CategoryFilter, Field: "Region", Match: In, Values: []any{"East", "West"}},
			{Kind: CategoryFilter, Field: "product", Match: NotEquals, Values: []any{"Gadget"}},
		},
	}},
	{"not in keeps nulls with ALL_VALUES", Question{
		Dimensions: []Dimension{{Field: "Region"}},
		Measures:   []Measure{{Field: "quantity", Aggregation: Sum}},
		Filters:    []Filter{{Kind: CategoryFilter, Field: "Region", Match: NotIn, Values: []any{"North"}, NullOption: AllValues}},
	}},
	{"numeric and date ranges", Question{
		Dimensions: []Dimension{{Field: "Region"}},
		Measures:   []Measure{{Field: "Revenue", Aggregation: Sum}},
		Filters: []Filter{
			{Kind: NumericRangeFilter, Field: "unit_price", Min: f64(2), IncludeMin: true, Max: f64(9.5), IncludeMax: false},
			{Kind: DateRangeFilter, Field: "order_date", From: date("2024-02-01"), IncludeFrom: true, To: date("2024-11-01")},
		},
	}},
	{"relative dates: previous 3 months and this year", Question{
		Dimensions: []Dimension{{Field: "order_date", Granularity: dialect.Month}},
		Measures:   []Measure{{Field: "id", Aggregation: Count}},
		Filters: []Filter{
			{Kind: RelativeDateFilter, Field: "order_date", RelativeDateType: Previous, RelativeDateValue: 3, TimeGranularity: dialect.Month},
		},
		Now: testNow,
	}},
	{"relative dates: last 2 years", Question{
		Dimensions: []Dimension{{Field: "order_date", Granularity: dialect.Year}},
		Measures:   []Measure{{Field: "id", Aggregation: Count}},
		Filters:    []Filter{{Kind: RelativeDateFilter, Field: "order_date", RelativeDateType: Last, RelativeDateValue: 2, TimeGranularity: dialect.Year}},
		Now:        testNow,
	}},
	{"top 2 products by revenue", Question{
		Dimensions: []Dimension{{Field: "product"}},
		Measures:   []Measure{{Field: "Revenue", Aggregation: Sum}},
		Filters: []Filter{
			{Kind: TopBottomFilter, Field: "product", N: 2, By: Measure{Field: "Revenue", Aggregation: Sum}},
			{Kind: CategoryFilter, Field: "Region", Match: NotEquals, Values: []any{"South"}},
		},
		Sort: []Sort{{ID: "Revenue", Descending: true}},
	}},
	{"nested: regions with an order priced 9 or more, all their orders", Question{
		Dimensions: []Dimension{{Field: "Region"}},
		Measures:   []Measure{{Field: "quantity", Aggregation: Sum}, {ID: "orders", Field: "id", Aggregation: Count}},
		Filters: []Filter{{Kind: NestedFilter, Field: "Region", IncludeInner: true,
			Inner: &Filter{Kind: NumericRangeFilter, Field: "unit_price", Min: f64(9), IncludeMin: true}}},
	}},
	{"nested: products never sold in East", Question{
		Dimensions: []Dimension{{Field: "product"}},
		Measures:   []Measure{{Field: "id", Aggregation: Count}},
		Filters: []Filter{{Kind: NestedFilter, Field: "product",
			Inner: &Filter{Kind: CategoryFilter, Field: "Region", Match: Equals, Values: []any{"East"}}}},
	}},
	{"top 3 months by quantity", Question{
		Dimensions: []Dimension{{Field: "order_date", Granularity: dialect.Month}},
		Measures:   []Measure{{Field: "quantity", Aggregation: Sum}},
		Filters:    []Filter{{Kind: TopBottomFilter, Field: "order_date", Granularity: dialect.Month, N: 3, By: Measure{Field: "quantity", Aggregation: Sum}}},
	}},
	{"bottom 1 region by quantity", Question{
		Dimensions: []Dimension{{Field: "Region"}},
		Measures:   []Measure{{Field: "quantity", Aggregation: Sum}},
		Filters:    []Filter{{Kind: TopBottomFilter, Field: "Region", N: 1, Bottom: true, By: Measure{Field: "quantity", Aggregation: Sum}}},
	}},
	{"median and percentile by region", Question{
		Dimensions: []Dimension{{Field: "Region"}},
		Measures: []Measure{{ID: "median", Field: "unit_price", Aggregation: Median}, {ID: "p90", Field: "Revenue", Aggregation: Percentile, Percentile: 90},
			{ID: "total", Field: "quantity", Aggregation: Sum}},
		Filters: []Filter{{Kind: NumericRangeFilter, Field: "quantity", Min: f64(1), IncludeMin: true}},
	}},
	// The viewer's histogram (bins by width from a start, counted) and box
	// plot (five statistics per group) questions.
	{"histogram bins of unit price", Question{
		Dimensions:       []Dimension{{ID: "bin", Field: "bin"}},
		Measures:         []Measure{{ID: "n", Field: "unit_price", Aggregation: Count}},
		Sort:             []Sort{{ID: "bin"}},
		CalculatedFields: []CalculatedField{{Name: "bin", Expression: "floor(({unit_price} - (0.5)) / (1.75))"}},
	}},
	{"box plot of unit price by region", Question{
		Dimensions: []Dimension{{Field: "Region"}},
		Measures: []Measure{{ID: "min", Field: "unit_price", Aggregation: Min}, {ID: "q1", Field: "unit_price", Aggregation: Percentile, Percentile: 25},
			{ID: "median", Field: "unit_price", Aggregation: Median}, {ID: "q3", Field: "unit_price", Aggregation: Percentile, Percentile: 75},
			{ID: "max", Field: "unit_price", Aggregation: Max}},
		Sort: []Sort{{ID: "Region"}},
	}},
	{"overall median", Question{
		Measures: []Measure{{ID: "median", Field: "quantity", Aggregation: Median}, {ID: "p25", Field: "unit_price", Aggregation: Percentile, Percentile: 25}},
	}},
	{"aggregate calculated field and having", Question{
		Dimensions:       []Dimension{{Field: "Region"}},
		Measures:         []Measure{{ID: "avg unit revenue", Field: "Unit revenue"}, {Field: "quantity", Aggregation: Sum}},
		Filters:          []Filter{{Kind: NumericRangeFilter, Field: "quantity", Aggregation: Sum, Min: f64(10), IncludeMin: true}},
		CalculatedFields: []CalculatedField{{Name: "Unit revenue", Expression: "round(sum({Revenue}) / sum({quantity}), 2)"}},
		Sort:             []Sort{{ID: "avg unit revenue", Descending: true}},
	}},
	{"percentiles inside aggregate calculated fields", Question{
		Dimensions: []Dimension{{Field: "product"}},
		Measures:   []Measure{{Field: "Spread"}, {Field: "Upper"}},
		Filters:    []Filter{{Kind: NumericRangeFilter, Field: "Spread", Min: f64(-100), IncludeMin: true}},
		CalculatedFields: []CalculatedField{
			{Name: "Spread", Expression: "median({unit_price}) - avg({unit_price})"},
			{Name: "Upper", Expression: "percentile({Revenue}, 75) + max({quantity})"},
		},
	}},
	{"conditional, spread and period-to-date aggregates", Question{
		Dimensions: []Dimension{{Field: "product"}},
		Measures: []Measure{{Field: "Big revenue"}, {Field: "Spread"}, {Field: "Year to June"}, {Field: "P30"},
			{ID: "stdev", Field: "unit_price", Aggregation: "STDEV"}, {ID: "sum", Field: "Big count", Aggregation: Sum, DefaultAggregation: true}},
		Filters: []Filter{{Kind: NumericRangeFilter, Field: "Big count", Min: f64(1), IncludeMin: true}},
		CalculatedFields: []CalculatedField{
			{Name: "Big revenue", Expression: "sumIf({Revenue}, {quantity} > 4 /* big orders */)"},
			{Name: "Big count", Expression: "countIf({id}, switch({Region}, 'East', {quantity} > 4, 'West', {quantity} > 6, {quantity} > 8))"},
			{Name: "Spread", Expression: "round(stdevp({unit_price}) ^ 2 - varp({unit_price}), 6)"},
			{Name: "Year to June", Expression: "periodToDateSum({quantity}, {order_date}, YEAR, parseDate('2024-06-30'))"},
			{Name: "P30", Expression: "percentileDisc({unit_price}, 30) + mod(7, 4)"},
		},
	}},
	{"row calculated fields with parameters", Question{
		Dimensions: []Dimension{{Field: "Size"}, {Field: "Ship days"}},
		Measures:   []Measure{{Field: "id", Aggregation: Count}, {Field: "Label length", Aggregation: Max}},
		Filters:    []Filter{{Kind: CategoryFilter, Field: "product", Match: In, ValuesParameter: "Products"}},
		CalculatedFields: []CalculatedField{
			{Name: "Size", Expression: "ifelse({quantity} >= ${Big}, 'big', isNull({quantity}), 'unknown', 'small')"},
			{Name: "Ship days", Expression: "dateDiff({order_date}, {ship_date})"},
			{Name: "Label length", Expression: "strlen(concat(toUpper(substring({product}, 1, 3)), '-', trim(coalesce({Region}, 'none'))))"},
		},
		Parameters: map[string]any{"Big": 5, "Products": []any{"Widget", "Gadget"}},
	}},
	{"date functions", Question{
		Dimensions: []Dimension{{Field: "Order month"}, {Field: "Week day"}},
		Measures:   []Measure{{Field: "Months to ship", Aggregation: Max}, {Field: "Due", Aggregation: Max}},
		CalculatedFields: []CalculatedField{
			{Name: "Order month", Expression: "extract('YYYY', {order_date}) * 100 + extract('MM', {order_date})"},
			{Name: "Week day", Expression: "extract('WD', {order_date})"},
			{Name: "Months to ship", Expression: "dateDiff({order_date}, {ship_date}, 'MM') + dateDiff(truncDate('Q', {order_date}), {ship_date}, 'HH')"},
			{Name: "Due", Expression: "addDateTime(2, 'WK', truncDate('DD', {order_date}))"},
		},
		Filters:    []Filter{{Kind: DateRangeFilter, Field: "order_date", FromParameter: "Start", IncludeFrom: true}},
		Parameters: map[string]any{"Start": time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC)},
	}},
	{"limit and nulls", Question{
		Dimensions: []Dimension{{Field: "Region"}, {Field: "product"}},
		Measures:   []Measure{{Field: "unit_price", Aggregation: Sum}},
		Filters:    []Filter{{Kind: NumericRangeFilter, Field: "unit_price", NullOption: NullsOnly}},
		Limit:      5,
	}},
}
