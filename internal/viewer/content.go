package viewer

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Content is what a custom content visual shows: an image or a sandboxed
// frame of a URL the browser loads; Sightglass fetches nothing.
type Content struct {
	URL     string
	Image   bool   // IMAGE; otherwise OTHER_EMBEDDED_CONTENT, in a frame
	Scaling string // an image's ImageScaling as a CSS class suffix
	AltText string
}

// customContent is the part of a CustomContentVisual the viewer reads.
type customContent struct {
	VisualContentAltText string
	ChartConfiguration   *struct {
		ContentUrl   string
		ContentType  string // IMAGE, OTHER_EMBEDDED_CONTENT
		ImageScaling string // FIT_TO_HEIGHT, FIT_TO_WIDTH, DO_NOT_SCALE, SCALE_TO_VISUAL
	}
}

// contentURL reports whether a ContentUrl may be shown: an https URL with
// a host, or a relative reference on this server (not protocol-relative),
// with no control characters or backslashes that browsers reinterpret.
func contentURL(s string) bool {
	if s == "" || len(s) > 2048 || strings.ContainsAny(s, "\\") {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	if u.Scheme == "" {
		return u.Host == "" && !strings.HasPrefix(s, "//") && u.Opaque == ""
	}
	return u.Scheme == "https" && u.Host != "" && u.User == nil
}

// contentTile fills the tile of a CustomContentVisual from its raw JSON,
// its URL's parameters (<<$Name>>) from params, the parameters' current
// values by name.
func contentTile(t *Tile, raw json.RawMessage, params map[string]string) {
	var c customContent
	if json.Unmarshal(raw, &c) != nil || c.ChartConfiguration == nil || c.ChartConfiguration.ContentUrl == "" {
		t.Kind, t.Message = TileEmpty, "This visual has no content yet."
		return
	}
	cc := c.ChartConfiguration
	u, missing := withParameters(cc.ContentUrl, params)
	if missing != "" {
		t.Kind, t.Message = TileUnsupported, "This custom content's URL names the parameter "+strconv.Quote(missing)+", which the analysis does not declare."
		return
	}
	if !contentURL(u) {
		t.Kind, t.Message = TileUnsupported, "Custom content is shown only from an https URL or a path on this server; this ContentUrl is neither."
		return
	}
	content := &Content{URL: u, Image: cc.ContentType == "IMAGE", AltText: c.VisualContentAltText}
	if content.Image {
		switch cc.ImageScaling {
		case "FIT_TO_HEIGHT", "FIT_TO_WIDTH", "DO_NOT_SCALE":
			content.Scaling = strings.ToLower(strings.ReplaceAll(cc.ImageScaling, "_", "-"))
		default:
			content.Scaling = "scale-to-visual"
		}
	}
	t.Kind, t.Content = TileContent, content
}

// withParameters writes each parameter a custom content URL names,
// <<$Name>>, as its current value (params holds each as text),
// escaped (escapeURIText). It returns the name of a parameter params does
// not hold, if any.
func withParameters(s string, params map[string]string) (string, string) {
	var b strings.Builder
	for {
		i := strings.Index(s, "<<$")
		if i < 0 {
			b.WriteString(s)
			return b.String(), ""
		}
		j := strings.Index(s[i:], ">>")
		if j < 0 {
			b.WriteString(s)
			return b.String(), ""
		}
		name := s[i+3 : i+j]
		v, ok := params[name]
		if !ok {
			return "", name
		}
		b.WriteString(s[:i])
		b.WriteString(escapeURIText(v))
		s = s[i+j+2:]
	}
}

// escapeURIText escapes a parameter's value for a URL: every byte but
// letters, digits, "-_.~" and "/" (a value such as "embed/Z0Lj6i356Ew" is
// a path), so that a value cannot add a query argument, a fragment, or a
// host of its own.
func escapeURIText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', strings.IndexByte("-_.~/", c) >= 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
