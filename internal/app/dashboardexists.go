package app

import (
	"context"
	"time"
)

// Embed URLs check that the dashboard they open exists. Under a steady
// minting load that is the same few dashboards again and again, so a
// dashboard seen to exist is remembered with the console's content lists
// (listcache.go): cleared at once by every change to dashboards made
// through this App, on PostgreSQL by another node's change too
// (cachesync.go), and otherwise forgotten after contentListTTL. Only
// existence is remembered: a dashboard not found is read again each time,
// so one created elsewhere is seen at once; one deleted elsewhere may
// still get an embed URL for that second, whose page then answers 404.

// dashboardKey names a dashboard of an account.
type dashboardKey struct{ accountID, id string }

// dashboardExists reports whether the dashboard exists, from the cache
// or the store.
func (a *App) dashboardExists(ctx context.Context, accountID, id string) (bool, error) {
	c := &a.lists
	k := dashboardKey{accountID, id}
	c.mu.Lock()
	seen, ok := c.existing[k]
	gen := c.gen
	c.mu.Unlock()
	if ok && time.Since(seen) < a.cacheTTL(contentListTTL) {
		return true, nil
	}
	checked := time.Now()
	exists, err := a.Store.DashboardExists(ctx, accountID, id)
	if err != nil || !exists {
		return exists, err
	}
	c.mu.Lock()
	if c.gen == gen { // no change while the store was read
		if c.existing == nil || len(c.existing) >= authCacheMax {
			c.existing = make(map[dashboardKey]time.Time)
		}
		c.existing[k] = checked
	}
	c.mu.Unlock()
	return true, nil
}
