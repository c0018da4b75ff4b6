package server

import "net/http"

// limitBodyExcept refuses a request whose announced body exceeds max with 413,
// and caps what a handler can read of any other at max bytes (a read past
// it fails with *http.MaxBytesError and closes the connection afterwards).
// The console's forms are small; the API has its own, larger limit.
// Requests that larger matches (the console's file uploads, which stream
// their body to disk) have the larger limit large instead.
func limitBodyExcept(h http.Handler, max, large int64, larger func(r *http.Request) bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		max := max
		if larger != nil && larger(r) {
			max = large
		}
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
