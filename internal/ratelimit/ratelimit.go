// Package ratelimit is a token bucket per key (an account id, a client
// address), used to throttle API calls and failed sign-ons.
package ratelimit

import (
	"sync"
	"time"
)

// Limiter is a token bucket per key: Rate tokens a second refill up to
// Burst. A zero Rate (or a nil Limiter) allows everything.
type Limiter struct {
	Rate  float64
	Burst float64

	mu      sync.Mutex
	buckets map[string]*bucket
}

// maxKeys bounds memory: past it, every bucket starts full again.
const maxKeys = 100000

type bucket struct {
	tokens float64
	last   time.Time
}

// New returns a limiter; burst is at least 1.
func New(rate, burst float64) *Limiter {
	if burst < 1 {
		burst = 1
	}
	return &Limiter{Rate: rate, Burst: burst, buckets: make(map[string]*bucket)}
}

// Allow takes one token from key's bucket at time now and reports whether
// there was one.
func (l *Limiter) Allow(key string, now time.Time) bool {
	if l == nil || l.Rate <= 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) >= maxKeys {
			clear(l.buckets)
		}
		b = &bucket{tokens: l.Burst, last: now}
		l.buckets[key] = b
	}
	if el := now.Sub(b.last).Seconds(); el > 0 {
		b.tokens = min(l.Burst, b.tokens+el*l.Rate)
		b.last = now
	}
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// Available reports whether key's bucket holds a token at time now, without
// taking it.
func (l *Limiter) Available(key string, now time.Time) bool {
	if l == nil || l.Rate <= 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		return true
	}
	return b.tokens+now.Sub(b.last).Seconds()*l.Rate >= 1
}
