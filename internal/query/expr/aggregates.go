package expr

import (
	"fmt"
	"strings"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// aggregateForm is how a function of the language aggregates: the
// AggregateCall function it computes and the arguments it takes after
// the measure.
type aggregateForm struct {
	fn         string // AggregateCall.Func
	percentile bool   // a percentile constant (0–100) follows the measure
	condition  bool   // *If: a condition follows the measure
	toDate     bool   // periodToDate*: dateTime, period [, endDate] follow
}

// plainAggregates maps each plain aggregate function to the AggregateCall
// function it computes. AggregateCall's "percentile" is continuous (the
// field wells' PERCENTILE); the language's percentile is an alias of
// percentileDisc.
var plainAggregates = map[string]string{
	"sum": "sum", "avg": "avg", "min": "min", "max": "max", "count": "count",
	"distinct_count": "distinct_count", "median": "median",
	"percentile": "percentileDisc", "percentileDisc": "percentileDisc", "percentileCont": "percentile",
	"stdev": "stdev", "stdevp": "stdevp", "var": "var", "varp": "varp",
}

// conditionalAggregates are the *If functions and the plain aggregate
// each restricts to the rows where its condition holds.
var conditionalAggregates = map[string]string{
	"sumIf": "sum", "avgIf": "avg", "minIf": "min", "maxIf": "max", "countIf": "count",
	"distinct_countIf": "distinct_count", "medianIf": "median",
	"stdevIf": "stdev", "stdevpIf": "stdevp", "varIf": "var", "varpIf": "varp",
}

// periodToDateAggregates are the periodToDate* functions and the plain
// aggregate each computes over the period up to the end date.
var periodToDateAggregates = map[string]string{
	"periodToDateSum": "sum", "periodToDateAvg": "avg", "periodToDateMin": "min", "periodToDateMax": "max",
	"periodToDateCount": "count", "periodToDateMedian": "median",
	"periodToDatePercentile": "percentile", "periodToDatePercentileCont": "percentileCont",
	"periodToDateStDev": "stdev", "periodToDateStDevP": "stdevp", "periodToDateVar": "var", "periodToDateVarP": "varp",
}

// aggregateForms describes every aggregate function by canonical name.
var aggregateForms = func() map[string]aggregateForm {
	m := map[string]aggregateForm{}
	for name, fn := range plainAggregates {
		m[name] = aggregateForm{fn: fn, percentile: strings.HasPrefix(name, "percentile")}
	}
	for name, base := range conditionalAggregates {
		m[name] = aggregateForm{fn: plainAggregates[base], condition: true}
	}
	for name, base := range periodToDateAggregates {
		m[name] = aggregateForm{fn: plainAggregates[base], percentile: strings.HasPrefix(base, "percentile"), toDate: true}
	}
	return m
}()

// toDatePeriods maps periodToDate's period names (and the period codes
// of truncDate) to granularities.
var toDatePeriods = map[string]dialect.Granularity{
	"YEAR": dialect.Year, "QUARTER": dialect.Quarter, "MONTH": dialect.Month, "WEEK": dialect.Week,
	"DAY": dialect.Day, "HOUR": dialect.Hour, "MINUTE": dialect.Minute, "SECOND": dialect.Second, "SECONDS": dialect.Second,
}

func (c *Compiler) aggregate(n *Call) (Value, error) {
	if c.NoAggregates {
		return Value{}, errorf(n.At, "aggregate function %s is not allowed here", n.Name)
	}
	form := aggregateForms[n.Name]
	nargs := 1
	if form.percentile {
		nargs++
	}
	if form.condition {
		nargs++
	}
	if form.toDate {
		if err := arity(n, nargs+2, nargs+3); err != nil {
			return Value{}, err
		}
	} else if err := arity(n, nargs, nargs); err != nil {
		return Value{}, err
	}
	x, err := c.Compile(n.Args[0])
	if err != nil {
		return Value{}, err
	}
	if x.Kind >= Aggregate {
		return Value{}, errorf(n.Args[0].Pos(), "aggregate functions cannot be nested")
	}
	call := AggregateCall{Func: form.fn, Arg: x}
	t := x.Type
	switch form.fn {
	case "sum", "avg", "median", "percentile", "percentileDisc", "stdev", "stdevp", "var", "varp":
		if err := want(n.Args[0], x, dialect.Decimal); err != nil {
			return Value{}, err
		}
		if form.fn != "sum" {
			t = dialect.Decimal
		}
	case "count", "distinct_count":
		t = dialect.Integer
	}
	rest := n.Args[1:]
	switch {
	case form.fn == "median":
		call.Fraction = 0.5
	case form.percentile:
		num, ok := rest[0].(*Number)
		if !ok || num.Value < 0 || num.Value > 100 {
			return Value{}, errorf(rest[0].Pos(), "%s expects a percentile between 0 and 100", n.Name)
		}
		call.Fraction = num.Value / 100
		rest = rest[1:]
	}
	var cond Value
	switch {
	case form.condition:
		if cond, err = c.Compile(rest[0]); err != nil {
			return Value{}, err
		}
		if err := want(rest[0], cond, Boolean); err != nil {
			return Value{}, err
		}
	case form.toDate:
		if x.Kind == Constant {
			// QuickSight: the measure must be a field; literals do not work.
			return Value{}, errorf(n.Args[0].Pos(), "%s: the measure must be a field, not a literal", n.Name)
		}
		if cond, err = c.periodToDate(n, rest); err != nil {
			return Value{}, err
		}
	}
	if form.condition || form.toDate {
		if cond.Kind >= Aggregate {
			return Value{}, errorf(n.At, "%s: the condition cannot be aggregated", n.Name)
		}
		call.Arg.SQL = "CASE WHEN " + cond.SQL + " THEN " + x.SQL + " END"
		if x.Kind == Constant {
			call.Arg.Kind = cond.Kind
		}
	}
	sql, err := c.AggregateSQL(call)
	if err != nil {
		if e, ok := err.(*Error); ok {
			return Value{}, e
		}
		return Value{}, errorf(n.At, "%s", err.Error())
	}
	return Value{SQL: sql, Type: t, Kind: Aggregate}, nil
}

// periodToDate compiles the condition of a periodToDate* call from its
// dateTime, period and optional endDate (now() when absent): the rows
// from the start of the end date's period up to the end date, both
// included.
func (c *Compiler) periodToDate(n *Call, args []Node) (Value, error) {
	dt, err := c.Compile(args[0])
	if err != nil {
		return Value{}, err
	}
	if err := want(args[0], dt, dialect.Datetime); err != nil {
		return Value{}, err
	}
	var key string
	switch p := args[1].(type) {
	case *Field:
		key = p.Name
	case *String:
		key = p.Value
	}
	g, ok := toDatePeriods[strings.ToUpper(key)]
	if !ok {
		g, ok = periods[strings.ToUpper(key)]
	}
	if !ok {
		return Value{}, errorf(args[1].Pos(), "%s: the period must be YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE or SECONDS", n.Name)
	}
	end := Value{SQL: c.Dialect.Now(), Type: dialect.Datetime, Kind: Constant}
	if len(args) == 3 {
		if s, ok := args[2].(*String); ok {
			end, err = c.dateLiteral(s)
		} else {
			end, err = c.Compile(args[2])
		}
		if err != nil {
			return Value{}, err
		}
		if err := want(args[2], end, dialect.Datetime); err != nil {
			return Value{}, err
		}
		if end.Kind != Constant {
			// One end date for the whole question: a date of each row
			// would give each row its own period, which QuickSight does
			// not define.
			return Value{}, errorf(args[2].Pos(), "%s: the end date must be one date (a date literal, a parameter, now() or a function of them), not a field of the rows", n.Name)
		}
	}
	k, err := kindOf(n.At, dt, end)
	if err != nil {
		return Value{}, err
	}
	sql := "(" + dt.SQL + " >= " + c.Dialect.DateTrunc(end.SQL, g) + " AND " + dt.SQL + " <= " + end.SQL + ")"
	return Value{SQL: sql, Type: Boolean, Kind: k}, nil
}

// AggregateSQL writes an aggregate call: through the Aggregate override
// when set, else inline.
func (c *Compiler) AggregateSQL(call AggregateCall) (string, error) {
	if c.Aggregate != nil {
		return c.Aggregate(c, call)
	}
	return c.InlineAggregate(call)
}

// InlineAggregate writes an aggregate call as one SQL aggregate function.
// Percentiles need an engine with PERCENTILE_CONT.
func (c *Compiler) InlineAggregate(call AggregateCall) (string, error) {
	x := call.Arg.SQL
	switch call.Func {
	case "sum":
		return "SUM(" + x + ")", nil
	case "avg":
		return "AVG(" + x + ")", nil
	case "min":
		return "MIN(" + x + ")", nil
	case "max":
		return "MAX(" + x + ")", nil
	case "count":
		return "COUNT(" + x + ")", nil
	case "distinct_count":
		return "COUNT(DISTINCT " + x + ")", nil
	case "stdev", "stdevp", "var", "varp":
		sql, _ := dialect.Spread(c.Dialect, call.Func, x)
		return sql, nil
	case "median", "percentile", "percentileDisc":
		if !c.Dialect.OrderedSetPercentile() {
			return "", fmt.Errorf("%s is not supported by %s in this context", call.Func, c.Dialect.Name())
		}
		p := c.Bind(call.Fraction, dialect.Decimal)
		if call.Func == "percentileDisc" {
			return dialect.PercentileDisc(c.Dialect, x, p), nil
		}
		return c.Dialect.Percentile(x, p), nil
	}
	return "", fmt.Errorf("unknown aggregate %s", call.Func)
}
