package expr

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// testColumns is the schema the compiler tests resolve fields against.
var testColumns = map[string]dialect.Type{
	"Region": dialect.String, "Sales": dialect.Decimal, "Quantity": dialect.Integer,
	"Order Date": dialect.Datetime, "Ship Date": dialect.Datetime, "Product": dialect.String,
}

func testCompiler(d dialect.Dialect) *Compiler {
	return &Compiler{
		Dialect: d,
		Field: func(name string) (Value, bool, error) {
			t, ok := testColumns[name]
			return Value{SQL: "ds." + d.QuoteIdent(name), Type: t, Kind: Row}, ok, nil
		},
		Param: func(name string) (any, dialect.Type, bool) {
			switch name {
			case "MinSales":
				return 100.5, dialect.Decimal, true
			case "Regions":
				return []any{"East", "West"}, dialect.String, true
			case "TagName":
				return "Team", dialect.String, true
			}
			return nil, "", false
		},
	}
}

// goldenExpressions are compiled for every dialect into testdata/expressions.golden.
var goldenExpressions = []string{
	`parseDate({Region}, "d.M.yyyy'T'HHmm")`,
	`split({Region}, ';', 2)`,
	`left({Region}, 2) = right({Product}, {Quantity})`,
	`locate({Region}, 'a', 2) + locate({Product}, 'x')`,
	`replace(ltrim(rtrim({Region})), 'a', 'b')`,
	`contains({Region}, 'e', CASE_INSENSITIVE) or startsWith({Product}, 'G') or endsWith({Product}, 't')`,
	`nullIf({Quantity}, 0)`,
	`formatDate(epochDate({Quantity}), "EEE, d MMM yyyy hh:mm:ss.SSS a 'T'")`,
	`netWorkDays({Order Date}, {Ship Date}) + isWorkDay({Order Date})`,
	`addWorkDays({Order Date}, {Quantity})`,
	`{Sales} * 2 + Quantity`,
	`{Sales} / {Quantity}`,
	`ifelse({Sales} > 1000, 'big', {Sales} > 100, 'medium', 'small')`,
	`coalesce({Region}, 'unknown')`,
	`isNull({Region}) or isNotNull({Product}) and not {Quantity} = 3`,
	`in({Region}, ['East', 'West'])`,
	`notIn({Region}, ${Regions})`,
	`concat({Region}, '-', toString({Quantity}))`,
	`substring(toUpper(trim({Product})), 1, 3)`,
	`toLower({Region})`,
	`strlen({Product})`,
	`round({Sales}, 2) + floor({Sales}) - ceil({Sales}) + abs(-{Sales})`,
	`round({Sales})`,
	`truncDate('YYYY', {Order Date})`,
	`truncDate('Q', {Order Date})`,
	`truncDate('MM', {Order Date})`,
	`truncDate('WK', {Order Date})`,
	`truncDate('DD', {Order Date})`,
	`truncDate('HH', {Order Date})`,
	`truncDate('MI', {Order Date})`,
	`extract('YYYY', {Order Date}) * 100 + extract('MM', {Order Date})`,
	`extract('Q', {Order Date})`,
	`extract('WD', {Order Date})`,
	`dateDiff({Order Date}, {Ship Date})`,
	`dateDiff({Order Date}, {Ship Date}, 'MM')`,
	`dateDiff({Order Date}, {Ship Date}, 'HH')`,
	`addDateTime(7, 'DD', {Order Date})`,
	`addDateTime(-1, 'MM', {Order Date})`,
	`{Order Date} >= '2024-01-01' and {Order Date} < now()`,
	`{Sales} >= ${MinSales}`,
	`sum({Sales}) / sum({Quantity})`,
	`avg({Sales})`,
	`count({Region}) + distinct_count({Product})`,
	`min({Order Date})`,
	`max({Sales}) - min({Sales})`,
	`median({Sales})`,
	`percentile({Sales}, 90)`,
	`{Sales} % 7`,
}

