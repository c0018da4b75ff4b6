package authoring

// WellSpec is one field well of a visual type: its member name, whether
// it holds measures (aggregated fields) or dimensions, and a label.
type WellSpec struct {
	Name    string
	Measure bool
	Label   string
}

// KindSpec is a visual type the editor builds: its union member, the
// member of FieldWells that holds its wells ("" when the wells are
// FieldWells' own members), and the wells in the order the editor shows
// them.
type KindSpec struct {
	Kind      string
	Label     string
	Container string
	Wells     []WellSpec
}

// Kinds are the visual types the editor offers: the types the viewer draws,
// each with its aggregated field wells.
var Kinds = []KindSpec{
	{"BarChartVisual", "Bar chart", "BarChartAggregatedFieldWells", []WellSpec{{"Category", false, "X axis"}, {"Values", true, "Value"}, {"Colors", false, "Group/Color"}, {"SmallMultiples", false, "Small multiples"}}},
	{"LineChartVisual", "Line chart", "LineChartAggregatedFieldWells", []WellSpec{{"Category", false, "X axis"}, {"Values", true, "Value"}, {"Colors", false, "Color"}, {"SmallMultiples", false, "Small multiples"}}},
	{"PieChartVisual", "Pie chart", "PieChartAggregatedFieldWells", []WellSpec{{"Category", false, "Group/Color"}, {"Values", true, "Value"}, {"SmallMultiples", false, "Small multiples"}}},
	{"TableVisual", "Table", "TableAggregatedFieldWells", []WellSpec{{"GroupBy", false, "Group by"}, {"Values", true, "Value"}}},
	{"PivotTableVisual", "Pivot table", "PivotTableAggregatedFieldWells", []WellSpec{{"Rows", false, "Rows"}, {"Columns", false, "Columns"}, {"Values", true, "Values"}}},
	{"KPIVisual", "KPI", "", []WellSpec{{"Values", true, "Value"}, {"TargetValues", true, "Target value"}, {"TrendGroups", false, "Trend group"}}},
	{"ScatterPlotVisual", "Scatter plot", "ScatterPlotCategoricallyAggregatedFieldWells", []WellSpec{{"XAxis", true, "X axis"}, {"YAxis", true, "Y axis"}, {"Category", false, "Group/Color"}, {"Size", true, "Size"}, {"Label", false, "Label"}}},
	{"ComboChartVisual", "Combo chart", "ComboChartAggregatedFieldWells", []WellSpec{{"Category", false, "X axis"}, {"BarValues", true, "Bars"}, {"LineValues", true, "Lines"}, {"Colors", false, "Group/Color for bars"}}},
	{"HeatMapVisual", "Heat map", "HeatMapAggregatedFieldWells", []WellSpec{{"Rows", false, "Rows"}, {"Columns", false, "Columns"}, {"Values", true, "Values"}}},
	{"TreeMapVisual", "Tree map", "TreeMapAggregatedFieldWells", []WellSpec{{"Groups", false, "Group by"}, {"Sizes", true, "Size"}, {"Colors", true, "Color"}}},
	{"FunnelChartVisual", "Funnel chart", "FunnelChartAggregatedFieldWells", []WellSpec{{"Category", false, "Group"}, {"Values", true, "Value"}}},
	{"GaugeChartVisual", "Gauge chart", "", []WellSpec{{"Values", true, "Value"}, {"TargetValues", true, "Target value"}}},
	{"WaterfallVisual", "Waterfall chart", "WaterfallChartAggregatedFieldWells", []WellSpec{{"Categories", false, "Category"}, {"Values", true, "Value"}, {"Breakdowns", false, "Breakdown"}}},
	{"HistogramVisual", "Histogram", "HistogramAggregatedFieldWells", []WellSpec{{"Values", true, "Value"}}},
	{"BoxPlotVisual", "Box plot", "BoxPlotAggregatedFieldWells", []WellSpec{{"GroupBy", false, "Group by"}, {"Values", true, "Value"}}},
	{"SankeyDiagramVisual", "Sankey diagram", "SankeyDiagramAggregatedFieldWells", []WellSpec{{"Source", false, "Source"}, {"Destination", false, "Destination"}, {"Weight", true, "Weight"}}},
	{"WordCloudVisual", "Word cloud", "WordCloudAggregatedFieldWells", []WellSpec{{"GroupBy", false, "Group by"}, {"Size", true, "Size"}}},
	{"RadarChartVisual", "Radar chart", "RadarChartAggregatedFieldWells", []WellSpec{{"Category", false, "Category"}, {"Values", true, "Value"}, {"Color", false, "Color"}}},
	{"FilledMapVisual", "Filled map", "FilledMapAggregatedFieldWells", []WellSpec{{"Geospatial", false, "Location"}, {"Values", true, "Color"}}},
	{"GeospatialMapVisual", "Points on map", "GeospatialMapAggregatedFieldWells", []WellSpec{{"Geospatial", false, "Geospatial"}, {"Values", true, "Size"}, {"Colors", false, "Color"}}},
}

// Kind returns the spec of a visual type.
func Kind(kind string) (*KindSpec, bool) {
	for i := range Kinds {
		if Kinds[i].Kind == kind {
			return &Kinds[i], true
		}
	}
	return nil, false
}

// Well returns the spec of one of the kind's wells.
func (k *KindSpec) Well(name string) (*WellSpec, bool) {
	for i := range k.Wells {
		if k.Wells[i].Name == name {
			return &k.Wells[i], true
		}
	}
	return nil, false
}
