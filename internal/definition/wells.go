package definition

// A uniform view of the field wells of the visuals Sightglass renders, so
// that a viewer can turn any of them into a query without knowing each
// visual's shapes.

// Field is one field of a field well, whatever its kind.
type Field struct {
	// Kind is the member name: CategoricalDimensionField,
	// NumericalDimensionField, DateDimensionField, NumericalMeasureField,
	// CategoricalMeasureField, DateMeasureField, CalculatedMeasureField or
	// UnaggregatedField.
	Kind    string
	FieldID string
	// Column is nil for a calculated measure.
	Column *ColumnIdentifier
	// Measure reports whether the field is aggregated.
	Measure bool
	// DateGranularity is set for date dimensions (YEAR, QUARTER, MONTH, …).
	DateGranularity string
	// Aggregation is a measure's function: SUM, AVERAGE, MIN, MAX, COUNT,
	// DISTINCT_COUNT, VAR, VARP, STDEV, STDEVP, MEDIAN, or PERCENTILE (with
	// Percentile set). "" for a numerical measure without one means SUM.
	Aggregation string
	Percentile  *float64
	// Expression is a calculated measure's expression.
	Expression string
}

// Well is one field well of a visual: its member name (Category, Values,
// Colors, SmallMultiples, GroupBy, Rows, Columns, TrendGroups,
// TargetValues, XAxis, YAxis, Size, Label, BarValues, LineValues, Groups,
// Sizes, Categories, Breakdowns) and its fields in order.
type Well struct {
	Name   string
	Fields []Field
}

// Field returns the dimension as a Field (Kind "" if no member is set).
func (d *DimensionField) Field() Field {
	switch {
	case d.CategoricalDimensionField != nil:
		f := d.CategoricalDimensionField
		return Field{Kind: "CategoricalDimensionField", FieldID: f.FieldId, Column: f.Column}
	case d.NumericalDimensionField != nil:
		f := d.NumericalDimensionField
		return Field{Kind: "NumericalDimensionField", FieldID: f.FieldId, Column: f.Column}
	case d.DateDimensionField != nil:
		f := d.DateDimensionField
		return Field{Kind: "DateDimensionField", FieldID: f.FieldId, Column: f.Column, DateGranularity: f.DateGranularity}
	}
	return Field{}
}

