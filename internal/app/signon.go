package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/metrics"
)

// ErrSignOn is returned for every failed redemption: unknown, reused,
// expired or tampered codes look alike to the caller.
var ErrSignOn = sg.Errorf(sg.EACCESSDENIED, "Embedding failed because of an invalid URL or authorization code. Both must be valid, and the code must not be expired or already used.")

// ErrNoSession is returned when a console request has no valid session:
// none, unknown, expired, or ended by a change to its user.
var ErrNoSession = sg.Errorf(sg.EACCESSDENIED, "Your session has expired or is not valid. Open the embedded console again.")

// Console is a signed-in console user: the session and its user.
type Console struct {
	Session *sg.Session
	User    *sg.User
}

// RedeemEmbedCode exchanges a code for a console session, at most once,
// and records the sign-on, successful or not, in the audit log.
func (a *App) RedeemEmbedCode(ctx context.Context, embedID string, entry Entry, code string) (*Console, string, error) {
	con, token, err := a.redeemEmbedCode(ctx, embedID, entry, code)
	if a.Audit != nil {
		a.auditSignOn(ctx, map[string]any{"signOnType": "embedCode", "embedId": embedID, "entryPoint": entry.Path}, con, err)
	}
	return con, token, err
}

// redeemEmbedCode exchanges a code for a console session, at most once.
// embedID and entryPoint must be those the code was minted for. It returns
// the session and the session token (the browser's secret).
//
// The grant and its user are read first, without consuming the code; then
// one store transaction consumes the code and creates the session, so a
// sign-on costs one write. A code presented with the wrong sid or entry
// point, or whose user has gone, is consumed all the same (burnt), as a
// failed redemption must not leave it usable.
//
// A code minted for the SDK's dashboard or visual experience opens only
// that experience's frame (entry.Experience), never the console.
func (a *App) redeemEmbedCode(ctx context.Context, embedID string, entry Entry, code string) (*Console, string, error) {
	raw, err := base64.RawURLEncoding.DecodeString(code)
	if err != nil || len(raw) != 32 {
		return nil, "", signOnFailed(metrics.SignOnMalformed)
	}
	now := a.now()
	key := embedCodeKey(code, raw, now)
	var g embedGrant
	payload, user, err := a.Store.FindOnceUser(ctx, key, now, func(p []byte) (string, string, string, error) {
		if err := decodeGrant(p, &g); err != nil || g.EmbedID != embedID || g.EntryPoint != entry.Path || (g.ExperienceOnly && !entry.Experience) {
			return "", "", "", errWrongGrant
		}
		if g.anonymous() {
			return "", "", "", errAnonymousGrant // no user to read
		}
		return g.AccountID, g.Namespace, g.UserName, nil
	})
	switch {
	case payload == nil && sg.ErrorCode(err) == sg.ENOTFOUND:
		return nil, "", a.missingCode(ctx, key)
	case errors.Is(err, errAnonymousGrant):
		return a.redeemAnonymous(ctx, key, now, &g, payload)
	case errors.Is(err, errWrongGrant):
		return nil, "", a.burnCode(ctx, key, now, metrics.SignOnMismatch)
	case err != nil:
		return nil, "", err
	case user == nil: // the user has gone
		return nil, "", a.burnCode(ctx, key, now, metrics.SignOnUserGone)
	}
	if !user.Active || user.PrincipalID != g.PrincipalID {
		return nil, "", a.burnCode(ctx, key, now, metrics.SignOnUserGone)
	}
	s, token := newSession(user, g.EmbedID, g.sessionEntry(), g.Lifetime, now)
	s.AllowedDomains = g.Domains // the session's own allow-list, if the URL was minted with one
	consumed, err := a.Store.RedeemOnce(ctx, key, now, s)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, "", signOnFailed(metrics.SignOnRaced) // another request redeemed it first
	} else if err != nil {
		return nil, "", err
	}
	if !bytes.Equal(consumed, payload) {
		// A code's item never changes, so this cannot happen; if it did,
		// the session was opened on a grant that was not checked.
		if err := a.Store.DeleteSession(ctx, s.ID); err != nil && sg.ErrorCode(err) != sg.ENOTFOUND {
			return nil, "", err
		}
		return nil, "", signOnFailed(metrics.SignOnRaced)
	}
	return &Console{Session: s, User: user}, token, nil
}

// errAnonymousGrant stops FindOnceUser at an anonymous grant, which names
// no user.
var errAnonymousGrant = errors.New("anonymous grant")

