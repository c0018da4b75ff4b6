package sqlitepct

import (
	"database/sql/driver"
	"fmt"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// The percentile functions as another build of SQLite computes them: it
// holds a group's values itself, in the same two lists, and asks this
// package for the checks, the value and the errors, so that both builds
// answer alike.

// Names are the percentile functions' SQL names, in a fixed order.
var Names = []string{dialect.SQLitePercentileCont, dialect.SQLitePercentileDisc, dialect.SQLitePercentileDiscPPM}

// rules are the rules of Names, in the same order.
var rules = []rule{cont, discPercent, discMillionths}

// CheckParam is why p cannot be the parameter of the function Names[fn]
// (its second argument, at a group's first row), or nil.
func CheckParam(fn int, p driver.Value) error {
	if err := rules[fn].check(p); err != nil {
		return fmt.Errorf("%s: %w", Names[fn], err)
	}
	return nil
}

// Percentile is the value of the function Names[fn] with parameter p over
// a group's values: its integers and its doubles, at least one value in
// all, without NULLs. It sorts the two lists in place unless sorted says
// they already are.
func Percentile(fn int, p driver.Value, ints []int64, floats []float64, sorted bool) driver.Value {
	if !sorted {
		sortValues(ints, floats)
	}
	a := &aggregate{rule: rules[fn], param: p, ints: ints, floats: floats}
	return a.rule.compute(a, len(ints)+len(floats))
}

// NotANumber is the error of a percentile function given v, which is not
// a number, among a group's values.
func NotANumber(name string, v driver.Value) error {
	return fmt.Errorf("%s: a %s value among the numbers; a percentile ranks numbers only", name, kindName(v))
}

// TooManyValues is the error of a group with more than limit values.
func TooManyValues(name string, limit int) error {
	return fmt.Errorf("%s: more than %d values in one group; a percentile on SQLite holds its group's values in memory", name, limit)
}

// ParamChanged is the error of a parameter that differs from the one at
// the group's first row.
func ParamChanged(name string) error {
	return fmt.Errorf("%s: the percentile must be the same on every row", name)
}

// Limit is the most values one group may hold now (MaxValues, or lower in
// a test).
func Limit() int { return maxValues }

func kindName(v driver.Value) string {
	switch v.(type) {
	case string:
		return "text"
	case []byte:
		return "blob"
	}
	return fmt.Sprintf("%T", v)
}
