package highcharts

import (
	"fmt"
	"math"
)

// arrayOps walk arrays. map, filter and reduce evaluate their expression
// once per element, with ["item"] the element, ["itemIndex"] its index
// and, in reduce, ["acc"] the value so far; ["item", n] is the element of
// the n-th enclosing walk counted from the outermost (0).
var arrayOps = map[string]op{
	"map": func(e *evaluator, as []any) (any, error) {
		if err := arity("map", as, 2, 2); err != nil {
			return nil, err
		}
		arr, err := e.walked("map", as[0])
		if err != nil {
			return nil, err
		}
		if err := e.grow(len(arr)); err != nil {
			return nil, err
		}
		out := make([]any, len(arr))
		for i, it := range arr {
			if out[i], err = e.with(it, i, nil, as[1]); err != nil {
				return nil, err
			}
		}
		return out, nil
	},
	"filter": func(e *evaluator, as []any) (any, error) {
		if err := arity("filter", as, 2, 2); err != nil {
			return nil, err
		}
		arr, err := e.walked("filter", as[0])
		if err != nil {
			return nil, err
		}
		if err := e.grow(len(arr)); err != nil {
			return nil, err
		}
		var out []any
		for i, it := range arr {
			keep, err := e.with(it, i, nil, as[1])
			if err != nil {
				return nil, err
			}
			if truthy(keep) {
				out = append(out, it)
			}
		}
		if out == nil {
			out = []any{}
		}
		return out, nil
	},
	"reduce": func(e *evaluator, as []any) (any, error) {
		if err := arity("reduce", as, 2, 3); err != nil {
			return nil, err
		}
		arr, err := e.walked("reduce", as[0])
		if err != nil {
			return nil, err
		}
		var acc any
		first := 0 // the index of the first element walked
		if len(as) == 3 {
			if acc, err = e.eval(as[2]); err != nil {
				return nil, err
			}
		} else if len(arr) > 0 {
			acc, arr, first = arr[0], arr[1:], 1
		}
		for i, it := range arr {
			a := acc
			if acc, err = e.with(it, first+i, &a, as[1]); err != nil {
				return nil, err
			}
		}
		return acc, nil
	},
	"item": func(e *evaluator, as []any) (any, error) {
		if err := arity("item", as, 0, 1); err != nil {
			return nil, err
		}
		if len(e.items) == 0 {
			return nil, fmt.Errorf(`["item"] is used outside map, filter and reduce`)
		}
		if len(as) == 0 {
			return e.own(e.items[len(e.items)-1], 0)
		}
		n, err := e.eval(as[0])
		if err != nil {
			return nil, err
		}
		i := number(n)
		if i != math.Trunc(i) || i < 0 || int(i) >= len(e.items) {
			return nil, fmt.Errorf(`["item", %s]: there are %d enclosing walks`, brief(n), len(e.items))
		}
		return e.own(e.items[int(i)], 0)
	},
	"itemIndex": func(e *evaluator, as []any) (any, error) {
		if len(e.index) == 0 {
			return nil, fmt.Errorf(`["itemIndex"] is used outside map, filter and reduce`)
		}
		return float64(e.index[len(e.index)-1]), nil
	},
	"acc": func(e *evaluator, as []any) (any, error) {
		if len(e.accs) == 0 {
			return nil, fmt.Errorf(`["acc"] is used outside reduce`)
		}
		return e.own(e.accs[len(e.accs)-1], 0)
	},
	"get": strict("get", 2, 3, func(e *evaluator, vs []any) (any, error) {
		if err := e.measure(vs[1:2]); err != nil {
			return nil, err
		}
		v := get(vs[0], vs[1])
		if v == nil && len(vs) == 3 {
			return vs[2], nil
		}
		return e.own(v, 0) // each reference to a part counts as its copy
	}),
	"unique": strict("unique", 1, 1, func(e *evaluator, vs []any) (any, error) {
		arr, err := list("unique", vs[0])
		if err != nil {
			return nil, err
		}
		if err := e.grow(len(arr)); err != nil {
			return nil, err
		}
		if err := e.spend(len(arr)); err != nil {
			return nil, err
		}
		var out, composite []any
		seen := map[any]bool{}
		for _, v := range arr {
			switch v.(type) {
			case []any, map[string]any, Deferred: // by content, compared one by one
				size, err := e.size(v)
				if err != nil {
					return nil, err
				}
				if err := e.spend(size * len(composite)); err != nil {
					return nil, err
				}
				dup := false
				for _, u := range composite {
					if strictEqual(u, v) {
						dup = true
						break
					}
				}
				if dup {
					continue
				}
				composite = append(composite, v)
			default: // nil, bool, float64, string: comparable
				if seen[v] {
					continue
				}
				seen[v] = true
			}
			out = append(out, v)
		}
		if out == nil {
			out = []any{}
		}
		return out, nil
	}),
}

// walked evaluates the array a map, filter or reduce walks.
func (e *evaluator) walked(name string, a any) ([]any, error) {
	v, err := e.eval(a)
	if err != nil {
		return nil, err
	}
	if v == nil {
		return nil, nil
	}
	return list(name, v)
}

// with evaluates expr with item as the current element (and acc, when not
// nil, as the reduce's value so far).
func (e *evaluator) with(item any, index int, acc *any, expr any) (any, error) {
	e.items, e.index = append(e.items, item), append(e.index, index)
	if acc != nil {
		e.accs = append(e.accs, *acc)
	}
	v, err := e.eval(expr)
	e.items, e.index = e.items[:len(e.items)-1], e.index[:len(e.index)-1]
	if acc != nil {
		e.accs = e.accs[:len(e.accs)-1]
	}
	if err != nil {
		return nil, err
	}
	return e.own(v, 0)
}

// maxNesting bounds how deep the values expressions build may nest.
const maxNesting = 2 * maxDepth

// own copies a value an expression returned for one element, counting its
// elements: a result that refers to the same array many times (a reduce
// whose value holds itself twice) is built, and bounded, like any other.
func (e *evaluator) own(v any, depth int) (any, error) {
	if depth > maxNesting {
		return nil, fmt.Errorf("the chart code's expressions build values nested more than %d deep", maxNesting)
	}
	switch x := v.(type) {
	case []any:
		if err := e.grow(len(x)); err != nil {
			return nil, err
		}
		out := make([]any, len(x))
		for i, el := range x {
			var err error
			if out[i], err = e.own(el, depth+1); err != nil {
				return nil, err
			}
		}
		return out, nil
	case map[string]any:
		if err := e.grow(len(x)); err != nil {
			return nil, err
		}
		out := make(map[string]any, len(x))
		for k, el := range x {
			var err error
			if out[k], err = e.own(el, depth+1); err != nil {
				return nil, err
			}
		}
		return out, nil
	case string:
		if err := e.grow(len(x) / 64); err != nil {
			return nil, err
		}
	case Deferred: // its arguments go into the option as written
		if err := e.measure(x.Args); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// get reads an array's element or an object's member (nil when absent).
func get(from, key any) any {
	switch x := from.(type) {
	case []any:
		f := number(key)
		if f != math.Trunc(f) || f < 0 || int(f) >= len(x) {
			return nil
		}
		return x[int(f)]
	case map[string]any:
		return x[text(key)]
	case string:
		if key == "length" {
			return float64(len([]rune(x)))
		}
	}
	return nil
}
