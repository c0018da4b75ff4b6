package viewer

import (
	"net/url"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// A relative dates filter's MinimumGranularity bounds what its control
// offers and takes; the window stays the whole periods of its
// TimeGranularity.
func TestMinimumGranularityBoundsTheControl(t *testing.T) {
	const lastThreeMonths = `{"RelativeDatesFilter": {"FilterId": "f", ` + col + `, "NullOption": "NON_NULLS_ONLY", "RelativeDateType": "LAST",
		"RelativeDateValue": 3, "TimeGranularity": "MONTH", "MinimumGranularity": "DAY", "AnchorDateConfiguration": {"AnchorOption": "NOW"}}}`
	const noMinimum = `{"RelativeDatesFilter": {"FilterId": "f", ` + col + `, "NullOption": "NON_NULLS_ONLY", "RelativeDateType": "LAST",
		"RelativeDateValue": 3, "TimeGranularity": "MONTH", "AnchorDateConfiguration": {"AnchorOption": "NOW"}}}`
	cases := map[string]struct {
		filter  string
		gran    string   // the viewer's choice, if any
		want    string   // the question's TimeGranularity
		offered []string // the control's granularities
	}{
		"the definition's":         {lastThreeMonths, "", "MONTH", []string{"YEAR", "QUARTER", "MONTH", "WEEK", "DAY"}},
		"a coarser choice":         {lastThreeMonths, "YEAR", "YEAR", []string{"YEAR", "QUARTER", "MONTH", "WEEK", "DAY"}},
		"the minimum chosen":       {lastThreeMonths, "DAY", "DAY", []string{"YEAR", "QUARTER", "MONTH", "WEEK", "DAY"}},
		"finer than the minimum":   {lastThreeMonths, "HOUR", "MONTH", []string{"YEAR", "QUARTER", "MONTH", "WEEK", "DAY"}},
		"no minimum, hours chosen": {noMinimum, "HOUR", "HOUR", []string{"YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND"}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			st := url.Values{}
			if c.gran != "" {
				st.Set("f.f.gran", c.gran)
			}
			v := filterView(t, c.filter, st)
			_, q, ok := v.VisualQuestion("s", "kpi")
			if !ok {
				t.Fatal("no question")
			}
			wantEq(t, "filters", q.Filters, []query.Filter{{Kind: query.RelativeDateFilter, Field: "name", RelativeDateType: "LAST",
				RelativeDateValue: 3, TimeGranularity: dialect.Granularity(c.want), NullOption: "NON_NULLS_ONLY"}})
			ctl := &Control{}
			v.relativeControl(ctl, v.def.FilterGroups[0].Filters[0].RelativeDatesFilter)
			var offered []string
			selected := ""
			for _, o := range ctl.Granularities {
				offered = append(offered, o.Value)
				if o.Selected {
					selected = o.Value
				}
			}
			wantEq(t, "granularities offered", offered, c.offered)
			wantEq(t, "granularity selected", selected, c.want)
		})
	}
}
