package definition

// numberFormatted are the visual types whose measures are drawn in their
// number format (FormatConfiguration): tables, pivot tables and KPIs (text
// written by the server); bar, line, combo, pie, heat map, tree map, funnel
// and waterfall charts (value labels, tooltips, value axes, color scale
// ends); box plots (the boxes' tooltips, their points and outliers, the
// value axis); gauges (the value in the center, a difference from the
// target in the comparison's format when it has one); scatter plots on
// their axes; radar charts when all their measures share one format. The
// others draw numbers their own way: histograms (counts of rows), Sankey
// diagrams and word clouds.
var numberFormatted = map[string]bool{KindTable: true, KindPivot: true, KindKPI: true,
	KindBar: true, KindLine: true, KindCombo: true, KindPie: true,
	KindHeatMap: true, KindTreeMap: true, KindFunnel: true, KindWaterfall: true,
	KindGauge: true, KindScatter: true, KindRadar: true, KindBoxPlot: true}

// NumberFormatted reports whether a visual type draws its measures in
// their number format, and so whether the editor offers one.
func NumberFormatted(kind string) bool { return numberFormatted[kind] }
