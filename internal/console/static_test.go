package console

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The bundle is sent compressed to browsers that accept gzip, whole to the
// others, cached for a year under its hashed URL and revalidated by ETag
// without it.
func TestStaticAssets(t *testing.T) {
	c := &Console{}
	get := func(target string, header map[string]string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("GET", target, nil)
		r.SetPathValue("file", strings.TrimPrefix(strings.Split(target, "?")[0], "/static/"))
		for k, v := range header {
			r.Header.Set(k, v)
		}
		w := httptest.NewRecorder()
		c.handleStatic(w, r)
		return w
	}
	a := assets()["console.js"]
	if a == nil || len(a.raw) == 0 {
		t.Skip("web/dist is not built (make web)")
	}
	url := assetURL("console.js")

	w := get(url, map[string]string{"Accept-Encoding": "br, gzip, deflate"})
	if w.Code != 200 || w.Header().Get("Content-Encoding") != "gzip" || w.Header().Get("Vary") != "Accept-Encoding" ||
		w.Header().Get("Cache-Control") != "public, max-age=31536000, immutable" {
		t.Fatalf("gzip request: %d %v", w.Code, w.Header())
	}
	if w.Body.Len() >= len(a.raw)/2 {
		t.Errorf("compressed bundle is %d bytes of %d", w.Body.Len(), len(a.raw))
	}
	zr, err := gzip.NewReader(bytes.NewReader(w.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(plain, a.raw) {
		t.Fatalf("the compressed body does not decompress to the bundle (%v)", err)
	}

	for _, ae := range []string{"", "identity", "gzip;q=0, deflate"} {
		w = get(url, map[string]string{"Accept-Encoding": ae})
		if w.Header().Get("Content-Encoding") != "" || !bytes.Equal(w.Body.Bytes(), a.raw) {
			t.Errorf("Accept-Encoding %q: encoding %q, %d bytes", ae, w.Header().Get("Content-Encoding"), w.Body.Len())
		}
	}

	w = get("/static/console.js", nil)
	etag := w.Header().Get("ETag")
	if w.Header().Get("Cache-Control") != "no-cache" || etag == "" {
		t.Fatalf("unversioned URL: %v", w.Header())
	}
	if w = get("/static/console.js", map[string]string{"If-None-Match": etag}); w.Code != http.StatusNotModified || w.Body.Len() != 0 {
		t.Errorf("revalidation: %d, %d bytes", w.Code, w.Body.Len())
	}
	if w = get("/static/nope.js", nil); w.Code != http.StatusNotFound {
		t.Errorf("unknown asset: %d", w.Code)
	}
	if w = get("/static/.gitkeep", nil); w.Code != http.StatusNotFound {
		t.Errorf(".gitkeep: %d", w.Code)
	}
}
