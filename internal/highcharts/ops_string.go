package highcharts

import "strings"

// stringOps work on text (JavaScript's String methods; positions count
// characters); the strings they make count as work (charged in ops.go).
var stringOps = map[string]op{
	"toUpper": strictText("toUpper", 1, 1, func(_ *evaluator, vs []any) (any, error) { return strings.ToUpper(text(vs[0])), nil }),
	"toLower": strictText("toLower", 1, 1, func(_ *evaluator, vs []any) (any, error) { return strings.ToLower(text(vs[0])), nil }),
	"split": strictText("split", 2, 2, func(e *evaluator, vs []any) (any, error) {
		parts := strings.Split(text(vs[0]), text(vs[1]))
		if err := e.grow(len(parts)); err != nil {
			return nil, err
		}
		out := make([]any, len(parts))
		for i, p := range parts {
			out[i] = p
		}
		return out, nil
	}),
}

// strictText is strict for an operation that writes its arguments as
// text: writing them counts as work, before it is done.
func strictText(name string, min, max int, f func(e *evaluator, vs []any) (any, error)) op {
	return strict(name, min, max, func(e *evaluator, vs []any) (any, error) {
		if err := e.measure(vs); err != nil {
			return nil, err
		}
		return f(e, vs)
	})
}
