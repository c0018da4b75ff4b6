package metrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"

	sg "github.com/sightglass/sightglass"
)

//go:generate go test -run TestStoreWrapperUpToDate -update

// InstrumentStore returns s with every store operation timed into
// store_operation_duration_seconds and its failures counted; on a nil
// *Metrics it returns s itself. The wrapper's methods are generated from
// the sightglass.Store interface (store_gen.go; go generate rewrites it,
// and a test fails while it is out of date). A method added to the
// interface since reaches the store untimed through the embedded Store.
func (m *Metrics) InstrumentStore(s sg.Store) sg.Store {
	if m == nil {
		return s
	}
	w := &instrumentedStore{Store: s}
	for i, op := range storeOperations {
		w.obs[i] = m.storeDuration.WithLabelValues(op)
		w.errs[i] = m.storeErrors.WithLabelValues(op)
	}
	return w
}

// Unwrap returns the store an instrumented store wraps (or s itself).
func Unwrap(s sg.Store) sg.Store {
	if w, ok := s.(*instrumentedStore); ok {
		return w.Store
	}
	return s
}

type instrumentedStore struct {
	sg.Store
	obs  [len(storeOperations)]prometheus.Observer
	errs [len(storeOperations)]prometheus.Counter
}

// done records operation op that started at start and returned err.
func (s *instrumentedStore) done(op int, start time.Time, err error) {
	s.obs[op].Observe(time.Since(start).Seconds())
	if err != nil {
		switch sg.ErrorCode(err) {
		case sg.EINTERNAL, sg.EUNAVAILABLE:
			s.errs[op].Inc()
		}
	}
}
