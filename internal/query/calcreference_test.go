package query

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// calcReferenceCases complete the function reference's table test
// (calcFunctionCases, calcMathCases, calcJSONCases hold the others) with
// the conditional, numeric and date functions: QuickSight's documented
// examples, then NULLs, negatives, month ends, leap days and the ends
// of periods. Datetimes are UTC: 1355443200 is 2012-12-14 00:00:00,
// 1709211909 is 2024-02-29 13:05:09 (a Thursday), 1704067199 is
// 2023-12-31 23:59:59 (a Sunday), 951782400 is 2000-02-29 00:00:00.
var calcReferenceCases = []struct{ src, want string }{
	// ifelse: the first true condition wins; a NULL condition is not true.
	{`ifelse(1 > 2, 'a', 2 > 1, 'b', 'c')`, "b"},
	{`ifelse(1 > 2, 'a', 'c')`, "c"},
	{`ifelse(NULL > 1, 'a', 'b')`, "b"},
	{`ifelse(isNull(NULL), 1, 0)`, "1"},
	{`ifelse('' = '', 'empty', 'not')`, "empty"},
	{`ifelse(1 > 2, 'a', NULL)`, "NULL"},
	// coalesce.
	{`coalesce(NULL, 2, 3)`, "2"},
	{`coalesce('', 'x')`, ""},
	{`coalesce(NULL, NULL)`, "NULL"},
	// Numeric functions: decimalToInt drops the fraction (toward zero),
	// round rounds halves away from zero.
	{`decimalToInt(20.13)`, "20"},
	{`decimalToInt(-3.7)`, "-3"},
	{`decimalToInt(NULL)`, "NULL"},
	{`intToDecimal(3) / 2`, "1.5"},
	{`intToDecimal(NULL)`, "NULL"},
	{`ceil(20.13)`, "21"},
	{`ceil(-20.13)`, "-20"},
	{`floor(20.13)`, "20"},
	{`floor(-20.13)`, "-21"},
	{`round(20.1307, 2)`, "20.13"},
	{`round(2.5)`, "3"},
	{`round(-2.5)`, "-3"},
	{`round(NULL)`, "NULL"},
	{`abs(-4.25)`, "4.25"},
	{`abs(NULL)`, "NULL"},
	// truncDate: the start of each period; a week starts on Sunday.
	{`formatDate(truncDate('MM', epochDate(1355443200)), 'yyyy-MM-dd')`, "2012-12-01"},
	{`formatDate(truncDate('YYYY', epochDate(1709211909)), 'yyyy-MM-dd HH:mm:ss')`, "2024-01-01 00:00:00"},
	{`formatDate(truncDate('Q', epochDate(1709211909)), 'yyyy-MM-dd')`, "2024-01-01"},
	{`formatDate(truncDate('Q', epochDate(1704067199)), 'yyyy-MM-dd')`, "2023-10-01"},
	{`formatDate(truncDate('DD', epochDate(1709211909)), 'yyyy-MM-dd HH:mm:ss')`, "2024-02-29 00:00:00"},
	{`formatDate(truncDate('HH', epochDate(1709211909)), 'HH:mm:ss')`, "13:00:00"},
	{`formatDate(truncDate('WK', epochDate(1704067199)), 'yyyy-MM-dd')`, "2023-12-31"},
	{`truncDate('MM', epochDate(NULL))`, "NULL"},
	// formatDate's example with escaped quotes (formatDate-function).
	{`formatDate(epochDate(1709211909), 'yyyyMMdd\'T\'HHmmss')`, "20240229T130509"},
	{`formatDate(epochDate(1355443200), 'dd-MMM-yyyy')`, "14-Dec-2012"},
	// addDateTime: month ends and leap days clamp; negative amounts.
	{`formatDate(addDateTime(-1, 'MM', epochDate(1709211909)), 'yyyy-MM-dd HH:mm:ss')`, "2024-01-29 13:05:09"},
	{`formatDate(addDateTime(-1, 'YYYY', epochDate(1709211909)), 'yyyy-MM-dd')`, "2023-02-28"},
	{`formatDate(addDateTime(4, 'YYYY', epochDate(951782400)), 'yyyy-MM-dd')`, "2004-02-29"},
	{`formatDate(addDateTime(1, 'Q', epochDate(1704067199)), 'yyyy-MM-dd HH:mm:ss')`, "2024-03-31 23:59:59"},
	{`formatDate(addDateTime(1, 'SS', epochDate(1704067199)), 'yyyy-MM-dd HH:mm:ss')`, "2024-01-01 00:00:00"},
	{`formatDate(addDateTime(-90, 'MI', epochDate(1709211909)), 'HH:mm')`, "11:35"},
	{`formatDate(addDateTime(2, 'WK', epochDate(1709211909)), 'yyyy-MM-dd')`, "2024-03-14"},
	{`addDateTime(1, 'DD', epochDate(NULL))`, "NULL"},
	// dateDiff counts the boundaries crossed, in either direction.
	{`dateDiff(epochDate(1704067199), epochDate(1709211909))`, "60"},
	{`dateDiff(epochDate(1709211909), epochDate(1704067199))`, "-60"},
	{`dateDiff(epochDate(1704067199), epochDate(1709211909), 'YYYY')`, "1"},
	{`dateDiff(epochDate(951782400), epochDate(1709211909), 'YYYY')`, "24"},
	{`dateDiff(epochDate(1704067199), addDateTime(1, 'SS', epochDate(1704067199)), 'DD')`, "1"},
	{`dateDiff(epochDate(1704067199), epochDate(1709211909), 'HH')`, "1430"},
	{`dateDiff(epochDate(NULL), epochDate(1709211909))`, "NULL"},
	// extract: the documented parts.
	{`extract('YYYY', epochDate(1709211909))`, "2024"},
	{`extract('Q', epochDate(1709211909))`, "1"},
	{`extract('MM', epochDate(1709211909))`, "2"},
	{`extract('DD', epochDate(1709211909))`, "29"},
	{`extract('HH', epochDate(1709211909))`, "13"},
	{`extract('MI', epochDate(1709211909))`, "5"},
	{`extract('SS', epochDate(1709211909))`, "9"},
	{`extract('WD', epochDate(1704067199))`, "1"},
	{`extract('Q', epochDate(1704067199))`, "4"},
	{`extract('YYYY', epochDate(NULL))`, "NULL"},
	// now() is a datetime of today.
	{`dateDiff(now(), now())`, "0"},
}

// TestCalcReferenceValuesAcrossEngines evaluates every reference case on
// every engine and checks the exact value.
func TestCalcReferenceValuesAcrossEngines(t *testing.T) {
	engines := openEngines(t, uniqueTable(t))
	for _, e := range engines {
		for _, tc := range calcReferenceCases {
			n, err := expr.Parse(tc.src)
			if err != nil {
				t.Fatalf("%s: %v", tc.src, err)
			}
			c := &expr.Compiler{Dialect: e.d}
			v, err := c.Compile(n)
			if err != nil {
				t.Errorf("%s: %s: %v", e.d.Name(), tc.src, err)
				continue
			}
			sql, args, err := dialect.Render(e.d, "SELECT "+v.SQL, c.Args)
			if err != nil {
				t.Fatal(err)
			}
			rows := run(t, e, sql, args)
			if len(rows) != 1 || len(rows[0]) != 1 || rows[0][0] != tc.want {
				t.Errorf("%s: %s = %q, want %q", e.d.Name(), tc.src, rows, tc.want)
			}
		}
	}
}
