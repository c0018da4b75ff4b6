package dataset

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// chainLogical is n CreateColumnsOperations, column c<i> computed from
// c<i-1> by expression (with %[1]s the previous column).
func chainLogical(n int, expression string) string {
	var ops []string
	prev := "amount"
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("c%d", i)
		e, _ := json.Marshal(fmt.Sprintf(expression, prev))
		ops = append(ops, fmt.Sprintf(`{"CreateColumnsOperation": {"Columns": [{"ColumnName": %q, "ColumnId": %q, "Expression": %s}]}}`, name, name, e))
		prev = name
	}
	return `{"o": {"Alias": "o", "Source": {"PhysicalTableId": "orders"}, "DataTransforms": [` + strings.Join(ops, ",") + `]}}`
}

const onePhysical = `{"orders": {"RelationalTable": {"DataSourceArn": "` + arn + `", "Name": "orders",
  "InputColumns": [{"Name": "id", "Type": "INTEGER"}, {"Name": "amount", "Type": "DECIMAL"}]}}}`

func wantInvalid(t *testing.T, err error, contains ...string) {
	t.Helper()
	if sg.ErrorCode(err) != sg.EINVALID {
		t.Fatalf("err = %v, want EINVALID", err)
	}
	for _, c := range contains {
		if !strings.Contains(sg.ErrorMessage(err), c) {
			t.Fatalf("message %q lacks %q", sg.ErrorMessage(err), c)
		}
	}
}

// A chain of calculated columns that each use the one before twice
// doubles when an engine flattens the nested SELECTs; it is refused at
// its first link past the bound, with little memory.
func TestDoublingChainRefused(t *testing.T) {
	logical := json.RawMessage(chainLogical(100, "{%[1]s} + {%[1]s}"))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := Parse(json.RawMessage(onePhysical), logical)
	runtime.ReadMemStats(&after)
	wantInvalid(t, err, `calculated field "c13"`, "too large")
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("Parse allocated %d MB", alloc>>20)
	}
	// Twelve links are fine, and so is a long chain that grows linearly.
	if _, err := Parse(json.RawMessage(onePhysical), json.RawMessage(chainLogical(12, "{%[1]s} + {%[1]s}"))); err != nil {
		t.Fatal(err)
	}
	if _, err := Parse(json.RawMessage(onePhysical), json.RawMessage(chainLogical(150, "{%[1]s} * 2"))); err != nil {
		t.Fatal(err)
	}
}

func TestDeepChainRefused(t *testing.T) {
	_, err := Parse(json.RawMessage(onePhysical), json.RawMessage(chainLogical(300, "{%[1]s} + 1")))
	wantInvalid(t, err, `calculated field "c200"`, "nested too deeply")
	// A column that only names the one before adds no depth.
	if _, err := Parse(json.RawMessage(onePhysical), json.RawMessage(chainLogical(300, "{%[1]s}"))); err != nil {
		t.Fatal(err)
	}
	// A filter over the deep chain is bounded the same way.
	logical := strings.TrimSuffix(chainLogical(190, "{%[1]s} + 1"), "]}}") + `, {"FilterOperation": {"ConditionExpression": "abs(abs(abs(abs(abs(abs(abs(abs(abs(abs({c190})))))))))) > 0"}}]}}`
	_, err = Parse(json.RawMessage(onePhysical), json.RawMessage(logical))
	wantInvalid(t, err, "ConditionExpression is invalid", "nested too deeply")
}

// Many columns that each expand a large one add up in the flattened
// query: the total is bounded too.
func TestExpandedTotalRefused(t *testing.T) {
	base := strings.TrimSuffix(chainLogical(11, "{%[1]s} + {%[1]s}"), "]}}")
	var cols []string
	for i := range 64 {
		cols = append(cols, fmt.Sprintf(`{"ColumnName": "x%d", "ColumnId": "x%d", "Expression": "{c11} * %d"}`, i, i, i))
	}
	logical := base + `, {"CreateColumnsOperation": {"Columns": [` + strings.Join(cols, ",") + `]}}]}}`
	_, err := Parse(json.RawMessage(onePhysical), json.RawMessage(logical))
	wantInvalid(t, err, "more than 100000 terms")
}

// The SQL of many transforms over many columns is bounded, and nested
// MySQL full outer joins (which repeat their left side) cannot double it
// without bound.
func TestRelationLengthBounded(t *testing.T) {
	var in []string
	for i := range 2000 {
		in = append(in, fmt.Sprintf(`{"Name": "column_with_a_long_name_%04d", "Type": "STRING"}`, i))
	}
	physical := `{"wide": {"RelationalTable": {"DataSourceArn": "` + arn + `", "Name": "wide", "InputColumns": [` + strings.Join(in, ",") + `]}}}`
	var ops []string
	for i := range 2048 {
		ops = append(ops, fmt.Sprintf(`{"CastColumnTypeOperation": {"ColumnName": "column_with_a_long_name_%04d", "NewColumnType": "STRING"}}`, i%2000))
	}
	logical := `{"w": {"Alias": "w", "Source": {"PhysicalTableId": "wide"}, "DataTransforms": [` + strings.Join(ops, ",") + `]}}`
	_, err := Parse(json.RawMessage(physical), json.RawMessage(logical))
	wantInvalid(t, err, "longer than 4194304 bytes")

	// l0 … l30 are leaves; j<k> joins j<k-1> (left) with l<k> in a full
	// outer join.
	tables := map[string]any{}
	physicals := map[string]any{}
	for k := 0; k <= 30; k++ {
		id := fmt.Sprintf("p%d", k)
		physicals[id] = map[string]any{"RelationalTable": map[string]any{"DataSourceArn": arn, "Name": id,
			"InputColumns": []map[string]string{{"Name": fmt.Sprintf("k%d", k), "Type": "INTEGER"}}}}
		tables[fmt.Sprintf("l%d", k)] = map[string]any{"Alias": id, "Source": map[string]any{"PhysicalTableId": id}}
	}
	prev := "l0"
	for k := 1; k <= 30; k++ {
		id := fmt.Sprintf("j%d", k)
		tables[id] = map[string]any{"Alias": id, "Source": map[string]any{"JoinInstruction": map[string]any{
			"LeftOperand": prev, "RightOperand": fmt.Sprintf("l%d", k), "Type": "OUTER", "OnClause": fmt.Sprintf("{k0} = {k%d}", k)}}}
		prev = id
	}
	pj, _ := json.Marshal(physicals)
	lj, _ := json.Marshal(tables)
	parsed, err := Parse(pj, lj)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := parsed.Relation(dialect.Postgres); err != nil {
		t.Fatalf("PostgreSQL: %v", err)
	}
	_, _, err = parsed.Relation(dialect.MySQL)
	wantInvalid(t, err, "longer than 4194304 bytes")
}

func TestParseHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ParseContext(ctx, json.RawMessage(onePhysical), json.RawMessage(chainLogical(5, "{%[1]s} * 2")))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
