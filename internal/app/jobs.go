package app

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	sg "github.com/sightglass/sightglass"
)

// jobRunner is the node's share of the background jobs every node runs:
// it takes over ingestions whose lease expired (their node died) and
// starts the refresh runs that are due. Nodes coordinate through the
// store alone (lease and run claims), so any number may run it.
type jobRunner struct {
	a      *App
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// StartJobs starts the node's job runner; Close stops it. The server
// calls it once on start.
func (a *App) StartJobs() {
	if a.data == nil || a.data.jobs != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &jobRunner{a: a, cancel: cancel}
	a.data.jobs = r
	r.wg.Go(func() { r.loop(ctx) })
}

func (r *jobRunner) stop() {
	r.cancel()
	r.wg.Wait()
}

// loop sweeps at once, then every tick: the schedule tick, or half the
// lease lifetime if shorter.
func (r *jobRunner) loop(ctx context.Context) {
	cfg := r.a.data.cfg.Jobs
	tick := min(cfg.ScheduleTick, cfg.LeaseTTL/2)
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		r.a.ClaimExpiredIngestions(ctx)
		r.a.RunDueRefreshes(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// ClaimExpiredIngestions takes over the ingestions whose lease expired and
// retries each, or fails it when it was tried MaxAttempts times. It
// returns how many it claimed.
func (a *App) ClaimExpiredIngestions(ctx context.Context) int {
	cfg := a.data.cfg.Jobs
	n := 0
	for ctx.Err() == nil {
		now := time.Now()
		in, err := a.Store.ClaimExpiredIngestion(ctx, cfg.NodeID, now, now.Add(cfg.LeaseTTL))
		if err != nil {
			if ctx.Err() == nil {
				slog.Warn("claiming expired ingestions", "err", err)
			}
			return n
		}
		if in == nil {
			return n
		}
		n++
		if a.data.ingests.runs(in) {
			// This node runs it: the claim renewed its lease (and wrote
			// QUEUED over a RUNNING status, which reclaimed puts back).
			a.data.ingests.reclaimed(in)
			continue
		}
		if in.Attempts > cfg.MaxAttempts {
			in.Status, in.ErrorType, in.FinishedAt = sg.IngestionFailed, ingestionInternalError, a.now()
			in.ErrorMessage = fmt.Sprintf("The ingestion was started %d times, and each time the server running it stopped.", in.Attempts-1)
			in.RowsIngested = 0
			if err := a.Store.UpdateIngestion(ctx, in); err != nil && sg.ErrorCode(err) != sg.ENOTFOUND {
				slog.Error("failing an abandoned ingestion", "account", in.AccountID, "dataset", in.DataSetID, "ingestion", in.ID, "err", err)
			}
			slog.Warn("failed an ingestion whose servers stopped", "account", in.AccountID, "dataset", in.DataSetID, "ingestion", in.ID, "attempts", in.Attempts-1)
			continue
		}
		slog.Info("retrying an ingestion whose server stopped", "account", in.AccountID, "dataset", in.DataSetID, "ingestion", in.ID, "attempt", in.Attempts)
		a.data.ingests.start(in)
	}
	return n
}
