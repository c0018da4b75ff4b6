package app

import (
	"context"
	"encoding/base64"
	"encoding/json"

	sg "github.com/sightglass/sightglass"
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

// RedeemEmbedCode exchanges a code for a console session, at most once.
// embedID and entryPoint must be those the code was minted for. It returns
// the session and the session token (the browser's secret).
func (a *App) RedeemEmbedCode(ctx context.Context, embedID, entryPoint, code string) (*Console, string, error) {
	if raw, err := base64.RawURLEncoding.DecodeString(code); err != nil || len(raw) != 32 {
		return nil, "", ErrSignOn
	}
	now := a.now()
	payload, err := a.Store.ConsumeOnce(ctx, HashSecret(code), now)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, "", ErrSignOn
	} else if err != nil {
		return nil, "", err
	}
	var g embedGrant
	if err := json.Unmarshal(payload, &g); err != nil || g.EmbedID != embedID || g.EntryPoint != entryPoint {
		return nil, "", ErrSignOn
	}
	user, err := a.Store.FindUser(ctx, g.AccountID, g.Namespace, g.UserName)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, "", ErrSignOn
	} else if err != nil {
		return nil, "", err
	}
	if !user.Active || user.PrincipalID != g.PrincipalID {
		return nil, "", ErrSignOn
	}
	token := newSecret()
	s := &sg.Session{
		ID:          HashSecret(token),
		AccountID:   g.AccountID,
		Namespace:   g.Namespace,
		UserName:    g.UserName,
		PrincipalID: user.PrincipalID,
		Role:        user.Role,
		EmbedID:     g.EmbedID,
		EntryPoint:  g.EntryPoint,
		CreatedAt:   now,
		ExpiresAt:   now.Add(minutes(g.Lifetime)),
	}
	if err := a.Store.CreateSession(ctx, s); err != nil {
		return nil, "", err
	}
	return &Console{Session: s, User: user}, token, nil
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
