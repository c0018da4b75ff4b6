package query

import (
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// A periodOverPeriod* call whose period is coarser than the visual's
// granularity of the date (YEAR over a visual by MONTH: the same month a
// year earlier) compares each row with the row of its date moved back
// offset periods, then cut to the visual's granularity, in the same
// combination of the other dimensions:
//
//	LEFT JOIN (<the layered rows>) AS pp0
//	  ON pp0.g1 = t.g1 AND pp0.g0 = truncDate(g, addDateTime(-offset, period, t.g0))
//
// The measure is a column of a layer (tclayers.go), so the joined copy
// holds its value for every row, after the same filters. Months end on
// different days: the date moved back is clamped to the end of a
// shorter month (Mar 31 one MONTH back is Feb 28 or 29), as addDateTime
// does. A period finer than the granularity (DAY over a visual by
// MONTH) names no single row and is refused.

// periodRank orders the granularities from the finest.
var periodRank = map[dialect.Granularity]int{
	dialect.Second: 0, dialect.Minute: 1, dialect.Hour: 2, dialect.Day: 3,
	dialect.Week: 4, dialect.Month: 5, dialect.Quarter: 6, dialect.Year: 7,
}

// periodJoin is one periodOverPeriod* lookup joined to the window level.
type periodJoin struct {
	at     int                 // the date dimension
	gran   dialect.Granularity // the visual's granularity of it
	period dialect.Granularity
	offset int
	col    string // the layer column of the measure: w…
}

// periodOverPeriodJoin writes a periodOverPeriod* call whose period is
// coarser than the visual's granularity g of the date dimension at.
func (cc *compilation) periodOverPeriodJoin(call expr.TableCalcCall, at int, g dialect.Granularity) (string, expr.Kind, error) {
	if periodRank[call.Period] < periodRank[g] {
		return "", 0, calcError(call, "%s with period %s over a visual grouped by %s: a period finer than the visual's names no single row to compare with", call.Func, call.Period, g)
	}
	if !cc.tablecalc {
		cc.needsTableCalc = true
		return "NULL", expr.Window, nil
	}
	ref, err := cc.layer(call, call.Arg.SQL)
	if err != nil {
		return "", 0, err
	}
	col := strings.TrimPrefix(ref, "t.")
	alias := "pp" + strconv.Itoa(len(cc.periodJoins))
	cc.periodJoins = append(cc.periodJoins, periodJoin{at: at, gran: g, period: call.Period, offset: call.Offset, col: col})
	cur, prev := ref, alias+"."+col
	switch call.Func {
	case "periodOverPeriodDifference":
		return "(" + cur + " - " + prev + ")", expr.Window, nil
	case "periodOverPeriodPercentDifference":
		return cc.d.Div("(("+cur+" - "+prev+") * 100)", prev), expr.Window, nil
	}
	return prev, expr.Window, nil
}

// writePeriodJoins writes the periodOverPeriod* lookups' joins of the
// layered rows rel to the rows t of the window level.
func (cc *compilation) writePeriodJoins(b *strings.Builder, rel string) {
	d := cc.d
	for n, j := range cc.periodJoins {
		alias := "pp" + strconv.Itoa(n)
		var on []string
		for i := range cc.dimSQL {
			g := d.QuoteIdent("g" + strconv.Itoa(i))
			if i == j.at {
				moved := d.DateTrunc(d.DateAdd(cc.tcDim(i), strconv.Itoa(-j.offset), j.period), j.gran)
				on = append(on, alias+"."+g+" = "+moved)
				continue
			}
			on = append(on, nullSafeEqual(d.Name(), cc.tcDim(i), alias+"."+g))
		}
		b.WriteString(" LEFT JOIN (" + rel + ") AS " + alias + " ON " + strings.Join(on, " AND "))
	}
}
