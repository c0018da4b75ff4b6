package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlite"
)

// deletingStore deletes a namespace just before each user or group it
// creates: a DeleteNamespace that runs between RegisterUser's (or
// CreateGroup's) check of the namespace and its write.
type deletingStore struct {
	sg.Store
	ns string
}

func (s *deletingStore) CreateUser(ctx context.Context, u *sg.User) error {
	s.Store.DeleteNamespace(ctx, u.AccountID, s.ns)
	return s.Store.CreateUser(ctx, u)
}

func (s *deletingStore) CreateGroup(ctx context.Context, g *sg.Group) error {
	s.Store.DeleteNamespace(ctx, g.AccountID, s.ns)
	return s.Store.CreateGroup(ctx, g)
}

// TestNothingOutlivesItsNamespace: a user or group written after its
// namespace was deleted is taken back, and the call is
// ResourceNotFoundException.
func TestNothingOutlivesItsNamespace(t *testing.T) {
	ctx := context.Background()
	const acct = "123456789012"
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "sightglass.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	a := New(&deletingStore{Store: store, ns: "t1"}, "us-east-1")
	if _, err := a.Bootstrap(ctx, acct); err != nil {
		t.Fatal(err)
	}
	for _, create := range []struct {
		name string
		do   func() error
		find func() error
	}{
		{"RegisterUser", func() error {
			_, _, err := a.RegisterUser(ctx, RegisterUserInput{AccountID: acct, Namespace: "t1", IdentityType: sg.IdentityQuickSight,
				UserName: "tina", Email: "t@example.com", UserRole: sg.RoleReader})
			return err
		}, func() error { _, err := store.FindUser(ctx, acct, "t1", "tina"); return err }},
		{"CreateGroup", func() error {
			_, err := a.CreateGroup(ctx, acct, "t1", "g", nil)
			return err
		}, func() error { _, err := store.FindGroup(ctx, acct, "t1", "g"); return err }},
	} {
		a.Now = nil
		if _, err := a.CreateNamespace(ctx, acct, "t1", IdentityStoreQuickSight, nil); err != nil {
			t.Fatal(err)
		}
		a.Now = func() time.Time { return time.Now().Add(time.Minute) } // CREATED
		if err := create.do(); sg.ErrorCode(err) != sg.ENOTFOUND {
			t.Fatalf("%s into a namespace deleted meanwhile: %v, want %s", create.name, err, sg.ENOTFOUND)
		}
		if err := create.find(); sg.ErrorCode(err) != sg.ENOTFOUND {
			t.Fatalf("%s: the record outlived its namespace (%v)", create.name, err)
		}
	}
}
