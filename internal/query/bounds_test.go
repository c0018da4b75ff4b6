package query

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// An analysis's calculated fields are compiled in place of their
// references: fields that each use the one before twice are refused at
// the first link past the bound instead of doubling the SQL 100 times.
func TestCalculatedFieldChainBounded(t *testing.T) {
	tables, err := salesTables("orders")
	if err != nil {
		t.Fatal(err)
	}
	rel, args, _ := tables.Relation(dialect.SQLite)
	chain := func(n int, expression string) []CalculatedField {
		fields := []CalculatedField{{Name: "c0", Expression: "{quantity}"}}
		for i := 1; i <= n; i++ {
			fields = append(fields, CalculatedField{Name: fmt.Sprintf("c%d", i), Expression: fmt.Sprintf(expression, fmt.Sprintf("{c%d}", i-1))})
		}
		return fields
	}
	q := &Question{Measures: []Measure{{Field: "c100", Aggregation: Sum}}, CalculatedFields: chain(100, "%[1]s + %[1]s")}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err = Compile(q, rel, args, tables.OutputColumns(), dialect.SQLite)
	runtime.ReadMemStats(&after)
	if sg.ErrorCode(err) != sg.EINVALID || !strings.Contains(sg.ErrorMessage(err), `The expression of calculated field "c100" is invalid: expression is too large`) {
		t.Fatalf("Compile = %v", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("Compile allocated %d MB", alloc>>20)
	}
	// Deep but linear chains: 150 links compile, 190 with a deep expression on top are too deep.
	q = &Question{Measures: []Measure{{Field: "c150", Aggregation: Sum}}, CalculatedFields: chain(150, "%s + 1")}
	if _, err := Compile(q, rel, args, tables.OutputColumns(), dialect.SQLite); err != nil {
		t.Fatal(err)
	}
	q = &Question{Measures: []Measure{{Field: "top", Aggregation: Sum}}, CalculatedFields: append(chain(190, "%s + 1"), CalculatedField{Name: "top", Expression: "abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs({c190}))))))))))))"})}
	_, err = Compile(q, rel, args, tables.OutputColumns(), dialect.SQLite)
	if sg.ErrorCode(err) != sg.EINVALID || !strings.Contains(sg.ErrorMessage(err), "nested too deeply") {
		t.Fatalf("190 links and more: %v", err)
	}
}
