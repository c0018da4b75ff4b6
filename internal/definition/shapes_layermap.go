package definition

import "encoding/json"

// KindLayerMap is QuickSight's LayerMapVisual: shapes of GeoJSON files,
// in layers, each optionally joined to the visual's dataset and colored
// by a field.
const KindLayerMap = "LayerMapVisual"

// LayerMapVisual is QuickSight's LayerMapVisual.
type LayerMapVisual struct {
	VisualId             string                           `json:"VisualId,omitempty"`
	DataSetIdentifier    string                           `json:"DataSetIdentifier,omitempty"`
	ChartConfiguration   *GeospatialLayerMapConfiguration `json:"ChartConfiguration,omitempty"`
	Subtitle             *VisualSubtitleLabelOptions      `json:"Subtitle,omitempty"`
	Title                *VisualTitleLabelOptions         `json:"Title,omitempty"`
	VisualContentAltText string                           `json:"VisualContentAltText,omitempty"`
}

// GeospatialLayerMapConfiguration is QuickSight's
// GeospatialLayerMapConfiguration.
type GeospatialLayerMapConfiguration struct {
	Legend    json.RawMessage `json:"Legend,omitempty"`
	MapLayers []GeospatialLayerItem
	MapState  *struct {
		Bounds *struct {
			North, South, West, East float64
		} `json:"Bounds,omitempty"`
		MapNavigation string `json:"MapNavigation,omitempty"` // ENABLED, DISABLED
	} `json:"MapState,omitempty"`
	MapStyle *struct {
		BackgroundColor   string `json:"BackgroundColor,omitempty"`
		BaseMapStyle      string `json:"BaseMapStyle,omitempty"`
		BaseMapVisibility string `json:"BaseMapVisibility,omitempty"`
	} `json:"MapStyle,omitempty"`
	Interactions json.RawMessage `json:"Interactions,omitempty"`
}

// GeospatialLayerItem is QuickSight's GeospatialLayerItem: one layer.
type GeospatialLayerItem struct {
	LayerId    string `json:"LayerId,omitempty"`
	LayerType  string `json:"LayerType,omitempty"` // POINT, LINE, POLYGON
	Label      string `json:"Label,omitempty"`
	Visibility string `json:"Visibility,omitempty"` // VISIBLE, HIDDEN
	DataSource *struct {
		StaticFileDataSource *struct {
			StaticFileId string `json:"StaticFileId,omitempty"`
		} `json:"StaticFileDataSource,omitempty"`
	} `json:"DataSource,omitempty"`
	LayerDefinition *GeospatialLayerDefinition     `json:"LayerDefinition,omitempty"`
	JoinDefinition  *GeospatialLayerJoinDefinition `json:"JoinDefinition,omitempty"`
	Tooltip         json.RawMessage                `json:"Tooltip,omitempty"`
	Actions         json.RawMessage                `json:"Actions,omitempty"`
}

// GeospatialLayerDefinition is QuickSight's GeospatialLayerDefinition:
// the style of a point, line or polygon layer.
type GeospatialLayerDefinition struct {
	PointLayer *struct {
		Style *struct {
			CircleSymbolStyle *GeospatialSymbolStyle `json:"CircleSymbolStyle,omitempty"`
		} `json:"Style,omitempty"`
	} `json:"PointLayer,omitempty"`
	LineLayer *struct {
		Style *struct {
			LineSymbolStyle *GeospatialSymbolStyle `json:"LineSymbolStyle,omitempty"`
		} `json:"Style,omitempty"`
	} `json:"LineLayer,omitempty"`
	PolygonLayer *struct {
		Style *struct {
			PolygonSymbolStyle *GeospatialSymbolStyle `json:"PolygonSymbolStyle,omitempty"`
		} `json:"Style,omitempty"`
	} `json:"PolygonLayer,omitempty"`
}

// GeospatialSymbolStyle holds the members of QuickSight's circle, line
// and polygon symbol styles.
type GeospatialSymbolStyle struct {
	FillColor    *GeospatialColor `json:"FillColor,omitempty"`
	StrokeColor  *GeospatialColor `json:"StrokeColor,omitempty"`
	StrokeWidth  *GeospatialWidth `json:"StrokeWidth,omitempty"`
	LineWidth    *GeospatialWidth `json:"LineWidth,omitempty"`
	CircleRadius *struct {
		Radius *float64 `json:"Radius,omitempty"`
	} `json:"CircleRadius,omitempty"`
}

// GeospatialWidth is QuickSight's GeospatialLineWidth.
type GeospatialWidth struct {
	LineWidth *float64 `json:"LineWidth,omitempty"`
}

