package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/metrics"
)

// CacheChannel is the PostgreSQL channel nodes announce cache
// invalidations on.
const CacheChannel = "sightglass_cache"

// notifier is a store whose processes can signal each other: PostgreSQL's
// LISTEN/NOTIFY.
type notifier interface {
	Notify(ctx context.Context, channel, payload string) error
	Listen(ctx context.Context, channel string, handle func(payload string), listening func(bool))
}

// cacheSync relays the App's cache invalidations between the nodes that
// share a PostgreSQL database: a change that clears a local cache is sent
// on CacheChannel, and every node clears its caches when it hears of one
// from another. While a node is not listening (the database connection
// failed and is being re-established) the caches' lifetimes bound
// staleness as they do without it; on reconnecting, the node clears every
// cache, since it may have missed notifications.
type cacheSync struct {
	store   notifier
	app     *app.App
	metrics *metrics.Metrics
	log     *slog.Logger
	node    string // this process's id, to ignore its own notifications

	mu      sync.Mutex
	pending app.CacheScope
	wake    chan struct{}
}

// newCacheSync returns the relay for store, or nil when the store cannot
// notify (SQLite: one process).
func newCacheSync(store sg.Store, a *app.App, m *metrics.Metrics, log *slog.Logger) *cacheSync {
	n, ok := store.(notifier)
	if !ok {
		return nil
	}
	b := make([]byte, 8)
	rand.Read(b)
	c := &cacheSync{store: n, app: a, metrics: m, log: log, node: hex.EncodeToString(b), wake: make(chan struct{}, 1)}
	a.SetCachePublisher(c.enqueue)
	return c
}

// enqueue notes a local invalidation for the sender; it never blocks, and
// invalidations made before the sender catches up go out together.
func (c *cacheSync) enqueue(scope app.CacheScope) {
	c.mu.Lock()
	c.pending |= scope
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// run listens and sends until ctx is done, then sends what is pending.
func (c *cacheSync) run(ctx context.Context) {
	var wg sync.WaitGroup
	wg.Go(func() {
		connected := false
		c.store.Listen(ctx, CacheChannel, c.receive, func(listening bool) {
			c.metrics.CacheListener(listening)
			if listening && connected {
				c.log.Info("listening for cache invalidations again")
			}
			if listening {
				// Whatever changed while not listening is unknown.
				c.app.ForgetShared(app.CacheAll)
			} else if ctx.Err() == nil {
				c.log.Warn("cache invalidations from other nodes are not heard: reconnecting (caches expire on their own meanwhile)")
			}
			connected = connected || listening
		})
	})
	for {
		select {
		case <-c.wake:
			c.send(ctx)
		case <-ctx.Done():
			flush, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			c.send(flush)
			cancel()
			wg.Wait()
			return
		}
	}
}

// send announces the pending scopes.
func (c *cacheSync) send(ctx context.Context) {
	c.mu.Lock()
	scope := c.pending
	c.pending = 0
	c.mu.Unlock()
	if scope == 0 {
		return
	}
	sendCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := c.store.Notify(sendCtx, CacheChannel, formatInvalidation(c.node, scope)); err != nil {
		c.metrics.CacheInvalidation(metrics.InvalidationSendFailed)
		if ctx.Err() == nil {
			c.log.Warn("announcing a cache invalidation to other nodes (they rely on cache lifetimes)", "err", err)
		}
		return
	}
	c.metrics.CacheInvalidation(metrics.InvalidationSent)
}

// receive clears the caches another node announced.
func (c *cacheSync) receive(payload string) {
	node, scope := parseInvalidation(payload)
	if node == c.node {
		return
	}
	c.app.ForgetShared(scope)
	c.metrics.CacheInvalidation(metrics.InvalidationReceived)
}

// formatInvalidation is a notification's payload: "v1 <node> <scope>".
func formatInvalidation(node string, scope app.CacheScope) string {
	return "v1 " + node + " " + strconv.Itoa(int(scope))
}

// parseInvalidation reads a payload. Anyone who can connect to the
// database can notify on the channel: a payload it cannot read clears
// every cache (the safe reading), and no payload does more than that.
func parseInvalidation(payload string) (node string, scope app.CacheScope) {
	f := strings.Fields(payload)
	if len(f) != 3 || f[0] != "v1" {
		return "", app.CacheAll
	}
	n, err := strconv.ParseUint(f[2], 10, 8)
	if err != nil || n == 0 || app.CacheScope(n)&^app.CacheAll != 0 {
		return f[1], app.CacheAll
	}
	return f[1], app.CacheScope(n)
}

// AnnounceChanges makes the cache invalidations of a short-lived App (an
// admin command) reach the servers on the same PostgreSQL database: the
// returned function sends what a's changes invalidated, in one
// notification. On SQLite it does nothing.
func AnnounceChanges(a *app.App, store sg.Store) (flush func()) {
	n, ok := metrics.Unwrap(store).(notifier)
	if !ok {
		return func() {}
	}
	var mu sync.Mutex
	var pending app.CacheScope
	a.SetCachePublisher(func(scope app.CacheScope) {
		mu.Lock()
		pending |= scope
		mu.Unlock()
	})
	b := make([]byte, 8)
	rand.Read(b)
	node := hex.EncodeToString(b)
	return func() {
		mu.Lock()
		scope := pending
		pending = 0
		mu.Unlock()
		if scope == 0 {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		// Best effort: the servers' cache lifetimes bound staleness anyway.
		n.Notify(ctx, CacheChannel, formatInvalidation(node, scope))
	}
}
