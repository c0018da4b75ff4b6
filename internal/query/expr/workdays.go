package expr

import (
	"time"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// Work days, as QuickSight counts them: Monday to Friday, at day
// granularity. Days are numbered from Monday 1900-01-01 with the
// dialect's dateDiff, so the weekday of day n is n mod 7 (0 = Monday)
// and the work days up to and including day n follow by arithmetic.

// workDayEpoch is a Monday.
var workDayEpoch = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// dayNumber is the day of x counted from workDayEpoch.
func (c *Compiler) dayNumber(x string) string {
	epoch := c.Bind(c.Dialect.TimeArg(workDayEpoch), dialect.Datetime)
	return c.Dialect.DateDiff(epoch, x, dialect.Day)
}

// weekdayOf is day n's weekday, 0 (Monday) to 6, for negative n too.
func (c *Compiler) weekdayOf(n string) string {
	d := c.Dialect
	return d.Mod("("+d.Mod(n, "7")+" + 7)", "7")
}

// workDaysThrough is the number of work days from workDayEpoch to day n,
// inclusive (negative before the epoch; differences are what count).
func (c *Compiler) workDaysThrough(n string) string {
	d := c.Dialect
	r := c.weekdayOf(n)
	weeks := d.Cast(d.Div("("+n+" - "+r+")", "7"), dialect.Integer)
	return "(5 * " + weeks + " + (CASE WHEN " + r + " < 5 THEN " + r + " + 1 ELSE 5 END))"
}

// nthWorkDay is the day number of the t-th work day counted as
// workDaysThrough counts them (its inverse on work days).
func (c *Compiler) nthWorkDay(t string) string {
	d := c.Dialect
	t1 := "(" + t + " - 1)"
	r := d.Mod("("+d.Mod(t1, "5")+" + 5)", "5")
	weeks := d.Cast(d.Div("("+t1+" - "+r+")", "5"), dialect.Integer)
	return "(7 * " + weeks + " + " + r + ")"
}

// addWorkDays is the day k work days after (k > 0) or before (k < 0) x,
// x itself not counted; from a weekend the count starts at the weekend
// (Saturday + 1 is Monday, Saturday - 1 is Friday). The time of day is
// kept; k = 0 returns x.
func (c *Compiler) addWorkDays(x, k string) string {
	n := c.dayNumber(x)
	weekend := "(CASE WHEN " + k + " < 0 AND " + c.weekdayOf(n) + " >= 5 THEN 1 ELSE 0 END)"
	target := "(" + c.workDaysThrough(n) + " + " + k + " + " + weekend + ")"
	days := "(" + c.nthWorkDay(target) + " - " + n + ")"
	return "(CASE WHEN " + k + " = 0 THEN " + x + " ELSE " + c.Dialect.DateAdd(x, days, dialect.Day) + " END)"
}

// workDayCall compiles isWorkDay, netWorkDays and addWorkDays; ok is
// false for other functions. QuickSight refuses a literal NULL argument.
func (c *Compiler) workDayCall(n *Call) (v Value, ok bool, err error) {
	switch n.Name {
	case "isWorkDay", "netWorkDays", "addWorkDays":
	default:
		return Value{}, false, nil
	}
	for _, a := range n.Args {
		if _, isNull := a.(*Null); isNull {
			return Value{}, true, errorf(a.Pos(), "%s does not accept a literal NULL", n.Name)
		}
	}
	if n.Name == "isWorkDay" {
		vs, k, err := c.typed(n, 1, 1, dialect.Datetime)
		if err != nil {
			return Value{}, true, err
		}
		wd := c.Dialect.Extract(vs[0].SQL, "WEEKDAY")
		sql := "(CASE WHEN " + wd + " IN (1, 7) THEN 0 WHEN " + wd + " IS NOT NULL THEN 1 END)"
		return Value{SQL: sql, Type: dialect.Integer, Kind: k}, true, nil
	}
	if n.Name == "addWorkDays" {
		vs, k, err := c.typed(n, 2, 2, dialect.Datetime, dialect.Integer)
		if err != nil {
			return Value{}, true, err
		}
		return Value{SQL: c.addWorkDays(vs[0].SQL, vs[1].SQL), Type: dialect.Datetime, Kind: k}, true, nil
	}
	vs, k, err := c.typed(n, 2, 2, dialect.Datetime, dialect.Datetime)
	if err != nil {
		return Value{}, true, err
	}
	a, b := c.dayNumber(vs[0].SQL), c.dayNumber(vs[1].SQL)
	workA, workB := c.workDaysThrough(a), c.workDaysThrough(b)
	isWork := func(n string) string { return "(CASE WHEN " + c.weekdayOf(n) + " < 5 THEN 1 ELSE 0 END)" }
	// Both ends count: forward, the work days after a through b plus a
	// itself; backward, the same count negated.
	sql := "(CASE WHEN " + a + " <= " + b + " THEN " + workB + " - " + workA + " + " + isWork(a) +
		" ELSE -(" + workA + " - " + workB + " + " + isWork(b) + ") END)"
	return Value{SQL: sql, Type: dialect.Integer, Kind: k}, true, nil
}
