package console

import (
	"net/http"
	"strings"
)

// Secure wraps the console's handler so that every response it writes (a
// page, a fragment, an asset, an error or the mux's own 404) carries the
// security headers of setSecurityHeaders. A handler that knows the
// session's account sets them first, with that account's allow-list;
// otherwise they are set here with the union of the accounts' allow-lists,
// as for pages served before a session is known.
func (c *Console) Secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(&secureWriter{ResponseWriter: w, c: c, r: r}, r)
	})
}

// secureWriter adds the security headers before the first byte of a
// response.
type secureWriter struct {
	http.ResponseWriter
	c    *Console
	r    *http.Request
	done bool
}

func (w *secureWriter) ensure() {
	if w.done {
		return
	}
	w.done = true
	h := w.Header()
	if passwordPage(w.r.URL.Path) {
		setSecurityHeaders(w.ResponseWriter, nil) // frame-ancestors 'none'
		return
	}
	if h.Get("Content-Security-Policy") == "" {
		domains, err := w.c.app.AllEmbeddingDomains(w.r.Context())
		if err != nil {
			w.c.log.Error("reading embedding domains", "err", err)
			domains = nil // frame-ancestors 'none'
		}
		setSecurityHeaders(w.ResponseWriter, domains)
		return
	}
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
}

func (w *secureWriter) WriteHeader(status int) {
	w.ensure()
	w.ResponseWriter.WriteHeader(status)
}

func (w *secureWriter) Write(b []byte) (int, error) {
	w.ensure()
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *secureWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// passwordPage reports the pages where a person types a password (sign-in,
// invitation): they are never framed, whatever the embedding allow-list,
// so no host page can overlay them.
func passwordPage(path string) bool {
	return path == "/login" || strings.HasPrefix(path, "/invitation/")
}
