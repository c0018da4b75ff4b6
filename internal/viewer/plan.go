package viewer

import (
	"strconv"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// Default row limits of a visual's question, so that one visual cannot
// pull a whole dataset into a page.
const (
	chartLimit   = 500
	tableLimit   = 1000
	scatterLimit = 2000
	pivotLimit   = 2000
)

// plan is what a supported visual asks and how its answer is drawn.
type plan struct {
	kind       string // definition.Kind*
	dataSet    string // DataSetIdentifier
	category   []field
	colors     []field
	values     []field
	lineValues []field // combo; a tree map's color measure
	targets    []field // KPI
	sort       []query.Sort
	limit      int
	horizontal bool
	stacked    bool
	// secondary holds a line chart's measures drawn on its secondary y
	// axis, by field id (lineaxes.go).
	secondary map[string]bool
	// multiples is a bar, line or pie chart's SmallMultiples field: a
	// panel per value (multiples.go), with how many and in what order.
	multiples []field
	panels    panelOptions
	// funnelLabels is a funnel's MeasureDataLabelStyle (funnel.go).
	funnelLabels string
	percent      bool // bars stacked to 100 %: each a share of its category's bars
	donut        bool
	calc         []query.CalculatedField // inline calculated measures
	// maxRows, when set, is the most rows the visual draws: a result with
	// more is refused rather than cut (the limit asks for one more).
	maxRows int
	// unsupported names the options of the visual that would change its
	// numbers and that Sightglass does not apply; the tile says so.
	unsupported []string
	colorScale  *definition.ColorScale
	gauge       *definition.GaugeChartOptions
	kpi         *kpiOptions // a KPI's comparison and primary value
	totalLabel  string      // a waterfall's total bar
	// measureSteps: a waterfall without categories whose steps are its
	// Values (waterfall.go).
	measureSteps bool
	totals       *tableTotals // a table's total row (tabletotals.go)
	pivotTotals  *pivotTotals // a pivot's totals (pivottotals.go)
	tableStyle   *tableStyle  // a table's cell styles (tablestyle.go)
	pivotStyle   *pivotStyle  // a pivot's cell styles (pivottablestyle.go)
	// styleNotes name what a table's or pivot's cell styles set that is
	// not drawn; the tile shows them.
	styleNotes []string
	// pivotOrder orders a pivot's rows and columns (pivotsort.go).
	pivotOrder *pivotOrder
	hist       *histogram
	box        *boxPlot
	words      *definition.WordCloudOptions
	radar      *radarPlan
	geo        *mapPlan
	// catLimit, when set, keeps the first catLimit categories of a chart
	// with a Colors field (every color of each), in the category sort.
	catLimit int
	// otherLimit, when set, keeps a chart's first otherLimit categories
	// and gathers the rest into "Other" (othercat.go).
	otherLimit int
	// rankCat, when set, ranks a chart's categories by this measure over
	// all their colors before catLimit or otherLimit (rankedlimit.go).
	rankCat *query.Sort
	// colorLimit, when set, keeps a chart's first colorLimit colors as
	// colorRank ranks them; colorOther gathers the rest into "Other".
	colorLimit int
	colorOther bool
	colorRank  query.Sort
	// allColors: a ColorItemsLimit without an ItemsLimit, every color
	// drawn; a cut answer is refused.
	allColors bool
	// asked, when set, are a chart's items limits asked of the data: its
	// numbers are not sums of the answer's cells (otherask.go).
	asked []*askedLimit
	// heatKeep, when set, keeps a heat map's first rows [0] or columns
	// [1] in the axis's sort (heatmap.go).
	heatKeep [2]int
	// heatBy, when set, orders a heat map's rows [0] or columns [1] by its
	// measure over each of them (heatorder.go).
	heatBy [2]*heatMeasureOrder
	// sankeySrc and sankeyDst, when set, keep a Sankey diagram's heaviest
	// sources and destinations.
	sankeySrc, sankeyDst int
	// singleAxis: a combo chart's lines share the bars' Y axis
	// (comboaxis.go).
	singleAxis bool
	// linesByCategory: a combo chart's lines fold its Colors field's rows
	// into one value per category (comboline.go).
	linesByCategory bool
	// sortLost: a sort option named a field the visual does not show, so
	// its order is not the visual's; an items limit over it is refused.
	sortLost bool
}

// refuse records an option the plan cannot honour.
func (p *plan) refuse(what string) { p.unsupported = append(p.unsupported, what) }

// recordsID is the id of the count of records a visual with dimensions and
// no measure draws.
const recordsID = "__records"

// countRecords adds a count of records as the measure of a plan with none.
func (p *plan) countRecords() {
	if len(p.measures()) > 0 {
		return
	}
	p.values = []field{{id: recordsID, label: "Count of records",
		measure: &query.Measure{ID: recordsID, Field: recordsID, Aggregation: query.Sum}}}
	p.calc = append(p.calc, query.CalculatedField{Name: recordsID, Expression: "1"})
}

// recordsByDims counts records by a chart's dimensions when it has
// dimensions and no measure, as QuickSight draws it.
func (p *plan) recordsByDims() {
	if len(p.dims()) > 0 {
		p.countRecords()
	}
}

// fields returns the plan's dimensions then measures, in question order.
func (p *plan) dims() []field {
	return append(append(append([]field{}, p.category...), p.colors...), p.multiples...)
}
func (p *plan) measures() []field {
	return append(append(append([]field{}, p.values...), p.lineValues...), p.targets...)
}

func dims(fs []definition.DimensionField) []field {
	var out []field
	for _, f := range fs {
		if x, ok := dimension(f); ok {
			out = append(out, x)
		}
	}
	return out
}

func (p *plan) addMeasures(fs []definition.MeasureField, to *[]field) {
	for _, f := range fs {
		if x, ok := measure(f); ok {
			if f.CalculatedMeasureField != nil {
				p.calc = append(p.calc, query.CalculatedField{Name: x.id, Expression: f.CalculatedMeasureField.Expression})
				x.measure.Aggregation = ""
			}
			*to = append(*to, x)
		}
	}
}

// sorts converts FieldSortOptions: a FieldSort names a field id; a
// ColumnSort names a column, matched to a field of the plan. An option
// matching no field is left out and sets sortLost.
func (p *plan) sorts(opts []definition.FieldSortOptions) {
	all := append(p.dims(), p.measures()...)
	for _, o := range opts {
		before := len(p.sort)
		switch {
		case o.FieldSort != nil:
			for _, f := range all {
				if f.id == o.FieldSort.FieldId {
					p.sort = append(p.sort, query.Sort{ID: f.id, Descending: o.FieldSort.Direction == "DESC"})
					break
				}
			}
		case o.ColumnSort != nil && o.ColumnSort.SortBy != nil:
			for _, f := range all {
				if sortsBy(o.ColumnSort, f) {
					p.sort = append(p.sort, query.Sort{ID: f.id, Descending: o.ColumnSort.Direction == "DESC"})
					break
				}
			}
		}
		if len(p.sort) == before {
			p.sortLost = true
		}
	}
}

// sortsBy reports whether a ColumnSort sorts by a field of the plan: its
// column, and for a measure its aggregation (a sort by the average of a
// column is not a sort by its sum); a dimension with no aggregation.
func sortsBy(s *definition.ColumnSort, f field) bool {
	a := s.AggregationFunction
	switch {
	case f.dim != nil:
		return f.dim.Field == s.SortBy.ColumnName && a == nil
	case f.measure == nil || f.measure.Field != s.SortBy.ColumnName:
		return false
	case a == nil:
		return true
	case a.NumericalAggregationFunction != nil:
		agg, pct := numericalAggregation(a.NumericalAggregationFunction)
		return agg == f.measure.Aggregation && pct == f.measure.Percentile
	case a.CategoricalAggregationFunction != "":
		return a.CategoricalAggregationFunction == f.measure.Aggregation
	case a.DateAggregationFunction != "":
		return a.DateAggregationFunction == f.measure.Aggregation
	}
	return true
}

// categoryLimit applies a chart's CategoryItemsLimit. With a Colors field
// the rows are category × color pairs, so a row limit would cut the wrong
// thing: the first categories are kept after the query (firstCategories),
// which needs the rows sorted by the category; sorted otherwise (by a
// measure summed over colors) the limit is refused by name.
func (p *plan) categoryLimit(l *definition.ItemsLimitConfiguration) {
	n := itemsLimit(l, chartLimit)
	switch {
	case n == chartLimit:
	case p.sortLost:
		p.refuse("CategoryItemsLimit sorted by a field the chart does not show")
	case l.OtherCategories == "INCLUDE":
		p.includeOther(n)
	case len(p.colors) == 0:
		p.limit = n
	case len(p.category) == 1 && len(p.sort) > 0 && p.sort[0].ID == p.category[0].id:
		p.catLimit = n
	case len(p.sort) > 0 && p.rankCategoriesBy(p.sort[0], n):
		if len(p.asked) == 0 {
			p.catLimit = n
		}
	default:
		p.refuse("CategoryItemsLimit with a Colors field, sorted other than by the category")
	}
}

func itemsLimit(l *definition.ItemsLimitConfiguration, def int) int {
	if l != nil && l.ItemsLimit != nil && *l.ItemsLimit > 0 && *l.ItemsLimit < int64(def) {
		return int(*l.ItemsLimit)
	}
	return def
}

// planOf returns the plan of a supported visual; false if its field wells
// are empty.
func planOf(vis *definition.Visual) (*plan, bool) {
	p := &plan{kind: vis.Kind, limit: chartLimit}
	switch vis.Kind {
	case definition.KindBar:
		c := vis.BarChartVisual.ChartConfiguration
		if c == nil || c.FieldWells == nil || c.FieldWells.BarChartAggregatedFieldWells == nil {
			return p, false
		}
		w := c.FieldWells.BarChartAggregatedFieldWells
		p.category, p.colors = dims(w.Category), dims(w.Colors)
		if s := c.SortConfiguration; s != nil {
			p.smallMultiples(w.SmallMultiples, s.SmallMultiplesLimitConfiguration, s.SmallMultiplesSort, c.SmallMultiplesOptions)
		} else {
			p.smallMultiples(w.SmallMultiples, nil, nil, c.SmallMultiplesOptions)
		}
		p.drillTop(vis.BarChartVisual.ColumnHierarchies)
		p.addMeasures(w.Values, &p.values)
		p.recordsByDims()
		p.horizontal = c.Orientation == "HORIZONTAL"
		p.stacked = c.BarsArrangement == "STACKED" || c.BarsArrangement == "STACKED_PERCENT"
		p.percent = c.BarsArrangement == "STACKED_PERCENT"
		if s := c.SortConfiguration; s != nil {
			p.sorts(s.CategorySort)
			p.categoryLimit(s.CategoryItemsLimit)
			p.colorItemsLimit(s.ColorItemsLimit, s.ColorSort)
		}
	case definition.KindLine:
		c := vis.LineChartVisual.ChartConfiguration
		if c == nil || c.FieldWells == nil || c.FieldWells.LineChartAggregatedFieldWells == nil {
			return p, false
		}
		w := c.FieldWells.LineChartAggregatedFieldWells
		p.category, p.colors = dims(w.Category), dims(w.Colors)
		if s := c.SortConfiguration; s != nil {
			p.smallMultiples(w.SmallMultiples, s.SmallMultiplesLimitConfiguration, s.SmallMultiplesSort, c.SmallMultiplesOptions)
		} else {
			p.smallMultiples(w.SmallMultiples, nil, nil, c.SmallMultiplesOptions)
		}
		if len(c.ForecastConfigurations) > 0 {
			p.styleNotes = append(p.styleNotes, "The forecast is not drawn: it "+mlMessage)
		}
		p.drillTop(vis.LineChartVisual.ColumnHierarchies)
		p.addMeasures(w.Values, &p.values)
		p.recordsByDims()
		p.stacked = c.Type == "STACKED_AREA"
		p.lineAxes(c)
		if s := c.SortConfiguration; s != nil {
			p.sorts(s.CategorySort)
			p.categoryLimit(s.CategoryItemsLimitConfiguration)
			p.colorItemsLimit(s.ColorItemsLimitConfiguration, nil)
		}
	case definition.KindPie:
		c := vis.PieChartVisual.ChartConfiguration
		if c == nil || c.FieldWells == nil || c.FieldWells.PieChartAggregatedFieldWells == nil {
			return p, false
		}
		w := c.FieldWells.PieChartAggregatedFieldWells
		p.category = dims(w.Category)
		if s := c.SortConfiguration; s != nil {
			p.smallMultiples(w.SmallMultiples, s.SmallMultiplesLimitConfiguration, s.SmallMultiplesSort, c.SmallMultiplesOptions)
		} else {
			p.smallMultiples(w.SmallMultiples, nil, nil, c.SmallMultiplesOptions)
		}
		p.drillTop(vis.PieChartVisual.ColumnHierarchies)
		p.addMeasures(w.Values, &p.values)
		p.recordsByDims()
		p.donut = c.DonutOptions != nil && (c.DonutOptions.ArcOptions == nil || c.DonutOptions.ArcOptions.ArcThickness != "WHOLE")
		if s := c.SortConfiguration; s != nil {
			p.sorts(s.CategorySort)
			p.categoryLimit(s.CategoryItemsLimit)
		}
		if len(p.sort) == 0 && len(p.values) > 0 {
			p.sort = []query.Sort{{ID: p.values[0].id, Descending: true}}
		}
	case definition.KindTable:
		c := vis.TableVisual.ChartConfiguration
		p.limit = tableLimit
		if c == nil || c.FieldWells == nil || c.FieldWells.TableAggregatedFieldWells == nil {
			return p, false
		}
		w := c.FieldWells.TableAggregatedFieldWells
		p.category = dims(w.GroupBy)
		p.addMeasures(w.Values, &p.values)
		if s := c.SortConfiguration; s != nil {
			p.sorts(s.RowSort)
		}
		p.tableTotals(c.TotalOptions)
		p.tableStyleOf(c.TableOptions, c.TotalOptions)
	case definition.KindPivot:
		c := vis.PivotTableVisual.ChartConfiguration
		p.limit = pivotLimit
		if c == nil || c.FieldWells == nil || c.FieldWells.PivotTableAggregatedFieldWells == nil {
			return p, false
		}
		w := c.FieldWells.PivotTableAggregatedFieldWells
		p.category, p.colors = dims(w.Rows), dims(w.Columns)
		p.addMeasures(w.Values, &p.values)
		p.pivotTotalsOf(c.TotalOptions, c.FieldOptions, c.TableOptions)
		p.pivotStyleOf(c.TableOptions)
		if s := c.SortConfiguration; s != nil {
			p.pivotSorts(s.FieldSortOptions)
		}
	case definition.KindKPI:
		c := vis.KPIVisual.ChartConfiguration
		p.limit = 0
		if c == nil || c.FieldWells == nil {
			return p, false
		}
		p.addMeasures(c.FieldWells.Values, &p.values)
		p.addMeasures(c.FieldWells.TargetValues, &p.targets)
		if len(p.values) > 1 {
			p.values = p.values[:1]
		}
		if len(p.targets) > 1 {
			p.targets = p.targets[:1]
		}
		p.kpiTrend(c)
		p.kpiOptions(c)
	case definition.KindScatter:
		c := vis.ScatterPlotVisual.ChartConfiguration
		p.limit = scatterLimit
		if c == nil || c.FieldWells == nil || c.FieldWells.ScatterPlotCategoricallyAggregatedFieldWells == nil {
			return p, false
		}
		w := c.FieldWells.ScatterPlotCategoricallyAggregatedFieldWells
		p.category = dims(w.Category)
		if len(w.Label) > 0 {
			// The Label field groups the points and names each; the
			// Category field then colors them (scatterOption).
			p.category, p.colors = dims(w.Label), p.category
		}
		p.drillTop(vis.ScatterPlotVisual.ColumnHierarchies)
		p.addMeasures(w.XAxis, &p.values)
		p.addMeasures(w.YAxis, &p.values)
		if len(p.values) != 2 {
			return p, false
		}
		p.addMeasures(w.Size, &p.values) // a third value: each point's size (scatterOption)
		if s := c.SortConfiguration; s != nil {
			p.limit = itemsLimit(s.ScatterPlotLimitConfiguration, scatterLimit)
		}
	case definition.KindCombo:
		c := vis.ComboChartVisual.ChartConfiguration
		if c == nil || c.FieldWells == nil || c.FieldWells.ComboChartAggregatedFieldWells == nil {
			return p, false
		}
		w := c.FieldWells.ComboChartAggregatedFieldWells
		p.category, p.colors = dims(w.Category), dims(w.Colors)
		p.drillTop(vis.ComboChartVisual.ColumnHierarchies)
		p.addMeasures(w.BarValues, &p.values)
		p.addMeasures(w.LineValues, &p.lineValues)
		p.recordsByDims()
		p.stacked = c.BarsArrangement == "STACKED" || c.BarsArrangement == "STACKED_PERCENT"
		p.percent = c.BarsArrangement == "STACKED_PERCENT"
		p.singleAxis = singleYAxis(c.SingleAxisOptions)
		if p.percent && p.singleAxis && len(p.lineValues) > 0 {
			p.refuse("bars stacked to 100 % sharing one axis with lines")
		}
		if s := c.SortConfiguration; s != nil {
			p.sorts(s.CategorySort)
			p.categoryLimit(s.CategoryItemsLimit)
			p.colorItemsLimit(s.ColorItemsLimit, s.ColorSort)
		}
		p.comboLinesByCategory()
	case definition.KindHeatMap:
		if !p.planHeatMap(vis.HeatMapVisual.ChartConfiguration) {
			return p, false
		}
	case definition.KindTreeMap:
		if !p.planTreeMap(vis.TreeMapVisual.ChartConfiguration) {
			return p, false
		}
	case definition.KindFunnel:
		if !p.planFunnel(vis.FunnelChartVisual.ChartConfiguration) {
			return p, false
		}
	case definition.KindGauge:
		if !p.planGauge(vis.GaugeChartVisual.ChartConfiguration) {
			return p, false
		}
	case definition.KindWaterfall:
		if !p.planWaterfall(vis.WaterfallVisual.ChartConfiguration) {
			return p, false
		}
	case definition.KindHistogram:
		if !p.planHistogram(vis.HistogramVisual.ChartConfiguration) {
			return p, false
		}
	case definition.KindBoxPlot:
		if !p.planBoxPlot(vis.BoxPlotVisual.ChartConfiguration) {
			return p, false
		}
	case definition.KindSankey:
		if !p.planSankey(vis.SankeyDiagramVisual.ChartConfiguration) {
			return p, false
		}
	case definition.KindWordCloud:
		if !p.planWordCloud(vis.WordCloudVisual.ChartConfiguration) {
			return p, false
		}
	case definition.KindRadar:
		if !p.planRadar(vis.RadarChartVisual.ChartConfiguration) {
			return p, false
		}
	case definition.KindFilledMap:
		if !p.planFilledMap(vis.FilledMapVisual) {
			return p, false
		}
	case definition.KindPointMap:
		if !p.planPointMap(vis.GeospatialMapVisual) {
			return p, false
		}
	default:
		return p, false
	}
	p.savedDrill(vis.Raw)
	p.finishMultiples()
	if len(p.unsupported) > 0 && (p.hist != nil || p.box != nil || p.kind == definition.KindHistogram || p.kind == definition.KindBoxPlot || p.kind == definition.KindWordCloud) {
		return p, true // the tile names what is refused
	}
	all := append(p.dims(), p.measures()...)
	if len(p.measures()) == 0 && p.kind != definition.KindTable {
		return p, false
	}
	if len(all) == 0 {
		return p, false
	}
	for _, f := range all {
		if f.dataSet != "" {
			p.dataSet = f.dataSet
			break
		}
	}
	return p, true
}

// question builds the visual's question in a view; an error names a
// filter that applies and cannot be computed (UnsupportedFilterError).
func (v *View) question(p *plan, sheetID, visualID string) (*query.Question, error) {
	q := &query.Question{Limit: p.limit, Sort: p.sort, Parameters: v.qparams, Now: v.now}
	for _, f := range p.dims() {
		q.Dimensions = append(q.Dimensions, *f.dim)
	}
	for _, f := range p.measures() {
		q.Measures = append(q.Measures, *f.measure)
	}
	for _, cf := range v.def.CalculatedFields {
		if cf.DataSetIdentifier == p.dataSet {
			q.CalculatedFields = append(q.CalculatedFields, query.CalculatedField{Name: cf.Name, Expression: cf.Expression})
		}
	}
	q.CalculatedFields = append(q.CalculatedFields, p.calc...)
	var err error
	if q.Filters, err = v.visualFilters(sheetID, visualID, p.dataSet); err != nil {
		return nil, err
	}
	return q, nil
}

// kindLabel names a visual kind for people.
func kindLabel(kind string) string {
	switch kind {
	case definition.KindBar:
		return "Bar chart"
	case definition.KindLine:
		return "Line chart"
	case definition.KindPie:
		return "Pie chart"
	case definition.KindTable:
		return "Table"
	case definition.KindPivot:
		return "Pivot table"
	case definition.KindKPI:
		return "KPI"
	case definition.KindScatter:
		return "Scatter plot"
	case definition.KindCombo:
		return "Combo chart"
	case definition.KindHeatMap:
		return "Heat map"
	case definition.KindTreeMap:
		return "Tree map"
	case definition.KindFunnel:
		return "Funnel chart"
	case definition.KindGauge:
		return "Gauge chart"
	case definition.KindWaterfall:
		return "Waterfall chart"
	case definition.KindHistogram:
		return "Histogram"
	case definition.KindBoxPlot:
		return "Box plot"
	case definition.KindSankey:
		return "Sankey diagram"
	case definition.KindWordCloud:
		return "Word cloud"
	case definition.KindRadar:
		return "Radar chart"
	case definition.KindFilledMap:
		return "Filled map"
	case definition.KindPointMap:
		return "Points on map"
	case definition.KindLayerMap:
		return "Layer map"
	case "CustomContentVisual":
		return "Custom content"
	case "EmptyVisual":
		return ""
	}
	name := kind
	if len(name) > 6 && name[len(name)-6:] == "Visual" {
		name = name[:len(name)-6]
	}
	if name == "" {
		return "Visual"
	}
	return splitCamel(name)
}

func splitCamel(s string) string {
	var out []rune
	rs := []rune(s)
	for i, r := range rs {
		if i > 0 && r >= 'A' && r <= 'Z' && rs[i-1] >= 'a' && rs[i-1] <= 'z' {
			out = append(out, ' ')
		}
		out = append(out, r)
	}
	return string(out)
}

func itoa(n int) string { return strconv.Itoa(n) }
