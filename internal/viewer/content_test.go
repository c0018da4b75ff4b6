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
		contentTile(&tl, json.RawMessage(js), nil)
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

// A ContentUrl's <<$Name>> is the parameter's current value (the AWS News
// Feeds dashboard's YouTube frame, https://www.youtube.com/<<$YouTubeURL>>
// with "embed/Z0Lj6i356Ew"), escaped but for "/"; a URL that is not
// https or a path on this server is refused as any such URL is.
func TestContentURLParameters(t *testing.T) {
	tile := func(url string, params map[string]string) *Tile {
		t.Helper()
		var tl Tile
		contentTile(&tl, json.RawMessage(`{"VisualId": "c", "ChartConfiguration": {"ContentUrl": "`+url+`", "ContentType": "OTHER_EMBEDDED_CONTENT"}}`), params)
		return &tl
	}
	got := tile("https://www.youtube.com/<<$YouTubeURL>>", map[string]string{"YouTubeURL": "embed/Z0Lj6i356Ew"})
	wantEq(t, "path", got.Content.URL, "https://www.youtube.com/embed/Z0Lj6i356Ew")
	got = tile("https://example.com/s?q=<<$Q>>&r=<<$R>>", map[string]string{"Q": `a "b" <c> é%`, "R": ""})
	wantEq(t, "escaped", got.Content.URL, "https://example.com/s?q=a%20%22b%22%20%3Cc%3E%20%C3%A9%25&r=")
	// A value cannot bring a scheme, a host, a query argument or a fragment.
	got = tile("<<$U>>", map[string]string{"U": "javascript:alert(1)"})
	wantEq(t, "scheme", got.Content.URL, "javascript%3Aalert%281%29") // a path on this server, framed sandboxed
	got = tile("https://example.com/v?id=<<$U>>", map[string]string{"U": "1&admin=true#x"})
	wantEq(t, "query", got.Content.URL, "https://example.com/v?id=1%26admin%3Dtrue%23x")
	got = tile("https://example.com/<<$Nope>>", map[string]string{})
	wantEq(t, "undeclared", [2]any{got.Kind, got.Message}, [2]any{TileUnsupported, `This custom content's URL names the parameter "Nope", which the analysis does not declare.`})
}
