package rls

import (
	"encoding/json"

	"github.com/sightglass/sightglass/internal/query/expr"
)

// logicalTransforms is the part of a LogicalTableMap that derives columns
// from others: calculated columns and renames.
type logicalTransforms map[string]struct {
	DataTransforms []struct {
		CreateColumnsOperation *struct {
			Columns []struct {
				ColumnName string
				Expression string
			}
		}
		RenameColumnOperation *struct {
			ColumnName    string
			NewColumnName string
		}
	}
}

// DerivedHidden extends the hidden columns with the dataset's calculated
// columns computed from them (a LogicalTableMap's CreateColumnsOperation
// whose expression references a hidden column, through renames and other
// calculated columns), so that a hidden value cannot be read through a
// column derived from it. Names are matched across all logical tables,
// which may hide more than needed but never less. logical is the
// dataset's LogicalTableMap (nil for none).
func DerivedHidden(logical []byte, hidden map[string]bool) (map[string]bool, error) {
	if len(hidden) == 0 || len(logical) == 0 {
		return hidden, nil
	}
	var tables logicalTransforms
	if err := json.Unmarshal(logical, &tables); err != nil {
		return nil, err
	}
	tainted := make(map[string]bool, len(hidden))
	for n := range hidden {
		tainted[n] = true
	}
	type calc struct {
		name string
		refs []string
	}
	var calcs []calc
	var renames [][2]string
	for _, t := range tables {
		for _, tr := range t.DataTransforms {
			if r := tr.RenameColumnOperation; r != nil {
				renames = append(renames, [2]string{r.ColumnName, r.NewColumnName})
			}
			if c := tr.CreateColumnsOperation; c != nil {
				for _, col := range c.Columns {
					n, err := expr.Parse(col.Expression)
					if err != nil {
						// Checked when the dataset was saved; unreadable now
						// means it cannot be shown to be independent.
						calcs = append(calcs, calc{col.ColumnName, nil})
						tainted[col.ColumnName] = true
						continue
					}
					calcs = append(calcs, calc{col.ColumnName, expr.Fields(n)})
				}
			}
		}
	}
	out := make(map[string]bool, len(hidden))
	for n := range hidden {
		out[n] = true
	}
	for changed := true; changed; {
		changed = false
		for _, r := range renames {
			// A hidden column renamed from another: its old name carries it
			// (and a renamed tainted column carries its new name).
			if tainted[r[1]] && !tainted[r[0]] {
				tainted[r[0]], changed = true, true
			}
			if tainted[r[0]] && !tainted[r[1]] {
				tainted[r[1]], changed = true, true
			}
		}
		for _, c := range calcs {
			if tainted[c.name] {
				continue
			}
			for _, ref := range c.refs {
				if tainted[ref] {
					tainted[c.name], changed = true, true
					break
				}
			}
		}
	}
	for _, c := range calcs {
		if tainted[c.name] {
			out[c.name] = true
		}
	}
	for _, r := range renames {
		if tainted[r[1]] {
			out[r[1]] = true
		}
	}
	return out, nil
}
