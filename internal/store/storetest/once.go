package storetest

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// newOnceKey returns a fresh key shaped like the real ones: the hex
// SHA-256 of a random secret.
func newOnceKey() string {
	sum := sha256.Sum256([]byte(rand.Text()))
	return hex.EncodeToString(sum[:])
}

func testOnce(t *testing.T, s sg.Store) {
	ctx := t.Context()

	t.Run("PutConsume", func(t *testing.T) {
		for name, payload := range map[string][]byte{
			"json":   []byte(`{"user":"alice","sid":"0123456789abcdef0123456789abcdef"}`),
			"binary": {0, 1, 2, 0xff, 0xfe, 0, 0x80},
			"empty":  {},
			"nil":    nil,
		} {
			key := newOnceKey()
			must(t, "PutOnce "+name, s.PutOnce(ctx, key, payload, at(5*time.Minute)))
			got, err := s.ConsumeOnce(ctx, key, at(0))
			must(t, "ConsumeOnce "+name, err)
			if got == nil || !bytes.Equal(got, payload) {
				t.Errorf("ConsumeOnce %s = %#v, want %#v (never nil)", name, got, payload)
			}
			_, err = s.ConsumeOnce(ctx, key, at(0))
			wantCode(t, "ConsumeOnce again "+name, err, sg.ENOTFOUND)
		}
	})

	t.Run("Exists", func(t *testing.T) {
		key := newOnceKey()
		must(t, "PutOnce", s.PutOnce(ctx, key, []byte("first"), at(time.Minute)))
		wantCode(t, "PutOnce again", s.PutOnce(ctx, key, []byte("second"), at(time.Hour)), sg.EEXISTS)
		got, err := s.ConsumeOnce(ctx, key, at(0))
		must(t, "ConsumeOnce", err)
		same(t, "payload", string(got), "first")
		// A consumed key is free again.
		must(t, "PutOnce after consume", s.PutOnce(ctx, key, []byte("third"), at(time.Minute)))
	})

	t.Run("NotFound", func(t *testing.T) {
		_, err := s.ConsumeOnce(ctx, newOnceKey(), at(0))
		wantCode(t, "ConsumeOnce unknown key", err, sg.ENOTFOUND)
	})

	t.Run("Expiry", func(t *testing.T) {
		// Consumable while expiresAt is after now, in milliseconds.
		exp := at(5 * time.Minute)
		key := newOnceKey()
		must(t, "PutOnce", s.PutOnce(ctx, key, []byte("x"), exp))
		_, err := s.ConsumeOnce(ctx, key, exp)
		wantCode(t, "ConsumeOnce at expiry", err, sg.ENOTFOUND)
		_, err = s.ConsumeOnce(ctx, key, exp.Add(time.Hour))
		wantCode(t, "ConsumeOnce after expiry", err, sg.ENOTFOUND)
		// A refused consume leaves the item: it is still there to be
		// consumed at an earlier time (clocks of two servers may differ).
		got, err := s.ConsumeOnce(ctx, key, exp.Add(-time.Millisecond))
		must(t, "ConsumeOnce 1ms before expiry", err)
		same(t, "payload", string(got), "x")
	})

	t.Run("Purge", func(t *testing.T) {
		// Purge is global: clear what earlier subtests left (all of it
		// expires within hours of t0), then count on a later timeline.
		_, err := s.PurgeOnce(ctx, at(24*time.Hour))
		must(t, "PurgeOnce", err)
		base := at(1000 * time.Hour)
		keys := map[string]time.Time{}
		for i, d := range []time.Duration{-time.Hour, -time.Second, 0, time.Millisecond, time.Hour} {
			k := newOnceKey()
			keys[k] = base.Add(d)
			must(t, "PutOnce", s.PutOnce(ctx, k, []byte{byte(i)}, base.Add(d)))
		}
		n, err := s.PurgeOnce(ctx, base)
		must(t, "PurgeOnce", err)
		if n != 3 {
			t.Errorf("PurgeOnce = %d, want 3 (the items expiring at or before now)", n)
		}
		for k, exp := range keys {
			_, err := s.ConsumeOnce(ctx, k, base.Add(-2*time.Hour))
			if exp.After(base) {
				must(t, "ConsumeOnce of an unexpired item after purge", err)
			} else {
				wantCode(t, "ConsumeOnce of a purged item", err, sg.ENOTFOUND)
			}
		}
		n, err = s.PurgeOnce(ctx, base)
		must(t, "PurgeOnce again", err)
		if n != 0 {
			t.Errorf("second PurgeOnce = %d, want 0", n)
		}
	})

	t.Run("Ordered", func(t *testing.T) {
		// Items put in key order are single-use items like any other.
		exp := at(5 * time.Minute)
		key := orderedKey(at(0))
		must(t, "PutOnceOrdered", s.PutOnceOrdered(ctx, key, []byte("grant"), exp))
		wantCode(t, "PutOnceOrdered again", s.PutOnceOrdered(ctx, key, nil, exp), sg.EEXISTS)
		wantCode(t, "PutOnce of an ordered key", s.PutOnce(ctx, key, nil, exp), sg.EEXISTS)
		got, err := s.FindOnce(ctx, key, at(0))
		must(t, "FindOnce", err)
		same(t, "FindOnce payload", string(got), "grant")
		_, err = s.ConsumeOnce(ctx, key, exp)
		wantCode(t, "ConsumeOnce at expiry", err, sg.ENOTFOUND)
		got, err = s.ConsumeOnce(ctx, key, at(0))
		must(t, "ConsumeOnce", err)
		same(t, "ConsumeOnce payload", string(got), "grant")
		_, err = s.ConsumeOnce(ctx, key, at(0))
		wantCode(t, "ConsumeOnce again", err, sg.ENOTFOUND)
		empty := orderedKey(at(0))
		must(t, "PutOnceOrdered nil", s.PutOnceOrdered(ctx, empty, nil, exp))
		if got, err := s.ConsumeOnce(ctx, empty, at(0)); err != nil || got == nil || len(got) != 0 {
			t.Errorf("ConsumeOnce of an empty ordered payload = %#v, %v; want empty, never nil", got, err)
		}
	})

	t.Run("PurgeOrdered", func(t *testing.T) {
		_, err := s.PurgeOnce(ctx, at(1500*time.Hour))
		must(t, "PurgeOnce", err)
		base := at(2000 * time.Hour)
		// Keys in expiry order, then one out of order (keyed after
		// the others, expired before them): purged late, never early.
		var keys []string
		for i, d := range []time.Duration{-time.Hour, -time.Second, 0, time.Millisecond, time.Hour, -time.Hour} {
			k := orderedKey(base.Add(time.Duration(i) * time.Minute))
			keys = append(keys, k)
			must(t, "PutOnceOrdered", s.PutOnceOrdered(ctx, k, []byte{byte(i)}, base.Add(d)))
		}
		expired, live := newOnceKey(), newOnceKey()
		must(t, "PutOnce", s.PutOnce(ctx, expired, nil, base.Add(-time.Hour)))
		must(t, "PutOnce", s.PutOnce(ctx, live, nil, base.Add(time.Hour)))
		n, err := s.PurgeOnce(ctx, base)
		must(t, "PurgeOnce", err)
		if n != 4 && n != 5 {
			t.Errorf("PurgeOnce = %d, want 4 or 5 (the expired items; the one out of order may wait)", n)
		}
		for i, k := range keys[:3] {
			_, err := s.FindOnce(ctx, k, base.Add(-2*time.Hour))
			wantCode(t, "FindOnce of purged ordered item "+string(rune('0'+i)), err, sg.ENOTFOUND)
		}
		for _, k := range append(keys[3:5:5], live) {
			_, err := s.FindOnce(ctx, k, base.Add(-2*time.Hour))
			must(t, "FindOnce of an unexpired item after purge", err)
		}
		m, err := s.PurgeOnce(ctx, base.Add(2*time.Hour))
		must(t, "PurgeOnce later", err)
		if n+m != 8 {
			t.Errorf("PurgeOnce then PurgeOnce later = %d + %d, want 8 in all", n, m)
		}
		for _, k := range append(keys, expired, live) {
			_, err := s.FindOnce(ctx, k, base.Add(-2*time.Hour))
			wantCode(t, "FindOnce after the later purge", err, sg.ENOTFOUND)
		}
	})
}

// orderedKey returns a fresh key shaped like an embed code's: its mint
// time in hex milliseconds, then a hash.
func orderedKey(minted time.Time) string {
	return fmt.Sprintf("%012x", minted.UnixMilli()) + newOnceKey()
}
