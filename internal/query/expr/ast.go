// Package expr parses QuickSight's calculated-field expression language
// and compiles it to SQL for a dialect. Field names resolve through a
// caller-supplied environment (dataset columns, other calculated fields)
// and every literal and parameter value becomes a bound argument: no text
// of an expression is ever copied into SQL.
package expr

// Node is a parsed expression. Pos is the 0-based byte offset of the node
// in its source.
type Node interface {
	Pos() int
}

// Field is a field reference: {Field Name} or a bare name.
type Field struct {
	At   int
	Name string
	Bare bool // written without braces (region, TRUE), not {region}
}

// Parameter is a parameter reference: ${Name}.
type Parameter struct {
	At   int
	Name string
}

// String is a string literal ('…' or "…").
type String struct {
	At    int
	Value string
}

// Number is a numeric literal; Int reports whether it has no fraction.
type Number struct {
	At    int
	Value float64
	Int   bool
}

// Null is the NULL literal.
type Null struct{ At int }

// Unary is "-x" or "NOT x".
type Unary struct {
	At int
	Op string // "-" or "NOT"
	X  Node
}

// Binary is an arithmetic, comparison or logical operation.
type Binary struct {
	At   int
	Op   string // + - * / % ^ = <> < <= > >= AND OR
	L, R Node
}

// Call is a function call; Name is the canonical spelling (see funcs).
type Call struct {
	At   int
	Name string
	Args []Node
}

// List is a bracketed list of values, the second argument of in/notIn.
type List struct {
	At    int
	Items []Node
}

func (n *Field) Pos() int     { return n.At }
func (n *Parameter) Pos() int { return n.At }
func (n *String) Pos() int    { return n.At }
func (n *Number) Pos() int    { return n.At }
func (n *Null) Pos() int      { return n.At }
func (n *Unary) Pos() int     { return n.At }
func (n *Binary) Pos() int    { return n.At }
func (n *Call) Pos() int      { return n.At }
func (n *List) Pos() int      { return n.At }

// Fields returns the names of the fields n references, in order of
// first appearance.
func Fields(n Node) []string {
	var out []string
	seen := map[string]bool{}
	walkFields(n, func(f *Field) {
		if !seen[f.Name] {
			seen[f.Name] = true
			out = append(out, f.Name)
		}
	})
	return out
}

// walkFields calls fn for each field reference of n, in order, keyword
// arguments (PRE_AGG, YEAR) left out.
func walkFields(n Node, fn func(*Field)) {
	var walk func(Node)
	walk = func(n Node) {
		switch n := n.(type) {
		case *Field:
			fn(n)
		case *Unary:
			walk(n.X)
		case *Binary:
			walk(n.L)
			walk(n.R)
		case *Call:
			for i, a := range n.Args {
				if !isKeywordArg(n, i) {
					walk(a)
				}
			}
		case *List:
			for _, a := range n.Items {
				walk(a)
			}
		case *Sorted:
			walk(n.X)
		}
	}
	walk(n)
}
