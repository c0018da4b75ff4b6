package definition

import "encoding/json"

// The heat map, tree map, funnel, gauge and waterfall visuals: the members
// the viewer reads are typed, the others kept as JSON.

// HeatMapVisual is QuickSight's HeatMapVisual.
type HeatMapVisual struct {
	VisualId             string                      `json:"VisualId,omitempty"`
	Actions              []json.RawMessage           `json:"Actions,omitempty"`
	ChartConfiguration   *HeatMapConfiguration       `json:"ChartConfiguration,omitempty"`
	ColumnHierarchies    []json.RawMessage           `json:"ColumnHierarchies,omitempty"`
	Subtitle             *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText string                      `json:"VisualContentAltText,omitempty"`
}

// HeatMapConfiguration is QuickSight's HeatMapConfiguration.
type HeatMapConfiguration struct {
	ColorScale               *ColorScale               `json:"ColorScale,omitempty"`
	ColumnAxisDisplayOptions json.RawMessage           `json:"ColumnAxisDisplayOptions,omitempty"`
	ColumnLabelOptions       json.RawMessage           `json:"ColumnLabelOptions,omitempty"`
	DataLabels               json.RawMessage           `json:"DataLabels,omitempty"`
	FieldWells               *HeatMapFieldWells        `json:"FieldWells,omitempty"`
	Interactions             json.RawMessage           `json:"Interactions,omitempty"`
	Legend                   json.RawMessage           `json:"Legend,omitempty"`
	RowAxisDisplayOptions    json.RawMessage           `json:"RowAxisDisplayOptions,omitempty"`
	RowLabelOptions          json.RawMessage           `json:"RowLabelOptions,omitempty"`
	SortConfiguration        *HeatMapSortConfiguration `json:"SortConfiguration,omitempty"`
	Tooltip                  json.RawMessage           `json:"Tooltip,omitempty"`
}

// HeatMapFieldWells is QuickSight's HeatMapFieldWells.
type HeatMapFieldWells struct {
	HeatMapAggregatedFieldWells *HeatMapAggregatedFieldWells `json:"HeatMapAggregatedFieldWells,omitempty"`
}

// HeatMapAggregatedFieldWells is QuickSight's HeatMapAggregatedFieldWells.
type HeatMapAggregatedFieldWells struct {
	Columns []DimensionField `json:"Columns,omitempty"`
	Rows    []DimensionField `json:"Rows,omitempty"`
	Values  []MeasureField   `json:"Values,omitempty"`
}

// HeatMapSortConfiguration is QuickSight's HeatMapSortConfiguration.
type HeatMapSortConfiguration struct {
	HeatMapColumnItemsLimitConfiguration *ItemsLimitConfiguration `json:"HeatMapColumnItemsLimitConfiguration,omitempty"`
	HeatMapColumnSort                    []FieldSortOptions       `json:"HeatMapColumnSort,omitempty"`
	HeatMapRowItemsLimitConfiguration    *ItemsLimitConfiguration `json:"HeatMapRowItemsLimitConfiguration,omitempty"`
	HeatMapRowSort                       []FieldSortOptions       `json:"HeatMapRowSort,omitempty"`
}

// ColorScale is QuickSight's ColorScale.
type ColorScale struct {
	ColorFillType  string      `json:"ColorFillType,omitempty"` // DISCRETE or GRADIENT
	Colors         []DataColor `json:"Colors,omitempty"`
	NullValueColor *DataColor  `json:"NullValueColor,omitempty"`
}

// DataColor is QuickSight's DataColor.
type DataColor struct {
	Color     string   `json:"Color,omitempty"`
	DataValue *float64 `json:"DataValue,omitempty"`
}

// TreeMapVisual is QuickSight's TreeMapVisual.
type TreeMapVisual struct {
	VisualId             string                      `json:"VisualId,omitempty"`
	Actions              []json.RawMessage           `json:"Actions,omitempty"`
	ChartConfiguration   *TreeMapConfiguration       `json:"ChartConfiguration,omitempty"`
	ColumnHierarchies    []json.RawMessage           `json:"ColumnHierarchies,omitempty"`
	Subtitle             *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText string                      `json:"VisualContentAltText,omitempty"`
}

// TreeMapConfiguration is QuickSight's TreeMapConfiguration.
type TreeMapConfiguration struct {
	ColorLabelOptions json.RawMessage           `json:"ColorLabelOptions,omitempty"`
	ColorScale        *ColorScale               `json:"ColorScale,omitempty"`
	DataLabels        json.RawMessage           `json:"DataLabels,omitempty"`
	FieldWells        *TreeMapFieldWells        `json:"FieldWells,omitempty"`
	GroupLabelOptions json.RawMessage           `json:"GroupLabelOptions,omitempty"`
	Interactions      json.RawMessage           `json:"Interactions,omitempty"`
	Legend            json.RawMessage           `json:"Legend,omitempty"`
	SizeLabelOptions  json.RawMessage           `json:"SizeLabelOptions,omitempty"`
	SortConfiguration *TreeMapSortConfiguration `json:"SortConfiguration,omitempty"`
	Tooltip           json.RawMessage           `json:"Tooltip,omitempty"`
}

