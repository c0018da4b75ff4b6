package sqlite

import (
	"context"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// SetUserPassword stores the password of the user with that principal id,
// or returns ENOTFOUND.
func (s *Store) SetUserPassword(ctx context.Context, p *sg.UserPassword) error {
	n, err := affected(s.ws.exec(ctx, `INSERT INTO user_passwords (account_id, namespace, user_name, principal_id, hash, updated_at)
		SELECT account_id, namespace, user_name, principal_id, ?, ? FROM users
		WHERE account_id = ? AND namespace = ? AND user_name = ? AND principal_id = ?
		ON CONFLICT (account_id, namespace, user_name) DO UPDATE SET
			principal_id = excluded.principal_id, hash = excluded.hash, updated_at = excluded.updated_at`,
		p.Hash, sqlkit.Millis(p.UpdatedAt), p.AccountID, p.Namespace, p.UserName, p.PrincipalID))
	if err == nil && n == 0 {
		return sqlkit.PasswordNotFound(p.AccountID, p.Namespace, p.UserName)
	}
	return normalize("set user password", err, sqlkit.Meaning{})
}

// FindUserPassword returns ENOTFOUND.
func (s *Store) FindUserPassword(ctx context.Context, accountID, namespace, userName string) (*sg.UserPassword, error) {
	p := &sg.UserPassword{AccountID: accountID, Namespace: namespace, UserName: userName}
	var updated int64
	err := s.rs.queryRow(ctx, `SELECT principal_id, hash, updated_at FROM user_passwords
		WHERE account_id = ? AND namespace = ? AND user_name = ?`, accountID, namespace, userName).Scan(&p.PrincipalID, &p.Hash, &updated)
	if err != nil {
		return nil, normalize("find user password", err, sqlkit.Meaning{Missing: sqlkit.PasswordNotFound(accountID, namespace, userName)})
	}
	p.UpdatedAt = sqlkit.Time(updated)
	return p, nil
}
