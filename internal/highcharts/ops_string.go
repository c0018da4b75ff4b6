package highcharts

import (
	"fmt"
	"strings"
)

// stringOps work on text (JavaScript's String methods; positions count
// characters); the strings they make count as work (charged in ops.go).
var stringOps = map[string]op{
	"toUpper": strict("toUpper", 1, 1, func(_ *evaluator, vs []any) (any, error) { return strings.ToUpper(text(vs[0])), nil }),
	"toLower": strict("toLower", 1, 1, func(_ *evaluator, vs []any) (any, error) { return strings.ToLower(text(vs[0])), nil }),
	"trim":    strict("trim", 1, 1, func(_ *evaluator, vs []any) (any, error) { return strings.TrimSpace(text(vs[0])), nil }),
	"split": strict("split", 2, 2, func(e *evaluator, vs []any) (any, error) {
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
	"concat": strict("concat", 1, -1, func(e *evaluator, vs []any) (any, error) {
		if first, ok := vs[0].([]any); ok {
			out := append([]any{}, first...)
			for _, v := range vs[1:] {
				if a, ok := v.([]any); ok {
					out = append(out, a...)
				} else {
					out = append(out, v)
				}
			}
			if err := e.grow(len(out)); err != nil {
				return nil, err
			}
			return out, nil
		}
		var b strings.Builder
		for _, v := range vs {
			b.WriteString(text(v))
		}
		if b.Len() > maxText {
			return nil, fmt.Errorf(`"concat" makes a string longer than %d bytes`, maxText)
		}
		return b.String(), nil
	}),
	"substring": strict("substring", 2, 3, func(_ *evaluator, vs []any) (any, error) {
		r := []rune(text(vs[0]))
		start, end := bound(number(vs[1]), len(r)), len(r)
		if len(vs) == 3 {
			end = bound(number(vs[2]), len(r))
		}
		if start > end {
			start, end = end, start
		}
		return string(r[start:end]), nil
	}),
	"replace": strict("replace", 3, 3, func(_ *evaluator, vs []any) (any, error) {
		return limited("replace", strings.Replace(text(vs[0]), text(vs[1]), text(vs[2]), 1))
	}),
	"replaceAll": strict("replaceAll", 3, 3, func(_ *evaluator, vs []any) (any, error) {
		s, old, repl := text(vs[0]), text(vs[1]), text(vs[2])
		if n := strings.Count(s, old); n > 0 && len(s)+n*len(repl) > maxText {
			return nil, fmt.Errorf(`"replaceAll" makes a string longer than %d bytes`, maxText)
		}
		return strings.ReplaceAll(s, old, repl), nil
	}),
	"startsWith": strict("startsWith", 2, 2, func(_ *evaluator, vs []any) (any, error) { return strings.HasPrefix(text(vs[0]), text(vs[1])), nil }),
	"endsWith":   strict("endsWith", 2, 2, func(_ *evaluator, vs []any) (any, error) { return strings.HasSuffix(text(vs[0]), text(vs[1])), nil }),
	"toString":   strict("toString", 1, 1, func(_ *evaluator, vs []any) (any, error) { return text(vs[0]), nil }),
	"toNumber":   strict("toNumber", 1, 1, func(_ *evaluator, vs []any) (any, error) { return clean(number(vs[0])), nil }),
}

// limited returns s unless it is longer than maxText.
func limited(name, s string) (any, error) {
	if len(s) > maxText {
		return nil, fmt.Errorf("%q makes a string longer than %d bytes", name, maxText)
	}
	return s, nil
}

// bound clamps a position as substring does (NaN and negatives are 0).
func bound(f float64, n int) int {
	if f != f || f < 0 {
		return 0
	}
	if f > float64(n) {
		return n
	}
	return int(f)
}
