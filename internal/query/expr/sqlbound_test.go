package expr

import (
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// TestCompiledSQLIsBounded checks that functions whose SQL repeats an
// operand cannot be nested into SQL of unbounded size: each addWorkDays
// copies its date many times, so four levels pass MaxSQL and are refused
// at the call that passes it (the third or the fourth, by dialect).
func TestCompiledSQLIsBounded(t *testing.T) {
	src := "addWorkDays(addWorkDays(addWorkDays(addWorkDays({Order Date}, 1), 1), 1), 1)"
	n, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []dialect.Dialect{dialect.SQLite, dialect.Postgres, dialect.MySQL} {
		_, err := testCompiler(d).Compile(n)
		e, ok := err.(*Error)
		if !ok || !strings.HasPrefix(e.Msg, "expression is too large once compiled to SQL") || e.Pos != 0 && e.Pos != 12 {
			t.Errorf("%s: error %v, want the SQL size bound at one of the outer calls", d.Name(), err)
		}
	}
	ok := "addWorkDays(addWorkDays({Order Date}, 1), 1)"
	if n, err = Parse(ok); err != nil {
		t.Fatal(err)
	}
	if _, err := testCompiler(dialect.SQLite).Compile(n); err != nil {
		t.Errorf("%s: %v", ok, err)
	}
}
