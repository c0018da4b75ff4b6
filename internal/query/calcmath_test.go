package query

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// calcMathCases are the math and conditional functions, operators and
// syntax of the calculation language with the values QuickSight's
// reference gives (page named in each group's comment) and edge cases.
// Outside a function's domain every engine yields NULL.
var calcMathCases = []struct{ src, want string }{
	// mod-function: "17%6" and "mod( 17, 6 )" return 5. The sign is the
	// number's (truncated division); a zero divisor gives NULL.
	{`17%6`, "5"},
	{`mod( 17, 6 )`, "5"},
	{`mod(-17, 6)`, "-5"},
	{`mod(17, -6)`, "5"},
	{`mod(17, 0)`, "NULL"},
	{`17 % 0`, "NULL"},
	{`mod(5.5, 2)`, "1.5"},
	{`mod(-5.5, 2)`, "-1.5"},
	{`mod(7, 2.5)`, "2"},
	{`mod(NULL, 2)`, "NULL"},
	{`Mod(17, 6)`, "5"},
	// arithmetic-and-comparison-operators: 3/2 is 1.5; 5 + (7 * 3) is 26;
	// (5 + 7) * 3 is 36; ^ is the power, before the sign.
	{`3/2`, "1.5"},
	{`5 + (7 * 3)`, "26"},
	{`(5 + 7) * 3`, "36"},
	{`2^10`, "1024"},
	{`2^-1`, "0.5"},
	{`-2^2`, "-4"},
	{`(-2)^2`, "4"},
	{`2^3^2`, "512"},
	{`4^0.5`, "2"},
	{`0^0`, "1"},
	{`(-8)^(1/3)`, "NULL"},
	{`0^-1`, "NULL"},
	{`10^400`, "NULL"},
	{`NULL^2`, "NULL"},
	// sqrt-function, exp-function, ln-function, log-function (log is
	// base 10).
	{`sqrt(9)`, "3"},
	{`sqrt(2)`, "1.4142"},
	{`sqrt(0)`, "0"},
	{`sqrt(-1)`, "NULL"},
	{`sqrt(NULL)`, "NULL"},
	{`SQRT(16)`, "4"},
	{`exp(0)`, "1"},
	{`exp(1)`, "2.7183"},
	{`exp(-1)`, "0.3679"},
	{`exp(1000)`, "NULL"},
	{`ln(1)`, "0"},
	{`ln(exp(2))`, "2"},
	{`ln(0)`, "NULL"},
	{`ln(-1)`, "NULL"},
	{`log(100)`, "2"},
	{`log(1000)`, "3"},
	{`log(0.01)`, "-2"},
	{`log(0)`, "NULL"},
	{`log(-10)`, "NULL"},
	{`log(NULL)`, "NULL"},
	// switch-function: the example's region names, a value no label
	// equals, labels compared exactly, numbers, dates and NULL.
	{`switch('US East (N. Virginia)', "US East (N. Virginia)", "us-east-1", "Europe (Ireland)", "eu-west-1", "US West (N. California)", "us-west-1", "other regions")`, "us-east-1"},
	{`switch('US West (N. California)', "US East (N. Virginia)", "us-east-1", "Europe (Ireland)", "eu-west-1", "US West (N. California)", "us-west-1", "other regions")`, "us-west-1"},
	{`switch('Asia Pacific (Tokyo)', "US East (N. Virginia)", "us-east-1", "Europe (Ireland)", "eu-west-1", "US West (N. California)", "us-west-1", "other regions")`, "other regions"},
	{`switch('a', 'A', 1, 0)`, "0"},
	{`switch(3, 1, 'one', 3, 'three', 'other')`, "three"},
	{`switch(2 + 1.5, 3.5, 'yes', 'no')`, "yes"},
	{`switch(epochDate(951782400), '2000-02-29', 'leap day', 'other')`, "leap day"},
	{`switch(NULL, 'a', 1, 2)`, "2"},
	{`switch('', '', 'empty', 'other')`, "empty"},
	{`SWITCH('b', 'a', 1, 'b', 2, 3) * 10`, "20"},
	// arithmetic-and-comparison-operators: = and <> are case sensitive
	// ("Region = 'south'" does not keep South), as are in and notIn.
	{`'South' = 'south'`, "0"},
	{`'South' <> 'south'`, "1"},
	{`'South' = 'South'`, "1"},
	{`'a' = 'a '`, "0"},
	{`in('South', ['south', 'SOUTH'])`, "0"},
	{`notIn('South', ['south'])`, "1"},
	{`in('ñ', ['Ñ', 'ñ'])`, "1"},
	// toString and concat write numbers and conditions alike on every
	// engine (toString-function): whole decimals without a fraction,
	// others in their shortest form; booleans as true or false. Brackets
	// keep the text from reading as a number.
	{`concat('[', toString(2.0), ']')`, "[2]"},
	{`concat('[', toString(1.5), ']')`, "[1.5]"},
	{`concat('[', toString(1/3), ']')`, "[0.3333333333333333]"},
	{`concat('[', toString(0.1 + 0.2), ']')`, "[0.30000000000000004]"},
	{`concat('[', toString(-0.5), ']')`, "[-0.5]"},
	{`concat('[', toString(7/2), ']')`, "[3.5]"},
	{`concat('[', toString(10/2), ']')`, "[5]"},
	{`concat('[', toString(12345678901), ']')`, "[12345678901]"},
	{`concat('[', toString(-123456.789), ']')`, "[-123456.789]"},
	{`concat('[', 1.25, '|', 4.0, '|', 3, ']')`, "[1.25|4|3]"},
	{`concat('[', toString(isNull(NULL)), '|', toString(1 > 2), ']')`, "[true|false]"},
	{`concat('[', toString(epochDate(951782400)), ']')`, "[2000-02-29 00:00:00]"},
	{`toString(NULL + 1.5)`, "NULL"},
	// floor and ceil are integers: their text has no fraction on any
	// engine (toString(floor(statuscode/100)*100) = '200', as a real
	// dashboard filters on).
	{`concat('[', toString(floor(204/100)*100), '|', toString(ceil(2.5)), '|', toString(floor(-2.5)), ']')`, "[200|3|-3]"},
	// Comments (/* … */, any text) and case-insensitive function names.
	{`1 /* ünïcödé ✓ 日本語 */ + 2`, "3"},
	{`/* lead */ concat('a', /* mid, 'x' */ 'b') /* trail */`, "ab"},
	{`'/* not a comment */'`, "/* not a comment */"},
	{`/**/toUPPER('a')/***/`, "A"},
}

// TestCalcMathValuesAcrossEngines evaluates every case on SQLite, DuckDB
// and, when configured, PostgreSQL and MariaDB, and checks the value.
func TestCalcMathValuesAcrossEngines(t *testing.T) {
	engines := openEngines(t, uniqueTable(t))
	for _, e := range engines {
		for _, tc := range calcMathCases {
			n, err := expr.Parse(tc.src)
			if err != nil {
				t.Fatalf("%s: %v", tc.src, err)
			}
			c := &expr.Compiler{Dialect: e.d}
			v, err := c.Compile(n)
			if err != nil {
				t.Fatalf("%s: %s: %v", e.d.Name(), tc.src, err)
			}
			sql, args, err := dialect.Render(e.d, "SELECT "+v.SQL, c.Args)
			if err != nil {
				t.Fatal(err)
			}
			rows := run(t, e, sql, args)
			if len(rows) != 1 || len(rows[0]) != 1 || rows[0][0] != tc.want {
				t.Errorf("%s: %s = %q, want %q\n%s %v", e.d.Name(), tc.src, rows, tc.want, sql, args)
			}
		}
	}
}
