package sqlitepct

import (
	"modernc.org/sqlite"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// Register adds the percentile functions to the connections d opens from
// now on.
func Register(d *sqlite.Driver) error {
	for name, rule := range map[string]rule{
		dialect.SQLitePercentileCont:    cont,
		dialect.SQLitePercentileDisc:    discPercent,
		dialect.SQLitePercentileDiscPPM: discMillionths,
	} {
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
