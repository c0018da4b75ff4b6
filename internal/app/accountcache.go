package app

import (
	"context"
	"sync"
	"time"

	sg "github.com/sightglass/sightglass"
)

// accountTTL bounds how long a changed subscription (edition, allow-list)
// takes to reach the hot paths of a server that did not make the change. On
// PostgreSQL the other nodes hear of the change at once (cachesync.go);
// this lifetime is the bound while they cannot.
const accountTTL = 2 * time.Second

// accountCache keeps recently read subscriptions for the hot paths (every
// user operation checks the subscription; every console page reads the
// allow-list). Entries are shared and must not be modified.
type accountCache struct {
	mu  sync.Mutex
	m   map[string]cachedAccount
	gen uint64 // bumped by every change; a read that straddles one is not kept
}

type cachedAccount struct {
	acct   *sg.Account
	loaded time.Time
}

// account returns a subscription, from the cache when fresh, or the
// modeled not-found error. The result is read-only.
func (a *App) account(ctx context.Context, accountID string) (*sg.Account, error) {
	c := &a.accounts
	c.mu.Lock()
	e, ok := c.m[accountID]
	gen := c.gen
	c.mu.Unlock()
	if ok && time.Since(e.loaded) < a.cacheTTL(accountTTL) {
		return e.acct, nil
	}
	acct, err := a.subscribed(ctx, accountID)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.gen == gen {
		if c.m == nil || len(c.m) >= authCacheMax {
			c.m = make(map[string]cachedAccount)
		}
		c.m[accountID] = cachedAccount{acct: acct, loaded: time.Now()}
	}
	c.mu.Unlock()
	return acct, nil
}

// forgetAccount drops a cached subscription after a change in this
// process, and the other nodes' cached subscriptions and allow-lists.
func (a *App) forgetAccount(accountID string) {
	a.accounts.mu.Lock()
	a.accounts.gen++
	delete(a.accounts.m, accountID)
	a.accounts.mu.Unlock()
	a.publish(CacheAccounts)
}

// clearAccounts empties the subscription and allow-list caches.
func (a *App) clearAccounts() {
	a.accounts.mu.Lock()
	a.accounts.gen++
	clear(a.accounts.m)
	a.accounts.mu.Unlock()
	a.domains.mu.Lock()
	a.domains.list = nil
	a.domains.mu.Unlock()
}
