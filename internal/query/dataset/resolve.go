package dataset

import (
	"context"

	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// resolve finds the root logical table, checks the references between
// tables and derives every logical table's columns, type-checking joins,
// filters and calculated columns.
func (t *Tables) resolve(ctx context.Context) error {
	used := map[string]string{} // logical id → the join that uses it
	for _, id := range sortedKeys(t.Logical) {
		lt := t.Logical[id]
		if pid := lt.Source.PhysicalTableId; pid != "" {
			if _, ok := t.Physical[pid]; !ok {
				return invalid("LogicalTableMap.%s.Source.PhysicalTableId %q is not in PhysicalTableMap", id, pid)
			}
		}
		if j := lt.Source.JoinInstruction; j != nil {
			for _, op := range []string{j.LeftOperand, j.RightOperand} {
				if _, ok := t.Logical[op]; !ok {
					return invalid("LogicalTableMap.%s.Source.JoinInstruction operand %q is not in LogicalTableMap", id, op)
				}
				if _, dup := used[op]; dup || op == id {
					return invalid("LogicalTableMap.%s.Source.JoinInstruction: logical table %q is joined more than once or into itself", id, op)
				}
				used[op] = id
			}
		}
	}
	if !t.implicit {
		var roots []string
		for _, id := range sortedKeys(t.Logical) {
			if _, ok := used[id]; !ok {
				roots = append(roots, id)
			}
		}
		if len(roots) != 1 {
			return invalid("LogicalTableMap must have exactly one table that no join uses (the dataset's output), found %d", len(roots))
		}
		t.Root = roots[0]
	}
	// Validate by compiling for SQLite; this also derives the columns.
	b := &build{ctx: ctx, t: t, c: &expr.Compiler{Dialect: dialect.SQLite, NoAggregates: true}, record: true}
	_, err := b.root()
	return err
}

// columnType is the column type of an expression type.
func columnType(t dialect.Type) string {
	if t == "" {
		return "STRING"
	}
	return string(t)
}

// scope resolves field names against columns read through alias.
func scope(d dialect.Dialect, alias string, cols []Column) func(string) (expr.Value, bool, error) {
	return func(name string) (expr.Value, bool, error) {
		for _, c := range cols {
			if c.Name == name {
				sql, t := dialect.ColumnValue(alias+"."+d.QuoteIdent(c.Name), c.Type)
				return expr.Value{SQL: sql, Type: t, Kind: expr.Row}, true, nil
			}
		}
		return expr.Value{}, false, nil
	}
}
