package viewer

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// A RollingDate is a date expression QuickSight evaluates when the sheet
// is viewed: now(), truncDate('WK', now()), addDateTime(-1, 'YYYY', …).
// The viewer evaluates that language of constant dates itself; anything
// else in the expression (a field, a parameter, another function) is an
// error naming it, never a guess.

// rollingDate evaluates a RollingDate expression at the view's time.
func (v *View) rollingDate(src string) (time.Time, error) {
	if ws := v.weekStart(); ws != "" && ws != "SUNDAY" {
		return time.Time{}, fmt.Errorf("weeks starting on %s", ws)
	}
	n, err := expr.Parse(src)
	if err != nil {
		return time.Time{}, err
	}
	return evalDate(n, v.now.UTC())
}

// weekStart is the definition's Options.WeekStart ("" when unset: SUNDAY).
func (v *View) weekStart() string {
	var o struct{ WeekStart string }
	if len(v.def.Options) > 0 {
		_ = json.Unmarshal(v.def.Options, &o)
	}
	return o.WeekStart
}

func evalDate(n expr.Node, now time.Time) (time.Time, error) {
	c, ok := n.(*expr.Call)
	if !ok {
		return time.Time{}, fmt.Errorf("a rolling date must be a date function, not %T", n)
	}
	switch {
	case c.Name == "now" && len(c.Args) == 0:
		return now, nil
	case c.Name == "truncDate" && len(c.Args) == 2:
		g, err := period(c.Args[0])
		if err != nil {
			return time.Time{}, err
		}
		d, err := evalDate(c.Args[1], now)
		if err != nil {
			return time.Time{}, err
		}
		return query.Truncate(d, g), nil
	case c.Name == "addDateTime" && len(c.Args) == 3:
		amount, ok := c.Args[0].(*expr.Number)
		neg := false
		if u, isUnary := c.Args[0].(*expr.Unary); isUnary && u.Op == "-" {
			amount, ok = u.X.(*expr.Number)
			neg = true
		}
		if !ok || !amount.Int {
			return time.Time{}, fmt.Errorf("addDateTime needs a whole number of periods")
		}
		g, err := period(c.Args[1])
		if err != nil {
			return time.Time{}, err
		}
		d, err := evalDate(c.Args[2], now)
		if err != nil {
			return time.Time{}, err
		}
		k := int(amount.Value)
		if neg {
			k = -k
		}
		return query.Add(d, g, k), nil
	}
	return time.Time{}, fmt.Errorf("the function %s in a rolling date", c.Name)
}

// period converts truncDate's and addDateTime's period literal.
func period(n expr.Node) (dialect.Granularity, error) {
	s, ok := n.(*expr.String)
	if !ok {
		return "", fmt.Errorf("a period must be a literal such as 'MM'")
	}
	g, ok := map[string]dialect.Granularity{
		"YYYY": dialect.Year, "Q": dialect.Quarter, "MM": dialect.Month, "WK": dialect.Week,
		"DD": dialect.Day, "HH": dialect.Hour, "MI": dialect.Minute, "SS": dialect.Second,
	}[strings.ToUpper(s.Value)]
	if !ok {
		return "", fmt.Errorf("the period %q", s.Value)
	}
	return g, nil
}
