package storetest

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
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
}
