package expr

import (
	"fmt"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// TestCalcFunctionErrors checks the positioned errors of the
// conditional, spread and period-to-date aggregates, switch, parseJson
// and the math functions.
func TestCalcFunctionErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{`parseJson({Region}, {Product})`, "parseJson: the path must be a string literal such as '$.items.qty' at position 21"},
		{`parseJson({Region}, 'items.qty')`, "parseJson: the path must start with $ at position 21"},
		{`parseJson({Region}, '$.items..qty')`, "parseJson: the path has an empty key at position 21"},
		{`parseJson({Region}, '$.a"b')`, `parseJson: the path's key "a\"b" may hold only letters, digits, blanks, _ and - at position 21`},
		{`parseJson({Region}, '$.a[x]')`, `parseJson: the path's index "x" is not a whole number from 0 to 1048576 at position 21`},
		{`parseJson({Region}, '$.a[-1]')`, `parseJson: the path's index "-1" is not a whole number from 0 to 1048576 at position 21`},
		{`parseJson({Region}, '$.a[0')`, "parseJson: the path has an unclosed [ at position 21"},
		{`parseJson({Region}, '$x')`, `parseJson: the path continues with "x" where . or [ was expected at position 21`},
		{`parseJson({Sales}, '$.a')`, "expected a string value, found decimal at position 11"},
		{`sumIf({Sales})`, "sumIf takes 2 argument(s), found 1 at position 1"},
		{`sumIf({Sales}, {Region})`, "expected a boolean value, found string at position 16"},
		{`sumIf({Region}, {Sales} > 1)`, "expected a decimal value, found string at position 7"},
		{`countIf({Region}, sum({Sales}) > 1)`, "countIf: the condition cannot be aggregated at position 1"},
		{`sumIf(sum({Sales}), {Sales} > 1)`, "aggregate functions cannot be nested at position 7"},
		{`stdev({Region})`, "expected a decimal value, found string at position 7"},
		{`varp({Sales}, 1)`, "varp takes 1 argument(s), found 2 at position 1"},
		{`percentileDisc({Sales}, -1)`, "percentileDisc expects a percentile between 0 and 100 at position 25"},
		{`percentileDisc({Sales}, {Quantity})`, "percentileDisc expects a percentile between 0 and 100 at position 25"},
		{`periodToDateSum({Sales}, {Order Date})`, "periodToDateSum takes 3 to 4 arguments, found 2 at position 1"},
		{`periodToDateSum({Sales}, {Order Date}, FORTNIGHT)`, "periodToDateSum: the period must be YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE or SECONDS at position 40"},
		{`periodToDateSum({Sales}, {Region}, YEAR)`, "expected a datetime value, found string at position 26"},
		{`periodToDateSum({Sales}, {Order Date}, YEAR, 'soon')`, `"soon" is not a date at position 46`},
		{`periodToDatePercentile({Sales}, {Order Date}, YEAR)`, "periodToDatePercentile takes 4 to 5 arguments, found 3 at position 1"},
		{`periodToDatePercentile({Sales}, {Quantity}, {Order Date}, YEAR)`, "periodToDatePercentile expects a percentile between 0 and 100 at position 33"},
		{`switch({Region}, 'a', 1)`, "switch takes a value, label and result pairs and a default (an even number of at least 4 arguments), found 3 at position 1"},
		{`switch({Region}, {Product}, 1, 0)`, "switch: a label must be a literal at position 18"},
		{`switch({Region}, 1, 'one', 'other')`, "switch: the label is a integer value, the value compared is string at position 18"},
		{`switch({Region}, 'a', 1, 'b', 'two', 0)`, "switch: expected a integer value, found string at position 31"},
		{`switch({Sales}, 1, sum({Sales}), 0)`, "mismatched aggregation: aggregated and unaggregated fields cannot be combined at position 1"},
		{`sqrt({Region})`, "expected a decimal value, found string at position 6"},
		{`mod({Sales})`, "mod takes 2 argument(s), found 1 at position 1"},
		{`{Region} ^ 2`, "operator ^ expects numbers, found string at position 1"},
		{`2 ^`, "unexpected end of expression at position 4"},
		{`1 /* open`, "unterminated comment at position 3"},
	}
	for _, c := range cases {
		n, err := Parse(c.src)
		if err == nil {
			_, err = testCompiler(dialect.SQLite).Compile(n)
		}
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v, want %q", c.src, err, c.want)
		}
	}
}

// TestFieldsSkipKeywords: a periodToDate period and a contains case
// option are keywords, not fields a dataset must have.
func TestFieldsSkipKeywords(t *testing.T) {
	for src, want := range map[string]string{
		`periodToDateSum({Sales}, {Order Date}, YEAR)`:                       "[Sales Order Date]",
		`periodToDatePercentile({Sales}, 50, {Order Date}, week, {Shipped})`: "[Sales Order Date Shipped]",
		`contains({Region}, 'a', CASE_INSENSITIVE)`:                          "[Region]",
		`contains({Region}, 'a', {Other})`:                                   "[Region Other]",
		`sumIf({Sales}, {YEAR} > 1)`:                                         "[Sales YEAR]",
		`periodOverPeriodDifference(sum({Sales}), {Order Date}, YEAR)`:       "[Sales Order Date]",
		`periodToDateSumOverTime(sum({Sales}), {Order Date}, QUARTER)`:       "[Sales Order Date]",
		`sumOver(sum({Sales}), [{Region}], PRE_AGG)`:                         "[Sales Region]",
	} {
		n, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(Fields(n)); got != want {
			t.Errorf("Fields(%s) = %s, want %s", src, got, want)
		}
	}
}

// TestParseJSONOnPostgres: PostgreSQL is refused by name.
func TestParseJSONOnPostgres(t *testing.T) {
	n, err := Parse(`parseJson({Region}, '$.a')`)
	if err != nil {
		t.Fatal(err)
	}
	_, err = testCompiler(dialect.Postgres).Compile(n)
	if err == nil || err.Error() != "parseJson is not supported on postgres at position 1" {
		t.Errorf("got %v", err)
	}
}
