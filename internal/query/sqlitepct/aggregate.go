package sqlitepct

import (
	"database/sql/driver"
	"fmt"
	"slices"

	"modernc.org/sqlite"
)

// MaxValues is the most values one group (or window frame) of one
// percentile call holds: 80 MB of numbers. A larger group fails the query
// by name rather than exhausting the server's memory.
const MaxValues = 10_000_000

// maxValues is MaxValues, lowered by tests.
var maxValues = MaxValues

// aggregate is one evaluation of a percentile function: the group's
// numbers, integers and doubles apart (SQLite orders them together by
// value), and the parameter of its rule.
type aggregate struct {
	name   string
	rule   rule
	param  driver.Value // the second argument, the same on every row
	ints   []int64
	floats []float64
	sorted bool
	value  driver.Value // the result for the values as they are, once computed
	done   bool
}

// Step adds a row's value.
func (a *aggregate) Step(_ *sqlite.FunctionContext, args []driver.Value) error {
	if err := a.setParam(args[1]); err != nil {
		return err
	}
	switch v := args[0].(type) {
	case nil:
		return nil
	case int64:
		a.ints = append(a.ints, v)
	case float64:
		a.floats = append(a.floats, v)
	default:
		return NotANumber(a.name, v)
	}
	if len(a.ints)+len(a.floats) > maxValues {
		return TooManyValues(a.name, maxValues)
	}
	a.sorted, a.done = false, false
	return nil
}

// WindowInverse removes the value of the row leaving the window frame.
func (a *aggregate) WindowInverse(_ *sqlite.FunctionContext, args []driver.Value) error {
	switch v := args[0].(type) {
	case int64:
		a.ints = remove(a.ints, v)
	case float64:
		a.floats = remove(a.floats, v)
	default:
		return nil
	}
	a.done = false
	return nil
}

// remove drops one occurrence of v from s, keeping its order.
func remove[T int64 | float64](s []T, v T) []T {
	if i := slices.Index(s, v); i >= 0 {
		return slices.Delete(s, i, i+1)
	}
	return s
}

// WindowValue is the percentile of the values stepped and not removed.
func (a *aggregate) WindowValue(*sqlite.FunctionContext) (driver.Value, error) {
	if a.done {
		return a.value, nil
	}
	n := len(a.ints) + len(a.floats)
	if n == 0 {
		return nil, nil
	}
	if !a.sorted {
		sortValues(a.ints, a.floats)
		a.sorted = true
	}
	a.value, a.done = a.rule.compute(a, n), true
	return a.value, nil
}

// Final lets the values go.
func (a *aggregate) Final(*sqlite.FunctionContext) {
	a.ints, a.floats = nil, nil
}

// setParam records the second argument at the first row and refuses a
// different one at a later row.
func (a *aggregate) setParam(p driver.Value) error {
	if a.param != nil {
		if p != a.param {
			return ParamChanged(a.name)
		}
		return nil
	}
	if err := a.rule.check(p); err != nil {
		return fmt.Errorf("%s: %w", a.name, err)
	}
	a.param = p
	return nil
}

// sortValues sorts a group's integers and doubles, each apart.
func sortValues(ints []int64, floats []float64) {
	slices.Sort(ints)
	slices.Sort(floats)
}

// at is the kth value (1-based) in SQLite's order of numbers: integers
// and doubles merged by value.
func (a *aggregate) at(k int) driver.Value {
	switch {
	case len(a.floats) == 0:
		return a.ints[k-1]
	case len(a.ints) == 0:
		return a.floats[k-1]
	}
	i, f := 0, 0
	for {
		takeInt := f == len(a.floats) || (i < len(a.ints) && !intAbove(a.ints[i], a.floats[f]))
		k--
		if takeInt {
			if k == 0 {
				return a.ints[i]
			}
			i++
		} else {
			if k == 0 {
				return a.floats[f]
			}
			f++
		}
	}
}

// intAbove reports whether i > f exactly, as SQLite compares an integer
// with a double.
func intAbove(i int64, f float64) bool {
	fi := float64(i)
	switch {
	case fi != f:
		return fi > f
	case f >= 9223372036854775808.0:
		return false
	case f < -9223372036854775808.0:
		return true
	}
	return i > int64(f)
}

// number is v as a double, as SQLite multiplies it.
func number(v driver.Value) float64 {
	if i, ok := v.(int64); ok {
		return float64(i)
	}
	return v.(float64)
}
