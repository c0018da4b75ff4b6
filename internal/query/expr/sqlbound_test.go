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
	for _, d := range []dialect.Dialect{dialect.SQLite, dialect.Postgres, dialect.MySQL, dialect.DuckDB} {
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

// TestMeasureCountsRepeatedArguments checks that Measure counts the
// arguments of functions whose SQL repeats them as many times, so that a
// chain of calculated fields through them (which engines expand when they
// flatten nested SELECTs) meets MaxNodes.
func TestMeasureCountsRepeatedArguments(t *testing.T) {
	n, err := Parse("addWorkDays({Order Date}, 1)")
	if err != nil {
		t.Fatal(err)
	}
	size, err := Measure(n, 1, nil)
	if err != nil || size.Nodes != 1+18+18 {
		t.Fatalf("Measure = %+v, %v; want 37 nodes", size, err)
	}
	// c1 = addWorkDays({Order Date}, 1), ci = addWorkDays({ci-1}, 1): the
	// third link passes the bound.
	sizes := map[string]Size{}
	prev := "Order Date"
	for i := 1; i <= 3; i++ {
		n, err := Parse("addWorkDays({" + prev + "}, 1)")
		if err != nil {
			t.Fatal(err)
		}
		s, err := Measure(n, 1, func(name string, _ int) (Size, error) { return sizes[name], nil })
		if i < 3 && err != nil {
			t.Fatalf("link %d: %v", i, err)
		}
		if i == 3 {
			if err == nil || !strings.HasPrefix(err.Error(), "expression is too large once the calculated fields it references are expanded") {
				t.Fatalf("link 3: %v, want the MaxNodes bound", err)
			}
		}
		prev = "c" + string(rune('0'+i))
		sizes[prev] = s
	}
}
