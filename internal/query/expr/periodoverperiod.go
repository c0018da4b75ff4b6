package expr

import (
	"strings"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// MaxPeriodOffset bounds the offset of a periodOverPeriod* call: the
// previous period is looked up among the rows up to that many periods
// back, one window term per row.
const MaxPeriodOffset = 60

// periodOverPeriod compiles periodOverPeriodDifference, …LastValue and
// …PercentDifference(measure, date [, period [, offset]]): the measure
// of the calendar period offset periods before each row's (NULL when
// the data has no such period), not of the row offset rows before. The
// date is the sort item; the period (empty: the visual's granularity of
// the date) and the offset ride on the call.
func (c *Compiler) periodOverPeriod(n *Call, call TableCalcCall) (Value, error) {
	if c.TableCalc == nil || c.NoAggregates {
		return Value{}, errorf(n.At, "table calculation %s is not allowed here: it needs a visual's aggregated rows", n.Name)
	}
	most := 4
	if _, overTime := periodToDateOverTime[n.Name]; overTime {
		most = 3 // no offset
	}
	if err := arity(n, 2, most); err != nil {
		return Value{}, err
	}
	x, err := c.Compile(n.Args[0])
	if err != nil {
		return Value{}, err
	}
	call.Arg = &x
	date := n.Args[1]
	if _, isList := date.(*List); isList {
		return Value{}, errorf(date.Pos(), "%s: the second argument is a date field, not a list", n.Name)
	}
	items, err := c.windowItems(n, &List{Items: []Node{date}}, true)
	if err != nil {
		return Value{}, err
	}
	if items[0].Value.Type != dialect.Datetime {
		return Value{}, errorf(date.Pos(), "%s: the date argument must be a date field, found %s", n.Name, typeName(items[0].Value.Type))
	}
	call.Order = items
	call.Offset = 1
	if len(n.Args) > 2 {
		var key string
		switch p := n.Args[2].(type) {
		case *Field:
			key = p.Name
		case *String:
			key = p.Value
		}
		g, ok := toDatePeriods[strings.ToUpper(key)]
		if !ok {
			return Value{}, errorf(n.Args[2].Pos(), "%s: the period must be YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE or SECONDS", n.Name)
		}
		call.Period = g
	}
	if len(n.Args) > 3 {
		k, ok := wholeNumber(n.Args[3])
		if !ok || k == 0 || k > MaxPeriodOffset || k < -MaxPeriodOffset {
			return Value{}, errorf(n.Args[3].Pos(), "%s: the offset is a whole number other than 0, from -%d to %d", n.Name, MaxPeriodOffset, MaxPeriodOffset)
		}
		call.Offset = k
	}
	t, err := windowType(n, call)
	if err != nil {
		return Value{}, err
	}
	call.Type = t
	sql, kind, err := c.TableCalc(c, call)
	if err != nil {
		return Value{}, err
	}
	return Value{SQL: sql, Type: t, Kind: kind}, nil
}

// wholeNumber reads an integer literal, negated or not.
func wholeNumber(n Node) (int, bool) {
	sign := 1
	if u, ok := n.(*Unary); ok && u.Op == "-" {
		sign, n = -1, u.X
	}
	num, ok := n.(*Number)
	if !ok || !num.Int || num.Value > 1e9 {
		return 0, false
	}
	return sign * int(num.Value), true
}
