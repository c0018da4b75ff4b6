package viewer

import (
	"strconv"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// excludePeriod reads a date filter's ExcludePeriodConfiguration: the
// number and granularity of the most recent periods (the current one and
// those before it, counted from now or the filter's anchor) whose rows
// the filter leaves out; amount 0 when there is none or its Status is
// DISABLED. refused names a configuration that cannot be computed.
func excludePeriod(e *definition.ExcludePeriodConfiguration) (amount int, g dialect.Granularity, refused string) {
	if e == nil || e.Status == "DISABLED" {
		return 0, "", ""
	}
	if e.Amount == nil || *e.Amount < 1 || *e.Amount > 10000 {
		n := "none"
		if e.Amount != nil {
			n = strconv.Itoa(int(*e.Amount))
		}
		return 0, "", "an ExcludePeriodConfiguration Amount of " + n + " (1 to 10000 periods)"
	}
	g, ok := timeGranularity(e.Granularity)
	if !ok || g == "" {
		return 0, "", "an ExcludePeriodConfiguration Granularity of " + strconv.Quote(e.Granularity)
	}
	return int(*e.Amount), g, ""
}
