package viewer

import (
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/definition"
)

// Free-form and section-based layouts are drawn on the sheet's grid (36
// columns; rows of 1.5rem with a 0.6rem gap): each element's pixel box
// on its canvas becomes a grid area, hidden elements are not drawn, and a
// section-based layout's header, body and footer sections are stacked in
// that order, each below the previous one's lowest element.

// gridRowPx is the height of one grid row and its gap, in CSS pixels.
const gridRowPx = 33.6

// maxGridRow bounds how far down the grid an element is placed, so that a
// definition cannot make the page lay out an enormous grid.
const maxGridRow = 2000

// defaultCanvasPx is the width of a free-form canvas that gives none.
const defaultCanvasPx = 1600

type freeFormElement struct {
	ElementId      string
	RenderingRules []json.RawMessage
	XAxisLocation  string
	YAxisLocation  string
	Width          string
	Height         string
	Visibility     string
}

type freeFormLayout struct {
	Elements          []freeFormElement
	CanvasSizeOptions *struct {
		ScreenCanvasSizeOptions *struct{ OptimizedViewPortWidth string }
	}
}

type sectionLayouts struct {
	Layout  *struct{ FreeFormLayout *freeFormLayout }
	Content *struct {
		Layout *struct{ FreeFormLayout *freeFormLayout }
	}
}

type sectionBasedLayout struct {
	HeaderSections, BodySections, FooterSections []sectionLayouts
	CanvasSizeOptions                            *struct {
		PaperCanvasSizeOptions *struct{ PaperSize, PaperOrientation string }
	}
}

// placeOther places the elements of a free-form or section-based layout;
// false when the configuration has neither.
func (l *layout) placeOther(c *definition.LayoutConfiguration) bool {
	switch {
	case len(c.FreeFormLayout) > 0:
		var f freeFormLayout
		if json.Unmarshal(c.FreeFormLayout, &f) != nil {
			return false
		}
		width := float64(defaultCanvasPx)
		if o := f.CanvasSizeOptions; o != nil && o.ScreenCanvasSizeOptions != nil {
			if w, ok := pixels(o.ScreenCanvasSizeOptions.OptimizedViewPortWidth); ok && w > 0 {
				width = w
			}
		}
		l.placeFree(f.Elements, width, 0)
		return true
	case len(c.SectionBasedLayout) > 0:
		var s sectionBasedLayout
		if json.Unmarshal(c.SectionBasedLayout, &s) != nil {
			return false
		}
		width := paperWidth(s.CanvasSizeOptions)
		top := 0.0
		for _, group := range [][]sectionLayouts{s.HeaderSections, s.BodySections, s.FooterSections} {
			for _, sec := range group {
				var f *freeFormLayout
				switch {
				case sec.Layout != nil:
					f = sec.Layout.FreeFormLayout
				case sec.Content != nil && sec.Content.Layout != nil:
					f = sec.Content.Layout.FreeFormLayout
				}
				if f != nil {
					top = l.placeFree(f.Elements, width, top)
				}
			}
		}
		return true
	}
	return false
}

// placeFree places free-form elements on a canvas width pixels wide whose
// top is top pixels down the sheet; it returns the bottom of the lowest.
func (l *layout) placeFree(es []freeFormElement, width, top float64) float64 {
	type box struct {
		id         string
		x, y, w, h float64
	}
	var boxes []box
	bottom := top
	for _, e := range es {
		if len(e.RenderingRules) > 0 {
			l.ruled++
		}
		if e.Visibility == "HIDDEN" {
			l.hidden[e.ElementId] = true
			continue
		}
		x, _ := pixels(e.XAxisLocation)
		y, _ := pixels(e.YAxisLocation)
		w, okW := pixels(e.Width)
		h, okH := pixels(e.Height)
		if !okW || w <= 0 {
			w = width / 2
		}
		if !okH || h <= 0 {
			h = 12 * gridRowPx
		}
		boxes = append(boxes, box{e.ElementId, x, top + y, w, h})
		bottom = max(bottom, top+y+h)
	}
	// Reading order: top to bottom, then left to right.
	sort.SliceStable(boxes, func(i, j int) bool {
		if boxes[i].y != boxes[j].y {
			return boxes[i].y < boxes[j].y
		}
		return boxes[i].x < boxes[j].x
	})
	// Both edges of a box are rounded to the grid alike, so that boxes
	// that touch do not overlap on it.
	for _, b := range boxes {
		col := min(max(int(math.Round(b.x/width*36)), 0), 35)
		cs := min(max(int(math.Round((b.x+b.w)/width*36))-col, 1), 36-col)
		row := min(max(int(math.Round(b.y/gridRowPx)), 0), maxGridRow)
		rs := min(max(int(math.Round((b.y+b.h)/gridRowPx))-row, 1), 100)
		l.pos[b.id] = len(l.pos)
		l.styles[b.id] = "grid-column: " + strconv.Itoa(col+1) + " / span " + strconv.Itoa(cs) +
			"; grid-row: " + strconv.Itoa(row+1) + " / span " + strconv.Itoa(rs)
	}
	return bottom
}

// pixels reads a length such as "600px" (a bare number is pixels too).
func pixels(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "px"), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < 0 || f > 1e6 {
		return 0, false
	}
	return f, true
}

// paperWidth is a section-based layout's page width in CSS pixels (96 a
// inch): the width its elements' positions are measured on.
func paperWidth(o *struct {
	PaperCanvasSizeOptions *struct{ PaperSize, PaperOrientation string }
}) float64 {
	const mm = 96 / 25.4
	sizes := map[string][2]float64{ // width, height in millimetres
		"US_LETTER": {215.9, 279.4}, "US_LEGAL": {215.9, 355.6}, "US_TABLOID_LEDGER": {279.4, 431.8},
		"A0": {841, 1189}, "A1": {594, 841}, "A2": {420, 594}, "A3": {297, 420}, "A4": {210, 297}, "A5": {148, 210},
		"JIS_B4": {257, 364}, "JIS_B5": {182, 257},
	}
	size, landscape := sizes["US_LETTER"], false
	if o != nil && o.PaperCanvasSizeOptions != nil {
		if s, ok := sizes[o.PaperCanvasSizeOptions.PaperSize]; ok {
			size = s
		}
		landscape = o.PaperCanvasSizeOptions.PaperOrientation == "LANDSCAPE"
	}
	if landscape {
		return size[1] * mm
	}
	return size[0] * mm
}

// notes are what a sheet says of its layout that is not applied.
func (l *layout) notes() []string {
	if l.ruled == 0 {
		return nil
	}
	return []string{"Conditional visibility (the rendering rules of " + strconv.Itoa(l.ruled) +
		" layout elements) is not yet applied by Sightglass: each element is shown or hidden as its layout's visibility says."}
}
