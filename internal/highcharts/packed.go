package highcharts

import (
	"math"
	"strconv"
	"strings"
)

// Packed bubble series (Highcharts' packedbubble) draw each point as a
// bubble sized by its value, the bubbles of every such series packed
// together (or each series' bubbles in a bubble of their own, with
// layoutAlgorithm.splitSeries). Sizes follow Highcharts' rule: a
// diameter between minSize and maxSize (10 % and 50 % of the plot's
// smaller side by default), divided by the square root of the number of
// bubbles, its share of that range the square root of the value's share
// of [zMin, zMax] (sizeBy "area", the default) or the share itself
// ("width"). Highcharts places bubbles by a force simulation whose end is
// not part of the chart's meaning; Sightglass packs them front to front
// (packing.go), which a note says.
//
// ECharts graphs need each node's id to be unique (names may repeat):
// bubbles are numbered. The ECharts option carries each bubble's centre and diameter as
// shares of the plot's smaller side (sgD on each node of a graph series
// marked sgPacked): the console's page turns diameters into pixels at
// the chart's size (web/src/charts.js). Two invisible anchors at the
// corners of a unit square fix the graph's view to that square.

// PackedKey marks a graph series whose nodes' diameters (SizeKey) are
// shares of the plot's smaller side.
const (
	PackedKey = "sgPacked"
	SizeKey   = "sgD"
)

// packedGroup is one packed bubble series, read, waiting for the others.
type packedGroup struct {
	s       *src
	out     map[string]any
	color   any
	labels  *labelSpec
	bubbles []*packedBubble
}

// packedBubble is one point of a packed bubble series.
type packedBubble struct {
	p     point
	value float64
	c     circle
}

// nominalPlot is the plot size, in pixels, at which options given in
// pixels (bubble padding, a parent bubble's margin, sizes in pixels) are
// turned into shares of the plot.
const nominalPlot = 400.0

// maxSizeShare bounds minSize and maxSize (ten times the plot's side):
// the pack is drawn smaller to fit the plot anyway.
const maxSizeShare = 10.0

// maxPackedBubbles bounds the bubbles of a chart's packed bubble series.
const maxPackedBubbles = 5000

// packedSeries reads a packed bubble series; finishPacked lays it out.
func (t *translation) packedSeries(s *src) error {
	raw, err := s.data()
	if err != nil {
		return err
	}
	if v, ok := s.opt("useSimulation"); ok && !truthy(v) {
		return refuse("series %d's useSimulation false is not drawn by Sightglass (it places bubbles by their size alone)", s.index+1)
	}
	g := &packedGroup{s: s, out: map[string]any{"type": "graph"}, labels: s.labels()}
	g.color = s.color()
	if g.color == nil {
		g.color = t.seriesColor()
	}
	s.common(g.out, true)
	for i, el := range raw {
		p := point{index: i, name: "Point " + strconv.Itoa(i+1)}
		var v any
		switch x := el.(type) {
		case nil:
			continue
		case float64:
			v = x
		case map[string]any:
			p.fields = x
			v = numeric1(x["value"])
			if n, ok := x["name"]; ok && n != nil {
				p.name = plain(short(text(n)))
			}
			if c, ok := color(x["color"]); ok {
				p.color = c
			}
			t.pointKeys(x, "name", "value", "color")
		default:
			return refuse("series %d has a packed bubble point that is %s; Sightglass draws numbers and {name, value} objects", s.index+1, kind(el))
		}
		f, ok := v.(float64)
		if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
			continue // Highcharts draws no bubble for a point without a value
		}
		p.y = f
		if err := t.spend(len(p.name)); err != nil {
			return err
		}
		g.bubbles = append(g.bubbles, &packedBubble{p: p, value: f})
	}
	t.packedCount += len(g.bubbles)
	if t.packedCount > maxPackedBubbles {
		return refuse("the chart has more than %d packed bubbles, more than Sightglass draws", maxPackedBubbles)
	}
	t.packed = append(t.packed, g)
	return nil
}

// sizeShare reads minSize or maxSize: a share of the plot's smaller
// side ("10%"), or pixels (drawn as a share of a nominal plot, noted).
func (t *translation) sizeShare(s *src, key string, def float64) float64 {
	v, ok := s.opt(key)
	if !ok || v == nil {
		return def
	}
	pct, px := size(v)
	share := def
	switch {
	case pct != 0:
		share = pct / 100
	case px > 0:
		t.note("Packed bubble sizes given in pixels are drawn as shares of a " + strconv.Itoa(int(nominalPlot)) + "-pixel plot.")
		share = px / nominalPlot
	}
	if math.IsNaN(share) {
		return def
	}
	return math.Min(math.Max(share, 0), maxSizeShare)
}

