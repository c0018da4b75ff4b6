package viewer

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// A TableCellStyle (of a table's header or cells, of a pivot's headers,
// cells and totals) drawn as CSS on the cells it styles. Every value is
// checked before it becomes CSS: colors by cssColor, keywords from fixed
// lists, numbers within bounds; what is not drawn is named, for the tile
// to say so.

// tableCellStyle is QuickSight's TableCellStyle, as much as is drawn.
type tableCellStyle struct {
	Visibility        string
	FontConfiguration *struct {
		FontSize *struct {
			Relative string
			Absolute string
		}
		FontDecoration string
		FontColor      string
		FontWeight     *struct{ Name string }
		FontStyle      string
	}
	TextWrap                string
	HorizontalTextAlignment string
	VerticalTextAlignment   string
	BackgroundColor         string
	Height                  *float64
	Border                  json.RawMessage
}

// cellStyle is a read TableCellStyle: the CSS of every cell of the
// region it styles, the region's borders (placed cell by cell), whether
// it sets a background, and whether its Visibility hides the region.
type cellStyle struct {
	css        string
	border     tableBorders
	background bool
	hidden     bool
}

// at is the CSS of a cell at place pl of the region.
func (s cellStyle) at(pl edges) string { return s.css + s.border.at(pl) }

var (
	fontSizes  = map[string]string{"EXTRA_SMALL": "x-small", "SMALL": "small", "MEDIUM": "medium", "LARGE": "large", "EXTRA_LARGE": "x-large"}
	textAligns = map[string]string{"LEFT": "left", "CENTER": "center", "RIGHT": "right"}
	vertAligns = map[string]string{"TOP": "top", "MIDDLE": "middle", "BOTTOM": "bottom"}
)

// Bounds of a cell style's Height and absolute font size, in px.
const (
	maxCellHeight = 1000
	minCellFontPx = 4
	maxCellFontPx = 160
)

// cellLook writes a TableCellStyle as the CSS of each of its cells,
// where no cell's place in a region matters (a pivot's totals): its
// side-specific borders and a hidden Visibility are named in not, with
// the rest readCellStyle does not draw.
func cellLook(raw map[string]json.RawMessage) (css string, not []string) {
	s, not := readCellStyle(raw)
	if s.border.sided() {
		not = append(not, "SideSpecificBorder")
	}
	if s.hidden {
		not = append(not, "Visibility HIDDEN")
	}
	return s.css + s.border.at(edges{}), not
}

// readCellStyle reads a TableCellStyle; not names what it sets that is
// not drawn. An empty or null style (as QuickSight's editor writes them)
// sets nothing.
func readCellStyle(raw map[string]json.RawMessage) (cs cellStyle, not []string) {
	if len(raw) == 0 {
		return cs, nil
	}
	b, _ := json.Marshal(raw)
	var s tableCellStyle
	if json.Unmarshal(b, &s) != nil {
		return cs, []string{"a style that cannot be read"}
	}
	known := map[string]bool{"Visibility": true, "FontConfiguration": true, "TextWrap": true, "HorizontalTextAlignment": true,
		"VerticalTextAlignment": true, "BackgroundColor": true, "Height": true, "Border": true}
	var keys []string
	for k := range raw {
		if !known[k] && string(raw[k]) != "null" {
			keys = append(keys, k)
		}
	}
	var font map[string]json.RawMessage
	if json.Unmarshal(raw["FontConfiguration"], &font) == nil {
		fontKnown := map[string]bool{"FontSize": true, "FontDecoration": true, "FontColor": true, "FontWeight": true, "FontStyle": true}
		for k := range font {
			if !fontKnown[k] && string(font[k]) != "null" {
				keys = append(keys, "FontConfiguration "+k)
			}
		}
	}
	sort.Strings(keys)
	not = append(not, keys...)
	var out strings.Builder
	add := func(prop, v string) { out.WriteString(prop + ": " + v + ";") }
	color := func(name, prop, v string) bool {
		if v == "" {
			return false
		}
		if c := cssColor(v); c != "" {
			add(prop, c)
			return true
		}
		not = append(not, name+" "+strconv.Quote(v))
		return false
	}
	enum := func(name, prop, v string, m map[string]string, none ...string) {
		if v == "" {
			return
		}
		for _, n := range none {
			if v == n {
				return
			}
		}
		if c, ok := m[v]; ok {
			add(prop, c)
			return
		}
		not = append(not, name+" "+v)
	}
	if f := s.FontConfiguration; f != nil {
		color("FontColor", "color", f.FontColor)
		if w := f.FontWeight; w != nil {
			enum("FontWeight", "font-weight", w.Name, map[string]string{"BOLD": "bold", "NORMAL": "normal"})
		}
		enum("FontStyle", "font-style", f.FontStyle, map[string]string{"ITALIC": "italic", "NORMAL": "normal"})
		enum("FontDecoration", "text-decoration", f.FontDecoration, map[string]string{"UNDERLINE": "underline", "NONE": "none"})
		if z := f.FontSize; z != nil {
			enum("FontSize", "font-size", z.Relative, fontSizes)
			if z.Absolute != "" {
				if px, ok := absoluteFontPx(z.Absolute); ok {
					add("font-size", px)
				} else {
					not = append(not, "FontSize Absolute "+strconv.Quote(z.Absolute))
				}
			}
		}
	}
	cs.background = color("BackgroundColor", "background-color", s.BackgroundColor)
	if cs.background && (s.FontConfiguration == nil || s.FontConfiguration.FontColor == "") && darkColor(s.BackgroundColor) {
		// A dark background without a font color gets white text (the
		// AWS News Feeds tables' dark blue headers kept the theme's grey
		// text, unreadable on them); a later font color still wins.
		add("color", "#ffffff")
	}
	enum("HorizontalTextAlignment", "text-align", s.HorizontalTextAlignment, textAligns, "AUTO")
	enum("VerticalTextAlignment", "vertical-align", s.VerticalTextAlignment, vertAligns, "AUTO")
	enum("TextWrap", "white-space", s.TextWrap, map[string]string{"NONE": "nowrap", "WRAP": "normal"})
	if h := s.Height; h != nil {
		if *h >= 0 && *h <= maxCellHeight {
			add("height", strconv.FormatFloat(*h, 'f', -1, 64)+"px")
		} else {
			not = append(not, "Height "+strconv.FormatFloat(*h, 'g', -1, 64))
		}
	}
	var n []string
	cs.border, n = readBorders(s.Border)
	not = append(not, n...)
	switch s.Visibility {
	case "", "VISIBLE":
	case "HIDDEN":
		cs.hidden = true
	default:
		not = append(not, "Visibility "+strconv.Quote(s.Visibility))
	}
	cs.css = out.String()
	return cs, not
}

// absoluteFontPx reads an absolute FontSize, a number of pixels written
// "16px" (or "16"), as CSS; ok is false for anything else or a size
// outside minCellFontPx to maxCellFontPx.
func absoluteFontPx(s string) (string, bool) {
	num := strings.TrimSuffix(s, "px")
	if num == "" || strings.TrimLeft(num, "0123456789.") != "" {
		return "", false
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f < minCellFontPx || f > maxCellFontPx {
		return "", false
	}
	return strconv.FormatFloat(f, 'f', -1, 64) + "px", true
}

// darkColor reports whether a #RGB or #RRGGBB color takes white text:
// a perceived brightness (the YIQ weights) below 150 of 255, as mid blues
// and greens do.
func darkColor(c string) bool {
	x, ok := parseRGB(c)
	return ok && (299*x.r+587*x.g+114*x.b)/1000 < 150
}
