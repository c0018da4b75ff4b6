package viewer

import (
	"encoding/json"

	"github.com/sightglass/sightglass/internal/definition"
)

// insightVisual is what the viewer reads of an InsightVisual: its
// dataset, computations and custom narrative.
type insightVisual struct {
	DataSetIdentifier    string
	InsightConfiguration *struct {
		Computations    []insightComputation
		CustomNarrative *struct{ Narrative string }
	}
}

// insightComputation is QuickSight's Computation union: one member set.
type insightComputation struct {
	TopBottomRanked  *rankedComputation
	TopBottomMovers  *moversComputation
	TotalAggregation *totalComputation
	MaximumMinimum   *maxMinComputation
	MetricComparison *comparisonComputation
	PeriodOverPeriod *periodOverPeriodComputation
	PeriodToDate     *periodToDateComputation
	GrowthRate       *growthComputation
	UniqueValues     *uniqueComputation
	Forecast         json.RawMessage
}

// rankedComputation is QuickSight's TopBottomRankedComputation.
type rankedComputation struct {
	ComputationId, Name, Type string
	Category                  *definition.DimensionField
	Value                     *definition.MeasureField
	ResultSize                *int
}

// moversComputation is QuickSight's TopBottomMoversComputation.
type moversComputation struct {
	ComputationId, Name, Type, SortOrder string
	Time, Category                       *definition.DimensionField
	Value                                *definition.MeasureField
	MoverSize                            *int
}

// totalComputation is QuickSight's TotalAggregationComputation.
type totalComputation struct {
	ComputationId, Name string
	Value               *definition.MeasureField
}

// maxMinComputation is QuickSight's MaximumMinimumComputation.
type maxMinComputation struct {
	ComputationId, Name, Type string
	Time                      *definition.DimensionField
	Value                     *definition.MeasureField
}

// comparisonComputation is QuickSight's MetricComparisonComputation.
type comparisonComputation struct {
	ComputationId, Name    string
	Time                   *definition.DimensionField
	FromValue, TargetValue *definition.MeasureField
}

// periodOverPeriodComputation is QuickSight's PeriodOverPeriodComputation.
type periodOverPeriodComputation struct {
	ComputationId, Name string
	Time                *definition.DimensionField
	Value               *definition.MeasureField
}

// periodToDateComputation is QuickSight's PeriodToDateComputation.
type periodToDateComputation struct {
	ComputationId, Name, PeriodTimeGranularity string
	Time                                       *definition.DimensionField
	Value                                      *definition.MeasureField
}

// growthComputation is QuickSight's GrowthRateComputation.
type growthComputation struct {
	ComputationId, Name string
	Time                *definition.DimensionField
	Value               *definition.MeasureField
	PeriodSize          *int
}

// uniqueComputation is QuickSight's UniqueValuesComputation.
type uniqueComputation struct {
	ComputationId, Name string
	Category            *definition.DimensionField
}

// keys are the names a custom narrative calls a computation by: its Name,
// then its ComputationId.
func (c *insightComputation) keys() []string {
	var id, name string
	switch {
	case c.TopBottomRanked != nil:
		id, name = c.TopBottomRanked.ComputationId, c.TopBottomRanked.Name
	case c.TopBottomMovers != nil:
		id, name = c.TopBottomMovers.ComputationId, c.TopBottomMovers.Name
	case c.TotalAggregation != nil:
		id, name = c.TotalAggregation.ComputationId, c.TotalAggregation.Name
	case c.MaximumMinimum != nil:
		id, name = c.MaximumMinimum.ComputationId, c.MaximumMinimum.Name
	case c.MetricComparison != nil:
		id, name = c.MetricComparison.ComputationId, c.MetricComparison.Name
	case c.PeriodOverPeriod != nil:
		id, name = c.PeriodOverPeriod.ComputationId, c.PeriodOverPeriod.Name
	case c.PeriodToDate != nil:
		id, name = c.PeriodToDate.ComputationId, c.PeriodToDate.Name
	case c.GrowthRate != nil:
		id, name = c.GrowthRate.ComputationId, c.GrowthRate.Name
	case c.UniqueValues != nil:
		id, name = c.UniqueValues.ComputationId, c.UniqueValues.Name
	case c.Forecast != nil:
		var f struct{ ComputationId, Name string }
		_ = json.Unmarshal(c.Forecast, &f) // a forecast that does not decode has no names
		id, name = f.ComputationId, f.Name
	}
	return []string{name, id}
}

// parseInsight reads an InsightVisual; false if it does not decode.
func parseInsight(raw json.RawMessage) (*insightVisual, bool) {
	var v insightVisual
	if json.Unmarshal(raw, &v) != nil {
		return nil, false
	}
	return &v, true
}

// size is an optional count with its default.
func size(n *int, def int) int {
	if n == nil || *n < 1 {
		return def
	}
	return *n
}
