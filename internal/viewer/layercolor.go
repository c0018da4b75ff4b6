package viewer

import (
	"sort"
	"strconv"

	"github.com/sightglass/sightglass/internal/definition"
)

// layerPaint is how one shape of a layer map is drawn: its color (""
// for none) and opacity; hidden shapes are not drawn at all.
type layerPaint struct {
	color   string
	opacity float64
	hidden  bool
	// null: the shape had no value to color by, and is drawn with the
	// null-data style (nullStroke, nullWidth when set).
	null       bool
	nullStroke string
	nullWidth  *float64
	// unlisted: the value is not among the layer's categorical colors,
	// and the shape is drawn in the default color.
	unlisted bool
}

// layerValue is the value a shape is colored by: a number (a color
// measure), a text (a color dimension) or none.
type layerValue struct {
	num   float64
	isNum bool
	text  string
	has   bool
}

// paint colors a shape by c for its value v; a nil c is the default
// color, fallback.
func paint(c *definition.GeospatialColor, v layerValue, fallback string) (layerPaint, string) {
	out := layerPaint{color: fallback, opacity: 1}
	switch {
	case c == nil:
	case c.Solid != nil:
		out.color = c.Solid.Color
		if c.Solid.State == "DISABLED" {
			out.color = "none"
		}
	case c.Gradient != nil:
		g := c.Gradient
		if g.DefaultOpacity != nil {
			out.opacity = *g.DefaultOpacity
		}
		if !v.has || !v.isNum {
			return nullPaint(out, g.NullDataVisibility, g.NullDataSettings), ""
		}
		if len(g.StepColors) == 0 {
			return out, "a gradient color without steps"
		}
		stops := make([]gradientStop, 0, len(g.StepColors))
		for _, st := range g.StepColors {
			rgb, ok := parseRGB(st.Color)
			if !ok {
				return out, "a gradient step color " + strconv.Quote(st.Color) + " that is not #RRGGBB"
			}
			at := st.DataValue
			stops = append(stops, gradientStop{value: &at, color: rgb})
		}
		sort.SliceStable(stops, func(i, j int) bool { return *stops[i].value < *stops[j].value })
		out.color = gradientAt(stops, v.num, 0, 0).String() // the conditional formats' gradient
	case c.Categorical != nil:
		k := c.Categorical
		if k.DefaultOpacity != nil {
			out.opacity = *k.DefaultOpacity
		}
		if !v.has {
			return nullPaint(out, k.NullDataVisibility, k.NullDataSettings), ""
		}
		text := v.text
		if v.isNum {
			text = strconv.FormatFloat(v.num, 'f', -1, 64)
		}
		for _, d := range k.CategoryDataColors {
			if d.DataValue == text {
				out.color = d.Color
				return out, ""
			}
		}
		out.unlisted = true
	}
	return out, ""
}

// nullPaint is a shape without a value: hidden when its layer hides null
// data, else in the null-data style (a light gray without one).
func nullPaint(p layerPaint, visibility string, s *definition.GeospatialNullSettings) layerPaint {
	p.null = true
	if visibility == "HIDDEN" {
		p.hidden = true
		return p
	}
	p.color = "#d5d9de"
	if s != nil && s.SymbolStyle != nil {
		if s.SymbolStyle.FillColor != "" {
			p.color = s.SymbolStyle.FillColor
		}
		p.nullStroke, p.nullWidth = s.SymbolStyle.StrokeColor, s.SymbolStyle.StrokeWidth
	}
	return p
}
