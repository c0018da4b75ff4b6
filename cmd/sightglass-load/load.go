package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// plan is the schedule every worker follows.
type plan struct {
	measureStart time.Time // requests started before it are warmup
	end          time.Time // no request starts at or after it; zero: no time limit
	limit        int64     // measured requests to send; 0: no count limit
	issued       atomic.Int64
	completed    atomic.Int64 // all completed requests, warmup included (progress)
}

func (p *plan) timeUp(now time.Time) bool { return !p.end.IsZero() && !now.Before(p.end) }

// worker drives one connection: one request in flight at a time.
type worker struct {
	e    *env
	sc   *scenario
	id   int
	plan *plan

	hist       histogram
	statuses   map[int]int64
	errs       map[string]int64
	errSample  map[string]string
	unexpected int64
	warmup     int64
	last       time.Time // completion of the last measured request
}

func (w *worker) run(ctx context.Context) {
	snd := newSender(w.e)
	defer snd.close()
	var p *prepared
	for ctx.Err() == nil {
		now := time.Now()
		if w.plan.timeUp(now) {
			return
		}
		measured := !now.Before(w.plan.measureStart)
		if measured && w.plan.limit > 0 && w.plan.issued.Add(1) > w.plan.limit {
			return
		}
		var err error
		switch {
		case p == nil || !w.sc.replay:
			var r *request
			if r, err = w.sc.build(w.e, w.id); err == nil {
				p, err = w.e.prepare(ctx, r)
			}
		case now.Sub(p.signedAt) >= w.e.cfg.Resign:
			p.rewind()
			err = w.e.sign(p, now)
		default:
			p.rewind()
		}
		if errors.Is(err, errCodesUsedUp) {
			return
		}
		if err != nil {
			w.fail("scenario", err)
			return
		}
		start := time.Now()
		status, err := snd.send(p)
		done := time.Now()
		w.plan.completed.Add(1)
		if err != nil && ctx.Err() != nil {
			return // interrupted, or the hard stop: not a server failure
		}
		if !measured {
			w.warmup++
			continue
		}
		w.hist.record(done.Sub(start))
		w.last = done
		if err != nil {
			w.fail(errKind(err), err)
			time.Sleep(time.Millisecond) // do not spin on a dead server
			continue
		}
		w.statuses[status]++
		if !p.spec.ok(status) {
			w.unexpected++
		}
	}
}

func (w *worker) fail(kind string, err error) {
	w.errs[kind]++
	if _, ok := w.errSample[kind]; !ok {
		w.errSample[kind] = err.Error()
	}
}

// errKind classifies a transport error for the report.
func errKind(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET):
		return "connection reset"
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return "address not available"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "connection closed early"
	case errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	}
	return "other"
}

// runLoad runs the scenario as configured and collects the result.
func runLoad(ctx context.Context, e *env, sc *scenario, progress io.Writer) (*result, error) {
	cfg := e.cfg
	var srv *sampler
	var srvStart procStat
	if cfg.ServerPID > 0 {
		var err error
		if srvStart, err = readProc(cfg.ServerPID); err != nil {
			return nil, fmt.Errorf("--server-pid %d: %w", cfg.ServerPID, err)
		}
		srv = startSampler(cfg.ServerPID, time.Second)
	}

	t0 := time.Now()
	pl := &plan{measureStart: t0.Add(cfg.Warmup), limit: cfg.Requests}
	runCtx := ctx
	if cfg.Duration > 0 {
		pl.end = pl.measureStart.Add(cfg.Duration)
		// The hard stop: requests still in flight a --timeout after the
		// end are abandoned.
		var cancel context.CancelFunc
		runCtx, cancel = context.WithDeadline(ctx, pl.end.Add(cfg.Timeout))
		defer cancel()
	}
	workers := make([]*worker, cfg.Connections)
	var wg sync.WaitGroup
	for i := range workers {
		w := &worker{e: e, sc: sc, id: i, plan: pl,
			statuses: map[int]int64{}, errs: map[string]int64{}, errSample: map[string]string{}}
		workers[i] = w
		wg.Go(func() { w.run(runCtx) })
	}
	allDone := make(chan struct{})
	go func() { wg.Wait(); close(allDone) }()
	stopProgress := startProgress(progress, cfg.Progress, pl, t0, allDone)

	// Readings at the end of the warmup.
	var srvWarm procStat
	select {
	case <-time.After(time.Until(pl.measureStart)):
	case <-allDone:
	case <-ctx.Done():
	}
	if srv != nil {
		srvWarm, _ = srv.sample()
	}
	selfWarm, selfWarmErr := readProc(0)

	select {
	case <-allDone:
	case <-runCtx.Done():
		<-allDone
	}
	stopProgress()
	selfEnd, selfEndErr := readProc(0)
	var samples []procStat
	var sampleErr error
	if srv != nil {
		samples, sampleErr = srv.finish()
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("run interrupted: %w", err)
	}

	res := newResult(e, sc, pl, workers)
	if srv != nil {
		res.Server = serverReport(srvStart, srvWarm, samples, res.Requests, t0)
		if sampleErr != nil {
			res.Server.SampleError = sampleErr.Error()
		}
	}
	if selfWarmErr == nil && selfEndErr == nil {
		res.Client = &procReport{}
		res.Client.setCPU(selfWarm, selfEnd, res.Requests)
	}
	return res, nil
}

// startProgress prints a line every interval until stopped.
func startProgress(w io.Writer, every time.Duration, pl *plan, t0 time.Time, done <-chan struct{}) (stop func()) {
	if every <= 0 {
		return func() {}
	}
	quit := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(every)
		defer t.Stop()
		prev, prevAt := int64(0), t0
		for {
			select {
			case <-quit:
				return
			case <-done:
				return
			case now := <-t.C:
				n := pl.completed.Load()
				phase := "measuring"
				if now.Before(pl.measureStart) {
					phase = "warmup"
				}
				fmt.Fprintf(w, "%6.1fs %-9s %d requests, %.0f req/s in the last interval\n",
					now.Sub(t0).Seconds(), phase, n, float64(n-prev)/now.Sub(prevAt).Seconds())
				prev, prevAt = n, now
			}
		}
	}()
	return func() { close(quit); <-finished }
}
