package app

import (
	"sync/atomic"
	"time"
)

// CacheScope names caches that a change made on one node makes stale on
// the others (several servers on one PostgreSQL database). Each keeps its
// lifetime (1–2 s) as the safety net; a node that hears of a change from
// another clears the caches at once. Parsed definitions are keyed by their
// bytes and never stale, so they have no scope.
type CacheScope uint8

const (
	CacheUsers        CacheScope = 1 << iota // the mint path's users and every user's groups
	CacheContentLists                        // the console's dashboard and analysis lists
	CacheAccounts                            // subscriptions and embedding allow-lists
	CacheCredentials                         // access keys and their principals' policies

	CacheAll = CacheUsers | CacheContentLists | CacheAccounts | CacheCredentials
)

// cacheSync is the App's link to the other nodes.
type cacheSync struct {
	publish atomic.Pointer[func(CacheScope)]
	ttl     atomic.Int64 // a time.Duration replacing every lifetime; 0: the defaults
}

// SetCachePublisher makes every local cache invalidation call publish with
// its scope, so that other nodes clear theirs. publish must not block.
func (a *App) SetCachePublisher(publish func(CacheScope)) {
	a.sync.publish.Store(&publish)
}

// publish tells the other nodes of a change in scope.
func (a *App) publish(scope CacheScope) {
	if p := a.sync.publish.Load(); p != nil {
		(*p)(scope)
	}
}

// ForgetShared clears the caches in scope, as a change made on another
// node requires. It does not publish.
func (a *App) ForgetShared(scope CacheScope) {
	if scope&CacheUsers != 0 {
		a.clearUsers()
	}
	if scope&CacheContentLists != 0 {
		a.clearContentLists()
	}
	if scope&CacheAccounts != 0 {
		a.clearAccounts()
	}
	if scope&CacheCredentials != 0 {
		a.clearCredentials()
	}
}

// SetSharedCacheTTL replaces the lifetime of every cache a CacheScope
// names (tests set it long, to show that invalidations from other nodes
// arrive without it); zero restores the defaults.
func (a *App) SetSharedCacheTTL(d time.Duration) { a.sync.ttl.Store(int64(d)) }

// cacheTTL returns the lifetime of a cache whose default is def.
func (a *App) cacheTTL(def time.Duration) time.Duration {
	if d := a.sync.ttl.Load(); d > 0 {
		return time.Duration(d)
	}
	return def
}
