package app

import (
	"context"
	"sync"
	"time"

	sg "github.com/sightglass/sightglass"
)

// embedUserTTL bounds how long a user changed by another process (an admin
// command on the same store, another server on the same PostgreSQL) can
// still be minted embed URLs for, or described as it was. Minting only
// decides which error the API returns: redemption reads the user from the
// store again and refuses a deleted, deactivated or re-registered user, so
// a URL minted from a stale entry fails closed. Changes made through this
// App clear the cache at once. On PostgreSQL the other nodes hear of the
// change at once (cachesync.go); this lifetime is the bound while they
// cannot.
const embedUserTTL = 2 * time.Second

// userCache keeps the users GetSessionEmbedURL and DescribeUser recently
// read (the only store read of each, besides the mint's write). Entries
// are shared and must not be modified.
type userCache struct {
	mu  sync.Mutex
	m   map[userKey]cachedUser
	gen uint64 // bumped by every change; a read that straddles one is not kept
}

type userKey struct{ accountID, namespace, userName string }

type cachedUser struct {
	user   *sg.User
	loaded time.Time
}

// cachedFindUser is Store.FindUser through the cache. The result is
// read-only. Not-found answers are not cached.
func (a *App) cachedFindUser(ctx context.Context, accountID, namespace, userName string) (*sg.User, error) {
	c := &a.users
	k := userKey{accountID, namespace, userName}
	c.mu.Lock()
	e, ok := c.m[k]
	gen := c.gen
	c.mu.Unlock()
	if ok && time.Since(e.loaded) < a.cacheTTL(embedUserTTL) {
		return e.user, nil
	}
	u, err := a.Store.FindUser(ctx, accountID, namespace, userName)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.gen == gen {
		if c.m == nil || len(c.m) >= authCacheMax {
			c.m = make(map[userKey]cachedUser)
		}
		c.m[k] = cachedUser{user: u, loaded: time.Now()}
	}
	c.mu.Unlock()
	return u, nil
}

// forgetUsers empties the cache and the group cache (groupcache.go), here
// and on the other nodes; every change to a user, a group or a membership
// calls it.
func (a *App) forgetUsers() {
	a.clearUsers()
	a.publish(CacheUsers)
}

func (a *App) clearUsers() {
	a.clearGroups() // a user's memberships go with it
	a.users.mu.Lock()
	a.users.gen++
	clear(a.users.m)
	a.users.mu.Unlock()
}

// The store's user writes, each clearing the cache.

func (a *App) storeCreateUser(ctx context.Context, u *sg.User) error {
	defer a.forgetUsers()
	return a.Store.CreateUser(ctx, u)
}

func (a *App) storeUpdateUser(ctx context.Context, u *sg.User) error {
	defer a.forgetUsers()
	return a.Store.UpdateUser(ctx, u)
}

func (a *App) storeDeleteUser(ctx context.Context, accountID, namespace, userName string) error {
	defer a.forgetUsers()
	defer a.forgetContentLists() // its memberships, which gave it content, are gone
	return a.Store.DeleteUser(ctx, accountID, namespace, userName)
}
