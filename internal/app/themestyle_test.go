package app

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzThemeConfiguration feeds arbitrary ThemeConfiguration JSON: parsing
// never panics, a refusal is InvalidParameterValueException, and what
// reaches the viewer (it goes into CSS and chart options) is only
// #RRGGBB colors and plain font names.
func FuzzThemeConfiguration(f *testing.F) {
	for _, b := range builtinThemes {
		f.Add(string(b.Configuration))
	}
	f.Add(`{"DataColorPalette":{"Colors":["red","#12345G","#ABCDEF;x:y"]},"UIColorPalette":{"Accent":"#000000\"><script>"}}`)
	f.Add(`{"Typography":{"FontFamilies":[{"FontFamily":"a';}body{x"},{"FontFamily":"Georgia"}]}}`)
	f.Add(`{"Sheet":{"Tile":{"Border":{"Show":false}}}}`)
	f.Fuzz(func(t *testing.T, raw string) {
		conf, err := parseThemeConfiguration(json.RawMessage(raw))
		if err != nil {
			return
		}
		s := styleOf("arn:aws:quicksight::aws:theme/X", nil, conf)
		colors := append(append([]string{s.EmptyFillColor}, s.Colors...), s.MinMaxGradient...)
		for _, c := range s.UI {
			colors = append(colors, c)
		}
		for _, c := range colors {
			if c != "" && !reHexColor.MatchString(c) {
				t.Fatalf("color %q reaches the viewer", c)
			}
		}
		for _, f := range s.FontFamilies {
			if !reFontName.MatchString(f) || strings.ContainsAny(f, `'";{}<>:\`) {
				t.Fatalf("font %q reaches the viewer", f)
			}
		}
	})
}

// TestThemeStyleLayers: a custom theme's configuration is laid over its
// starting theme's, member by member.
func TestThemeStyleLayers(t *testing.T) {
	base, _ := parseThemeConfiguration(builtinThemes["MIDNIGHT"].Configuration)
	conf, err := parseThemeConfiguration(json.RawMessage(`{"DataColorPalette":{"Colors":["#111111","#222222"]},
		"UIColorPalette":{"PrimaryBackground":"#333333"},"Sheet":{"TileLayout":{"Margin":{"Show":false}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	s := styleOf("x", base, conf)
	if strings.Join(s.Colors, ",") != "#111111,#222222" || s.UI["PrimaryBackground"] != "#333333" ||
		s.UI["SecondaryBackground"] != "#232b33" || s.Margin || !s.Gutter || s.FontFamilies[0] != "Amazon Ember" {
		t.Errorf("layered style: %+v", s)
	}
}