func TestGoldenExpressions(t *testing.T) {
	var b strings.Builder
	for _, src := range goldenExpressions {
		n, err := Parse(src)
		if err != nil {
			t.Fatalf("Parse(%s): %v", src, err)
		}
		fmt.Fprintf(&b, "== %s\n", src)
		for _, d := range []dialect.Dialect{dialect.SQLite, dialect.Postgres, dialect.MySQL, dialect.DuckDB} {
			c := testCompiler(d)
			v, err := c.Compile(n)
			if err != nil {
				fmt.Fprintf(&b, "%s: error: %v\n", d.Name(), err)
				continue
			}
			sql, args, err := dialect.Render(d, v.SQL, c.Args)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s: %s %s %v\n", d.Name(), typeName(v.Type), sql, args)
		}
	}
	golden(t, "expressions.golden", b.String())
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the compiled output; run go test -update and review the diff\n%s", path, got)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{``, "expression is empty at position 1"},
		{`{Sales} +`, "unexpected end of expression at position 10"},
		{`{Salez} + 1`, `unknown field "Salez" at position 1`},
		{`1 + ${Nope}`, `unknown parameter "Nope" at position 5`},
		{`foo(1)`, `unknown function "foo" at position 1`},
		{`{Region} + 1`, "operator + expects numbers, found string at position 1"},
		{`{Region} = 3`, "cannot compare a string value with a integer value at position 10"},
		{`ifelse({Sales} > 1, 'a')`, "ifelse takes condition, value pairs and an else value (an odd number of at least 3 arguments), found 2 at position 1"},
		{`ifelse({Sales}, 'a', 'b')`, "expected a boolean value, found decimal at position 8"},
		{`sum({Sales}) + {Sales}`, "mismatched aggregation: aggregated and unaggregated fields cannot be combined at position 14"},
		{`sum(sum({Sales}))`, "aggregate functions cannot be nested at position 5"},
		{`truncDate('XX', {Order Date})`, `unknown period "XX" at position 11`},
		{`truncDate({Region}, {Order Date})`, "the period must be a string literal such as 'MM' at position 11"},
		{`percentile({Sales}, 101)`, "percentile expects a percentile between 0 and 100 at position 21"},
		{`'abc`, "unterminated string literal at position 1"},
		{`{Sales`, "unterminated field reference at position 1"},
		{`{Sales} ; DROP TABLE x`, `unexpected character ';' at position 9`},
		{`in({Region}, [])`, "in needs at least one value at position 14"},
		{`{Order Date} > 'yesterday'`, `"yesterday" is not a date at position 16`},
		{`formatDate({Order Date}, 'yyyy-QQ')`, `formatDate: unsupported format token "QQ" at position 26`},
		{`formatDate({Order Date}, 'yyyy-MM-ddTkk:mm')`, `formatDate: unsupported format token "T" at position 26`},
		{`formatDate({Order Date}, "KK:mm")`, `formatDate: unsupported format token "KK" at position 26`},
		{`formatDate({Order Date}, "'abc")`, "formatDate: unterminated quoted text in the format at position 26"},
		{`formatDate({Order Date}, 'yyyy', 'x')`, "formatDate takes 1 to 2 arguments, found 3 at position 1"},
		{`formatDate({Order Date}, {Region})`, "formatDate: the format must be a string literal such as 'yyyy-MM-dd' at position 26"},
		{`formatDate({Region}, 'yyyy')`, "expected a datetime value, found string at position 12"},
		{`contains({Region}, 'a', LOWER)`, "contains: the third argument must be CASE_SENSITIVE or CASE_INSENSITIVE at position 25"},
		{`startsWith({Region}, 'a', 'CASE_INSENSITIVE')`, "startsWith: the third argument must be CASE_SENSITIVE or CASE_INSENSITIVE at position 27"},
		{`left({Region})`, "left takes 2 argument(s), found 1 at position 1"},
		{`locate({Region}, 1)`, "expected a string value, found integer at position 18"},
		{`locate({Region}, 'a', 1, 2)`, "locate takes 2 to 3 arguments, found 4 at position 1"},
		{`right({Region}, 1.5)`, "expected a integer value, found decimal at position 17"},
		{`epochDate({Order Date})`, "expected a integer value, found datetime at position 11"},
		{`nullIf({Region}, 1)`, "nullIf: expected a string value, found integer at position 18"},
		{`netWorkDays(NULL, {Order Date})`, "netWorkDays does not accept a literal NULL at position 13"},
		{`isWorkDay({Region})`, "expected a datetime value, found string at position 11"},
		{`netWorkDays({Order Date})`, "netWorkDays takes 2 argument(s), found 1 at position 1"},
		{`addWorkDays({Order Date}, 1.5)`, "expected a integer value, found decimal at position 27"},
		{`addWorkDays({Order Date}, NULL)`, "addWorkDays does not accept a literal NULL at position 27"},
		{`parseInt({Quantity})`, "expected a string value, found integer at position 10"},
		{`split({Region}, '', 1)`, "split: the delimiter must be a string literal of 1 to 256 characters, such as ';' or ' in ', or a string of literals and parameters at position 17"},
		{`split({Region}, {Product}, 1)`, "split: the delimiter must be a string literal of 1 to 256 characters, such as ';' or ' in ', or a string of literals and parameters at position 17"},
		{`split({Region}, ';', 0)`, "split: the position must be an integer literal from 1 to 1000000 at position 22"},
		{`split({Region}, ';', {Quantity})`, "split: the position must be an integer literal from 1 to 1000000 at position 22"},
		{`split({Region}, ';', 1.5)`, "split: the position must be an integer literal from 1 to 1000000 at position 22"},
		{`split({Quantity}, ';', 1)`, "expected a string value, found integer at position 7"},
		{`parseDate({Region}, 'dd-MMMM-yyyy')`, `parseDate: unsupported format token "MMMM" at position 21`},
		{`parseDate({Region}, 'MM/dd')`, "parseDate: the format must read the year (yyyy), month (MM) and day (dd) at position 21"},
		{`parseDate({Region}, 'yyyy-MM-dd dd')`, "parseDate: the format reads the day twice at position 21"},
		{`parseDate({Region}, {Product})`, "parseDate: the format must be a string literal such as 'MM/dd/yyyy' at position 21"},
		{`parseDate({Order Date})`, "expected a string value, found datetime at position 11"},
		{`parseDate({Region}, 'yyyy-M-d H:m:s')`, `parseDate: unsupported format token "m" at position 21`},
		{`parseDate({Region}, 'yyyy-M-d H:mm:ss M')`, "parseDate: the format reads the month twice at position 21"},
		{strings.Repeat("(", 300) + "1" + strings.Repeat(")", 300), "expression is nested too deeply at position 201"},
	}
	for _, c := range cases {
		n, err := Parse(c.src)
		if err == nil {
			_, err = testCompiler(dialect.SQLite).Compile(n)
		}
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: error %v, want %q", c.src, err, c.want)
		}
	}
}

