package definition

import "encoding/json"

// HistogramVisual is QuickSight's HistogramVisual.
type HistogramVisual struct {
	VisualId             string                      `json:"VisualId,omitempty"`
	Actions              []json.RawMessage           `json:"Actions,omitempty"`
	ChartConfiguration   *HistogramConfiguration     `json:"ChartConfiguration,omitempty"`
	Subtitle             *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText string                      `json:"VisualContentAltText,omitempty"`
}

// HistogramConfiguration is QuickSight's HistogramConfiguration.
type HistogramConfiguration struct {
	BinOptions          *HistogramBinOptions `json:"BinOptions,omitempty"`
	DataLabels          json.RawMessage      `json:"DataLabels,omitempty"`
	FieldWells          *HistogramFieldWells `json:"FieldWells,omitempty"`
	Interactions        json.RawMessage      `json:"Interactions,omitempty"`
	Tooltip             json.RawMessage      `json:"Tooltip,omitempty"`
	VisualPalette       json.RawMessage      `json:"VisualPalette,omitempty"`
	XAxisDisplayOptions json.RawMessage      `json:"XAxisDisplayOptions,omitempty"`
	XAxisLabelOptions   json.RawMessage      `json:"XAxisLabelOptions,omitempty"`
	YAxisDisplayOptions json.RawMessage      `json:"YAxisDisplayOptions,omitempty"`
}

// HistogramFieldWells is QuickSight's HistogramFieldWells.
type HistogramFieldWells struct {
	HistogramAggregatedFieldWells *HistogramAggregatedFieldWells `json:"HistogramAggregatedFieldWells,omitempty"`
}

// HistogramAggregatedFieldWells is QuickSight's HistogramAggregatedFieldWells.
type HistogramAggregatedFieldWells struct {
	Values []MeasureField `json:"Values,omitempty"`
}

// HistogramBinOptions is QuickSight's HistogramBinOptions.
type HistogramBinOptions struct {
	SelectedBinType string           `json:"SelectedBinType,omitempty"` // BIN_COUNT, BIN_WIDTH
	BinCount        *BinCountOptions `json:"BinCount,omitempty"`
	BinWidth        *BinWidthOptions `json:"BinWidth,omitempty"`
	StartValue      *float64         `json:"StartValue,omitempty"`
}

// BinCountOptions is QuickSight's BinCountOptions.
type BinCountOptions struct {
	Value *int64 `json:"Value,omitempty"`
}

// BinWidthOptions is QuickSight's BinWidthOptions.
type BinWidthOptions struct {
	Value         *float64 `json:"Value,omitempty"`
	BinCountLimit *int64   `json:"BinCountLimit,omitempty"`
}

// BoxPlotVisual is QuickSight's BoxPlotVisual.
type BoxPlotVisual struct {
	VisualId             string                      `json:"VisualId,omitempty"`
	Actions              []json.RawMessage           `json:"Actions,omitempty"`
	ChartConfiguration   *BoxPlotChartConfiguration  `json:"ChartConfiguration,omitempty"`
	ColumnHierarchies    []json.RawMessage           `json:"ColumnHierarchies,omitempty"`
	Subtitle             *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText string                      `json:"VisualContentAltText,omitempty"`
}

// BoxPlotChartConfiguration is QuickSight's BoxPlotChartConfiguration.
type BoxPlotChartConfiguration struct {
	BoxPlotOptions             *BoxPlotOptions           `json:"BoxPlotOptions,omitempty"`
	CategoryAxis               json.RawMessage           `json:"CategoryAxis,omitempty"`
	CategoryLabelOptions       json.RawMessage           `json:"CategoryLabelOptions,omitempty"`
	FieldWells                 *BoxPlotFieldWells        `json:"FieldWells,omitempty"`
	Interactions               json.RawMessage           `json:"Interactions,omitempty"`
	Legend                     json.RawMessage           `json:"Legend,omitempty"`
	PrimaryYAxisDisplayOptions json.RawMessage           `json:"PrimaryYAxisDisplayOptions,omitempty"`
	PrimaryYAxisLabelOptions   json.RawMessage           `json:"PrimaryYAxisLabelOptions,omitempty"`
	ReferenceLines             []json.RawMessage         `json:"ReferenceLines,omitempty"`
	SortConfiguration          *BoxPlotSortConfiguration `json:"SortConfiguration,omitempty"`
	Tooltip                    json.RawMessage           `json:"Tooltip,omitempty"`
	VisualPalette              json.RawMessage           `json:"VisualPalette,omitempty"`
}

// BoxPlotFieldWells is QuickSight's BoxPlotFieldWells.
type BoxPlotFieldWells struct {
	BoxPlotAggregatedFieldWells *BoxPlotAggregatedFieldWells `json:"BoxPlotAggregatedFieldWells,omitempty"`
}

// BoxPlotAggregatedFieldWells is QuickSight's BoxPlotAggregatedFieldWells.
type BoxPlotAggregatedFieldWells struct {
	GroupBy []DimensionField `json:"GroupBy,omitempty"`
	Values  []MeasureField   `json:"Values,omitempty"`
}

// BoxPlotSortConfiguration is QuickSight's BoxPlotSortConfiguration.
type BoxPlotSortConfiguration struct {
	CategorySort            []FieldSortOptions `json:"CategorySort,omitempty"`
	PaginationConfiguration json.RawMessage    `json:"PaginationConfiguration,omitempty"`
}

