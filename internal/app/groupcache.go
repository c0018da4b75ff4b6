package app

import (
	"context"
	"slices"
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

// maxUserGroups bounds the groups of one user the permission check reads:
// all of them, since a user's groups are groups of its namespace.
const maxUserGroups = maxGroupsPerNamespace

// groupCache keeps the groups of recently seen users: every permission
// check of a non-admin (opening a dashboard, listing the start page)
// needs them. Entries are shared and must not be modified.
type groupCache struct {
	mu  sync.Mutex
	m   map[userKey]cachedGroups
	gen uint64 // bumped by every change; a read that straddles one is not kept
}

type cachedGroups struct {
	names []string
	// principals are the user's ARN and its groups' ARNs, built once.
	principals principalSet
	loaded     time.Time
}

// principalSet is the ARNs a resource permission may name to share with a
// user. A long list (a user in many groups) is also kept as a set, so that
// a check stays linear in the resource's permissions.
type principalSet struct {
	list []string
	set  map[string]struct{} // nil for short lists
}

// setFrom is the list length from which a principalSet keeps a set.
const setFrom = 16

func newPrincipalSet(list []string) principalSet {
	p := principalSet{list: list}
	if len(list) >= setFrom {
		p.set = make(map[string]struct{}, len(list))
		for _, arn := range list {
			p.set[arn] = struct{}{}
		}
	}
	return p
}

// has reports whether arn is one of the principals.
func (p principalSet) has(arn string) bool {
	if p.set != nil {
		_, ok := p.set[arn]
		return ok
	}
	return slices.Contains(p.list, arn)
}

// userGroups returns the groups of a user through the cache. The entry is
// shared and read-only.
func (a *App) userGroups(ctx context.Context, accountID, namespace, userName string) (cachedGroups, error) {
	c := &a.groups
	k := userKey{accountID, namespace, userName}
	c.mu.Lock()
	e, ok := c.m[k]
	gen := c.gen
	c.mu.Unlock()
	if ok && time.Since(e.loaded) < a.cacheTTL(userGroupsTTL) {
		return e, nil
	}
	e = cachedGroups{loaded: time.Now()}
	groups, _, err := a.Store.ListUserGroups(ctx, accountID, namespace, userName, sg.Page{Limit: maxUserGroups})
	if err != nil {
		return e, err
	}
	e.names = make([]string, len(groups))
	arns := make([]string, 0, 1+len(groups))
	arns = append(arns, sg.UserARN(a.Region, accountID, namespace, userName))
	for i, g := range groups {
		e.names[i] = g.Name
		arns = append(arns, sg.GroupARN(a.Region, accountID, namespace, g.Name))
	}
	e.principals = newPrincipalSet(arns)
	c.mu.Lock()
	if c.gen == gen {
		if c.m == nil || len(c.m) >= authCacheMax {
			c.m = make(map[userKey]cachedGroups)
		}
		c.m[k] = e
	}
	c.mu.Unlock()
	return e, nil
}

// UserGroupNames returns the names of the groups a user of a namespace is
// a member of, in byte order (none for a user in no group, or no such
// user). Row-level security rules by GroupName match against it. The
// slice is the caller's.
func (a *App) UserGroupNames(ctx context.Context, accountID, namespace, userName string) ([]string, error) {
	e, err := a.userGroups(ctx, accountID, namespace, userName)
	if err != nil {
		return nil, err
	}
	return append([]string{}, e.names...), nil
}

// principals returns the ARNs a resource permission may name to share
// with u: the user's own and those of its groups. The set is shared and
// read-only.
func (a *App) principals(ctx context.Context, u *sg.User) (principalSet, error) {
	e, err := a.userGroups(ctx, u.AccountID, u.Namespace, u.UserName)
	if err != nil {
		return principalSet{}, err
	}
	return e.principals, nil
}

func (a *App) clearGroups() {
	a.groups.mu.Lock()
	a.groups.gen++
	clear(a.groups.m)
	a.groups.mu.Unlock()
}
