package expr

import (
	"strings"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// Window is the kind of a table calculation: a value computed over the
// visual's aggregated rows (runningSum, rank, sumOver at the default
// POST_AGG_FILTER level). It may combine with aggregates, never with
// row values.
const Window = Aggregate + 1

// Calculation levels of the level-aware functions, as QuickSight names
// them.
const (
	PreFilter     = "PRE_FILTER"
	PreAgg        = "PRE_AGG"
	PostAggFilter = "POST_AGG_FILTER"
)

// Sorted is an item of a table calculation's sort list: `{Sales} DESC`.
type Sorted struct {
	At   int
	X    Node
	Desc bool
}

func (n *Sorted) Pos() int { return n.At }

// WindowItem is a compiled partition or sort field of a table
// calculation. Field is the name when the item is a plain field
// reference, so the caller can match it to a visual's dimension.
type WindowItem struct {
	Value Value
	Field string
	Desc  bool
	At    int
}

// TableCalcCall describes a table calculation or level-aware
// aggregation to the compiler's TableCalc hook, which writes its SQL.
type TableCalcCall struct {
	Func      string // canonical name: sumOver, runningSum, rank, sum (level-aware), …
	At        int
	Arg       *Value // the measure; nil for rank, denseRank, percentileRank
	Partition []WindowItem
	Order     []WindowItem
	Level     string // PRE_FILTER, PRE_AGG or POST_AGG_FILTER
	Offset    int    // lag, lead, difference, percentDifference: the lookup index
	Start     int    // window*: rows before the current one
	End       int    // window*: rows after the current one
	Fraction  float64
	Period    dialect.Granularity // periodOverPeriod*: empty for the visual's granularity of the date
	Type      dialect.Type        // of the result
}

// windowShape is the argument layout of a table-calculation function.
type windowShape int

const (
	overShape       windowShape = iota // f(measure, [partition], level)
	percentileShape                    // f(measure, n, [partition], level)
	runningShape                       // f(measure, [sort], [partition])
	windowedShape                      // f(measure, [sort], start, end, [partition])
	rankShape                          // f([sort], [partition], level)
	lookupShape                        // f(measure, [sort], index, [partition])
	totalShape                         // f(measure, [partition])
	periodShape                        // periodOverPeriod*(measure, date, period, offset)
	lacShape                           // sum(measure, [dims]): level-aware aggregation
)

var windowShapes = map[string]windowShape{
	"sumOver": overShape, "avgOver": overShape, "countOver": overShape, "minOver": overShape, "maxOver": overShape,
	"distinctCountOver": overShape, "stdevOver": overShape, "stdevpOver": overShape, "varOver": overShape, "varpOver": overShape,
	"medianOver":     overShape,
	"percentileOver": percentileShape, "percentileContOver": percentileShape, "percentileDiscOver": percentileShape,
	"runningSum": runningShape, "runningAvg": runningShape, "runningCount": runningShape, "runningMin": runningShape, "runningMax": runningShape,
	"firstValue": runningShape, "lastValue": runningShape,
	"windowSum": windowedShape, "windowAvg": windowedShape, "windowCount": windowedShape, "windowMin": windowedShape, "windowMax": windowedShape,
	"rank": rankShape, "denseRank": rankShape, "percentileRank": rankShape,
	"lag": lookupShape, "lead": lookupShape, "difference": lookupShape, "percentDifference": lookupShape,
	"percentOfTotal":             totalShape,
	"periodOverPeriodDifference": periodShape, "periodOverPeriodLastValue": periodShape, "periodOverPeriodPercentDifference": periodShape,
}

// IsTableCalcFunc reports whether the canonical function name f is a
// table calculation (a window function over the visual's rows).
func IsTableCalcFunc(f string) bool {
	_, ok := windowShapes[f]
	return ok
}

// levelAware lists the aggregates that take a level list: sum(x, [d]).
var levelAware = map[string]bool{"sum": true, "avg": true, "count": true, "min": true, "max": true, "distinct_count": true}

// windowCall compiles a table calculation or a level-aware aggregation;
// ok false when n is neither.
func (c *Compiler) windowCall(n *Call) (Value, bool, error) {
	shape, ok := windowShapes[n.Name]
	if !ok {
		if !levelAware[n.Name] || len(n.Args) != 2 {
			return Value{}, false, nil
		}
		if _, isList := n.Args[1].(*List); !isList {
			return Value{}, false, nil
		}
		shape = lacShape
	}
	v, err := c.compileWindow(n, shape)
	return v, true, err
}

func (c *Compiler) compileWindow(n *Call, shape windowShape) (Value, error) {
	if shape == periodShape {
		return c.periodOverPeriod(n, TableCalcCall{Func: n.Name, At: n.At, Level: PostAggFilter})
	}
	if c.TableCalc == nil || c.NoAggregates {
		return Value{}, errorf(n.At, "table calculation %s is not allowed here: it needs a visual's aggregated rows", n.Name)
	}
	args := n.Args
	call := TableCalcCall{Func: n.Name, At: n.At, Level: PostAggFilter}
	// A trailing calculation level.
	if len(args) > 0 && shape != runningShape && shape != windowedShape && shape != lookupShape && shape != totalShape && shape != lacShape {
		if f, ok := args[len(args)-1].(*Field); ok {
			if lv, ok := levelOf(f.Name); ok {
				call.Level = lv
				args = args[:len(args)-1]
			}
		}
	}
	next := 0
	take := func() (Node, bool) {
		if next >= len(args) {
			return nil, false
		}
		next++
		return args[next-1], true
	}
	need := func(what string) (Node, error) {
		a, ok := take()
		if !ok {
			return nil, errorf(n.At, "%s needs %s", n.Name, what)
		}
		return a, nil
	}
	if shape != rankShape {
		a, err := need("a measure")
		if err != nil {
			return Value{}, err
		}
		if _, isList := a.(*List); isList {
			return Value{}, errorf(a.Pos(), "%s: the first argument is a measure, not a list", n.Name)
		}
		x, err := c.Compile(a)
		if err != nil {
			return Value{}, err
		}
		call.Arg = &x
	}
	if shape == percentileShape {
		a, err := need("a percentile")
		if err != nil {
			return Value{}, err
		}
		num, ok := a.(*Number)
		if !ok || num.Value < 0 || num.Value > 100 {
			return Value{}, errorf(a.Pos(), "%s expects a percentile between 0 and 100", n.Name)
		}
		call.Fraction = num.Value / 100
	}
	optionalList := func() (*List, error) {
		if next >= len(args) {
			return &List{}, nil
		}
		l, ok := args[next].(*List)
		if !ok {
			return nil, errorf(args[next].Pos(), "%s: expected a bracketed list of fields", n.Name)
		}
		next++
		return l, nil
	}
	switch shape {
	case runningShape, windowedShape, rankShape, lookupShape:
		a, err := need("a sort list such as [{Date} ASC]")
		if err != nil {
			return Value{}, err
		}
		l, ok := a.(*List)
		if !ok || len(l.Items) == 0 {
			return Value{}, errorf(a.Pos(), "%s: the sort fields are a non-empty bracketed list", n.Name)
		}
		if call.Order, err = c.windowItems(n, l, true); err != nil {
			return Value{}, err
		}
	}
	switch shape {
	case windowedShape:
		for _, bound := range []*int{&call.Start, &call.End} {
			a, err := need("a start and an end index")
			if err != nil {
				return Value{}, err
			}
			num, ok := a.(*Number)
			if !ok || !num.Int || num.Value < 0 || num.Value > 1e9 {
				return Value{}, errorf(a.Pos(), "%s: the start and end indexes are whole numbers from 0", n.Name)
			}
			*bound = int(num.Value)
		}
	case lookupShape:
		a, err := need("a lookup index")
		if err != nil {
			return Value{}, err
		}
		num, ok := a.(*Number)
		if !ok || !num.Int || num.Value == 0 || num.Value > 2147483647 || num.Value < -2147483647 {
			return Value{}, errorf(a.Pos(), "%s: the lookup index is a whole number other than 0", n.Name)
		}
		call.Offset = int(num.Value)
	}
	l, err := optionalList()
	if err != nil {
		return Value{}, err
	}
	if call.Partition, err = c.windowItems(n, l, false); err != nil {
		return Value{}, err
	}
	if next < len(args) {
		return Value{}, errorf(args[next].Pos(), "%s: unexpected argument", n.Name)
	}
	t, err := windowType(n, call)
	if err != nil {
		return Value{}, err
	}
	call.Type = t
	sql, kind, err := c.TableCalc(c, call)
	if err != nil {
		if e, ok := err.(*Error); ok {
			return Value{}, e
		}
		return Value{}, err
	}
	return Value{SQL: sql, Type: t, Kind: kind}, nil
}

func levelOf(name string) (string, bool) {
	switch strings.ToUpper(name) {
	case PreFilter:
		return PreFilter, true
	case PreAgg:
		return PreAgg, true
	case PostAggFilter:
		return PostAggFilter, true
	}
	return "", false
}

// windowItems compiles a partition or sort list.
func (c *Compiler) windowItems(n *Call, l *List, sort bool) ([]WindowItem, error) {
	var out []WindowItem
	for _, it := range l.Items {
		item := WindowItem{At: it.Pos()}
		x := it
		if s, ok := it.(*Sorted); ok {
			if !sort {
				return nil, errorf(s.At, "%s: a partition field takes no ASC or DESC", n.Name)
			}
			x, item.Desc = s.X, s.Desc
		}
		if f, ok := x.(*Field); ok {
			item.Field = f.Name
		}
		v, err := c.Compile(x)
		if err != nil {
			return nil, err
		}
		if v.Kind == Window && !sort {
			return nil, errorf(x.Pos(), "%s: a table calculation cannot partition by another table calculation", n.Name)
		}
		item.Value = v
		out = append(out, item)
	}
	return out, nil
}

// windowType is the type of a table calculation's result.
func windowType(n *Call, call TableCalcCall) (dialect.Type, error) {
	var at dialect.Type
	if call.Arg != nil {
		at = call.Arg.Type
	}
	numericArg := func() error {
		if call.Arg != nil && !numeric(at) && at != "" {
			return errorf(n.At, "%s needs a numeric measure, found %s", n.Name, typeName(at))
		}
		return nil
	}
	switch n.Name {
	case "count", "countOver", "distinct_count", "distinctCountOver", "runningCount", "windowCount", "rank", "denseRank", "periodToDateCountOverTime":
		return dialect.Integer, nil
	case "percentileRank":
		return dialect.Decimal, nil
	case "sum", "sumOver", "runningSum", "windowSum", "difference", "periodOverPeriodDifference", "periodOverPeriodLastValue", "periodToDateSumOverTime":
		if err := numericArg(); err != nil {
			return "", err
		}
		if at == "" {
			return dialect.Decimal, nil
		}
		return at, nil
	case "avg", "avgOver", "runningAvg", "windowAvg", "stdevOver", "stdevpOver", "varOver", "varpOver",
		"medianOver", "percentileOver", "percentileContOver", "percentileDiscOver", "percentDifference", "percentOfTotal", "periodOverPeriodPercentDifference", "periodToDateAvgOverTime":
		if err := numericArg(); err != nil {
			return "", err
		}
		if n.Name == "percentileOver" || n.Name == "percentileDiscOver" {
			if at == "" {
				return dialect.Decimal, nil
			}
			return at, nil
		}
		return dialect.Decimal, nil
	}
	// min, max, running/window min and max, lag, lead, first and last
	// values keep the measure's type.
	return at, nil
}
