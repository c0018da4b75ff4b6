package storetest

import (
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

func newCustomPermissions(accountID, name string) *sg.CustomPermissions {
	return &sg.CustomPermissions{
		AccountID: accountID,
		Name:      name,
		Capabilities: map[string]string{
			"CreateAndUpdateDataSources": sg.CapabilityDeny,
			"ExportToCsv":                sg.CapabilityDeny,
		},
		Tags:      []sg.Tag{{Key: "owner", Value: "bi"}},
		CreatedAt: at(30 * time.Minute),
		UpdatedAt: at(40 * time.Minute),
	}
}

func storedCustomPermissions(c *sg.CustomPermissions) *sg.CustomPermissions {
	w := *c
	w.CreatedAt, w.UpdatedAt = ms(c.CreatedAt), ms(c.UpdatedAt)
	return &w
}

func testCustomPermissions(t *testing.T, s sg.Store) {
	ctx := t.Context()

	t.Run("RoundTrip", func(t *testing.T) {
		acct := newAccountID()
		full := newCustomPermissions(acct, "full")
		// Nil maps and slices stay nil; empty ones stay empty.
		zero := &sg.CustomPermissions{AccountID: acct, Name: "zero"}
		empty := &sg.CustomPermissions{AccountID: acct, Name: "empty", Capabilities: map[string]string{}, Tags: []sg.Tag{}}
		for _, c := range []*sg.CustomPermissions{full, zero, empty} {
			must(t, "CreateCustomPermissions "+c.Name, s.CreateCustomPermissions(ctx, c))
			got, err := s.FindCustomPermissions(ctx, acct, c.Name)
			must(t, "FindCustomPermissions "+c.Name, err)
			same(t, "FindCustomPermissions "+c.Name, got, storedCustomPermissions(c))
		}
	})

	t.Run("Exists", func(t *testing.T) {
		acct := newAccountID()
		c := newCustomPermissions(acct, "readers")
		must(t, "CreateCustomPermissions", s.CreateCustomPermissions(ctx, c))
		d := newCustomPermissions(acct, "readers")
		d.Capabilities = nil
		wantCode(t, "CreateCustomPermissions again", s.CreateCustomPermissions(ctx, d), sg.EEXISTS)
		must(t, "CreateCustomPermissions other account", s.CreateCustomPermissions(ctx, newCustomPermissions(newAccountID(), "readers")))
		must(t, "CreateCustomPermissions other case", s.CreateCustomPermissions(ctx, newCustomPermissions(acct, "Readers")))
		got, err := s.FindCustomPermissions(ctx, acct, "readers")
		must(t, "FindCustomPermissions", err)
		same(t, "FindCustomPermissions after refused create", got, storedCustomPermissions(c))
	})

	t.Run("NotFound", func(t *testing.T) {
		acct := newAccountID()
		must(t, "CreateCustomPermissions", s.CreateCustomPermissions(ctx, newCustomPermissions(acct, "a")))
		_, err := s.FindCustomPermissions(ctx, acct, "b")
		wantCode(t, "FindCustomPermissions", err, sg.ENOTFOUND)
		_, err = s.FindCustomPermissions(ctx, newAccountID(), "a")
		wantCode(t, "FindCustomPermissions other account", err, sg.ENOTFOUND)
		wantCode(t, "UpdateCustomPermissions", s.UpdateCustomPermissions(ctx, newCustomPermissions(acct, "b")), sg.ENOTFOUND)
		wantCode(t, "DeleteCustomPermissions", s.DeleteCustomPermissions(ctx, acct, "b"), sg.ENOTFOUND)
	})

	t.Run("Update", func(t *testing.T) {
		acct := newAccountID()
		c := newCustomPermissions(acct, "authors")
		must(t, "CreateCustomPermissions", s.CreateCustomPermissions(ctx, c))
		// Only Capabilities and UpdatedAt change.
		u := &sg.CustomPermissions{
			AccountID:    acct,
			Name:         "authors",
			Capabilities: map[string]string{"ShareDashboards": sg.CapabilityDeny},
			Tags:         []sg.Tag{{Key: "ignored", Value: "x"}},
			CreatedAt:    at(99 * time.Hour),
			UpdatedAt:    at(50 * time.Hour),
		}
		must(t, "UpdateCustomPermissions", s.UpdateCustomPermissions(ctx, u))
		got, err := s.FindCustomPermissions(ctx, acct, "authors")
		must(t, "FindCustomPermissions", err)
		want := storedCustomPermissions(c)
		want.Capabilities, want.UpdatedAt = u.Capabilities, ms(u.UpdatedAt)
		same(t, "FindCustomPermissions after update", got, want)

		u.Capabilities = map[string]string{}
		must(t, "UpdateCustomPermissions to empty", s.UpdateCustomPermissions(ctx, u))
		got, err = s.FindCustomPermissions(ctx, acct, "authors")
		must(t, "FindCustomPermissions", err)
		same(t, "Capabilities after update to empty", got.Capabilities, map[string]string{})
	})

	t.Run("Delete", func(t *testing.T) {
		acct := newAccountID()
		c := newCustomPermissions(acct, "gone")
		must(t, "CreateCustomPermissions", s.CreateCustomPermissions(ctx, c))
		must(t, "DeleteCustomPermissions", s.DeleteCustomPermissions(ctx, acct, "gone"))
		_, err := s.FindCustomPermissions(ctx, acct, "gone")
		wantCode(t, "FindCustomPermissions after delete", err, sg.ENOTFOUND)
		wantCode(t, "DeleteCustomPermissions again", s.DeleteCustomPermissions(ctx, acct, "gone"), sg.ENOTFOUND)
		must(t, "CreateCustomPermissions again", s.CreateCustomPermissions(ctx, c))
	})
}
