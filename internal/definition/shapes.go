package definition

import "encoding/json"

// The shapes below mirror the QuickSight model (aws-sdk-go-v2
// service/quicksight v1.113.0, types/types.go) for the part of a
// definition that Sightglass renders. Go field names and JSON member names
// are the model's. Strings and enums are plain strings ("" when absent);
// numbers and booleans are pointers (nil when absent); timestamps are
// epoch seconds. Members outside the rendered subset stay raw JSON.

// DataSetIdentifierDeclaration is QuickSight's DataSetIdentifierDeclaration.
type DataSetIdentifierDeclaration struct {
	DataSetArn string `json:"DataSetArn,omitempty"`
	Identifier string `json:"Identifier,omitempty"`
}

// CalculatedField is QuickSight's CalculatedField.
type CalculatedField struct {
	DataSetIdentifier string `json:"DataSetIdentifier,omitempty"`
	Expression        string `json:"Expression,omitempty"`
	Name              string `json:"Name,omitempty"`
}

// ParameterDeclaration is QuickSight's ParameterDeclaration.
type ParameterDeclaration struct {
	DateTimeParameterDeclaration *DateTimeParameterDeclaration `json:"DateTimeParameterDeclaration,omitempty"`
	DecimalParameterDeclaration  *DecimalParameterDeclaration  `json:"DecimalParameterDeclaration,omitempty"`
	IntegerParameterDeclaration  *IntegerParameterDeclaration  `json:"IntegerParameterDeclaration,omitempty"`
	StringParameterDeclaration   *StringParameterDeclaration   `json:"StringParameterDeclaration,omitempty"`
}

// StringParameterDeclaration is QuickSight's StringParameterDeclaration.
type StringParameterDeclaration struct {
	Name                    string                             `json:"Name,omitempty"`
	ParameterValueType      string                             `json:"ParameterValueType,omitempty"`
	DefaultValues           *StringDefaultValues               `json:"DefaultValues,omitempty"`
	MappedDataSetParameters []json.RawMessage                  `json:"MappedDataSetParameters,omitempty"`
	ValueWhenUnset          *StringValueWhenUnsetConfiguration `json:"ValueWhenUnset,omitempty"`
}

// IntegerParameterDeclaration is QuickSight's IntegerParameterDeclaration.
type IntegerParameterDeclaration struct {
	Name                    string                              `json:"Name,omitempty"`
	ParameterValueType      string                              `json:"ParameterValueType,omitempty"`
	DefaultValues           *IntegerDefaultValues               `json:"DefaultValues,omitempty"`
	MappedDataSetParameters []json.RawMessage                   `json:"MappedDataSetParameters,omitempty"`
	ValueWhenUnset          *IntegerValueWhenUnsetConfiguration `json:"ValueWhenUnset,omitempty"`
}

// DecimalParameterDeclaration is QuickSight's DecimalParameterDeclaration.
type DecimalParameterDeclaration struct {
	Name                    string                              `json:"Name,omitempty"`
	ParameterValueType      string                              `json:"ParameterValueType,omitempty"`
	DefaultValues           *DecimalDefaultValues               `json:"DefaultValues,omitempty"`
	MappedDataSetParameters []json.RawMessage                   `json:"MappedDataSetParameters,omitempty"`
	ValueWhenUnset          *DecimalValueWhenUnsetConfiguration `json:"ValueWhenUnset,omitempty"`
}

// DateTimeParameterDeclaration is QuickSight's DateTimeParameterDeclaration.
type DateTimeParameterDeclaration struct {
	Name                    string                               `json:"Name,omitempty"`
	DefaultValues           *DateTimeDefaultValues               `json:"DefaultValues,omitempty"`
	MappedDataSetParameters []json.RawMessage                    `json:"MappedDataSetParameters,omitempty"`
	TimeGranularity         string                               `json:"TimeGranularity,omitempty"`
	ValueWhenUnset          *DateTimeValueWhenUnsetConfiguration `json:"ValueWhenUnset,omitempty"`
}

// StringDefaultValues is QuickSight's StringDefaultValues.
type StringDefaultValues struct {
	DynamicValue json.RawMessage `json:"DynamicValue,omitempty"`
	StaticValues []string        `json:"StaticValues,omitempty"`
}

// IntegerDefaultValues is QuickSight's IntegerDefaultValues.
type IntegerDefaultValues struct {
	DynamicValue json.RawMessage `json:"DynamicValue,omitempty"`
	StaticValues []int64         `json:"StaticValues,omitempty"`
}

// DecimalDefaultValues is QuickSight's DecimalDefaultValues.
type DecimalDefaultValues struct {
	DynamicValue json.RawMessage `json:"DynamicValue,omitempty"`
	StaticValues []float64       `json:"StaticValues,omitempty"`
}

// DateTimeDefaultValues is QuickSight's DateTimeDefaultValues.
type DateTimeDefaultValues struct {
	DynamicValue json.RawMessage           `json:"DynamicValue,omitempty"`
	RollingDate  *RollingDateConfiguration `json:"RollingDate,omitempty"`
	StaticValues []float64                 `json:"StaticValues,omitempty"`
}

// StringValueWhenUnsetConfiguration is QuickSight's StringValueWhenUnsetConfiguration.
type StringValueWhenUnsetConfiguration struct {
	CustomValue          string `json:"CustomValue,omitempty"`
	ValueWhenUnsetOption string `json:"ValueWhenUnsetOption,omitempty"`
}

// IntegerValueWhenUnsetConfiguration is QuickSight's IntegerValueWhenUnsetConfiguration.
type IntegerValueWhenUnsetConfiguration struct {
	CustomValue          *int64 `json:"CustomValue,omitempty"`
	ValueWhenUnsetOption string `json:"ValueWhenUnsetOption,omitempty"`
}

// DecimalValueWhenUnsetConfiguration is QuickSight's DecimalValueWhenUnsetConfiguration.
type DecimalValueWhenUnsetConfiguration struct {
	CustomValue          *float64 `json:"CustomValue,omitempty"`
	ValueWhenUnsetOption string   `json:"ValueWhenUnsetOption,omitempty"`
}

// DateTimeValueWhenUnsetConfiguration is QuickSight's DateTimeValueWhenUnsetConfiguration.
type DateTimeValueWhenUnsetConfiguration struct {
	CustomValue          *float64 `json:"CustomValue,omitempty"`
	ValueWhenUnsetOption string   `json:"ValueWhenUnsetOption,omitempty"`
}

// RollingDateConfiguration is QuickSight's RollingDateConfiguration.
type RollingDateConfiguration struct {
	Expression        string `json:"Expression,omitempty"`
	DataSetIdentifier string `json:"DataSetIdentifier,omitempty"`
}

// FilterGroup is QuickSight's FilterGroup.
type FilterGroup struct {
	CrossDataset       string                    `json:"CrossDataset,omitempty"`
	FilterGroupId      string                    `json:"FilterGroupId,omitempty"`
	Filters            []Filter                  `json:"Filters,omitempty"`
	ScopeConfiguration *FilterScopeConfiguration `json:"ScopeConfiguration,omitempty"`
	Status             string                    `json:"Status,omitempty"`
}

// FilterScopeConfiguration is QuickSight's FilterScopeConfiguration.
type FilterScopeConfiguration struct {
	AllSheets      json.RawMessage                         `json:"AllSheets,omitempty"`
	SelectedSheets *SelectedSheetsFilterScopeConfiguration `json:"SelectedSheets,omitempty"`
}

// SelectedSheetsFilterScopeConfiguration is QuickSight's SelectedSheetsFilterScopeConfiguration.
type SelectedSheetsFilterScopeConfiguration struct {
	SheetVisualScopingConfigurations []SheetVisualScopingConfiguration `json:"SheetVisualScopingConfigurations,omitempty"`
}

// SheetVisualScopingConfiguration is QuickSight's SheetVisualScopingConfiguration.
type SheetVisualScopingConfiguration struct {
	Scope     string   `json:"Scope,omitempty"`
	SheetId   string   `json:"SheetId,omitempty"`
	VisualIds []string `json:"VisualIds,omitempty"`
}

