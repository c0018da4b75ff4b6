package query

import (
	"slices"
	"strings"
)

// aggArg returns the index of an aggregate argument among the window-mode
// inner query's columns (a0…), adding it if it is new. Several aggregates
// of the same argument share one column, so that the minimum, quartiles,
// median and maximum of a column (a box plot) rank its values once
// instead of once per percentile. An argument that binds values (its SQL
// holds a placeholder) is never shared: its values were bound when it was
// compiled, once per use, and the placeholders must stay in step.
func (cc *compilation) aggArg(sql string) int {
	if !strings.ContainsAny(sql, "?$@:") {
		if k := slices.Index(cc.aggArgs, sql); k >= 0 {
			return k
		}
	}
	cc.aggArgs = append(cc.aggArgs, sql)
	return len(cc.aggArgs) - 1
}
