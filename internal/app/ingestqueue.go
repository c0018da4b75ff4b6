package app

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"time"

	sg "github.com/sightglass/sightglass"
)

// An ingestion runs when it holds three things, in this order: its
// dataset's lock in this process (ingester.locks), one of this node's
// run slots (IngestionLimits.Concurrent), and its dataset across the
// nodes that share the store (claimRun). It waits QUEUED for each.

// claimRetry is how long a queued ingestion waits before it tries again
// to claim its dataset from another node's running ingestion (spread by
// up to as much again, so that two nodes that backed off together do not
// retry together).
const claimRetry = 500 * time.Millisecond

// claimRun makes in RUNNING unless another ingestion of its dataset runs,
// on any node, under a lease that holds; then it returns that one's id.
// It looks first (the common case: the other has run for a while), then
// writes RUNNING and looks again: if another shows up now, in goes back
// to QUEUED. Two nodes that both write RUNNING and then read cannot both
// miss the other (each statement is committed before the next starts),
// so at most one goes on; both may back off, and retry after a random
// pause.
func (g *ingester) claimRun(ctx context.Context, in *sg.Ingestion) (waitOn string, err error) {
	if other, err := g.runningElsewhere(ctx, in); err != nil || other != "" {
		return other, err
	}
	g.setStatus(in, sg.IngestionRunning)
	other, err := g.runningElsewhere(ctx, in)
	if err != nil || other != "" {
		g.setStatus(in, sg.IngestionQueued)
		return other, err
	}
	return "", nil
}

// runningElsewhere returns the id of another unfinished ingestion of in's
// dataset that is RUNNING under a lease that has not expired ("" if none).
func (g *ingester) runningElsewhere(ctx context.Context, in *sg.Ingestion) (string, error) {
	now := time.Now()
	p := sg.Page{Limit: 1000}
	for {
		list, more, err := g.a.Store.ListIngestions(ctx, in.AccountID, in.DataSetID, p)
		if err != nil {
			return "", err
		}
		for _, o := range list {
			if o.ID != in.ID && o.Status == sg.IngestionRunning && o.FinishedAt.IsZero() && o.LeaseExpires.After(now) {
				return o.ID, nil
			}
		}
		if !more || len(list) == 0 {
			return "", nil
		}
		p.After = list[len(list)-1].ID
	}
}

// acquireRun waits, QUEUED, for a run slot of this node and for in's
// dataset to be free on every node, and returns the function that gives
// the slot back. It returns ctx's error if ctx ends first.
func (g *ingester) acquireRun(ctx context.Context, in *sg.Ingestion) (release func(), err error) {
	queued := false
	for {
		select {
		case g.slots <- struct{}{}:
		default:
			if !queued {
				g.setStatus(in, sg.IngestionQueued)
				queued = true
			}
			select {
			case g.slots <- struct{}{}:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		other, err := g.claimRun(ctx, in)
		if err == nil && other == "" {
			g.setWaitingOn(in, "")
			return func() { <-g.slots }, nil
		}
		<-g.slots
		if !queued {
			g.setStatus(in, sg.IngestionQueued)
		}
		if err != nil && ctx.Err() == nil {
			slog.Warn("claiming an ingestion's dataset", "account", in.AccountID, "dataset", in.DataSetID, "ingestion", in.ID, "err", err)
		}
		queued = true
		g.setWaitingOn(in, other)
		pause := claimRetry + rand.N(claimRetry)
		select {
		case <-time.After(pause):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// setWaitingOn records the ingestion of another node that in waits for
// (QueueInfo), "" when none.
func (g *ingester) setWaitingOn(in *sg.Ingestion, other string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	dk := dataSetKey(in.AccountID, in.DataSetID)
	if other == "" {
		delete(g.remote, dk)
		return
	}
	g.remote[dk] = other
}

// held counts the ingestions this node holds, running or queued.
func (g *ingester) held() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.jobs)
}
