package postgres

import (
	"context"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// SetUserPassword stores the password of the user with that principal id,
// or returns ENOTFOUND.
func (s *Store) SetUserPassword(ctx context.Context, p *sg.UserPassword) error {
	n, err := affected(s.pool.Exec(ctx, `INSERT INTO user_passwords (account_id, namespace, user_name, principal_id, hash, updated_at)
		SELECT account_id, namespace, user_name, principal_id, $1::text, $2::bigint FROM users
		WHERE account_id = $3 AND namespace = $4 AND user_name = $5 AND principal_id = $6
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
	err := s.pool.QueryRow(ctx, `SELECT principal_id, hash, updated_at FROM user_passwords
		WHERE account_id = $1 AND namespace = $2 AND user_name = $3`, accountID, namespace, userName).Scan(&p.PrincipalID, &p.Hash, &updated)
	if err != nil {
		return nil, normalize("find user password", err, sqlkit.Meaning{Missing: sqlkit.PasswordNotFound(accountID, namespace, userName)})
	}
	p.UpdatedAt = sqlkit.Time(updated)
	return p, nil
}