// Filter is QuickSight's Filter.
type Filter struct {
	CategoryFilter        *CategoryFilter        `json:"CategoryFilter,omitempty"`
	NestedFilter          json.RawMessage        `json:"NestedFilter,omitempty"`
	NumericEqualityFilter *NumericEqualityFilter `json:"NumericEqualityFilter,omitempty"`
	NumericRangeFilter    *NumericRangeFilter    `json:"NumericRangeFilter,omitempty"`
	RelativeDatesFilter   *RelativeDatesFilter   `json:"RelativeDatesFilter,omitempty"`
	TimeEqualityFilter    *TimeEqualityFilter    `json:"TimeEqualityFilter,omitempty"`
	TimeRangeFilter       *TimeRangeFilter       `json:"TimeRangeFilter,omitempty"`
	TopBottomFilter       *TopBottomFilter       `json:"TopBottomFilter,omitempty"`
}

// CategoryFilter is QuickSight's CategoryFilter.
type CategoryFilter struct {
	Column                            *ColumnIdentifier            `json:"Column,omitempty"`
	Configuration                     *CategoryFilterConfiguration `json:"Configuration,omitempty"`
	FilterId                          string                       `json:"FilterId,omitempty"`
	DefaultFilterControlConfiguration json.RawMessage              `json:"DefaultFilterControlConfiguration,omitempty"`
}

// CategoryFilterConfiguration is QuickSight's CategoryFilterConfiguration.
type CategoryFilterConfiguration struct {
	CustomFilterConfiguration     *CustomFilterConfiguration     `json:"CustomFilterConfiguration,omitempty"`
	CustomFilterListConfiguration *CustomFilterListConfiguration `json:"CustomFilterListConfiguration,omitempty"`
	FilterListConfiguration       *FilterListConfiguration       `json:"FilterListConfiguration,omitempty"`
}

// FilterListConfiguration is QuickSight's FilterListConfiguration.
type FilterListConfiguration struct {
	MatchOperator    string   `json:"MatchOperator,omitempty"`
	CategoryValues   []string `json:"CategoryValues,omitempty"`
	NullOption       string   `json:"NullOption,omitempty"`
	SelectAllOptions string   `json:"SelectAllOptions,omitempty"`
}

// CustomFilterConfiguration is QuickSight's CustomFilterConfiguration.
type CustomFilterConfiguration struct {
	MatchOperator    string `json:"MatchOperator,omitempty"`
	NullOption       string `json:"NullOption,omitempty"`
	CategoryValue    string `json:"CategoryValue,omitempty"`
	ParameterName    string `json:"ParameterName,omitempty"`
	SelectAllOptions string `json:"SelectAllOptions,omitempty"`
}

// CustomFilterListConfiguration is QuickSight's CustomFilterListConfiguration.
type CustomFilterListConfiguration struct {
	MatchOperator    string   `json:"MatchOperator,omitempty"`
	NullOption       string   `json:"NullOption,omitempty"`
	CategoryValues   []string `json:"CategoryValues,omitempty"`
	SelectAllOptions string   `json:"SelectAllOptions,omitempty"`
}

// NumericRangeFilter is QuickSight's NumericRangeFilter.
type NumericRangeFilter struct {
	Column                            *ColumnIdentifier        `json:"Column,omitempty"`
	FilterId                          string                   `json:"FilterId,omitempty"`
	NullOption                        string                   `json:"NullOption,omitempty"`
	AggregationFunction               *AggregationFunction     `json:"AggregationFunction,omitempty"`
	DefaultFilterControlConfiguration json.RawMessage          `json:"DefaultFilterControlConfiguration,omitempty"`
	IncludeMaximum                    *bool                    `json:"IncludeMaximum,omitempty"`
	IncludeMinimum                    *bool                    `json:"IncludeMinimum,omitempty"`
	RangeMaximum                      *NumericRangeFilterValue `json:"RangeMaximum,omitempty"`
	RangeMinimum                      *NumericRangeFilterValue `json:"RangeMinimum,omitempty"`
	SelectAllOptions                  string                   `json:"SelectAllOptions,omitempty"`
}

// NumericRangeFilterValue is QuickSight's NumericRangeFilterValue.
type NumericRangeFilterValue struct {
	Parameter   string   `json:"Parameter,omitempty"`
	StaticValue *float64 `json:"StaticValue,omitempty"`
}

// NumericEqualityFilter is QuickSight's NumericEqualityFilter.
type NumericEqualityFilter struct {
	Column                            *ColumnIdentifier    `json:"Column,omitempty"`
	FilterId                          string               `json:"FilterId,omitempty"`
	MatchOperator                     string               `json:"MatchOperator,omitempty"`
	NullOption                        string               `json:"NullOption,omitempty"`
	AggregationFunction               *AggregationFunction `json:"AggregationFunction,omitempty"`
	DefaultFilterControlConfiguration json.RawMessage      `json:"DefaultFilterControlConfiguration,omitempty"`
	ParameterName                     string               `json:"ParameterName,omitempty"`
	SelectAllOptions                  string               `json:"SelectAllOptions,omitempty"`
	Value                             *float64             `json:"Value,omitempty"`
}

// TimeRangeFilter is QuickSight's TimeRangeFilter.
type TimeRangeFilter struct {
	Column                            *ColumnIdentifier           `json:"Column,omitempty"`
	FilterId                          string                      `json:"FilterId,omitempty"`
	NullOption                        string                      `json:"NullOption,omitempty"`
	DefaultFilterControlConfiguration json.RawMessage             `json:"DefaultFilterControlConfiguration,omitempty"`
	ExcludePeriodConfiguration        *ExcludePeriodConfiguration `json:"ExcludePeriodConfiguration,omitempty"`
	IncludeMaximum                    *bool                       `json:"IncludeMaximum,omitempty"`
	IncludeMinimum                    *bool                       `json:"IncludeMinimum,omitempty"`
	RangeMaximumValue                 *TimeRangeFilterValue       `json:"RangeMaximumValue,omitempty"`
	RangeMinimumValue                 *TimeRangeFilterValue       `json:"RangeMinimumValue,omitempty"`
	TimeGranularity                   string                      `json:"TimeGranularity,omitempty"`
}

// TimeRangeFilterValue is QuickSight's TimeRangeFilterValue.
type TimeRangeFilterValue struct {
	Parameter   string                    `json:"Parameter,omitempty"`
	RollingDate *RollingDateConfiguration `json:"RollingDate,omitempty"`
	StaticValue *float64                  `json:"StaticValue,omitempty"`
}

// RelativeDatesFilter is QuickSight's RelativeDatesFilter.
type RelativeDatesFilter struct {
	AnchorDateConfiguration           *AnchorDateConfiguration    `json:"AnchorDateConfiguration,omitempty"`
	Column                            *ColumnIdentifier           `json:"Column,omitempty"`
	FilterId                          string                      `json:"FilterId,omitempty"`
	NullOption                        string                      `json:"NullOption,omitempty"`
	RelativeDateType                  string                      `json:"RelativeDateType,omitempty"`
	TimeGranularity                   string                      `json:"TimeGranularity,omitempty"`
	DefaultFilterControlConfiguration json.RawMessage             `json:"DefaultFilterControlConfiguration,omitempty"`
	ExcludePeriodConfiguration        *ExcludePeriodConfiguration `json:"ExcludePeriodConfiguration,omitempty"`
	MinimumGranularity                string                      `json:"MinimumGranularity,omitempty"`
	ParameterName                     string                      `json:"ParameterName,omitempty"`
	RelativeDateValue                 *int32                      `json:"RelativeDateValue,omitempty"`
}

// AnchorDateConfiguration is QuickSight's AnchorDateConfiguration.
type AnchorDateConfiguration struct {
	AnchorOption  string `json:"AnchorOption,omitempty"`
	ParameterName string `json:"ParameterName,omitempty"`
}

// ExcludePeriodConfiguration is QuickSight's ExcludePeriodConfiguration.
type ExcludePeriodConfiguration struct {
	Amount      *int32 `json:"Amount,omitempty"`
	Granularity string `json:"Granularity,omitempty"`
	Status      string `json:"Status,omitempty"`
}

