package app

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"sync"

	sg "github.com/sightglass/sightglass"
)

// themeConfiguration is the part of QuickSight's ThemeConfiguration the
// viewer draws with. Other members (font sizes per element, sheet
// backgrounds) are kept in the stored version but not drawn.
type themeConfiguration struct {
	DataColorPalette *struct {
		Colors         []string
		MinMaxGradient []string
		EmptyFillColor string
	}
	UIColorPalette map[string]string
	Sheet          *struct {
		Tile *struct {
			Border *struct{ Show *bool }
		}
		TileLayout *struct {
			Gutter *struct{ Show *bool }
			Margin *struct{ Show *bool }
		}
	}
	Typography *struct {
		FontFamilies []struct{ FontFamily string }
	}
}

func parseThemeConfiguration(raw json.RawMessage) (*themeConfiguration, error) {
	var c themeConfiguration
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, sg.Errorf(sg.EINVALID, "Configuration is not a ThemeConfiguration: %v", err)
	}
	return &c, nil
}

// ThemeStyle is what the viewer draws a sheet with: a theme's
// configuration laid over its starting theme's.
type ThemeStyle struct {
	ARN            string   // the theme drawn
	Colors         []string // series colors, in order
	MinMaxGradient []string
	EmptyFillColor string
	UI             map[string]string // UIColorPalette member → #RRGGBB
	FontFamilies   []string
	TileBorder     bool
	Gutter, Margin bool
	// Notice says why the theme an analysis or dashboard names is not
	// the one drawn (deleted, or not shared with the viewer); "" when it is.
	Notice string
}

var (
	reHexColor = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
	reFontName = regexp.MustCompile(`^[\w][\w \-]{0,63}$`)
)

// hexColors keeps the colors of the form #RRGGBB: what the viewer draws
// with goes into CSS and chart options, so nothing else passes (the
// service model's pattern already refuses them at the API).
func hexColors(cs []string) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		if reHexColor.MatchString(c) {
			out = append(out, c)
		}
	}
	return out
}

// styleOf lays conf over base.
func styleOf(arn string, base, conf *themeConfiguration) *ThemeStyle {
	s := &ThemeStyle{ARN: arn, UI: map[string]string{}, TileBorder: true, Gutter: true, Margin: true}
	for _, c := range []*themeConfiguration{base, conf} {
		if c == nil {
			continue
		}
		if p := c.DataColorPalette; p != nil {
			if cs := hexColors(p.Colors); len(cs) > 0 {
				s.Colors = cs
			}
			if cs := hexColors(p.MinMaxGradient); len(cs) > 0 {
				s.MinMaxGradient = cs
			}
			if reHexColor.MatchString(p.EmptyFillColor) {
				s.EmptyFillColor = p.EmptyFillColor
			}
		}
		for k, v := range c.UIColorPalette {
			if reHexColor.MatchString(v) {
				s.UI[k] = v
			}
		}
		if sh := c.Sheet; sh != nil {
			if sh.Tile != nil && sh.Tile.Border != nil && sh.Tile.Border.Show != nil {
				s.TileBorder = *sh.Tile.Border.Show
			}
			if l := sh.TileLayout; l != nil {
				if l.Gutter != nil && l.Gutter.Show != nil {
					s.Gutter = *l.Gutter.Show
				}
				if l.Margin != nil && l.Margin.Show != nil {
					s.Margin = *l.Margin.Show
				}
			}
		}
		if t := c.Typography; t != nil && len(t.FontFamilies) > 0 {
			s.FontFamilies = s.FontFamilies[:0]
			for _, f := range t.FontFamilies {
				if reFontName.MatchString(f.FontFamily) {
					s.FontFamilies = append(s.FontFamilies, f.FontFamily)
				}
			}
		}
	}
	return s
}

// builtinConfigurations are the starting themes' configurations, parsed
// once: every sheet drawn with a theme lays over one.
var builtinConfigurations = sync.OnceValue(func() map[string]*themeConfiguration {
	m := make(map[string]*themeConfiguration, len(builtinThemes))
	for id, b := range builtinThemes {
		c, err := parseThemeConfiguration(b.Configuration)
		if err != nil {
			panic("starting theme " + id + ": " + err.Error())
		}
		m[id] = c
	}
	return m
})

func builtinStyle(id string) *ThemeStyle {
	return styleOf(BuiltinThemeARN(id), builtinConfigurations()[id], nil)
}

// ThemeStyleOf returns the style the viewer draws content of the account
// with when it names themeARN: nil for none (the console's own look). A
// theme that no longer exists draws as the console's own look with a
// Notice saying so; themes never change the numbers drawn.
// Whoever may see the content sees it with its theme: who may use a
// theme is checked when content names it (checkThemeUsable), as
// QuickSight shares a dashboard's theme with its readers.
func (a *App) ThemeStyleOf(ctx context.Context, accountID, themeARN string) *ThemeStyle {
	if themeARN == "" {
		return nil
	}
	fallback := func(why string) *ThemeStyle {
		return &ThemeStyle{ARN: themeARN, UI: map[string]string{}, TileBorder: true, Gutter: true, Margin: true,
			Notice: "The theme " + themeARN + " " + why + "; this sheet is drawn with the default look."}
	}
	p, ok := sg.ParseARN(themeARN)
	if !ok {
		return fallback("is not a theme ARN")
	}
	kind, id, _ := strings.Cut(p.Resource, "/")
	if kind != "theme" {
		return fallback("is not a theme ARN")
	}
	if p.AccountID == sg.AWSManagedAccount {
		if !isBuiltinTheme(id) {
			return fallback("does not exist")
		}
		return builtinStyle(id)
	}
	if p.AccountID != accountID || p.Region != a.Region {
		return fallback("is not in this account")
	}
	t, err := a.Store.FindTheme(ctx, accountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return fallback("does not exist")
	} else if err != nil {
		return fallback("could not be read")
	}
	v, err := a.Store.FindThemeVersion(ctx, accountID, id, t.VersionNumber)
	if err != nil {
		return fallback("could not be read")
	}
	base := builtinConfigurations()[v.BaseThemeID]
	var conf *themeConfiguration
	if v.Configuration != nil {
		if conf, err = parseThemeConfiguration(v.Configuration); err != nil {
			return fallback("has a configuration that cannot be read")
		}
	}
	return styleOf(themeARN, base, conf)
}

// checkThemeUsable checks a ThemeArn of a create or update: a starting
// theme, or a custom theme of the account that exists and that the API
// caller may use (ResourceNotFoundException, AccessDeniedException).
func (a *App) checkThemeUsable(ctx context.Context, accountID, themeARN string) error {
	if themeARN == "" {
		return nil
	}
	p, ok := sg.ParseARN(themeARN)
	if !ok {
		return sg.Errorf(sg.EINVALID, "ThemeArn %s is not the ARN of a theme.", themeARN)
	}
	_, id, _ := strings.Cut(p.Resource, "/")
	if p.AccountID == sg.AWSManagedAccount {
		if p.Region != "" || !isBuiltinTheme(id) {
			return themeNotFound(themeARN)
		}
		return nil
	}
	if p.AccountID != accountID || p.Region != a.Region {
		return themeNotFound(themeARN)
	}
	t, err := a.Store.FindTheme(ctx, accountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return themeNotFound(themeARN)
	} else if err != nil {
		return err
	}
	return a.checkResourceAccess(ctx, accountID, "theme", themeARN, t.Permissions)
}
