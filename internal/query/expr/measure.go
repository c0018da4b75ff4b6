package expr

import (
	sg "github.com/sightglass/sightglass"
)

// MaxNodes bounds the size of an expression once the calculated fields
// it references are expanded in place, as the SQL written for it (or an
// engine flattening subqueries) expands them. Fields that reference each
// other twice double at every step; the bound refuses such a chain at
// its first link that passes it instead of building the tree.
const MaxNodes = 10000

const (
	tooDeep  = "expression is nested too deeply"
	tooLarge = "expression is too large once the calculated fields it references are expanded"
)

// Size is the size of an expression with every field it references
// expanded in place: its nodes and its depth. A plain column is the zero
// Size (the field node alone).
type Size struct {
	Nodes, Depth int
}

// RefSize returns the Size of what the field name stands for, or the zero
// Size for a plain column or an unknown name (compiling reports those).
// depth is where the reference sits in the expression being measured (1
// for the root); a RefSize that measures another expression starts there,
// so that a chain of references never recurses past MaxDepth.
type RefSize func(name string, depth int) (Size, error)

// Measure returns the Size of n, with each field reference replaced by
// what ref says it stands for, starting at depth (1 for a whole
// expression). It counts as it goes and fails, with an *Error at the
// position of the node (or of the reference that leads to it), as soon
// as MaxNodes or MaxDepth is passed: the expanded tree is never built.
func Measure(n Node, depth int, ref RefSize) (Size, error) {
	m := &measurer{ref: ref, base: depth}
	if err := m.node(n, depth); err != nil {
		return Size{}, err
	}
	return Size{Nodes: m.nodes, Depth: m.deepest - depth + 1}, nil
}

type measurer struct {
	ref       RefSize
	base      int
	nodes     int
	deepest   int
	depthOnly bool // bound the depth alone (checkDepth)
}

// checkDepth refuses a tree deeper than MaxDepth, whatever its size.
func checkDepth(n Node) error {
	m := &measurer{base: 1, depthOnly: true}
	return m.node(n, 1)
}

func (m *measurer) count(at, nodes, deepest int) error {
	m.nodes += nodes
	m.deepest = max(m.deepest, deepest)
	if m.deepest > MaxDepth {
		return errorf(at, "%s", tooDeep)
	}
	if m.nodes > MaxNodes && !m.depthOnly {
		return errorf(at, "%s (more than %d terms)", tooLarge, MaxNodes)
	}
	return nil
}

func (m *measurer) node(n Node, depth int) error {
	if f, ok := n.(*Field); ok && m.ref != nil {
		s, err := m.ref(f.Name, depth)
		if err != nil {
			if e, ok := err.(*Error); ok {
				// A bound passed inside the referenced field: report it
				// here, at the reference.
				return &Error{Pos: f.At, Msg: e.Msg}
			}
			return err
		}
		if s.Nodes > 0 {
			return m.count(f.At, s.Nodes, depth+s.Depth-1)
		}
	}
	if err := m.count(n.Pos(), 1, depth); err != nil {
		return err
	}
	var kids []Node
	switch n := n.(type) {
	case *Unary:
		kids = []Node{n.X}
	case *Binary:
		kids = []Node{n.L, n.R}
	case *Call:
		if r := repeats(n); r > 1 {
			// The SQL writes each argument up to r times: count it so.
			for _, k := range n.Args {
				sub := &measurer{ref: m.ref, base: m.base, depthOnly: m.depthOnly}
				if err := sub.node(k, depth+1); err != nil {
					return err
				}
				if err := m.count(k.Pos(), sub.nodes*r, sub.deepest); err != nil {
					return err
				}
			}
			return nil
		}
		kids = n.Args
	case *List:
		kids = n.Items
	case *Sorted:
		kids = []Node{n.X}
	}
	for _, k := range kids {
		if err := m.node(k, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// Sizer measures named expressions that reference each other (an
// analysis's calculated fields), each once. Source returns the parsed
// expression of a name, or ok false when the name is not such an
// expression (a column).
type Sizer struct {
	Source func(name string) (n Node, ok bool, err error)

	sizes    map[string]Size
	visiting map[string]bool
}

// Size measures the expression name with everything it references
// expanded. Errors of the bounds are *Error positioned in name's own
// expression (see Invalid); a field that refers to itself, directly or
// not, is an EINVALID error.
func (s *Sizer) Size(name string) (Size, error) {
	return s.size(name, 1)
}

func (s *Sizer) size(name string, depth int) (Size, error) {
	if sz, ok := s.sizes[name]; ok {
		return sz, nil
	}
	n, ok, err := s.Source(name)
	if err != nil || !ok {
		return Size{}, err
	}
	if s.visiting[name] {
		return Size{}, sg.Errorf(sg.EINVALID, "Calculated field %q refers to itself", name)
	}
	if s.visiting == nil {
		s.visiting, s.sizes = map[string]bool{}, map[string]Size{}
	}
	s.visiting[name] = true
	sz, err := Measure(n, depth, s.size)
	delete(s.visiting, name)
	if err != nil {
		return Size{}, err
	}
	s.sizes[name] = sz
	return sz, nil
}
