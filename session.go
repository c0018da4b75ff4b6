package sightglass

import (
	"context"
	"strings"
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
	// EntryPoint is the entry point the session opened at, e.g. /start or
	// /dashboards/sales; a dashboard or visual experience's session (which
	// has no console) has it under ExperienceEntryPrefix, e.g.
	// /embed/dashboards/sales.
	EntryPoint string
	// AllowedDomains, when not nil, is the session's own embedding
	// allow-list (GenerateEmbedUrlFor*'s AllowedDomains), which replaces
	// its account's.
	AllowedDomains []string
	// AuthorizedDashboards, for an anonymous session (GenerateEmbedUrlForAnonymousUser,
	// GetDashboardEmbedUrl with IdentityType ANONYMOUS), lists the ids of
	// the only dashboards it may read; it is nil for a registered user's
	// session. An anonymous session has no user row: UserName and
	// PrincipalID are empty, Namespace is the one it virtually belongs to.
	AuthorizedDashboards []string
	// Tags are the session tags an anonymous session was minted with
	// (SessionTags), for row-level security; nil when none were given.
	Tags      map[string]string
	CreatedAt time.Time
	ExpiresAt time.Time
}

// Anonymous reports whether the session is an anonymous reader's.
func (s *Session) Anonymous() bool { return s.AuthorizedDashboards != nil }

// ExperienceEntryPrefix prefixes the EntryPoint of a session opened by a
// dashboard or visual experience URL (the SDK's embedDashboard and
// embedVisual frames).
const ExperienceEntryPrefix = "/embed"

// ExperienceOnly reports whether the session is a dashboard or visual
// experience's: it reaches that experience and what the SDK navigates to,
// never the console's start, data or authoring pages.
func (s *Session) ExperienceOnly() bool {
	return strings.HasPrefix(s.EntryPoint, ExperienceEntryPrefix+"/")
}

// AnonymousUserName is the user name in the ARN an anonymous embedding
// session answers as (GenerateEmbedUrlForAnonymousUser's AnonymousUserArn).
const AnonymousUserName = "QuickSightEmbeddingAnonymousUser"

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