// TreeMapFieldWells is QuickSight's TreeMapFieldWells.
type TreeMapFieldWells struct {
	TreeMapAggregatedFieldWells *TreeMapAggregatedFieldWells `json:"TreeMapAggregatedFieldWells,omitempty"`
}

// TreeMapAggregatedFieldWells is QuickSight's TreeMapAggregatedFieldWells.
type TreeMapAggregatedFieldWells struct {
	Colors []MeasureField   `json:"Colors,omitempty"`
	Groups []DimensionField `json:"Groups,omitempty"`
	Sizes  []MeasureField   `json:"Sizes,omitempty"`
}

// TreeMapSortConfiguration is QuickSight's TreeMapSortConfiguration.
type TreeMapSortConfiguration struct {
	TreeMapGroupItemsLimitConfiguration *ItemsLimitConfiguration `json:"TreeMapGroupItemsLimitConfiguration,omitempty"`
	TreeMapSort                         []FieldSortOptions       `json:"TreeMapSort,omitempty"`
}

// FunnelChartVisual is QuickSight's FunnelChartVisual.
type FunnelChartVisual struct {
	VisualId             string                      `json:"VisualId,omitempty"`
	Actions              []json.RawMessage           `json:"Actions,omitempty"`
	ChartConfiguration   *FunnelChartConfiguration   `json:"ChartConfiguration,omitempty"`
	ColumnHierarchies    []json.RawMessage           `json:"ColumnHierarchies,omitempty"`
	Subtitle             *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText string                      `json:"VisualContentAltText,omitempty"`
}

// FunnelChartConfiguration is QuickSight's FunnelChartConfiguration.
type FunnelChartConfiguration struct {
	CategoryLabelOptions json.RawMessage               `json:"CategoryLabelOptions,omitempty"`
	DataLabelOptions     json.RawMessage               `json:"DataLabelOptions,omitempty"`
	FieldWells           *FunnelChartFieldWells        `json:"FieldWells,omitempty"`
	Interactions         json.RawMessage               `json:"Interactions,omitempty"`
	SortConfiguration    *FunnelChartSortConfiguration `json:"SortConfiguration,omitempty"`
	Tooltip              json.RawMessage               `json:"Tooltip,omitempty"`
	ValueLabelOptions    json.RawMessage               `json:"ValueLabelOptions,omitempty"`
	VisualPalette        json.RawMessage               `json:"VisualPalette,omitempty"`
}

// FunnelChartFieldWells is QuickSight's FunnelChartFieldWells.
type FunnelChartFieldWells struct {
	FunnelChartAggregatedFieldWells *FunnelChartAggregatedFieldWells `json:"FunnelChartAggregatedFieldWells,omitempty"`
}

// FunnelChartAggregatedFieldWells is QuickSight's FunnelChartAggregatedFieldWells.
type FunnelChartAggregatedFieldWells struct {
	Category []DimensionField `json:"Category,omitempty"`
	Values   []MeasureField   `json:"Values,omitempty"`
}

// FunnelChartSortConfiguration is QuickSight's FunnelChartSortConfiguration.
type FunnelChartSortConfiguration struct {
	CategoryItemsLimit *ItemsLimitConfiguration `json:"CategoryItemsLimit,omitempty"`
	CategorySort       []FieldSortOptions       `json:"CategorySort,omitempty"`
}

// GaugeChartVisual is QuickSight's GaugeChartVisual.
type GaugeChartVisual struct {
	VisualId              string                      `json:"VisualId,omitempty"`
	Actions               []json.RawMessage           `json:"Actions,omitempty"`
	ChartConfiguration    *GaugeChartConfiguration    `json:"ChartConfiguration,omitempty"`
	ConditionalFormatting json.RawMessage             `json:"ConditionalFormatting,omitempty"`
	Subtitle              *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                 *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText  string                      `json:"VisualContentAltText,omitempty"`
}

// GaugeChartConfiguration is QuickSight's GaugeChartConfiguration.
type GaugeChartConfiguration struct {
	ColorConfiguration json.RawMessage       `json:"ColorConfiguration,omitempty"`
	DataLabels         json.RawMessage       `json:"DataLabels,omitempty"`
	FieldWells         *GaugeChartFieldWells `json:"FieldWells,omitempty"`
	GaugeChartOptions  *GaugeChartOptions    `json:"GaugeChartOptions,omitempty"`
	Interactions       json.RawMessage       `json:"Interactions,omitempty"`
	TooltipOptions     json.RawMessage       `json:"TooltipOptions,omitempty"`
	VisualPalette      json.RawMessage       `json:"VisualPalette,omitempty"`
}

// GaugeChartFieldWells is QuickSight's GaugeChartFieldWells.
type GaugeChartFieldWells struct {
	TargetValues []MeasureField `json:"TargetValues,omitempty"`
	Values       []MeasureField `json:"Values,omitempty"`
}

