package storetest

import (
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// testRecentOpens: an opening replaces the time of an earlier one of the
// same content; a user's list is the latest first, bounded, and theirs.
func testRecentOpens(t *testing.T, s sg.Store) {
	ctx := t.Context()
	acct := newAccountID()
	open := func(principal, kind, id string, d time.Duration) *sg.RecentOpen {
		return &sg.RecentOpen{AccountID: acct, PrincipalID: principal, Kind: kind, ResourceID: id, OpenedAt: at(d)}
	}
	stored := func(r *sg.RecentOpen) *sg.RecentOpen {
		w := *r
		w.OpenedAt = ms(r.OpenedAt)
		return &w
	}
	for _, r := range []*sg.RecentOpen{
		open("p-alice", sg.RecentDashboard, "sales", 0),
		open("p-alice", sg.RecentAnalysis, "draft", time.Minute),
		open("p-bob", sg.RecentDashboard, "sales", 5*time.Minute),
		open("p-alice", sg.RecentDashboard, "ops", 2*time.Minute),
	} {
		must(t, "PutRecentOpen", s.PutRecentOpen(ctx, r))
	}
	again := open("p-alice", sg.RecentDashboard, "sales", 3*time.Minute)
	must(t, "PutRecentOpen again", s.PutRecentOpen(ctx, again))
	got, err := s.ListRecentOpens(ctx, acct, "p-alice", 10)
	must(t, "ListRecentOpens", err)
	same(t, "alice's openings", got, []*sg.RecentOpen{stored(again), stored(open("p-alice", sg.RecentDashboard, "ops", 2*time.Minute)), stored(open("p-alice", sg.RecentAnalysis, "draft", time.Minute))})
	got, err = s.ListRecentOpens(ctx, acct, "p-alice", 1)
	must(t, "ListRecentOpens 1", err)
	same(t, "alice's latest", got, []*sg.RecentOpen{stored(again)})
	got, err = s.ListRecentOpens(ctx, acct, "p-carol", 10)
	must(t, "ListRecentOpens none", err)
	if len(got) != 0 {
		t.Errorf("carol's openings: %v", got)
	}
}

// testDeletedAnalyses: ListDeletedAnalyses lists the deleted analyses that
// ListAnalyses hides, and no other.
func testDeletedAnalyses(t *testing.T, s sg.Store) {
	ctx := t.Context()
	acct := newAccountID()
	live, gone := asAnalysis(newContent(acct, "live")), asAnalysis(newContent(acct, "gone"))
	gone.DeleteAt = at(time.Hour)
	must(t, "CreateAnalysis live", s.CreateAnalysis(ctx, live))
	must(t, "CreateAnalysis gone", s.CreateAnalysis(ctx, gone))
	must(t, "CreateAnalysis other account", s.CreateAnalysis(ctx, asAnalysis(newContent(newAccountID(), "gone"))))
	list, more, err := s.ListDeletedAnalyses(ctx, acct, sg.Page{Limit: 10})
	must(t, "ListDeletedAnalyses", err)
	if more || len(list) != 1 || list[0].ID != "gone" || !list[0].DeleteAt.Equal(ms(gone.DeleteAt)) {
		t.Errorf("deleted analyses: %+v more=%v", list, more)
	}
	list, _, err = s.ListAnalyses(ctx, acct, sg.Page{Limit: 10})
	must(t, "ListAnalyses", err)
	if len(list) != 1 || list[0].ID != "live" {
		t.Errorf("live analyses: %+v", list)
	}
}
