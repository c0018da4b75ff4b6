package highcharts

import (
	"strings"
)

// cartesian are the Highcharts series types drawn on axes, as ECharts
// draws them.
var cartesian = map[string]bool{
	"line": true, "spline": true, "area": true, "areaspline": true,
	"column": true, "bar": true, "scatter": true, "bubble": true,
}

// src is one Highcharts series with the plot options it inherits.
type src struct {
	t     *translation
	m     map[string]any
	typ   string
	index int
	named string // its name, once read
}

// opt reads a series option: the series' own, else plotOptions of its
// type, else plotOptions.series, as Highcharts merges them (the options
// it overrides count as read).
func (s *src) opt(key string) (any, bool) {
	var out any
	found := false
	for _, at := range []struct {
		m    map[string]any
		path string
	}{
		{s.m, "series[]." + key},
		{object(s.t.plot[s.typ]), "plotOptions." + s.typ + "." + key},
		{object(s.t.plot["series"]), "plotOptions.series." + key},
	} {
		if v, ok := at.m[key]; ok {
			s.t.r.mark(at.path)
			if !found {
				out, found = v, true
			}
		}
	}
	return out, found
}

// sub reads a member of an object option (dataLabels.enabled), merged the
// same way member by member.
func (s *src) sub(key, member string) (any, bool) {
	v, _, ok := s.peekSub(key, member)
	if ok {
		for _, p := range []string{"series[]." + key, "plotOptions." + s.typ + "." + key, "plotOptions.series." + key} {
			s.t.r.mark(p + "." + member)
		}
	}
	return v, ok
}

// peekSub finds a member of an object option without marking it read:
// its value and the path it was found at.
func (s *src) peekSub(key, member string) (any, string, bool) {
	for _, at := range []struct {
		m    map[string]any
		path string
	}{
		{object(s.m[key]), "series[]." + key},
		{object(object(s.t.plot[s.typ])[key]), "plotOptions." + s.typ + "." + key},
		{object(object(s.t.plot["series"])[key]), "plotOptions.series." + key},
	} {
		if v, ok := at.m[member]; ok {
			return v, at.path + "." + member, true
		}
	}
	return nil, "", false
}

// refused are series options that change which numbers are drawn or
// where, which the translation does not apply: the series is refused.
var refused = []string{"keys", "pointIntervalUnit", "dataSorting", "cumulative", "compare", "dataGrouping", "relativeXValue"}

// addSeries translates one series.
func (t *translation) addSeries(m map[string]any, i int) error {
	typ := t.defType
	if v, ok := t.r.get(m, "type", "series[].type"); ok {
		typ = strings.ToLower(text(v))
	}
	s := &src{t: t, m: m, typ: typ, index: i}
	for _, k := range refused {
		if v, ok := s.opt(k); ok && v != nil && typ != "sankey" {
			return refuse("series option %s is not drawn by Sightglass (series %d)", k, i+1)
		}
	}
	if v, ok := s.opt("visible"); ok && !truthy(v) {
		t.hidden[s.name()] = true
	}
	switch {
	case cartesian[typ]:
		return t.cartesianSeries(s)
	case typ == "pie":
		return t.pieSeries(s)
	case typ == "solidgauge" || typ == "gauge":
		return t.gaugeSeries(s)
	case typ == "heatmap":
		return t.heatmapSeries(s)
	case typ == "funnel" || typ == "pyramid":
		return t.funnelSeries(s)
	case typ == "sankey":
		return t.sankeySeries(s)
	case typ == "treemap":
		return t.treemapSeries(s)
	case typ == "waterfall":
		return t.waterfallSeries(s)
	case typ == "boxplot" || typ == "columnrange" || typ == "arearange":
		return t.rangeSeries(s)
	case typ == "packedbubble":
		return t.packedSeries(s)
	}
	return refuse("Highcharts %s series are not drawn by Sightglass (series %d)", typ, i+1)
}

// name is the series' name, "Series N" as Highcharts names it otherwise.
func (s *src) name() string {
	if s.named != "" {
		return s.named
	}
	v, ok := s.m["name"]
	switch v.(type) {
	case nil, Deferred, []any, map[string]any: // not a name Highcharts writes
		s.named = "Series " + itoa(s.index+1)
		return s.named
	}
	if ok {
		s.t.r.mark("series[].name")
	}
	s.named = plain(short(text(v)))
	if s.named == "" {
		s.named = " "
	}
	return s.named
}

