package storetest

import (
	"fmt"
	"sync"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// testIngestionRun checks ClaimIngestionRun: one RUNNING ingestion per
// dataset under a live lease, whoever asks.
func testIngestionRun(t *testing.T, s sg.Store) {
	ctx := t.Context()
	acct := newAccountID()
	must(t, "CreateDataSet", s.CreateDataSet(ctx, newDataSet(acct, "ds")))
	must(t, "CreateDataSet", s.CreateDataSet(ctx, newDataSet(acct, "other")))
	mk := func(ds, id, owner string, status string, expires time.Time) {
		in := newIngestion(acct, ds, id)
		in.Status, in.LeaseOwner, in.LeaseExpires = status, owner, expires
		must(t, "CreateIngestion", s.CreateIngestion(ctx, in))
	}
	status := func(id string) string {
		in, err := s.FindIngestion(ctx, acct, "ds", id)
		must(t, "FindIngestion", err)
		return in.Status
	}
	now := at(0)
	mk("ds", "a", "node-1", sg.IngestionQueued, at(time.Minute))
	mk("ds", "b", "node-2", sg.IngestionQueued, at(time.Minute))
	mk("other", "c", "node-2", sg.IngestionRunning, at(time.Minute))
	// A finished ingestion left RUNNING does not count.
	done := newIngestion(acct, "ds", "done")
	done.Status, done.FinishedAt, done.LeaseOwner, done.LeaseExpires = sg.IngestionRunning, at(0), "node-3", at(time.Hour)
	must(t, "CreateIngestion", s.CreateIngestion(ctx, done))

	wait, err := s.ClaimIngestionRun(ctx, acct, "ds", "a", "node-1", now)
	if err != nil || wait != "" {
		t.Fatalf("ClaimIngestionRun(a) = %q, %v; want it to run", wait, err)
	}
	if got := status("a"); got != sg.IngestionRunning {
		t.Fatalf("a is %s after its claim, want RUNNING", got)
	}
	wait, err = s.ClaimIngestionRun(ctx, acct, "ds", "b", "node-2", now)
	if err != nil || wait != "a" {
		t.Fatalf("ClaimIngestionRun(b) = %q, %v; want it to wait on a", wait, err)
	}
	if got := status("b"); got != sg.IngestionQueued {
		t.Fatalf("b is %s after a refused claim, want QUEUED unchanged", got)
	}
	// Claiming again what runs already is no change.
	if wait, err = s.ClaimIngestionRun(ctx, acct, "ds", "a", "node-1", now); err != nil || wait != "" {
		t.Fatalf("ClaimIngestionRun(a) again = %q, %v", wait, err)
	}
	wantCode(t, "ClaimIngestionRun by a node without the lease", func() error {
		_, err := s.ClaimIngestionRun(ctx, acct, "ds", "a", "node-2", now)
		return err
	}(), sg.ENOTFOUND)
	wantCode(t, "ClaimIngestionRun of a finished ingestion", func() error {
		_, err := s.ClaimIngestionRun(ctx, acct, "ds", "done", "node-3", at(2*time.Hour))
		return err
	}(), sg.ENOTFOUND)
	wantCode(t, "ClaimIngestionRun of a missing ingestion", func() error {
		_, err := s.ClaimIngestionRun(ctx, acct, "ds", "nope", "node-1", now)
		return err
	}(), sg.ENOTFOUND)
	wantCode(t, "ClaimIngestionRun in a missing dataset", func() error {
		_, err := s.ClaimIngestionRun(ctx, acct, "nope", "a", "node-1", now)
		return err
	}(), sg.ENOTFOUND)
	// Once a's lease has expired (its node died), b may run.
	if wait, err = s.ClaimIngestionRun(ctx, acct, "ds", "b", "node-2", at(time.Minute)); err != nil || wait != "" {
		t.Fatalf("ClaimIngestionRun(b) after a's lease expired = %q, %v; want it to run", wait, err)
	}

	t.Run("Race", func(t *testing.T) { RaceClaimRun(t, []sg.Store{s}, acct, 8, 20) })
}

// RaceClaimRun lets n ingestions of one dataset of account acct, spread
// over stores, claim their run at once, rounds times: every round exactly
// one must become RUNNING and the others must wait on it. The stores must
// share their data (several nodes on one database).
func RaceClaimRun(t *testing.T, stores []sg.Store, acct string, n, rounds int) {
	ctx := t.Context()
	now := at(0)
	for r := range rounds {
		ds := fmt.Sprintf("run-race-%d-%s", r, newAccountID())
		must(t, "CreateDataSet", stores[0].CreateDataSet(ctx, newDataSet(acct, ds)))
		for i := range n {
			in := newIngestion(acct, ds, fmt.Sprintf("in-%02d", i))
			in.Status, in.LeaseOwner, in.LeaseExpires = sg.IngestionQueued, fmt.Sprintf("node-%d", i), at(time.Hour)
			must(t, "CreateIngestion", stores[0].CreateIngestion(ctx, in))
		}
		waits := make([]string, n)
		errs := make([]error, n)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range n {
			st := stores[i%len(stores)]
			wg.Go(func() {
				<-start
				waits[i], errs[i] = st.ClaimIngestionRun(ctx, acct, ds, fmt.Sprintf("in-%02d", i), fmt.Sprintf("node-%d", i), now)
			})
		}
		close(start)
		wg.Wait()
		var winners []string
		for i, err := range errs {
			must(t, "ClaimIngestionRun", err)
			if waits[i] == "" {
				winners = append(winners, fmt.Sprintf("in-%02d", i))
			}
		}
		if len(winners) != 1 {
			t.Fatalf("round %d: %d claims won (%v), want 1", r, len(winners), winners)
		}
		list, _, err := stores[0].ListIngestions(ctx, acct, ds, sg.Page{})
		must(t, "ListIngestions", err)
		for _, in := range list {
			if (in.Status == sg.IngestionRunning) != (in.ID == winners[0]) {
				t.Fatalf("round %d: %s is %s; only the winner %s may be RUNNING", r, in.ID, in.Status, winners[0])
			}
		}
		for i, w := range waits {
			if id := fmt.Sprintf("in-%02d", i); id != winners[0] && w != winners[0] {
				t.Fatalf("round %d: %s waits on %q, want the winner %s", r, id, w, winners[0])
			}
		}
	}
}