// BoxPlotOptions is QuickSight's BoxPlotOptions.
type BoxPlotOptions struct {
	AllDataPointsVisibility string          `json:"AllDataPointsVisibility,omitempty"` // HIDDEN, VISIBLE
	OutlierVisibility       string          `json:"OutlierVisibility,omitempty"`       // HIDDEN, VISIBLE
	StyleOptions            json.RawMessage `json:"StyleOptions,omitempty"`
}

// SankeyDiagramVisual is QuickSight's SankeyDiagramVisual.
type SankeyDiagramVisual struct {
	VisualId             string                           `json:"VisualId,omitempty"`
	Actions              []json.RawMessage                `json:"Actions,omitempty"`
	ChartConfiguration   *SankeyDiagramChartConfiguration `json:"ChartConfiguration,omitempty"`
	Subtitle             *VisualSubtitleLabelOptions      `json:"Subtitle,omitempty"`
	Title                *VisualTitleLabelOptions         `json:"Title,omitempty"`
	VisualContentAltText string                           `json:"VisualContentAltText,omitempty"`
}

// SankeyDiagramChartConfiguration is QuickSight's SankeyDiagramChartConfiguration.
type SankeyDiagramChartConfiguration struct {
	DataLabels        json.RawMessage                 `json:"DataLabels,omitempty"`
	FieldWells        *SankeyDiagramFieldWells        `json:"FieldWells,omitempty"`
	Interactions      json.RawMessage                 `json:"Interactions,omitempty"`
	SortConfiguration *SankeyDiagramSortConfiguration `json:"SortConfiguration,omitempty"`
}

// SankeyDiagramFieldWells is QuickSight's SankeyDiagramFieldWells.
type SankeyDiagramFieldWells struct {
	SankeyDiagramAggregatedFieldWells *SankeyDiagramAggregatedFieldWells `json:"SankeyDiagramAggregatedFieldWells,omitempty"`
}

// SankeyDiagramAggregatedFieldWells is QuickSight's SankeyDiagramAggregatedFieldWells.
type SankeyDiagramAggregatedFieldWells struct {
	Source      []DimensionField `json:"Source,omitempty"`
	Destination []DimensionField `json:"Destination,omitempty"`
	Weight      []MeasureField   `json:"Weight,omitempty"`
}

// SankeyDiagramSortConfiguration is QuickSight's SankeyDiagramSortConfiguration.
type SankeyDiagramSortConfiguration struct {
	WeightSort            []FieldSortOptions       `json:"WeightSort,omitempty"`
	SourceItemsLimit      *ItemsLimitConfiguration `json:"SourceItemsLimit,omitempty"`
	DestinationItemsLimit *ItemsLimitConfiguration `json:"DestinationItemsLimit,omitempty"`
}

// WordCloudVisual is QuickSight's WordCloudVisual.
type WordCloudVisual struct {
	VisualId             string                       `json:"VisualId,omitempty"`
	Actions              []json.RawMessage            `json:"Actions,omitempty"`
	ChartConfiguration   *WordCloudChartConfiguration `json:"ChartConfiguration,omitempty"`
	ColumnHierarchies    []json.RawMessage            `json:"ColumnHierarchies,omitempty"`
	Subtitle             *VisualSubtitleLabelOptions  `json:"Subtitle,omitempty"`
	Title                *VisualTitleLabelOptions     `json:"Title,omitempty"`
	VisualContentAltText string                       `json:"VisualContentAltText,omitempty"`
}

// WordCloudChartConfiguration is QuickSight's WordCloudChartConfiguration.
type WordCloudChartConfiguration struct {
	CategoryLabelOptions json.RawMessage             `json:"CategoryLabelOptions,omitempty"`
	FieldWells           *WordCloudFieldWells        `json:"FieldWells,omitempty"`
	Interactions         json.RawMessage             `json:"Interactions,omitempty"`
	SortConfiguration    *WordCloudSortConfiguration `json:"SortConfiguration,omitempty"`
	WordCloudOptions     *WordCloudOptions           `json:"WordCloudOptions,omitempty"`
}

// WordCloudFieldWells is QuickSight's WordCloudFieldWells.
type WordCloudFieldWells struct {
	WordCloudAggregatedFieldWells *WordCloudAggregatedFieldWells `json:"WordCloudAggregatedFieldWells,omitempty"`
}

// WordCloudAggregatedFieldWells is QuickSight's WordCloudAggregatedFieldWells.
type WordCloudAggregatedFieldWells struct {
	GroupBy []DimensionField `json:"GroupBy,omitempty"`
	Size    []MeasureField   `json:"Size,omitempty"`
}

// WordCloudSortConfiguration is QuickSight's WordCloudSortConfiguration.
type WordCloudSortConfiguration struct {
	CategoryItemsLimit *ItemsLimitConfiguration `json:"CategoryItemsLimit,omitempty"`
	CategorySort       []FieldSortOptions       `json:"CategorySort,omitempty"`
}

// WordCloudOptions is QuickSight's WordCloudOptions.
type WordCloudOptions struct {
	CloudLayout         string `json:"CloudLayout,omitempty"`
	MaximumStringLength *int64 `json:"MaximumStringLength,omitempty"`
	WordCasing          string `json:"WordCasing,omitempty"` // LOWER_CASE, EXISTING_CASE
	WordOrientation     string `json:"WordOrientation,omitempty"`
	WordPadding         string `json:"WordPadding,omitempty"`
	WordScaling         string `json:"WordScaling,omitempty"` // EMPHASIZE, NORMAL
}
