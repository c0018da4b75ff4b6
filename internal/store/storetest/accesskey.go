package storetest

import (
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// newAccessKey returns a long-term key of p.
func newAccessKey(p *sg.Principal, id string) *sg.AccessKey {
	return &sg.AccessKey{
		AccessKeyID:     id,
		SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + id,
		AccountID:       p.AccountID,
		PrincipalType:   p.Type,
		PrincipalName:   p.Name,
		CreatedAt:       at(5 * time.Minute),
	}
}

func storedAccessKey(k *sg.AccessKey) *sg.AccessKey {
	w := *k
	w.CreatedAt = ms(k.CreatedAt)
	if !k.Expires.IsZero() {
		w.Expires = ms(k.Expires)
	}
	return &w
}

func testAccessKey(t *testing.T, s sg.Store) {
	ctx := t.Context()

	t.Run("LongTerm", func(t *testing.T) {
		p := newPrincipal(newAccountID(), sg.PrincipalUser, "alice")
		createPrincipal(t, s, p)
		k := newAccessKey(p, "AKIA"+p.AccountID)
		must(t, "CreateAccessKey", s.CreateAccessKey(ctx, k))
		got, err := s.FindAccessKey(ctx, k.AccessKeyID)
		must(t, "FindAccessKey", err)
		same(t, "FindAccessKey", got, storedAccessKey(k))
		if got.Temporary() || !got.Expires.IsZero() {
			t.Errorf("long-term key read back as temporary: %+v", got)
		}
	})

	t.Run("Temporary", func(t *testing.T) {
		p := newPrincipal(newAccountID(), sg.PrincipalRole, "embed-role")
		createPrincipal(t, s, p)
		k := newAccessKey(p, "ASIA"+p.AccountID)
		k.SessionName = "session-1"
		k.SessionToken = "FwoGZXIvYXdzEJr//////////wEaDG+token/="
		k.Expires = at(time.Hour).In(time.FixedZone("PST", -8*3600))
		must(t, "CreateAccessKey", s.CreateAccessKey(ctx, k))
		got, err := s.FindAccessKey(ctx, k.AccessKeyID)
		must(t, "FindAccessKey", err)
		same(t, "FindAccessKey", got, storedAccessKey(k))
		if !got.Temporary() {
			t.Errorf("temporary key read back as long-term")
		}
	})

	t.Run("Exists", func(t *testing.T) {
		p := newPrincipal(newAccountID(), sg.PrincipalUser, "bob")
		createPrincipal(t, s, p)
		k := newAccessKey(p, "AKIADUP"+p.AccountID)
		must(t, "CreateAccessKey", s.CreateAccessKey(ctx, k))
		// Key ids are unique across accounts and principals.
		q := newPrincipal(newAccountID(), sg.PrincipalUser, "carol")
		createPrincipal(t, s, q)
		wantCode(t, "CreateAccessKey same id", s.CreateAccessKey(ctx, newAccessKey(q, k.AccessKeyID)), sg.EEXISTS)
		got, err := s.FindAccessKey(ctx, k.AccessKeyID)
		must(t, "FindAccessKey", err)
		same(t, "FindAccessKey after refused create", got, storedAccessKey(k))
	})

	t.Run("PrincipalNotFound", func(t *testing.T) {
		acct := newAccountID()
		p := newPrincipal(acct, sg.PrincipalUser, "dave")
		wantCode(t, "CreateAccessKey", s.CreateAccessKey(ctx, newAccessKey(p, "AKIANOP"+acct)), sg.ENOTFOUND)
		_, err := s.FindAccessKey(ctx, "AKIANOP"+acct)
		wantCode(t, "FindAccessKey", err, sg.ENOTFOUND)
		keys, err := s.ListAccessKeys(ctx, acct, sg.PrincipalUser, "dave")
		must(t, "ListAccessKeys of a missing principal", err)
		same(t, "ListAccessKeys of a missing principal", keys, []*sg.AccessKey{})
	})

	t.Run("ListDelete", func(t *testing.T) {
		p := newPrincipal(newAccountID(), sg.PrincipalUser, "erin")
		createPrincipal(t, s, p)
		other := newPrincipal(p.AccountID, sg.PrincipalUser, "frank")
		createPrincipal(t, s, other)
		// Creation order, then key id for keys created in the same
		// millisecond.
		k1 := newAccessKey(p, "AKIAB"+p.AccountID)
		k1.CreatedAt = at(3 * time.Second)
		k2 := newAccessKey(p, "AKIAC"+p.AccountID)
		k2.CreatedAt = at(time.Second)
		k3 := newAccessKey(p, "AKIAA"+p.AccountID)
		k3.CreatedAt = at(3*time.Second + 100*time.Microsecond) // same millisecond as k1
		for _, k := range []*sg.AccessKey{k1, k2, k3, newAccessKey(other, "AKIAZ"+p.AccountID)} {
			must(t, "CreateAccessKey", s.CreateAccessKey(ctx, k))
		}
		keys, err := s.ListAccessKeys(ctx, p.AccountID, p.Type, p.Name)
		must(t, "ListAccessKeys", err)
		same(t, "ListAccessKeys", keys, []*sg.AccessKey{storedAccessKey(k2), storedAccessKey(k3), storedAccessKey(k1)})

		must(t, "DeleteAccessKey", s.DeleteAccessKey(ctx, k3.AccessKeyID))
		wantCode(t, "DeleteAccessKey again", s.DeleteAccessKey(ctx, k3.AccessKeyID), sg.ENOTFOUND)
		_, err = s.FindAccessKey(ctx, k3.AccessKeyID)
		wantCode(t, "FindAccessKey deleted", err, sg.ENOTFOUND)
		keys, err = s.ListAccessKeys(ctx, p.AccountID, p.Type, p.Name)
		must(t, "ListAccessKeys", err)
		same(t, "ListAccessKeys after delete", keys, []*sg.AccessKey{storedAccessKey(k2), storedAccessKey(k1)})
	})

	t.Run("NotFound", func(t *testing.T) {
		_, err := s.FindAccessKey(ctx, "AKIANOSUCHKEY")
		wantCode(t, "FindAccessKey", err, sg.ENOTFOUND)
		wantCode(t, "DeleteAccessKey", s.DeleteAccessKey(ctx, "AKIANOSUCHKEY"), sg.ENOTFOUND)
	})
}
