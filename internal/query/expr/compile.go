package expr

import (
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// Kind says at which level a compiled expression is evaluated.
type Kind int

// Kinds of compiled expressions.
const (
	Constant  Kind = iota // literals, parameters, now(): valid anywhere
	Row                   // reads a row's columns
	Aggregate             // aggregates rows (sum, avg, …)
)

// Boolean is the type of conditions (comparisons, and/or/not, isNull).
const Boolean = dialect.Boolean

// Value is a compiled expression: SQL whose argument references index
// Compiler.Args, its type ("" for a bare NULL) and its kind.
type Value struct {
	SQL  string
	Type dialect.Type
	Kind Kind
}

// AggregateCall describes an aggregate function call to a compiler
// override: the canonical function, its compiled argument (a Row value)
// and, for percentiles, the fraction in [0,1].
type AggregateCall struct {
	Func     string
	Arg      Value
	Fraction float64
}

// Compiler compiles parsed expressions for one dialect. Field resolves a
// field name (to a column, or to another compiled calculated field);
// Param returns a parameter's value and type; Aggregate, if set, writes
// aggregate calls (the query compiler computes percentiles with window
// functions there); NoAggregates rejects aggregate functions (dataset
// calculated columns). Args accumulates bound argument values; Value.SQL
// references them with dialect.Arg.
type Compiler struct {
	Dialect      dialect.Dialect
	Field        func(name string) (Value, bool, error)
	Param        func(name string) (value any, t dialect.Type, ok bool)
	Aggregate    func(c *Compiler, call AggregateCall) (string, error)
	NoAggregates bool
	Args         []any

	// TableCalc writes a table calculation (see window.go) and says at
	// which level its value is; nil refuses table calculations.
	TableCalc func(c *Compiler, call TableCalcCall) (string, Kind, error)

	depth int // of the node being compiled, fields inlined by Field included
}

// Bind adds an argument of type t and returns its SQL.
func (c *Compiler) Bind(v any, t dialect.Type) string {
	c.Args = append(c.Args, v)
	return c.Dialect.Param(dialect.Arg(len(c.Args)-1), t)
}

// Compile compiles n, checking types and aggregation levels. It never
// recurses deeper than MaxDepth, counting the expressions Field compiles
// in place of a reference; callers that inline fields bound their
// expanded size first with Measure.
func (c *Compiler) Compile(n Node) (Value, error) {
	c.depth++
	defer func() { c.depth-- }()
	if c.depth > MaxDepth {
		return Value{}, errorf(n.Pos(), "%s", tooDeep)
	}
	v, err := c.compile(n)
	if err == nil && len(v.SQL) > MaxSQL {
		return Value{}, errorf(n.Pos(), "expression is too large once compiled to SQL (more than %d bytes)", MaxSQL)
	}
	return v, err
}

// MaxSQL bounds the SQL of one compiled expression. Some functions write
// an operand several times (work days, date formats, SQLite's stored
// datetimes), so nesting them multiplies the SQL; checking after every
// node keeps what is built within a small multiple of the bound.
const MaxSQL = 1 << 20

func (c *Compiler) compile(n Node) (Value, error) {
	switch n := n.(type) {
	case *Field:
		if c.Field != nil {
			// The referenced expression takes the reference's place.
			c.depth--
			v, ok, err := c.Field(n.Name)
			c.depth++
			if err != nil || ok {
				return v, err
			}
		}
		if b, isBool := booleanWord(n); isBool {
			return Value{SQL: c.Bind(b, dialect.Boolean), Type: dialect.Boolean, Kind: Constant}, nil
		}
		return Value{}, errorf(n.At, "unknown field %q", n.Name)
	case *Parameter:
		if c.Param == nil {
			return Value{}, errorf(n.At, "unknown parameter %q", n.Name)
		}
		v, t, ok := c.Param(n.Name)
		if !ok {
			return Value{}, errorf(n.At, "unknown parameter %q", n.Name)
		}
		if _, multi := v.([]any); multi {
			return Value{}, errorf(n.At, "multi-valued parameter %q can only be used in in() or notIn()", n.Name)
		}
		if t == dialect.Datetime {
			if tm, ok := v.(time.Time); ok {
				v = c.Dialect.TimeArg(tm)
			}
		}
		return Value{SQL: c.Bind(v, t), Type: t, Kind: Constant}, nil
	case *String:
		return Value{SQL: c.Bind(n.Value, dialect.String), Type: dialect.String, Kind: Constant}, nil
	case *Number:
		if n.Int {
			return Value{SQL: c.Bind(int64(n.Value), dialect.Integer), Type: dialect.Integer, Kind: Constant}, nil
		}
		return Value{SQL: c.Bind(n.Value, dialect.Decimal), Type: dialect.Decimal, Kind: Constant}, nil
	case *Null:
		return Value{SQL: "NULL", Kind: Constant}, nil
	case *Unary:
		x, err := c.Compile(n.X)
		if err != nil {
			return Value{}, err
		}
		if n.Op == "NOT" {
			if err := want(n.X, x, Boolean); err != nil {
				return Value{}, err
			}
			return Value{SQL: "(NOT " + x.SQL + ")", Type: Boolean, Kind: x.Kind}, nil
		}
		if !numeric(x.Type) && x.Type != "" {
			return Value{}, errorf(n.At, "cannot negate a %s value", typeName(x.Type))
		}
		return Value{SQL: "(-" + x.SQL + ")", Type: x.Type, Kind: x.Kind}, nil
	case *Binary:
		return c.binary(n)
	case *Call:
		return c.call(n)
	case *List:
		return Value{}, errorf(n.At, "a list is only allowed as the second argument of in() or notIn()")
	}
	return Value{}, errorf(n.Pos(), "unsupported expression")
}

func numeric(t dialect.Type) bool { return t == dialect.Integer || t == dialect.Decimal }

func typeName(t dialect.Type) string {
	switch t {
	case "":
		return "null"
	case Boolean:
		return "boolean"
	}
	return strings.ToLower(string(t))
}

func want(n Node, v Value, t dialect.Type) error {
	if v.Type == t || v.Type == "" {
		return nil
	}
	if t == dialect.Decimal && v.Type == dialect.Integer {
		return nil
	}
	return errorf(n.Pos(), "expected a %s value, found %s", typeName(t), typeName(v.Type))
}

// kindOf combines aggregation levels: mixing row values with aggregates
// is an error, as in QuickSight.
func kindOf(at int, vs ...Value) (Kind, error) {
	k := Constant
	for _, v := range vs {
		switch {
		case v.Kind == Constant:
		case k == Constant:
			k = v.Kind
		case k != v.Kind && k >= Aggregate && v.Kind >= Aggregate:
			// Aggregates are columns of the rows a table calculation
			// runs over.
			k = max(k, v.Kind)
		case k != v.Kind:
			return 0, errorf(at, "mismatched aggregation: aggregated and unaggregated fields cannot be combined")
		}
	}
	return k, nil
}

func (c *Compiler) binary(n *Binary) (Value, error) {
	l, err := c.Compile(n.L)
	if err != nil {
		return Value{}, err
	}
	// A string literal compared with a datetime is a date literal.
	if s, ok := n.R.(*String); ok && l.Type == dialect.Datetime && isComparison(n.Op) {
		r, err := c.dateLiteral(s)
		if err != nil {
			return Value{}, err
		}
		return c.finishBinary(n, l, r)
	}
	r, err := c.Compile(n.R)
	if err != nil {
		return Value{}, err
	}
	if s, ok := n.L.(*String); ok && r.Type == dialect.Datetime && isComparison(n.Op) {
		l, err = c.dateLiteral(s)
		if err != nil {
			return Value{}, err
		}
	}
	return c.finishBinary(n, l, r)
}

func isComparison(op string) bool {
	switch op {
	case "=", "<>", "<", "<=", ">", ">=":
		return true
	}
	return false
}

var dateLayouts = []string{time.DateTime, time.DateOnly, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04", "01/02/2006"}

func (c *Compiler) dateLiteral(s *String) (Value, error) {
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s.Value); err == nil {
			return Value{SQL: c.Bind(c.Dialect.TimeArg(t), dialect.Datetime), Type: dialect.Datetime, Kind: Constant}, nil
		}
	}
	return Value{}, errorf(s.At, "%q is not a date", s.Value)
}

