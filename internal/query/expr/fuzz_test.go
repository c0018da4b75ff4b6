package expr

import (
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
	for _, s := range []string{"", "{", "${", "'", `"\`, "-(-(-1))", "in(x, [1, 'a'])", "NOT NOT a", "1e5 + .5", "{a}{b}", "ifelse(", "é + 1"} {
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
		for _, d := range []dialect.Dialect{dialect.SQLite, dialect.Postgres, dialect.MySQL} {
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
