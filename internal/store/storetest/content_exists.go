package storetest

import (
	"testing"

	sg "github.com/sightglass/sightglass"
)

// testDashboardExists: DashboardExists answers for the dashboard of that
// account alone, and follows its deletion.
func testDashboardExists(t *testing.T, s sg.Store) {
	ctx := t.Context()
	acct, other := newAccountID(), newAccountID()
	want := func(name, accountID, id string, exists bool) {
		t.Helper()
		got, err := s.DashboardExists(ctx, accountID, id)
		must(t, name, err)
		if got != exists {
			t.Errorf("%s: DashboardExists(%s, %s) = %v, want %v", name, accountID, id, got, exists)
		}
	}
	want("before", acct, "sales", false)
	must(t, "CreateDashboard", s.CreateDashboard(ctx, newContent(acct, "sales")))
	want("created", acct, "sales", true)
	want("another account", other, "sales", false)
	want("another id", acct, "Sales", false)
	must(t, "DeleteDashboard", s.DeleteDashboard(ctx, acct, "sales"))
	want("deleted", acct, "sales", false)
}
