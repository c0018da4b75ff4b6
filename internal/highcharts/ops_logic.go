package highcharts

import "fmt"

// logicOps compare and choose. && and || evaluate their operands only as
// far as needed and return one of them, as JavaScript does.
var logicOps = map[string]op{
	"==": equality("==", func(a, b any) bool { return looseEqual(a, b) }),
	"!=": equality("!=", func(a, b any) bool { return !looseEqual(a, b) }),
	"<":  compare("<", func(a, b any) bool { lt, _ := less(a, b); return lt }),
	">":  compare(">", func(a, b any) bool { lt, _ := less(b, a); return lt }),
	"<=": compare("<=", func(a, b any) bool { gt, ok := less(b, a); return ok && !gt }),
	">=": compare(">=", func(a, b any) bool { lt, ok := less(a, b); return ok && !lt }),
	"!":  strict("!", 1, 1, func(_ *evaluator, vs []any) (any, error) { return !truthy(vs[0]), nil }),
	"&&": andOr("&&", false),
	"||": andOr("||", true),
	"case": func(e *evaluator, as []any) (any, error) {
		// ["case", cond1, value1, cond2, value2, ..., otherwise]
		if len(as) < 2 {
			return nil, fmt.Errorf(`"case" takes conditions and values, then a value otherwise`)
		}
		for i := 0; i+1 < len(as); i += 2 {
			c, err := e.eval(as[i])
			if err != nil {
				return nil, err
			}
			if truthy(c) {
				return e.eval(as[i+1])
			}
		}
		if len(as)%2 == 1 {
			return e.eval(as[len(as)-1])
		}
		return nil, nil
	},
}

// equality compares two values, counting the work of comparing arrays.
func equality(name string, f func(a, b any) bool) op {
	return strict(name, 2, 2, func(e *evaluator, vs []any) (any, error) {
		if err := e.measure(vs); err != nil {
			return nil, err
		}
		return f(vs[0], vs[1]), nil
	})
}

func compare(name string, f func(a, b any) bool) op {
	return strict(name, 2, 2, func(_ *evaluator, vs []any) (any, error) { return f(vs[0], vs[1]), nil })
}

func andOr(name string, or bool) op {
	return func(e *evaluator, as []any) (any, error) {
		if err := arity(name, as, 1, -1); err != nil {
			return nil, err
		}
		var v any
		for _, a := range as {
			var err error
			if v, err = e.eval(a); err != nil {
				return nil, err
			}
			if truthy(v) == or {
				return v, nil
			}
		}
		return v, nil
	}
}
