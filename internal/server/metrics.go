package server

import (
	"context"
	"net"
	"net/http"
	"time"

	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/awsapi"
	"github.com/sightglass/sightglass/internal/metrics"
)

// newMetrics returns the server's metrics, with the collectors that read
// the App and the store at scrape time.
func newMetrics() *metrics.Metrics {
	return metrics.New(awsapi.OperationNames())
}

// registerScrapeCollectors exposes the query cache and the live session
// count of a (the count reads the store, uninstrumented).
func registerScrapeCollectors(m *metrics.Metrics, a *app.App) {
	m.RegisterQueryCache(func() metrics.CacheStats {
		st := a.QueryCacheStats()
		return metrics.CacheStats{Hits: st.Hits, Misses: st.Misses, Shared: st.Shared, Evictions: st.Evictions, Entries: st.Entries, Bytes: st.Bytes}
	})
	store := metrics.Unwrap(a.Store)
	m.RegisterSessions(func(ctx context.Context) (int64, error) {
		return store.CountSessions(ctx, a.Clock())
	})
}

// listenMetrics serves /metrics, /healthz and /readyz on addr.
func (s *Server) listenMetrics(addr string) (net.Listener, *http.Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", s.metrics.Handler())
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	return ln, &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}, nil
}

// MetricsURL returns the base URL of the metrics listener ("" when off).
func (s *Server) MetricsURL() string {
	if s.metricsListener == nil {
		return ""
	}
	return "http://" + s.metricsListener.Addr().String()
}
