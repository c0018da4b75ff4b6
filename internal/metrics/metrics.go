// Package metrics holds Sightglass's Prometheus metrics: one registry of
// the server's own (not the process-global default registry), the metric
// vectors the API, sign-on, query, ingestion and store paths record into,
// and the collectors read at scrape time (Go runtime, process, query
// cache, live console sessions).
//
// Every method is safe on a nil *Metrics and then does nothing, so the
// packages that record need no "metrics enabled" checks. Label values come
// from closed sets (operation names from the route table, error names from
// the error table, fixed outcome and reason words), never from ids or
// user input, so the number of series stays bounded.
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics is the server's metrics registry and the metrics in it.
type Metrics struct {
	reg *prometheus.Registry

	apiRequests *prometheus.CounterVec
	apiDuration *prometheus.HistogramVec
	apiInFlight prometheus.Gauge
	// apiDurationByOp holds each operation's histogram, resolved once, so
	// a request does not hash its label values.
	apiDurationByOp map[string]prometheus.Observer

	signOns *prometheus.CounterVec

	queryDuration *prometheus.HistogramVec

	ingestions        *prometheus.CounterVec
	ingestionRows     *prometheus.CounterVec
	ingestionDuration *prometheus.HistogramVec

	storeDuration *prometheus.HistogramVec
	storeErrors   *prometheus.CounterVec

	cacheInvalidations *prometheus.CounterVec
	cacheListener      prometheus.Gauge
}

// Namespace prefixes every metric name.
const Namespace = "sightglass"

// latencyBuckets suit requests and store operations: from 100 µs to 10 s.
var latencyBuckets = []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// ingestionBuckets suit ingestions: from 10 ms to an hour.
var ingestionBuckets = []float64{.01, .1, .5, 1, 5, 15, 60, 300, 900, 3600}

// New returns the metrics in a fresh registry with the Go runtime and
// process collectors. operations are the API's operation names: their
// series exist from the start (at zero), and any other name is recorded
// as "Unknown".
func New(operations []string) *Metrics {
	reg := prometheus.NewRegistry()
	m := &Metrics{reg: reg}
	m.apiRequests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Name: "api_requests_total",
		Help: "API requests by operation, HTTP status code and AWS error name (empty on success).",
	}, []string{"operation", "code", "error"})
	m.apiDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: Namespace, Name: "api_request_duration_seconds",
		Help: "API request latency by operation, from the first byte read to the response written.", Buckets: latencyBuckets,
	}, []string{"operation"})
	m.apiInFlight = prometheus.NewGauge(prometheus.GaugeOpts{
		Namespace: Namespace, Name: "api_requests_in_flight",
		Help: "API requests being served.",
	})
	m.signOns = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Name: "signons_total",
		Help: "Embed sign-ons (redemptions of embed URL codes) by outcome: ok, or the reason of the failure.",
	}, []string{"outcome"})
	m.queryDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: Namespace, Name: "query_duration_seconds",
		Help: "Dataset query latency (QueryDataSet) by result: hit (from the result cache), computed, or error.", Buckets: latencyBuckets,
	}, []string{"result"})
	m.ingestions = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Name: "ingestions_total",
		Help: "SPICE ingestions finished by this process, by final status.",
	}, []string{"status"})
	m.ingestionRows = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Name: "ingestion_rows_total",
		Help: "Rows recorded as ingested into SPICE, by the ingestion's final status (failed ingestions record none).",
	}, []string{"status"})
	m.ingestionDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: Namespace, Name: "ingestion_duration_seconds",
		Help: "SPICE ingestion duration, queueing included, by final status.", Buckets: ingestionBuckets,
	}, []string{"status"})
	m.storeDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: Namespace, Name: "store_operation_duration_seconds",
		Help: "Store operation latency by operation (the store interface's method).", Buckets: latencyBuckets,
	}, []string{"operation"})
	m.storeErrors = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Name: "store_operation_errors_total",
		Help: "Store operations that failed other than with a modeled not-found, exists or conflict answer, by operation.",
	}, []string{"operation"})
	m.cacheInvalidations = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Name: "cache_invalidations_total",
		Help: "Shared cache invalidations: sent to the other nodes (sent), received from them (received), send failures (send_failed).",
	}, []string{"direction"})
	m.cacheListener = prometheus.NewGauge(prometheus.GaugeOpts{
		Namespace: Namespace, Name: "cache_listener_connected",
		Help: "1 while this node listens for other nodes' cache invalidations (PostgreSQL LISTEN); 0 while it relies on the caches' lifetimes.",
	})
	reg.MustRegister(m.apiRequests, m.apiDuration, m.apiInFlight, m.signOns, m.queryDuration,
		m.ingestions, m.ingestionRows, m.ingestionDuration, m.storeDuration, m.storeErrors,
		m.cacheInvalidations, m.cacheListener,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	m.apiDurationByOp = make(map[string]prometheus.Observer, len(operations)+1)
	for _, op := range append(operations, UnknownOperation) {
		m.apiDurationByOp[op] = m.apiDuration.WithLabelValues(op)
	}
	for _, o := range SignOnOutcomes {
		m.signOns.WithLabelValues(o)
	}
	for _, d := range []string{InvalidationSent, InvalidationReceived, InvalidationSendFailed} {
		m.cacheInvalidations.WithLabelValues(d)
	}
	return m
}

// Registry returns the registry, for collectors registered elsewhere.
func (m *Metrics) Registry() *prometheus.Registry {
	if m == nil {
		return nil
	}
	return m.reg
}

// Handler serves the registry in the Prometheus exposition formats.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// UnknownOperation is the operation label of API requests that matched no
// route, or failed before one was known.
const UnknownOperation = "Unknown"

// APIStarted counts a request in flight; APIRequest ends it.
func (m *Metrics) APIStarted() {
	if m != nil {
		m.apiInFlight.Inc()
	}
}

// APIRequest records a finished API request: its operation (from the route
// table), HTTP status, AWS error name ("" on success) and latency.
func (m *Metrics) APIRequest(operation string, status int, errName string, d time.Duration) {
	if m == nil {
		return
	}
	m.apiInFlight.Dec()
	obs, ok := m.apiDurationByOp[operation]
	if !ok {
		operation = UnknownOperation
		obs = m.apiDurationByOp[operation]
	}
	obs.Observe(d.Seconds())
	m.apiRequests.WithLabelValues(operation, statusText(status), errName).Inc()
}

// statusText avoids an allocation for the common statuses.
func statusText(status int) string {
	switch status {
	case 200:
		return "200"
	case 201:
		return "201"
	case 202:
		return "202"
	}
	return strconv.Itoa(status)
}
