package storetest

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// newSessionID returns a fresh session id shaped like the real ones: the
// hex SHA-256 of a random token.
func newSessionID() string {
	sum := sha256.Sum256([]byte(rand.Text()))
	return hex.EncodeToString(sum[:])
}

// newSession returns a session of user userName with every field set,
// expiring at expires.
func newSession(accountID, userName string, expires time.Time) *sg.Session {
	return &sg.Session{
		ID:          newSessionID(),
		AccountID:   accountID,
		Namespace:   sg.DefaultNamespace,
		UserName:    userName,
		PrincipalID: "federated/iam/AIDA" + accountID + "/" + userName,
		Role:        sg.RoleAuthor,
		EmbedID:     "0123456789abcdef0123456789abcdef",
		EntryPoint:  "/dashboards/sales",
		CreatedAt:   expires.Add(-10 * time.Hour),
		ExpiresAt:   expires,
	}
}

func storedSession(x *sg.Session) *sg.Session {
	w := *x
	w.CreatedAt, w.ExpiresAt = ms(x.CreatedAt), ms(x.ExpiresAt)
	return &w
}

// wantSessions fails t unless each session is found as stored (present)
// or is ENOTFOUND (absent).
func wantSessions(t testing.TB, s sg.Store, present, absent []*sg.Session) {
	t.Helper()
	for _, x := range present {
		got, err := s.FindSession(t.Context(), x.ID)
		must(t, "FindSession "+x.UserName, err)
		same(t, "FindSession "+x.UserName, got, storedSession(x))
	}
	for _, x := range absent {
		_, err := s.FindSession(t.Context(), x.ID)
		wantCode(t, "FindSession of a deleted session of "+x.UserName, err, sg.ENOTFOUND)
	}
}

