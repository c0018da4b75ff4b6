package metrics

// Directions of shared cache invalidations.
const (
	InvalidationSent       = "sent"
	InvalidationReceived   = "received"
	InvalidationSendFailed = "send_failed"
)

// CacheInvalidation counts one shared cache invalidation in a direction.
func (m *Metrics) CacheInvalidation(direction string) {
	if m != nil {
		m.cacheInvalidations.WithLabelValues(direction).Inc()
	}
}

// CacheListener records whether this node listens for other nodes'
// invalidations.
func (m *Metrics) CacheListener(connected bool) {
	if m == nil {
		return
	}
	if connected {
		m.cacheListener.Set(1)
	} else {
		m.cacheListener.Set(0)
	}
}