// TopBottomFilter is QuickSight's TopBottomFilter.
type TopBottomFilter struct {
	AggregationSortConfigurations     []AggregationSortConfiguration `json:"AggregationSortConfigurations,omitempty"`
	Column                            *ColumnIdentifier              `json:"Column,omitempty"`
	FilterId                          string                         `json:"FilterId,omitempty"`
	DefaultFilterControlConfiguration json.RawMessage                `json:"DefaultFilterControlConfiguration,omitempty"`
	Limit                             *int32                         `json:"Limit,omitempty"`
	ParameterName                     string                         `json:"ParameterName,omitempty"`
	TimeGranularity                   string                         `json:"TimeGranularity,omitempty"`
}

// AggregationSortConfiguration is QuickSight's AggregationSortConfiguration.
type AggregationSortConfiguration struct {
	Column              *ColumnIdentifier    `json:"Column,omitempty"`
	SortDirection       string               `json:"SortDirection,omitempty"`
	AggregationFunction *AggregationFunction `json:"AggregationFunction,omitempty"`
}

// TimeEqualityFilter is QuickSight's TimeEqualityFilter.
type TimeEqualityFilter struct {
	Column                            *ColumnIdentifier         `json:"Column,omitempty"`
	FilterId                          string                    `json:"FilterId,omitempty"`
	DefaultFilterControlConfiguration json.RawMessage           `json:"DefaultFilterControlConfiguration,omitempty"`
	ParameterName                     string                    `json:"ParameterName,omitempty"`
	RollingDate                       *RollingDateConfiguration `json:"RollingDate,omitempty"`
	TimeGranularity                   string                    `json:"TimeGranularity,omitempty"`
	Value                             *float64                  `json:"Value,omitempty"`
}

// ColumnIdentifier is QuickSight's ColumnIdentifier.
type ColumnIdentifier struct {
	ColumnName        string `json:"ColumnName,omitempty"`
	DataSetIdentifier string `json:"DataSetIdentifier,omitempty"`
}

// AggregationFunction is QuickSight's AggregationFunction.
type AggregationFunction struct {
	AttributeAggregationFunction   json.RawMessage               `json:"AttributeAggregationFunction,omitempty"`
	CategoricalAggregationFunction string                        `json:"CategoricalAggregationFunction,omitempty"`
	DateAggregationFunction        string                        `json:"DateAggregationFunction,omitempty"`
	NumericalAggregationFunction   *NumericalAggregationFunction `json:"NumericalAggregationFunction,omitempty"`
}

// NumericalAggregationFunction is QuickSight's NumericalAggregationFunction.
type NumericalAggregationFunction struct {
	PercentileAggregation      *PercentileAggregation `json:"PercentileAggregation,omitempty"`
	SimpleNumericalAggregation string                 `json:"SimpleNumericalAggregation,omitempty"`
}

// PercentileAggregation is QuickSight's PercentileAggregation.
type PercentileAggregation struct {
	PercentileValue *float64 `json:"PercentileValue,omitempty"`
}

// Layout is QuickSight's Layout.
type Layout struct {
	Configuration *LayoutConfiguration `json:"Configuration,omitempty"`
}

// LayoutConfiguration is QuickSight's LayoutConfiguration.
type LayoutConfiguration struct {
	FreeFormLayout     json.RawMessage          `json:"FreeFormLayout,omitempty"`
	GridLayout         *GridLayoutConfiguration `json:"GridLayout,omitempty"`
	SectionBasedLayout json.RawMessage          `json:"SectionBasedLayout,omitempty"`
}

// GridLayoutConfiguration is QuickSight's GridLayoutConfiguration.
type GridLayoutConfiguration struct {
	Elements          []GridLayoutElement `json:"Elements,omitempty"`
	CanvasSizeOptions json.RawMessage     `json:"CanvasSizeOptions,omitempty"`
}

// GridLayoutElement is QuickSight's GridLayoutElement.
type GridLayoutElement struct {
	ColumnSpan          *int32          `json:"ColumnSpan,omitempty"`
	ElementId           string          `json:"ElementId,omitempty"`
	ElementType         string          `json:"ElementType,omitempty"`
	RowSpan             *int32          `json:"RowSpan,omitempty"`
	BackgroundStyle     json.RawMessage `json:"BackgroundStyle,omitempty"`
	BorderRadius        string          `json:"BorderRadius,omitempty"`
	BorderStyle         json.RawMessage `json:"BorderStyle,omitempty"`
	ColumnIndex         *int32          `json:"ColumnIndex,omitempty"`
	LoadingAnimation    json.RawMessage `json:"LoadingAnimation,omitempty"`
	Padding             string          `json:"Padding,omitempty"`
	RowIndex            *int32          `json:"RowIndex,omitempty"`
	SelectedBorderStyle json.RawMessage `json:"SelectedBorderStyle,omitempty"`
}

// SheetTextBox is QuickSight's SheetTextBox.
type SheetTextBox struct {
	SheetTextBoxId string          `json:"SheetTextBoxId,omitempty"`
	Content        string          `json:"Content,omitempty"`
	Interactions   json.RawMessage `json:"Interactions,omitempty"`
}

// FilterControl is QuickSight's FilterControl.
type FilterControl struct {
	CrossSheet       *FilterCrossSheetControl       `json:"CrossSheet,omitempty"`
	DateTimePicker   *FilterDateTimePickerControl   `json:"DateTimePicker,omitempty"`
	Dropdown         *FilterDropDownControl         `json:"Dropdown,omitempty"`
	List             *FilterListControl             `json:"List,omitempty"`
	RelativeDateTime *FilterRelativeDateTimeControl `json:"RelativeDateTime,omitempty"`
	Slider           *FilterSliderControl           `json:"Slider,omitempty"`
	TextArea         *FilterTextAreaControl         `json:"TextArea,omitempty"`
	TextField        *FilterTextFieldControl        `json:"TextField,omitempty"`
}

// FilterDropDownControl is QuickSight's FilterDropDownControl.
type FilterDropDownControl struct {
	FilterControlId               string                  `json:"FilterControlId,omitempty"`
	SourceFilterId                string                  `json:"SourceFilterId,omitempty"`
	CascadingControlConfiguration json.RawMessage         `json:"CascadingControlConfiguration,omitempty"`
	CommitMode                    string                  `json:"CommitMode,omitempty"`
	ControlSortConfigurations     []json.RawMessage       `json:"ControlSortConfigurations,omitempty"`
	ControlTitleFormatText        json.RawMessage         `json:"ControlTitleFormatText,omitempty"`
	DisplayOptions                json.RawMessage         `json:"DisplayOptions,omitempty"`
	SelectableValues              *FilterSelectableValues `json:"SelectableValues,omitempty"`
	Title                         string                  `json:"Title,omitempty"`
	Type                          string                  `json:"Type,omitempty"`
}

// FilterListControl is QuickSight's FilterListControl.
type FilterListControl struct {
	FilterControlId               string                  `json:"FilterControlId,omitempty"`
	SourceFilterId                string                  `json:"SourceFilterId,omitempty"`
	CascadingControlConfiguration json.RawMessage         `json:"CascadingControlConfiguration,omitempty"`
	ControlSortConfigurations     []json.RawMessage       `json:"ControlSortConfigurations,omitempty"`
	ControlTitleFormatText        json.RawMessage         `json:"ControlTitleFormatText,omitempty"`
	DisplayOptions                json.RawMessage         `json:"DisplayOptions,omitempty"`
	SelectableValues              *FilterSelectableValues `json:"SelectableValues,omitempty"`
	Title                         string                  `json:"Title,omitempty"`
	Type                          string                  `json:"Type,omitempty"`
}

