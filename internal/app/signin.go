package app

import (
	"context"
	"errors"
	"sync"
	"time"

	sg "github.com/sightglass/sightglass"
)

// Direct console sign-in of QUICKSIGHT identity users with the password
// they set through their invitation.

// Sign-in lockout: after SignInMaxFailures failed sign-ins for one user
// name within SignInLockout, that name is locked for SignInLockout, whether
// or not such a user exists (so the lock tells nothing).
const (
	SignInMaxFailures = 5
	SignInLockout     = 15 * time.Minute
)

// ErrSignIn is every failed sign-in: unknown account or user, a user
// without a password, a deactivated user, or a wrong password look alike.
var ErrSignIn = sg.Errorf(sg.EACCESSDENIED, "The account ID, user name or password is incorrect.")

// ErrSignInLocked is a sign-in refused because the user name is locked.
var ErrSignInLocked = sg.Errorf(sg.ETHROTTLED, "Too many failed sign-ins for this user name. Try again in 15 minutes.")

// signInGuard counts failed sign-ins per user name, in memory (per
// process), bounded.
type signInGuard struct {
	mu sync.Mutex
	m  map[string]*signInFailures
}

type signInFailures struct {
	count       int
	first       time.Time // of the current window
	lockedUntil time.Time
}

// signInGuardMax bounds the names tracked; a full guard first drops what
// has expired.
const signInGuardMax = 10000

func (g *signInGuard) locked(key string, now time.Time) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	f := g.m[key]
	return f != nil && now.Before(f.lockedUntil)
}

func (g *signInGuard) fail(key string, now time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.m == nil {
		g.m = map[string]*signInFailures{}
	}
	f := g.m[key]
	if f == nil {
		if len(g.m) >= signInGuardMax {
			for k, v := range g.m {
				if !now.Before(v.lockedUntil) && now.Sub(v.first) >= SignInLockout {
					delete(g.m, k)
				}
			}
			if len(g.m) >= signInGuardMax {
				return // the per-address limit still applies
			}
		}
		f = &signInFailures{}
		g.m[key] = f
	}
	if now.Sub(f.first) >= SignInLockout {
		f.count, f.first = 0, now
	}
	f.count++
	if f.count >= SignInMaxFailures {
		f.lockedUntil = now.Add(SignInLockout)
		f.count, f.first = 0, now
	}
}

func (g *signInGuard) succeed(key string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.m, key)
}

// SignIn checks a QUICKSIGHT identity user's password and opens a console
// session like the embed sign-on's, at the start page, for the default
// lifetime. It returns the session and its token. Every check costs one
// password hash, whether or not the user exists.
func (a *App) SignIn(ctx context.Context, accountID, namespace, userName, password string) (*Console, string, error) {
	key := accountID + "\x00" + namespace + "\x00" + userName
	now := a.now()
	if a.signIns.locked(key, now) {
		return nil, "", ErrSignInLocked
	}
	u, hash, err := a.signInUser(ctx, accountID, namespace, userName)
	if err != nil {
		return nil, "", err
	}
	if hash == "" {
		hash = dummyHash()
	}
	ok, err := verifyPassword(ctx, password, hash)
	if err != nil {
		return nil, "", err
	}
	if !ok || u == nil {
		a.signIns.fail(key, now)
		return nil, "", ErrSignIn
	}
	a.signIns.succeed(key)
	s, token := newSession(u, randomHex(16), "/start", DefaultSessionLifetime, now)
	if err := a.Store.CreateSession(ctx, s); err != nil {
		return nil, "", err
	}
	return &Console{Session: s, User: u}, token, nil
}

// signInUser returns the user a sign-in names and their password hash, or
// a nil user and "" when there is no such active QUICKSIGHT user with a
// password of their current registration.
func (a *App) signInUser(ctx context.Context, accountID, namespace, userName string) (*sg.User, string, error) {
	if checkAccountID(accountID) != nil || namespace != sg.DefaultNamespace || userName == "" || len(userName) > 256 {
		return nil, "", nil
	}
	u, err := a.Store.FindUser(ctx, accountID, namespace, userName)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, "", nil
	} else if err != nil {
		return nil, "", err
	}
	if !u.Active || u.IdentityType != sg.IdentityQuickSight {
		return nil, "", nil
	}
	p, err := a.Store.FindUserPassword(ctx, accountID, namespace, userName)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, "", nil
	} else if err != nil {
		return nil, "", err
	}
	if p.PrincipalID != u.PrincipalID {
		return nil, "", nil
	}
	return u, p.Hash, nil
}

// SignOut ends the console session a token opened. An unknown token is
// not an error.
func (a *App) SignOut(ctx context.Context, token string) error {
	err := a.Store.DeleteSession(ctx, HashSecret(token))
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil
	}
	return err
}

// IsSignInError reports whether err is a refused sign-in (wrong
// credentials or a locked name) rather than a failure to check.
func IsSignInError(err error) bool {
	return errors.Is(err, ErrSignIn) || errors.Is(err, ErrSignInLocked)
}
