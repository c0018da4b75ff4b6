package app

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlite"
)

// TestConsoleListsForgetChanges checks that the console's cached lists
// show a change made through the App at once: every App write to
// dashboards or analyses clears the cache.
func TestConsoleListsForgetChanges(t *testing.T) {
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "sightglass.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	a := New(store, "us-east-1")
	const account = "123456789012"
	admin := &sg.User{AccountID: account, Namespace: "default", UserName: "ava", Role: sg.RoleAdmin}
	reader := &sg.User{AccountID: account, Namespace: "default", UserName: "rex", Role: sg.RoleReader}
	ids := func(u *sg.User) []string {
		t.Helper()
		list, err := a.ConsoleDashboards(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range list {
			out = append(out, d.ID)
		}
		return out
	}
	want := func(what string, got, want []string) {
		t.Helper()
		if !slices.Equal(got, want) {
			t.Fatalf("%s: got %q, want %q", what, got, want)
		}
	}
	want("admin, empty account", ids(admin), nil)
	want("reader, empty account", ids(reader), nil)

	now := time.Now().UTC()
	d := &sg.Dashboard{AccountID: account, ID: "d1", Name: "One", CreatedAt: now, UpdatedAt: now}
	if err := a.contentChanged(a.Store.CreateDashboard(ctx, d)); err != nil {
		t.Fatal(err)
	}
	want("admin after create", ids(admin), []string{"d1"})
	want("reader after create (not shared)", ids(reader), nil)

	d.Permissions = []sg.ResourcePermission{{Principal: a.UserARN(reader), Actions: []string{"quicksight:DescribeDashboard"}}}
	if err := a.contentChanged(a.Store.UpdateDashboard(ctx, d, d.Revision)); err != nil {
		t.Fatal(err)
	}
	want("reader after share", ids(reader), []string{"d1"})

	// The slice is the caller's: sorting or truncating it leaves the cache alone.
	list, _ := a.ConsoleDashboards(ctx, admin)
	list[0] = nil
	want("admin after the caller changed its slice", ids(admin), []string{"d1"})

	if err := a.contentChanged(a.Store.DeleteDashboard(ctx, account, "d1")); err != nil {
		t.Fatal(err)
	}
	want("admin after delete", ids(admin), nil)
	want("reader after delete", ids(reader), nil)
}
