package highcharts

import (
	"strconv"
	"strings"
)

// axis is one Highcharts x or y axis and what the series placed on it.
type axis struct {
	src        map[string]any
	path       string // "xAxis" or "xAxis[]"
	x          bool   // an x axis (the category axis of most charts)
	kind       string // "category", "value", "time" or "log"
	given      bool   // categories given by the chart code
	categories []any
	index      map[string]int // category name → index
	used       bool           // a series is drawn on it
	percent    bool           // it measures percent stacks
}

// axes reads xAxis and yAxis (an object or an array of them).
func (t *translation) axes(hc map[string]any) {
	t.xAxes = t.readAxes(hc, "xAxis", true)
	t.yAxes = t.readAxes(hc, "yAxis", false)
}

func (t *translation) readAxes(hc map[string]any, name string, x bool) []*axis {
	var srcs []map[string]any
	path := name
	switch v := hc[name].(type) {
	case map[string]any:
		srcs = []map[string]any{v}
	case []any:
		path += "[]"
		for _, el := range v {
			srcs = append(srcs, object(el))
		}
	}
	if len(srcs) == 0 {
		srcs = []map[string]any{nil}
	}
	var out []*axis
	for _, src := range srcs {
		a := &axis{src: src, path: path, x: x, kind: "value", index: map[string]int{}}
		if v, ok := t.r.get(src, "categories", path+".categories"); ok {
			if cs, ok := v.([]any); ok {
				a.kind, a.given = "category", true
				for i, c := range cs {
					a.categories = append(a.categories, categoryText(c))
					if _, dup := a.index[categoryText(c)]; !dup {
						a.index[categoryText(c)] = i
					}
				}
			}
		}
		if v, ok := t.r.get(src, "type", path+".type"); ok && !a.given {
			switch text(v) {
			case "category":
				a.kind = "category"
			case "datetime":
				a.kind = "time"
			case "logarithmic":
				a.kind = "log"
			}
		}
		out = append(out, a)
	}
	return out
}

// categoryText is a category's label.
func categoryText(v any) string {
	if v == nil {
		return ""
	}
	return text(v)
}

// category returns the index of a named category on a category axis,
// adding it when the axis gathers its categories from point names.
func (a *axis) category(name string) int {
	if i, ok := a.index[name]; ok {
		return i
	}
	a.index[name] = len(a.categories)
	a.categories = append(a.categories, name)
	return len(a.categories) - 1
}

// axisAt returns the series' axis of a list by its index option.
func (t *translation) axisAt(list []*axis, v any) (*axis, int, error) {
	i := 0
	if v != nil {
		f := number(v)
		if f != float64(int(f)) || f < 0 || int(f) >= len(list) {
			return nil, 0, refuse("a series names axis %s, which the chart code does not have", brief(v))
		}
		i = int(f)
	}
	list[i].used = true
	return list[i], i, nil
}

// finishAxes writes the ECharts axes: Highcharts' x axes are ECharts' x
// axes (its y axes when the chart is inverted).
func (t *translation) finishAxes() error {
	if !t.anyCartesian() {
		return nil
	}
	var xs, ys []any
	for _, a := range t.xAxes {
		xs = append(xs, t.axisOption(a))
	}
	for _, a := range t.yAxes {
		ys = append(ys, t.axisOption(a))
	}
	if t.inverted {
		xs, ys = ys, xs
	}
	t.opt["xAxis"], t.opt["yAxis"] = xs, ys
	for _, a := range append(append([]*axis{}, t.xAxes...), t.yAxes...) {
		if a.kind == "time" {
			t.opt["useUTC"] = true // Highcharts draws times in UTC unless told otherwise
		}
		if err := t.spend(len(text(a.categories))); err != nil {
			return err
		}
	}
	return nil
}

// anyCartesian reports whether a drawn series has axes.
func (t *translation) anyCartesian() bool {
	for _, a := range append(append([]*axis{}, t.xAxes...), t.yAxes...) {
		if a.used {
			return true
		}
	}
	return false
}

