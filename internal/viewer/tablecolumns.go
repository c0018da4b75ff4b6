package viewer

import (
	"encoding/json"
	"slices"

	"github.com/sightglass/sightglass/internal/definition"
)

// tableLayout is what a table's FieldOptions say of its columns: the
// fields it hides (SelectedFieldOptions[].Visibility HIDDEN) and the
// order it draws them in (Order, by field id; fields it does not name
// follow, in the field wells' order).
type tableLayout struct {
	hidden map[string]bool
	order  []string
}

// tableLayoutOf reads a table visual's FieldOptions.
func tableLayoutOf(vis *definition.Visual) tableLayout {
	var v struct {
		ChartConfiguration struct {
			FieldOptions struct {
				SelectedFieldOptions []struct{ FieldId, Visibility string }
				Order                []string
			}
		}
	}
	if vis == nil || vis.Kind != definition.KindTable || json.Unmarshal(vis.Raw, &v) != nil {
		return tableLayout{}
	}
	l := tableLayout{order: v.ChartConfiguration.FieldOptions.Order}
	for _, o := range v.ChartConfiguration.FieldOptions.SelectedFieldOptions {
		if o.Visibility == "HIDDEN" {
			if l.hidden == nil {
				l.hidden = map[string]bool{}
			}
			l.hidden[o.FieldId] = true
		}
	}
	return l
}

// columns returns the indexes of the columns to draw, in order, of a
// table whose columns are the fields ids; nil when every column is drawn
// as it is. A hidden column is still asked (its values still group the
// rows, sort them and feed conditional formatting): it is only not drawn.
func (l tableLayout) columns(ids []string) []int {
	if len(l.hidden) == 0 && len(l.order) == 0 {
		return nil
	}
	var out []int
	for _, id := range l.order {
		if i := slices.Index(ids, id); i >= 0 && !l.hidden[id] && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	for i, id := range ids {
		if !l.hidden[id] && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	return out
}

// arrange draws a table's columns as its layout says. The totals row's
// label (its first cell) moves to the first drawn column when that one
// has no text of its own.
func (l tableLayout) arrange(t *Table, ids []string) {
	cols := l.columns(ids)
	if cols == nil || t == nil || len(t.Headers) != len(ids) {
		return
	}
	pick := func(cells []Cell) []Cell {
		if len(cells) != len(ids) {
			return cells
		}
		out := make([]Cell, len(cols))
		for k, i := range cols {
			out[k] = cells[i]
		}
		return out
	}
	label := ""
	if len(t.Totals) > 0 {
		label = t.Totals[0].Text
	}
	t.Headers = pick(t.Headers)
	for r := range t.Rows {
		t.Rows[r] = pick(t.Rows[r])
	}
	if t.Totals != nil {
		t.Totals = pick(t.Totals)
		if label != "" && len(t.Totals) > 0 && len(cols) > 0 && cols[0] != 0 && t.Totals[0].Text == "" && !slices.Contains(cols, 0) {
			t.Totals[0].Text = label
		}
	}
}

// fieldIDs lists fields' ids.
func fieldIDs(fs []field) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.id
	}
	return out
}