// FilterSliderControl is QuickSight's FilterSliderControl.
type FilterSliderControl struct {
	FilterControlId        string          `json:"FilterControlId,omitempty"`
	MaximumValue           *float64        `json:"MaximumValue,omitempty"`
	MinimumValue           *float64        `json:"MinimumValue,omitempty"`
	SourceFilterId         string          `json:"SourceFilterId,omitempty"`
	StepSize               *float64        `json:"StepSize,omitempty"`
	ControlTitleFormatText json.RawMessage `json:"ControlTitleFormatText,omitempty"`
	DisplayOptions         json.RawMessage `json:"DisplayOptions,omitempty"`
	Title                  string          `json:"Title,omitempty"`
	Type                   string          `json:"Type,omitempty"`
}

// FilterDateTimePickerControl is QuickSight's FilterDateTimePickerControl.
type FilterDateTimePickerControl struct {
	FilterControlId        string          `json:"FilterControlId,omitempty"`
	SourceFilterId         string          `json:"SourceFilterId,omitempty"`
	CommitMode             string          `json:"CommitMode,omitempty"`
	ControlTitleFormatText json.RawMessage `json:"ControlTitleFormatText,omitempty"`
	DisplayOptions         json.RawMessage `json:"DisplayOptions,omitempty"`
	Title                  string          `json:"Title,omitempty"`
	Type                   string          `json:"Type,omitempty"`
}

// FilterRelativeDateTimeControl is QuickSight's FilterRelativeDateTimeControl.
type FilterRelativeDateTimeControl struct {
	FilterControlId        string          `json:"FilterControlId,omitempty"`
	SourceFilterId         string          `json:"SourceFilterId,omitempty"`
	CommitMode             string          `json:"CommitMode,omitempty"`
	ControlTitleFormatText json.RawMessage `json:"ControlTitleFormatText,omitempty"`
	DisplayOptions         json.RawMessage `json:"DisplayOptions,omitempty"`
	Title                  string          `json:"Title,omitempty"`
}

// FilterTextFieldControl is QuickSight's FilterTextFieldControl.
type FilterTextFieldControl struct {
	FilterControlId        string          `json:"FilterControlId,omitempty"`
	SourceFilterId         string          `json:"SourceFilterId,omitempty"`
	ControlTitleFormatText json.RawMessage `json:"ControlTitleFormatText,omitempty"`
	DisplayOptions         json.RawMessage `json:"DisplayOptions,omitempty"`
	Title                  string          `json:"Title,omitempty"`
}

// FilterTextAreaControl is QuickSight's FilterTextAreaControl.
type FilterTextAreaControl struct {
	FilterControlId        string          `json:"FilterControlId,omitempty"`
	SourceFilterId         string          `json:"SourceFilterId,omitempty"`
	ControlTitleFormatText json.RawMessage `json:"ControlTitleFormatText,omitempty"`
	Delimiter              string          `json:"Delimiter,omitempty"`
	DisplayOptions         json.RawMessage `json:"DisplayOptions,omitempty"`
	Title                  string          `json:"Title,omitempty"`
}

// FilterCrossSheetControl is QuickSight's FilterCrossSheetControl.
type FilterCrossSheetControl struct {
	FilterControlId               string          `json:"FilterControlId,omitempty"`
	SourceFilterId                string          `json:"SourceFilterId,omitempty"`
	CascadingControlConfiguration json.RawMessage `json:"CascadingControlConfiguration,omitempty"`
}

// FilterSelectableValues is QuickSight's FilterSelectableValues.
type FilterSelectableValues struct {
	Values []string `json:"Values,omitempty"`
}

// ParameterControl is QuickSight's ParameterControl.
type ParameterControl struct {
	DateTimePicker *ParameterDateTimePickerControl `json:"DateTimePicker,omitempty"`
	Dropdown       *ParameterDropDownControl       `json:"Dropdown,omitempty"`
	List           *ParameterListControl           `json:"List,omitempty"`
	Slider         *ParameterSliderControl         `json:"Slider,omitempty"`
	TextArea       *ParameterTextAreaControl       `json:"TextArea,omitempty"`
	TextField      *ParameterTextFieldControl      `json:"TextField,omitempty"`
}

// ParameterDropDownControl is QuickSight's ParameterDropDownControl.
type ParameterDropDownControl struct {
	ParameterControlId            string                     `json:"ParameterControlId,omitempty"`
	SourceParameterName           string                     `json:"SourceParameterName,omitempty"`
	CascadingControlConfiguration json.RawMessage            `json:"CascadingControlConfiguration,omitempty"`
	CommitMode                    string                     `json:"CommitMode,omitempty"`
	ControlSortConfigurations     []json.RawMessage          `json:"ControlSortConfigurations,omitempty"`
	ControlTitleFormatText        json.RawMessage            `json:"ControlTitleFormatText,omitempty"`
	DisplayOptions                json.RawMessage            `json:"DisplayOptions,omitempty"`
	SelectableValues              *ParameterSelectableValues `json:"SelectableValues,omitempty"`
	Title                         string                     `json:"Title,omitempty"`
	Type                          string                     `json:"Type,omitempty"`
}

// ParameterListControl is QuickSight's ParameterListControl.
type ParameterListControl struct {
	ParameterControlId            string                     `json:"ParameterControlId,omitempty"`
	SourceParameterName           string                     `json:"SourceParameterName,omitempty"`
	CascadingControlConfiguration json.RawMessage            `json:"CascadingControlConfiguration,omitempty"`
	ControlSortConfigurations     []json.RawMessage          `json:"ControlSortConfigurations,omitempty"`
	ControlTitleFormatText        json.RawMessage            `json:"ControlTitleFormatText,omitempty"`
	DisplayOptions                json.RawMessage            `json:"DisplayOptions,omitempty"`
	SelectableValues              *ParameterSelectableValues `json:"SelectableValues,omitempty"`
	Title                         string                     `json:"Title,omitempty"`
	Type                          string                     `json:"Type,omitempty"`
}

// ParameterSliderControl is QuickSight's ParameterSliderControl.
type ParameterSliderControl struct {
	MaximumValue           *float64        `json:"MaximumValue,omitempty"`
	MinimumValue           *float64        `json:"MinimumValue,omitempty"`
	ParameterControlId     string          `json:"ParameterControlId,omitempty"`
	SourceParameterName    string          `json:"SourceParameterName,omitempty"`
	StepSize               *float64        `json:"StepSize,omitempty"`
	ControlTitleFormatText json.RawMessage `json:"ControlTitleFormatText,omitempty"`
	DisplayOptions         json.RawMessage `json:"DisplayOptions,omitempty"`
	Title                  string          `json:"Title,omitempty"`
}

// ParameterDateTimePickerControl is QuickSight's ParameterDateTimePickerControl.
type ParameterDateTimePickerControl struct {
	ParameterControlId     string          `json:"ParameterControlId,omitempty"`
	SourceParameterName    string          `json:"SourceParameterName,omitempty"`
	ControlTitleFormatText json.RawMessage `json:"ControlTitleFormatText,omitempty"`
	DisplayOptions         json.RawMessage `json:"DisplayOptions,omitempty"`
	Title                  string          `json:"Title,omitempty"`
}

// ParameterTextFieldControl is QuickSight's ParameterTextFieldControl.
type ParameterTextFieldControl struct {
	ParameterControlId     string          `json:"ParameterControlId,omitempty"`
	SourceParameterName    string          `json:"SourceParameterName,omitempty"`
	ControlTitleFormatText json.RawMessage `json:"ControlTitleFormatText,omitempty"`
	DisplayOptions         json.RawMessage `json:"DisplayOptions,omitempty"`
	Title                  string          `json:"Title,omitempty"`
}

// ParameterTextAreaControl is QuickSight's ParameterTextAreaControl.
type ParameterTextAreaControl struct {
	ParameterControlId     string          `json:"ParameterControlId,omitempty"`
	SourceParameterName    string          `json:"SourceParameterName,omitempty"`
	ControlTitleFormatText json.RawMessage `json:"ControlTitleFormatText,omitempty"`
	Delimiter              string          `json:"Delimiter,omitempty"`
	DisplayOptions         json.RawMessage `json:"DisplayOptions,omitempty"`
	Title                  string          `json:"Title,omitempty"`
}

