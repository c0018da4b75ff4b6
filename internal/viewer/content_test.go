package viewer

import (
	"encoding/json"
	"testing"
)

func TestContentURL(t *testing.T) {
	for s, want := range map[string]bool{
		"https://example.com/chart.png": true,
		"/static/logo.png":              true,
		"images/logo.png?x=1":           true,
		"http://example.com/a.png":      false,
		"//evil.example/a.png":          false,
		"javascript:alert(1)":           false,
		"data:image/png;base64,AAAA":    false,
		"https://user@example.com/":     false,
		"https:///nohost":               false,
		"/a\\b":                         false,
		"/a\nb":                         false,
		"":                              false,
	} {
		if got := contentURL(s); got != want {
			t.Errorf("contentURL(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestContentTile(t *testing.T) {
	tile := func(js string) *Tile {
		t.Helper()
		var tl Tile
		contentTile(&tl, json.RawMessage(js))
		return &tl
	}
	got := tile(`{"VisualId": "c", "VisualContentAltText": "Logo", "ChartConfiguration": {"ContentUrl": "https://example.com/l.png", "ContentType": "IMAGE", "ImageScaling": "FIT_TO_WIDTH"}}`)
	wantEq(t, "image", [2]any{got.Kind, *got.Content}, [2]any{TileContent, Content{URL: "https://example.com/l.png", Image: true, Scaling: "fit-to-width", AltText: "Logo"}})
	got = tile(`{"VisualId": "c", "ChartConfiguration": {"ContentUrl": "/embedded/page", "ContentType": "OTHER_EMBEDDED_CONTENT"}}`)
	wantEq(t, "frame", [2]any{got.Kind, *got.Content}, [2]any{TileContent, Content{URL: "/embedded/page"}})
	got = tile(`{"VisualId": "c", "ChartConfiguration": {"ContentUrl": "http://example.com/", "ContentType": "IMAGE"}}`)
	wantEq(t, "plain http refused", [2]any{got.Kind, got.Content == nil}, [2]any{TileUnsupported, true})
	got = tile(`{"VisualId": "c", "ChartConfiguration": {}}`)
	wantEq(t, "no content", got.Kind, TileEmpty)
}
