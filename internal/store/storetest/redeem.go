package storetest

import (
	"fmt"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

func testRedeem(t *testing.T, s sg.Store) {
	ctx := t.Context()

	t.Run("FindOnce", func(t *testing.T) {
		key := newOnceKey()
		exp := at(5 * time.Minute)
		must(t, "PutOnce", s.PutOnce(ctx, key, []byte("grant"), exp))
		for range 2 { // reading does not consume
			got, err := s.FindOnce(ctx, key, at(0))
			must(t, "FindOnce", err)
			same(t, "FindOnce payload", string(got), "grant")
		}
		_, err := s.FindOnce(ctx, key, exp)
		wantCode(t, "FindOnce at expiry", err, sg.ENOTFOUND)
		_, err = s.FindOnce(ctx, newOnceKey(), at(0))
		wantCode(t, "FindOnce unknown key", err, sg.ENOTFOUND)
		empty := newOnceKey()
		must(t, "PutOnce nil", s.PutOnce(ctx, empty, nil, exp))
		if got, err := s.FindOnce(ctx, empty, at(0)); err != nil || got == nil || len(got) != 0 {
			t.Errorf("FindOnce of an empty payload = %#v, %v; want empty, never nil", got, err)
		}
		got, err := s.ConsumeOnce(ctx, key, at(0))
		must(t, "ConsumeOnce after FindOnce", err)
		same(t, "ConsumeOnce payload", string(got), "grant")
		_, err = s.FindOnce(ctx, key, at(0))
		wantCode(t, "FindOnce after consume", err, sg.ENOTFOUND)
	})

	t.Run("FindOnceUser", func(t *testing.T) {
		u := newUser(newAccountID(), "dora")
		must(t, "CreateUser", s.CreateUser(ctx, u))
		key := newOnceKey()
		exp := at(5 * time.Minute)
		must(t, "PutOnce", s.PutOnce(ctx, key, []byte("grant for dora"), exp))
		var seen []string
		userOf := func(name string) func([]byte) (string, string, string, error) {
			return func(p []byte) (string, string, string, error) {
				seen = append(seen, string(p))
				return u.AccountID, u.Namespace, name, nil
			}
		}
		for range 2 { // reading does not consume
			payload, got, err := s.FindOnceUser(ctx, key, at(0), userOf("dora"))
			must(t, "FindOnceUser", err)
			same(t, "FindOnceUser payload", string(payload), "grant for dora")
			same(t, "FindOnceUser user", got, storedUser(u))
		}
		same(t, "payloads passed to userOf", seen, []string{"grant for dora", "grant for dora"})

		// The item exists, the user does not: the payload, no user, no error.
		payload, got, err := s.FindOnceUser(ctx, key, at(0), userOf("nobody"))
		must(t, "FindOnceUser of a missing user", err)
		same(t, "payload", string(payload), "grant for dora")
		if got != nil {
			t.Errorf("FindOnceUser of a missing user: user %+v, want nil", got)
		}

		// userOf fails: its error, with the payload.
		bad := sg.Errorf(sg.EINVALID, "bad grant")
		payload, got, err = s.FindOnceUser(ctx, key, at(0), func([]byte) (string, string, string, error) { return "", "", "", bad })
		if err != bad || string(payload) != "grant for dora" || got != nil {
			t.Errorf("FindOnceUser with failing userOf = %q, %+v, %v; want the payload, nil, userOf's error", payload, got, err)
		}

		// Gone, expired or unknown: ENOTFOUND, nil payload, userOf not called.
		seen = nil
		for what, k := range map[string]struct {
			key string
			now time.Time
		}{"at expiry": {key, exp}, "unknown key": {newOnceKey(), at(0)}} {
			payload, got, err := s.FindOnceUser(ctx, k.key, k.now, userOf("dora"))
			wantCode(t, "FindOnceUser "+what, err, sg.ENOTFOUND)
			if payload != nil || got != nil {
				t.Errorf("FindOnceUser %s = %q, %+v; want nil, nil", what, payload, got)
			}
		}
		_, err = s.ConsumeOnce(ctx, key, at(0))
		must(t, "ConsumeOnce after FindOnceUser", err)
		_, _, err = s.FindOnceUser(ctx, key, at(0), userOf("dora"))
		wantCode(t, "FindOnceUser after consume", err, sg.ENOTFOUND)
		if seen != nil {
			t.Errorf("userOf called for a missing item with %q", seen)
		}

		// An empty payload is empty, never nil.
		empty := newOnceKey()
		must(t, "PutOnce nil", s.PutOnce(ctx, empty, nil, exp))
		payload, got, err = s.FindOnceUser(ctx, empty, at(0), userOf("dora"))
		must(t, "FindOnceUser of an empty payload", err)
		if payload == nil || len(payload) != 0 || got == nil {
			t.Errorf("FindOnceUser of an empty payload = %#v, %+v; want empty payload and the user", payload, got)
		}
	})

	t.Run("Redeem", func(t *testing.T) {
		key := newOnceKey()
		must(t, "PutOnce", s.PutOnce(ctx, key, []byte("grant"), at(5*time.Minute)))
		x := newSession(newAccountID(), "alice", at(10*time.Hour))
		got, err := s.RedeemOnce(ctx, key, at(0), x)
		must(t, "RedeemOnce", err)
		same(t, "RedeemOnce payload", string(got), "grant")
		wantSessions(t, s, []*sg.Session{x}, nil)
		_, err = s.ConsumeOnce(ctx, key, at(0))
		wantCode(t, "ConsumeOnce after RedeemOnce", err, sg.ENOTFOUND)

		// Used: no second session.
		y := newSession(x.AccountID, "alice", at(10*time.Hour))
		_, err = s.RedeemOnce(ctx, key, at(0), y)
		wantCode(t, "RedeemOnce again", err, sg.ENOTFOUND)
		wantSessions(t, s, nil, []*sg.Session{y})
	})

	t.Run("Expired", func(t *testing.T) {
		key := newOnceKey()
		exp := at(5 * time.Minute)
		must(t, "PutOnce", s.PutOnce(ctx, key, []byte("grant"), exp))
		x := newSession(newAccountID(), "bob", at(10*time.Hour))
		_, err := s.RedeemOnce(ctx, key, exp, x)
		wantCode(t, "RedeemOnce at expiry", err, sg.ENOTFOUND)
		_, err = s.RedeemOnce(ctx, newOnceKey(), at(0), x)
		wantCode(t, "RedeemOnce unknown key", err, sg.ENOTFOUND)
		wantSessions(t, s, nil, []*sg.Session{x})
		// The refused redemption left the item.
		got, err := s.RedeemOnce(ctx, key, exp.Add(-time.Millisecond), x)
		must(t, "RedeemOnce 1ms before expiry", err)
		same(t, "payload", string(got), "grant")
		wantSessions(t, s, []*sg.Session{x}, nil)
	})

	t.Run("SessionExists", func(t *testing.T) {
		x := newSession(newAccountID(), "carol", at(10*time.Hour))
		must(t, "CreateSession", s.CreateSession(ctx, x))
		key := newOnceKey()
		must(t, "PutOnce", s.PutOnce(ctx, key, []byte("grant"), at(5*time.Minute)))
		dup := newSession(x.AccountID, "mallory", at(20*time.Hour))
		dup.ID = x.ID
		_, err := s.RedeemOnce(ctx, key, at(0), dup)
		wantCode(t, "RedeemOnce with a taken session id", err, sg.EEXISTS)
		wantSessions(t, s, []*sg.Session{x}, nil)
		// Neither happened: the item is still there.
		got, err := s.ConsumeOnce(ctx, key, at(0))
		must(t, "ConsumeOnce after a failed RedeemOnce", err)
		same(t, "payload", string(got), "grant")
	})
}

// RaceRedeemOnce checks the single-use guarantee of RedeemOnce, as
// RaceConsumeOnce does for ConsumeOnce: each round puts a fresh item and
// releases goroutines callers at it, spread over stores, each with a
// session of its own. Exactly one wins, with the right payload; exactly
// its session exists afterwards.
func RaceRedeemOnce(t testing.TB, stores []sg.Store, goroutines, rounds int) {
	ctx := t.Context()
	now := time.Now()
	acct := newAccountID()
	failed := 0
	for round := range rounds {
		key := newOnceKey()
		payload := fmt.Sprintf("round %d", round)
		must(t, "PutOnce", stores[round%len(stores)].PutOnce(ctx, key, []byte(payload), now.Add(time.Minute)))
		sessions := make([]*sg.Session, goroutines)
		for i := range sessions {
			sessions[i] = newSession(acct, fmt.Sprintf("u-%d-%d", round, i), now.Add(time.Hour))
		}
		got := make([][]byte, goroutines)
		errs := race(goroutines, func(i int) error {
			var err error
			got[i], err = stores[i%len(stores)].RedeemOnce(ctx, key, now, sessions[i])
			return err
		})
		wins := 0
		for i, err := range errs {
			switch sg.ErrorCode(err) {
			case "":
				wins++
				if string(got[i]) != payload {
					t.Errorf("round %d: winner got payload %q, want %q", round, got[i], payload)
				}
				wantSessions(t, stores[0], []*sg.Session{sessions[i]}, nil)
			case sg.ENOTFOUND:
				if _, err := stores[0].FindSession(ctx, sessions[i].ID); sg.ErrorCode(err) != sg.ENOTFOUND {
					t.Errorf("round %d: loser %d has a session (FindSession: %v)", round, i, err)
				}
			default:
				t.Errorf("round %d: RedeemOnce error %v, want none or ENOTFOUND", round, err)
			}
		}
		if wins != 1 {
			failed++
			t.Errorf("round %d: %d winners of %d, want exactly 1", round, wins, goroutines)
		}
		if failed > 5 {
			t.Fatalf("giving up after %d failed rounds", failed)
		}
	}
}
