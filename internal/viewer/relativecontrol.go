package viewer

import (
	"slices"
	"strconv"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// ControlRelative is a relative date control (QuickSight's
// RelativeDateTime filter control): the period kind, its granularity and
// N, over a RelativeDatesFilter. Its state is f.<FilterId>.reltype,
// .gran and .n.
const ControlRelative = "relativedate"

// relativeTypes are the periods a relative date control offers.
var relativeTypes = []string{query.Previous, query.This, query.Last, query.Next}

// minimumGranularity is the rank (granularityRank) of the finest
// granularity r's control may offer: its MinimumGranularity. The API
// reference says only "The minimum granularity (period granularity) of
// the relative dates filter." Our reading: it is the finest period the
// filter's relative date control may offer (a day-level date column gets
// DAY, so the control offers no hours or minutes); it does not move the
// filter's window, which stays the whole periods of its TimeGranularity.
// No MinimumGranularity offers every granularity. A TimeGranularity finer
// than the MinimumGranularity contradicts it: what is refused is named.
func minimumGranularity(r *definition.RelativeDatesFilter) (rank int, refused string) {
	if r.MinimumGranularity == "" {
		m, _ := granularityRank(dialect.Second)
		return m, ""
	}
	m, ok := granularityRank(dialect.Granularity(r.MinimumGranularity))
	if !ok {
		return 0, "the MinimumGranularity " + r.MinimumGranularity
	}
	if g, ok := granularityRank(dialect.Granularity(r.TimeGranularity)); ok && g > m {
		return 0, "a TimeGranularity " + r.TimeGranularity + " finer than its MinimumGranularity " + r.MinimumGranularity
	}
	return m, ""
}

// granularityRank orders granularities from the coarsest (YEAR, 0) to
// the finest (MILLISECOND, one past SECOND).
func granularityRank(g dialect.Granularity) (int, bool) {
	if g == "MILLISECOND" {
		return len(dialect.Granularities), true
	}
	i := slices.Index(dialect.Granularities, g)
	return i, i >= 0
}

// relativeState returns the relative date filter r with the viewer's
// choices of its control applied; a choice the engine does not take, or
// a granularity finer than the filter's MinimumGranularity, is ignored
// (the filter's own value stays).
func (v *View) relativeState(r *definition.RelativeDatesFilter) (typ, gran string, n *int) {
	typ, gran = r.RelativeDateType, r.TimeGranularity
	prefix := "f." + r.FilterId + "."
	if s := v.state.Get(prefix + "reltype"); slices.Contains(relativeTypes, s) {
		typ = s
	}
	if s := v.state.Get(prefix + "gran"); offered(r, dialect.Granularity(s)) {
		gran = s
	}
	if s := v.state.Get(prefix + "n"); s != "" {
		if x, err := strconv.Atoi(s); err == nil && x >= 1 && x <= 10000 {
			n = &x
		}
	}
	return typ, gran, n
}

// relativeControl fills a relative date control from its filter as the
// viewer sees it.
func (v *View) relativeControl(c *Control, r *definition.RelativeDatesFilter) {
	typ, gran, n := v.relativeState(r)
	c.Kind = ControlRelative
	for _, t := range relativeTypes {
		c.Options = append(c.Options, Option{Value: t, Selected: t == typ})
	}
	for _, g := range dialect.Granularities {
		if !offered(r, g) {
			continue
		}
		c.Granularities = append(c.Granularities, Option{Value: string(g), Selected: string(g) == gran})
	}
	switch {
	case n != nil:
		c.Value = strconv.Itoa(*n)
	case r.ParameterName != "":
		if x, ok := v.qparams[r.ParameterName].(int64); ok {
			c.Value = strconv.FormatInt(x, 10)
		}
	case r.RelativeDateValue != nil:
		c.Value = strconv.Itoa(int(*r.RelativeDateValue))
	}
	if c.Value == "" {
		c.Value = "1"
	}
}

// offered reports whether r's control offers the granularity g: one the
// engine truncates to, no finer than r's MinimumGranularity.
func offered(r *definition.RelativeDatesFilter, g dialect.Granularity) bool {
	m, refused := minimumGranularity(r)
	i, known := granularityRank(g)
	return refused == "" && known && i <= m && dialect.ValidGranularity(g)
}
