package console

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"sync"

	"github.com/sightglass/sightglass/web"
)

// assetVersions maps each built asset to a short content hash, appended to
// its URL so browsers may cache it for a year.
var assetVersions = sync.OnceValue(func() map[string]string {
	v := map[string]string{}
	entries, _ := fs.ReadDir(web.Dist, "dist")
	for _, e := range entries {
		b, err := fs.ReadFile(web.Dist, "dist/"+e.Name())
		if err != nil || e.IsDir() {
			continue
		}
		sum := sha256.Sum256(b)
		v[e.Name()] = hex.EncodeToString(sum[:6])
	}
	return v
})

// assetURL returns the cache-busting URL of a built asset.
func assetURL(name string) string {
	return "/static/" + name + "?v=" + assetVersions()[name]
}

// handleStatic serves the built front-end assets.
func (c *Console) handleStatic(w http.ResponseWriter, r *http.Request) {
	name := path.Base(r.PathValue("file"))
	b, err := fs.ReadFile(web.Dist, "dist/"+name)
	if err != nil || name == ".gitkeep" {
		http.NotFound(w, r)
		return
	}
	switch path.Ext(name) {
	case ".js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	case ".css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
	case ".map":
		w.Header().Set("Content-Type", "application/json")
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.URL.Query().Get("v") != "" {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	w.Write(b)
}
