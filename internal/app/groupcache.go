package app

import (
	"context"
	"sync"
	"time"

	sg "github.com/sightglass/sightglass"
)

// userGroupsTTL bounds how long a membership changed by another process
// (an admin command, another server on the same database) can still open,
// or still fail to open, what is shared with the group. Changes made
// through this App clear the cache at once; on PostgreSQL the other nodes
// hear of them at once (cachesync.go, under CacheUsers), and this lifetime
// is the bound while they cannot.
const userGroupsTTL = 2 * time.Second

// maxUserGroups bounds the groups of one user the permission check reads.
// A user in more groups is refused whatever is shared with the groups
// beyond the bound, never shown more than is shared with them.
const maxUserGroups = 1000

// groupCache keeps the groups of recently seen users: every permission
// check of a non-admin (opening a dashboard, listing the start page)
// needs them. Entries are shared and must not be modified.
type groupCache struct {
	mu  sync.Mutex
	m   map[userKey]cachedGroups
	gen uint64 // bumped by every change; a read that straddles one is not kept
}

type cachedGroups struct {
	names  []string
	loaded time.Time
}

// userGroupNames returns the names of the groups user is a member of, in
// byte order, through the cache. The slice is shared and read-only.
func (a *App) userGroupNames(ctx context.Context, accountID, namespace, userName string) ([]string, error) {
	c := &a.groups
	k := userKey{accountID, namespace, userName}
	c.mu.Lock()
	e, ok := c.m[k]
	gen := c.gen
	c.mu.Unlock()
	if ok && time.Since(e.loaded) < a.cacheTTL(userGroupsTTL) {
		return e.names, nil
	}
	loaded := time.Now()
	groups, _, err := a.Store.ListUserGroups(ctx, accountID, namespace, userName, sg.Page{Limit: maxUserGroups})
	if err != nil {
		return nil, err
	}
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = g.Name
	}
	c.mu.Lock()
	if c.gen == gen {
		if c.m == nil || len(c.m) >= authCacheMax {
			c.m = make(map[userKey]cachedGroups)
		}
		c.m[k] = cachedGroups{names: names, loaded: loaded}
	}
	c.mu.Unlock()
	return names, nil
}

// UserGroupNames returns the names of the groups a user of a namespace is
// a member of, in byte order (none for a user in no group, or no such
// user). Row-level security rules by GroupName match against it. The
// slice is the caller's.
func (a *App) UserGroupNames(ctx context.Context, accountID, namespace, userName string) ([]string, error) {
	names, err := a.userGroupNames(ctx, accountID, namespace, userName)
	if err != nil {
		return nil, err
	}
	return append([]string{}, names...), nil
}

// principals returns the ARNs a resource permission may name to share
// with u: the user's own and those of its groups.
func (a *App) principals(ctx context.Context, u *sg.User) ([]string, error) {
	names, err := a.userGroupNames(ctx, u.AccountID, u.Namespace, u.UserName)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, 1+len(names))
	out = append(out, a.UserARN(u))
	for _, n := range names {
		out = append(out, sg.GroupARN(a.Region, u.AccountID, u.Namespace, n))
	}
	return out, nil
}

func (a *App) clearGroups() {
	a.groups.mu.Lock()
	a.groups.gen++
	clear(a.groups.m)
	a.groups.mu.Unlock()
}
