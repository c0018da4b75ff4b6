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
// The store looks and writes in one atomic step, so two nodes claiming
// the same dataset at once never both show RUNNING: one runs, the other
// waits on it.
func (g *ingester) claimRun(ctx context.Context, in *sg.Ingestion) (waitOn string, err error) {
	other, err := g.a.Store.ClaimIngestionRun(ctx, in.AccountID, in.DataSetID, in.ID, in.LeaseOwner, time.Now())
	if err != nil || other != "" {
		return other, err
	}
	in.Status = sg.IngestionRunning
	return "", nil
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
			g.markRunClaimed(in)
			return func() { <-g.slots }, nil
		}
		<-g.slots
		if !queued {
			g.setStatus(in, sg.IngestionQueued)
		}
		// ENOTFOUND: this node lost the lease (the ingestion was cancelled
		// or claimed elsewhere); the heartbeat notices and stops the job.
		if err != nil && ctx.Err() == nil && sg.ErrorCode(err) != sg.ENOTFOUND {
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

// reclaimed is called when this node claimed the expired lease of an
// ingestion it runs itself: the claim recorded a RUNNING one as QUEUED
// (claimed holds what the store now has), and a job that holds its
// dataset's run records RUNNING again.
func (g *ingester) reclaimed(claimed *sg.Ingestion) {
	g.mu.Lock()
	j, ok := g.jobs[dataSetKey(claimed.AccountID, claimed.DataSetID)+"/"+claimed.ID]
	g.mu.Unlock()
	if !ok || !j.runClaimed.Load() || claimed.Status != sg.IngestionQueued {
		return
	}
	g.setStatus(claimed, sg.IngestionRunning)
}

// markRunClaimed notes that in's job holds its dataset's run.
func (g *ingester) markRunClaimed(in *sg.Ingestion) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if j, ok := g.jobs[dataSetKey(in.AccountID, in.DataSetID)+"/"+in.ID]; ok {
		j.runClaimed.Store(true)
	}
}
