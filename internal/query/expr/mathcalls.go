package expr

import (
	"strings"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// mathCall compiles the math functions (mod, sqrt, exp, ln, log),
// switch and parseJson; ok is false for other functions.
func (c *Compiler) mathCall(n *Call) (v Value, ok bool, err error) {
	switch n.Name {
	case "sqrt", "exp", "ln", "log":
		if err := arity(n, 1, 1); err != nil {
			return Value{}, true, err
		}
		x, err := c.Compile(n.Args[0])
		if err != nil {
			return Value{}, true, err
		}
		if err := want(n.Args[0], x, dialect.Decimal); err != nil {
			return Value{}, true, err
		}
		sql, _ := dialect.MathFunc(c.Dialect, n.Name, x.SQL)
		return Value{SQL: sql, Type: dialect.Decimal, Kind: x.Kind}, true, nil
	case "mod":
		if err := arity(n, 2, 2); err != nil {
			return Value{}, true, err
		}
		v, err := c.Compile(&Binary{At: n.At, Op: "%", L: n.Args[0], R: n.Args[1]})
		return v, true, err
	case "switch":
		v, err := c.switchCall(n)
		return v, true, err
	case "parseJson":
		v, err := c.parseJSONCall(n)
		return v, true, err
	}
	return Value{}, false, nil
}

// remainder is a % b: NULL when b is zero on every engine.
func (c *Compiler) remainder(l, r Value, t dialect.Type, k Kind) Value {
	return Value{SQL: dialect.Remainder(c.Dialect, l.SQL, r.SQL, t == dialect.Decimal), Type: t, Kind: k}
}

// switchCall compiles switch(value, label, result [, label, result …],
// default): the result of the first label equal to value, else default.
// Labels are literals of value's type (strings read as dates when value
// is a datetime); a NULL value matches no label.
func (c *Compiler) switchCall(n *Call) (Value, error) {
	if len(n.Args) < 4 || len(n.Args)%2 != 0 {
		return Value{}, errorf(n.At, "switch takes a value, label and result pairs and a default (an even number of at least 4 arguments), found %d", len(n.Args))
	}
	x, err := c.Compile(n.Args[0])
	if err != nil {
		return Value{}, err
	}
	all := []Value{x}
	var results []Value
	var resultNodes []Node
	var b strings.Builder
	exact := func(v Value) string {
		if x.Type == dialect.String {
			return dialect.ExactText(c.Dialect, v.SQL)
		}
		return v.SQL
	}
	b.WriteString("CASE " + exact(x))
	for i := 1; i+1 < len(n.Args); i += 2 {
		var label Value
		if s, ok := n.Args[i].(*String); ok && x.Type == dialect.Datetime {
			label, err = c.dateLiteral(s)
		} else {
			label, err = c.Compile(n.Args[i])
		}
		if err != nil {
			return Value{}, err
		}
		if label.Kind != Constant {
			return Value{}, errorf(n.Args[i].Pos(), "switch: a label must be a literal")
		}
		if x.Type != "" && label.Type != "" && x.Type != label.Type && !(numeric(x.Type) && numeric(label.Type)) {
			return Value{}, errorf(n.Args[i].Pos(), "switch: the label is a %s value, the value compared is %s", typeName(label.Type), typeName(x.Type))
		}
		r, err := c.Compile(n.Args[i+1])
		if err != nil {
			return Value{}, err
		}
		b.WriteString(" WHEN " + exact(label) + " THEN " + r.SQL)
		results = append(results, r)
		resultNodes = append(resultNodes, n.Args[i+1])
		all = append(all, r)
	}
	last := len(n.Args) - 1
	def, err := c.Compile(n.Args[last])
	if err != nil {
		return Value{}, err
	}
	b.WriteString(" ELSE " + def.SQL + " END")
	results = append(results, def)
	resultNodes = append(resultNodes, n.Args[last])
	all = append(all, def)
	t, err := unify(n, resultNodes, results)
	if err != nil {
		return Value{}, err
	}
	k, err := kindOf(n.At, all...)
	if err != nil {
		return Value{}, err
	}
	return Value{SQL: "(" + b.String() + ")", Type: t, Kind: k}, nil
}

// text is v as a string, written alike on every engine (toString,
// concat): decimals in their shortest form, booleans as true or false.
func (c *Compiler) text(v Value) string {
	switch v.Type {
	case dialect.String:
		return v.SQL
	case dialect.Decimal:
		return dialect.DecimalText(c.Dialect, v.SQL)
	case Boolean:
		return dialect.BooleanText(v.SQL)
	}
	return c.Dialect.Cast(v.SQL, dialect.String)
}
