package metrics

import (
	"context"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// sessionsMaxAge is how long a count of live sessions is reused, so that
// frequent scrapes (or several scrapers) cost at most one count query per
// interval.
const sessionsMaxAge = 10 * time.Second

var sessionsDesc = prometheus.NewDesc(Namespace+"_console_sessions_active",
	"Console sessions not yet expired, across every node of the store (counted at scrape time, at most every 10 s).", nil, nil)

// RegisterSessions exposes the number of live console sessions; count is
// called at scrape time, with a short timeout, at most every 10 s. A
// failed count leaves the metric out of that scrape.
func (m *Metrics) RegisterSessions(count func(ctx context.Context) (int64, error)) {
	if m != nil {
		m.reg.MustRegister(&sessionsCollector{count: count})
	}
}

type sessionsCollector struct {
	count func(ctx context.Context) (int64, error)

	mu      sync.Mutex
	n       int64
	counted time.Time
}

func (c *sessionsCollector) Describe(ch chan<- *prometheus.Desc) { ch <- sessionsDesc }

func (c *sessionsCollector) Collect(ch chan<- prometheus.Metric) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.counted.IsZero() || time.Since(c.counted) >= sessionsMaxAge {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		n, err := c.count(ctx)
		cancel()
		if err != nil {
			return
		}
		c.n, c.counted = n, time.Now()
	}
	ch <- prometheus.MustNewConstMetric(sessionsDesc, prometheus.GaugeValue, float64(c.n))
}
