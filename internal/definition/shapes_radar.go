package definition

import "encoding/json"

// RadarChartVisual is QuickSight's RadarChartVisual.
type RadarChartVisual struct {
	VisualId             string                      `json:"VisualId,omitempty"`
	Actions              []json.RawMessage           `json:"Actions,omitempty"`
	ChartConfiguration   *RadarChartConfiguration    `json:"ChartConfiguration,omitempty"`
	ColumnHierarchies    []json.RawMessage           `json:"ColumnHierarchies,omitempty"`
	Subtitle             *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText string                      `json:"VisualContentAltText,omitempty"`
}

// RadarChartConfiguration is QuickSight's RadarChartConfiguration; the
// members the viewer does not read are kept raw.
type RadarChartConfiguration struct {
	FieldWells                    *RadarChartFieldWells        `json:"FieldWells,omitempty"`
	SortConfiguration             *RadarChartSortConfiguration `json:"SortConfiguration,omitempty"`
	Shape                         string                       `json:"Shape,omitempty"` // CIRCLE, POLYGON
	BaseSeriesSettings            *RadarChartSeriesSettings    `json:"BaseSeriesSettings,omitempty"`
	StartAngle                    *float64                     `json:"StartAngle,omitempty"`
	AxesRangeScale                string                       `json:"AxesRangeScale,omitempty"` // AUTO, INDEPENDENT, SHARED
	VisualPalette                 json.RawMessage              `json:"VisualPalette,omitempty"`
	AlternateBandColorsVisibility string                       `json:"AlternateBandColorsVisibility,omitempty"`
	AlternateBandEvenColor        string                       `json:"AlternateBandEvenColor,omitempty"`
	AlternateBandOddColor         string                       `json:"AlternateBandOddColor,omitempty"`
	CategoryAxis                  json.RawMessage              `json:"CategoryAxis,omitempty"`
	CategoryLabelOptions          json.RawMessage              `json:"CategoryLabelOptions,omitempty"`
	ColorAxis                     json.RawMessage              `json:"ColorAxis,omitempty"`
	ColorLabelOptions             json.RawMessage              `json:"ColorLabelOptions,omitempty"`
	Legend                        json.RawMessage              `json:"Legend,omitempty"`
	Interactions                  json.RawMessage              `json:"Interactions,omitempty"`
}

// RadarChartFieldWells is QuickSight's RadarChartFieldWells.
type RadarChartFieldWells struct {
	RadarChartAggregatedFieldWells *RadarChartAggregatedFieldWells `json:"RadarChartAggregatedFieldWells,omitempty"`
}

// RadarChartAggregatedFieldWells is QuickSight's RadarChartAggregatedFieldWells.
type RadarChartAggregatedFieldWells struct {
	Category []DimensionField `json:"Category,omitempty"`
	Color    []DimensionField `json:"Color,omitempty"`
	Values   []MeasureField   `json:"Values,omitempty"`
}

// RadarChartSortConfiguration is QuickSight's RadarChartSortConfiguration.
type RadarChartSortConfiguration struct {
	CategorySort       []FieldSortOptions       `json:"CategorySort,omitempty"`
	CategoryItemsLimit *ItemsLimitConfiguration `json:"CategoryItemsLimit,omitempty"`
	ColorSort          []FieldSortOptions       `json:"ColorSort,omitempty"`
	ColorItemsLimit    *ItemsLimitConfiguration `json:"ColorItemsLimit,omitempty"`
}

// RadarChartSeriesSettings is QuickSight's RadarChartSeriesSettings.
type RadarChartSeriesSettings struct {
	AreaStyleSettings *struct {
		Visibility string `json:"Visibility,omitempty"`
	} `json:"AreaStyleSettings,omitempty"`
}
