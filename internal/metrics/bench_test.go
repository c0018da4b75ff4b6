package metrics

import (
	"context"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// What the metrics add to a request, measured alone (the handler
// benchmarks in internal/server are too noisy on a shared machine to show
// a difference this small):
//
//	go test ./internal/metrics -run '^$' -bench . -benchmem -count 6

func BenchmarkAPIRequest(b *testing.B) {
	m := New([]string{"DescribeUser", "GetSessionEmbedUrl"})
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			m.APIStarted()
			m.APIRequest("DescribeUser", 200, "", time.Millisecond)
		}
	})
}

// nopStore answers FindUser at once, so the benchmark shows the wrapper.
type nopStore struct{ sg.Store }

func (nopStore) FindUser(context.Context, string, string, string) (*sg.User, error) {
	return nil, nil
}

func BenchmarkStoreOperation(b *testing.B) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		s    sg.Store
	}{
		{"bare", nopStore{}},
		{"instrumented", New(nil).InstrumentStore(nopStore{})},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				tc.s.FindUser(ctx, "123456789012", "default", "admin")
			}
		})
	}
}
