package main

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func TestBucketsCoverValues(t *testing.T) {
	for _, v := range []uint64{0, 1, 127, 128, 129, 255, 256, 1000, 1 << 20, 123456789, 1<<39 - 1} {
		i := bucketOf(v)
		lo, hi := bucketRange(i)
		if v < lo || v > hi {
			t.Errorf("value %d in bucket %d [%d, %d]", v, i, lo, hi)
		}
		if v >= subCount && float64(hi-lo+1)/float64(lo) > 1.0/subCount+1e-12 {
			t.Errorf("bucket %d [%d, %d] wider than 1/%d of its value", i, lo, hi, subCount)
		}
	}
	// Buckets are contiguous.
	for i := 1; i < numBuckets; i++ {
		_, prevHi := bucketRange(i - 1)
		lo, _ := bucketRange(i)
		if lo != prevHi+1 {
			t.Fatalf("bucket %d starts at %d, previous ends at %d", i, lo, prevHi)
		}
	}
	if got := bucketOf(1 << 50); got != numBuckets-1 {
		t.Errorf("huge value in bucket %d, want the last (%d)", got, numBuckets-1)
	}
}

func TestQuantilesMatchExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var h, a, b histogram
	var vals []time.Duration
	for i := range 100000 {
		// Log-normal-ish latencies from 10 µs to about 100 ms.
		d := time.Duration(10e3 * float64(int64(1)<<rng.IntN(14)) * (1 + rng.Float64()))
		vals = append(vals, d)
		h.record(d)
		if i%2 == 0 {
			a.record(d)
		} else {
			b.record(d)
		}
	}
	a.merge(&b)
	if a != h {
		t.Fatal("merging two halves differs from recording all")
	}
	slices.Sort(vals)
	for _, q := range []float64{0.5, 0.9, 0.99, 0.999, 1} {
		exact := vals[int(math.Ceil(q*float64(len(vals))))-1] // the ceil(q·n)-th smallest
		got := h.quantile(q)
		if got < exact || float64(got-exact) > float64(exact)/subCount {
			t.Errorf("q%.3f = %v, exact %v", q, got, exact)
		}
	}
	if h.quantile(1) != vals[len(vals)-1] || time.Duration(h.min) != vals[0] {
		t.Errorf("max/min %v/%v, want %v/%v", h.quantile(1), time.Duration(h.min), vals[len(vals)-1], vals[0])
	}
}

func TestEmptyHistogram(t *testing.T) {
	var h histogram
	if h.quantile(0.99) != 0 || h.mean() != 0 {
		t.Error("empty histogram reports a value")
	}
}

func BenchmarkRecord(b *testing.B) {
	var h histogram
	for i := 0; b.Loop(); i++ {
		h.record(time.Duration(i%5000) * time.Microsecond)
	}
}