// axisOption is one ECharts axis.
func (t *translation) axisOption(a *axis) map[string]any {
	p := a.path
	o := map[string]any{"type": a.kind}
	if a.kind == "category" {
		cats := a.categories
		if cats == nil {
			cats = []any{}
		}
		o["data"] = cats
		if a.x {
			o["boundaryGap"] = true
		}
	}
	// Where the axis sits: Highcharts' x axis is at the bottom (at the left
	// when inverted, first category on top), its y axis at the left.
	horizontal := a.x != t.inverted
	if v, ok := t.r.get(a.src, "opposite", p+".opposite"); ok && truthy(v) {
		if horizontal {
			o["position"] = "top"
		} else {
			o["position"] = "right"
		}
	}
	reversed := false
	if v, ok := t.r.get(a.src, "reversed", p+".reversed"); ok {
		reversed = truthy(v)
	}
	if a.x && t.inverted {
		reversed = !reversed // Highcharts lists an inverted chart's categories from the top
	}
	if reversed {
		o["inverse"] = true
	}
	if v, ok := t.r.get(a.src, "visible", p+".visible"); ok && !truthy(v) {
		o["show"] = false
	}
	for _, k := range []string{"min", "max"} {
		if f, ok := a.src[k].(float64); ok {
			o[k] = f
			t.r.mark(p + "." + k)
		} else if a.src[k] == nil {
			t.r.mark(p + "." + k) // null: automatic, as Highcharts reads it
		}
	}
	if a.percent {
		o["min"], o["max"] = 0, 100
	}
	if v, ok := t.r.get(a.src, "tickInterval", p+".tickInterval"); ok {
		if f, ok := v.(float64); ok && f > 0 && a.kind == "value" {
			o["interval"] = f
		}
	}
	title := object(a.src["title"])
	name, hasName := t.r.get(title, "text", p+".title.text")
	if !hasName && !a.x && a.src["title"] == nil {
		name, hasName = "Values", true // Highcharts' default y axis title
	}
	if hasName && name != nil {
		o["name"] = plain(short(text(name)))
		_ = t.spend(len(o["name"].(string)))
		o["nameLocation"] = "middle"
		o["nameGap"] = 40
		if horizontal {
			o["nameGap"] = 28
		}
	}
	labels := object(a.src["labels"])
	axisLabel := map[string]any{"hideOverlap": true}
	if v, ok := t.r.get(labels, "enabled", p+".labels.enabled"); ok && !truthy(v) {
		axisLabel["show"] = false
	}
	if v, ok := t.r.get(labels, "format", p+".labels.format"); ok {
		if f, ok := axisFormat(text(v)); ok {
			axisLabel["formatter"] = f
		} else {
			delete(t.r.used, p+".labels.format")
		}
	}
	if v, ok := labels["formatter"]; ok {
		if d, ok := v.(Deferred); ok && d.Op == "formatValue" && a.kind == "category" && t.d.Format != nil {
			col := int(number(d.Args[1])) // the categories written as that column's field writes them
			for i, c := range a.categories {
				a.categories[i] = t.d.Format(col, c)
			}
			t.r.mark(p + ".labels.formatter")
		}
		if d, ok := v.(Deferred); ok && d.Op == "formatValue" && t.d.NumberFormats != nil {
			col := int(number(d.Args[1]))
			if col < len(t.d.NumberFormats) && t.d.NumberFormats[col] != nil && a.kind != "category" {
				o[NumberFormatKey] = t.d.NumberFormats[col]
				t.r.mark(p + ".labels.formatter")
			}
		}
	}
	if v, ok := t.num(labels, "rotation", p+".labels.rotation"); ok {
		axisLabel["rotate"] = -v
	}
	o["axisLabel"] = axisLabel
	if v, ok := t.num(a.src, "gridLineWidth", p+".gridLineWidth"); ok {
		o["splitLine"] = map[string]any{"show": v > 0}
	}
	t.plotLines(a, o)
	return o
}

