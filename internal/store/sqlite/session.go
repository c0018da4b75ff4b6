package sqlite

import (
	"context"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const sessionColumns = `id, account_id, namespace, user_name, principal_id, role, embed_id,
	entry_point, created_at, expires_at, allowed_domains, authorized_dashboards, tags`

// CreateSession returns EEXISTS if the id is taken.
func (s *Store) CreateSession(ctx context.Context, x *sg.Session) error {
	_, err := s.ws.exec(ctx, `INSERT INTO sessions (`+sessionColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		x.ID, x.AccountID, x.Namespace, x.UserName, x.PrincipalID, x.Role, x.EmbedID,
		x.EntryPoint, sqlkit.Millis(x.CreatedAt), sqlkit.Millis(x.ExpiresAt), sqlkit.JSON(x.AllowedDomains),
		sqlkit.JSON(x.AuthorizedDashboards), sqlkit.JSON(x.Tags))
	if err != nil {
		return normalize("create session", err, sqlkit.Meaning{Unique: sqlkit.SessionExists()})
	}
	return nil
}

// FindSession returns the session, expired or not, or ENOTFOUND.
func (s *Store) FindSession(ctx context.Context, id string) (*sg.Session, error) {
	x, err := scanSession(s.rs.queryRow(ctx, `SELECT `+sessionColumns+` FROM sessions WHERE id = ?`, id))
	if err != nil {
		return nil, normalize("find session", err, sqlkit.Meaning{Missing: sqlkit.SessionNotFound()})
	}
	return x, nil
}

// DeleteSession returns ENOTFOUND.
func (s *Store) DeleteSession(ctx context.Context, id string) error {
	n, err := affected(s.ws.exec(ctx, `DELETE FROM sessions WHERE id = ?`, id))
	if err != nil {
		return normalize("delete session", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.SessionNotFound()
	}
	return nil
}

// DeleteUserSessions deletes every session of a user and returns how many
// it deleted.
func (s *Store) DeleteUserSessions(ctx context.Context, accountID, namespace, userName string) (int64, error) {
	n, err := affected(s.ws.exec(ctx, `DELETE FROM sessions
		WHERE account_id = ? AND namespace = ? AND user_name = ?`, accountID, namespace, userName))
	if err != nil {
		return 0, normalize("delete user sessions", err, sqlkit.Meaning{})
	}
	return n, nil
}

// PurgeSessions deletes sessions that expired at or before now and returns
// how many it deleted.
func (s *Store) PurgeSessions(ctx context.Context, now time.Time) (int64, error) {
	n, err := affected(s.ws.exec(ctx, `DELETE FROM sessions WHERE expires_at <= ?`, sqlkit.Millis(now)))
	if err != nil {
		return 0, normalize("purge sessions", err, sqlkit.Meaning{})
	}
	return n, nil
}

// CountSessions returns how many sessions expire after now.
func (s *Store) CountSessions(ctx context.Context, now time.Time) (int64, error) {
	var n int64
	if err := s.rs.queryRow(ctx, `SELECT count(*) FROM sessions WHERE expires_at > ?`, sqlkit.Millis(now)).Scan(&n); err != nil {
		return 0, normalize("count sessions", err, sqlkit.Meaning{})
	}
	return n, nil
}

func scanSession(row scanner) (*sg.Session, error) {
	var x sg.Session
	var created, expires int64
	var domains, dashboards, tags string
	if err := row.Scan(&x.ID, &x.AccountID, &x.Namespace, &x.UserName, &x.PrincipalID, &x.Role,
		&x.EmbedID, &x.EntryPoint, &created, &expires, &domains, &dashboards, &tags); err != nil {
		return nil, err
	}
	var err error
	if x.AllowedDomains, err = sqlkit.Decode[[]string](domains); err != nil {
		return nil, err
	}
	if x.AuthorizedDashboards, err = sqlkit.Decode[[]string](dashboards); err != nil {
		return nil, err
	}
	if x.Tags, err = sqlkit.Decode[map[string]string](tags); err != nil {
		return nil, err
	}
	x.CreatedAt, x.ExpiresAt = sqlkit.Time(created), sqlkit.Time(expires)
	return &x, nil
}
