package cache_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/cache"
	"github.com/sightglass/sightglass/internal/query/source"
)

// TestGetOrComputeWithinExpires checks that a result with a maximum age
// is served until that age after its computation started, then computed
// again, and that Get never serves it (Get has no clock).
func TestGetOrComputeWithinExpires(t *testing.T) {
	c := cache.New(10, 1<<20)
	ctx := context.Background()
	t0 := time.Date(2026, 1, 1, 0, 0, 30, 0, time.UTC)
	n := 0
	ask := func(now time.Time) string {
		t.Helper()
		r, err := c.GetOrComputeWithin(ctx, "k", now, time.Minute, func() (*source.Result, error) {
			n++
			return result(strconv.Itoa(n)), nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return value(r)
	}
	if got := ask(t0); got != "1" {
		t.Fatalf("first: %v", got)
	}
	if got := ask(t0.Add(time.Minute - time.Nanosecond)); got != "1" {
		t.Fatalf("just under a minute: %v, want the stored 1", got)
	}
	if _, ok := c.Get("k"); ok {
		t.Fatal("Get served a result with a maximum age")
	}
	if got := ask(t0.Add(time.Minute)); got != "2" {
		t.Fatalf("a minute later: %v, want a fresh 2", got)
	}
	if c.Len() != 1 {
		t.Fatalf("%d entries, want the fresh one only", c.Len())
	}
}
