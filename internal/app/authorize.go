package app

import (
	"context"
	"sync"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/iam"
)

// authCacheTTL bounds how long a revoked key or a changed policy keeps
// working on a server that did not make the change (another process, such
// as an admin command, or another node). On PostgreSQL the other nodes hear
// of the change at once (cachesync.go); this lifetime is the bound while
// they cannot.
const authCacheTTL = 2 * time.Second

// authCacheMax bounds the cache; when full it is emptied.
const authCacheMax = 10000

// credential is an access key with its principal's parsed policies.
type credential struct {
	key      *sg.AccessKey
	policies []*iam.Policy
	// broken is set when a stored policy no longer parses: its Deny
	// statements cannot be honoured, so the principal is denied everything.
	broken bool
	err    error // ENOTFOUND for unknown keys (negative caching)
	loaded time.Time
}

type authCache struct {
	ttl time.Duration
	mu  sync.Mutex
	m   map[string]*credential
	gen uint64 // bumped by every change; a read that straddles one is not kept
}

func newAuthCache(ttl time.Duration) *authCache {
	return &authCache{ttl: ttl, m: make(map[string]*credential)}
}

// credential returns the key and policies for an access key id, from the
// cache when fresh. The error is ENOTFOUND for unknown keys.
func (a *App) credential(ctx context.Context, accessKeyID string) (*credential, error) {
	now := time.Now()
	c := a.auth
	if c == nil {
		c = newAuthCache(0)
	}
	c.mu.Lock()
	cred, ok := c.m[accessKeyID]
	gen := c.gen
	c.mu.Unlock()
	ttl := c.ttl
	if ttl > 0 {
		ttl = a.cacheTTL(ttl)
	}
	if ok && now.Sub(cred.loaded) < ttl {
		return cred, cred.err
	}
	cred = &credential{loaded: now}
	key, err := a.Store.FindAccessKey(ctx, accessKeyID)
	switch {
	case sg.ErrorCode(err) == sg.ENOTFOUND:
		cred.err = err
	case err != nil:
		return nil, err
	default:
		cred.key = key
		docs, err := a.Store.ListPrincipalPolicies(ctx, key.AccountID, key.PrincipalType, key.PrincipalName)
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			p, err := iam.ParsePolicy([]byte(d.Document))
			if err != nil {
				cred.broken = true
				continue
			}
			cred.policies = append(cred.policies, p)
		}
	}
	c.mu.Lock()
	if c.gen == gen {
		if len(c.m) >= authCacheMax {
			clear(c.m)
		}
		c.m[accessKeyID] = cred
	}
	c.mu.Unlock()
	return cred, cred.err
}

// forget drops cached credentials, here and on the other nodes, after a
// change made in this process.
func (a *App) forget() {
	a.clearCredentials()
	a.publish(CacheCredentials)
}

func (a *App) clearCredentials() {
	if a.auth != nil {
		a.auth.mu.Lock()
		a.auth.gen++
		clear(a.auth.m)
		a.auth.mu.Unlock()
	}
}

// AccessKey returns the access key with the given id (cached briefly), for
// request authentication. Returns ENOTFOUND for unknown keys.
func (a *App) AccessKey(ctx context.Context, accessKeyID string) (*sg.AccessKey, error) {
	cred, err := a.credential(ctx, accessKeyID)
	if err != nil {
		return nil, err
	}
	return cred.key, nil
}

// CallerFor returns the caller identity that an access key stands for.
func CallerFor(k *sg.AccessKey) *sg.Caller {
	return &sg.Caller{
		AccountID:     k.AccountID,
		AccessKeyID:   k.AccessKeyID,
		PrincipalType: k.PrincipalType,
		PrincipalName: k.PrincipalName,
		SessionName:   k.SessionName,
	}
}

// authorize checks that the caller in ctx may perform action (an operation
// name such as "DescribeUser") on resource (an ARN) in accountID. A context
// without a caller is the server itself (bootstrap, admin commands) and is
// allowed everything.
func (a *App) authorize(ctx context.Context, accountID, action, resource string) error {
	caller := sg.CallerFromContext(ctx)
	if caller == nil {
		return nil
	}
	denied := func() error {
		return sg.Errorf(sg.EACCESSDENIED, "User: %s is not authorized to perform: quicksight:%s on resource: %s", caller.ARN(), action, resource)
	}
	if caller.AccountID != accountID {
		return denied()
	}
	cred, err := a.credential(ctx, caller.AccessKeyID)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return denied()
	} else if err != nil {
		return err
	}
	if cred.broken || iam.Evaluate(cred.policies, "quicksight:"+action, resource) != iam.Allow {
		return denied()
	}
	return nil
}

// accountResource is the resource ARN of account-level operations.
func (a *App) accountResource(accountID string) string {
	return sg.QuickSightARN(a.Region, accountID, "account/"+accountID)
}

// subscribed returns the account's subscription, or the modeled not-found
// error when the account id has none.
func (a *App) subscribed(ctx context.Context, accountID string) (*sg.Account, error) {
	acct, err := a.Store.FindAccount(ctx, accountID)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, sg.Errorf(sg.ENOTFOUND, "Account %s is not signed up for Amazon QuickSight.", accountID).WithResource(sg.ResourceAccountSettings)
	}
	return acct, err
}

// onlyDefaultNamespace checks that ns is the default namespace: the
// account's default namespace stays "default" (the API callers' own users
// live there).
func onlyDefaultNamespace(accountID, ns string) error {
	if ns != sg.DefaultNamespace {
		return sg.Errorf(sg.EINVALID, "The default namespace of account %s can only be %s.", accountID, sg.DefaultNamespace)
	}
	return nil
}
