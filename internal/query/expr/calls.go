package expr

import (
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// periods maps QuickSight's period strings to granularities.
var periods = map[string]dialect.Granularity{
	"YYYY": dialect.Year, "Q": dialect.Quarter, "MM": dialect.Month, "WK": dialect.Week,
	"DD": dialect.Day, "HH": dialect.Hour, "MI": dialect.Minute, "SS": dialect.Second,
}

// extractPeriods adds the parts only extract has.
var extractPeriods = map[string]dialect.Granularity{
	"WD": "WEEKDAY", "DOY": "DAY_OF_YEAR",
}

func period(n Node, allowExtract bool) (dialect.Granularity, error) {
	s, ok := n.(*String)
	if !ok {
		return "", errorf(n.Pos(), "the period must be a string literal such as 'MM'")
	}
	key := strings.ToUpper(s.Value)
	if g, ok := periods[key]; ok {
		return g, nil
	}
	if allowExtract {
		if g, ok := extractPeriods[key]; ok {
			return g, nil
		}
	}
	return "", errorf(n.Pos(), "unknown period %q", s.Value)
}

func arity(n *Call, min, max int) error {
	if len(n.Args) < min || max >= 0 && len(n.Args) > max {
		switch {
		case min == max:
			return errorf(n.At, "%s takes %d argument(s), found %d", n.Name, min, len(n.Args))
		case max < 0:
			return errorf(n.At, "%s takes at least %d arguments, found %d", n.Name, min, len(n.Args))
		}
		return errorf(n.At, "%s takes %d to %d arguments, found %d", n.Name, min, max, len(n.Args))
	}
	return nil
}

// args compiles all arguments of n.
func (c *Compiler) args(n *Call, from int) ([]Value, error) {
	vs := make([]Value, 0, len(n.Args))
	for _, a := range n.Args[from:] {
		v, err := c.Compile(a)
		if err != nil {
			return nil, err
		}
		vs = append(vs, v)
	}
	return vs, nil
}

// unify returns the common type of vs (numbers widen to decimal).
func unify(n *Call, nodes []Node, vs []Value) (dialect.Type, error) {
	var t dialect.Type
	for i, v := range vs {
		switch {
		case v.Type == "":
		case t == "":
			t = v.Type
		case t == v.Type:
		case numeric(t) && numeric(v.Type):
			t = dialect.Decimal
		default:
			return "", errorf(nodes[i].Pos(), "%s: expected a %s value, found %s", n.Name, typeName(t), typeName(v.Type))
		}
	}
	return t, nil
}

func (c *Compiler) call(n *Call) (Value, error) {
	if v, ok, err := c.windowCall(n); ok {
		return v, err
	}
	if IsAggregateFunc(n.Name) {
		return c.aggregate(n)
	}
	if v, ok, err := c.stringCall(n); ok {
		return v, err
	}
	if v, ok, err := c.dateCall(n); ok {
		return v, err
	}
	if v, ok, err := c.workDayCall(n); ok {
		return v, err
	}
	if v, ok, err := c.mathCall(n); ok {
		return v, err
	}
	d := c.Dialect
	one := func(t dialect.Type, f func(string) string, rt dialect.Type) (Value, error) {
		if err := arity(n, 1, 1); err != nil {
			return Value{}, err
		}
		x, err := c.Compile(n.Args[0])
		if err != nil {
			return Value{}, err
		}
		if t != "" {
			if err := want(n.Args[0], x, t); err != nil {
				return Value{}, err
			}
		}
		if rt == "" {
			rt = x.Type
		}
		return Value{SQL: f(x.SQL), Type: rt, Kind: x.Kind}, nil
	}
	switch n.Name {
	case "ifelse":
		if len(n.Args) < 3 || len(n.Args)%2 == 0 {
			return Value{}, errorf(n.At, "ifelse takes condition, value pairs and an else value (an odd number of at least 3 arguments), found %d", len(n.Args))
		}
		vs, err := c.args(n, 0)
		if err != nil {
			return Value{}, err
		}
		var results []Value
		var resultNodes []Node
		var b strings.Builder
		b.WriteString("CASE")
		for i := 0; i+1 < len(vs); i += 2 {
			if err := want(n.Args[i], vs[i], Boolean); err != nil {
				return Value{}, err
			}
			b.WriteString(" WHEN " + vs[i].SQL + " THEN " + vs[i+1].SQL)
			results = append(results, vs[i+1])
			resultNodes = append(resultNodes, n.Args[i+1])
		}
		last := len(vs) - 1
		b.WriteString(" ELSE " + vs[last].SQL + " END")
		results = append(results, vs[last])
		resultNodes = append(resultNodes, n.Args[last])
		t, err := unify(n, resultNodes, results)
		if err != nil {
			return Value{}, err
		}
		k, err := kindOf(n.At, vs...)
		if err != nil {
			return Value{}, err
		}
		return Value{SQL: b.String(), Type: t, Kind: k}, nil
	case "coalesce":
		if err := arity(n, 2, -1); err != nil {
			return Value{}, err
		}
		vs, err := c.args(n, 0)
		if err != nil {
			return Value{}, err
		}
		t, err := unify(n, n.Args, vs)
		if err != nil {
			return Value{}, err
		}
		k, err := kindOf(n.At, vs...)
		if err != nil {
			return Value{}, err
		}
		return Value{SQL: "COALESCE(" + joinSQL(vs) + ")", Type: t, Kind: k}, nil
	case "isNull":
		return one("", func(x string) string { return "(" + x + " IS NULL)" }, Boolean)
	case "isNotNull":
		return one("", func(x string) string { return "(" + x + " IS NOT NULL)" }, Boolean)
	case "in", "notIn":
		return c.in(n)
	case "concat":
		if err := arity(n, 2, -1); err != nil {
			return Value{}, err
		}
		vs, err := c.args(n, 0)
		if err != nil {
			return Value{}, err
		}
		parts := make([]string, len(vs))
		for i, v := range vs {
			parts[i] = v.SQL
			if v.Type != dialect.String && v.Type != "" {
				parts[i] = c.text(v)
			}
		}
		k, err := kindOf(n.At, vs...)
		if err != nil {
			return Value{}, err
		}
		return Value{SQL: d.Concat(parts), Type: dialect.String, Kind: k}, nil
	case "substring":
		if err := arity(n, 3, 3); err != nil {
			return Value{}, err
		}
		vs, err := c.args(n, 0)
		if err != nil {
			return Value{}, err
		}
		for i, t := range []dialect.Type{dialect.String, dialect.Integer, dialect.Integer} {
			if err := want(n.Args[i], vs[i], t); err != nil {
				return Value{}, err
			}
		}
		k, err := kindOf(n.At, vs...)
		if err != nil {
			return Value{}, err
		}
		return Value{SQL: d.Substring(vs[0].SQL, vs[1].SQL, vs[2].SQL), Type: dialect.String, Kind: k}, nil
	case "toUpper":
		return one(dialect.String, d.Upper, dialect.String)
	case "toLower":
		return one(dialect.String, d.Lower, dialect.String)
	case "trim":
		return one(dialect.String, d.Trim, dialect.String)
	case "strlen":
		return one(dialect.String, d.Length, dialect.Integer)
	case "toString":
		if err := arity(n, 1, 1); err != nil {
			return Value{}, err
		}
		x, err := c.Compile(n.Args[0])
		if err != nil {
			return Value{}, err
		}
		return Value{SQL: c.text(x), Type: dialect.String, Kind: x.Kind}, nil
	case "parseInt", "parseDecimal":
		// Text that is not a number parses to NULL on every engine.
		t := dialect.Integer
		if n.Name == "parseDecimal" {
			t = dialect.Decimal
		}
		return one(dialect.String, func(x string) string {
			return "(CASE WHEN " + d.IsNumber(x) + " THEN " + d.Cast(x, t) + " END)"
		}, t)
	case "decimalToInt":
		return one(dialect.Decimal, func(x string) string { return d.Cast(x, dialect.Integer) }, dialect.Integer)
	case "intToDecimal":
		return one(dialect.Decimal, func(x string) string { return d.Cast(x, dialect.Decimal) }, dialect.Decimal)
	case "floor", "ceil":
		// Integers, as their type says: SQLite's and DuckDB's floor and
		// ceil answer a double (toString wrote 2.0), PostgreSQL's and
		// MariaDB's a whole number of the argument's type, exact.
		f := d.Floor
		if n.Name == "ceil" {
			f = d.Ceil
		}
		if name := d.Name(); name == "sqlite" || name == "duckdb" {
			f = func(x string) string { return d.Cast(d.Floor(x), dialect.Integer) }
			if n.Name == "ceil" {
				f = func(x string) string { return d.Cast(d.Ceil(x), dialect.Integer) }
			}
		}
		return one(dialect.Decimal, f, dialect.Integer)
	case "abs":
		return one(dialect.Decimal, func(x string) string { return "ABS(" + x + ")" }, "")
	case "round":
		if err := arity(n, 1, 2); err != nil {
			return Value{}, err
		}
		vs, err := c.args(n, 0)
		if err != nil {
			return Value{}, err
		}
		if err := want(n.Args[0], vs[0], dialect.Decimal); err != nil {
			return Value{}, err
		}
		digits, t := "", dialect.Integer
		if len(vs) == 2 {
			if err := want(n.Args[1], vs[1], dialect.Integer); err != nil {
				return Value{}, err
			}
			digits, t = vs[1].SQL, dialect.Decimal
		}
		k, err := kindOf(n.At, vs...)
		if err != nil {
			return Value{}, err
		}
		return Value{SQL: d.Round(vs[0].SQL, digits), Type: t, Kind: k}, nil
	case "truncDate", "extract":
		if err := arity(n, 2, 2); err != nil {
			return Value{}, err
		}
		g, err := period(n.Args[0], n.Name == "extract")
		if err != nil {
			return Value{}, err
		}
		x, err := c.Compile(n.Args[1])
		if err != nil {
			return Value{}, err
		}
		if err := want(n.Args[1], x, dialect.Datetime); err != nil {
			return Value{}, err
		}
		if n.Name == "extract" {
			return Value{SQL: d.Extract(x.SQL, g), Type: dialect.Integer, Kind: x.Kind}, nil
		}
		return Value{SQL: d.DateTrunc(x.SQL, g), Type: dialect.Datetime, Kind: x.Kind}, nil
	case "dateDiff":
		if err := arity(n, 2, 3); err != nil {
			return Value{}, err
		}
		g := dialect.Day
		if len(n.Args) == 3 {
			var err error
			if g, err = period(n.Args[2], false); err != nil {
				return Value{}, err
			}
		}
		a, err := c.Compile(n.Args[0])
		if err != nil {
			return Value{}, err
		}
		b, err := c.Compile(n.Args[1])
		if err != nil {
			return Value{}, err
		}
		for i, v := range []Value{a, b} {
			if err := want(n.Args[i], v, dialect.Datetime); err != nil {
				return Value{}, err
			}
		}
		k, err := kindOf(n.At, a, b)
		if err != nil {
			return Value{}, err
		}
		return Value{SQL: d.DateDiff(a.SQL, b.SQL, g), Type: dialect.Integer, Kind: k}, nil
	case "addDateTime":
		if err := arity(n, 3, 3); err != nil {
			return Value{}, err
		}
		amount, err := c.Compile(n.Args[0])
		if err != nil {
			return Value{}, err
		}
		if err := want(n.Args[0], amount, dialect.Integer); err != nil {
			return Value{}, err
		}
		g, err := period(n.Args[1], false)
		if err != nil {
			return Value{}, err
		}
		x, err := c.Compile(n.Args[2])
		if err != nil {
			return Value{}, err
		}
		if err := want(n.Args[2], x, dialect.Datetime); err != nil {
			return Value{}, err
		}
		k, err := kindOf(n.At, amount, x)
		if err != nil {
			return Value{}, err
		}
		return Value{SQL: d.DateAdd(x.SQL, amount.SQL, g), Type: dialect.Datetime, Kind: k}, nil
	case "now":
		if err := arity(n, 0, 0); err != nil {
			return Value{}, err
		}
		return Value{SQL: d.Now(), Type: dialect.Datetime, Kind: Constant}, nil
	}
	return Value{}, errorf(n.At, "unknown function %q", n.Name)
}

func joinSQL(vs []Value) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = v.SQL
	}
	return strings.Join(parts, ", ")
}

