package highcharts

import (
	"fmt"
	"math"
)

// dataOps read the visual's answer and theme. The operations Highcharts
// runs per point in the browser (highlighting, click actions) evaluate to
// a Deferred the translation names as not drawn.
var dataOps = map[string]op{
	"getColumn":            columnsOp("getColumn", func(d *Data) (int, int) { return 0, len(d.Columns) }),
	"getColumnFromGroupBy": columnsOp("getColumnFromGroupBy", func(d *Data) (int, int) { return 0, d.GroupBy }),
	"getColumnFromValue":   columnsOp("getColumnFromValue", func(d *Data) (int, int) { return d.GroupBy, len(d.Columns) }),
	"getColumnName": strict("getColumnName", 1, 1, func(e *evaluator, vs []any) (any, error) {
		i, err := columnIndex("getColumnName", vs[0], len(e.d.Names))
		if err != nil {
			return nil, err
		}
		return e.d.Names[i], nil
	}),
	"getColorTheme": strict("getColorTheme", 0, 0, func(e *evaluator, _ []any) (any, error) {
		out := make([]any, len(e.d.Palette))
		for i, c := range e.d.Palette {
			out[i] = c
		}
		return out, nil
	}),
	"getPaletteColor": strictText("getPaletteColor", 1, 1, func(e *evaluator, vs []any) (any, error) {
		name := text(vs[0])
		c, ok := e.d.UIColors[name]
		if !ok {
			return nil, fmt.Errorf(`["getPaletteColor", %q]: the theme has no color of that name`, brief(name))
		}
		return c, nil
	}),
	"formatValue": strict("formatValue", 2, 2, func(e *evaluator, vs []any) (any, error) {
		i, err := columnIndex("formatValue", vs[1], len(e.d.Columns))
		if err != nil {
			return nil, err
		}
		if name, ok := vs[0].(string); ok && pointVariable(name) {
			return Deferred{Op: "formatValue", Args: []any{name, float64(i)}}, nil
		}
		switch vs[0].(type) {
		case []any, map[string]any, Deferred:
			return nil, fmt.Errorf(`"formatValue" formats a value, not %s`, kind(vs[0]))
		}
		if e.d.Format == nil {
			return text(vs[0]), nil
		}
		return e.d.Format(i, vs[0]), nil
	}),
	"dataMarkMatch":           deferred("dataMarkMatch"),
	"getColumnColorOverrides": deferred("getColumnColorOverrides"),
	"updatePointAttributes":   deferred("updatePointAttributes"),
	"triggerClick":            deferred("triggerClick"),
}

// pointVariable reports whether a formatValue's first argument names the
// value a formatter is called with ("value" of an axis label, "y" or
// "point.y" of a point) rather than being a value itself.
func pointVariable(s string) bool {
	switch s {
	case "value", "x", "y", "z", "key", "name", "point.x", "point.y", "point.z", "point.value", "point.name", "point.key":
		return true
	}
	return false
}

func deferred(name string) op {
	return func(_ *evaluator, as []any) (any, error) { return Deferred{Op: name, Args: as}, nil }
}

// columnsOp reads columns [lo, hi) of the answer by their index in that
// range: one index gives the column's values, several give one array per
// row.
func columnsOp(name string, span func(d *Data) (lo, hi int)) op {
	return strict(name, 1, -1, func(e *evaluator, vs []any) (any, error) {
		lo, hi := span(e.d)
		cols := make([][]any, len(vs))
		for k, v := range vs {
			i, err := columnIndex(name, v, hi-lo)
			if err != nil {
				return nil, err
			}
			cols[k] = e.d.Columns[lo+i]
		}
		rows := 0
		if len(cols) > 0 {
			rows = len(cols[0])
		}
		if err := e.grow(rows * len(cols)); err != nil {
			return nil, err
		}
		out := make([]any, rows)
		for r := range out {
			if len(cols) == 1 {
				out[r] = cols[0][r]
				continue
			}
			row := make([]any, len(cols))
			for k, c := range cols {
				row[k] = c[r]
			}
			out[r] = row
		}
		return out, nil
	})
}

// columnIndex checks a column index against the n columns there are.
func columnIndex(name string, v any, n int) (int, error) {
	f, ok := v.(float64)
	if !ok || f != math.Trunc(f) {
		return 0, fmt.Errorf("%q needs a column index, not %s", name, brief(v))
	}
	if f < 0 || int(f) >= n {
		return 0, fmt.Errorf(`[%q, %s]: the visual's field wells have %d such columns`, name, brief(v), n)
	}
	return int(f), nil
}
