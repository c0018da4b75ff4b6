package viewer

// Theme is the look a sheet is drawn with: an analysis's or dashboard's
// theme (see internal/app's ThemeStyle). It changes colors and fonts,
// never the numbers drawn.
type Theme struct {
	Colors     []string // series colors in order: ECharts' color option
	FontFamily string   // a CSS font-family list, "" for the console's
	ChartText  string   // text color in charts, "" for ECharts' own
	// UI is the theme's UI palette by member name ("PrimaryBackground"),
	// which a Highcharts visual's getPaletteColor reads.
	UI map[string]string
	// CSS is the declarations of the sheet's style attribute (custom
	// properties the console's stylesheet reads, background, color,
	// font), built from checked colors and font names only.
	CSS string
	// Notice says why the theme the content names is not the one drawn.
	Notice string
}

// SetTheme makes the view draw with t (nil: the console's own look).
func (v *View) SetTheme(t *Theme) { v.theme = t }

// applyTheme sets the theme's palette and font in a chart's option. A
// visual whose own option already names colors (a heat map's scale)
// keeps them: they are in its series or visual map, not in color.
func (v *View) applyTheme(opt obj) {
	t := v.theme
	if t == nil {
		return
	}
	if len(t.Colors) > 0 {
		opt["color"] = t.Colors
	}
	text := obj{}
	if t.FontFamily != "" {
		text["fontFamily"] = t.FontFamily
	}
	if t.ChartText != "" {
		text["color"] = t.ChartText
	}
	if len(text) > 0 {
		opt["textStyle"] = text
	}
}