// Field returns the measure as a Field (Kind "" if no member is set).
func (m *MeasureField) Field() Field {
	switch {
	case m.NumericalMeasureField != nil:
		f := m.NumericalMeasureField
		out := Field{Kind: "NumericalMeasureField", FieldID: f.FieldId, Column: f.Column, Measure: true, Aggregation: "SUM"}
		if a := f.AggregationFunction; a != nil {
			switch {
			case a.PercentileAggregation != nil:
				out.Aggregation, out.Percentile = "PERCENTILE", a.PercentileAggregation.PercentileValue
			case a.SimpleNumericalAggregation != "":
				out.Aggregation = a.SimpleNumericalAggregation
			}
		}
		return out
	case m.CategoricalMeasureField != nil:
		f := m.CategoricalMeasureField
		return Field{Kind: "CategoricalMeasureField", FieldID: f.FieldId, Column: f.Column, Measure: true, Aggregation: orDefault(f.AggregationFunction, "COUNT")}
	case m.DateMeasureField != nil:
		f := m.DateMeasureField
		return Field{Kind: "DateMeasureField", FieldID: f.FieldId, Column: f.Column, Measure: true, Aggregation: orDefault(f.AggregationFunction, "COUNT")}
	case m.CalculatedMeasureField != nil:
		f := m.CalculatedMeasureField
		return Field{Kind: "CalculatedMeasureField", FieldID: f.FieldId, Measure: true, Expression: f.Expression}
	}
	return Field{}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func dims(name string, list []DimensionField) Well {
	w := Well{Name: name}
	for i := range list {
		w.Fields = append(w.Fields, list[i].Field())
	}
	return w
}

func measures(name string, list []MeasureField) Well {
	w := Well{Name: name}
	for i := range list {
		w.Fields = append(w.Fields, list[i].Field())
	}
	return w
}

// Wells returns the visual's non-empty field wells, dimensions before
// measures, or nil for kinds Sightglass does not render and visuals
// without field wells. A table with unaggregated wells has one well,
// "Values", of UnaggregatedField fields.
func (v *Visual) Wells() []Well {
	var all []Well
	switch {
	case v.BarChartVisual != nil:
		if c := v.BarChartVisual.ChartConfiguration; c != nil && c.FieldWells != nil && c.FieldWells.BarChartAggregatedFieldWells != nil {
			w := c.FieldWells.BarChartAggregatedFieldWells
			all = []Well{dims("Category", w.Category), dims("Colors", w.Colors), dims("SmallMultiples", w.SmallMultiples), measures("Values", w.Values)}
		}
	case v.LineChartVisual != nil:
		if c := v.LineChartVisual.ChartConfiguration; c != nil && c.FieldWells != nil && c.FieldWells.LineChartAggregatedFieldWells != nil {
			w := c.FieldWells.LineChartAggregatedFieldWells
			all = []Well{dims("Category", w.Category), dims("Colors", w.Colors), dims("SmallMultiples", w.SmallMultiples), measures("Values", w.Values)}
		}
	case v.PieChartVisual != nil:
		if c := v.PieChartVisual.ChartConfiguration; c != nil && c.FieldWells != nil && c.FieldWells.PieChartAggregatedFieldWells != nil {
			w := c.FieldWells.PieChartAggregatedFieldWells
			all = []Well{dims("Category", w.Category), dims("SmallMultiples", w.SmallMultiples), measures("Values", w.Values)}
		}
	case v.TableVisual != nil:
		if c := v.TableVisual.ChartConfiguration; c != nil && c.FieldWells != nil {
			if w := c.FieldWells.TableAggregatedFieldWells; w != nil {
				all = []Well{dims("GroupBy", w.GroupBy), measures("Values", w.Values)}
			} else if w := c.FieldWells.TableUnaggregatedFieldWells; w != nil {
				u := Well{Name: "Values"}
				for _, f := range w.Values {
					u.Fields = append(u.Fields, Field{Kind: "UnaggregatedField", FieldID: f.FieldId, Column: f.Column})
				}
				all = []Well{u}
			}
		}
	case v.PivotTableVisual != nil:
		if c := v.PivotTableVisual.ChartConfiguration; c != nil && c.FieldWells != nil && c.FieldWells.PivotTableAggregatedFieldWells != nil {
			w := c.FieldWells.PivotTableAggregatedFieldWells
			all = []Well{dims("Rows", w.Rows), dims("Columns", w.Columns), measures("Values", w.Values)}
		}
	case v.KPIVisual != nil:
		if c := v.KPIVisual.ChartConfiguration; c != nil && c.FieldWells != nil {
			w := c.FieldWells
			all = []Well{dims("TrendGroups", w.TrendGroups), measures("Values", w.Values), measures("TargetValues", w.TargetValues)}
		}
	case v.ScatterPlotVisual != nil:
		if c := v.ScatterPlotVisual.ChartConfiguration; c != nil && c.FieldWells != nil {
			if w := c.FieldWells.ScatterPlotCategoricallyAggregatedFieldWells; w != nil {
				all = []Well{dims("Category", w.Category), dims("Label", w.Label), measures("XAxis", w.XAxis), measures("YAxis", w.YAxis), measures("Size", w.Size)}
			} else if w := c.FieldWells.ScatterPlotUnaggregatedFieldWells; w != nil {
				all = []Well{dims("Category", w.Category), dims("Label", w.Label), dims("XAxis", w.XAxis), dims("YAxis", w.YAxis), measures("Size", w.Size)}
			}
		}
	case v.ComboChartVisual != nil:
		if c := v.ComboChartVisual.ChartConfiguration; c != nil && c.FieldWells != nil && c.FieldWells.ComboChartAggregatedFieldWells != nil {
			w := c.FieldWells.ComboChartAggregatedFieldWells
			all = []Well{dims("Category", w.Category), dims("Colors", w.Colors), measures("BarValues", w.BarValues), measures("LineValues", w.LineValues)}
		}
	case v.HeatMapVisual != nil:
		if c := v.HeatMapVisual.ChartConfiguration; c != nil && c.FieldWells != nil && c.FieldWells.HeatMapAggregatedFieldWells != nil {
			w := c.FieldWells.HeatMapAggregatedFieldWells
			all = []Well{dims("Rows", w.Rows), dims("Columns", w.Columns), measures("Values", w.Values)}
		}
	case v.TreeMapVisual != nil:
		if c := v.TreeMapVisual.ChartConfiguration; c != nil && c.FieldWells != nil && c.FieldWells.TreeMapAggregatedFieldWells != nil {
			w := c.FieldWells.TreeMapAggregatedFieldWells
			all = []Well{dims("Groups", w.Groups), measures("Sizes", w.Sizes), measures("Colors", w.Colors)}
		}
	case v.FunnelChartVisual != nil:
		if c := v.FunnelChartVisual.ChartConfiguration; c != nil && c.FieldWells != nil && c.FieldWells.FunnelChartAggregatedFieldWells != nil {
			w := c.FieldWells.FunnelChartAggregatedFieldWells
			all = []Well{dims("Category", w.Category), measures("Values", w.Values)}
		}
	case v.GaugeChartVisual != nil:
		if c := v.GaugeChartVisual.ChartConfiguration; c != nil && c.FieldWells != nil {
			w := c.FieldWells
			all = []Well{measures("Values", w.Values), measures("TargetValues", w.TargetValues)}
		}
	case v.WaterfallVisual != nil:
		if c := v.WaterfallVisual.ChartConfiguration; c != nil && c.FieldWells != nil && c.FieldWells.WaterfallChartAggregatedFieldWells != nil {
			w := c.FieldWells.WaterfallChartAggregatedFieldWells
			all = []Well{dims("Categories", w.Categories), dims("Breakdowns", w.Breakdowns), measures("Values", w.Values)}
		}
	case v.HistogramVisual != nil:
		if c := v.HistogramVisual.ChartConfiguration; c != nil && c.FieldWells != nil && c.FieldWells.HistogramAggregatedFieldWells != nil {
			all = []Well{measures("Values", c.FieldWells.HistogramAggregatedFieldWells.Values)}
		}
	case v.BoxPlotVisual != nil:
		if c := v.BoxPlotVisual.ChartConfiguration; c != nil && c.FieldWells != nil && c.FieldWells.BoxPlotAggregatedFieldWells != nil {
			w := c.FieldWells.BoxPlotAggregatedFieldWells
			all = []Well{dims("GroupBy", w.GroupBy), measures("Values", w.Values)}
		}
	case v.SankeyDiagramVisual != nil:
		if c := v.SankeyDiagramVisual.ChartConfiguration; c != nil && c.FieldWells != nil && c.FieldWells.SankeyDiagramAggregatedFieldWells != nil {
			w := c.FieldWells.SankeyDiagramAggregatedFieldWells
			all = []Well{dims("Source", w.Source), dims("Destination", w.Destination), measures("Weight", w.Weight)}
		}
	case v.WordCloudVisual != nil:
		if c := v.WordCloudVisual.ChartConfiguration; c != nil && c.FieldWells != nil && c.FieldWells.WordCloudAggregatedFieldWells != nil {
			w := c.FieldWells.WordCloudAggregatedFieldWells
			all = []Well{dims("GroupBy", w.GroupBy), measures("Size", w.Size)}
		}
	case v.RadarChartVisual != nil:
		if c := v.RadarChartVisual.ChartConfiguration; c != nil && c.FieldWells != nil && c.FieldWells.RadarChartAggregatedFieldWells != nil {
			w := c.FieldWells.RadarChartAggregatedFieldWells
			all = []Well{dims("Category", w.Category), dims("Color", w.Color), measures("Values", w.Values)}
		}
	case v.FilledMapVisual != nil:
		if c := v.FilledMapVisual.ChartConfiguration; c != nil && c.FieldWells != nil && c.FieldWells.FilledMapAggregatedFieldWells != nil {
			w := c.FieldWells.FilledMapAggregatedFieldWells
			all = []Well{dims("Geospatial", w.Geospatial), measures("Values", w.Values)}
		}
	case v.GeospatialMapVisual != nil:
		if c := v.GeospatialMapVisual.ChartConfiguration; c != nil && c.FieldWells != nil && c.FieldWells.GeospatialMapAggregatedFieldWells != nil {
			w := c.FieldWells.GeospatialMapAggregatedFieldWells
			all = []Well{dims("Geospatial", w.Geospatial), dims("Colors", w.Colors), measures("Values", w.Values)}
		}
	case v.LayerMapVisual != nil:
		all = v.LayerMapVisual.wells()
	case v.PluginVisual != nil:
		all = v.PluginVisual.wells()
	}
	var out []Well
	for _, w := range all {
		if len(w.Fields) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// Title returns the visual's title text (plain, else rich), or "" when it
// has none or hides it.
func (v *Visual) Title() string {
	var t *VisualTitleLabelOptions
	switch {
	case v.BarChartVisual != nil:
		t = v.BarChartVisual.Title
	case v.LineChartVisual != nil:
		t = v.LineChartVisual.Title
	case v.PieChartVisual != nil:
		t = v.PieChartVisual.Title
	case v.TableVisual != nil:
		t = v.TableVisual.Title
	case v.PivotTableVisual != nil:
		t = v.PivotTableVisual.Title
	case v.KPIVisual != nil:
		t = v.KPIVisual.Title
	case v.ScatterPlotVisual != nil:
		t = v.ScatterPlotVisual.Title
	case v.ComboChartVisual != nil:
		t = v.ComboChartVisual.Title
	case v.HeatMapVisual != nil:
		t = v.HeatMapVisual.Title
	case v.TreeMapVisual != nil:
		t = v.TreeMapVisual.Title
	case v.FunnelChartVisual != nil:
		t = v.FunnelChartVisual.Title
	case v.GaugeChartVisual != nil:
		t = v.GaugeChartVisual.Title
	case v.WaterfallVisual != nil:
		t = v.WaterfallVisual.Title
	case v.HistogramVisual != nil:
		t = v.HistogramVisual.Title
	case v.BoxPlotVisual != nil:
		t = v.BoxPlotVisual.Title
	case v.SankeyDiagramVisual != nil:
		t = v.SankeyDiagramVisual.Title
	case v.WordCloudVisual != nil:
		t = v.WordCloudVisual.Title
	case v.RadarChartVisual != nil:
		t = v.RadarChartVisual.Title
	case v.FilledMapVisual != nil:
		t = v.FilledMapVisual.Title
	case v.GeospatialMapVisual != nil:
		t = v.GeospatialMapVisual.Title
	case v.LayerMapVisual != nil:
		t = v.LayerMapVisual.Title
	case v.PluginVisual != nil:
		t = v.PluginVisual.Title
	}
	if t == nil || t.Visibility == "HIDDEN" || t.FormatText == nil {
		return ""
	}
	if t.FormatText.PlainText != "" {
		return t.FormatText.PlainText
	}
	return RichTextPlain(t.FormatText.RichText)
}
