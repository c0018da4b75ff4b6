package expr

import (
	"strings"
	"unicode/utf8"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// typed compiles the arguments of n, which must number between min and
// max, checking each against types (a missing entry accepts any type).
func (c *Compiler) typed(n *Call, min, max int, types ...dialect.Type) ([]Value, Kind, error) {
	if err := arity(n, min, max); err != nil {
		return nil, 0, err
	}
	vs, err := c.args(n, 0)
	if err != nil {
		return nil, 0, err
	}
	for i, v := range vs {
		if i < len(types) && types[i] != "" {
			if err := want(n.Args[i], v, types[i]); err != nil {
				return nil, 0, err
			}
		}
	}
	k, err := kindOf(n.At, vs...)
	return vs, k, err
}

// stringCall compiles the string functions left, right, locate, replace,
// ltrim, rtrim, contains, startsWith, endsWith and nullIf; ok is false
// for other functions.
func (c *Compiler) stringCall(n *Call) (v Value, ok bool, err error) {
	d := c.Dialect
	str, integer := dialect.String, dialect.Integer
	done := func(vs []Value, k Kind, err error, sql func([]Value) string, t dialect.Type) (Value, bool, error) {
		if err != nil {
			return Value{}, true, err
		}
		return Value{SQL: sql(vs), Type: t, Kind: k}, true, nil
	}
	switch n.Name {
	case "left", "right":
		vs, k, err := c.typed(n, 2, 2, str, integer)
		f := d.Left
		if n.Name == "right" {
			f = d.Right
		}
		return done(vs, k, err, func(vs []Value) string { return f(vs[0].SQL, vs[1].SQL) }, str)
	case "locate":
		vs, k, err := c.typed(n, 2, 3, str, str, integer)
		return done(vs, k, err, func(vs []Value) string {
			start := ""
			if len(vs) == 3 {
				start = vs[2].SQL
			}
			return d.Locate(vs[0].SQL, vs[1].SQL, start)
		}, integer)
	case "replace":
		vs, k, err := c.typed(n, 3, 3, str, str, str)
		return done(vs, k, err, func(vs []Value) string { return d.Replace(vs[0].SQL, vs[1].SQL, vs[2].SQL) }, str)
	case "ltrim", "rtrim":
		vs, k, err := c.typed(n, 1, 1, str)
		f := d.LTrim
		if n.Name == "rtrim" {
			f = d.RTrim
		}
		return done(vs, k, err, func(vs []Value) string { return f(vs[0].SQL) }, str)
	case "split":
		return c.split(n)
	case "contains", "startsWith", "endsWith":
		return c.match(n)
	case "nullIf":
		vs, k, err := c.typed(n, 2, 2)
		if err != nil {
			return Value{}, true, err
		}
		t, err := unify(n, n.Args, vs)
		if err != nil {
			return Value{}, true, err
		}
		return Value{SQL: "NULLIF(" + vs[0].SQL + ", " + vs[1].SQL + ")", Type: t, Kind: k}, true, nil
	}
	return Value{}, false, nil
}

// match compiles contains, startsWith and endsWith with their optional
// third argument, the bare word CASE_SENSITIVE (the default) or
// CASE_INSENSITIVE.
func (c *Compiler) match(n *Call) (Value, bool, error) {
	if err := arity(n, 2, 3); err != nil {
		return Value{}, true, err
	}
	insensitive := false
	if len(n.Args) == 3 {
		f, ok := n.Args[2].(*Field)
		switch {
		case ok && strings.EqualFold(f.Name, "CASE_SENSITIVE"):
		case ok && strings.EqualFold(f.Name, "CASE_INSENSITIVE"):
			insensitive = true
		default:
			return Value{}, true, errorf(n.Args[2].Pos(), "%s: the third argument must be CASE_SENSITIVE or CASE_INSENSITIVE", n.Name)
		}
	}
	vs := make([]Value, 2)
	for i := range vs {
		v, err := c.Compile(n.Args[i])
		if err != nil {
			return Value{}, true, err
		}
		if err := want(n.Args[i], v, dialect.String); err != nil {
			return Value{}, true, err
		}
		vs[i] = v
	}
	k, err := kindOf(n.At, vs...)
	if err != nil {
		return Value{}, true, err
	}
	d := c.Dialect
	s, sub := vs[0].SQL, vs[1].SQL
	if insensitive {
		s, sub = d.Lower(s), d.Lower(sub)
	}
	f := map[string]func(string, string) string{"contains": d.Contains, "startsWith": d.StartsWith, "endsWith": d.EndsWith}[n.Name]
	return Value{SQL: f(s, sub), Type: Boolean, Kind: k}, true, nil
}

// maxSplitPosition bounds split's position, a constant of the SQL.
const maxSplitPosition = 1000000

// maxSplitDelimiter bounds split's literal delimiter, in characters.
const maxSplitDelimiter = 256

// split compiles split(expression, delimiter, position): the delimiter
// is a string literal of one character or more (' in ', 'Name=') or a
// string of literals and parameters (concat(${TagName}, '='), as real
// calculated fields write it), never a column; the position an integer
// literal from 1. A delimiter that is empty or NULL when asked splits
// nothing: NULL.
func (c *Compiler) split(n *Call) (Value, bool, error) {
	if err := arity(n, 3, 3); err != nil {
		return Value{}, true, err
	}
	pos, ok := n.Args[2].(*Number)
	if !ok || !pos.Int || pos.Value < 1 || pos.Value > maxSplitPosition {
		return Value{}, true, errorf(n.Args[2].Pos(), "split: the position must be an integer literal from 1 to %d", maxSplitPosition)
	}
	badDelim := errorf(n.Args[1].Pos(), "split: the delimiter must be a string literal of 1 to %d characters, such as ';' or ' in ', or a string of literals and parameters", maxSplitDelimiter)
	var d string
	guard := false
	if delim, ok := n.Args[1].(*String); ok {
		if delim.Value == "" || utf8.RuneCountInString(delim.Value) > maxSplitDelimiter || strings.ContainsRune(delim.Value, 0) {
			return Value{}, true, badDelim
		}
		d = c.Bind(delim.Value, dialect.String)
	} else {
		dv, err := c.Compile(n.Args[1])
		if err != nil {
			return Value{}, true, err
		}
		if dv.Type != dialect.String || dv.Kind != Constant {
			return Value{}, true, badDelim
		}
		d, guard = dv.SQL, true
	}
	x, err := c.Compile(n.Args[0])
	if err != nil {
		return Value{}, true, err
	}
	if err := want(n.Args[0], x, dialect.String); err != nil {
		return Value{}, true, err
	}
	sql := c.Dialect.Split(x.SQL, d, int(pos.Value))
	if guard {
		sql = "(CASE WHEN " + c.Dialect.Length(d) + " > 0 THEN " + sql + " END)"
	}
	return Value{SQL: sql, Type: dialect.String, Kind: x.Kind}, true, nil
}
