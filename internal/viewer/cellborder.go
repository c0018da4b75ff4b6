package viewer

import (
	"encoding/json"
	"strconv"
)

// The borders of a styled region of a table (GlobalTableBorderOptions in
// a TableCellStyle). A UniformBorder draws every side of every cell of
// the region; a SideSpecificBorder draws Left, Right, Top and Bottom on
// the region's outer edges and InnerVertical and InnerHorizontal between
// its cells. Given both, the side-specific borders are drawn over the
// uniform one. Each border is checked before it becomes CSS: a Style of
// NONE or SOLID, a Thickness of 1 to 4 px (1 when not given), a color
// by cssColor (the stylesheet's line color when not given); a border
// with any other value is not drawn, and named.

// Sides of a SideSpecificBorder, in tableBorders.sides.
const (
	sideLeft = iota
	sideRight
	sideTop
	sideBottom
	sideInnerV
	sideInnerH
	nSides
)

var sideNames = [nSides]string{"Left", "Right", "Top", "Bottom", "InnerVertical", "InnerHorizontal"}

// tableBorders are a region's borders as CSS values ("1px solid #AABBCC"
// or "none"); "" where none is set.
type tableBorders struct {
	uniform string
	sides   [nSides]string
}

// edges say where a cell is in its region: on which of its outer edges.
type edges struct{ top, bottom, left, right bool }

// borderOptions is QuickSight's TableBorderOptions.
type borderOptions struct {
	Color     string
	Style     string
	Thickness *float64
}

// readBorders reads a GlobalTableBorderOptions; not names what is not
// drawn.
func readBorders(raw json.RawMessage) (b tableBorders, not []string) {
	var g struct {
		UniformBorder      *borderOptions
		SideSpecificBorder map[string]*borderOptions
	}
	if len(raw) == 0 || string(raw) == "null" {
		return b, nil
	}
	if json.Unmarshal(raw, &g) != nil {
		return b, []string{"a Border that cannot be read"}
	}
	if g.UniformBorder != nil {
		var n []string
		b.uniform, n = borderValue("UniformBorder", g.UniformBorder)
		not = append(not, n...)
	}
	known := map[string]bool{}
	for i, name := range sideNames {
		known[name] = true
		if o := g.SideSpecificBorder[name]; o != nil {
			var n []string
			b.sides[i], n = borderValue("SideSpecificBorder "+name, o)
			not = append(not, n...)
		}
	}
	for k, o := range g.SideSpecificBorder {
		if !known[k] && o != nil {
			not = append(not, "SideSpecificBorder "+k)
		}
	}
	return b, not
}

// borderValue writes one border as a CSS value, "" (and its name in not)
// when a value is not one Sightglass draws.
func borderValue(name string, o *borderOptions) (string, []string) {
	style := "solid"
	switch o.Style {
	case "", "SOLID":
	case "NONE":
		return "none", nil
	default:
		return "", []string{name + " Style " + strconv.Quote(o.Style)}
	}
	width := "1px"
	if t := o.Thickness; t != nil {
		if *t < 1 || *t > 4 {
			return "", []string{name + " Thickness " + strconv.FormatFloat(*t, 'g', -1, 64)}
		}
		width = strconv.FormatFloat(*t, 'f', -1, 64) + "px"
	}
	color := "var(--line)"
	if o.Color != "" {
		if color = cssColor(o.Color); color == "" {
			return "", []string{name + " Color " + strconv.Quote(o.Color)}
		}
	}
	return width + " " + style + " " + color, nil
}

// sided reports whether any side-specific border is set.
func (b tableBorders) sided() bool { return b != tableBorders{uniform: b.uniform} }

// at is the CSS of the borders of a cell at place pl of its region.
func (b tableBorders) at(pl edges) string {
	var s string
	if b.uniform != "" {
		s = "border: " + b.uniform + ";"
	}
	side := func(prop string, outer bool, edge, inner int) {
		v := b.sides[inner]
		if outer {
			v = b.sides[edge]
		}
		if v != "" {
			s += prop + ": " + v + ";"
		}
	}
	side("border-left", pl.left, sideLeft, sideInnerV)
	side("border-right", pl.right, sideRight, sideInnerV)
	side("border-top", pl.top, sideTop, sideInnerH)
	side("border-bottom", pl.bottom, sideBottom, sideInnerH)
	return s
}