// axisFormat turns an axis label format ("{value}%", "${value}") into an
// ECharts axis label template; formats with number specifiers or HTML are
// not translated.
func axisFormat(f string) (string, bool) {
	if hasMarkup(f) {
		return "", false
	}
	rest := f
	for {
		i := strings.Index(rest, "{")
		if i < 0 {
			return f, true
		}
		j := strings.Index(rest[i:], "}")
		if j < 0 || rest[i:i+j+1] != "{value}" {
			return "", false
		}
		rest = rest[i+j+1:]
	}
}

// plotLines draws an axis's plotLines and plotBands as ECharts mark lines
// and areas on the first series drawn on it; none is drawn when no series
// is on the axis.
func (t *translation) plotLines(a *axis, o map[string]any) {
	lines, _ := a.src["plotLines"].([]any)
	bands, _ := a.src["plotBands"].([]any)
	if len(lines)+len(bands) == 0 {
		return
	}
	host := t.hosts[a]
	if host == nil {
		return
	}
	dim := "yAxis"
	if a.x != t.inverted {
		dim = "xAxis"
	}
	var marks, areas []any
	for _, l := range lines {
		m := object(l)
		v, ok := m["value"].(float64)
		if !ok {
			continue
		}
		item := map[string]any{dim: v}
		if c, ok := color(m["color"]); ok {
			width, _ := m["width"].(float64)
			style, _ := m["dashStyle"].(string)
			item["lineStyle"] = map[string]any{"color": c, "width": max(width, 1), "type": dash(style)}
		}
		if lbl := object(m["label"]); lbl != nil && lbl["text"] != nil {
			txt := escapeTemplate(plain(short(text(lbl["text"]))))
			_ = t.spend(len(txt))
			item["label"] = map[string]any{"formatter": txt, "position": "insideEndTop"}
		} else {
			item["label"] = map[string]any{"show": false}
		}
		marks = append(marks, item)
	}
	for _, b := range bands {
		m := object(b)
		from, ok1 := m["from"].(float64)
		to, ok2 := m["to"].(float64)
		if !ok1 || !ok2 {
			continue
		}
		start := map[string]any{dim: from}
		if c, ok := color(m["color"]); ok {
			start["itemStyle"] = map[string]any{"color": c}
		}
		if lbl := object(m["label"]); lbl != nil && lbl["text"] != nil {
			start["name"] = plain(short(text(lbl["text"])))
			_ = t.spend(len(start["name"].(string)))
		}
		areas = append(areas, []any{start, map[string]any{dim: to}})
	}
	if len(marks) > 0 { // added to the lines another axis put there
		ml, _ := host["markLine"].(map[string]any)
		if ml == nil {
			ml = map[string]any{"symbol": "none", "silent": true, "data": []any{}}
			host["markLine"] = ml
		}
		ml["data"] = append(ml["data"].([]any), marks...)
		t.r.mark(a.path + ".plotLines")
	}
	if len(areas) > 0 {
		ma, _ := host["markArea"].(map[string]any)
		if ma == nil {
			ma = map[string]any{"silent": true, "data": []any{}}
			host["markArea"] = ma
		}
		ma["data"] = append(ma["data"].([]any), areas...)
		t.r.mark(a.path + ".plotBands")
	}
}

// host remembers the first series drawn on an axis: its plot lines go
// on it.
func (t *translation) host(a *axis, s map[string]any) {
	if t.hosts == nil {
		t.hosts = map[*axis]map[string]any{}
	}
	if t.hosts[a] == nil {
		t.hosts[a] = s
	}
}

// dash is an ECharts line type for a Highcharts dashStyle.
func dash(style string) string {
	switch style {
	case "", "Solid":
		return "solid"
	case "Dot", "ShortDot", "ShortDashDot", "ShortDashDotDot", "DashDot", "LongDashDot", "LongDashDotDot":
		return "dotted"
	}
	return "dashed"
}

// itoa is strconv.Itoa.
func itoa(i int) string { return strconv.Itoa(i) }
