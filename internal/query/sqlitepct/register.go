package sqlitepct

import (
	"modernc.org/sqlite"
)

// Register adds the percentile functions to the connections d opens from
// now on.
func Register(d *sqlite.Driver) error {
	for fn, name := range Names {
		rule := rules[fn]
		err := d.RegisterFunction(name, &sqlite.FunctionImpl{
			NArgs:         2,
			Deterministic: true,
			MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) {
				return &aggregate{name: name, rule: rule}, nil
			},
		})
		if err != nil {
			return err
		}
	}
	return nil
}
