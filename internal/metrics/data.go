package metrics

import (
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Query results.
const (
	QueryHit      = "hit"      // answered from the result cache (or another caller's computation)
	QueryComputed = "computed" // run at the data source or on SPICE
	QueryError    = "error"
)

// Query records a QueryDataSet call's result and latency.
func (m *Metrics) Query(result string, d time.Duration) {
	if m != nil {
		m.queryDuration.WithLabelValues(result).Observe(d.Seconds())
	}
}

// Ingestion records a finished ingestion: its final status (COMPLETED,
// FAILED, CANCELLED), the rows recorded and how long it took.
func (m *Metrics) Ingestion(status string, rows int64, d time.Duration) {
	if m == nil {
		return
	}
	status = strings.ToLower(status)
	m.ingestions.WithLabelValues(status).Inc()
	m.ingestionRows.WithLabelValues(status).Add(float64(rows))
	m.ingestionDuration.WithLabelValues(status).Observe(d.Seconds())
}

// CacheStats are a query result cache's counters, read at scrape time.
type CacheStats struct {
	Hits, Misses, Shared, Evictions int64
	Entries                         int
	Bytes                           int64
}

// RegisterQueryCache exposes a query result cache's counters; stats is
// called at each scrape. Its hit ratio is hits / (hits + misses + shared).
func (m *Metrics) RegisterQueryCache(stats func() CacheStats) {
	if m != nil {
		m.reg.MustRegister(&cacheCollector{stats: stats})
	}
}

var (
	cacheRequestsDesc = prometheus.NewDesc(Namespace+"_query_cache_requests_total",
		"Query result cache lookups by result: hit, miss (computed), shared (waited for another caller's computation).", []string{"result"}, nil)
	cacheEvictionsDesc = prometheus.NewDesc(Namespace+"_query_cache_evictions_total", "Query results evicted from the cache to respect its bounds.", nil, nil)
	cacheEntriesDesc   = prometheus.NewDesc(Namespace+"_query_cache_entries", "Query results held in the cache.", nil, nil)
	cacheBytesDesc     = prometheus.NewDesc(Namespace+"_query_cache_bytes", "Approximate size of the query results held in the cache.", nil, nil)
)

type cacheCollector struct{ stats func() CacheStats }

func (c *cacheCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- cacheRequestsDesc
	ch <- cacheEvictionsDesc
	ch <- cacheEntriesDesc
	ch <- cacheBytesDesc
}

func (c *cacheCollector) Collect(ch chan<- prometheus.Metric) {
	s := c.stats()
	ch <- prometheus.MustNewConstMetric(cacheRequestsDesc, prometheus.CounterValue, float64(s.Hits), "hit")
	ch <- prometheus.MustNewConstMetric(cacheRequestsDesc, prometheus.CounterValue, float64(s.Misses), "miss")
	ch <- prometheus.MustNewConstMetric(cacheRequestsDesc, prometheus.CounterValue, float64(s.Shared), "shared")
	ch <- prometheus.MustNewConstMetric(cacheEvictionsDesc, prometheus.CounterValue, float64(s.Evictions))
	ch <- prometheus.MustNewConstMetric(cacheEntriesDesc, prometheus.GaugeValue, float64(s.Entries))
	ch <- prometheus.MustNewConstMetric(cacheBytesDesc, prometheus.GaugeValue, float64(s.Bytes))
}
