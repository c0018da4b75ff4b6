package console

import (
	"maps"
	"slices"
	"strings"

	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/viewer"
)

// viewerTheme turns a content's theme into what the viewer draws a sheet
// with: the data palette for the charts, the UI palette as the custom
// properties the console's stylesheet reads (--card and --fg for tiles,
// the sheet's background and color, --accent), the fonts, and the tile
// border, gutter and margin. Colors and font names were checked by
// internal/app (#RRGGBB, letters and spaces), so the CSS is only theirs.
func viewerTheme(s *app.ThemeStyle) *viewer.Theme {
	if s == nil {
		return nil
	}
	t := &viewer.Theme{Colors: slices.Clone(s.Colors), Notice: s.Notice, ChartText: s.UI["PrimaryForeground"], UI: maps.Clone(s.UI)}
	if len(s.FontFamilies) > 0 {
		var fonts []string
		for _, f := range s.FontFamilies {
			fonts = append(fonts, "'"+f+"'")
		}
		t.FontFamily = strings.Join(append(fonts, "sans-serif"), ", ")
	}
	var css strings.Builder
	decl := func(prop, value string) {
		if value != "" {
			css.WriteString(prop + ":" + value + ";")
		}
	}
	decl("background", s.UI["SecondaryBackground"])
	decl("color", s.UI["SecondaryForeground"])
	decl("--muted", s.UI["SecondaryForeground"])
	decl("--card", s.UI["PrimaryBackground"])
	decl("--fg", s.UI["PrimaryForeground"])
	decl("--accent", s.UI["Accent"])
	decl("font-family", t.FontFamily)
	if !s.TileBorder {
		decl("--tile-border", "transparent")
	}
	if !s.Gutter {
		decl("--gutter", "0")
	}
	if !s.Margin {
		decl("--margin", "0")
	} else if s.UI["SecondaryBackground"] != "" {
		decl("--margin", ".6rem")
	}
	t.CSS = css.String()
	return t
}
