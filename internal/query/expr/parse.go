package expr

import (
	"strconv"
	"strings"
)

// MaxDepth bounds the nesting of an expression: parentheses, function
// calls, unary operators and chains of binary operators all count, so
// that neither parsing nor compiling recurses deeper and the SQL written
// stays within the engines' own expression depth limits. With the
// calculated fields it references expanded in place, an expression is
// bounded by MaxDepth too (see Measure).
const MaxDepth = 200

// Parse parses one expression. Errors are *Error with the position of
// the problem.
func Parse(src string) (Node, error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	if p.peek().kind == tEOF {
		return nil, errorf(0, "expression is empty")
	}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, errorf(t.pos, "unexpected %s", describe(t))
	}
	// The parser's own count bounds its recursion, but an operator chain
	// over a nested first operand ends deeper than either: measure the
	// tree itself, so that what parses is within MaxDepth.
	if err := checkDepth(n); err != nil {
		return nil, err
	}
	return n, nil
}

type parser struct {
	toks  []token
	i     int
	depth int
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) isOp(s string) bool {
	t := p.peek()
	return t.kind == tOp && t.text == s
}

func (p *parser) isKeyword(s string) bool {
	t := p.peek()
	return t.kind == tIdent && strings.EqualFold(t.text, s)
}

func (p *parser) expect(op string) error {
	t := p.peek()
	if t.kind != tOp || t.text != op {
		return errorf(t.pos, "expected %q, found %s", op, describe(t))
	}
	p.next()
	return nil
}

func describe(t token) string {
	switch t.kind {
	case tEOF:
		return "end of expression"
	case tString:
		return "string literal"
	case tField:
		return "field {" + t.text + "}"
	case tParam:
		return "parameter ${" + t.text + "}"
	}
	return strconv.Quote(t.text)
}

func (p *parser) enter(pos int) error {
	p.depth++
	if p.depth > MaxDepth {
		return errorf(pos, "%s", tooDeep)
	}
	return nil
}

// restore returns a function that sets the depth back to what it is now;
// operator chains enter once per operator (each makes the tree one level
// deeper) and leave all at once.
func (p *parser) restore() func() {
	d := p.depth
	return func() { p.depth = d }
}

func (p *parser) or() (Node, error) {
	if err := p.enter(p.peek().pos); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	defer p.restore()()
	l, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.isKeyword("OR") {
		t := p.next()
		if err := p.enter(t.pos); err != nil {
			return nil, err
		}
		r, err := p.and()
		if err != nil {
			return nil, err
		}
		l = &Binary{At: t.pos, Op: "OR", L: l, R: r}
	}
	return l, nil
}

func (p *parser) and() (Node, error) {
	defer p.restore()()
	l, err := p.not()
	if err != nil {
		return nil, err
	}
	for p.isKeyword("AND") {
		t := p.next()
		if err := p.enter(t.pos); err != nil {
			return nil, err
		}
		r, err := p.not()
		if err != nil {
			return nil, err
		}
		l = &Binary{At: t.pos, Op: "AND", L: l, R: r}
	}
	return l, nil
}

func (p *parser) not() (Node, error) {
	if p.isKeyword("NOT") {
		t := p.next()
		if err := p.enter(t.pos); err != nil {
			return nil, err
		}
		defer func() { p.depth-- }()
		x, err := p.not()
		if err != nil {
			return nil, err
		}
		return &Unary{At: t.pos, Op: "NOT", X: x}, nil
	}
	return p.comparison()
}

func (p *parser) comparison() (Node, error) {
	l, err := p.additive()
	if err != nil {
		return nil, err
	}
	t := p.peek()
	if t.kind == tOp {
		switch t.text {
		case "=", "<>", "!=", "<", "<=", ">", ">=":
			p.next()
			if err := p.enter(t.pos); err != nil {
				return nil, err
			}
			defer func() { p.depth-- }()
			r, err := p.additive()
			if err != nil {
				return nil, err
			}
			op := t.text
			if op == "!=" {
				op = "<>"
			}
			return &Binary{At: t.pos, Op: op, L: l, R: r}, nil
		}
	}
	return l, nil
}

func (p *parser) additive() (Node, error) {
	defer p.restore()()
	l, err := p.multiplicative()
	if err != nil {
		return nil, err
	}
	for p.isOp("+") || p.isOp("-") {
		t := p.next()
		if err := p.enter(t.pos); err != nil {
			return nil, err
		}
		r, err := p.multiplicative()
		if err != nil {
			return nil, err
		}
		l = &Binary{At: t.pos, Op: t.text, L: l, R: r}
	}
	return l, nil
}

