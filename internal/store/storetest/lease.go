package storetest

import (
	"sync"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// testIngestionLease checks the lease of unfinished ingestions: renewal
// by its owner alone, the claim of an expired lease, and updates that
// only the holder may make. It needs a store of its own: claims span
// every account.
func testIngestionLease(t *testing.T, s sg.Store) {
	ctx := t.Context()
	acct := newAccountID()
	must(t, "CreateDataSet", s.CreateDataSet(ctx, newDataSet(acct, "ds")))
	running := newIngestion(acct, "ds", "running")
	running.Status, running.LeaseOwner, running.LeaseExpires = sg.IngestionRunning, "node-1", at(time.Minute)
	done := newIngestion(acct, "ds", "done")
	done.Status, done.FinishedAt, done.LeaseOwner, done.LeaseExpires = sg.IngestionCompleted, at(time.Minute), "node-1", at(time.Minute)
	for _, in := range []*sg.Ingestion{running, done} {
		must(t, "CreateIngestion", s.CreateIngestion(ctx, in))
	}
	got, err := s.FindIngestion(ctx, acct, "ds", "running")
	must(t, "FindIngestion", err)
	same(t, "leased ingestion", got, storedIngestion(running))

	claimed, err := s.ClaimExpiredIngestion(ctx, "node-2", at(30*time.Second), at(2*time.Minute))
	must(t, "ClaimExpiredIngestion before expiry", err)
	if claimed != nil {
		t.Fatalf("claimed %s before its lease expired", claimed.ID)
	}
	wantCode(t, "RenewIngestionLease by another node", s.RenewIngestionLease(ctx, acct, "ds", "running", "node-2", at(2*time.Minute)), sg.ENOTFOUND)
	must(t, "RenewIngestionLease", s.RenewIngestionLease(ctx, acct, "ds", "running", "node-1", at(2*time.Minute)))
	if claimed, err = s.ClaimExpiredIngestion(ctx, "node-2", at(90*time.Second), at(3*time.Minute)); err != nil || claimed != nil {
		t.Fatalf("ClaimExpiredIngestion of a renewed lease: %v, %v", claimed, err)
	}

	claimed, err = s.ClaimExpiredIngestion(ctx, "node-2", at(2*time.Minute), at(4*time.Minute))
	must(t, "ClaimExpiredIngestion", err)
	want := storedIngestion(running)
	want.LeaseOwner, want.LeaseExpires, want.Attempts, want.Status = "node-2", ms(at(4*time.Minute)), 2, sg.IngestionQueued
	same(t, "claimed ingestion", claimed, want)
	if again, err := s.ClaimExpiredIngestion(ctx, "node-3", at(3*time.Minute), at(5*time.Minute)); err != nil || again != nil {
		t.Fatalf("ClaimExpiredIngestion of a claimed lease: %v, %v", again, err)
	}

	// The node that lost the lease can neither renew nor finish it.
	wantCode(t, "RenewIngestionLease after losing it", s.RenewIngestionLease(ctx, acct, "ds", "running", "node-1", at(5*time.Minute)), sg.ENOTFOUND)
	lost := *claimed
	lost.LeaseOwner, lost.Status, lost.FinishedAt = "node-1", sg.IngestionCompleted, at(3*time.Minute)
	wantCode(t, "UpdateIngestion by the node that lost the lease", s.UpdateIngestion(ctx, &lost), sg.ENOTFOUND)
	finished := *claimed
	finished.Status, finished.FinishedAt, finished.RowsIngested = sg.IngestionCompleted, at(3*time.Minute), 7
	must(t, "UpdateIngestion by the holder", s.UpdateIngestion(ctx, &finished))
	got, err = s.FindIngestion(ctx, acct, "ds", "running")
	must(t, "FindIngestion", err)
	same(t, "finished ingestion", got, storedIngestion(&finished))
	wantCode(t, "UpdateIngestion of a finished ingestion by the holder", s.UpdateIngestion(ctx, &finished), sg.ENOTFOUND)
	wantCode(t, "RenewIngestionLease of a finished ingestion", s.RenewIngestionLease(ctx, acct, "ds", "running", "node-2", at(time.Hour)), sg.ENOTFOUND)
	// Without an owner, UpdateIngestion changes any ingestion (a cancel
	// from another node).
	finished.LeaseOwner, finished.Status = "", sg.IngestionCancelled
	must(t, "UpdateIngestion without owner", s.UpdateIngestion(ctx, &finished))
	if claimed, err = s.ClaimExpiredIngestion(ctx, "node-3", at(time.Hour), at(2*time.Hour)); err != nil || claimed != nil {
		t.Fatalf("ClaimExpiredIngestion of finished ingestions: %v, %v", claimed, err)
	}

	// A lease given up (expiry at the zero time) is claimable at once.
	free := newIngestion(acct, "ds", "free")
	free.LeaseOwner, free.LeaseExpires = "node-1", at(time.Hour)
	must(t, "CreateIngestion", s.CreateIngestion(ctx, free))
	must(t, "RenewIngestionLease to give it up", s.RenewIngestionLease(ctx, acct, "ds", "free", "node-1", time.Time{}))
	claimed, err = s.ClaimExpiredIngestion(ctx, "node-2", at(0), at(time.Minute))
	must(t, "ClaimExpiredIngestion of a given-up lease", err)
	if claimed == nil || claimed.ID != "free" || claimed.Attempts != 2 {
		t.Fatalf("claimed %+v, want ingestion free at attempt 2", claimed)
	}
	must(t, "UpdateIngestion", s.UpdateIngestion(ctx, &sg.Ingestion{AccountID: acct, DataSetID: "ds", ID: "free", Status: sg.IngestionFailed, FinishedAt: at(time.Minute)}))

	t.Run("Race", func(t *testing.T) { RaceClaimExpired(t, []sg.Store{s}, acct, 24, 8) })
}

// RaceClaimExpired creates n ingestions of account acct (whose dataset
// "ds" exists) with expired leases and lets workers goroutines per store
// claim until none is left: every ingestion must be claimed exactly once.
// The stores must share their data (several nodes on one database).
func RaceClaimExpired(t *testing.T, stores []sg.Store, acct string, n, workers int) {
	ctx := t.Context()
	s := stores[0]
	ds := "race-" + newAccountID()
	d := newDataSet(acct, ds)
	must(t, "CreateDataSet", s.CreateDataSet(ctx, d))
	for i := range n {
		in := newIngestion(acct, ds, string(rune('a'+i%26))+time.Duration(i).String())
		in.LeaseOwner, in.LeaseExpires = "dead", at(time.Minute)
		must(t, "CreateIngestion", s.CreateIngestion(ctx, in))
	}
	var mu sync.Mutex
	claims := map[string]int{}
	var wg sync.WaitGroup
	for _, st := range stores {
		for w := range workers {
			wg.Go(func() {
				owner := "worker-" + time.Duration(w).String()
				for {
					in, err := st.ClaimExpiredIngestion(ctx, owner, at(time.Hour), at(2*time.Hour))
					if err != nil {
						t.Errorf("ClaimExpiredIngestion: %v", err)
						return
					}
					if in == nil {
						return
					}
					mu.Lock()
					claims[in.ID]++
					mu.Unlock()
					in.LeaseOwner, in.Status, in.FinishedAt = owner, sg.IngestionFailed, at(time.Hour)
					if err := st.UpdateIngestion(ctx, in); err != nil {
						t.Errorf("UpdateIngestion by the claimer: %v", err)
						return
					}
				}
			})
		}
	}
	wg.Wait()
	if len(claims) != n {
		t.Fatalf("%d ingestions claimed, want %d", len(claims), n)
	}
	for id, c := range claims {
		if c != 1 {
			t.Errorf("ingestion %s claimed %d times", id, c)
		}
	}
}
