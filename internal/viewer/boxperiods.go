package viewer

import (
	"sort"
	"time"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// A box plot grouped by a date's periods finds each row's fences by its
// date: the periods are ranges (from a period's start, included, to the
// next period's, excluded: the rows the box question truncates to that
// start), sorted, and a balanced tree of comparisons with their starts
// gives a row its period's fence in a handful of comparisons however many
// periods there are (an OR over every period's range cost a second of
// CPU per 100,000 rows by month). Rows outside every period, and of a
// period the box question did not answer, are in no box (their outlier
// question rows find no box and are dropped).

// boxPeriod is one box of a date GroupBy: its range and fences.
type boxPeriod struct {
	start, next time.Time
	lo, hi      string
}

// periodFences is fences for a GroupBy date field with a granularity.
func (p *plan) periodFences(res *Result, v int, x string, keep func(lo, hi string) string) (string, bool) {
	f := p.category[0]
	g := "{" + f.dim.Field + "}"
	at := 1 + v*len(boxStats)
	var periods []boxPeriod
	nullCond := ""
	for _, row := range res.Rows {
		lo, hi, ok := fences(row, at)
		if !ok {
			continue
		}
		if row[0] == nil {
			nullCond = "(isNull(" + g + ") AND " + keep(lo, hi) + ")"
			continue
		}
		t, ok := asTime(row[0])
		if !ok {
			return "", false
		}
		next, ok := nextPeriod(t, f.dim.Granularity)
		if !ok {
			return "", false
		}
		periods = append(periods, boxPeriod{start: t, next: next, lo: lo, hi: hi})
	}
	sort.Slice(periods, func(i, j int) bool { return periods[i].start.Before(periods[j].start) })
	var conds []string
	if nullCond != "" {
		conds = append(conds, nullCond)
	}
	if len(periods) > 0 {
		lo := periodTree(g, periods, func(b boxPeriod) string { return b.lo })
		hi := periodTree(g, periods, func(b boxPeriod) string { return b.hi })
		in := g + " >= " + dateText(periods[0].start) + " AND " + g + " < " + dateText(periods[len(periods)-1].next)
		conds = append(conds, "("+in+" AND "+keep("("+lo+")", "("+hi+")")+")")
	}
	if len(conds) == 0 {
		return "NULL", true
	}
	return "ifelse(" + anyOf(conds) + ", " + x + ", NULL)", true
}

// periodTree writes the value of(b) of the period of date g among sorted
// periods (the last whose start is not after g): ifelse over the middle
// start, each half in turn.
func periodTree(g string, ps []boxPeriod, of func(boxPeriod) string) string {
	if len(ps) == 1 {
		return of(ps[0])
	}
	mid := len(ps) / 2
	return "ifelse(" + g + " < " + dateText(ps[mid].start) + ", " + periodTree(g, ps[:mid], of) + ", " + periodTree(g, ps[mid:], of) + ")"
}

// nextPeriod is the start of the period after the one of granularity
// gran starting at t.
func nextPeriod(t time.Time, gran dialect.Granularity) (time.Time, bool) {
	t = t.UTC()
	switch gran {
	case dialect.Year:
		return t.AddDate(1, 0, 0), true
	case dialect.Quarter:
		return t.AddDate(0, 3, 0), true
	case dialect.Month:
		return t.AddDate(0, 1, 0), true
	case dialect.Week:
		return t.AddDate(0, 0, 7), true
	case dialect.Day:
		return t.AddDate(0, 0, 1), true
	case dialect.Hour:
		return t.Add(time.Hour), true
	case dialect.Minute:
		return t.Add(time.Minute), true
	case dialect.Second:
		return t.Add(time.Second), true
	}
	return time.Time{}, false
}

// dateText is a date literal of the calculation language (a text
// compared with a date is read as one).
func dateText(t time.Time) string { return quoteText(t.Format(time.DateTime)) }
