package ratelimit

import (
	"testing"
	"time"
)

func TestLimiter(t *testing.T) {
	t0 := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	l := New(2, 3)
	for i := range 3 {
		if !l.Allow("a", t0) {
			t.Fatalf("request %d refused within burst", i+1)
		}
	}
	if l.Allow("a", t0) {
		t.Fatal("request past burst allowed")
	}
	if !l.Allow("b", t0) {
		t.Fatal("other key refused")
	}
	if !l.Allow("a", t0.Add(500*time.Millisecond)) {
		t.Fatal("refilled token refused")
	}
	if l.Allow("a", t0.Add(500*time.Millisecond)) {
		t.Fatal("refill gave more than rate×elapsed")
	}
	later, allowed := t0.Add(time.Hour), 0
	for range 5 {
		if l.Allow("a", later) {
			allowed++
		}
	}
	if allowed != 3 {
		t.Fatalf("after a long pause %d requests allowed, want the burst of 3", allowed)
	}
}

func TestDisabled(t *testing.T) {
	var nilLimiter *Limiter
	for _, l := range []*Limiter{nilLimiter, New(0, 0)} {
		for range 100 {
			if !l.Allow("a", time.Now()) {
				t.Fatal("disabled limiter refused")
			}
		}
	}
}

func TestAvailable(t *testing.T) {
	t0 := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	l := New(1, 2)
	if !l.Available("a", t0) {
		t.Fatal("fresh key unavailable")
	}
	l.Allow("a", t0)
	l.Allow("a", t0)
	if l.Available("a", t0) {
		t.Fatal("empty bucket available")
	}
	if !l.Available("a", t0.Add(time.Second)) {
		t.Fatal("refilled bucket unavailable")
	}
	if !l.Available("a", t0.Add(time.Second)) {
		t.Fatal("Available took a token")
	}
}
