package expr

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// TestPeriodToDateEdges: the end date of a periodToDate* aggregate is one
// date for the question (a literal, a parameter, now() or a function of
// them), and its measure is a field, as QuickSight documents.
func TestPeriodToDateEdges(t *testing.T) {
	refused := []struct{ src, want string }{
		{`periodToDateSum({Sales}, {Order Date}, YEAR, {Ship Date})`, "periodToDateSum: the end date must be one date (a date literal, a parameter, now() or a function of them), not a field of the rows at position 46"},
		{`periodToDateCount({Region}, {Order Date}, MONTH, addDateTime(1, 'DD', {Order Date}))`, "periodToDateCount: the end date must be one date (a date literal, a parameter, now() or a function of them), not a field of the rows at position 50"},
		{`periodToDateSum(1, {Order Date}, YEAR)`, "periodToDateSum: the measure must be a field, not a literal at position 17"},
	}
	for _, c := range refused {
		n, err := Parse(c.src)
		if err == nil {
			_, err = testCompiler(dialect.SQLite).Compile(n)
		}
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v, want %q", c.src, err, c.want)
		}
	}
	for _, src := range []string{
		`periodToDateSum({Sales}, {Order Date}, YEAR, addDateTime(-1, 'YYYY', now()))`,
		`periodToDateAvg({Sales}, {Order Date}, QUARTER, truncDate('MM', now()))`,
		`periodToDateMax({Sales}, {Order Date}, WEEK, parseDate('2024-02-29'))`,
		`periodToDateMin({Sales}, {Order Date}, DAY, '2024-12-31 23:59:59')`,
	} {
		n, err := Parse(src)
		if err == nil {
			_, err = testCompiler(dialect.SQLite).Compile(n)
		}
		if err != nil {
			t.Errorf("%s: %v", src, err)
		}
	}
}
