package viewer

import (
	"encoding/json"
	"net/url"
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

// contentTile fills the tile of a CustomContentVisual from its raw JSON.
func contentTile(t *Tile, raw json.RawMessage) {
	var c customContent
	if json.Unmarshal(raw, &c) != nil || c.ChartConfiguration == nil || c.ChartConfiguration.ContentUrl == "" {
		t.Kind, t.Message = TileEmpty, "This visual has no content yet."
		return
	}
	cc := c.ChartConfiguration
	if !contentURL(cc.ContentUrl) {
		t.Kind, t.Message = TileUnsupported, "Custom content is shown only from an https URL or a path on this server; this ContentUrl is neither."
		return
	}
	content := &Content{URL: cc.ContentUrl, Image: cc.ContentType == "IMAGE", AltText: c.VisualContentAltText}
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
