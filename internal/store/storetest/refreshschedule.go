package storetest

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

func newRefreshSchedule(accountID, dataSetID, id string) *sg.RefreshSchedule {
	return &sg.RefreshSchedule{
		AccountID:    accountID,
		DataSetID:    dataSetID,
		ID:           id,
		Interval:     sg.RefreshWeekly,
		RefreshType:  "FULL_REFRESH",
		Timezone:     "Europe/Paris",
		TimeOfTheDay: "06:30",
		DayOfWeek:    "MONDAY",
		StartAfter:   at(time.Hour),
		NextRunAt:    at(2 * time.Hour),
		CreatedAt:    at(0),
		UpdatedAt:    at(0),
	}
}

func storedRefreshSchedule(r *sg.RefreshSchedule) *sg.RefreshSchedule {
	w := *r
	w.CreatedAt, w.UpdatedAt, w.NextRunAt = ms(r.CreatedAt), ms(r.UpdatedAt), ms(r.NextRunAt)
	if !r.StartAfter.IsZero() {
		w.StartAfter = ms(r.StartAfter)
	}
	return &w
}

// testRefreshSchedule checks the schedules' round trip and the claim of
// a due run. It needs a store of its own: due schedules span accounts.
func testRefreshSchedule(t *testing.T, s sg.Store) {
	ctx := t.Context()
	acct := newAccountID()
	must(t, "CreateDataSet", s.CreateDataSet(ctx, newDataSet(acct, "ds")))
	weekly := newRefreshSchedule(acct, "ds", "weekly")
	daily := newRefreshSchedule(acct, "ds", "daily")
	daily.Interval, daily.DayOfWeek, daily.StartAfter, daily.NextRunAt = sg.RefreshDaily, "", time.Time{}, at(time.Minute)
	for _, r := range []*sg.RefreshSchedule{weekly, daily} {
		must(t, "CreateRefreshSchedule", s.CreateRefreshSchedule(ctx, r))
	}
	wantCode(t, "CreateRefreshSchedule again", s.CreateRefreshSchedule(ctx, newRefreshSchedule(acct, "ds", "weekly")), sg.EEXISTS)
	wantCode(t, "CreateRefreshSchedule without dataset", s.CreateRefreshSchedule(ctx, newRefreshSchedule(acct, "missing", "x")), sg.ENOTFOUND)
	got, err := s.FindRefreshSchedule(ctx, acct, "ds", "weekly")
	must(t, "FindRefreshSchedule", err)
	same(t, "FindRefreshSchedule", got, storedRefreshSchedule(weekly))
	_, err = s.FindRefreshSchedule(ctx, acct, "ds", "nope")
	wantCode(t, "FindRefreshSchedule", err, sg.ENOTFOUND)
	list, err := s.ListRefreshSchedules(ctx, acct, "ds")
	must(t, "ListRefreshSchedules", err)
	same(t, "ListRefreshSchedules", list, []*sg.RefreshSchedule{storedRefreshSchedule(daily), storedRefreshSchedule(weekly)})
	none, err := s.ListRefreshSchedules(ctx, acct, "missing")
	must(t, "ListRefreshSchedules of a missing dataset", err)
	same(t, "ListRefreshSchedules of a missing dataset", none, []*sg.RefreshSchedule{})

	changed := *weekly
	changed.Interval, changed.DayOfWeek, changed.DayOfMonth, changed.UpdatedAt = sg.RefreshMonthly, "", "LAST_DAY_OF_MONTH", at(time.Minute)
	changed.CreatedAt = at(time.Hour) // not replaced
	must(t, "UpdateRefreshSchedule", s.UpdateRefreshSchedule(ctx, &changed))
	got, err = s.FindRefreshSchedule(ctx, acct, "ds", "weekly")
	must(t, "FindRefreshSchedule", err)
	want := storedRefreshSchedule(&changed)
	want.CreatedAt = ms(weekly.CreatedAt)
	same(t, "after UpdateRefreshSchedule", got, want)
	wantCode(t, "UpdateRefreshSchedule of a missing one", s.UpdateRefreshSchedule(ctx, newRefreshSchedule(acct, "ds", "nope")), sg.ENOTFOUND)

	due, err := s.ListDueRefreshSchedules(ctx, at(time.Minute), 10)
	must(t, "ListDueRefreshSchedules", err)
	same(t, "due at +1m", due, []*sg.RefreshSchedule{storedRefreshSchedule(daily)})
	due, err = s.ListDueRefreshSchedules(ctx, at(3*time.Hour), 1)
	must(t, "ListDueRefreshSchedules", err)
	if len(due) != 1 || due[0].ID != "daily" {
		t.Fatalf("due at +3h, limit 1: %v", deref(due))
	}

	// Racing claims of one run: exactly one wins.
	var wins atomic.Int32
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			ok, err := s.ClaimRefreshRun(ctx, acct, "ds", "daily", daily.NextRunAt, at(24*time.Hour))
			if err != nil {
				t.Errorf("ClaimRefreshRun: %v", err)
			}
			if ok {
				wins.Add(1)
			}
		})
	}
	wg.Wait()
	if n := wins.Load(); n != 1 {
		t.Fatalf("%d claims of one run won, want 1", n)
	}
	got, err = s.FindRefreshSchedule(ctx, acct, "ds", "daily")
	must(t, "FindRefreshSchedule", err)
	same(t, "next run after the claim", got.NextRunAt, ms(at(24*time.Hour)))
	if ok, err := s.ClaimRefreshRun(ctx, acct, "ds", "missing", at(0), at(time.Hour)); err != nil || ok {
		t.Fatalf("ClaimRefreshRun of a missing schedule: %v, %v", ok, err)
	}

	must(t, "DeleteRefreshSchedule", s.DeleteRefreshSchedule(ctx, acct, "ds", "daily"))
	wantCode(t, "DeleteRefreshSchedule again", s.DeleteRefreshSchedule(ctx, acct, "ds", "daily"), sg.ENOTFOUND)
	must(t, "DeleteDataSet", s.DeleteDataSet(ctx, acct, "ds"))
	must(t, "CreateDataSet again", s.CreateDataSet(ctx, newDataSet(acct, "ds")))
	list, err = s.ListRefreshSchedules(ctx, acct, "ds")
	must(t, "ListRefreshSchedules", err)
	same(t, "schedules of the new dataset", list, []*sg.RefreshSchedule{})
}
