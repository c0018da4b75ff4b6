package highcharts

import (
	"strings"
)

// spider is a polar chart over categories (a spider or radar chart) as
// one ECharts radar: an indicator per category of the x axis, a polygon
// per series.
type spider struct {
	data []any // the radar series' items, one per Highcharts series
	lo   float64
	hi   float64
	any  bool
}

// spiderSeries reads one series of a polar chart: a line, spline, area or
// areaspline over the x axis's categories (other series types, and polar
// charts over a numeric x axis, are refused).
func (t *translation) spiderSeries(m map[string]any, i int) error {
	typ := t.defType
	if v, ok := t.r.get(m, "type", "series[].type"); ok {
		typ = strings.ToLower(text(v))
	}
	switch typ {
	case "line", "spline", "area", "areaspline":
	default:
		return refuse("polar %s series are not drawn by Sightglass (series %d)", typ, i+1)
	}
	xa := t.xAxes[0]
	if xa.kind != "category" {
		return refuse("polar charts over a %s x axis are not drawn by Sightglass", xa.kind)
	}
	s := &src{t: t, m: m, typ: typ, index: i}
	for _, k := range append([]string{"stacking", "pointStart", "pointInterval", "xAxis", "yAxis"}, refused...) {
		if v, ok := s.opt(k); ok && v != nil && v != "" && v != 0.0 {
			return refuse("series option %s is not drawn by Sightglass on a polar chart (series %d)", k, i+1)
		}
	}
	if v, ok := s.opt("connectEnds"); ok && !truthy(v) {
		return refuse("polar series that do not close (connectEnds false) are not drawn by Sightglass (series %d)", i+1)
	}
	if t.inverted {
		return refuse("inverted polar charts are not drawn by Sightglass")
	}
	if typ == "spline" || typ == "areaspline" {
		t.note("Polar splines are drawn with straight sides.")
	}
	raw, err := s.data()
	if err != nil {
		return err
	}
	sp := t.polar
	if sp == nil {
		sp = &spider{}
		t.polar = sp
	}
	// A radar draws a missing value at its center: every category needs
	// one value, and only one.
	values := make([]any, len(xa.categories))
	for k, el := range raw {
		p, err := readPoint(el, k, s, xa, float64(k))
		if err != nil {
			return err
		}
		at, ok := p.x.(float64)
		if !ok || at < 0 || at != float64(int(at)) || int(at) >= len(values) {
			return refuse("series %d has a point on no category of the polar chart", i+1)
		}
		y, ok := p.y.(float64)
		if !ok {
			return refuse("series %d has a null point, which a polar chart drawn by Sightglass would put at its center", i+1)
		}
		if values[int(at)] != nil {
			return refuse("series %d has two points on one category of the polar chart", i+1)
		}
		values[int(at)] = y
		if v, ok := s.opt("visible"); !ok || truthy(v) {
			if !sp.any || y < sp.lo {
				sp.lo = y
			}
			if !sp.any || y > sp.hi {
				sp.hi = y
			}
			sp.any = true
		}
	}
	for _, v := range values {
		if v == nil {
			return refuse("series %d has no value for every category of the polar chart, which Sightglass would draw at its center", i+1)
		}
	}
	if err := t.spend(8 * len(values)); err != nil {
		return err
	}
	item := map[string]any{"name": s.name(), "value": values}
	c := s.color()
	if c == nil {
		c = t.seriesColor()
	}
	if c != nil {
		item["itemStyle"] = map[string]any{"color": c}
		item["lineStyle"] = map[string]any{"color": c}
	}
	if typ == "area" || typ == "areaspline" {
		item["areaStyle"] = map[string]any{"opacity": 0.5}
	}
	common := map[string]any{}
	s.common(common, true)
	if v, ok := s.opt("visible"); ok && !truthy(v) {
		t.hidden[s.name()] = true
	}
	sp.data = append(sp.data, item)
	return nil
}

// finishSpider writes the radar: its indicators are the x axis's
// categories on the y axis's scale (its min and max, else the data's),
// starting at the pane's startAngle (clockwise from the top, as
// Highcharts measures it), polygons when the y axis's gridLineInterpolation
// is "polygon", circles otherwise.
func (t *translation) finishSpider() error {
	sp := t.polar
	if sp == nil {
		return nil
	}
	xa, ya := t.xAxes[0], t.yAxes[0]
	if ya.kind != "value" {
		return refuse("polar charts with a %s radial axis are not drawn by Sightglass", ya.kind)
	}
	lo, hi := min(0, sp.lo), sp.hi
	minSet, maxSet := false, false
	if v, ok := ya.src["min"].(float64); ok {
		lo, minSet = v, true
		t.r.mark(ya.path + ".min")
	}
	if v, ok := ya.src["max"].(float64); ok {
		hi, maxSet = v, true
		t.r.mark(ya.path + ".max")
	}
	if sp.any && (sp.lo < lo || sp.hi > hi) {
		return refuse("a polar chart's values run past its y axis's min or max")
	}
	if !minSet || !maxSet {
		t.note("The polar chart's scale runs from " + numberText(lo) + " to " + numberText(hi) + " (Highcharts picks its own when the y axis has no min or max).")
	}
	var indicators []any
	n := 0
	for _, item := range sp.data {
		n = max(n, len(item.(map[string]any)["value"].([]any)))
	}
	for k := 0; k < n; k++ {
		name := ""
		if k < len(xa.categories) {
			name = categoryText(xa.categories[k])
		}
		indicators = append(indicators, map[string]any{"name": name, "min": lo, "max": hi})
		if err := t.spend(len(name)); err != nil {
			return err
		}
	}
	radar := map[string]any{"indicator": indicators, "shape": "circle", "radius": "65%"}
	if v, ok := t.r.get(ya.src, "gridLineInterpolation", ya.path+".gridLineInterpolation"); ok && text(v) == "polygon" {
		radar["shape"] = "polygon"
	}
	pane := object(t.r.root["pane"])
	start := 0.0
	if v, ok := t.num(pane, "startAngle", "pane.startAngle"); ok {
		start = v
	}
	radar["startAngle"] = 90 - start
	radar["clockwise"] = true // Highcharts goes round clockwise
	t.opt["radar"] = radar
	t.series = append(t.series, map[string]any{"type": "radar", "data": sp.data})
	return nil
}