func (c *Compiler) finishBinary(n *Binary, l, r Value) (Value, error) {
	k, err := kindOf(n.At, l, r)
	if err != nil {
		return Value{}, err
	}
	d := c.Dialect
	switch n.Op {
	case "AND", "OR":
		if err := want(n.L, l, Boolean); err != nil {
			return Value{}, err
		}
		if err := want(n.R, r, Boolean); err != nil {
			return Value{}, err
		}
		return Value{SQL: "(" + l.SQL + " " + n.Op + " " + r.SQL + ")", Type: Boolean, Kind: k}, nil
	case "=", "<>", "<", "<=", ">", ">=":
		if l.Type != "" && r.Type != "" && l.Type != r.Type && !(numeric(l.Type) && numeric(r.Type)) {
			return Value{}, errorf(n.At, "cannot compare a %s value with a %s value", typeName(l.Type), typeName(r.Type))
		}
		if l.Type == Boolean && n.Op != "=" && n.Op != "<>" {
			return Value{}, errorf(n.At, "cannot order boolean values")
		}
		if (n.Op == "=" || n.Op == "<>") && (l.Type == dialect.String || r.Type == dialect.String) {
			l.SQL, r.SQL = dialect.ExactText(d, l.SQL), dialect.ExactText(d, r.SQL)
		}
		return Value{SQL: "(" + l.SQL + " " + n.Op + " " + r.SQL + ")", Type: Boolean, Kind: k}, nil
	}
	for _, side := range []struct {
		n Node
		v Value
	}{{n.L, l}, {n.R, r}} {
		if !numeric(side.v.Type) && side.v.Type != "" {
			return Value{}, errorf(side.n.Pos(), "operator %s expects numbers, found %s", n.Op, typeName(side.v.Type))
		}
	}
	t := dialect.Integer
	if l.Type == dialect.Decimal || r.Type == dialect.Decimal {
		t = dialect.Decimal
	}
	switch n.Op {
	case "/":
		return Value{SQL: d.Div(l.SQL, r.SQL), Type: dialect.Decimal, Kind: k}, nil
	case "%":
		return c.remainder(l, r, t, k), nil
	case "^":
		return Value{SQL: dialect.Power(d, l.SQL, r.SQL), Type: dialect.Decimal, Kind: k}, nil
	}
	return Value{SQL: "(" + l.SQL + " " + n.Op + " " + r.SQL + ")", Type: t, Kind: k}, nil
}
