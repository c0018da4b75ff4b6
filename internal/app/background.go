package app

import (
	"context"
	"sync"
)

// background tracks the goroutines the App starts (definition checks), so
// that Close can cancel and wait for them.
type background struct {
	mu     sync.Mutex
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	closed bool
}

// goBackground runs fn in a tracked goroutine with a context that Close
// cancels; with SyncChecks set it runs fn before returning. After Close
// it does nothing.
func (a *App) goBackground(fn func(ctx context.Context)) {
	if a.SyncChecks {
		fn(context.Background())
		return
	}
	b := &a.bg
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	if b.ctx == nil {
		b.ctx, b.cancel = context.WithCancel(context.Background())
	}
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		fn(b.ctx)
	}()
}

// stopBackground cancels the goroutines goBackground started and waits
// for them to stop. Close calls it.
func (a *App) stopBackground() {
	b := &a.bg
	b.mu.Lock()
	b.closed = true
	if b.cancel != nil {
		b.cancel()
	}
	b.mu.Unlock()
	b.wg.Wait()
}

// runCheck runs a definition check: in the background, or before
// returning when opts.inline.
func (a *App) runCheck(opts checkOptions, fn func(ctx context.Context)) {
	if opts.inline {
		fn(context.Background())
		return
	}
	a.goBackground(fn)
}
