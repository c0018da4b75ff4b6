package storetest

import (
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// newUser returns a user with every field set.
func newUser(accountID, name string) *sg.User {
	return &sg.User{
		AccountID:                           accountID,
		Namespace:                           sg.DefaultNamespace,
		UserName:                            name,
		Email:                               name + "@example.com",
		Role:                                sg.RoleAuthor,
		IdentityType:                        sg.IdentityIAM,
		Active:                              true,
		PrincipalID:                         "federated/iam/AIDA" + accountID + "/" + name,
		IAMArn:                              sg.IAMARN(accountID, sg.PrincipalUser, name),
		SessionName:                         "s-" + name,
		CustomPermissionsName:               "cp",
		ExternalLoginFederationProviderType: "CUSTOM_OIDC",
		ExternalLoginFederationProviderURL:  "https://idp.example.com",
		ExternalLoginID:                     "ext-" + name,
		Tags:                                []sg.Tag{{Key: "team", Value: "data"}, {Key: "cost-center", Value: ""}},
		CreatedAt:                           at(10 * time.Minute),
		UpdatedAt:                           at(20 * time.Minute),
	}
}

func storedUser(u *sg.User) *sg.User {
	w := *u
	w.CreatedAt, w.UpdatedAt = ms(u.CreatedAt), ms(u.UpdatedAt)
	return &w
}

func testUser(t *testing.T, s sg.Store) {
	ctx := t.Context()

	t.Run("RoundTrip", func(t *testing.T) {
		u := newUser(newAccountID(), "alice")
		must(t, "CreateUser", s.CreateUser(ctx, u))
		got, err := s.FindUser(ctx, u.AccountID, u.Namespace, u.UserName)
		must(t, "FindUser", err)
		same(t, "FindUser", got, storedUser(u))
		got, err = s.FindUserByPrincipalID(ctx, u.AccountID, u.Namespace, u.PrincipalID)
		must(t, "FindUserByPrincipalID", err)
		same(t, "FindUserByPrincipalID", got, storedUser(u))
	})

	t.Run("ZeroValuesAndTags", func(t *testing.T) {
		acct := newAccountID()
		// Nil tags stay nil, empty tags stay empty; other fields at zero.
		z := &sg.User{AccountID: acct, Namespace: sg.DefaultNamespace, UserName: "zero", PrincipalID: "p-zero"}
		e := &sg.User{AccountID: acct, Namespace: sg.DefaultNamespace, UserName: "empty", PrincipalID: "p-empty", Tags: []sg.Tag{}}
		// Unicode and JSON-hostile characters in tags.
		q := newUser(acct, "role/session-é")
		q.Tags = []sg.Tag{{Key: `"quoted"\`, Value: "naïve 日本 <&>"}, {Key: "", Value: "\n\t"}}
		for _, u := range []*sg.User{z, e, q} {
			must(t, "CreateUser "+u.UserName, s.CreateUser(ctx, u))
			got, err := s.FindUser(ctx, acct, u.Namespace, u.UserName)
			must(t, "FindUser "+u.UserName, err)
			same(t, "FindUser "+u.UserName, got, storedUser(u))
		}
	})

	t.Run("Exists", func(t *testing.T) {
		acct := newAccountID()
		u := newUser(acct, "bob")
		must(t, "CreateUser", s.CreateUser(ctx, u))

		dup := newUser(acct, "bob")
		dup.PrincipalID = "another"
		wantCode(t, "CreateUser same name", s.CreateUser(ctx, dup), sg.EEXISTS)

		// The principal id is unique per account, across namespaces.
		pid := newUser(acct, "bob2")
		pid.PrincipalID = u.PrincipalID
		wantCode(t, "CreateUser same principal id", s.CreateUser(ctx, pid), sg.EEXISTS)
		pid.Namespace = "other"
		wantCode(t, "CreateUser same principal id, other namespace", s.CreateUser(ctx, pid), sg.EEXISTS)

		// The same name in another namespace or account, or in another
		// case, is another user; so is the principal id in another account.
		ns := newUser(acct, "bob")
		ns.Namespace, ns.PrincipalID = "other", "p-other-ns"
		must(t, "CreateUser other namespace", s.CreateUser(ctx, ns))
		must(t, "CreateUser other account", s.CreateUser(ctx, newUser(newAccountID(), "bob")))
		other := newUser(newAccountID(), "x")
		other.PrincipalID = u.PrincipalID
		must(t, "CreateUser principal id in another account", s.CreateUser(ctx, other))
		cased := newUser(acct, "Bob")
		must(t, "CreateUser other case", s.CreateUser(ctx, cased))

		got, err := s.FindUser(ctx, acct, u.Namespace, "bob")
		must(t, "FindUser", err)
		same(t, "FindUser after refused creates", got, storedUser(u))
	})

	t.Run("NotFound", func(t *testing.T) {
		acct := newAccountID()
		u := newUser(acct, "carol")
		must(t, "CreateUser", s.CreateUser(ctx, u))
		_, err := s.FindUser(ctx, acct, "other", "carol")
		wantCode(t, "FindUser other namespace", err, sg.ENOTFOUND)
		_, err = s.FindUser(ctx, acct, u.Namespace, "dave")
		wantCode(t, "FindUser", err, sg.ENOTFOUND)
		_, err = s.FindUser(ctx, newAccountID(), u.Namespace, "carol")
		wantCode(t, "FindUser other account", err, sg.ENOTFOUND)
		_, err = s.FindUserByPrincipalID(ctx, acct, u.Namespace, "nope")
		wantCode(t, "FindUserByPrincipalID", err, sg.ENOTFOUND)
		_, err = s.FindUserByPrincipalID(ctx, acct, "other", u.PrincipalID)
		wantCode(t, "FindUserByPrincipalID other namespace", err, sg.ENOTFOUND)
		wantCode(t, "UpdateUser", s.UpdateUser(ctx, newUser(acct, "dave")), sg.ENOTFOUND)
		wantCode(t, "DeleteUser", s.DeleteUser(ctx, acct, u.Namespace, "dave"), sg.ENOTFOUND)
	})

	t.Run("Update", func(t *testing.T) {
		acct := newAccountID()
		u := newUser(acct, "erin")
		must(t, "CreateUser", s.CreateUser(ctx, u))
		v := &sg.User{
			AccountID: acct, Namespace: u.Namespace, UserName: u.UserName,
			Email:        "new@example.com",
			Role:         sg.RoleReaderPro,
			IdentityType: sg.IdentityQuickSight,
			Active:       false,
			PrincipalID:  "ignored",
			IAMArn:       "",
			SessionName:  "",
			Tags:         nil,
			CreatedAt:    at(99 * time.Hour), // ignored
			UpdatedAt:    at(time.Hour),
		}
		must(t, "UpdateUser", s.UpdateUser(ctx, v))
		got, err := s.FindUser(ctx, acct, u.Namespace, u.UserName)
		must(t, "FindUser", err)
		want := storedUser(v)
		want.PrincipalID, want.CreatedAt = u.PrincipalID, ms(u.CreatedAt)
		same(t, "FindUser after update", got, want)

		v.Tags = []sg.Tag{}
		v.CustomPermissionsName = "cp2"
		v.ExternalLoginID = "x"
		must(t, "UpdateUser", s.UpdateUser(ctx, v))
		got, err = s.FindUserByPrincipalID(ctx, acct, u.Namespace, u.PrincipalID)
		must(t, "FindUserByPrincipalID", err)
		want = storedUser(v)
		want.PrincipalID, want.CreatedAt = u.PrincipalID, ms(u.CreatedAt)
		same(t, "FindUserByPrincipalID after update", got, want)
	})

	t.Run("Delete", func(t *testing.T) {
		acct := newAccountID()
		u := newUser(acct, "frank")
		must(t, "CreateUser", s.CreateUser(ctx, u))
		must(t, "DeleteUser", s.DeleteUser(ctx, acct, u.Namespace, u.UserName))
		_, err := s.FindUser(ctx, acct, u.Namespace, u.UserName)
		wantCode(t, "FindUser after delete", err, sg.ENOTFOUND)
		_, err = s.FindUserByPrincipalID(ctx, acct, u.Namespace, u.PrincipalID)
		wantCode(t, "FindUserByPrincipalID after delete", err, sg.ENOTFOUND)
		wantCode(t, "DeleteUser again", s.DeleteUser(ctx, acct, u.Namespace, u.UserName), sg.ENOTFOUND)
		// Name and principal id are free again.
		must(t, "CreateUser again", s.CreateUser(ctx, u))
	})

	t.Run("CountWithCustomPermissions", func(t *testing.T) {
		acct := newAccountID()
		n, err := s.CountUsersWithCustomPermissions(ctx, acct, "readers")
		must(t, "CountUsersWithCustomPermissions", err)
		if n != 0 {
			t.Fatalf("count = %d, want 0", n)
		}
		for i, name := range []string{"a", "b", "c", "d"} {
			u := newUser(acct, name)
			u.CustomPermissionsName = []string{"readers", "readers", "authors", ""}[i]
			if name == "b" {
				u.Namespace = "other" // counted: any namespace of the account
			}
			must(t, "CreateUser", s.CreateUser(ctx, u))
		}
		x := newUser(newAccountID(), "x")
		x.CustomPermissionsName = "readers"
		must(t, "CreateUser other account", s.CreateUser(ctx, x))
		for name, want := range map[string]int{"readers": 2, "authors": 1, "Readers": 0, "none": 0} {
			n, err := s.CountUsersWithCustomPermissions(ctx, acct, name)
			must(t, "CountUsersWithCustomPermissions", err)
			if n != want {
				t.Errorf("CountUsersWithCustomPermissions(%q) = %d, want %d", name, n, want)
			}
		}
	})
}
