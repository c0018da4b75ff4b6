package query

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/query/expr"
)

// Period over period: periodOverPeriodDifference, …LastValue and
// …PercentDifference compare each of the visual's aggregated rows with
// the row of the calendar period offset periods earlier (later for a
// negative offset), in the same combination of the other dimensions.
// A missing period gives NULL: the rows are not shifted by position.
//
// Over t, partitioned by the other dimensions and sorted by the date,
// the period k periods back is at most k rows back (one row per
// period), so the value is the first of LAG(measure, i), i = 1…k, whose
// LAG(date, i) lies exactly k periods before the row's date:
//
//	CASE WHEN dateDiff(LAG(d, 1), d) = k THEN LAG(m, 1)
//	     WHEN dateDiff(LAG(d, 2), d) = k THEN LAG(m, 2) … END

func isPeriodOverPeriod(f string) bool {
	switch f {
	case "periodOverPeriodDifference", "periodOverPeriodLastValue", "periodOverPeriodPercentDifference":
		return true
	}
	return false
}

// periodOverPeriod writes a periodOverPeriod* call over the aggregated
// rows. The date must be a dimension of the visual with a granularity;
// a period other than that granularity is looked up by date
// (periodjoin.go).
func (cc *compilation) periodOverPeriod(call expr.TableCalcCall) (string, expr.Kind, error) {
	date := call.Order[0]
	at := cc.dimIndex(date)
	if at < 0 {
		return "", 0, &expr.Error{Pos: date.At, Msg: fmt.Sprintf("%s: the date field %s is not a dimension of the visual", call.Func, itemName(date))}
	}
	g := cc.dimGran[at]
	if g == "" {
		return "", 0, calcError(call, "%s needs the visual's date field %s at a date granularity (YEAR, QUARTER, MONTH, WEEK, DAY, …)", call.Func, itemName(date))
	}
	if call.Period != "" && call.Period != g {
		// Another period than the visual's rows (periodjoin.go).
		return cc.periodOverPeriodJoin(call, at, g)
	}
	if !cc.tablecalc {
		cc.needsTableCalc = true
		return "NULL", expr.Window, nil
	}
	d := cc.d
	var part []string
	for i := range cc.dimSQL {
		if i != at {
			part = append(part, cc.tcDim(i))
		}
	}
	w := " OVER ("
	if len(part) > 0 {
		w += "PARTITION BY " + strings.Join(part, ", ") + " "
	}
	w += "ORDER BY " + d.OrderBy(cc.tcDim(at), false) + ")"
	k, fn := call.Offset, "LAG"
	if k < 0 {
		k, fn = -k, "LEAD"
	}
	cur := cc.tcDim(at)
	arg := call.Arg.SQL
	var b strings.Builder
	b.WriteString("(CASE")
	for i := 1; i <= k; i++ {
		n := strconv.Itoa(i)
		other := fn + "(" + cur + ", " + n + ")" + w
		b.WriteString(" WHEN " + d.DateDiff(other, cur, g) + " = " + strconv.Itoa(call.Offset))
		b.WriteString(" THEN " + fn + "(" + arg + ", " + n + ")" + w)
	}
	b.WriteString(" END)")
	prev := b.String()
	switch call.Func {
	case "periodOverPeriodDifference":
		return "(" + arg + " - " + prev + ")", expr.Window, nil
	case "periodOverPeriodPercentDifference":
		return d.Div("(("+arg+" - "+prev+") * 100)", prev), expr.Window, nil
	}
	return prev, expr.Window, nil
}
