package expr

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// TestBooleanWords: TRUE and FALSE are not literals (QuickSight promotes
// booleans to 1 and 0); a bare one is refused by name unless a field has
// that name, and conditions are accepted where QuickSight takes them.
func TestBooleanWords(t *testing.T) {
	refused := []struct{ src, want string }{
		{`ifelse({Sales} > 1, TRUE, FALSE)`, "TRUE is not a value in QuickSight's calculation language, which has no boolean literal (booleans are the integers 1 and 0): write 1, or the condition itself at position 21"},
		{`{Region} = 'x' AND false`, "false is not a value in QuickSight's calculation language, which has no boolean literal (booleans are the integers 1 and 0): write 0, or the condition itself at position 20"},
		{`sumIf({Sales}, True)`, "True is not a value in QuickSight's calculation language, which has no boolean literal (booleans are the integers 1 and 0): write 1, or the condition itself at position 16"},
		{`{Truth}`, `unknown field "Truth" at position 1`},
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