func (p *parser) multiplicative() (Node, error) {
	defer p.restore()()
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for p.isOp("*") || p.isOp("/") || p.isOp("%") {
		t := p.next()
		if err := p.enter(t.pos); err != nil {
			return nil, err
		}
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		l = &Binary{At: t.pos, Op: t.text, L: l, R: r}
	}
	return l, nil
}

func (p *parser) unary() (Node, error) {
	if p.isOp("-") || p.isOp("+") {
		t := p.next()
		if err := p.enter(t.pos); err != nil {
			return nil, err
		}
		defer func() { p.depth-- }()
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		if t.text == "+" {
			return x, nil
		}
		if n, ok := x.(*Number); ok {
			return &Number{At: t.pos, Value: -n.Value, Int: n.Int}, nil
		}
		return &Unary{At: t.pos, Op: "-", X: x}, nil
	}
	return p.power()
}

// power is primary [^ unary]: exponentiation binds tighter than a sign
// before it (-2^2 is -4) and groups to the right (2^3^2 is 2^9).
func (p *parser) power() (Node, error) {
	l, err := p.primary()
	if err != nil {
		return nil, err
	}
	if !p.isOp("^") {
		return l, nil
	}
	t := p.next()
	if err := p.enter(t.pos); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	r, err := p.unary()
	if err != nil {
		return nil, err
	}
	return &Binary{At: t.pos, Op: "^", L: l, R: r}, nil
}

func (p *parser) primary() (Node, error) {
	t := p.next()
	switch t.kind {
	case tField:
		return &Field{At: t.pos, Name: t.text}, nil
	case tParam:
		return &Parameter{At: t.pos, Name: t.text}, nil
	case tString:
		return &String{At: t.pos, Value: t.text}, nil
	case tNumber:
		v, err := strconv.ParseFloat(t.text, 64)
		if err != nil || strings.Count(t.text, ".") > 1 {
			return nil, errorf(t.pos, "invalid number %q", t.text)
		}
		isInt := !strings.ContainsAny(t.text, ".eE") && v == float64(int64(v))
		return &Number{At: t.pos, Value: v, Int: isInt}, nil
	case tIdent:
		if p.isOp("(") {
			return p.call(t)
		}
		if strings.EqualFold(t.text, "NULL") {
			return &Null{At: t.pos}, nil
		}
		return &Field{At: t.pos, Name: t.text, Bare: true}, nil
	case tOp:
		switch t.text {
		case "(":
			n, err := p.or()
			if err != nil {
				return nil, err
			}
			if err := p.expect(")"); err != nil {
				return nil, err
			}
			return n, nil
		case "[":
			return p.list(t)
		}
	}
	return nil, errorf(t.pos, "unexpected %s", describe(t))
}

func (p *parser) call(name token) (Node, error) {
	canon, ok := canonicalFunc(name.text)
	if !ok {
		return nil, errorf(name.pos, "unknown function %q", name.text)
	}
	if err := p.enter(name.pos); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	p.next() // (
	c := &Call{At: name.pos, Name: canon}
	if p.isOp(")") {
		p.next()
		return c, nil
	}
	for {
		a, err := p.or()
		if err != nil {
			return nil, err
		}
		c.Args = append(c.Args, a)
		if p.isOp(",") {
			p.next()
			continue
		}
		if err := p.expect(")"); err != nil {
			return nil, err
		}
		return c, nil
	}
}

func (p *parser) list(open token) (Node, error) {
	if err := p.enter(open.pos); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	l := &List{At: open.pos}
	if p.isOp("]") {
		p.next()
		return l, nil
	}
	for {
		a, err := p.additive()
		if err != nil {
			return nil, err
		}
		if t := p.peek(); t.kind == tIdent && (strings.EqualFold(t.text, "ASC") || strings.EqualFold(t.text, "DESC")) {
			// A table calculation's sort field: {Sales} DESC.
			p.next()
			a = &Sorted{At: a.Pos(), X: a, Desc: strings.EqualFold(t.text, "DESC")}
		}
		l.Items = append(l.Items, a)
		if p.isOp(",") {
			p.next()
			continue
		}
		if err := p.expect("]"); err != nil {
			return nil, err
		}
		return l, nil
	}
}