// ParameterSelectableValues is QuickSight's ParameterSelectableValues.
type ParameterSelectableValues struct {
	LinkToDataSetColumn *ColumnIdentifier `json:"LinkToDataSetColumn,omitempty"`
	Values              []string          `json:"Values,omitempty"`
}

// BarChartVisual is QuickSight's BarChartVisual.
type BarChartVisual struct {
	VisualId             string                      `json:"VisualId,omitempty"`
	Actions              []json.RawMessage           `json:"Actions,omitempty"`
	ChartConfiguration   *BarChartConfiguration      `json:"ChartConfiguration,omitempty"`
	ColumnHierarchies    []json.RawMessage           `json:"ColumnHierarchies,omitempty"`
	Subtitle             *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText string                      `json:"VisualContentAltText,omitempty"`
}

// BarChartConfiguration is QuickSight's BarChartConfiguration.
type BarChartConfiguration struct {
	BarsArrangement              string                     `json:"BarsArrangement,omitempty"`
	CategoryAxis                 json.RawMessage            `json:"CategoryAxis,omitempty"`
	CategoryLabelOptions         json.RawMessage            `json:"CategoryLabelOptions,omitempty"`
	ColorLabelOptions            json.RawMessage            `json:"ColorLabelOptions,omitempty"`
	ContributionAnalysisDefaults []json.RawMessage          `json:"ContributionAnalysisDefaults,omitempty"`
	DataLabels                   json.RawMessage            `json:"DataLabels,omitempty"`
	DefaultSeriesSettings        json.RawMessage            `json:"DefaultSeriesSettings,omitempty"`
	FieldWells                   *BarChartFieldWells        `json:"FieldWells,omitempty"`
	Interactions                 json.RawMessage            `json:"Interactions,omitempty"`
	Legend                       json.RawMessage            `json:"Legend,omitempty"`
	Orientation                  string                     `json:"Orientation,omitempty"`
	ReferenceLines               []json.RawMessage          `json:"ReferenceLines,omitempty"`
	Series                       []json.RawMessage          `json:"Series,omitempty"`
	SmallMultiplesOptions        json.RawMessage            `json:"SmallMultiplesOptions,omitempty"`
	SortConfiguration            *BarChartSortConfiguration `json:"SortConfiguration,omitempty"`
	Tooltip                      json.RawMessage            `json:"Tooltip,omitempty"`
	ValueAxis                    json.RawMessage            `json:"ValueAxis,omitempty"`
	ValueLabelOptions            json.RawMessage            `json:"ValueLabelOptions,omitempty"`
	VisualPalette                json.RawMessage            `json:"VisualPalette,omitempty"`
}

// BarChartFieldWells is QuickSight's BarChartFieldWells.
type BarChartFieldWells struct {
	BarChartAggregatedFieldWells *BarChartAggregatedFieldWells `json:"BarChartAggregatedFieldWells,omitempty"`
}

// BarChartAggregatedFieldWells is QuickSight's BarChartAggregatedFieldWells.
type BarChartAggregatedFieldWells struct {
	Category       []DimensionField `json:"Category,omitempty"`
	Colors         []DimensionField `json:"Colors,omitempty"`
	SmallMultiples []DimensionField `json:"SmallMultiples,omitempty"`
	Values         []MeasureField   `json:"Values,omitempty"`
}

// BarChartSortConfiguration is QuickSight's BarChartSortConfiguration.
type BarChartSortConfiguration struct {
	CategoryItemsLimit               *ItemsLimitConfiguration `json:"CategoryItemsLimit,omitempty"`
	CategorySort                     []FieldSortOptions       `json:"CategorySort,omitempty"`
	ColorItemsLimit                  *ItemsLimitConfiguration `json:"ColorItemsLimit,omitempty"`
	ColorSort                        []FieldSortOptions       `json:"ColorSort,omitempty"`
	SmallMultiplesLimitConfiguration *ItemsLimitConfiguration `json:"SmallMultiplesLimitConfiguration,omitempty"`
	SmallMultiplesSort               []FieldSortOptions       `json:"SmallMultiplesSort,omitempty"`
}

// LineChartVisual is QuickSight's LineChartVisual.
type LineChartVisual struct {
	VisualId             string                      `json:"VisualId,omitempty"`
	Actions              []json.RawMessage           `json:"Actions,omitempty"`
	ChartConfiguration   *LineChartConfiguration     `json:"ChartConfiguration,omitempty"`
	ColumnHierarchies    []json.RawMessage           `json:"ColumnHierarchies,omitempty"`
	Subtitle             *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText string                      `json:"VisualContentAltText,omitempty"`
}

// LineChartConfiguration is QuickSight's LineChartConfiguration.
type LineChartConfiguration struct {
	ContributionAnalysisDefaults []json.RawMessage           `json:"ContributionAnalysisDefaults,omitempty"`
	DataLabels                   json.RawMessage             `json:"DataLabels,omitempty"`
	DefaultSeriesSettings        json.RawMessage             `json:"DefaultSeriesSettings,omitempty"`
	FieldWells                   *LineChartFieldWells        `json:"FieldWells,omitempty"`
	ForecastConfigurations       []json.RawMessage           `json:"ForecastConfigurations,omitempty"`
	Interactions                 json.RawMessage             `json:"Interactions,omitempty"`
	Legend                       json.RawMessage             `json:"Legend,omitempty"`
	PrimaryYAxisDisplayOptions   json.RawMessage             `json:"PrimaryYAxisDisplayOptions,omitempty"`
	PrimaryYAxisLabelOptions     json.RawMessage             `json:"PrimaryYAxisLabelOptions,omitempty"`
	ReferenceLines               []json.RawMessage           `json:"ReferenceLines,omitempty"`
	SecondaryYAxisDisplayOptions json.RawMessage             `json:"SecondaryYAxisDisplayOptions,omitempty"`
	SecondaryYAxisLabelOptions   json.RawMessage             `json:"SecondaryYAxisLabelOptions,omitempty"`
	Series                       []json.RawMessage           `json:"Series,omitempty"`
	SingleAxisOptions            json.RawMessage             `json:"SingleAxisOptions,omitempty"`
	SmallMultiplesOptions        json.RawMessage             `json:"SmallMultiplesOptions,omitempty"`
	SortConfiguration            *LineChartSortConfiguration `json:"SortConfiguration,omitempty"`
	Tooltip                      json.RawMessage             `json:"Tooltip,omitempty"`
	Type                         string                      `json:"Type,omitempty"`
	VisualPalette                json.RawMessage             `json:"VisualPalette,omitempty"`
	XAxisDisplayOptions          json.RawMessage             `json:"XAxisDisplayOptions,omitempty"`
	XAxisLabelOptions            json.RawMessage             `json:"XAxisLabelOptions,omitempty"`
}

// LineChartFieldWells is QuickSight's LineChartFieldWells.
type LineChartFieldWells struct {
	LineChartAggregatedFieldWells *LineChartAggregatedFieldWells `json:"LineChartAggregatedFieldWells,omitempty"`
}

// LineChartAggregatedFieldWells is QuickSight's LineChartAggregatedFieldWells.
type LineChartAggregatedFieldWells struct {
	Category       []DimensionField `json:"Category,omitempty"`
	Colors         []DimensionField `json:"Colors,omitempty"`
	SmallMultiples []DimensionField `json:"SmallMultiples,omitempty"`
	Values         []MeasureField   `json:"Values,omitempty"`
}

// LineChartSortConfiguration is QuickSight's LineChartSortConfiguration.
type LineChartSortConfiguration struct {
	CategoryItemsLimitConfiguration  *ItemsLimitConfiguration `json:"CategoryItemsLimitConfiguration,omitempty"`
	CategorySort                     []FieldSortOptions       `json:"CategorySort,omitempty"`
	ColorItemsLimitConfiguration     *ItemsLimitConfiguration `json:"ColorItemsLimitConfiguration,omitempty"`
	SmallMultiplesLimitConfiguration *ItemsLimitConfiguration `json:"SmallMultiplesLimitConfiguration,omitempty"`
	SmallMultiplesSort               []FieldSortOptions       `json:"SmallMultiplesSort,omitempty"`
}