// GaugeChartOptions is QuickSight's GaugeChartOptions.
type GaugeChartOptions struct {
	Arc                           json.RawMessage          `json:"Arc,omitempty"`
	ArcAxis                       *ArcAxisConfiguration    `json:"ArcAxis,omitempty"`
	Comparison                    *ComparisonConfiguration `json:"Comparison,omitempty"`
	PrimaryValueDisplayType       string                   `json:"PrimaryValueDisplayType,omitempty"` // HIDDEN, COMPARISON, ACTUAL
	PrimaryValueFontConfiguration json.RawMessage          `json:"PrimaryValueFontConfiguration,omitempty"`
}

// ArcAxisConfiguration is QuickSight's ArcAxisConfiguration.
type ArcAxisConfiguration struct {
	Range        *ArcAxisDisplayRange `json:"Range,omitempty"`
	ReserveRange int32                `json:"ReserveRange,omitempty"`
}

// ArcAxisDisplayRange is QuickSight's ArcAxisDisplayRange.
type ArcAxisDisplayRange struct {
	Max *float64 `json:"Max,omitempty"`
	Min *float64 `json:"Min,omitempty"`
}

// ComparisonConfiguration is QuickSight's ComparisonConfiguration.
type ComparisonConfiguration struct {
	ComparisonFormat json.RawMessage `json:"ComparisonFormat,omitempty"`
	ComparisonMethod string          `json:"ComparisonMethod,omitempty"` // DIFFERENCE, PERCENT_DIFFERENCE, PERCENT
}

// WaterfallVisual is QuickSight's WaterfallVisual.
type WaterfallVisual struct {
	VisualId             string                       `json:"VisualId,omitempty"`
	Actions              []json.RawMessage            `json:"Actions,omitempty"`
	ChartConfiguration   *WaterfallChartConfiguration `json:"ChartConfiguration,omitempty"`
	ColumnHierarchies    []json.RawMessage            `json:"ColumnHierarchies,omitempty"`
	Subtitle             *VisualSubtitleLabelOptions  `json:"Subtitle,omitempty"`
	Title                *VisualTitleLabelOptions     `json:"Title,omitempty"`
	VisualContentAltText string                       `json:"VisualContentAltText,omitempty"`
}

// WaterfallChartConfiguration is QuickSight's WaterfallChartConfiguration.
type WaterfallChartConfiguration struct {
	CategoryAxisDisplayOptions json.RawMessage                  `json:"CategoryAxisDisplayOptions,omitempty"`
	CategoryAxisLabelOptions   json.RawMessage                  `json:"CategoryAxisLabelOptions,omitempty"`
	ColorConfiguration         json.RawMessage                  `json:"ColorConfiguration,omitempty"`
	DataLabels                 json.RawMessage                  `json:"DataLabels,omitempty"`
	FieldWells                 *WaterfallChartFieldWells        `json:"FieldWells,omitempty"`
	Interactions               json.RawMessage                  `json:"Interactions,omitempty"`
	Legend                     json.RawMessage                  `json:"Legend,omitempty"`
	PrimaryYAxisDisplayOptions json.RawMessage                  `json:"PrimaryYAxisDisplayOptions,omitempty"`
	PrimaryYAxisLabelOptions   json.RawMessage                  `json:"PrimaryYAxisLabelOptions,omitempty"`
	SortConfiguration          *WaterfallChartSortConfiguration `json:"SortConfiguration,omitempty"`
	VisualPalette              json.RawMessage                  `json:"VisualPalette,omitempty"`
	WaterfallChartOptions      *WaterfallChartOptions           `json:"WaterfallChartOptions,omitempty"`
}

// WaterfallChartFieldWells is QuickSight's WaterfallChartFieldWells.
type WaterfallChartFieldWells struct {
	WaterfallChartAggregatedFieldWells *WaterfallChartAggregatedFieldWells `json:"WaterfallChartAggregatedFieldWells,omitempty"`
}

// WaterfallChartAggregatedFieldWells is QuickSight's WaterfallChartAggregatedFieldWells.
type WaterfallChartAggregatedFieldWells struct {
	Breakdowns []DimensionField `json:"Breakdowns,omitempty"`
	Categories []DimensionField `json:"Categories,omitempty"`
	Values     []MeasureField   `json:"Values,omitempty"`
}

// WaterfallChartSortConfiguration is QuickSight's WaterfallChartSortConfiguration.
type WaterfallChartSortConfiguration struct {
	BreakdownItemsLimit *ItemsLimitConfiguration `json:"BreakdownItemsLimit,omitempty"`
	CategorySort        []FieldSortOptions       `json:"CategorySort,omitempty"`
}

// WaterfallChartOptions is QuickSight's WaterfallChartOptions.
type WaterfallChartOptions struct {
	TotalBarLabel string `json:"TotalBarLabel,omitempty"`
}
