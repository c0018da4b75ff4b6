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

// insightQuestions are the questions of an insight's total computations
// (insightAsk.total): one each, over every row, that a sheet's shared
// questions may answer with the KPIs that total the same rows. Every
// other computation asks alone (its questions follow from a first answer,
// or rank and compare periods). A question that turns out different when
// asked is asked alone (sharedQuestions.runner matches questions
// exactly).
func (v *View) insightQuestions(vis *definition.Visual, sheetID string) []insightQuestion {
	iv, ok := parseInsight(vis.Raw)
	if !ok || iv.InsightConfiguration == nil || iv.InsightConfiguration.CustomNarrative != nil {
		return nil
	}
	a := &insightAsk{v: v, sheetID: sheetID, visualID: vis.VisualID, dataSet: iv.DataSetIdentifier}
	var out []insightQuestion
	for _, c := range iv.InsightConfiguration.Computations {
		if c.TotalAggregation == nil {
			continue
		}
		val, calc, _, ok := a.measure(c.TotalAggregation.Value, "__v")
		if !ok {
			continue
		}
		if arn, q, err := a.question(nil, []field{val}, calc, nil, 0); err == nil {
			out = append(out, insightQuestion{arn, q})
		}
	}
	return out
}
