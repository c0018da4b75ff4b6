package expr

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// TestBooleanWords: a bare TRUE or FALSE that names no field is a
// condition that always (never) holds, as QuickSight runs real calculated
// fields that write them; in braces it is only a field.
func TestBooleanWords(t *testing.T) {
	for _, src := range []string{`ifelse({Sales} > 1, TRUE, FALSE)`, `{Region} = 'x' AND false`, `sumIf({Sales}, True)`} {
		n, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := testCompiler(dialect.SQLite).Compile(n); err != nil {
			t.Errorf("%s: %v", src, err)
		}
	}
	refused := []struct{ src, want string }{
		{`{TRUE}`, `unknown field "TRUE" at position 1`},
		{`{Truth}`, `unknown field "Truth" at position 1`},
		{`TRUE + 1`, `operator + expects numbers, found boolean at position 1`},
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
	// A field named TRUE is that field.
	c := testCompiler(dialect.SQLite)
	c.Field = func(name string) (Value, bool, error) {
		return Value{SQL: "ds.x", Type: dialect.Integer, Kind: Row}, name == "TRUE", nil
	}
	n, err := Parse(`{TRUE} + 1`)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := c.Compile(n); err != nil || v.Type != dialect.Integer {
		t.Errorf("field TRUE: %v %v", v, err)
	}
	// Conditions are what ifelse, the *If aggregates and NOT take.
	for _, src := range []string{`ifelse(isNull({Sales}) OR {Sales} > 1, 1, 0)`, `countIf({Region}, NOT contains({Region}, 'a'))`, `ifelse(({Sales} > 1) = ({Sales} < 9), 'same', 'other')`} {
		n, err := Parse(src)
		if err == nil {
			_, err = testCompiler(dialect.SQLite).Compile(n)
		}
		if err != nil {
			t.Errorf("%s: %v", src, err)
		}
	}
}
