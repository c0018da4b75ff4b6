package definition

import "strings"

// KindPlugin is QuickSight's PluginVisual: a chart drawn by a plugin's own
// code from field wells and persisted properties. The Highcharts visual is
// the plugin Sightglass draws.
const KindPlugin = "PluginVisual"

// PluginVisual is QuickSight's PluginVisual.
type PluginVisual struct {
	VisualId             string                      `json:"VisualId,omitempty"`
	PluginArn            string                      `json:"PluginArn,omitempty"`
	ChartConfiguration   *PluginVisualConfiguration  `json:"ChartConfiguration,omitempty"`
	Subtitle             *VisualSubtitleLabelOptions `json:"Subtitle,omitempty"`
	Title                *VisualTitleLabelOptions    `json:"Title,omitempty"`
	VisualContentAltText string                      `json:"VisualContentAltText,omitempty"`
}

// PluginVisualConfiguration is QuickSight's PluginVisualConfiguration.
type PluginVisualConfiguration struct {
	FieldWells        []PluginVisualFieldWell `json:"FieldWells,omitempty"`
	SortConfiguration *struct {
		PluginVisualTableQuerySort *struct {
			RowSort                 []FieldSortOptions `json:"RowSort,omitempty"`
			ItemsLimitConfiguration *struct {
				ItemsLimit *int64 `json:"ItemsLimit,omitempty"`
			} `json:"ItemsLimitConfiguration,omitempty"`
		} `json:"PluginVisualTableQuerySort,omitempty"`
	} `json:"SortConfiguration,omitempty"`
	VisualOptions *struct {
		VisualProperties []PluginVisualProperty `json:"VisualProperties,omitempty"`
	} `json:"VisualOptions,omitempty"`
}

// PluginVisualFieldWell is QuickSight's PluginVisualFieldWell: the fields
// of one semantic axis (GROUP_BY or VALUE).
type PluginVisualFieldWell struct {
	AxisName     string              `json:"AxisName,omitempty"`
	Dimensions   []DimensionField    `json:"Dimensions,omitempty"`
	Measures     []MeasureField      `json:"Measures,omitempty"`
	Unaggregated []UnaggregatedField `json:"Unaggregated,omitempty"`
}

// PluginVisualProperty is one persisted property of a plugin visual.
type PluginVisualProperty struct {
	Name  string `json:"Name,omitempty"`
	Value string `json:"Value,omitempty"`
}

// HighchartsPlugin reports whether a plugin ARN names QuickSight's
// Highcharts visual (arn:aws:quicksight::aws:visualplugin/highcharts/...).
func HighchartsPlugin(arn string) bool {
	return strings.HasPrefix(arn, "arn:aws:quicksight::aws:visualplugin/highcharts/")
}

// Property returns the value of the persisted property named name.
func (c *PluginVisualConfiguration) Property(name string) (string, bool) {
	if c == nil || c.VisualOptions == nil {
		return "", false
	}
	for _, p := range c.VisualOptions.VisualProperties {
		if p.Name == name {
			return p.Value, true
		}
	}
	return "", false
}

// wells are a plugin visual's field wells, named by their axis.
func (v *PluginVisual) wells() []Well {
	if v.ChartConfiguration == nil {
		return nil
	}
	var out []Well
	for _, w := range v.ChartConfiguration.FieldWells {
		out = append(out, dims(w.AxisName, w.Dimensions), measures(w.AxisName, w.Measures))
		u := Well{Name: w.AxisName}
		for _, f := range w.Unaggregated {
			u.Fields = append(u.Fields, Field{Kind: "UnaggregatedField", FieldID: f.FieldId, Column: f.Column})
		}
		out = append(out, u)
	}
	return out
}
