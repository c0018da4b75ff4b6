package storetest

import (
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

func testDashboardViews(t *testing.T, s sg.Store) {
	ctx := t.Context()
	acct := newAccountID()
	must(t, "CreateDashboard", s.CreateDashboard(ctx, newContent(acct, "sales")))
	must(t, "CreateDashboard", s.CreateDashboard(ctx, newContent(acct, "ops")))
	view := func(principal, dashboard, name, state string, d time.Duration) *sg.DashboardView {
		return &sg.DashboardView{AccountID: acct, PrincipalID: principal, DashboardID: dashboard, Name: name, State: state, CreatedAt: at(d), UpdatedAt: at(d)}
	}
	stored := func(v *sg.DashboardView) *sg.DashboardView {
		w := *v
		w.CreatedAt, w.UpdatedAt = ms(v.CreatedAt), ms(v.UpdatedAt)
		return &w
	}
	list := func(principal, dashboard string) []*sg.DashboardView {
		t.Helper()
		got, err := s.ListDashboardViews(ctx, acct, principal, dashboard)
		must(t, "ListDashboardViews", err)
		return got
	}

	saved := view("p-alice", "sales", "", "p.Region=West", 0)
	must(t, "PutDashboardView", s.PutDashboardView(ctx, saved))
	again := view("p-alice", "sales", "", "p.Region=East&f.cat=*", time.Minute)
	must(t, "PutDashboardView again", s.PutDashboardView(ctx, again))
	got, err := s.FindDashboardView(ctx, acct, "p-alice", "sales", "")
	must(t, "FindDashboardView", err)
	want := stored(again)
	want.CreatedAt = ms(saved.CreatedAt) // a replacement keeps CreatedAt
	same(t, "saved state after a replacement", got, want)

	west := view("p-alice", "sales", "West only", "p.Region=West", 2*time.Minute)
	é := view("p-alice", "sales", "été", "", 3*time.Minute)
	for _, v := range []*sg.DashboardView{é, west, view("p-bob", "sales", "West only", "x", 0), view("p-alice", "ops", "West only", "y", 0)} {
		must(t, "CreateDashboardView "+v.Name, s.CreateDashboardView(ctx, v))
	}
	wantCode(t, "CreateDashboardView taken", s.CreateDashboardView(ctx, view("p-alice", "sales", "West only", "z", 0)), sg.EEXISTS)
	wantCode(t, "CreateDashboardView no dashboard", s.CreateDashboardView(ctx, view("p-alice", "gone", "a", "z", 0)), sg.ENOTFOUND)
	wantCode(t, "PutDashboardView no dashboard", s.PutDashboardView(ctx, view("p-alice", "gone", "", "z", 0)), sg.ENOTFOUND)
	same(t, "alice's views of sales", list("p-alice", "sales"), []*sg.DashboardView{want, stored(west), stored(é)})

	must(t, "RenameDashboardView", s.RenameDashboardView(ctx, acct, "p-alice", "sales", "West only", "West", at(4*time.Minute)))
	wantCode(t, "RenameDashboardView to a taken name", s.RenameDashboardView(ctx, acct, "p-alice", "sales", "West", "été", at(0)), sg.EEXISTS)
	wantCode(t, "RenameDashboardView missing", s.RenameDashboardView(ctx, acct, "p-alice", "sales", "nope", "x", at(0)), sg.ENOTFOUND)
	renamed := stored(west)
	renamed.Name, renamed.UpdatedAt = "West", ms(at(4*time.Minute))
	got, err = s.FindDashboardView(ctx, acct, "p-alice", "sales", "West")
	must(t, "FindDashboardView renamed", err)
	same(t, "renamed bookmark", got, renamed)
	_, err = s.FindDashboardView(ctx, acct, "p-alice", "sales", "West only")
	wantCode(t, "FindDashboardView old name", err, sg.ENOTFOUND)

	must(t, "DeleteDashboardView", s.DeleteDashboardView(ctx, acct, "p-alice", "sales", "été"))
	wantCode(t, "DeleteDashboardView again", s.DeleteDashboardView(ctx, acct, "p-alice", "sales", "été"), sg.ENOTFOUND)
	same(t, "alice's views after a deletion", list("p-alice", "sales"), []*sg.DashboardView{want, renamed})

	// Deleting a dashboard deletes its views, and only its.
	must(t, "DeleteDashboard", s.DeleteDashboard(ctx, acct, "sales"))
	same(t, "alice's views of a deleted dashboard", list("p-alice", "sales"), []*sg.DashboardView{})
	same(t, "bob's views of a deleted dashboard", list("p-bob", "sales"), []*sg.DashboardView{})
	if n := len(list("p-alice", "ops")); n != 1 {
		t.Errorf("alice's views of ops after deleting sales: %d, want 1", n)
	}
}
