package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
)

func TestPprofListenMustBeLoopback(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:6060": true,
		"[::1]:6060":     true,
		"localhost:6060": true,
		"0.0.0.0:6060":   false,
		":6060":          false,
		"[::]:6060":      false,
		"10.1.2.3:6060":  false,
		"example.com:80": false,
		"127.0.0.1":      false, // no port
	} {
		cfg := DefaultConfig()
		cfg.PprofListen = addr
		err := cfg.Validate()
		if (err == nil) != ok {
			t.Errorf("Validate with PprofListen %q: %v, want ok=%v", addr, err, ok)
		}
	}
}

// TestPprofServed starts a server with profiling on and fetches an
// endpoint from the profiling listener; the API listener does not serve it.
func TestPprofServed(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Listen = "127.0.0.1:0"
	cfg.PprofListen = "127.0.0.1:0"
	cfg.DataDir = t.TempDir()
	srv, err := Open(t.Context(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})

	res, err := http.Get("http://" + srv.pprofListener.Addr().String() + "/debug/pprof/cmdline")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("pprof listener: GET /debug/pprof/cmdline = %d, want 200", res.StatusCode)
	}
	res, err = http.Get(srv.URL() + "/debug/pprof/cmdline")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode == http.StatusOK || strings.Contains(string(b), "pprof") {
		t.Errorf("API listener served pprof: %d %q", res.StatusCode, b)
	}
}
