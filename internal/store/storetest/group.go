package storetest

import (
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

func newGroup(accountID, namespace, name string) *sg.Group {
	return &sg.Group{
		AccountID: accountID, Namespace: namespace, Name: name,
		Description: "the " + name + " group", PrincipalID: "group/" + namespace + "/" + name,
		CreatedAt: at(time.Minute),
	}
}

func groupNames(list []*sg.Group) []string {
	out := []string{}
	for _, g := range list {
		out = append(out, g.Name)
	}
	return out
}

func memberNames(list []*sg.GroupMember) []string {
	out := []string{}
	for _, m := range list {
		out = append(out, m.MemberName)
	}
	return out
}

func testGroup(t *testing.T, s sg.Store) {
	ctx := t.Context()

	t.Run("RoundTrip", func(t *testing.T) {
		acct := newAccountID()
		g := newGroup(acct, sg.DefaultNamespace, "sales")
		must(t, "CreateGroup", s.CreateGroup(ctx, g))
		got, err := s.FindGroup(ctx, acct, sg.DefaultNamespace, "sales")
		must(t, "FindGroup", err)
		w := *g
		w.CreatedAt = ms(g.CreatedAt)
		same(t, "FindGroup", got, &w)

		wantCode(t, "CreateGroup again", s.CreateGroup(ctx, newGroup(acct, sg.DefaultNamespace, "sales")), sg.EEXISTS)
		dup := newGroup(acct, "other", "x")
		dup.PrincipalID = g.PrincipalID
		wantCode(t, "CreateGroup with a taken principal id", s.CreateGroup(ctx, dup), sg.EEXISTS)
		// The same name in another namespace is another group.
		must(t, "CreateGroup other namespace", s.CreateGroup(ctx, newGroup(acct, "other", "sales")))
		// Names compare byte for byte.
		must(t, "CreateGroup Sales", s.CreateGroup(ctx, newGroup(acct, sg.DefaultNamespace, "Sales")))

		g.Description = ""
		must(t, "UpdateGroup", s.UpdateGroup(ctx, g))
		got, err = s.FindGroup(ctx, acct, sg.DefaultNamespace, "sales")
		must(t, "FindGroup", err)
		same(t, "description", got.Description, "")
		wantCode(t, "UpdateGroup missing", s.UpdateGroup(ctx, newGroup(acct, sg.DefaultNamespace, "none")), sg.ENOTFOUND)

		must(t, "DeleteGroup", s.DeleteGroup(ctx, acct, sg.DefaultNamespace, "sales"))
		wantCode(t, "DeleteGroup again", s.DeleteGroup(ctx, acct, sg.DefaultNamespace, "sales"), sg.ENOTFOUND)
		_, err = s.FindGroup(ctx, acct, sg.DefaultNamespace, "sales")
		wantCode(t, "FindGroup deleted", err, sg.ENOTFOUND)
		_, err = s.FindGroup(ctx, acct, "other", "sales")
		must(t, "FindGroup other namespace", err)
	})

	t.Run("ListAndPrefix", func(t *testing.T) {
		acct := newAccountID()
		for _, n := range []string{"b", "a", "ab", "abc", "B", "c"} {
			must(t, "CreateGroup", s.CreateGroup(ctx, newGroup(acct, sg.DefaultNamespace, n)))
		}
		must(t, "CreateGroup other namespace", s.CreateGroup(ctx, newGroup(acct, "ns2", "a")))
		list, more, err := s.ListGroups(ctx, acct, sg.DefaultNamespace, "", sg.Page{})
		must(t, "ListGroups", err)
		same(t, "all", groupNames(list), []string{"B", "a", "ab", "abc", "b", "c"})
		same(t, "more", more, false)
		list, more, err = s.ListGroups(ctx, acct, sg.DefaultNamespace, "", sg.Page{After: "a", Limit: 2})
		must(t, "ListGroups page", err)
		same(t, "page", groupNames(list), []string{"ab", "abc"})
		same(t, "more", more, true)
		list, more, err = s.ListGroups(ctx, acct, sg.DefaultNamespace, "ab", sg.Page{Limit: 1})
		must(t, "ListGroups prefix", err)
		same(t, "prefix page", groupNames(list), []string{"ab"})
		same(t, "more", more, true)
		list, more, err = s.ListGroups(ctx, acct, sg.DefaultNamespace, "ab", sg.Page{After: "ab", Limit: 1})
		must(t, "ListGroups prefix next", err)
		same(t, "prefix next", groupNames(list), []string{"abc"})
		same(t, "more", more, false)
		list, _, err = s.ListGroups(ctx, acct, sg.DefaultNamespace, "z", sg.Page{})
		must(t, "ListGroups no match", err)
		same(t, "no match", groupNames(list), []string{})
		n, err := s.CountGroups(ctx, acct, sg.DefaultNamespace)
		must(t, "CountGroups", err)
		same(t, "CountGroups", n, 6)
		n, err = s.CountGroups(ctx, acct, "ns2")
		must(t, "CountGroups ns2", err)
		same(t, "CountGroups ns2", n, 1)
	})

	t.Run("Members", func(t *testing.T) {
		acct := newAccountID()
		must(t, "CreateGroup", s.CreateGroup(ctx, newGroup(acct, sg.DefaultNamespace, "g1")))
		must(t, "CreateGroup", s.CreateGroup(ctx, newGroup(acct, sg.DefaultNamespace, "g2")))
		for _, n := range []string{"alice", "bob"} {
			must(t, "CreateUser", s.CreateUser(ctx, newUser(acct, n)))
		}
		m := &sg.GroupMember{AccountID: acct, Namespace: sg.DefaultNamespace, GroupName: "g1", MemberName: "alice", CreatedAt: at(time.Second)}
		must(t, "CreateGroupMember", s.CreateGroupMember(ctx, m))
		wantCode(t, "CreateGroupMember again", s.CreateGroupMember(ctx, m), sg.EEXISTS)
		got, err := s.FindGroupMember(ctx, acct, sg.DefaultNamespace, "g1", "alice")
		must(t, "FindGroupMember", err)
		w := *m
		w.CreatedAt = ms(m.CreatedAt)
		same(t, "FindGroupMember", got, &w)
		for _, mm := range []sg.GroupMember{
			{AccountID: acct, Namespace: sg.DefaultNamespace, GroupName: "g1", MemberName: "bob"},
			{AccountID: acct, Namespace: sg.DefaultNamespace, GroupName: "g2", MemberName: "alice"},
		} {
			must(t, "CreateGroupMember", s.CreateGroupMember(ctx, &mm))
		}
		wantCode(t, "CreateGroupMember no group", s.CreateGroupMember(ctx, &sg.GroupMember{AccountID: acct, Namespace: sg.DefaultNamespace, GroupName: "none", MemberName: "alice"}), sg.ENOTFOUND)
		wantCode(t, "CreateGroupMember no user", s.CreateGroupMember(ctx, &sg.GroupMember{AccountID: acct, Namespace: sg.DefaultNamespace, GroupName: "g1", MemberName: "carol"}), sg.ENOTFOUND)

		members, more, err := s.ListGroupMembers(ctx, acct, sg.DefaultNamespace, "g1", sg.Page{Limit: 1})
		must(t, "ListGroupMembers", err)
		same(t, "members page", memberNames(members), []string{"alice"})
		same(t, "more", more, true)
		members, more, err = s.ListGroupMembers(ctx, acct, sg.DefaultNamespace, "g1", sg.Page{After: "alice"})
		must(t, "ListGroupMembers next", err)
		same(t, "members next", memberNames(members), []string{"bob"})
		same(t, "more", more, false)
		members, _, err = s.ListGroupMembers(ctx, acct, sg.DefaultNamespace, "none", sg.Page{})
		must(t, "ListGroupMembers no group", err)
		same(t, "no group", memberNames(members), []string{})

		groups, more, err := s.ListUserGroups(ctx, acct, sg.DefaultNamespace, "alice", sg.Page{})
		must(t, "ListUserGroups", err)
		same(t, "alice's groups", groupNames(groups), []string{"g1", "g2"})
		same(t, "more", more, false)
		groups, more, err = s.ListUserGroups(ctx, acct, sg.DefaultNamespace, "alice", sg.Page{Limit: 1})
		must(t, "ListUserGroups page", err)
		same(t, "page", groupNames(groups), []string{"g1"})
		same(t, "more", more, true)
		same(t, "group record", groups[0].Description, "the g1 group")

		must(t, "DeleteGroupMember", s.DeleteGroupMember(ctx, acct, sg.DefaultNamespace, "g2", "alice"))
		wantCode(t, "DeleteGroupMember again", s.DeleteGroupMember(ctx, acct, sg.DefaultNamespace, "g2", "alice"), sg.ENOTFOUND)
		_, err = s.FindGroupMember(ctx, acct, sg.DefaultNamespace, "g2", "alice")
		wantCode(t, "FindGroupMember deleted", err, sg.ENOTFOUND)

		// A deleted user's memberships go with it; a group created again
		// under the same name starts empty.
		must(t, "DeleteUser", s.DeleteUser(ctx, acct, sg.DefaultNamespace, "alice"))
		members, _, err = s.ListGroupMembers(ctx, acct, sg.DefaultNamespace, "g1", sg.Page{})
		must(t, "ListGroupMembers", err)
		same(t, "after DeleteUser", memberNames(members), []string{"bob"})
		must(t, "CreateUser again", s.CreateUser(ctx, newUser(acct, "alice")))
		groups, _, err = s.ListUserGroups(ctx, acct, sg.DefaultNamespace, "alice", sg.Page{})
		must(t, "ListUserGroups", err)
		same(t, "re-created user's groups", groupNames(groups), []string{})
		must(t, "DeleteGroup", s.DeleteGroup(ctx, acct, sg.DefaultNamespace, "g1"))
		must(t, "CreateGroup again", s.CreateGroup(ctx, newGroup(acct, sg.DefaultNamespace, "g1")))
		members, _, err = s.ListGroupMembers(ctx, acct, sg.DefaultNamespace, "g1", sg.Page{})
		must(t, "ListGroupMembers", err)
		same(t, "re-created group", memberNames(members), []string{})
	})
}

func testNamespace(t *testing.T, s sg.Store) {
	ctx := t.Context()
	acct := newAccountID()
	n := &sg.Namespace{AccountID: acct, Name: "tenant1", IdentityStore: "QUICKSIGHT", Tags: []sg.Tag{{Key: "k", Value: "v"}}, CreatedAt: at(time.Hour)}
	must(t, "CreateNamespace", s.CreateNamespace(ctx, n))
	wantCode(t, "CreateNamespace again", s.CreateNamespace(ctx, n), sg.EEXISTS)
	got, err := s.FindNamespace(ctx, acct, "tenant1")
	must(t, "FindNamespace", err)
	w := *n
	w.CreatedAt = ms(n.CreatedAt)
	same(t, "FindNamespace", got, &w)
	_, err = s.FindNamespace(ctx, acct, "none")
	wantCode(t, "FindNamespace missing", err, sg.ENOTFOUND)
	must(t, "CreateNamespace", s.CreateNamespace(ctx, &sg.Namespace{AccountID: acct, Name: "a", IdentityStore: "QUICKSIGHT"}))
	must(t, "CreateNamespace other account", s.CreateNamespace(ctx, &sg.Namespace{AccountID: newAccountID(), Name: "a", IdentityStore: "QUICKSIGHT"}))
	list, more, err := s.ListNamespaces(ctx, acct, sg.Page{Limit: 1})
	must(t, "ListNamespaces", err)
	same(t, "first", list[0].Name, "a")
	same(t, "more", more, true)
	list, more, err = s.ListNamespaces(ctx, acct, sg.Page{After: "a"})
	must(t, "ListNamespaces next", err)
	same(t, "next", len(list), 1)
	same(t, "more", more, false)
	c, err := s.CountNamespaces(ctx, acct)
	must(t, "CountNamespaces", err)
	same(t, "count", c, 2)

	// Deleting a namespace deletes its users, groups, memberships and
	// sessions, and nothing of the other namespaces.
	for _, ns := range []string{"tenant1", sg.DefaultNamespace} {
		u := newUser(acct, "alice")
		u.Namespace = ns
		u.PrincipalID += "/" + ns
		must(t, "CreateUser", s.CreateUser(ctx, u))
		g := newGroup(acct, ns, "g")
		must(t, "CreateGroup", s.CreateGroup(ctx, g))
		must(t, "CreateGroupMember", s.CreateGroupMember(ctx, &sg.GroupMember{AccountID: acct, Namespace: ns, GroupName: "g", MemberName: "alice"}))
	}
	must(t, "DeleteNamespace", s.DeleteNamespace(ctx, acct, "tenant1"))
	wantCode(t, "DeleteNamespace again", s.DeleteNamespace(ctx, acct, "tenant1"), sg.ENOTFOUND)
	_, err = s.FindUser(ctx, acct, "tenant1", "alice")
	wantCode(t, "FindUser of deleted namespace", err, sg.ENOTFOUND)
	_, err = s.FindGroup(ctx, acct, "tenant1", "g")
	wantCode(t, "FindGroup of deleted namespace", err, sg.ENOTFOUND)
	_, err = s.FindGroupMember(ctx, acct, "tenant1", "g", "alice")
	wantCode(t, "FindGroupMember of deleted namespace", err, sg.ENOTFOUND)
	_, err = s.FindGroupMember(ctx, acct, sg.DefaultNamespace, "g", "alice")
	must(t, "FindGroupMember of the default namespace", err)
	c, err = s.CountNamespaces(ctx, acct)
	must(t, "CountNamespaces", err)
	same(t, "count", c, 1)
}