// PieChartVisual is QuickSight's PieChartVisual.
type PieChartVisual struct {
	VisualId             string                      `json:"VisualId,omitempty"`
	Actions              []json.RawMessage           `json:"Actions,omitempty"`
	ChartConfiguration   *PieChartConfiguration      `json:"ChartConfiguration,omitempty"`
	ColumnHierarchies    []json.RawMessage           `json:"ColumnHierarchies,omitempty"`
	Subtitle             *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText string                      `json:"VisualContentAltText,omitempty"`
}

// PieChartConfiguration is QuickSight's PieChartConfiguration.
type PieChartConfiguration struct {
	CategoryLabelOptions         json.RawMessage            `json:"CategoryLabelOptions,omitempty"`
	ContributionAnalysisDefaults []json.RawMessage          `json:"ContributionAnalysisDefaults,omitempty"`
	DataLabels                   json.RawMessage            `json:"DataLabels,omitempty"`
	DonutOptions                 *DonutOptions              `json:"DonutOptions,omitempty"`
	FieldWells                   *PieChartFieldWells        `json:"FieldWells,omitempty"`
	Interactions                 json.RawMessage            `json:"Interactions,omitempty"`
	Legend                       json.RawMessage            `json:"Legend,omitempty"`
	SmallMultiplesOptions        json.RawMessage            `json:"SmallMultiplesOptions,omitempty"`
	SortConfiguration            *PieChartSortConfiguration `json:"SortConfiguration,omitempty"`
	Tooltip                      json.RawMessage            `json:"Tooltip,omitempty"`
	ValueLabelOptions            json.RawMessage            `json:"ValueLabelOptions,omitempty"`
	VisualPalette                json.RawMessage            `json:"VisualPalette,omitempty"`
}

// PieChartFieldWells is QuickSight's PieChartFieldWells.
type PieChartFieldWells struct {
	PieChartAggregatedFieldWells *PieChartAggregatedFieldWells `json:"PieChartAggregatedFieldWells,omitempty"`
}

// PieChartAggregatedFieldWells is QuickSight's PieChartAggregatedFieldWells.
type PieChartAggregatedFieldWells struct {
	Category       []DimensionField `json:"Category,omitempty"`
	SmallMultiples []DimensionField `json:"SmallMultiples,omitempty"`
	Values         []MeasureField   `json:"Values,omitempty"`
}

// PieChartSortConfiguration is QuickSight's PieChartSortConfiguration.
type PieChartSortConfiguration struct {
	CategoryItemsLimit               *ItemsLimitConfiguration `json:"CategoryItemsLimit,omitempty"`
	CategorySort                     []FieldSortOptions       `json:"CategorySort,omitempty"`
	SmallMultiplesLimitConfiguration *ItemsLimitConfiguration `json:"SmallMultiplesLimitConfiguration,omitempty"`
	SmallMultiplesSort               []FieldSortOptions       `json:"SmallMultiplesSort,omitempty"`
}

// DonutOptions is QuickSight's DonutOptions.
type DonutOptions struct {
	ArcOptions         *ArcOptions     `json:"ArcOptions,omitempty"`
	DonutCenterOptions json.RawMessage `json:"DonutCenterOptions,omitempty"`
}

// ArcOptions is QuickSight's ArcOptions.
type ArcOptions struct {
	ArcThickness string `json:"ArcThickness,omitempty"`
}

// TableVisual is QuickSight's TableVisual.
type TableVisual struct {
	VisualId              string                      `json:"VisualId,omitempty"`
	Actions               []json.RawMessage           `json:"Actions,omitempty"`
	ChartConfiguration    *TableConfiguration         `json:"ChartConfiguration,omitempty"`
	ConditionalFormatting json.RawMessage             `json:"ConditionalFormatting,omitempty"`
	Subtitle              *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                 *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText  string                      `json:"VisualContentAltText,omitempty"`
}

// TableConfiguration is QuickSight's TableConfiguration.
type TableConfiguration struct {
	DashboardCustomizationVisualOptions json.RawMessage         `json:"DashboardCustomizationVisualOptions,omitempty"`
	FieldOptions                        json.RawMessage         `json:"FieldOptions,omitempty"`
	FieldWells                          *TableFieldWells        `json:"FieldWells,omitempty"`
	Interactions                        json.RawMessage         `json:"Interactions,omitempty"`
	PaginatedReportOptions              json.RawMessage         `json:"PaginatedReportOptions,omitempty"`
	SortConfiguration                   *TableSortConfiguration `json:"SortConfiguration,omitempty"`
	TableInlineVisualizations           []json.RawMessage       `json:"TableInlineVisualizations,omitempty"`
	TableOptions                        json.RawMessage         `json:"TableOptions,omitempty"`
	Tooltip                             json.RawMessage         `json:"Tooltip,omitempty"`
	TotalOptions                        json.RawMessage         `json:"TotalOptions,omitempty"`
}

// TableFieldWells is QuickSight's TableFieldWells.
type TableFieldWells struct {
	TableAggregatedFieldWells   *TableAggregatedFieldWells   `json:"TableAggregatedFieldWells,omitempty"`
	TableUnaggregatedFieldWells *TableUnaggregatedFieldWells `json:"TableUnaggregatedFieldWells,omitempty"`
}

// TableAggregatedFieldWells is QuickSight's TableAggregatedFieldWells.
type TableAggregatedFieldWells struct {
	GroupBy []DimensionField `json:"GroupBy,omitempty"`
	Values  []MeasureField   `json:"Values,omitempty"`
}

// TableUnaggregatedFieldWells is QuickSight's TableUnaggregatedFieldWells.
type TableUnaggregatedFieldWells struct {
	Values []UnaggregatedField `json:"Values,omitempty"`
}

// UnaggregatedField is QuickSight's UnaggregatedField.
type UnaggregatedField struct {
	Column              *ColumnIdentifier `json:"Column,omitempty"`
	FieldId             string            `json:"FieldId,omitempty"`
	FormatConfiguration json.RawMessage   `json:"FormatConfiguration,omitempty"`
}

// TableSortConfiguration is QuickSight's TableSortConfiguration.
type TableSortConfiguration struct {
	PaginationConfiguration json.RawMessage    `json:"PaginationConfiguration,omitempty"`
	RowSort                 []FieldSortOptions `json:"RowSort,omitempty"`
}

// PivotTableVisual is QuickSight's PivotTableVisual.
type PivotTableVisual struct {
	VisualId              string                      `json:"VisualId,omitempty"`
	Actions               []json.RawMessage           `json:"Actions,omitempty"`
	ChartConfiguration    *PivotTableConfiguration    `json:"ChartConfiguration,omitempty"`
	ConditionalFormatting json.RawMessage             `json:"ConditionalFormatting,omitempty"`
	Subtitle              *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                 *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText  string                      `json:"VisualContentAltText,omitempty"`
}

// PivotTableConfiguration is QuickSight's PivotTableConfiguration.
type PivotTableConfiguration struct {
	DashboardCustomizationVisualOptions json.RawMessage              `json:"DashboardCustomizationVisualOptions,omitempty"`
	FieldOptions                        json.RawMessage              `json:"FieldOptions,omitempty"`
	FieldWells                          *PivotTableFieldWells        `json:"FieldWells,omitempty"`
	Interactions                        json.RawMessage              `json:"Interactions,omitempty"`
	PaginatedReportOptions              json.RawMessage              `json:"PaginatedReportOptions,omitempty"`
	SortConfiguration                   *PivotTableSortConfiguration `json:"SortConfiguration,omitempty"`
	TableOptions                        json.RawMessage              `json:"TableOptions,omitempty"`
	Tooltip                             json.RawMessage              `json:"Tooltip,omitempty"`
	TotalOptions                        json.RawMessage              `json:"TotalOptions,omitempty"`
}

// PivotTableFieldWells is QuickSight's PivotTableFieldWells.
type PivotTableFieldWells struct {
	PivotTableAggregatedFieldWells *PivotTableAggregatedFieldWells `json:"PivotTableAggregatedFieldWells,omitempty"`
}

