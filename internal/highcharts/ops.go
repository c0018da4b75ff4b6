package highcharts

import (
	"fmt"
)

// op evaluates one operation from its unevaluated arguments.
type op func(e *evaluator, as []any) (any, error)

// ops are the operations of the expression language, by name.
var ops map[string]op

func init() {
	ops = map[string]op{}
	for name, f := range mathOps {
		ops[name] = f
	}
	for name, f := range logicOps {
		ops[name] = f
	}
	for name, f := range stringOps {
		ops[name] = charged(f)
	}
	for name, f := range arrayOps {
		ops[name] = f
	}
	for name, f := range dataOps {
		ops[name] = f
	}
}

// charged counts the string an operation makes as work.
func charged(f op) op {
	return func(e *evaluator, as []any) (any, error) {
		v, err := f(e, as)
		if s, ok := v.(string); ok && err == nil {
			err = e.spend(len(s) / 8)
		}
		return v, err
	}
}

// strict wraps an operation whose arguments are all evaluated first and
// whose count is bounded.
func strict(name string, min, max int, f func(e *evaluator, vs []any) (any, error)) op {
	return func(e *evaluator, as []any) (any, error) {
		if err := arity(name, as, min, max); err != nil {
			return nil, err
		}
		vs, err := e.args(as)
		if err != nil {
			return nil, err
		}
		for _, v := range vs { // reading a string as a number or comparing it is work
			if s, ok := v.(string); ok {
				if err := e.spend(1 + len(s)/8); err != nil {
					return nil, err
				}
			}
		}
		return f(e, vs)
	}
}

// list returns v as an array, or an error naming the operation.
func list(name string, v any) ([]any, error) {
	a, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%q needs an array, not %s", name, kind(v))
	}
	return a, nil
}

// kind names a value's JSON type for messages.
func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case float64:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	case Deferred:
		return "a value known only when the chart draws"
	}
	return "an object"
}
