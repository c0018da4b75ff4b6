package definition

import "encoding/json"

// FilledMapVisual is QuickSight's FilledMapVisual: regions shaded by a
// measure.
type FilledMapVisual struct {
	VisualId              string                      `json:"VisualId,omitempty"`
	Actions               []json.RawMessage           `json:"Actions,omitempty"`
	ChartConfiguration    *FilledMapConfiguration     `json:"ChartConfiguration,omitempty"`
	ColumnHierarchies     []json.RawMessage           `json:"ColumnHierarchies,omitempty"`
	ConditionalFormatting json.RawMessage             `json:"ConditionalFormatting,omitempty"`
	GeocodingPreferences  []json.RawMessage           `json:"GeocodingPreferences,omitempty"`
	Subtitle              *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                 *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText  string                      `json:"VisualContentAltText,omitempty"`
}

// FilledMapConfiguration is QuickSight's FilledMapConfiguration; the
// members the viewer does not read are kept raw.
type FilledMapConfiguration struct {
	FieldWells        *FilledMapFieldWells `json:"FieldWells,omitempty"`
	SortConfiguration json.RawMessage      `json:"SortConfiguration,omitempty"`
	Legend            json.RawMessage      `json:"Legend,omitempty"`
	Tooltip           json.RawMessage      `json:"Tooltip,omitempty"`
	WindowOptions     *MapWindowOptions    `json:"WindowOptions,omitempty"`
	MapStyleOptions   json.RawMessage      `json:"MapStyleOptions,omitempty"`
	Interactions      json.RawMessage      `json:"Interactions,omitempty"`
}

// FilledMapFieldWells is QuickSight's FilledMapFieldWells.
type FilledMapFieldWells struct {
	FilledMapAggregatedFieldWells *FilledMapAggregatedFieldWells `json:"FilledMapAggregatedFieldWells,omitempty"`
}

// FilledMapAggregatedFieldWells is QuickSight's
// FilledMapAggregatedFieldWells: one location field, one color measure.
type FilledMapAggregatedFieldWells struct {
	Geospatial []DimensionField `json:"Geospatial,omitempty"`
	Values     []MeasureField   `json:"Values,omitempty"`
}

// GeospatialMapVisual is QuickSight's GeospatialMapVisual: points on a
// map, sized by a measure.
type GeospatialMapVisual struct {
	VisualId             string                      `json:"VisualId,omitempty"`
	Actions              []json.RawMessage           `json:"Actions,omitempty"`
	ChartConfiguration   *GeospatialMapConfiguration `json:"ChartConfiguration,omitempty"`
	ColumnHierarchies    []json.RawMessage           `json:"ColumnHierarchies,omitempty"`
	GeocodingPreferences []json.RawMessage           `json:"GeocodingPreferences,omitempty"`
	Subtitle             *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText string                      `json:"VisualContentAltText,omitempty"`
}

// GeospatialMapConfiguration is QuickSight's GeospatialMapConfiguration;
// the members the viewer does not read are kept raw.
type GeospatialMapConfiguration struct {
	FieldWells        *GeospatialMapFieldWells `json:"FieldWells,omitempty"`
	Legend            json.RawMessage          `json:"Legend,omitempty"`
	Tooltip           json.RawMessage          `json:"Tooltip,omitempty"`
	WindowOptions     *MapWindowOptions        `json:"WindowOptions,omitempty"`
	MapStyleOptions   json.RawMessage          `json:"MapStyleOptions,omitempty"`
	PointStyleOptions *PointStyleOptions       `json:"PointStyleOptions,omitempty"`
	VisualPalette     json.RawMessage          `json:"VisualPalette,omitempty"`
	Interactions      json.RawMessage          `json:"Interactions,omitempty"`
}

// GeospatialMapFieldWells is QuickSight's GeospatialMapFieldWells.
type GeospatialMapFieldWells struct {
	GeospatialMapAggregatedFieldWells *GeospatialMapAggregatedFieldWells `json:"GeospatialMapAggregatedFieldWells,omitempty"`
}

// GeospatialMapAggregatedFieldWells is QuickSight's
// GeospatialMapAggregatedFieldWells: location fields (a latitude and a
// longitude), a size measure and a color dimension.
type GeospatialMapAggregatedFieldWells struct {
	Geospatial []DimensionField `json:"Geospatial,omitempty"`
	Values     []MeasureField   `json:"Values,omitempty"`
	Colors     []DimensionField `json:"Colors,omitempty"`
}

// MapWindowOptions is QuickSight's GeospatialWindowOptions: the map's
// initial bounds.
type MapWindowOptions struct {
	Bounds *struct {
		North, South, West, East float64
	} `json:"Bounds,omitempty"`
	MapZoomMode string `json:"MapZoomMode,omitempty"` // AUTO, MANUAL
}

// PointStyleOptions is QuickSight's GeospatialPointStyleOptions: points
// drawn as they are, in clusters or as a heat map, with the clusters'
// color and the heat map's color scale.
type PointStyleOptions struct {
	SelectedPointStyle         string `json:"SelectedPointStyle,omitempty"` // POINT, CLUSTER, HEATMAP
	ClusterMarkerConfiguration *struct {
		ClusterMarker *struct {
			SimpleClusterMarker *struct {
				Color string `json:"Color,omitempty"`
			} `json:"SimpleClusterMarker,omitempty"`
		} `json:"ClusterMarker,omitempty"`
	} `json:"ClusterMarkerConfiguration,omitempty"`
	HeatmapConfiguration *struct {
		HeatmapColor *struct {
			Colors []struct {
				Color string `json:"Color"`
			} `json:"Colors,omitempty"`
		} `json:"HeatmapColor,omitempty"`
	} `json:"HeatmapConfiguration,omitempty"`
}
