package highcharts

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Chart is a chart code drawn as an ECharts option.
type Chart struct {
	Option map[string]any
	// NotDrawn are the options of the chart code the option does not
	// draw (styles, tooltip formats, click events), by path.
	NotDrawn []string
	// Notes say what is drawn otherwise than Highcharts draws it.
	Notes []string
}

// Refusal says why a chart code cannot be drawn faithfully: its series
// type, a stacking, a point layout Sightglass does not draw.
type Refusal struct{ Why string }

func (r *Refusal) Error() string { return r.Why }

func refuse(format string, args ...any) error { return &Refusal{Why: fmt.Sprintf(format, args...)} }

// Draw reads, evaluates and translates a chart code over d; the work
// stops when ctx ends.
func Draw(ctx context.Context, code []byte, d *Data) (*Chart, error) {
	parsed, err := Parse(code)
	if err != nil {
		return nil, err
	}
	hc, err := Eval(ctx, parsed, d)
	if err != nil {
		return nil, err
	}
	return Translate(hc, d)
}

// translation is one chart code's translation under way.
type translation struct {
	r           *reader
	d           *Data
	opt         map[string]any
	chart       map[string]any
	plot        map[string]any // plotOptions
	defType     string         // chart.type, "line" by default
	inverted    bool
	xAxes       []*axis
	yAxes       []*axis
	series      []map[string]any
	legend      []string        // names the legend lists
	hidden      map[string]bool // series not visible at first
	paletteAt   int             // the next palette color
	hosts       map[*axis]map[string]any
	stacks      map[string]*stack // by key, in the order first drawn
	order       []string          // stack keys in that order
	heat        *heatScale        // the heat maps' shared color scale
	polar       *spider           // a polar chart's radar
	packed      []*packedGroup    // packed bubble series, laid out together
	packedCount int               // their bubbles
	bytes       int               // text written into the option (labels, names)
	notes       []string
	// unread are options nothing draws that the reader cannot tell apart
	// from drawn ones: members of point objects ("series[].data[].drilldown"),
	// a series color that is not a color while another series' is.
	unread map[string]bool
}

// maxOptionBytes bounds the text the translation writes into an option;
// maxSeries the series it draws.
const (
	maxOptionBytes = 8 << 20
	maxSeries      = 200
)

// spend counts text written into the option, failing past maxOptionBytes.
func (t *translation) spend(n int) error {
	t.bytes += n
	if t.bytes > maxOptionBytes {
		return refuse("the drawn chart's labels and names take more than %d MiB", maxOptionBytes>>20)
	}
	return nil
}

// note records what is drawn otherwise than Highcharts would, once.
func (t *translation) note(s string) {
	if !slices.Contains(t.notes, s) {
		t.notes = append(t.notes, s)
	}
}

// notRead names a path as not drawn.
func (t *translation) notRead(path string) {
	if t.unread == nil {
		t.unread = map[string]bool{}
	}
	t.unread[path] = true
}

// pointKeys names the members of a point object that are not among
// known: nothing draws them.
func (t *translation) pointKeys(m map[string]any, known ...string) {
	for k := range m {
		if !slices.Contains(known, k) && !ignoredMembers[k] && !strings.HasPrefix(k, "_") {
			t.notRead("series[].data[]." + k)
		}
	}
}

// Translate draws evaluated Highcharts options as an ECharts option.
func Translate(hc map[string]any, d *Data) (*Chart, error) {
	t := &translation{r: newReader(hc), d: d, opt: map[string]any{}, hidden: map[string]bool{}}
	t.chart = object(hc["chart"])
	t.plot = object(hc["plotOptions"])
	t.defType = "line"
	if s, ok := t.r.get(t.chart, "type", "chart.type"); ok {
		t.defType = strings.ToLower(text(s))
	}
	polar := false
	if v, ok := t.r.get(t.chart, "polar", "chart.polar"); ok && truthy(v) {
		polar = true
	}
	if v, ok := t.r.get(t.chart, "inverted", "chart.inverted"); ok && truthy(v) {
		t.inverted = true
	}
	if c, ok := t.colorAt(t.chart, "backgroundColor", "chart.backgroundColor"); ok {
		t.opt["backgroundColor"] = c
	}
	t.palette(hc)
	t.titles(hc)
	list := hc["series"]
	if list == nil {
		list = []any{} // Highcharts draws an empty chart
	}
	ss, ok := list.([]any)
	if !ok {
		return nil, refuse("the chart code's series is %s, not an array", kind(list))
	}
	if len(ss) > maxSeries {
		return nil, refuse("the chart code has %d series, more than the %d Sightglass draws", len(ss), maxSeries)
	}
	t.axes(hc)
	for _, s := range ss { // any bar series turns the whole chart, as in Highcharts
		typ := t.defType
		if v, ok := object(s)["type"]; ok {
			typ = strings.ToLower(text(v))
		}
		if typ == "bar" {
			t.inverted = true
		}
	}
	for i, s := range ss {
		m, ok := s.(map[string]any)
		if !ok {
			return nil, refuse("series %d is %s, not an object", i+1, kind(s))
		}
		var err error
		if polar {
			err = t.spiderSeries(m, i)
		} else {
			err = t.addSeries(m, i)
		}
		if err != nil {
			return nil, err
		}
	}
	if polar {
		if err := t.finishSpider(); err != nil {
			return nil, err
		}
	}
	if err := t.finishStacks(); err != nil {
		return nil, err
	}
	t.finishHeatmap()
	t.finishPacked()
	if err := t.finishAxes(); err != nil {
		return nil, err
	}
	if err := t.spend(0); err != nil { // what was written without a check on the way
		return nil, err
	}
	t.legendAndTooltip(hc)
	t.placePacked()
	if t.series == nil {
		t.series = []map[string]any{}
	}
	t.opt["series"] = t.series
	notDrawn := t.r.notDrawn()
	for p := range t.unread {
		if !slices.Contains(notDrawn, p) {
			notDrawn = append(notDrawn, p)
		}
	}
	slices.Sort(notDrawn)
	return &Chart{Option: t.opt, NotDrawn: notDrawn, Notes: t.notes}, nil
}