// PivotTableAggregatedFieldWells is QuickSight's PivotTableAggregatedFieldWells.
type PivotTableAggregatedFieldWells struct {
	Columns []DimensionField `json:"Columns,omitempty"`
	Rows    []DimensionField `json:"Rows,omitempty"`
	Values  []MeasureField   `json:"Values,omitempty"`
}

// PivotTableSortConfiguration is QuickSight's PivotTableSortConfiguration.
type PivotTableSortConfiguration struct {
	FieldSortOptions []PivotFieldSortOptions `json:"FieldSortOptions,omitempty"`
}

// PivotFieldSortOptions is QuickSight's PivotFieldSortOptions.
type PivotFieldSortOptions struct {
	FieldId string            `json:"FieldId,omitempty"`
	SortBy  *PivotTableSortBy `json:"SortBy,omitempty"`
}

// PivotTableSortBy is QuickSight's PivotTableSortBy.
type PivotTableSortBy struct {
	Column   *ColumnSort   `json:"Column,omitempty"`
	DataPath *DataPathSort `json:"DataPath,omitempty"`
	Field    *FieldSort    `json:"Field,omitempty"`
}

// DataPathSort is QuickSight's DataPathSort.
type DataPathSort struct {
	Direction string          `json:"Direction,omitempty"`
	SortPaths []DataPathValue `json:"SortPaths,omitempty"`
}

// DataPathValue is QuickSight's DataPathValue.
type DataPathValue struct {
	DataPathType json.RawMessage `json:"DataPathType,omitempty"`
	FieldId      string          `json:"FieldId,omitempty"`
	FieldValue   string          `json:"FieldValue,omitempty"`
}

// KPIVisual is QuickSight's KPIVisual.
type KPIVisual struct {
	VisualId              string                      `json:"VisualId,omitempty"`
	Actions               []json.RawMessage           `json:"Actions,omitempty"`
	ChartConfiguration    *KPIConfiguration           `json:"ChartConfiguration,omitempty"`
	ColumnHierarchies     []json.RawMessage           `json:"ColumnHierarchies,omitempty"`
	ConditionalFormatting json.RawMessage             `json:"ConditionalFormatting,omitempty"`
	Subtitle              *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                 *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText  string                      `json:"VisualContentAltText,omitempty"`
}

// KPIConfiguration is QuickSight's KPIConfiguration.
type KPIConfiguration struct {
	FieldWells        *KPIFieldWells        `json:"FieldWells,omitempty"`
	Interactions      json.RawMessage       `json:"Interactions,omitempty"`
	KPIOptions        json.RawMessage       `json:"KPIOptions,omitempty"`
	SortConfiguration *KPISortConfiguration `json:"SortConfiguration,omitempty"`
}

// KPIFieldWells is QuickSight's KPIFieldWells.
type KPIFieldWells struct {
	TargetValues []MeasureField   `json:"TargetValues,omitempty"`
	TrendGroups  []DimensionField `json:"TrendGroups,omitempty"`
	Values       []MeasureField   `json:"Values,omitempty"`
}

// KPISortConfiguration is QuickSight's KPISortConfiguration.
type KPISortConfiguration struct {
	TrendGroupSort []FieldSortOptions `json:"TrendGroupSort,omitempty"`
}

// ScatterPlotVisual is QuickSight's ScatterPlotVisual.
type ScatterPlotVisual struct {
	VisualId             string                      `json:"VisualId,omitempty"`
	Actions              []json.RawMessage           `json:"Actions,omitempty"`
	ChartConfiguration   *ScatterPlotConfiguration   `json:"ChartConfiguration,omitempty"`
	ColumnHierarchies    []json.RawMessage           `json:"ColumnHierarchies,omitempty"`
	Subtitle             *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText string                      `json:"VisualContentAltText,omitempty"`
}

// ScatterPlotConfiguration is QuickSight's ScatterPlotConfiguration.
type ScatterPlotConfiguration struct {
	DataLabels          json.RawMessage               `json:"DataLabels,omitempty"`
	FieldWells          *ScatterPlotFieldWells        `json:"FieldWells,omitempty"`
	Interactions        json.RawMessage               `json:"Interactions,omitempty"`
	Legend              json.RawMessage               `json:"Legend,omitempty"`
	SortConfiguration   *ScatterPlotSortConfiguration `json:"SortConfiguration,omitempty"`
	Tooltip             json.RawMessage               `json:"Tooltip,omitempty"`
	VisualPalette       json.RawMessage               `json:"VisualPalette,omitempty"`
	XAxisDisplayOptions json.RawMessage               `json:"XAxisDisplayOptions,omitempty"`
	XAxisLabelOptions   json.RawMessage               `json:"XAxisLabelOptions,omitempty"`
	YAxisDisplayOptions json.RawMessage               `json:"YAxisDisplayOptions,omitempty"`
	YAxisLabelOptions   json.RawMessage               `json:"YAxisLabelOptions,omitempty"`
}

// ScatterPlotFieldWells is QuickSight's ScatterPlotFieldWells.
type ScatterPlotFieldWells struct {
	ScatterPlotCategoricallyAggregatedFieldWells *ScatterPlotCategoricallyAggregatedFieldWells `json:"ScatterPlotCategoricallyAggregatedFieldWells,omitempty"`
	ScatterPlotUnaggregatedFieldWells            *ScatterPlotUnaggregatedFieldWells            `json:"ScatterPlotUnaggregatedFieldWells,omitempty"`
}

// ScatterPlotCategoricallyAggregatedFieldWells is QuickSight's ScatterPlotCategoricallyAggregatedFieldWells.
type ScatterPlotCategoricallyAggregatedFieldWells struct {
	Category []DimensionField `json:"Category,omitempty"`
	Label    []DimensionField `json:"Label,omitempty"`
	Size     []MeasureField   `json:"Size,omitempty"`
	XAxis    []MeasureField   `json:"XAxis,omitempty"`
	YAxis    []MeasureField   `json:"YAxis,omitempty"`
}

// ScatterPlotUnaggregatedFieldWells is QuickSight's ScatterPlotUnaggregatedFieldWells.
type ScatterPlotUnaggregatedFieldWells struct {
	Category []DimensionField `json:"Category,omitempty"`
	Label    []DimensionField `json:"Label,omitempty"`
	Size     []MeasureField   `json:"Size,omitempty"`
	XAxis    []DimensionField `json:"XAxis,omitempty"`
	YAxis    []DimensionField `json:"YAxis,omitempty"`
}

// ScatterPlotSortConfiguration is QuickSight's ScatterPlotSortConfiguration.
type ScatterPlotSortConfiguration struct {
	ScatterPlotLimitConfiguration *ItemsLimitConfiguration `json:"ScatterPlotLimitConfiguration,omitempty"`
}

// ComboChartVisual is QuickSight's ComboChartVisual.
type ComboChartVisual struct {
	VisualId             string                      `json:"VisualId,omitempty"`
	Actions              []json.RawMessage           `json:"Actions,omitempty"`
	ChartConfiguration   *ComboChartConfiguration    `json:"ChartConfiguration,omitempty"`
	ColumnHierarchies    []json.RawMessage           `json:"ColumnHierarchies,omitempty"`
	Subtitle             *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText string                      `json:"VisualContentAltText,omitempty"`
}

