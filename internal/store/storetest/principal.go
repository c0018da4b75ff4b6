package storetest

import (
	"context"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

func newPrincipal(accountID, typ, name string) *sg.Principal {
	prefix := "AIDA"
	if typ == sg.PrincipalRole {
		prefix = "AROA"
	}
	return &sg.Principal{AccountID: accountID, Type: typ, Name: name, ID: prefix + accountID + name, CreatedAt: at(time.Minute)}
}

func storedPrincipal(p *sg.Principal) *sg.Principal {
	w := *p
	w.CreatedAt = ms(p.CreatedAt)
	return &w
}

func createPrincipal(t testing.TB, s sg.Store, p *sg.Principal) {
	t.Helper()
	must(t, "CreatePrincipal "+p.Name, s.CreatePrincipal(context.Background(), p))
}

func testPrincipal(t *testing.T, s sg.Store) {
	ctx := t.Context()

	t.Run("RoundTrip", func(t *testing.T) {
		p := newPrincipal(newAccountID(), sg.PrincipalUser, "alice")
		createPrincipal(t, s, p)
		got, err := s.FindPrincipal(ctx, p.AccountID, p.Type, p.Name)
		must(t, "FindPrincipal", err)
		same(t, "FindPrincipal", got, storedPrincipal(p))

		z := &sg.Principal{AccountID: newAccountID(), Type: sg.PrincipalRole, Name: "z"}
		createPrincipal(t, s, z)
		got, err = s.FindPrincipal(ctx, z.AccountID, z.Type, z.Name)
		must(t, "FindPrincipal zero", err)
		same(t, "FindPrincipal zero", got, z)
	})

	t.Run("Exists", func(t *testing.T) {
		acct := newAccountID()
		p := newPrincipal(acct, sg.PrincipalUser, "bob")
		createPrincipal(t, s, p)
		q := newPrincipal(acct, sg.PrincipalUser, "bob")
		q.ID = "AIDAOTHER"
		wantCode(t, "CreatePrincipal again", s.CreatePrincipal(ctx, q), sg.EEXISTS)
		// The same name as a role, in another account, or in another case
		// is another principal.
		createPrincipal(t, s, newPrincipal(acct, sg.PrincipalRole, "bob"))
		createPrincipal(t, s, newPrincipal(newAccountID(), sg.PrincipalUser, "bob"))
		createPrincipal(t, s, newPrincipal(acct, sg.PrincipalUser, "Bob"))
		got, err := s.FindPrincipal(ctx, acct, sg.PrincipalUser, "bob")
		must(t, "FindPrincipal", err)
		same(t, "FindPrincipal after refused create", got, storedPrincipal(p))
	})

	t.Run("NotFound", func(t *testing.T) {
		acct := newAccountID()
		createPrincipal(t, s, newPrincipal(acct, sg.PrincipalUser, "carol"))
		_, err := s.FindPrincipal(ctx, acct, sg.PrincipalRole, "carol")
		wantCode(t, "FindPrincipal wrong type", err, sg.ENOTFOUND)
		_, err = s.FindPrincipal(ctx, acct, sg.PrincipalUser, "dave")
		wantCode(t, "FindPrincipal", err, sg.ENOTFOUND)
		wantCode(t, "DeletePrincipal", s.DeletePrincipal(ctx, acct, sg.PrincipalUser, "dave"), sg.ENOTFOUND)
	})

	t.Run("List", func(t *testing.T) {
		acct := newAccountID()
		list, err := s.ListPrincipals(ctx, acct)
		must(t, "ListPrincipals empty", err)
		same(t, "ListPrincipals empty", list, []*sg.Principal{})

		// Ordered by type, then name, in byte order.
		in := []*sg.Principal{
			newPrincipal(acct, sg.PrincipalUser, "zed"),
			newPrincipal(acct, sg.PrincipalRole, "b"),
			newPrincipal(acct, sg.PrincipalUser, "Zed"),
			newPrincipal(acct, sg.PrincipalUser, "_x"),
			newPrincipal(acct, sg.PrincipalRole, "A"),
			newPrincipal(acct, sg.PrincipalUser, "a.b@c"),
		}
		for _, p := range in {
			createPrincipal(t, s, p)
		}
		createPrincipal(t, s, newPrincipal(newAccountID(), sg.PrincipalUser, "other-account"))
		list, err = s.ListPrincipals(ctx, acct)
		must(t, "ListPrincipals", err)
		want := []*sg.Principal{}
		for _, i := range []int{4, 1, 2, 3, 5, 0} { // role A, role b, user Zed, _x, a.b@c, zed
			want = append(want, storedPrincipal(in[i]))
		}
		same(t, "ListPrincipals", list, want)
	})

	t.Run("DeleteCascades", func(t *testing.T) {
		acct := newAccountID()
		p := newPrincipal(acct, sg.PrincipalUser, "erin")
		other := newPrincipal(acct, sg.PrincipalUser, "frank")
		createPrincipal(t, s, p)
		createPrincipal(t, s, other)
		for _, q := range []*sg.Principal{p, other} {
			must(t, "PutPrincipalPolicy", s.PutPrincipalPolicy(ctx, newPolicy(q, "p1")))
			must(t, "PutPrincipalPolicy", s.PutPrincipalPolicy(ctx, newPolicy(q, "p2")))
			must(t, "CreateAccessKey", s.CreateAccessKey(ctx, newAccessKey(q, "AKIA"+acct+q.Name)))
		}

		must(t, "DeletePrincipal", s.DeletePrincipal(ctx, acct, p.Type, p.Name))
		_, err := s.FindPrincipal(ctx, acct, p.Type, p.Name)
		wantCode(t, "FindPrincipal after delete", err, sg.ENOTFOUND)
		_, err = s.FindAccessKey(ctx, "AKIA"+acct+p.Name)
		wantCode(t, "FindAccessKey after principal delete", err, sg.ENOTFOUND)
		pols, err := s.ListPrincipalPolicies(ctx, acct, p.Type, p.Name)
		must(t, "ListPrincipalPolicies", err)
		same(t, "policies after principal delete", pols, []*sg.PrincipalPolicy{})
		keys, err := s.ListAccessKeys(ctx, acct, p.Type, p.Name)
		must(t, "ListAccessKeys", err)
		same(t, "keys after principal delete", keys, []*sg.AccessKey{})
		wantCode(t, "DeletePrincipal again", s.DeletePrincipal(ctx, acct, p.Type, p.Name), sg.ENOTFOUND)

		// A principal created again under the name starts clean.
		createPrincipal(t, s, p)
		pols, err = s.ListPrincipalPolicies(ctx, acct, p.Type, p.Name)
		must(t, "ListPrincipalPolicies", err)
		same(t, "policies of the re-created principal", pols, []*sg.PrincipalPolicy{})

		// The other principal kept everything.
		pols, err = s.ListPrincipalPolicies(ctx, acct, other.Type, other.Name)
		must(t, "ListPrincipalPolicies other", err)
		if len(pols) != 2 {
			t.Errorf("other principal has %d policies, want 2", len(pols))
		}
		_, err = s.FindAccessKey(ctx, "AKIA"+acct+other.Name)
		must(t, "FindAccessKey other", err)
	})
}

func newPolicy(p *sg.Principal, name string) *sg.PrincipalPolicy {
	return &sg.PrincipalPolicy{
		AccountID:     p.AccountID,
		PrincipalType: p.Type,
		PrincipalName: p.Name,
		PolicyName:    name,
		Document:      `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"quicksight:*","Resource":"*","Sid":"` + name + `"}]}`,
		UpdatedAt:     at(2 * time.Minute),
	}
}

func storedPolicy(p *sg.PrincipalPolicy) *sg.PrincipalPolicy {
	w := *p
	w.UpdatedAt = ms(p.UpdatedAt)
	return &w
}

func testPrincipalPolicy(t *testing.T, s sg.Store) {
	ctx := t.Context()

	t.Run("PutListReplaceDelete", func(t *testing.T) {
		p := newPrincipal(newAccountID(), sg.PrincipalRole, "embedder")
		createPrincipal(t, s, p)
		b, a, z := newPolicy(p, "b"), newPolicy(p, "a"), newPolicy(p, "Z")
		for _, pol := range []*sg.PrincipalPolicy{b, a, z} {
			must(t, "PutPrincipalPolicy "+pol.PolicyName, s.PutPrincipalPolicy(ctx, pol))
		}
		list, err := s.ListPrincipalPolicies(ctx, p.AccountID, p.Type, p.Name)
		must(t, "ListPrincipalPolicies", err)
		same(t, "ListPrincipalPolicies", list, []*sg.PrincipalPolicy{storedPolicy(z), storedPolicy(a), storedPolicy(b)})

		// Put on an existing name replaces the document and the time.
		a2 := *a
		a2.Document = `{"Version":"2012-10-17","Statement":[]}`
		a2.UpdatedAt = at(3 * time.Hour)
		must(t, "PutPrincipalPolicy replace", s.PutPrincipalPolicy(ctx, &a2))
		list, err = s.ListPrincipalPolicies(ctx, p.AccountID, p.Type, p.Name)
		must(t, "ListPrincipalPolicies", err)
		same(t, "ListPrincipalPolicies after replace", list, []*sg.PrincipalPolicy{storedPolicy(z), storedPolicy(&a2), storedPolicy(b)})

		must(t, "DeletePrincipalPolicy", s.DeletePrincipalPolicy(ctx, p.AccountID, p.Type, p.Name, "Z"))
		wantCode(t, "DeletePrincipalPolicy again", s.DeletePrincipalPolicy(ctx, p.AccountID, p.Type, p.Name, "Z"), sg.ENOTFOUND)
		wantCode(t, "DeletePrincipalPolicy other case", s.DeletePrincipalPolicy(ctx, p.AccountID, p.Type, p.Name, "A"), sg.ENOTFOUND)
		list, err = s.ListPrincipalPolicies(ctx, p.AccountID, p.Type, p.Name)
		must(t, "ListPrincipalPolicies", err)
		same(t, "ListPrincipalPolicies after delete", list, []*sg.PrincipalPolicy{storedPolicy(&a2), storedPolicy(b)})
	})

	t.Run("EmptyDocument", func(t *testing.T) {
		p := newPrincipal(newAccountID(), sg.PrincipalUser, "u")
		createPrincipal(t, s, p)
		pol := &sg.PrincipalPolicy{AccountID: p.AccountID, PrincipalType: p.Type, PrincipalName: p.Name, PolicyName: "empty"}
		must(t, "PutPrincipalPolicy", s.PutPrincipalPolicy(ctx, pol))
		list, err := s.ListPrincipalPolicies(ctx, p.AccountID, p.Type, p.Name)
		must(t, "ListPrincipalPolicies", err)
		same(t, "ListPrincipalPolicies", list, []*sg.PrincipalPolicy{pol})
	})

	t.Run("PrincipalNotFound", func(t *testing.T) {
		acct := newAccountID()
		p := newPrincipal(acct, sg.PrincipalUser, "ghost")
		wantCode(t, "PutPrincipalPolicy", s.PutPrincipalPolicy(ctx, newPolicy(p, "p")), sg.ENOTFOUND)
		// A user principal does not make a role of the same name exist.
		createPrincipal(t, s, p)
		wantCode(t, "PutPrincipalPolicy wrong type",
			s.PutPrincipalPolicy(ctx, newPolicy(newPrincipal(acct, sg.PrincipalRole, "ghost"), "p")), sg.ENOTFOUND)
		wantCode(t, "DeletePrincipalPolicy", s.DeletePrincipalPolicy(ctx, acct, sg.PrincipalUser, "ghost", "p"), sg.ENOTFOUND)
		list, err := s.ListPrincipalPolicies(ctx, acct, sg.PrincipalUser, "nobody")
		must(t, "ListPrincipalPolicies of a missing principal", err)
		same(t, "ListPrincipalPolicies of a missing principal", list, []*sg.PrincipalPolicy{})
	})
}
