package sightglass

import (
	"context"
	"time"
)

// Session is a console session opened by redeeming an embed code. The
// browser holds a random token; the store keys the session by the token's
// SHA-256, so a leaked store does not leak live sessions.
type Session struct {
	ID          string // hex SHA-256 of the session token
	AccountID   string
	Namespace   string
	UserName    string
	PrincipalID string // the user's principal id when the session opened
	Role        string // the user's role when the session opened
	EmbedID     string // the 32-hex session id of the embed URL (sid)
	EntryPoint  string // e.g. /start or /dashboards/sales
	// AllowedDomains, when not nil, is the session's own embedding
	// allow-list (GenerateEmbedUrlFor*'s AllowedDomains), which replaces
	// its account's.
	AllowedDomains []string
	CreatedAt      time.Time
	ExpiresAt      time.Time
}

// SessionStore persists console sessions.
type SessionStore interface {
	// CreateSession returns EEXISTS if the id is taken.
	CreateSession(ctx context.Context, s *Session) error
	// FindSession returns the session with that id, expired or not, or
	// ENOTFOUND. Expiry is the caller's rule.
	FindSession(ctx context.Context, id string) (*Session, error)
	// DeleteSession returns ENOTFOUND.
	DeleteSession(ctx context.Context, id string) error
	// DeleteUserSessions deletes every session of a user and returns how
	// many it deleted.
	DeleteUserSessions(ctx context.Context, accountID, namespace, userName string) (int64, error)
	// PurgeSessions deletes sessions that expired at or before now.
	PurgeSessions(ctx context.Context, now time.Time) (int64, error)
	// CountSessions returns how many sessions expire after now (the live
	// ones, for the server's metrics).
	CountSessions(ctx context.Context, now time.Time) (int64, error)
}
