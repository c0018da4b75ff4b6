package app

import (
	"context"
	"encoding/json"
	"maps"
	"slices"
	"strings"

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

// DefaultThemeID is the starting theme drawn when content names none.
const DefaultThemeID = "CLASSIC"

// styleOf lays conf over base.
func styleOf(arn string, base, conf *themeConfiguration) *ThemeStyle {
	s := &ThemeStyle{ARN: arn, UI: map[string]string{}, TileBorder: true, Gutter: true, Margin: true}
	for _, c := range []*themeConfiguration{base, conf} {
		if c == nil {
			continue
		}
		if p := c.DataColorPalette; p != nil {
			if len(p.Colors) > 0 {
				s.Colors = slices.Clone(p.Colors)
			}
			if len(p.MinMaxGradient) > 0 {
				s.MinMaxGradient = slices.Clone(p.MinMaxGradient)
			}
			if p.EmptyFillColor != "" {
				s.EmptyFillColor = p.EmptyFillColor
			}
		}
		maps.Copy(s.UI, c.UIColorPalette)
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
				if f.FontFamily != "" {
					s.FontFamilies = append(s.FontFamilies, f.FontFamily)
				}
			}
		}
	}
	return s
}

func builtinStyle(id string) *ThemeStyle {
	c, _ := parseThemeConfiguration(builtinThemes[id].Configuration)
	return styleOf(BuiltinThemeARN(id), c, nil)
}

// ThemeStyleOf returns the style the viewer draws content of the account
// with when it names themeARN ("" for none). A theme that no longer
// exists, or that the viewer may not use, draws as the default starting
// theme with a Notice saying so; themes never change the numbers drawn.
// The viewer's ctx is a console session: its access is checked with
// canUse (nil: everyone may use it).
func (a *App) ThemeStyleOf(ctx context.Context, accountID, themeARN string, canUse func([]sg.ResourcePermission) bool) *ThemeStyle {
	if themeARN == "" {
		return builtinStyle(DefaultThemeID)
	}
	fallback := func(why string) *ThemeStyle {
		s := builtinStyle(DefaultThemeID)
		s.Notice = "The theme " + themeARN + " " + why + "; this sheet is drawn with the default theme."
		return s
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
	if canUse != nil && !canUse(t.Permissions) {
		return fallback("is not shared with you")
	}
	v, err := a.Store.FindThemeVersion(ctx, accountID, id, t.VersionNumber)
	if err != nil {
		return fallback("could not be read")
	}
	base, _ := parseThemeConfiguration(builtinThemes[v.BaseThemeID].Configuration)
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
