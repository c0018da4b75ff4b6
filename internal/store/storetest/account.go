package storetest

import (
	"slices"
	"strings"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// newAccount returns an account with every field set.
func newAccount(id string) *sg.Account {
	return &sg.Account{
		ID:                           id,
		Name:                         "acct-" + id,
		Edition:                      sg.EditionEnterprise,
		AuthenticationType:           sg.AuthIAMAndQuickSight,
		NotificationEmail:            "ops+" + id + "@example.com",
		Status:                       "ACCOUNT_CREATED",
		DefaultNamespace:             sg.DefaultNamespace,
		PublicSharingEnabled:         true,
		TerminationProtectionEnabled: true,
		EmbeddingDomains:             []string{"https://app.example.com", "https://*.example.com", "http://localhost:*"},
		CreatedAt:                    at(0),
		UpdatedAt:                    at(time.Hour),
	}
}

// stored is what a store returns for a: the same with times in UTC
// milliseconds.
func storedAccount(a *sg.Account) *sg.Account {
	w := *a
	w.CreatedAt, w.UpdatedAt = ms(a.CreatedAt), ms(a.UpdatedAt)
	return &w
}

func testAccount(t *testing.T, s sg.Store) {
	ctx := t.Context()

	t.Run("RoundTrip", func(t *testing.T) {
		a := newAccount(newAccountID())
		// A time in another zone reads back as the same instant in UTC.
		a.UpdatedAt = a.UpdatedAt.In(time.FixedZone("UTC+05:30", 5*3600+1800))
		must(t, "CreateAccount", s.CreateAccount(ctx, a))
		got, err := s.FindAccount(ctx, a.ID)
		must(t, "FindAccount", err)
		same(t, "FindAccount", got, storedAccount(a))
		if got.UpdatedAt.Location() != time.UTC {
			t.Errorf("UpdatedAt location %v, want UTC", got.UpdatedAt.Location())
		}
	})

	t.Run("ZeroValues", func(t *testing.T) {
		// Every field but the keys at its zero value; nil domains stay nil.
		a := &sg.Account{ID: newAccountID(), Name: "zero-" + newAccountID()}
		must(t, "CreateAccount", s.CreateAccount(ctx, a))
		got, err := s.FindAccount(ctx, a.ID)
		must(t, "FindAccount", err)
		same(t, "FindAccount", got, a)
		if !got.CreatedAt.IsZero() || got.EmbeddingDomains != nil {
			t.Errorf("zero account read back as %+v", got)
		}
	})

	t.Run("EmptyDomains", func(t *testing.T) {
		a := newAccount(newAccountID())
		a.EmbeddingDomains = []string{}
		must(t, "CreateAccount", s.CreateAccount(ctx, a))
		got, err := s.FindAccount(ctx, a.ID)
		must(t, "FindAccount", err)
		if got.EmbeddingDomains == nil || len(got.EmbeddingDomains) != 0 {
			t.Errorf("EmbeddingDomains = %#v, want empty non-nil", got.EmbeddingDomains)
		}
	})

	t.Run("Exists", func(t *testing.T) {
		a := newAccount(newAccountID())
		must(t, "CreateAccount", s.CreateAccount(ctx, a))
		b := newAccount(a.ID)
		b.Name = "other-" + a.ID
		wantCode(t, "CreateAccount same id", s.CreateAccount(ctx, b), sg.EEXISTS)
		// Both the id and the name taken: the id decides.
		wantCode(t, "CreateAccount same id and name", s.CreateAccount(ctx, newAccount(a.ID)), sg.EEXISTS)
		got, err := s.FindAccount(ctx, a.ID)
		must(t, "FindAccount", err)
		same(t, "FindAccount after failed creates", got, storedAccount(a))
	})

	t.Run("NameConflict", func(t *testing.T) {
		a := newAccount(newAccountID())
		must(t, "CreateAccount", s.CreateAccount(ctx, a))
		b := newAccount(newAccountID())
		b.Name = a.Name
		wantCode(t, "CreateAccount same name", s.CreateAccount(ctx, b), sg.ECONFLICT)
		_, err := s.FindAccount(ctx, b.ID)
		wantCode(t, "FindAccount of the refused account", err, sg.ENOTFOUND)
		// Names compare byte for byte: another case is another name.
		b.Name = "ACCT-" + a.ID
		must(t, "CreateAccount name in other case", s.CreateAccount(ctx, b))
	})

	t.Run("NotFound", func(t *testing.T) {
		_, err := s.FindAccount(ctx, newAccountID())
		wantCode(t, "FindAccount", err, sg.ENOTFOUND)
		wantCode(t, "UpdateAccount", s.UpdateAccount(ctx, newAccount(newAccountID())), sg.ENOTFOUND)
	})

	t.Run("Update", func(t *testing.T) {
		a := newAccount(newAccountID())
		must(t, "CreateAccount", s.CreateAccount(ctx, a))
		u := &sg.Account{
			ID:                           a.ID,
			Name:                         "renamed-" + a.ID,
			Edition:                      sg.EditionEnterpriseAndQ,
			AuthenticationType:           sg.AuthIAMOnly,
			NotificationEmail:            "new@example.com",
			Status:                       "UNSUBSCRIBED",
			DefaultNamespace:             "other",
			PublicSharingEnabled:         false,
			TerminationProtectionEnabled: false,
			EmbeddingDomains:             nil,
			CreatedAt:                    at(99 * time.Hour), // ignored
			UpdatedAt:                    at(2 * time.Hour),
		}
		must(t, "UpdateAccount", s.UpdateAccount(ctx, u))
		got, err := s.FindAccount(ctx, a.ID)
		must(t, "FindAccount", err)
		want := storedAccount(u)
		want.CreatedAt = ms(a.CreatedAt)
		same(t, "FindAccount after update", got, want)

		// Keeping one's own name is no conflict.
		u.EmbeddingDomains = []string{"https://x.example"}
		must(t, "UpdateAccount same name", s.UpdateAccount(ctx, u))
		got, err = s.FindAccount(ctx, a.ID)
		must(t, "FindAccount", err)
		same(t, "EmbeddingDomains", got.EmbeddingDomains, u.EmbeddingDomains)
	})

	t.Run("UpdateNameConflict", func(t *testing.T) {
		a, b := newAccount(newAccountID()), newAccount(newAccountID())
		must(t, "CreateAccount a", s.CreateAccount(ctx, a))
		must(t, "CreateAccount b", s.CreateAccount(ctx, b))
		c := *b
		c.Name = a.Name
		c.Status = "changed"
		wantCode(t, "UpdateAccount to a taken name", s.UpdateAccount(ctx, &c), sg.ECONFLICT)
		got, err := s.FindAccount(ctx, b.ID)
		must(t, "FindAccount", err)
		same(t, "FindAccount after refused update", got, storedAccount(b))
	})
}

// testAccountList runs on a store of its own: ListAccounts sees every
// account of the store.
func testAccountList(t *testing.T, s sg.Store) {
	ctx := t.Context()
	list, err := s.ListAccounts(ctx)
	must(t, "ListAccounts of an empty store", err)
	if list == nil || len(list) != 0 {
		t.Fatalf("ListAccounts of an empty store = %#v, want empty non-nil", list)
	}

	var want []*sg.Account
	for _, id := range []string{"900000000001", "000000000009", "123456789012", "123456789011", "500000000000"} {
		a := newAccount(id)
		must(t, "CreateAccount "+id, s.CreateAccount(ctx, a))
		want = append(want, storedAccount(a))
	}
	zero := &sg.Account{ID: "000000000001", Name: "zero"}
	must(t, "CreateAccount zero", s.CreateAccount(ctx, zero))
	want = append(want, zero)
	slices.SortFunc(want, func(a, b *sg.Account) int { return strings.Compare(a.ID, b.ID) })

	list, err = s.ListAccounts(ctx)
	must(t, "ListAccounts", err)
	same(t, "ListAccounts", list, want)

	// Updates show.
	u := newAccount("123456789011")
	u.Name, u.EmbeddingDomains, u.UpdatedAt = "renamed", []string{}, at(2*time.Hour)
	must(t, "UpdateAccount", s.UpdateAccount(ctx, u))
	list, err = s.ListAccounts(ctx)
	must(t, "ListAccounts after update", err)
	same(t, "ListAccounts after update", list[2], storedAccount(u))
}