// data is the series' data array.
func (s *src) data() ([]any, error) {
	v, ok := s.t.r.get(s.m, "data", "series[].data")
	if !ok || v == nil {
		return nil, nil
	}
	if d, ok := v.(Deferred); ok {
		return nil, refuse("series %d's data is %q, which is known only when the chart draws", s.index+1, d.Op)
	}
	arr, ok := v.([]any)
	if !ok {
		return nil, refuse("series %d's data is %s, not an array", s.index+1, kind(v))
	}
	if len(arr) > maxPoints {
		return nil, refuse("series %d has %d points, more than the %d Sightglass draws", s.index+1, len(arr), maxPoints)
	}
	return arr, nil
}

// maxPoints bounds one series' points (QuickSight gives a Highcharts
// visual at most 10,000 rows).
const maxPoints = 20_000

// color is the series' color option (nil when it has none Sightglass
// draws: that one is named as not drawn).
func (s *src) color() any {
	v, path, ok := s.peekOpt("color")
	if !ok {
		return nil
	}
	c, ok := color(v)
	if !ok {
		s.t.notRead(path)
		return nil
	}
	s.t.r.mark(path)
	return c
}

// numberOpt reads a series option that must be a number (pixels); one of
// another kind ("20%") is named as not drawn.
func (s *src) numberOpt(key string) (float64, bool) {
	v, path, ok := s.peekOpt(key)
	f, isNum := v.(float64)
	if !ok || !isNum {
		return 0, false
	}
	s.t.r.mark(path)
	return f, true
}

// peekOpt finds a series option as opt does, without marking it read.
func (s *src) peekOpt(key string) (any, string, bool) {
	for _, at := range []struct {
		m    map[string]any
		path string
	}{
		{s.m, "series[]." + key},
		{object(s.t.plot[s.typ]), "plotOptions." + s.typ + "." + key},
		{object(s.t.plot["series"]), "plotOptions.series." + key},
	} {
		if v, ok := at.m[key]; ok {
			return v, at.path, true
		}
	}
	return nil, "", false
}

// common sets what every ECharts series takes from a Highcharts one:
// its name, whether it answers the mouse, its legend entry.
func (s *src) common(out map[string]any, inLegend bool) {
	out["name"] = s.name()
	_ = s.t.spend(2 * len(s.name())) // the series and its legend entry; checked at the end
	if v, ok := s.opt("enableMouseTracking"); ok && !truthy(v) {
		out["silent"] = true
	}
	if v, ok := s.opt("showInLegend"); ok {
		inLegend = truthy(v)
	}
	if inLegend {
		s.t.legend = append(s.t.legend, s.name())
	}
	if f := s.tooltipFormat(); f != nil {
		out[NumberFormatKey] = f
	}
}

// tooltipFormat is the number format of a series' tooltip values: its
// tooltip's (else the chart's) valuePrefix, valueSuffix and
// valueDecimals, as the console's page writes them.
func (s *src) tooltipFormat() map[string]any {
	read := func(k string) (any, bool) {
		if v, ok := s.sub("tooltip", k); ok {
			return v, true
		}
		return s.t.r.get(object(s.t.r.root["tooltip"]), k, "tooltip."+k)
	}
	f := map[string]any{}
	if v, ok := read("valuePrefix"); ok && v != nil {
		f["Prefix"] = plain(short(text(v)))
	}
	if v, ok := read("valueSuffix"); ok && v != nil {
		f["Suffix"] = plain(short(text(v)))
	}
	if v, ok := read("valueDecimals"); ok {
		if d, ok := v.(float64); ok && d >= 0 && d <= 20 && d == float64(int(d)) {
			f["Decimals"] = int(d)
		}
	}
	if len(f) == 0 {
		return nil
	}
	return f
}

// axes are the x and y axes a series names (the first ones by default),
// with their indexes.
func (s *src) axes() (xa *axis, xi int, ya *axis, yi int, err error) {
	xv, _ := s.t.r.get(s.m, "xAxis", "series[].xAxis")
	yv, _ := s.t.r.get(s.m, "yAxis", "series[].yAxis")
	if xa, xi, err = s.t.axisAt(s.t.xAxes, xv); err != nil {
		return
	}
	ya, yi, err = s.t.axisAt(s.t.yAxes, yv)
	return
}

// placement is where a series' points without an x go: pointStart +
// i × pointInterval (0 and 1 by default); one that is not a number (a
// date string) is refused.
func (s *src) placement() (start, interval float64, err error) {
	start, interval = 0, 1
	if v, ok := s.numberOpt("pointStart"); ok {
		start = v
	} else if _, _, set := s.peekOpt("pointStart"); set {
		return 0, 0, refuse("series %d's pointStart is not a number (a date string Sightglass does not read)", s.index+1)
	}
	if v, ok := s.numberOpt("pointInterval"); ok {
		interval = v
	} else if _, _, set := s.peekOpt("pointInterval"); set {
		return 0, 0, refuse("series %d's pointInterval is not a number", s.index+1)
	}
	return start, interval, nil
}