// ComboChartConfiguration is QuickSight's ComboChartConfiguration.
type ComboChartConfiguration struct {
	BarDataLabels                json.RawMessage              `json:"BarDataLabels,omitempty"`
	BarsArrangement              string                       `json:"BarsArrangement,omitempty"`
	CategoryAxis                 json.RawMessage              `json:"CategoryAxis,omitempty"`
	CategoryLabelOptions         json.RawMessage              `json:"CategoryLabelOptions,omitempty"`
	ColorLabelOptions            json.RawMessage              `json:"ColorLabelOptions,omitempty"`
	DefaultSeriesSettings        json.RawMessage              `json:"DefaultSeriesSettings,omitempty"`
	FieldWells                   *ComboChartFieldWells        `json:"FieldWells,omitempty"`
	Interactions                 json.RawMessage              `json:"Interactions,omitempty"`
	Legend                       json.RawMessage              `json:"Legend,omitempty"`
	LineDataLabels               json.RawMessage              `json:"LineDataLabels,omitempty"`
	PrimaryYAxisDisplayOptions   json.RawMessage              `json:"PrimaryYAxisDisplayOptions,omitempty"`
	PrimaryYAxisLabelOptions     json.RawMessage              `json:"PrimaryYAxisLabelOptions,omitempty"`
	ReferenceLines               []json.RawMessage            `json:"ReferenceLines,omitempty"`
	SecondaryYAxisDisplayOptions json.RawMessage              `json:"SecondaryYAxisDisplayOptions,omitempty"`
	SecondaryYAxisLabelOptions   json.RawMessage              `json:"SecondaryYAxisLabelOptions,omitempty"`
	Series                       []json.RawMessage            `json:"Series,omitempty"`
	SingleAxisOptions            json.RawMessage              `json:"SingleAxisOptions,omitempty"`
	SortConfiguration            *ComboChartSortConfiguration `json:"SortConfiguration,omitempty"`
	Tooltip                      json.RawMessage              `json:"Tooltip,omitempty"`
	VisualPalette                json.RawMessage              `json:"VisualPalette,omitempty"`
}

// ComboChartFieldWells is QuickSight's ComboChartFieldWells.
type ComboChartFieldWells struct {
	ComboChartAggregatedFieldWells *ComboChartAggregatedFieldWells `json:"ComboChartAggregatedFieldWells,omitempty"`
}

// ComboChartAggregatedFieldWells is QuickSight's ComboChartAggregatedFieldWells.
type ComboChartAggregatedFieldWells struct {
	BarValues  []MeasureField   `json:"BarValues,omitempty"`
	Category   []DimensionField `json:"Category,omitempty"`
	Colors     []DimensionField `json:"Colors,omitempty"`
	LineValues []MeasureField   `json:"LineValues,omitempty"`
}

// ComboChartSortConfiguration is QuickSight's ComboChartSortConfiguration.
type ComboChartSortConfiguration struct {
	CategoryItemsLimit *ItemsLimitConfiguration `json:"CategoryItemsLimit,omitempty"`
	CategorySort       []FieldSortOptions       `json:"CategorySort,omitempty"`
	ColorItemsLimit    *ItemsLimitConfiguration `json:"ColorItemsLimit,omitempty"`
	ColorSort          []FieldSortOptions       `json:"ColorSort,omitempty"`
}

// VisualTitleLabelOptions is QuickSight's VisualTitleLabelOptions.
type VisualTitleLabelOptions struct {
	FormatText *ShortFormatText `json:"FormatText,omitempty"`
	Visibility string           `json:"Visibility,omitempty"`
}

// ShortFormatText is QuickSight's ShortFormatText.
type ShortFormatText struct {
	PlainText string `json:"PlainText,omitempty"`
	RichText  string `json:"RichText,omitempty"`
}

// VisualSubtitleLabelOptions is QuickSight's VisualSubtitleLabelOptions.
type VisualSubtitleLabelOptions struct {
	FormatText *LongFormatText `json:"FormatText,omitempty"`
	Visibility string          `json:"Visibility,omitempty"`
}

// LongFormatText is QuickSight's LongFormatText.
type LongFormatText struct {
	PlainText string `json:"PlainText,omitempty"`
	RichText  string `json:"RichText,omitempty"`
}

// DimensionField is QuickSight's DimensionField.
type DimensionField struct {
	CategoricalDimensionField *CategoricalDimensionField `json:"CategoricalDimensionField,omitempty"`
	DateDimensionField        *DateDimensionField        `json:"DateDimensionField,omitempty"`
	NumericalDimensionField   *NumericalDimensionField   `json:"NumericalDimensionField,omitempty"`
}

// CategoricalDimensionField is QuickSight's CategoricalDimensionField.
type CategoricalDimensionField struct {
	Column              *ColumnIdentifier `json:"Column,omitempty"`
	FieldId             string            `json:"FieldId,omitempty"`
	FormatConfiguration json.RawMessage   `json:"FormatConfiguration,omitempty"`
	HierarchyId         string            `json:"HierarchyId,omitempty"`
}

// NumericalDimensionField is QuickSight's NumericalDimensionField.
type NumericalDimensionField struct {
	Column              *ColumnIdentifier `json:"Column,omitempty"`
	FieldId             string            `json:"FieldId,omitempty"`
	FormatConfiguration json.RawMessage   `json:"FormatConfiguration,omitempty"`
	HierarchyId         string            `json:"HierarchyId,omitempty"`
}

// DateDimensionField is QuickSight's DateDimensionField.
type DateDimensionField struct {
	Column              *ColumnIdentifier `json:"Column,omitempty"`
	FieldId             string            `json:"FieldId,omitempty"`
	DateGranularity     string            `json:"DateGranularity,omitempty"`
	FormatConfiguration json.RawMessage   `json:"FormatConfiguration,omitempty"`
	HierarchyId         string            `json:"HierarchyId,omitempty"`
}

// MeasureField is QuickSight's MeasureField.
type MeasureField struct {
	CalculatedMeasureField  *CalculatedMeasureField  `json:"CalculatedMeasureField,omitempty"`
	CategoricalMeasureField *CategoricalMeasureField `json:"CategoricalMeasureField,omitempty"`
	DateMeasureField        *DateMeasureField        `json:"DateMeasureField,omitempty"`
	NumericalMeasureField   *NumericalMeasureField   `json:"NumericalMeasureField,omitempty"`
}

// NumericalMeasureField is QuickSight's NumericalMeasureField.
type NumericalMeasureField struct {
	Column              *ColumnIdentifier             `json:"Column,omitempty"`
	FieldId             string                        `json:"FieldId,omitempty"`
	AggregationFunction *NumericalAggregationFunction `json:"AggregationFunction,omitempty"`
	FormatConfiguration json.RawMessage               `json:"FormatConfiguration,omitempty"`
}

// CategoricalMeasureField is QuickSight's CategoricalMeasureField.
type CategoricalMeasureField struct {
	Column              *ColumnIdentifier `json:"Column,omitempty"`
	FieldId             string            `json:"FieldId,omitempty"`
	AggregationFunction string            `json:"AggregationFunction,omitempty"`
	FormatConfiguration json.RawMessage   `json:"FormatConfiguration,omitempty"`
}

// DateMeasureField is QuickSight's DateMeasureField.
type DateMeasureField struct {
	Column              *ColumnIdentifier `json:"Column,omitempty"`
	FieldId             string            `json:"FieldId,omitempty"`
	AggregationFunction string            `json:"AggregationFunction,omitempty"`
	FormatConfiguration json.RawMessage   `json:"FormatConfiguration,omitempty"`
}

// CalculatedMeasureField is QuickSight's CalculatedMeasureField.
type CalculatedMeasureField struct {
	Expression string `json:"Expression,omitempty"`
	FieldId    string `json:"FieldId,omitempty"`
}

// FieldSortOptions is QuickSight's FieldSortOptions.
type FieldSortOptions struct {
	ColumnSort *ColumnSort `json:"ColumnSort,omitempty"`
	FieldSort  *FieldSort  `json:"FieldSort,omitempty"`
}

// FieldSort is QuickSight's FieldSort.
type FieldSort struct {
	Direction string `json:"Direction,omitempty"`
	FieldId   string `json:"FieldId,omitempty"`
}

// ColumnSort is QuickSight's ColumnSort.
type ColumnSort struct {
	Direction           string               `json:"Direction,omitempty"`
	SortBy              *ColumnIdentifier    `json:"SortBy,omitempty"`
	AggregationFunction *AggregationFunction `json:"AggregationFunction,omitempty"`
}

// ItemsLimitConfiguration is QuickSight's ItemsLimitConfiguration.
type ItemsLimitConfiguration struct {
	ItemsLimit      *int64 `json:"ItemsLimit,omitempty"`
	OtherCategories string `json:"OtherCategories,omitempty"`
}