func testSession(t *testing.T, s sg.Store) {
	ctx := t.Context()

	t.Run("RoundTrip", func(t *testing.T) {
		x := newSession(newAccountID(), "alice", at(8*time.Hour))
		x.UserName = "Ålice/ü 日本"
		x.EntryPoint = "/start?x=1&y=é"
		// A time in another zone reads back as the same instant in UTC.
		x.ExpiresAt = x.ExpiresAt.In(time.FixedZone("UTC-07:00", -7*3600))
		must(t, "CreateSession", s.CreateSession(ctx, x))
		got, err := s.FindSession(ctx, x.ID)
		must(t, "FindSession", err)
		same(t, "FindSession", got, storedSession(x))
		if got.CreatedAt.Location() != time.UTC || got.ExpiresAt.Location() != time.UTC {
			t.Errorf("times read back in %v, %v; want UTC", got.CreatedAt.Location(), got.ExpiresAt.Location())
		}

		// Every field but the id at its zero value.
		zero := &sg.Session{ID: newSessionID()}
		must(t, "CreateSession zero", s.CreateSession(ctx, zero))
		got, err = s.FindSession(ctx, zero.ID)
		must(t, "FindSession zero", err)
		same(t, "FindSession zero", got, zero)
		// Its zero expiry is long past: delete it, so that Purge's counts
		// are exact.
		must(t, "DeleteSession zero", s.DeleteSession(ctx, zero.ID))
	})

	t.Run("AllowedDomains", func(t *testing.T) {
		// nil (the account's list), empty (no framing) and a list all
		// round-trip, through CreateSession and RedeemOnce alike.
		for i, domains := range [][]string{nil, {}, {"https://app.example.com", "https://*.example.org:8443"}} {
			x := newSession(newAccountID(), "alice", at(time.Hour))
			x.AllowedDomains = domains
			must(t, "CreateSession", s.CreateSession(ctx, x))
			wantSessions(t, s, []*sg.Session{x}, nil)

			y := newSession(newAccountID(), "bob", at(time.Hour))
			y.AllowedDomains = domains
			key := fmt.Sprintf("%064x", time.Now().UnixNano()+int64(i))
			must(t, "PutOnce", s.PutOnce(ctx, key, []byte("grant"), at(time.Hour)))
			_, err := s.RedeemOnce(ctx, key, at(0), y)
			must(t, "RedeemOnce", err)
			wantSessions(t, s, []*sg.Session{y}, nil)
		}
	})

	t.Run("Anonymous", func(t *testing.T) {
		// An anonymous session's dashboards and tags round-trip, through
		// CreateSession and RedeemOnce alike; a registered user's session
		// keeps nil for both (not anonymous).
		for i, c := range []struct {
			dashboards []string
			tags       map[string]string
		}{
			{nil, nil},
			{[]string{"sales", "ops-2"}, nil},
			{[]string{"sales"}, map[string]string{"region": "EU", "tenant": "ünï \"q\""}},
		} {
			x := newSession(newAccountID(), "", at(time.Hour))
			x.AuthorizedDashboards, x.Tags = c.dashboards, c.tags
			must(t, "CreateSession", s.CreateSession(ctx, x))
			wantSessions(t, s, []*sg.Session{x}, nil)
			got, err := s.FindSession(ctx, x.ID)
			must(t, "FindSession", err)
			if got.Anonymous() != (c.dashboards != nil) {
				t.Errorf("case %d: Anonymous() = %v", i, got.Anonymous())
			}

			y := newSession(newAccountID(), "", at(time.Hour))
			y.AuthorizedDashboards, y.Tags = c.dashboards, c.tags
			key := fmt.Sprintf("%064x", time.Now().UnixNano()+int64(100+i))
			must(t, "PutOnce", s.PutOnce(ctx, key, []byte("grant"), at(time.Hour)))
			_, err = s.RedeemOnce(ctx, key, at(0), y)
			must(t, "RedeemOnce", err)
			wantSessions(t, s, []*sg.Session{y}, nil)
		}
	})

	t.Run("Exists", func(t *testing.T) {
		acct := newAccountID()
		x := newSession(acct, "alice", at(time.Hour))
		must(t, "CreateSession", s.CreateSession(ctx, x))
		y := newSession(acct, "bob", at(2*time.Hour))
		y.ID = x.ID
		wantCode(t, "CreateSession with a taken id", s.CreateSession(ctx, y), sg.EEXISTS)
		wantSessions(t, s, []*sg.Session{x}, nil)
	})

	t.Run("NotFound", func(t *testing.T) {
		_, err := s.FindSession(ctx, newSessionID())
		wantCode(t, "FindSession", err, sg.ENOTFOUND)
		wantCode(t, "DeleteSession", s.DeleteSession(ctx, newSessionID()), sg.ENOTFOUND)
	})

	t.Run("Delete", func(t *testing.T) {
		acct := newAccountID()
		x, y := newSession(acct, "alice", at(time.Hour)), newSession(acct, "alice", at(time.Hour))
		must(t, "CreateSession", s.CreateSession(ctx, x))
		must(t, "CreateSession", s.CreateSession(ctx, y))
		must(t, "DeleteSession", s.DeleteSession(ctx, x.ID))
		wantSessions(t, s, []*sg.Session{y}, []*sg.Session{x})
		wantCode(t, "DeleteSession again", s.DeleteSession(ctx, x.ID), sg.ENOTFOUND)
		// A deleted id is free again.
		must(t, "CreateSession again", s.CreateSession(ctx, x))
		wantSessions(t, s, []*sg.Session{x, y}, nil)
	})

	t.Run("FindExpired", func(t *testing.T) {
		// Expiry is the caller's rule: FindSession returns a session
		// that expired long ago.
		x := newSession(newAccountID(), "alice", at(-time.Hour))
		must(t, "CreateSession", s.CreateSession(ctx, x))
		wantSessions(t, s, []*sg.Session{x}, nil)
	})

	t.Run("DeleteUserSessions", func(t *testing.T) {
		acct := newAccountID()
		mine := []*sg.Session{
			newSession(acct, "alice", at(time.Hour)),
			newSession(acct, "alice", at(2*time.Hour)),
			newSession(acct, "alice", at(-time.Hour)), // expired
		}
		otherNamespace := newSession(acct, "alice", at(time.Hour))
		otherNamespace.Namespace = "other"
		others := []*sg.Session{
			newSession(acct, "bob", at(time.Hour)),
			newSession(acct, "Alice", at(time.Hour)), // names compare byte for byte
			newSession(acct, "alice2", at(time.Hour)),
			newSession(newAccountID(), "alice", at(time.Hour)),
			otherNamespace,
		}
		for _, x := range append(append([]*sg.Session{}, mine...), others...) {
			must(t, "CreateSession", s.CreateSession(ctx, x))
		}
		n, err := s.DeleteUserSessions(ctx, acct, sg.DefaultNamespace, "alice")
		must(t, "DeleteUserSessions", err)
		same(t, "DeleteUserSessions count", n, int64(len(mine)))
		wantSessions(t, s, others, mine)

		n, err = s.DeleteUserSessions(ctx, acct, sg.DefaultNamespace, "alice")
		must(t, "DeleteUserSessions again", err)
		same(t, "DeleteUserSessions again count", n, int64(0))
		n, err = s.DeleteUserSessions(ctx, newAccountID(), sg.DefaultNamespace, "nobody")
		must(t, "DeleteUserSessions of nobody", err)
		same(t, "DeleteUserSessions of nobody count", n, int64(0))
		wantSessions(t, s, others, nil)
	})

	t.Run("Purge", func(t *testing.T) {
		// Far before every other subtest's expiries, so that the counts
		// are exact on the shared store.
		now := at(-1000 * time.Hour)
		acct := newAccountID()
		before := newSession(acct, "before", now.Add(-time.Millisecond))
		sameMilli := newSession(acct, "same-milli", now.Add(-100*time.Microsecond)) // same millisecond as now
		atNow := newSession(acct, "at-now", now)
		after := newSession(acct, "after", now.Add(time.Millisecond))
		later := newSession(acct, "later", now.Add(time.Hour))
		for _, x := range []*sg.Session{before, sameMilli, atNow, after, later} {
			must(t, "CreateSession "+x.UserName, s.CreateSession(ctx, x))
		}

		n, err := s.PurgeSessions(ctx, now.Add(-2*time.Millisecond))
		must(t, "PurgeSessions before all", err)
		same(t, "PurgeSessions before all count", n, int64(0))

		// Expired at or before now, in milliseconds: purged.
		n, err = s.PurgeSessions(ctx, now)
		must(t, "PurgeSessions", err)
		same(t, "PurgeSessions count", n, int64(3))
		wantSessions(t, s, []*sg.Session{after, later}, []*sg.Session{before, sameMilli, atNow})

		n, err = s.PurgeSessions(ctx, now)
		must(t, "PurgeSessions again", err)
		same(t, "PurgeSessions again count", n, int64(0))

		n, err = s.PurgeSessions(ctx, now.Add(time.Millisecond))
		must(t, "PurgeSessions a millisecond later", err)
		same(t, "PurgeSessions a millisecond later count", n, int64(1))
		wantSessions(t, s, []*sg.Session{later}, []*sg.Session{after})
	})

	t.Run("Count", func(t *testing.T) {
		// Far after every other subtest's expiries, so that the count is
		// exact on the shared store.
		now := at(100000 * time.Hour)
		acct := newAccountID()
		n, err := s.CountSessions(ctx, now)
		must(t, "CountSessions of none", err)
		same(t, "CountSessions of none", n, int64(0))
		for _, x := range []*sg.Session{
			newSession(acct, "expired", now.Add(-time.Hour)),
			newSession(acct, "at-now", now),
			newSession(acct, "live", now.Add(time.Millisecond)),
			newSession(acct, "later", now.Add(time.Hour)),
		} {
			must(t, "CreateSession "+x.UserName, s.CreateSession(ctx, x))
		}
		n, err = s.CountSessions(ctx, now)
		must(t, "CountSessions", err)
		same(t, "CountSessions (expiring after now)", n, int64(2))
	})
}
