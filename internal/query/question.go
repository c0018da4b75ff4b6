// Package query turns a visual's question — dimensions, measures,
// filters, sort, limit, parameters and analysis calculated fields — into
// one parameterised SQL statement over a dataset's relation, for the
// dialect of the engine that runs it. Identifiers resolve against the
// dataset's columns and are quoted; every value is a bound argument.
package query

import (
	"time"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// Question is what a visual asks of a dataset.
type Question struct {
	Dimensions       []Dimension
	Measures         []Measure
	Filters          []Filter
	Sort             []Sort
	Limit            int // 0: no limit
	CalculatedFields []CalculatedField
	// Parameters are the values of the analysis parameters that filters
	// and calculated fields reference: string, int/int64, float64,
	// time.Time, or a slice of those for a multi-valued parameter.
	Parameters map[string]any
	// Now anchors relative date filters; zero means time.Now() in UTC.
	Now time.Time
}

// Dimension groups rows by a field; a datetime field may be truncated to
// a granularity.
type Dimension struct {
	ID          string // result column id; defaults to Field
	Field       string
	Granularity dialect.Granularity // YEAR … MINUTE, datetime fields only
}

// Aggregations of measures, as QuickSight's AggregationFunction names them.
const (
	Sum           = "SUM"
	Average       = "AVERAGE"
	Min           = "MIN"
	Max           = "MAX"
	Count         = "COUNT"
	DistinctCount = "DISTINCT_COUNT"
	Median        = "MEDIAN"
	Percentile    = "PERCENTILE"
)

// Measure aggregates a field. Aggregation is empty for a calculated field
// that aggregates itself (sum({Sales}) / sum({Quantity})).
type Measure struct {
	ID          string // result column id; defaults to Field
	Field       string
	Aggregation string
	Percentile  float64 // 0–100, for PERCENTILE
	// DefaultAggregation says Aggregation is the field well's default,
	// not the definition's choice (a measure with no
	// AggregationFunction): a calculated field that aggregates itself is
	// then used as is, as QuickSight does.
	DefaultAggregation bool
}

// Filter kinds.
const (
	CategoryFilter     = "CATEGORY"
	NumericRangeFilter = "NUMERIC_RANGE"
	DateRangeFilter    = "DATE_RANGE"
	RelativeDateFilter = "RELATIVE_DATE"
	TopBottomFilter    = "TOP_BOTTOM"
	NestedFilter       = "NESTED"
)

// Category match operators.
const (
	Equals    = "EQUALS"
	NotEquals = "NOT_EQUALS"
	In        = "IN"
	NotIn     = "NOT_IN"
	// The partial matches, each true when any value matches (none, for
	// NotContains); exact and case sensitive, on STRING fields.
	Contains    = "CONTAINS"
	NotContains = "DOES_NOT_CONTAIN"
	StartsWith  = "STARTS_WITH"
	EndsWith    = "ENDS_WITH"
	// AnyValue restricts no value: only the filter's NullOption applies
	// (a list filter with every value selected and NULLS_ONLY or
	// NON_NULLS_ONLY). It takes no values.
	AnyValue = "ANY_VALUE"
)

// Null options, as QuickSight's FilterNullOption names them.
const (
	AllValues    = "ALL_VALUES"
	NullsOnly    = "NULLS_ONLY"
	NonNullsOnly = "NON_NULLS_ONLY"
)

// Relative date types, as QuickSight's RelativeDateType names them.
const (
	Previous = "PREVIOUS" // the N whole periods before the current one
	This     = "THIS"     // the current period
	Last     = "LAST"     // the current period and the N-1 before it
	Next     = "NEXT"     // the N whole periods after the current one
)

// Filter restricts the rows (or, with an aggregation, the groups) of a
// question. Kind selects which members apply.
type Filter struct {
	Kind  string
	Field string
	// NullOption is ALL_VALUES, NULLS_ONLY or NON_NULLS_ONLY (default).
	NullOption string

	// CATEGORY: Match is EQUALS, NOT_EQUALS, IN, NOT_IN, CONTAINS,
	// DOES_NOT_CONTAIN, STARTS_WITH or ENDS_WITH over Values (or
	// ANY_VALUE, with none), or over the
	// values of the parameter ValuesParameter. With Aggregation set it
	// compares the aggregated field (HAVING).
	Match           string
	Values          []any
	ValuesParameter string

	// NUMERIC_RANGE: bounds (nil: open) or parameters naming them;
	// Aggregation set filters groups on the aggregated field (HAVING).
	Min, Max                   *float64
	MinParameter, MaxParameter string
	IncludeMin, IncludeMax     bool
	Aggregation                string

	// DATE_RANGE: bounds (nil: open) or parameters naming them. With
	// Granularity set the bounds compare whole periods: an included bound
	// takes in its whole period, an excluded one leaves it out whole.
	From, To                   *time.Time
	FromParameter, ToParameter string
	IncludeFrom, IncludeTo     bool
	Granularity                dialect.Granularity
	RelativeDateType           string              // RELATIVE_DATE
	RelativeDateValue          int                 // RELATIVE_DATE: N
	TimeGranularity            dialect.Granularity // RELATIVE_DATE
	AnchorParameter            string              // RELATIVE_DATE: anchor instead of Now

	// DATE_RANGE and RELATIVE_DATE: with ExcludeAmount > 0, the rows dated
	// in the last ExcludeAmount periods of ExcludeGranularity (the current
	// one and the ExcludeAmount−1 before it, counted from Now or, for a
	// RELATIVE_DATE, its anchor) are left out (excludeperiod.go).
	ExcludeAmount      int
	ExcludeGranularity dialect.Granularity

	// TOP_BOTTOM: keep the N values of Field with the highest (Bottom
	// false) or lowest aggregated By measure. With Granularity set, Field
	// is a date and its values are its periods at that granularity: the
	// rows of the N best periods are kept.
	N      int
	Bottom bool
	By     Measure

	// CrossDataset marks a filter of another dataset that applies to
	// every dataset (QuickSight's CrossDataset ALL_DATASETS): it applies
	// here only if this relation has a field of that name and of the type
	// the filter's kind filters (a date for date filters, a number for
	// numeric ones, a string for category ones), and is skipped otherwise.
	CrossDataset bool

	// NESTED: keep the rows whose Field value is among (IncludeInner) or
	// not among the values Field takes in the rows Inner keeps; Inner is
	// a row filter of another field of the same relation. Rows whose
	// Field is NULL are never kept.
	Inner        *Filter
	IncludeInner bool
}

// Sort orders the result by a dimension or measure id.
type Sort struct {
	ID         string
	Descending bool
}

// CalculatedField is an analysis-level calculated field.
type CalculatedField struct {
	Name       string
	Expression string
}

// Compiled is a question compiled for one dialect.
type Compiled struct {
	SQL     string
	Args    []any
	Columns []ResultColumn
}

// Result column roles.
const (
	RoleDimension = "DIMENSION"
	RoleMeasure   = "MEASURE"
)

// ResultColumn describes a column of the compiled statement's result,
// in order.
type ResultColumn struct {
	ID   string
	Role string
	Type string // STRING|INTEGER|DECIMAL|DATETIME|BOOLEAN
}
