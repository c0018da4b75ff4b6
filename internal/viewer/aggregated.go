package viewer

import (
	"regexp"
	"strings"

	"github.com/sightglass/sightglass/internal/query/expr"
)

// An aggregated calculated field (count(x), sum(a)/sum(b)) placed in a
// measure well without an AggregationFunction is used as is, as QuickSight
// does: the query compiler decides that (query.Measure.DefaultAggregation),
// knowing every field's kind. Here only its label follows: the field's
// name, not "Sum of …".

// labelAggregatedFields labels the plan's default-aggregation measures
// whose column is an aggregated calculated field of the plan's dataset
// by the field's name.
func (v *View) labelAggregatedFields(p *plan) {
	for _, fs := range [][]field{p.values, p.lineValues, p.targets} {
		for i := range fs {
			f := &fs[i]
			if f.measure == nil || !f.measure.DefaultAggregation {
				continue
			}
			if v.aggregatedField(p.dataSet, f.measure.Field) {
				f.label = f.measure.Field
			}
		}
	}
}

// aggregatedField reports whether name is a calculated field of the
// dataset whose expression aggregates, directly or through another
// calculated field.
func (v *View) aggregatedField(dataSet, name string) bool {
	key := dataSet + "\x00" + name
	if x, ok := v.aggregated.Load(key); ok {
		return x.(bool)
	}
	agg := v.aggregatedFieldUncached(dataSet, name)
	v.aggregated.Store(key, agg)
	return agg
}

func (v *View) aggregatedFieldUncached(dataSet, name string) bool {
	exprs := map[string]string{}
	for _, cf := range v.def.CalculatedFields {
		if cf.DataSetIdentifier == dataSet {
			exprs[cf.Name] = cf.Expression
		}
	}
	seen := map[string]bool{}
	var aggregated func(string) bool
	aggregated = func(name string) bool {
		src, ok := exprs[name]
		if !ok || seen[name] {
			return false
		}
		seen[name] = true
		n, err := expr.Parse(src)
		if err != nil {
			// An expression the parser refuses: judged by its function
			// names. Only the label depends on it; the query compiler
			// refuses the expression itself.
			return reAggregateCall.MatchString(src)
		}
		if callsAggregate(n) {
			return true
		}
		for _, f := range expr.Fields(n) {
			if aggregated(f) {
				return true
			}
		}
		return false
	}
	return aggregated(name)
}

// reAggregateCall finds a call of an aggregate, a conditional aggregate
// or a window function over aggregates, by name.
var reAggregateCall = regexp.MustCompile(`(?i)\b(sum|avg|min|max|count|distinct_count|median|percentile\w*|stdevp?|varp?)(if|over)?\s*\(`)

func callsAggregate(n expr.Node) bool {
	switch n := n.(type) {
	case *expr.Call:
		name := strings.TrimSuffix(n.Name, "If")
		if expr.IsAggregateFunc(n.Name) || expr.IsAggregateFunc(name) {
			return true
		}
		for _, a := range n.Args {
			if callsAggregate(a) {
				return true
			}
		}
	case *expr.Unary:
		return callsAggregate(n.X)
	case *expr.Binary:
		return callsAggregate(n.L) || callsAggregate(n.R)
	}
	return false
}
