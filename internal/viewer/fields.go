package viewer

import (
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// field is a field-well entry resolved to what a question asks.
type field struct {
	id      string // FieldId
	label   string // what headers and legends show
	dataSet string // DataSetIdentifier ("" for a calculated measure)
	dim     *query.Dimension
	measure *query.Measure
	format  *numberFormat // a measure's number format
	// dateFormat is a date dimension's DateTimeFormat ("": by its
	// granularity).
	dateFormat dateFormat
	// nullText is what a null value reads (the field's
	// NullValueFormatConfiguration; "": "(empty)").
	nullText string
}

// dimension converts a DimensionField.
func dimension(f definition.DimensionField) (field, bool) {
	var col *definition.ColumnIdentifier
	var id string
	var gran dialect.Granularity
	var df dateFormat
	switch {
	case f.CategoricalDimensionField != nil:
		col, id = f.CategoricalDimensionField.Column, f.CategoricalDimensionField.FieldId
	case f.NumericalDimensionField != nil:
		col, id = f.NumericalDimensionField.Column, f.NumericalDimensionField.FieldId
	case f.DateDimensionField != nil:
		col, id = f.DateDimensionField.Column, f.DateDimensionField.FieldId
		gran = dialect.Granularity(f.DateDimensionField.DateGranularity)
		df = dateFormatOf(f.DateDimensionField.FormatConfiguration)
		if gran == "" {
			gran = "DAY"
		}
	}
	if col == nil || col.ColumnName == "" {
		return field{}, false
	}
	if id == "" {
		id = col.ColumnName
	}
	return field{id: id, label: col.ColumnName, dataSet: col.DataSetIdentifier, dateFormat: df,
		dim: &query.Dimension{ID: id, Field: col.ColumnName, Granularity: gran}}, true
}

// measure converts a MeasureField.
func measure(f definition.MeasureField) (field, bool) {
	switch {
	case f.NumericalMeasureField != nil:
		m := f.NumericalMeasureField
		if m.Column == nil || m.Column.ColumnName == "" {
			return field{}, false
		}
		agg, pct := numericalAggregation(m.AggregationFunction)
		x := measureField(m.FieldId, m.Column, agg, pct)
		x.measure.DefaultAggregation = m.AggregationFunction == nil || (m.AggregationFunction.SimpleNumericalAggregation == "" && m.AggregationFunction.PercentileAggregation == nil)
		return x, true
	case f.CategoricalMeasureField != nil:
		m := f.CategoricalMeasureField
		if m.Column == nil || m.Column.ColumnName == "" {
			return field{}, false
		}
		agg := m.AggregationFunction
		if agg == "" {
			agg = query.Count
		}
		x := measureField(m.FieldId, m.Column, agg, 0)
		x.measure.DefaultAggregation = m.AggregationFunction == ""
		return x, true
	case f.DateMeasureField != nil:
		m := f.DateMeasureField
		if m.Column == nil || m.Column.ColumnName == "" {
			return field{}, false
		}
		agg := m.AggregationFunction
		if agg == "" {
			agg = query.Count
		}
		x := measureField(m.FieldId, m.Column, agg, 0)
		if agg == query.Min || agg == query.Max {
			x.dateFormat = dateFormatOf(m.FormatConfiguration) // a date, drawn as the dimensions' dates are
		}
		return x, true
	case f.CalculatedMeasureField != nil:
		m := f.CalculatedMeasureField
		if m.FieldId == "" || m.Expression == "" {
			return field{}, false
		}
		// An inline expression becomes a calculated field of the question
		// named after the field id (see visualQuestion).
		return field{id: m.FieldId, label: m.FieldId, measure: &query.Measure{ID: m.FieldId, Field: m.FieldId}}, true
	}
	return field{}, false
}

func measureField(id string, col *definition.ColumnIdentifier, agg string, pct float64) field {
	if id == "" {
		id = col.ColumnName
	}
	label := col.ColumnName
	if agg != "" {
		label = aggLabel(agg) + " of " + col.ColumnName
	}
	return field{id: id, label: label, dataSet: col.DataSetIdentifier,
		measure: &query.Measure{ID: id, Field: col.ColumnName, Aggregation: agg, Percentile: pct}}
}

func numericalAggregation(a *definition.NumericalAggregationFunction) (string, float64) {
	if a == nil {
		return query.Sum, 0
	}
	if a.PercentileAggregation != nil {
		p := 50.0
		if a.PercentileAggregation.PercentileValue != nil {
			p = *a.PercentileAggregation.PercentileValue
		}
		return query.Percentile, p
	}
	switch a.SimpleNumericalAggregation {
	case "":
		return query.Sum, 0
	case "AVERAGE", "SUM", "MIN", "MAX", "COUNT", "DISTINCT_COUNT", "MEDIAN", "STDEV", "STDEVP", "VAR", "VARP":
		return a.SimpleNumericalAggregation, 0
	}
	// Anything else fails the question with a clear message: a sum in its
	// place would mislead.
	return a.SimpleNumericalAggregation, 0
}

func aggLabel(agg string) string {
	switch agg {
	case query.Sum:
		return "Sum"
	case query.Average:
		return "Average"
	case query.Min:
		return "Min"
	case query.Max:
		return "Max"
	case query.Count:
		return "Count"
	case query.DistinctCount:
		return "Distinct count"
	case query.Median:
		return "Median"
	case query.Percentile:
		return "Percentile"
	case "STDEV":
		return "Standard deviation"
	case "STDEVP":
		return "Population standard deviation"
	case "VAR":
		return "Variance"
	case "VARP":
		return "Population variance"
	}
	return agg
}

// genericAggregation converts a filter's or sort's AggregationFunction.
func genericAggregation(a *definition.AggregationFunction) string {
	if a == nil {
		return ""
	}
	switch {
	case a.NumericalAggregationFunction != nil:
		agg, _ := numericalAggregation(a.NumericalAggregationFunction)
		return agg
	case a.CategoricalAggregationFunction != "":
		return a.CategoricalAggregationFunction
	case a.DateAggregationFunction != "":
		return a.DateAggregationFunction
	}
	return ""
}
