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