// finishPacked sizes and packs every packed bubble series' bubbles and
// writes their series.
func (t *translation) finishPacked() {
	if len(t.packed) == 0 {
		return
	}
	first := t.packed[0].s
	n := float64(t.packedCount)
	minD := t.sizeShare(first, "minSize", 0.1) / math.Sqrt(max(n, 1))
	maxD := t.sizeShare(first, "maxSize", 0.5) / math.Sqrt(max(n, 1))
	byArea := true
	if v, ok := first.opt("sizeBy"); ok && text(v) == "width" {
		byArea = false
	}
	zMin, zMax := math.Inf(1), math.Inf(-1)
	for _, g := range t.packed {
		for _, b := range g.bubbles {
			zMin, zMax = math.Min(zMin, b.value), math.Max(zMax, b.value)
		}
	}
	if v, ok := first.numberOpt("zMin"); ok && !math.IsInf(v, 0) && !math.IsNaN(v) {
		zMin = v
	}
	if v, ok := first.numberOpt("zMax"); ok && !math.IsInf(v, 0) && !math.IsNaN(v) {
		zMax = v
	}
	padding := 5.0
	if v, ok := first.sub("layoutAlgorithm", "bubblePadding"); ok {
		if f, ok := v.(float64); ok && f >= 0 && f <= 100 {
			padding = f
		}
	}
	pad := padding / nominalPlot / 2 // half a gap around each bubble
	split := false
	if v, ok := first.sub("layoutAlgorithm", "splitSeries"); ok {
		split = truthy(v)
	}
	var all []*circle
	var parents []*circle
	for _, g := range t.packed {
		var group []*circle
		kept := g.bubbles[:0]
		for _, b := range g.bubbles {
			d := bubbleDiameter(b.value, zMin, zMax, minD, maxD, byArea)
			if d <= 0 {
				continue // Highcharts draws no bubble of radius 0
			}
			b.c = circle{r: d/2 + pad}
			kept = append(kept, b)
			group = append(group, &b.c)
		}
		g.bubbles = kept
		if !split {
			all = append(all, group...)
			continue
		}
		r := packCircles(group)
		parent := &circle{r: r + 20/nominalPlot}
		for _, c := range group {
			c.parent = parent
		}
		parents = append(parents, parent)
	}
	outer := 0.0
	if split {
		outer = packCircles(parents)
		for _, g := range t.packed {
			for _, b := range g.bubbles {
				b.c.x += b.c.parent.x
				b.c.y += b.c.parent.y
			}
		}
	} else {
		outer = packCircles(all)
	}
	scale := 1.0
	if outer > 0.5 {
		scale = 0.5 / outer
		t.note("Packed bubbles are drawn smaller, in proportion, to fit the plot.")
	}
	t.note("Packed bubbles are packed side by side; Highcharts places them by a simulation.")
	for i, g := range t.packed {
		data := make([]any, 0, len(g.bubbles)+3)
		if split {
			pc := parents[i]
			data = append(data, map[string]any{"id": "parent", "name": g.s.name(), "x": pc.x * scale, "y": pc.y * scale,
				SizeKey: 2 * pc.r * scale, "itemStyle": map[string]any{"color": brighten(g.color)},
				"tooltip": map[string]any{"show": false}, "label": map[string]any{"show": false}, "silent": true})
		}
		for j, b := range g.bubbles {
			c := b.p.color
			if c == nil {
				c = g.color
			}
			item := map[string]any{"id": strconv.Itoa(j), "name": b.p.name, "value": b.value, "x": b.c.x * scale, "y": b.c.y * scale,
				SizeKey: 2 * (b.c.r - pad) * scale}
			if c != nil {
				item["itemStyle"] = map[string]any{"color": c}
			}
			if g.labels != nil {
				item["label"] = g.labels.at(g.s, b.p, map[string]any{"value": b.value})
				_ = t.spend(labelBytes(item))
			}
			data = append(data, item)
		}
		for _, corner := range []float64{-0.5, 0.5} {
			data = append(data, map[string]any{"id": "corner" + strconv.FormatFloat(corner, 'f', -1, 64), "name": "", "x": corner, "y": corner, "symbolSize": 0,
				"tooltip": map[string]any{"show": false}, "label": map[string]any{"show": false}, "silent": true})
		}
		g.out["layout"] = "none"
		g.out["preserveAspect"] = true
		g.out["roam"] = false
		g.out["data"] = data
		g.out[PackedKey] = true
		g.out["label"] = map[string]any{"show": g.labels != nil, "position": "inside"}
		g.out["labelLayout"] = map[string]any{"hideOverlap": true} // as Highcharts hides overlapping data labels
		g.out["emphasis"] = map[string]any{"scale": false}
		if g.color != nil {
			g.out["itemStyle"] = map[string]any{"color": g.color}
		}
		t.series = append(t.series, g.out)
	}
}

// placePacked gives the packed bubble series the plot's margins (the
// grid's, once the legend and titles have set them).
func (t *translation) placePacked() {
	grid, _ := t.opt["grid"].(map[string]any)
	for _, g := range t.packed {
		for _, k := range []string{"left", "right", "top", "bottom"} {
			g.out[k] = grid[k]
		}
	}
}

// bubbleDiameter is a bubble's diameter, as a share of the plot's
// smaller side, as Highcharts sizes packed bubbles: values are clamped to
// [zMin, zMax]; one range of no width puts every bubble halfway.
func bubbleDiameter(v, zMin, zMax, minD, maxD float64, byArea bool) float64 {
	v = math.Min(math.Max(v, zMin), zMax)
	pos := 0.5
	if zMax > zMin { // halves: the widest finite range does not overflow
		pos = (v/2 - zMin/2) / (zMax/2 - zMin/2)
	}
	if byArea && pos >= 0 {
		pos = math.Sqrt(pos)
	}
	return minD + pos*(maxD-minD)
}

// brighten is a parent bubble's fill: its series color lightened as
// Highcharts lightens it (102, 40 % of 255, added to each channel), for
// a #rgb or #rrggbb color; another color is drawn as it is.
func brighten(c any) any {
	s, ok := c.(string)
	if !ok || !strings.HasPrefix(s, "#") || (len(s) != 4 && len(s) != 7) {
		return c
	}
	hex := s[1:]
	if len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	n, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		return c
	}
	out := "#"
	for shift := 16; shift >= 0; shift -= 8 {
		ch := float64(n >> uint(shift) & 0xff)
		ch = math.Min(255, ch+102)
		out += strconv.FormatUint(uint64(ch)|0x100, 16)[1:]
	}
	return out
}
