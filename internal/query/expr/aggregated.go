package expr

// Aggregated reports whether the expression src calls an aggregate
// function itself (sum({Sales}) / count({Id})); false when it does not
// parse. References to other calculated fields are not followed.
func Aggregated(src string) bool {
	n, err := Parse(src)
	if err != nil {
		return false
	}
	var walk func(Node) bool
	walk = func(n Node) bool {
		switch n := n.(type) {
		case *Call:
			if IsAggregateFunc(n.Name) {
				return true
			}
			for _, a := range n.Args {
				if walk(a) {
					return true
				}
			}
		case *Unary:
			return walk(n.X)
		case *Binary:
			return walk(n.L) || walk(n.R)
		}
		return false
	}
	return walk(n)
}
