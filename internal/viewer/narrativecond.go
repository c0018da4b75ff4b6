package viewer

import (
	"math"
	"strconv"
	"strings"
)

// The condition of a custom narrative's <if>: comparisons (>=, >, <, <=,
// =, !=) of outputs, numbers and quoted strings, joined by and / or, in
// parentheses or not:
//
//	Sales.percentDifference.value >= 0 and Sales.currentMetricValue.value > 100
//
// Two operands that read as numbers compare as numbers, else as text. An
// output the condition names is looked up as an <expression>'s is (no
// such output is refused by name). Anything else (a function, an
// arithmetic operator) is a narrativeError that names the condition.

// condNode is a parsed condition: and / or of two conditions, or a
// comparison of two operands.
type condNode struct {
	op          string // "and", "or", or a comparison: ">=", ">", "<", "<=", "=", "!="
	left, right *condNode
	a, b        condOperand
}

// condOperand is an output path, or a literal.
type condOperand struct {
	path *narrativePiece
	lit  string
}

// ifAttrs reads an <if>'s condition and level (block or inline).
func ifAttrs(attrs []narrativeAttr) (*condNode, bool, error) {
	var c *condNode
	block := false
	seen := map[string]bool{}
	for _, a := range attrs {
		if seen[a.name] {
			return nil, false, attrError("if", a)
		}
		seen[a.name] = true
		switch a.name {
		case "condition":
			var err error
			if c, err = parseCond(a.value); err != nil {
				return nil, false, err
			}
		case "level":
			if a.value != "inline" && a.value != "block" {
				return nil, false, attrError("if", a)
			}
			block = a.value == "block"
		default:
			return nil, false, attrError("if", a)
		}
	}
	if c == nil {
		return nil, false, narrativeError("the CustomNarrative element <if> without a condition")
	}
	return c, block, nil
}

// condParser reads a condition's tokens.
type condParser struct {
	toks []string
	i    int
}

// parseCond parses a condition.
func parseCond(src string) (*condNode, error) {
	bad := narrativeError("the CustomNarrative condition " + strconv.Quote(clip(strings.TrimSpace(src))) + " (only comparisons of outputs, numbers and strings joined by and/or are read)")
	toks, ok := condTokens(src)
	if !ok {
		return nil, bad
	}
	p := &condParser{toks: toks}
	c, ok := p.or(0)
	if !ok || p.i != len(toks) {
		return nil, bad
	}
	return c, nil
}

// condTokens splits a condition into operands, operators and parentheses.
func condTokens(s string) ([]string, bool) {
	var out []string
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		if s == "" {
			return out, true
		}
		switch c := s[0]; {
		case c == '(' || c == ')':
			out, s = append(out, s[:1]), s[1:]
		case strings.HasPrefix(s, ">=") || strings.HasPrefix(s, "<=") || strings.HasPrefix(s, "!=") || strings.HasPrefix(s, "=="):
			out, s = append(out, s[:2]), s[2:]
		case c == '>' || c == '<' || c == '=':
			out, s = append(out, s[:1]), s[1:]
		case c == '"' || c == '\'':
			end := strings.IndexByte(s[1:], c)
			if end < 0 {
				return nil, false
			}
			out, s = append(out, s[:end+2]), s[end+2:]
		default:
			n := strings.IndexAny(s, " \t\r\n()<>=!\"'")
			if n < 0 {
				n = len(s)
			}
			if n == 0 {
				return nil, false
			}
			out, s = append(out, s[:n]), s[n:]
		}
	}
}

// maxCondDepth bounds the nesting of a condition's parentheses.
const maxCondDepth = 32

func (p *condParser) peek() string {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return ""
}

func (p *condParser) or(depth int) (*condNode, bool) {
	l, ok := p.and(depth)
	for ok && strings.EqualFold(p.peek(), "or") {
		p.i++
		var r *condNode
		if r, ok = p.and(depth); ok {
			l = &condNode{op: "or", left: l, right: r}
		}
	}
	return l, ok
}

func (p *condParser) and(depth int) (*condNode, bool) {
	l, ok := p.term(depth)
	for ok && strings.EqualFold(p.peek(), "and") {
		p.i++
		var r *condNode
		if r, ok = p.term(depth); ok {
			l = &condNode{op: "and", left: l, right: r}
		}
	}
	return l, ok
}

func (p *condParser) term(depth int) (*condNode, bool) {
	if p.peek() == "(" {
		if depth >= maxCondDepth {
			return nil, false
		}
		p.i++
		c, ok := p.or(depth + 1)
		if !ok || p.peek() != ")" {
			return nil, false
		}
		p.i++
		return c, true
	}
	a, ok := p.operand()
	if !ok {
		return nil, false
	}
	op := p.peek()
	switch op {
	case "==":
		op = "="
	case ">=", ">", "<", "<=", "=", "!=":
	default:
		return nil, false
	}
	p.i++
	b, ok := p.operand()
	return &condNode{op: op, a: a, b: b}, ok
}

func (p *condParser) operand() (condOperand, bool) {
	t := p.peek()
	if t == "" || strings.ContainsAny(t[:1], "()<>=!") || strings.EqualFold(t, "and") || strings.EqualFold(t, "or") {
		return condOperand{}, false
	}
	p.i++
	if t[0] == '"' || t[0] == '\'' {
		return condOperand{lit: t[1 : len(t)-1]}, true
	}
	if _, err := strconv.ParseFloat(t, 64); err == nil {
		return condOperand{lit: t}, true
	}
	e, err := exprPiece(t)
	if err != nil {
		return condOperand{}, false
	}
	return condOperand{path: &e}, true
}

// eval tells whether a condition holds over the outputs.
func (c *condNode) eval(outs narrativeOutputs) (bool, error) {
	switch c.op {
	case "and", "or":
		l, err := c.left.eval(outs)
		if err != nil || l == (c.op == "or") {
			return l, err
		}
		return c.right.eval(outs)
	}
	a, err := c.a.value(outs)
	if err != nil {
		return false, err
	}
	b, err := c.b.value(outs)
	if err != nil {
		return false, err
	}
	cmp := strings.Compare(a, b)
	x, xerr := strconv.ParseFloat(a, 64)
	y, yerr := strconv.ParseFloat(b, 64)
	if xerr == nil && yerr == nil && !math.IsNaN(x) && !math.IsNaN(y) {
		cmp = 0
		if x < y {
			cmp = -1
		} else if x > y {
			cmp = 1
		}
	}
	switch c.op {
	case ">=":
		return cmp >= 0, nil
	case ">":
		return cmp > 0, nil
	case "<":
		return cmp < 0, nil
	case "<=":
		return cmp <= 0, nil
	case "=":
		return cmp == 0, nil
	}
	return cmp != 0, nil
}

// value is an operand's text: its output's, or the literal.
func (o condOperand) value(outs narrativeOutputs) (string, error) {
	if o.path == nil {
		return o.lit, nil
	}
	return outs.lookup(*o.path)
}

// check looks up every output a condition names.
func (c *condNode) check(outs narrativeOutputs) error {
	if c.left != nil {
		if err := c.left.check(outs); err != nil {
			return err
		}
		return c.right.check(outs)
	}
	for _, o := range []condOperand{c.a, c.b} {
		if _, err := o.value(outs); err != nil {
			return err
		}
	}
	return nil
}
