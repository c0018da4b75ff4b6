package query

import (
	"time"

	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// excludePeriod narrows a date filter's condition cond on v by its
// exclude period: the rows dated in the last f.ExcludeAmount periods of
// f.ExcludeGranularity counted from anchor (the current, partial period
// and the ExcludeAmount−1 whole ones before it, the periods a LAST
// relative date filter of that amount keeps) are left out. The
// arithmetic is RelativeRange's, so month ends and leap days fall as they
// do for relative dates. Rows with no date are the null option's.
func (cc *compilation) excludePeriod(path string, f Filter, v expr.Value, anchor time.Time, cond string) (string, error) {
	if f.ExcludeAmount == 0 && f.ExcludeGranularity == "" {
		return cond, nil
	}
	if f.ExcludeAmount < 1 || f.ExcludeAmount > 10000 {
		return "", invalid("%s.ExcludeAmount must be 1 to 10000", path)
	}
	if !dialect.ValidGranularity(f.ExcludeGranularity) {
		return "", invalid("%s.ExcludeGranularity %q is not a time granularity", path, f.ExcludeGranularity)
	}
	from, to, err := RelativeRange(anchor, f.ExcludeGranularity, Last, f.ExcludeAmount)
	if err != nil {
		return "", invalid("%s: %s", path, err.Error())
	}
	outside := "(" + cc.between(v, nil, &from, false, false) + " OR " + cc.between(v, &to, nil, true, false) + ")"
	if cond == "" {
		return outside, nil
	}
	return "(" + cond + " AND " + outside + ")", nil
}