// object returns v as an object (nil when it is not one).
func object(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// palette sets the option's colors: the chart code's own, else the theme's.
func (t *translation) palette(hc map[string]any) {
	var colors []any
	if v, ok := hc["colors"].([]any); ok && len(v) > 0 {
		for _, c := range v {
			if s, ok := color(c); ok {
				colors = append(colors, s)
			}
		}
		if len(colors) == len(v) {
			t.r.mark("colors")
		} else {
			colors = nil // named as not drawn
		}
	}
	if len(colors) == 0 {
		for _, c := range t.d.Palette {
			colors = append(colors, c)
		}
	}
	if len(colors) > 0 {
		t.opt["color"] = colors
	}
}

// seriesColor is the palette color of the next series without a color
// of its own, as Highcharts counts them.
func (t *translation) seriesColor() any {
	c := paletteColor(t.opt, t.paletteAt)
	t.paletteAt++
	return c
}

// paletteColor is the option's palette color i (cycling).
func paletteColor(opt map[string]any, i int) any {
	cs, _ := opt["color"].([]any)
	if len(cs) == 0 {
		return nil
	}
	return cs[i%len(cs)]
}

// titles draws title.text and subtitle.text.
func (t *translation) titles(hc map[string]any) {
	title := map[string]any{}
	if v, ok := t.r.get(object(hc["title"]), "text", "title.text"); ok && v != nil {
		title["text"] = plain(short(text(v)))
	}
	if v, ok := t.r.get(object(hc["subtitle"]), "text", "subtitle.text"); ok && v != nil {
		title["subtext"] = plain(short(text(v)))
	}
	if len(title) > 0 {
		title["left"] = "center"
		t.opt["title"] = title
	}
}

// legendAndTooltip draws the legend (Highcharts shows one unless
// legend.enabled is false) and the tooltip.
func (t *translation) legendAndTooltip(hc map[string]any) {
	lg := object(hc["legend"])
	show := len(t.legend) > 0
	if t.legend == nil {
		t.legend = []string{}
	}
	if v, ok := t.r.get(lg, "enabled", "legend.enabled"); ok && !truthy(v) {
		show = false
	}
	legend := map[string]any{"show": show, "data": t.legend, "type": "scroll", "bottom": 0}
	if v, ok := t.r.get(lg, "layout", "legend.layout"); ok && text(v) == "vertical" {
		legend["orient"] = "vertical"
		legend["right"], legend["top"] = 0, "middle"
		delete(legend, "bottom")
	}
	if len(t.hidden) > 0 {
		legend["selected"] = map[string]any{}
		for name := range t.hidden {
			legend["selected"].(map[string]any)[name] = false
		}
	}
	t.opt["legend"] = legend
	tip := object(hc["tooltip"])
	tooltip := map[string]any{"trigger": "item", "confine": true}
	if v, ok := t.r.get(tip, "enabled", "tooltip.enabled"); ok && !truthy(v) {
		tooltip["show"] = false
	}
	if v, ok := t.r.get(tip, "shared", "tooltip.shared"); ok && truthy(v) && len(t.xAxes) > 0 {
		tooltip["trigger"] = "axis"
	}
	t.opt["tooltip"] = tooltip
	grid := map[string]any{"containLabel": true, "left": 16, "right": 24, "top": 40, "bottom": 28}
	if _, ok := object(t.opt["title"])["subtext"]; ok {
		grid["top"] = 64
	}
	if show && legend["orient"] == nil {
		grid["bottom"] = 40
	}
	t.opt["grid"] = grid
}
