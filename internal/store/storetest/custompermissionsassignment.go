package storetest

import (
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

func testCustomPermissionsAssignments(t *testing.T, s sg.Store) {
	ctx := t.Context()
	acct := newAccountID()
	list := func(accountID string) []*sg.CustomPermissionsAssignment {
		t.Helper()
		got, err := s.ListCustomPermissionsAssignments(ctx, accountID)
		must(t, "ListCustomPermissionsAssignments", err)
		return got
	}
	same(t, "no assignments", list(acct), []*sg.CustomPermissionsAssignment{})

	reader := &sg.CustomPermissionsAssignment{AccountID: acct, Namespace: "default", Role: "READER", Name: "no-export", UpdatedAt: at(time.Minute)}
	account := &sg.CustomPermissionsAssignment{AccountID: acct, Name: "base", UpdatedAt: at(2 * time.Minute)}
	author := &sg.CustomPermissionsAssignment{AccountID: acct, Namespace: "default", Role: "AUTHOR", Name: "no-share", UpdatedAt: at(3 * time.Minute)}
	for _, a := range []*sg.CustomPermissionsAssignment{reader, account, author} {
		must(t, "PutCustomPermissionsAssignment "+a.Role, s.PutCustomPermissionsAssignment(ctx, a))
	}
	must(t, "PutCustomPermissionsAssignment other account", s.PutCustomPermissionsAssignment(ctx,
		&sg.CustomPermissionsAssignment{AccountID: newAccountID(), Namespace: "default", Role: "READER", Name: "x", UpdatedAt: at(0)}))
	stored := func(a *sg.CustomPermissionsAssignment) *sg.CustomPermissionsAssignment {
		w := *a
		w.UpdatedAt = ms(a.UpdatedAt)
		return &w
	}
	same(t, "assignments by namespace then role", list(acct), []*sg.CustomPermissionsAssignment{stored(account), stored(author), stored(reader)})

	// Putting again replaces the profile of the same role.
	reader2 := &sg.CustomPermissionsAssignment{AccountID: acct, Namespace: "default", Role: "READER", Name: "other", UpdatedAt: at(4 * time.Minute)}
	must(t, "PutCustomPermissionsAssignment again", s.PutCustomPermissionsAssignment(ctx, reader2))
	same(t, "assignments after a replacement", list(acct), []*sg.CustomPermissionsAssignment{stored(account), stored(author), stored(reader2)})

	must(t, "DeleteCustomPermissionsAssignment", s.DeleteCustomPermissionsAssignment(ctx, acct, "", ""))
	wantCode(t, "DeleteCustomPermissionsAssignment again", s.DeleteCustomPermissionsAssignment(ctx, acct, "", ""), sg.ENOTFOUND)
	wantCode(t, "DeleteCustomPermissionsAssignment unknown role", s.DeleteCustomPermissionsAssignment(ctx, acct, "default", "ADMIN"), sg.ENOTFOUND)
	same(t, "assignments after a deletion", list(acct), []*sg.CustomPermissionsAssignment{stored(author), stored(reader2)})
}