func TestInvalidNamesFieldAndPosition(t *testing.T) {
	_, err := Parse(`{Sales} * * 2`)
	err = Invalid("Double sales", err)
	e, ok := errors.AsType[*sg.Error](err)
	if !ok || e.Code != sg.EINVALID {
		t.Fatalf("error %#v, want *sg.Error EINVALID", err)
	}
	if want := `The expression of calculated field "Double sales" is invalid: unexpected "*" at position 11`; e.Message != want {
		t.Errorf("message %q, want %q", e.Message, want)
	}
}

func TestNoAggregates(t *testing.T) {
	n, _ := Parse(`sum({Sales})`)
	c := testCompiler(dialect.SQLite)
	c.NoAggregates = true
	if _, err := c.Compile(n); err == nil || !strings.Contains(err.Error(), "not allowed") {
		t.Errorf("aggregate in a row-level context: %v", err)
	}
}

// TestValuesAreBound checks that text from an expression never reaches
// the SQL: every literal is an argument.
func TestValuesAreBound(t *testing.T) {
	src := `ifelse({Region} = 'x''; DROP TABLE t; --', "a\" OR 1=1", concat({Region}, '/*'))`
	n, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []dialect.Dialect{dialect.SQLite, dialect.Postgres, dialect.MySQL, dialect.DuckDB} {
		c := testCompiler(d)
		v, err := c.Compile(n)
		if err != nil {
			t.Fatal(err)
		}
		sql, args, _ := dialect.Render(d, v.SQL, c.Args)
		for _, bad := range []string{"DROP", "OR 1=1", "/*"} {
			if strings.Contains(sql, bad) {
				t.Errorf("%s: %q reached the SQL: %s", d.Name(), bad, sql)
			}
		}
		if fmt.Sprint(args) != `[x'; DROP TABLE t; -- a" OR 1=1 /*]` {
			t.Errorf("%s: args %q", d.Name(), args)
		}
	}
}
