package viewer

import (
	"encoding/json"
	"sort"
	"strconv"

	"github.com/sightglass/sightglass/internal/definition"
)

// layerLegend is what a layer map's legend reads of its Legend options.
type layerLegend struct {
	Visibility string
	Title      *struct {
		Visibility  string
		CustomLabel string
	}
}

// layerLegendGraphic draws the legend of a layer map's first joined
// layer colored by a field: its gradient as a bar from the lowest step's
// value to the highest, or its categories' swatches (the first 8), titled
// by the field (or the legend's custom title), on a white card in the
// map's upper left corner; nil when there is none or the legend is
// hidden.
func layerLegendGraphic(lm *definition.LayerMapVisual, drawn []*drawnLayer) obj {
	var lg layerLegend
	if raw := lm.ChartConfiguration.Legend; len(raw) > 0 && json.Unmarshal(raw, &lg) == nil && lg.Visibility == "HIDDEN" {
		return nil
	}
	for _, d := range drawn {
		fill := layerFill(d.item)
		if !d.joined || d.color == nil || fill == nil {
			continue
		}
		title := d.color.label
		if lg.Title != nil && lg.Title.CustomLabel != "" {
			title = lg.Title.CustomLabel
		}
		if lg.Title != nil && lg.Title.Visibility == "HIDDEN" {
			title = ""
		}
		children := []obj{
			{"type": "rect", "x": -6, "y": -4, "shape": obj{"width": 172, "height": 50, "r": 3}, "style": obj{"fill": "rgba(255,255,255,0.88)"}},
			{"type": "text", "x": 0, "y": 0, "style": obj{"text": title, "fontSize": 11, "fill": "#4a5560"}}}
		switch {
		case fill.Gradient != nil && len(fill.Gradient.StepColors) > 0:
			steps := append(fill.Gradient.StepColors[:0:0], fill.Gradient.StepColors...)
			sort.SliceStable(steps, func(i, j int) bool { return steps[i].DataValue < steps[j].DataValue })
			lo, hi := steps[0].DataValue, steps[len(steps)-1].DataValue
			stops := make([]obj, len(steps))
			for i, s := range steps {
				off := 0.0
				if hi > lo {
					off = (s.DataValue - lo) / (hi - lo)
				}
				stops[i] = obj{"offset": off, "color": s.Color}
			}
			children = append(children,
				obj{"type": "rect", "x": 0, "y": 16, "shape": obj{"width": 160, "height": 10},
					"style": obj{"fill": obj{"type": "linear", "x": 0, "y": 0, "x2": 1, "y2": 0, "colorStops": stops}}},
				obj{"type": "text", "x": 0, "y": 30, "style": obj{"text": d.color.text(lo), "fontSize": 11, "fill": "#4a5560"}},
				obj{"type": "text", "x": 160, "y": 30, "style": obj{"text": d.color.text(hi), "fontSize": 11, "fill": "#4a5560", "align": "right"}})
		case fill.Categorical != nil && len(fill.Categorical.CategoryDataColors) > 0:
			x := 0
			for i, c := range fill.Categorical.CategoryDataColors {
				if i == 8 {
					children = append(children, obj{"type": "text", "x": x, "y": 18, "style": obj{"text": "+" + strconv.Itoa(len(fill.Categorical.CategoryDataColors)-8), "fontSize": 11, "fill": "#4a5560"}})
					break
				}
				children = append(children,
					obj{"type": "rect", "x": x, "y": 18, "shape": obj{"width": 10, "height": 10}, "style": obj{"fill": c.Color}},
					obj{"type": "text", "x": x + 14, "y": 18, "style": obj{"text": c.DataValue, "fontSize": 11, "fill": "#4a5560"}})
				x += 24 + 7*len([]rune(c.DataValue))
			}
			children[0]["shape"].(obj)["width"] = max(172, x+6)
		default:
			continue
		}
		for _, c := range children {
			c["z"] = 100 // over the map's shapes
		}
		return obj{"type": "group", "left": 12, "top": 10, "silent": true, "z": 100, "children": children}
	}
	return nil
}
