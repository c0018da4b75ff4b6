package viewer

import (
	"html"
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// The attributes of a custom narrative's elements, read through a strict
// allow-list: <inline> colors (#RGB, #RRGGBB, or a theme color's name,
// written as the theme's CSS variable) and sizes (px, within bounds) its
// text; <block> aligns its lines (left, center, right); <a> links to an
// http(s) or mailto address, in a new tab or not, never telling the
// target where from. Every value is checked, then escaped, before it is
// written; anything else is a narrativeError that names it.

// narrativeAttr is one attribute of an element, its value decoded.
type narrativeAttr struct{ name, value string }

// styleTags are the elements with attributes that format text.
var styleTags = map[string]bool{"inline": true, "a": true}

// themeColors maps the theme colors a narrative names to the CSS
// variables the console sets from the theme (console/theme.go).
var themeColors = map[string]string{
	"accent":              "var(--accent)",
	"primarybackground":   "var(--card)",
	"primaryforeground":   "var(--fg)",
	"secondaryforeground": "var(--muted)",
}

// Bounds of an <inline>'s font-size, in px.
const (
	minFontPx = 4
	maxFontPx = 160
)

// parseAttrs reads the attributes of element name: name="value" pairs
// (or 'value'), separated by white space.
func parseAttrs(elem, s string) ([]narrativeAttr, error) {
	bad := func() error {
		return narrativeError("a CustomNarrative whose markup does not parse (the attributes of <" + clip(elem) + ">: " + strconv.Quote(clip(strings.TrimSpace(s))) + ")")
	}
	var out []narrativeAttr
	for {
		t := strings.TrimLeftFunc(s, unicode.IsSpace)
		if t == "" {
			return out, nil
		}
		if len(t) == len(s) && len(out) > 0 {
			return nil, bad() // attributes run together
		}
		eq := strings.IndexByte(t, '=')
		if eq <= 0 || eq+1 >= len(t) {
			return nil, bad()
		}
		name := strings.ToLower(strings.TrimSpace(t[:eq]))
		v := strings.TrimLeftFunc(t[eq+1:], unicode.IsSpace)
		if name == "" || strings.ContainsAny(name, " \t\n\"'<>/") || v == "" || (v[0] != '"' && v[0] != '\'') {
			return nil, bad()
		}
		end := strings.IndexByte(v[1:], v[0])
		if end < 0 {
			return nil, bad()
		}
		out = append(out, narrativeAttr{name, html.UnescapeString(v[1 : end+1])})
		s = v[end+2:]
	}
}

// noAttrs refuses any attribute of an element that has none.
func noAttrs(elem string, attrs []narrativeAttr) error {
	if len(attrs) > 0 {
		return attrError(elem, attrs[0])
	}
	return nil
}

// attrError names an attribute (or its value) that is not read.
func attrError(elem string, a narrativeAttr) error {
	return narrativeError("the CustomNarrative attribute " + clip(a.name) + "=" + strconv.Quote(clip(a.value)) + " of <" + clip(elem) + ">")
}

// styleOpen is the HTML opening and closing tags of an <inline> or <a>.
func styleOpen(elem string, attrs []narrativeAttr) (string, string, error) {
	if elem == "a" {
		return linkOpen(attrs)
	}
	var css []string
	seen := map[string]bool{}
	for _, a := range attrs {
		if seen[a.name] {
			return "", "", attrError(elem, a)
		}
		seen[a.name] = true
		switch a.name {
		case "color", "background-color":
			c, ok := narrativeColor(a.value)
			if !ok {
				return "", "", attrError(elem, a)
			}
			css = append(css, a.name+":"+c)
		case "font-size":
			px, ok := fontPx(a.value)
			if !ok {
				return "", "", attrError(elem, a)
			}
			css = append(css, "font-size:"+px)
		default:
			return "", "", attrError(elem, a)
		}
	}
	if len(css) == 0 {
		return "<span>", "</span>", nil
	}
	return `<span style="` + html.EscapeString(strings.Join(css, ";")) + `">`, "</span>", nil
}

// narrativeColor is the CSS of a color: #RGB or #RRGGBB, or a theme
// color's name.
func narrativeColor(s string) (string, bool) {
	if strings.HasPrefix(s, "#") && (len(s) == 4 || len(s) == 7) {
		for _, r := range s[1:] {
			if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
				return "", false
			}
		}
		return strings.ToLower(s), true
	}
	c, ok := themeColors[strings.ToLower(s)]
	return c, ok
}

// fontPx is the CSS of a font size in px within bounds: "22.4px".
func fontPx(s string) (string, bool) {
	n, ok := strings.CutSuffix(s, "px")
	if !ok || n == "" || strings.ContainsAny(n, "eE+-") {
		return "", false
	}
	v, err := strconv.ParseFloat(n, 64)
	if err != nil || v < minFontPx || v > maxFontPx {
		return "", false
	}
	return strconv.FormatFloat(v, 'f', -1, 64) + "px", true
}

// linkOpen is the HTML of an <a>: its href an http(s) or mailto address,
// its target _blank or _self.
func linkOpen(attrs []narrativeAttr) (string, string, error) {
	href, target := "", "_self"
	seen := map[string]bool{}
	for _, a := range attrs {
		if seen[a.name] {
			return "", "", attrError("a", a)
		}
		seen[a.name] = true
		switch a.name {
		case "href":
			u, err := url.Parse(strings.TrimSpace(a.value))
			if err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto") || (u.Scheme != "mailto" && u.Host == "") {
				return "", "", attrError("a", a)
			}
			href = u.String()
		case "target":
			if a.value != "_blank" && a.value != "_self" {
				return "", "", attrError("a", a)
			}
			target = a.value
		default:
			return "", "", attrError("a", a)
		}
	}
	if href == "" {
		return "", "", narrativeError("the CustomNarrative element <a> without an href")
	}
	return `<a href="` + html.EscapeString(href) + `" target="` + target + `" rel="noopener noreferrer">`, "</a>", nil
}

// blockAlign is a <block>'s alignment: left, center or right (left if
// it has none).
func blockAlign(attrs []narrativeAttr) (string, error) {
	align := "left"
	for i, a := range attrs {
		if i > 0 || a.name != "align" || (a.value != "left" && a.value != "center" && a.value != "right") {
			return "", attrError("block", a)
		}
		align = a.value
	}
	return align, nil
}
