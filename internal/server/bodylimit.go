package server

import "net/http"

// limitBody refuses a request whose announced body exceeds max with 413,
// and caps what a handler can read of any other at max bytes (a read past
// it fails with *http.MaxBytesError and closes the connection afterwards).
// The console's forms are small; the API has its own, larger limit.
func limitBody(h http.Handler, max int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			w.Header().Set("Connection", "close")
			http.Error(w, "Request Entity Too Large", http.StatusRequestEntityTooLarge)
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = http.MaxBytesReader(w, r.Body, max)
		}
		h.ServeHTTP(w, r)
	})
}
