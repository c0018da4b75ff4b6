package expr

import (
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// FuzzParseExpression checks that parsing and compiling arbitrary text
// never panics, that failures are positioned *Error values inside the
// source, and that compiled SQL always renders.
func FuzzParseExpression(f *testing.F) {
	for _, s := range goldenExpressions {
		f.Add(s)
	}
	for _, s := range []string{"", "{", "${", "'", `"\`, "-(-(-1))", "in(x, [1, 'a'])", "NOT NOT a", "1e5 + .5", "{a}{b}", "ifelse(", "é + 1",
		"formatDate({Order Date}, \"EEEE', ''d'' MMM yy 'T' hh:mm:ss.SSS a\")", "contains({Region}, 'a', CASE_INSENSITIVE)",
		"locate({Region}, 'a', 2)", "left(right({Region}, 3), -1)", "epochDate(-1)", "split({Region}, '|', 3)", "parseDate({Region}, 'MM/dd/yyyy HH:mm:ss')", "nullIf({Sales}, 0)",
		"/* ünïcödé ✓ */ sumIf({Sales}, {Region} = 'East') /**/", "// a line\nifelse({Region} = 'a//b', 1, //x\r 2)", "1 /* a */ + /* b", "switch({Region}, 'East', 1, 'West', 2, 0)", "mod({Sales}, 0)",
		"periodToDateSum({Sales}, {Order Date}, WEEK, parseDate('06-30-2021', 'MM-dd-yyyy'))", "percentileDisc({Sales}, 30)", "sqrt(ln(exp(log({Sales}))))", "parseJson({Region}, '$.a[0].b c')"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		n, err := Parse(src)
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("Parse(%q): %T %v", src, err, err)
			}
			if e.Pos < 0 || e.Pos > len(src) {
				t.Fatalf("Parse(%q): position %d outside the source", src, e.Pos)
			}
			return
		}
		for _, d := range []dialect.Dialect{dialect.SQLite, dialect.Postgres, dialect.MySQL, dialect.DuckDB} {
			c := testCompiler(d)
			v, err := c.Compile(n)
			if err != nil {
				if _, ok := err.(*Error); !ok {
					t.Fatalf("Compile(%q): %T %v", src, err, err)
				}
				continue
			}
			if _, _, err := dialect.Render(d, v.SQL, c.Args); err != nil {
				t.Fatalf("Render(%q): %v", src, err)
			}
		}
	})
}

// FuzzParseNesting wraps fuzzed text in thousands of levels of fuzzed
// openers and closers (parentheses, negations, NOT, calls, lists,
// operator chains): parsing and compiling must fail with a positioned
// *Error or succeed, never exhaust the stack, and anything accepted is
// within MaxDepth.
func FuzzParseNesting(f *testing.F) {
	f.Add("(", ")", "1", uint16(5000))
	f.Add("-(", ")", "{Sales}", uint16(5000))
	f.Add("-", "", "1", uint16(60000))
	f.Add("NOT ", "", "a", uint16(9000))
	f.Add("abs(", ")", "{Sales}", uint16(5000))
	f.Add("[", "]", "1", uint16(9000))
	f.Add("1 + ", "", "1", uint16(9000))
	f.Add("2^", "", "2", uint16(9000))
	f.Add("-2^-", "", "2", uint16(9000))
	f.Add("/* */(", ")/**/", "1", uint16(5000))
	f.Add("ifelse(", ", 1, 2)", "a", uint16(3000))
	f.Add("coalesce(1, ", ")", "2", uint16(200))
	f.Fuzz(func(t *testing.T, open, close, core string, n uint16) {
		if len(open)+len(close) > 16 || len(core) > 64 {
			return
		}
		src := strings.Repeat(open, int(n)) + core + strings.Repeat(close, int(n))
		node, err := Parse(src)
		if err != nil {
			e, ok := err.(*Error)
			if !ok || e.Pos < 0 || e.Pos > len(src) {
				t.Fatalf("Parse: %T %v", err, err)
			}
			return
		}
		// What parses is within MaxDepth.
		if _, err := Measure(node, 1, nil); err != nil && err.(*Error).Msg == tooDeep {
			t.Fatalf("Parse accepted an expression deeper than %d", MaxDepth)
		}
		c := testCompiler(dialect.SQLite)
		if _, err := c.Compile(node); err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("Compile: %T %v", err, err)
			}
		}
	})
}
