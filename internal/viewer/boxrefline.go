package viewer

import (
	"context"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// Computed reference lines on a box plot. A box plot draws the rows'
// values (each row one value, no aggregation per group), so a computed
// line is its Calculation over the rows' values of its column, every row
// the visual's filters keep (all its groups together): AVERAGE is the
// mean of the values, MEDIAN and a PercentileAggregation their continuous
// percentile, SUM, MIN, MAX, COUNT, DISTINCT_COUNT, STDEV, VAR … likewise.
// The line's MeasureAggregationFunction aggregates one row's value: those
// that leave a single value as it is (SUM, AVERAGE, MIN, MAX, MEDIAN, a
// percentile) are drawn; the others (COUNT of one row is 1, its STDEV
// none) would not describe the drawn values and are refused by name. The
// value is asked in a question of its own, over no group.

// boxRefLine is a computed line of a box plot: the aggregate expression
// over the rows, and the line's name for its notes. The refLine it gives
// its value to has its index + 1 in box.
type boxRefLine struct {
	expr string
	name string
}

// sameOnOneRow are the MeasureAggregationFunctions that leave one row's
// value as it is.
var sameOnOneRow = map[string]bool{"SUM": true, "AVERAGE": true, "MIN": true, "MAX": true, "MEDIAN": true}

// boxRefLineExpr is the aggregate over the rows' values of a box plot's
// computed line, or why it is not drawn.
func (v *View) boxRefLineExpr(p *plan, col *definition.ColumnIdentifier, agg *definition.AggregationFunction, calc *definition.NumericalAggregationFunction) (string, string) {
	if col == nil || col.ColumnName == "" || strings.ContainsAny(col.ColumnName, "{}") {
		return "", "its column is missing or unusable"
	}
	if v.aggregatedField(col.DataSetIdentifier, col.ColumnName) {
		return "", "its column is an aggregated calculated field, which has no value per row for a box plot's line"
	}
	if agg != nil {
		n := agg.NumericalAggregationFunction
		switch {
		case n != nil && (n.PercentileAggregation != nil || sameOnOneRow[n.SimpleNumericalAggregation]):
		case n != nil && n.SimpleNumericalAggregation == "":
		case n != nil:
			return "", "its measure aggregation " + n.SimpleNumericalAggregation + " of one row's value is not the value a box plot draws"
		case agg.CategoricalAggregationFunction != "":
			return "", "its measure aggregation " + agg.CategoricalAggregationFunction + " of one row's value is not the value a box plot draws"
		case agg.DateAggregationFunction != "":
			return "", "its measure aggregation " + agg.DateAggregationFunction + " of a date is not a value on the box plot's value axis"
		case len(agg.AttributeAggregationFunction) > 0:
			return "", "its measure aggregation AttributeAggregationFunction (a text value) is not a value on the box plot's value axis"
		}
	}
	if calc == nil || calc.SimpleNumericalAggregation == "" && calc.PercentileAggregation == nil {
		return "", "it has no calculation"
	}
	if pct, ok := perPointPercentile(calc); ok && (pct != pct || pct < 0 || pct > 100) {
		return "", "its percentile " + strconv.FormatFloat(pct, 'g', -1, 64) + " is not between 0 and 100"
	}
	expr := aggregateExpr(calc, "{"+col.ColumnName+"}")
	if expr == "" {
		return "", "its calculation " + calc.SimpleNumericalAggregation + " is not one QuickSight defines"
	}
	return expr, ""
}

// boxRefValues asks the values of a box plot's computed lines, one
// question over every row the visual's filters keep, and makes each a
// static line at its value; a line without a value, or whose question
// failed, is named in x's notes.
func (v *View) boxRefValues(ctx context.Context, p *plan, x *extras, sheetID, visualID, arn string, run Runner) {
	if len(p.box.refs) == 0 {
		return
	}
	q := &plan{dataSet: p.dataSet, limit: 1}
	for i, r := range p.box.refs {
		id := "__box_ref_" + strconv.Itoa(i)
		q.calc = append(q.calc, query.CalculatedField{Name: id, Expression: r.expr})
		q.values = append(q.values, field{id: id, measure: &query.Measure{ID: id, Field: id}})
	}
	qq, err := v.question(q, sheetID, visualID)
	var out *Result
	if err == nil {
		out, err = run(ctx, arn, qq)
	}
	refs := x.refs[:0]
	for _, l := range x.refs {
		i := l.box - 1
		if i < 0 || i >= len(p.box.refs) {
			refs = append(refs, l)
			continue
		}
		var val float64
		ok := err == nil && len(out.Rows) == 1 && i < len(out.Rows[0])
		if ok {
			val, ok = number(out.Rows[0][i])
		}
		switch {
		case err != nil:
			x.note("The " + p.box.refs[i].name + " is not drawn: " + errorText(err) + ".")
		case !ok:
			x.note("The " + p.box.refs[i].name + " has no value for the current data.")
		default:
			val = round2(val)
			l.static = &val
			refs = append(refs, l)
		}
	}
	x.refs = refs
}
