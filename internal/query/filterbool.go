package query

import (
	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// conditionAsNumber reads a condition (a calculated field such as
// {a} = {b}) as QuickSight's calculation language does, which has no
// boolean type: 1 where it holds, 0 where it does not, null where a
// side is null. Numeric filters compare that number; any other value
// is returned unchanged.
func conditionAsNumber(v expr.Value) expr.Value {
	if v.Type != dialect.Boolean {
		return v
	}
	v.SQL = "(CASE WHEN " + v.SQL + " THEN 1 WHEN NOT " + v.SQL + " THEN 0 END)"
	v.Type = dialect.Integer
	return v
}
