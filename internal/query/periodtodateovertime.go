package query

import (
	"fmt"
	"strings"

	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// periodToDateOverTime writes a periodToDate*OverTime call over the
// aggregated rows: the running aggregate (running is runningSum, …) of
// the measure, sorted by the date dimension, restarting at each period of
// the call (the visual's granularity by default) and in each combination
// of the other dimensions. A period finer than the visual's granularity
// would cut each row alone and is refused.
func (cc *compilation) periodToDateOverTime(call expr.TableCalcCall, running string) (string, expr.Kind, error) {
	date := call.Order[0]
	at := cc.dimIndex(date)
	if at < 0 {
		return "", 0, &expr.Error{Pos: date.At, Msg: fmt.Sprintf("%s: the date field %s is not a dimension of the visual", call.Func, itemName(date))}
	}
	g := cc.dimGran[at]
	if g == "" {
		return "", 0, calcError(call, "%s needs the visual's date field %s at a date granularity (YEAR, QUARTER, MONTH, WEEK, DAY, …)", call.Func, itemName(date))
	}
	period := call.Period
	if period == "" {
		period = g
	}
	if periodRank[period] < periodRank[g] {
		return "", 0, calcError(call, "%s with period %s over a visual grouped by %s: the period must hold whole rows of the visual", call.Func, period, g)
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
	part = append(part, d.DateTrunc(cc.tcDim(at), period))
	arg := call.Arg.SQL
	agg := runningAggregates[running]
	if running == "runningAvg" {
		arg = d.Cast(arg, dialect.Decimal)
	}
	return agg + "(" + arg + ") OVER (PARTITION BY " + strings.Join(part, ", ") + " ORDER BY " + d.OrderBy(cc.tcDim(at), false) +
		" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)", expr.Window, nil
}