// redeemAnonymous opens the session of an anonymous grant that matched
// its sid and entry point: one write, as for a registered user.
func (a *App) redeemAnonymous(ctx context.Context, key string, now time.Time, g *embedGrant, payload []byte) (*Console, string, error) {
	token := newSecret()
	s := &sg.Session{
		ID:                   HashSecret(token),
		AccountID:            g.AccountID,
		Namespace:            g.Namespace,
		EmbedID:              g.EmbedID,
		EntryPoint:           g.sessionEntry(),
		AllowedDomains:       g.Domains,
		AuthorizedDashboards: g.Dashboards,
		Tags:                 g.Tags,
		CreatedAt:            now,
		ExpiresAt:            now.Add(minutes(g.Lifetime)),
	}
	consumed, err := a.Store.RedeemOnce(ctx, key, now, s)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, "", signOnFailed(metrics.SignOnRaced)
	} else if err != nil {
		return nil, "", err
	}
	if !bytes.Equal(consumed, payload) {
		if err := a.Store.DeleteSession(ctx, s.ID); err != nil && sg.ErrorCode(err) != sg.ENOTFOUND {
			return nil, "", err
		}
		return nil, "", signOnFailed(metrics.SignOnRaced)
	}
	return &Console{Session: s, User: anonymousReader(s)}, token, nil
}

// newSession returns a console session of user for an embed id (sid) and
// entry point, valid for lifetime minutes from now, and its token (the
// browser's secret; the session is keyed by its hash). The embed sign-on
// and the direct sign-in both open sessions with it.
func newSession(user *sg.User, embedID, entryPoint string, lifetime int64, now time.Time) (*sg.Session, string) {
	token := newSecret()
	return &sg.Session{
		ID:          HashSecret(token),
		AccountID:   user.AccountID,
		Namespace:   user.Namespace,
		UserName:    user.UserName,
		PrincipalID: user.PrincipalID,
		Role:        user.Role,
		EmbedID:     embedID,
		EntryPoint:  entryPoint,
		CreatedAt:   now,
		ExpiresAt:   now.Add(minutes(lifetime)),
	}, token
}

// errWrongGrant is a code's grant that does not match the sid and entry
// point it was presented with (or does not decode). It is a modeled
// refusal, not a failure of the store that returns it.
var errWrongGrant = sg.Errorf(sg.EACCESSDENIED, "embed grant does not match")

// burnCode consumes a code that failed a check after it was read, and
// returns ErrSignOn for reason (or the store's failure).
func (a *App) burnCode(ctx context.Context, key string, now time.Time, reason string) error {
	if _, err := a.Store.ConsumeOnce(ctx, key, now); err != nil && sg.ErrorCode(err) != sg.ENOTFOUND {
		return err
	}
	return signOnFailed(reason)
}

// missingCode returns ErrSignOn for a code the store has no live item
// for, telling an expired code (still kept until purged) from one unknown
// or already redeemed. The extra read happens on failures only, which the
// console rate-limits per client.
func (a *App) missingCode(ctx context.Context, key string) error {
	if _, err := a.Store.FindOnce(ctx, key, time.Time{}); err == nil {
		return signOnFailed(metrics.SignOnExpired)
	}
	return signOnFailed(metrics.SignOnUnknown)
}

// signOnFailure is ErrSignOn with the reason of the failure, which the
// caller sees only in metrics: to the browser every failure looks alike.
type signOnFailure struct{ reason string }

func signOnFailed(reason string) error { return &signOnFailure{reason} }
func (e *signOnFailure) Error() string { return ErrSignOn.Error() }
func (e *signOnFailure) Unwrap() error { return ErrSignOn }

// SignOnFailureReason returns why a redemption failed, one of the
// metrics.SignOn* reasons; metrics.SignOnError for other errors.
func SignOnFailureReason(err error) string {
	if e, ok := errors.AsType[*signOnFailure](err); ok {
		return e.reason
	}
	return metrics.SignOnError
}

// ConsoleSession returns the live session for a token presented on a
// console request for embedID. A session ends when it expires, and when its
// user is deleted, deactivated, re-registered or changes role.
func (a *App) ConsoleSession(ctx context.Context, embedID, token string) (*Console, error) {
	if raw, err := base64.RawURLEncoding.DecodeString(token); err != nil || len(raw) != 32 {
		return nil, ErrNoSession
	}
	s, err := a.Store.FindSession(ctx, HashSecret(token))
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, ErrNoSession
	} else if err != nil {
		return nil, err
	}
	if s.EmbedID != embedID || !a.now().Before(s.ExpiresAt) {
		return nil, ErrNoSession
	}
	if s.Anonymous() {
		return &Console{Session: s, User: anonymousReader(s)}, nil // no user row to check
	}
	user, err := a.Store.FindUser(ctx, s.AccountID, s.Namespace, s.UserName)
	if err != nil && sg.ErrorCode(err) != sg.ENOTFOUND {
		return nil, err
	}
	if err != nil || !user.Active || user.PrincipalID != s.PrincipalID || user.Role != s.Role {
		if derr := a.Store.DeleteSession(ctx, s.ID); derr != nil && sg.ErrorCode(derr) != sg.ENOTFOUND {
			return nil, derr
		}
		return nil, ErrNoSession
	}
	return &Console{Session: s, User: user}, nil
}
