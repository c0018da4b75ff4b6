package viewer

import (
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// insightQuestion is a question an insight will ask, known before it asks
// anything.
type insightQuestion struct {
	arn string
	q   *query.Question
}

// insightQuestions are the questions an insight's computations will ask,
// each known from the definition alone, that a sheet's shared questions
// may answer together: the totals and the unique values (over every row)
// with each other and with the KPIs that total the same rows; the
// computations over one time field's periods with each other (the
// highest and the lowest period re-sorted from one answer, and the latest
// periods of a period over period, a growth rate and a metric comparison
// read backwards from it, sharedresort.go). Ranked categories and movers ask alone: each is the only
// question of its grouping an insight asks. A question that turns out
// different when asked is asked as it is (sharedQuestions.runner answers
// from a group only a question of its grouping, in an order its answer
// can give, with measures among its own), so these need only be the
// computations' usual questions, never their only way; what a question
// cut from a shared answer gets rests on the runner's cutting and
// re-sorting, as for any visual.
func (v *View) insightQuestions(vis *definition.Visual, sheetID string) []insightQuestion {
	iv, ok := parseInsight(vis.Raw)
	if !ok || iv.InsightConfiguration == nil || iv.InsightConfiguration.CustomNarrative != nil {
		return nil
	}
	a := &insightAsk{v: v, sheetID: sheetID, visualID: vis.VisualID, dataSet: iv.DataSetIdentifier}
	var out []insightQuestion
	add := func(dims, vals []field, calc []query.CalculatedField, sort []query.Sort, limit int) {
		if arn, q, err := a.question(dims, vals, calc, sort, limit); err == nil {
			out = append(out, insightQuestion{arn, q})
		}
	}
	for i := range iv.InsightConfiguration.Computations {
		c := &iv.InsightConfiguration.Computations[i]
		switch {
		case c.TotalAggregation != nil:
			if val, calc, _, ok := a.measure(c.TotalAggregation.Value, "__v"); ok {
				add(nil, []field{val}, calc, nil, 0)
			}
		case c.UniqueValues != nil:
			if cat, ok := a.dim(c.UniqueValues.Category, ""); ok {
				add(nil, []field{uniqueMeasure(cat)}, nil, nil, 0)
			}
		case c.MaximumMinimum != nil:
			tm, tok := a.dim(c.MaximumMinimum.Time, "")
			val, calc, _, vok := a.measure(c.MaximumMinimum.Value, "__v")
			if tok && vok {
				add([]field{tm}, []field{val}, calc, maxMinSort(tm, val, c.MaximumMinimum.Type == "MINIMUM"), insightLimit)
			}
		case c.PeriodOverPeriod != nil:
			a.latestQuestion(c.PeriodOverPeriod.Time, "", c.PeriodOverPeriod.Value, 2, add)
		case c.GrowthRate != nil:
			a.latestQuestion(c.GrowthRate.Time, "", c.GrowthRate.Value, c.GrowthRate.periods(), add)
		case c.PeriodToDate != nil:
			if gran, ok := c.PeriodToDate.granularity(); ok {
				a.latestQuestion(c.PeriodToDate.Time, gran, c.PeriodToDate.Value, 1, add)
			}
		case c.MetricComparison != nil:
			tm, tok := a.dim(c.MetricComparison.Time, "")
			from, fcalc, _, fok := a.measure(c.MetricComparison.FromValue, "__from")
			to, tcalc, _, took := a.measure(c.MetricComparison.TargetValue, "__target")
			if tok && fok && took {
				add([]field{tm}, []field{from, to}, append(fcalc, tcalc...), latestSort(tm), 2)
			}
		}
	}
	return out
}

// latestQuestion adds the question of the latest n periods of a time
// field (at granularity gran, if set) with one value, as insightAsk.latest
// asks it.
func (a *insightAsk) latestQuestion(t *definition.DimensionField, gran string, v *definition.MeasureField, n int,
	add func(dims, vals []field, calc []query.CalculatedField, sort []query.Sort, limit int)) {
	tm, tok := a.dim(t, gran)
	val, calc, _, vok := a.measure(v, "__v")
	if tok && vok {
		add([]field{tm}, []field{val}, calc, latestSort(tm), n+1)
	}
}
