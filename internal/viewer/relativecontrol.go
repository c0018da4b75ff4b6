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

// relativeState returns the relative date filter r with the viewer's
// choices of its control applied; a choice the engine does not take is
// ignored (the filter's own value stays).
func (v *View) relativeState(r *definition.RelativeDatesFilter) (typ, gran string, n *int) {
	typ, gran = r.RelativeDateType, r.TimeGranularity
	prefix := "f." + r.FilterId + "."
	if s := v.state.Get(prefix + "reltype"); slices.Contains(relativeTypes, s) {
		typ = s
	}
	if s := v.state.Get(prefix + "gran"); dialect.ValidGranularity(dialect.Granularity(s)) {
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
