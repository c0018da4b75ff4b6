package expr

import (
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// split's delimiter may be a string of literals and parameters
// (split({tags}, concat(${TagName}, '='), 2), as a public CORA dashboard
// writes it), guarded so that an empty one splits nothing; a column is
// refused.
func TestSplitDelimiterExpression(t *testing.T) {
	n, err := Parse(`split({Region}, concat(${TagName}, '='), 2)`)
	if err != nil {
		t.Fatal(err)
	}
	c := testCompiler(dialect.SQLite)
	v, err := c.Compile(n)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(v.SQL, "(CASE WHEN length(") || v.Type != dialect.String {
		t.Errorf("%s %s", v.SQL, v.Type)
	}
	n, _ = Parse(`split({Region}, concat({Region}, '='), 2)`)
	if _, err := testCompiler(dialect.SQLite).Compile(n); err == nil || !strings.Contains(err.Error(), "or a string of literals and parameters") {
		t.Errorf("a column delimiter: %v", err)
	}
}