// GeospatialColor is QuickSight's GeospatialColor: one color, a gradient
// over a measure, or colors by category.
type GeospatialColor struct {
	Solid *struct {
		Color string `json:"Color,omitempty"`
		State string `json:"State,omitempty"` // ENABLED, DISABLED
	} `json:"Solid,omitempty"`
	Gradient *struct {
		StepColors []struct {
			Color     string  `json:"Color,omitempty"`
			DataValue float64 `json:"DataValue"`
		} `json:"StepColors,omitempty"`
		NullDataVisibility string                  `json:"NullDataVisibility,omitempty"`
		NullDataSettings   *GeospatialNullSettings `json:"NullDataSettings,omitempty"`
		DefaultOpacity     *float64                `json:"DefaultOpacity,omitempty"`
	} `json:"Gradient,omitempty"`
	Categorical *struct {
		CategoryDataColors []struct {
			Color     string `json:"Color,omitempty"`
			DataValue string `json:"DataValue,omitempty"`
		} `json:"CategoryDataColors,omitempty"`
		NullDataVisibility string                  `json:"NullDataVisibility,omitempty"`
		NullDataSettings   *GeospatialNullSettings `json:"NullDataSettings,omitempty"`
		DefaultOpacity     *float64                `json:"DefaultOpacity,omitempty"`
	} `json:"Categorical,omitempty"`
}

// GeospatialNullSettings is QuickSight's GeospatialNullDataSettings: how
// a shape without data is drawn.
type GeospatialNullSettings struct {
	SymbolStyle *struct {
		FillColor   string   `json:"FillColor,omitempty"`
		StrokeColor string   `json:"StrokeColor,omitempty"`
		StrokeWidth *float64 `json:"StrokeWidth,omitempty"`
	} `json:"SymbolStyle,omitempty"`
}

// GeospatialLayerJoinDefinition is QuickSight's
// GeospatialLayerJoinDefinition: a layer's shapes matched to the
// dataset's rows by a property and a field, and colored by a field.
type GeospatialLayerJoinDefinition struct {
	ShapeKeyField   string                     `json:"ShapeKeyField,omitempty"`
	DatasetKeyField *UnaggregatedField         `json:"DatasetKeyField,omitempty"`
	ColorField      *GeospatialLayerColorField `json:"ColorField,omitempty"`
}

// GeospatialLayerColorField is QuickSight's GeospatialLayerColorField: a
// dimension or a measure a joined layer's shapes are colored by.
type GeospatialLayerColorField struct {
	ColorDimensionsFields []DimensionField `json:"ColorDimensionsFields,omitempty"`
	ColorValuesFields     []MeasureField   `json:"ColorValuesFields,omitempty"`
}

// StaticFile is where one of a definition's static files is: a URL or an
// S3 object.
type StaticFile struct {
	StaticFileID string
	URL          string
	Bucket, Key  string
}

// staticFileSource is the member of a StaticFile union.
type staticFileSource struct {
	StaticFileId string
	Source       *struct {
		UrlOptions *struct{ Url string }
		S3Options  *struct{ BucketName, ObjectKey string }
	}
}

// SpatialStaticFile returns the definition's spatial static file with id.
func (d *Definition) SpatialStaticFile(id string) (StaticFile, bool) { return d.staticFile(id, false) }

// ImageStaticFile returns the definition's image static file with id.
func (d *Definition) ImageStaticFile(id string) (StaticFile, bool) { return d.staticFile(id, true) }

func (d *Definition) staticFile(id string, image bool) (StaticFile, bool) {
	var files []struct {
		SpatialStaticFile *staticFileSource
		ImageStaticFile   *staticFileSource
	}
	if len(d.StaticFiles) == 0 || json.Unmarshal(d.StaticFiles, &files) != nil {
		return StaticFile{}, false
	}
	for _, f := range files {
		s := f.SpatialStaticFile
		if image {
			s = f.ImageStaticFile
		}
		if s == nil || s.StaticFileId != id {
			continue
		}
		out := StaticFile{StaticFileID: id}
		if s.Source != nil && s.Source.UrlOptions != nil {
			out.URL = s.Source.UrlOptions.Url
		}
		if s.Source != nil && s.Source.S3Options != nil {
			out.Bucket, out.Key = s.Source.S3Options.BucketName, s.Source.S3Options.ObjectKey
		}
		return out, true
	}
	return StaticFile{}, false
}

// wells are the fields of a layer map's joined layers: each one's dataset
// key (an unaggregated field) and color field.
func (v *LayerMapVisual) wells() []Well {
	if v.ChartConfiguration == nil {
		return nil
	}
	var out []Well
	for _, l := range v.ChartConfiguration.MapLayers {
		j := l.JoinDefinition
		if j == nil {
			continue
		}
		if k := j.DatasetKeyField; k != nil && k.Column != nil {
			out = append(out, Well{Name: "DatasetKeyField", Fields: []Field{{Kind: "UnaggregatedField", FieldID: k.FieldId, Column: k.Column}}})
		}
		if c := j.ColorField; c != nil {
			out = append(out, dims("ColorDimensionsFields", c.ColorDimensionsFields), measures("ColorValuesFields", c.ColorValuesFields))
		}
	}
	return out
}
