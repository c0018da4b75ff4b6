package app

import (
	"slices"
	"sync"
	"time"

	sg "github.com/sightglass/sightglass"
)

// contentListTTL bounds how long a change to dashboards or analyses made by
// another process (another server on the same database) can be missing
// from, or linger in, the console's lists. The lists only decide what the
// start, dashboards and analyses pages show: opening an item reads it from
// the store and checks its permissions again (ConsoleDashboard,
// ConsoleAnalysis). Changes made through this App clear the cache at once.
// On PostgreSQL the other nodes hear of the change at once (cachesync.go);
// this lifetime is the bound while they cannot.
const contentListTTL = time.Second

// contentLists caches the console's lists of visible dashboards and
// analyses. Every embed sign-on renders the start page, which lists both:
// two read transactions that, under a steady write load, re-read their
// pages each time (a WAL reader drops its page cache whenever another
// connection has committed).
type contentLists struct {
	mu         sync.Mutex
	gen        uint64 // bumped by every change; a read that straddles one is not kept
	dashboards map[listKey]listEntry[*sg.Dashboard]
	analyses   map[listKey]listEntry[*sg.Analysis]
	// existing holds dashboards seen to exist, and when
	// (dashboardexists.go).
	existing map[dashboardKey]time.Time
}

// listKey names one visible list: admins of an account's default
// namespace all see the same list, other users what is shared with them
// or their groups (a change of membership clears the cache).
type listKey struct{ accountID, viewer string }

type listEntry[T any] struct {
	items  []T
	loaded time.Time
}

func (a *App) listKey(u *sg.User) listKey {
	if seesAll(u) {
		return listKey{accountID: u.AccountID}
	}
	return listKey{accountID: u.AccountID, viewer: a.UserARN(u)}
}

// cachedList returns the list of user u from the cache m, or load's result,
// which it keeps unless the content changed while it was loading. The
// slice is the caller's; the items are shared and must not be modified.
func cachedList[T any](a *App, m *map[listKey]listEntry[T], u *sg.User, load func() ([]T, error)) ([]T, error) {
	c := &a.lists
	k := a.listKey(u)
	c.mu.Lock()
	e, ok := (*m)[k]
	gen := c.gen
	c.mu.Unlock()
	if ok && time.Since(e.loaded) < a.cacheTTL(contentListTTL) {
		return slices.Clone(e.items), nil // callers may sort their copy
	}
	loaded := time.Now()
	items, err := load()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.gen == gen {
		if *m == nil || len(*m) >= authCacheMax {
			*m = make(map[listKey]listEntry[T])
		}
		(*m)[k] = listEntry[T]{items: items, loaded: loaded}
	}
	c.mu.Unlock()
	return slices.Clone(items), nil
}

// forgetContentLists empties the cache; every change to a dashboard or an
// analysis made through the App calls it after the store's write returns.
func (a *App) forgetContentLists() {
	a.clearContentLists()
	a.publish(CacheContentLists)
}

func (a *App) clearContentLists() {
	a.lists.mu.Lock()
	a.lists.gen++
	clear(a.lists.dashboards)
	clear(a.lists.analyses)
	clear(a.lists.existing)
	a.lists.mu.Unlock()
}

// contentChanged clears the cache after a write to dashboards or analyses,
// whatever its outcome, and returns the write's error.
func (a *App) contentChanged(err error) error {
	a.forgetContentLists()
	return err
}
