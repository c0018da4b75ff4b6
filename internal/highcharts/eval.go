package highcharts

import (
	"context"
	"fmt"
	"math"
	"regexp"
)

// Bounds of one evaluation.
const (
	maxSteps = 10_000_000 // expressions evaluated, elements built or walked
	maxArray = 100_000    // elements of an array an expression builds
	maxCells = 4_000_000  // elements of all the arrays and objects it builds
	maxText  = 1 << 20    // bytes of one string it builds
)

// raw keys hold expressions Highcharts runs per event or per point in the
// browser (click actions, cross-visual highlighting): they are kept as
// written, not evaluated, and the translation names them as not drawn.
var raw = map[string]bool{"events": true, "quicksight": true}

// evaluator evaluates one chart code.
type evaluator struct {
	d         *Data
	ctx       context.Context // the request's: evaluation stops when it ends
	nextCheck int             // the step count at which ctx is next checked
	steps     int
	cells     int   // elements built so far
	items     []any // the current ["item"] of each enclosing map, filter or reduce
	index     []int // its index
	accs      []any // the current ["acc"] of each enclosing reduce
}

// Eval evaluates the expressions of a parsed chart code over d: every
// array whose first element names an operation is replaced by its result.
func Eval(ctx context.Context, code map[string]any, d *Data) (map[string]any, error) {
	e := &evaluator{d: d, ctx: ctx}
	v, err := e.eval(code)
	if err != nil {
		return nil, err
	}
	return v.(map[string]any), nil
}

// identifier is what an unknown operation's name looks like.
var identifier = regexp.MustCompile(`^[a-z][A-Za-z0-9]*$`)

func (e *evaluator) eval(v any) (any, error) {
	if err := e.spend(1); err != nil {
		return nil, err
	}
	switch x := v.(type) {
	case []any:
		if len(x) > 0 {
			if name, ok := x[0].(string); ok {
				if op, ok := ops[name]; ok {
					return op(e, x[1:])
				}
				if identifier.MatchString(name) && e.holdsExpression(x[1:]) {
					return nil, fmt.Errorf("the expression %q is not one Sightglass knows", brief(name))
				}
			}
		}
		if err := e.grow(len(x)); err != nil {
			return nil, err
		}
		out := make([]any, len(x))
		for i, el := range x {
			r, err := e.eval(el)
			if err != nil {
				return nil, err
			}
			out[i] = r
		}
		return out, nil
	case map[string]any:
		if err := e.grow(len(x)); err != nil {
			return nil, err
		}
		out := make(map[string]any, len(x))
		for k, el := range x {
			if raw[k] {
				out[k] = el
				continue
			}
			r, err := e.eval(el)
			if err != nil {
				return nil, err
			}
			out[k] = r
		}
		return out, nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, nil
		}
	}
	return v, nil
}

// grow counts n more elements built, failing past maxCells; building
// them is work like any other step.
func (e *evaluator) grow(n int) error {
	e.cells += n
	if n > maxArray {
		return fmt.Errorf("the chart code's expressions build an array of more than %d values", maxArray)
	}
	if e.cells > maxCells {
		return fmt.Errorf("the chart code's expressions build more than %d values", maxCells)
	}
	return e.spend(n)
}

// spend counts n steps of work (a string's bytes, an array's elements
// walked), failing past maxSteps.
func (e *evaluator) spend(n int) error {
	e.steps += n
	if e.steps > maxSteps {
		return fmt.Errorf("the chart code's expressions take more than %d steps", maxSteps)
	}
	if e.steps >= e.nextCheck && e.ctx != nil {
		e.nextCheck = e.steps + 1<<16
		if err := e.ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// measure counts the work of reading values whole (writing them as text,
// comparing them): a step per element and per 8 bytes of strings, spent
// as it walks, so that the walk itself is bounded.
func (e *evaluator) measure(vs []any) error {
	for _, v := range vs {
		if _, err := e.size(v); err != nil {
			return err
		}
	}
	return nil
}

// size walks a value, spending its size in steps, and returns that size.
func (e *evaluator) size(v any) (int, error) {
	switch x := v.(type) {
	case string:
		n := 1 + len(x)/8
		return n, e.spend(n)
	case []any:
		n := 1
		if err := e.spend(1); err != nil {
			return 0, err
		}
		for _, el := range x {
			k, err := e.size(el)
			if err != nil {
				return 0, err
			}
			n += k
		}
		return n, nil
	case map[string]any:
		n := 1
		if err := e.spend(1); err != nil {
			return 0, err
		}
		for k, el := range x {
			m, err := e.size(el)
			if err != nil {
				return 0, err
			}
			n += m + 1 + len(k)/8
		}
		return n, nil
	}
	return 1, e.spend(1)
}

// holdsExpression reports whether any of vs is an array that starts with
// a known operation: a literal list of words does not, a call of an
// unknown operation on data usually does.
func (e *evaluator) holdsExpression(vs []any) bool {
	e.steps += len(vs) // counted; the next step checks the bound
	for _, v := range vs {
		if a, ok := v.([]any); ok && len(a) > 0 {
			if name, ok := a[0].(string); ok {
				if _, ok := ops[name]; ok {
					return true
				}
			}
			if e.holdsExpression(a) {
				return true
			}
		}
	}
	return false
}

// args evaluates every argument.
func (e *evaluator) args(as []any) ([]any, error) {
	out := make([]any, len(as))
	for i, a := range as {
		r, err := e.eval(a)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

// arity checks an operation's count of arguments.
func arity(name string, as []any, min, max int) error {
	if len(as) < min || (max >= 0 && len(as) > max) {
		switch {
		case min == max:
			return fmt.Errorf("%q takes %d arguments, not %d", name, min, len(as))
		case max < 0:
			return fmt.Errorf("%q takes at least %d arguments, not %d", name, min, len(as))
		}
		return fmt.Errorf("%q takes %d to %d arguments, not %d", name, min, max, len(as))
	}
	return nil
}

// clean turns a result that JSON cannot hold (NaN, infinities) into null.
func clean(f float64) any {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	return f
}