func (c *Compiler) in(n *Call) (Value, error) {
	if err := arity(n, 2, 2); err != nil {
		return Value{}, err
	}
	x, err := c.Compile(n.Args[0])
	if err != nil {
		return Value{}, err
	}
	var items []string
	add := func(node Node, v any, t dialect.Type) error {
		if x.Type != "" && t != "" && t != x.Type && !(numeric(t) && numeric(x.Type)) {
			return errorf(node.Pos(), "%s: expected a %s value, found %s", n.Name, typeName(x.Type), typeName(t))
		}
		if tm, ok := v.(time.Time); ok && x.Type == dialect.Datetime {
			v = c.Dialect.TimeArg(tm)
		}
		items = append(items, c.Bind(v, x.Type))
		return nil
	}
	var list []Node
	switch l := n.Args[1].(type) {
	case *List:
		list = l.Items
	case *Parameter:
		list = []Node{l}
	default:
		return Value{}, errorf(n.Args[1].Pos(), "%s expects a list of values such as ['a', 'b']", n.Name)
	}
	for _, item := range list {
		switch it := item.(type) {
		case *String:
			if x.Type == dialect.Datetime {
				v, err := c.dateLiteral(it)
				if err != nil {
					return Value{}, err
				}
				items = append(items, v.SQL)
				continue
			}
			if err := add(it, it.Value, dialect.String); err != nil {
				return Value{}, err
			}
		case *Number:
			var v any = it.Value
			t := dialect.Decimal
			if it.Int {
				v, t = int64(it.Value), dialect.Integer
			}
			if err := add(it, v, t); err != nil {
				return Value{}, err
			}
		case *Parameter:
			if c.Param == nil {
				return Value{}, errorf(it.At, "unknown parameter %q", it.Name)
			}
			v, t, ok := c.Param(it.Name)
			if !ok {
				return Value{}, errorf(it.At, "unknown parameter %q", it.Name)
			}
			vals, multi := v.([]any)
			if !multi {
				vals = []any{v}
			}
			for _, v := range vals {
				if err := add(it, v, t); err != nil {
					return Value{}, err
				}
			}
		default:
			return Value{}, errorf(item.Pos(), "%s accepts only literal values and parameters in its list", n.Name)
		}
	}
	if len(items) == 0 {
		return Value{}, errorf(n.Args[1].Pos(), "%s needs at least one value", n.Name)
	}
	op := " IN ("
	if n.Name == "notIn" {
		op = " NOT IN ("
	}
	xs := x.SQL
	if x.Type == dialect.String {
		xs = dialect.ExactText(c.Dialect, xs)
		for i := range items {
			items[i] = dialect.ExactText(c.Dialect, items[i])
		}
	}
	return Value{SQL: "(" + xs + op + strings.Join(items, ", ") + "))", Type: Boolean, Kind: x.Kind}, nil
}
