package main

import (
	"math"
	"math/bits"
	"time"
)

// histogram records durations in a log-linear bucket layout, as HDR
// histograms do: values below 2^subBits ns get one bucket each, and every
// power-of-two range above is split into 2^subBits equal buckets, so any
// recorded value is known to within 1/128 (< 0.8%). Values above maxValue
// land in the last bucket; min, max and the sum are exact. Recording is a
// few instructions and never allocates. A histogram is not safe for
// concurrent use: give each worker its own and merge them.
type histogram struct {
	counts [numBuckets]uint64
	n      uint64
	sum    uint64
	min    uint64
	max    uint64
}

const (
	subBits  = 7
	subCount = 1 << subBits
	// maxShift bounds the range at 2^(maxShift+subBits+1) ns ≈ 9 min.
	maxShift   = 31
	numBuckets = subCount + (maxShift+1)*subCount
)

// bucketOf returns the bucket index of v (ns).
func bucketOf(v uint64) int {
	if v < subCount {
		return int(v)
	}
	shift := bits.Len64(v) - subBits - 1
	if shift > maxShift {
		return numBuckets - 1
	}
	return subCount + shift*subCount + int(v>>uint(shift)) - subCount
}

// bucketRange returns the smallest and largest value of bucket i.
func bucketRange(i int) (lo, hi uint64) {
	if i < subCount {
		return uint64(i), uint64(i)
	}
	shift := uint((i - subCount) / subCount)
	top := uint64(subCount + (i-subCount)%subCount)
	return top << shift, (top+1)<<shift - 1
}

// record adds one duration.
func (h *histogram) record(d time.Duration) {
	v := uint64(max(d, 0))
	h.counts[bucketOf(v)]++
	if h.n == 0 || v < h.min {
		h.min = v
	}
	if v > h.max {
		h.max = v
	}
	h.n++
	h.sum += v
}

// merge adds o's values to h.
func (h *histogram) merge(o *histogram) {
	if o.n == 0 {
		return
	}
	for i, c := range o.counts {
		h.counts[i] += c
	}
	if h.n == 0 || o.min < h.min {
		h.min = o.min
	}
	h.max = max(h.max, o.max)
	h.n += o.n
	h.sum += o.sum
}

// quantile returns the value at quantile q (0..1): the largest value of
// the bucket that holds the ceil(q·n)-th smallest recording, clamped to
// the exact min and max, so it never understates the true quantile by more
// than one bucket width.
func (h *histogram) quantile(q float64) time.Duration {
	if h.n == 0 {
		return 0
	}
	rank := uint64(math.Ceil(q * float64(h.n)))
	rank = min(max(rank, 1), h.n)
	var seen uint64
	for i, c := range h.counts {
		seen += c
		if seen >= rank {
			_, hi := bucketRange(i)
			return time.Duration(min(max(hi, h.min), h.max))
		}
	}
	return time.Duration(h.max)
}

func (h *histogram) mean() time.Duration {
	if h.n == 0 {
		return 0
	}
	return time.Duration(h.sum / h.n)
}
