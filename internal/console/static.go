package console

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/sightglass/sightglass/web"
)

// asset is a built front-end file as the console serves it: its bytes,
// the same gzip-compressed once at start (when that is smaller), and a
// short content hash for its URL and ETag.
type asset struct {
	raw, gz     []byte
	hash        string
	contentType string
}

// assets reads the built files once. Compressing console.js (the charts
// and htmx, about 650 KB) takes a fraction of a second, so the console
// starts it in the background when it is created.
var assets = sync.OnceValue(func() map[string]*asset {
	m := map[string]*asset{}
	entries, _ := fs.ReadDir(web.Dist, "dist")
	for _, e := range entries {
		if e.IsDir() || e.Name() == ".gitkeep" {
			continue
		}
		b, err := fs.ReadFile(web.Dist, "dist/"+e.Name())
		if err != nil {
			continue
		}
		a := &asset{raw: b, hash: web.Hash(b), contentType: assetType(e.Name())}
		if gz := gzipped(b); len(gz) < len(b) {
			a.gz = gz
		}
		m[e.Name()] = a
	}
	return m
})

func assetType(name string) string {
	switch path.Ext(name) {
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".map", ".json":
		return "application/json"
	}
	return "application/octet-stream"
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	if zw.Close() != nil {
		return nil
	}
	return buf.Bytes()
}

// assetURL returns the cache-busting URL of a built asset.
func assetURL(name string) string {
	h := ""
	if a := assets()[name]; a != nil {
		h = a.hash
	}
	return "/static/" + name + "?v=" + h
}

// acceptsGzip reports whether a request's Accept-Encoding allows gzip
// (not refused with q=0).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		if q, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q="); ok {
			if f, err := strconv.ParseFloat(q, 64); err == nil && f == 0 {
				return false
			}
		}
		return true
	}
	return false
}

// handleStatic serves the built front-end assets: gzip-compressed when the
// browser accepts it, cached for a year when the URL carries the content
// hash (assetURL), revalidated by ETag otherwise.
func (c *Console) handleStatic(w http.ResponseWriter, r *http.Request) {
	a := assets()[path.Base(r.PathValue("file"))]
	if a == nil {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Vary", "Accept-Encoding")
	etag := `W/"` + a.hash + `"` // weak: one tag for both encodings
	h.Set("ETag", etag)
	if r.URL.Query().Get("v") != "" {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	if inm := r.Header.Get("If-None-Match"); inm != "" && strings.Contains(inm, etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := a.raw
	if a.gz != nil && acceptsGzip(r) {
		body = a.gz
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}
