package viewer

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

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
		steps := append(g.StepColors[:0:0], g.StepColors...)
		sort.SliceStable(steps, func(i, j int) bool { return steps[i].DataValue < steps[j].DataValue })
		out.color = steps[len(steps)-1].Color
		for i, s := range steps {
			if v.num <= s.DataValue {
				out.color = s.Color
				if i > 0 {
					lo := steps[i-1]
					out.color = mixColor(lo.Color, s.Color, (v.num-lo.DataValue)/(s.DataValue-lo.DataValue))
				}
				break
			}
		}
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

// mixColor is the color at t (0…1) between two #RRGGBB colors; a color
// that is not #RRGGBB is taken as it is at its end of the range.
func mixColor(a, b string, t float64) string {
	ra, oka := rgbOf(a)
	rb, okb := rgbOf(b)
	if !oka || !okb {
		if t < 0.5 {
			return a
		}
		return b
	}
	var out [3]int
	for i := range out {
		out[i] = int(float64(ra[i]) + (float64(rb[i])-float64(ra[i]))*t + 0.5)
	}
	return fmt.Sprintf("#%02X%02X%02X", out[0], out[1], out[2])
}

func rgbOf(s string) ([3]int, bool) {
	s = strings.TrimPrefix(s, "#")
	if len(s) != 6 {
		return [3]int{}, false
	}
	n, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return [3]int{}, false
	}
	return [3]int{int(n >> 16 & 0xff), int(n >> 8 & 0xff), int(n & 0xff)}, true
}
