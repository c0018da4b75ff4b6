package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const userColumns = `account_id, namespace, user_name, email, role, identity_type, active,
	principal_id, iam_arn, session_name, custom_permissions_name,
	external_login_federation_provider_type, external_login_federation_provider_url,
	external_login_id, tags, created_at, updated_at`

// CreateUser returns EEXISTS if (account, namespace, user name) or
// (account, principal id) exists.
func (s *Store) CreateUser(ctx context.Context, u *sg.User) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO users (`+userColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
		u.AccountID, u.Namespace, u.UserName, u.Email, u.Role, u.IdentityType, u.Active,
		u.PrincipalID, u.IAMArn, u.SessionName, u.CustomPermissionsName,
		u.ExternalLoginFederationProviderType, u.ExternalLoginFederationProviderURL,
		u.ExternalLoginID, sqlkit.JSON(u.Tags), sqlkit.Millis(u.CreatedAt), sqlkit.Millis(u.UpdatedAt))
	if err != nil {
		return normalize("create user", err, sqlkit.Meaning{Unique: sqlkit.UserExists(u.AccountID, u.Namespace, u.UserName)})
	}
	return nil
}

// FindUser returns ENOTFOUND.
func (s *Store) FindUser(ctx context.Context, accountID, namespace, userName string) (*sg.User, error) {
	u, err := scanUser(s.pool.QueryRow(ctx, findUserSQL, accountID, namespace, userName))
	if err != nil {
		return nil, normalize("find user", err, sqlkit.Meaning{Missing: sqlkit.UserNotFound(accountID, namespace, userName)})
	}
	return u, nil
}

const findUserSQL = `SELECT ` + userColumns + ` FROM users
		WHERE account_id = $1 AND namespace = $2 AND user_name = $3`

// FindUserByPrincipalID returns ENOTFOUND.
func (s *Store) FindUserByPrincipalID(ctx context.Context, accountID, namespace, principalID string) (*sg.User, error) {
	u, err := scanUser(s.pool.QueryRow(ctx, `SELECT `+userColumns+` FROM users
		WHERE account_id = $1 AND principal_id = $2 AND namespace = $3`, accountID, principalID, namespace))
	if err != nil {
		return nil, normalize("find user by principal id", err, sqlkit.Meaning{Missing: sqlkit.UserPrincipalNotFound(accountID, namespace, principalID)})
	}
	return u, nil
}

// UpdateUser replaces every field but the key fields, PrincipalID and
// CreatedAt. Returns ENOTFOUND.
func (s *Store) UpdateUser(ctx context.Context, u *sg.User) error {
	n, err := affected(s.pool.Exec(ctx, `UPDATE users SET email = $1, role = $2, identity_type = $3,
		active = $4, iam_arn = $5, session_name = $6, custom_permissions_name = $7,
		external_login_federation_provider_type = $8, external_login_federation_provider_url = $9,
		external_login_id = $10, tags = $11, updated_at = $12
		WHERE account_id = $13 AND namespace = $14 AND user_name = $15`,
		u.Email, u.Role, u.IdentityType, u.Active, u.IAMArn, u.SessionName,
		u.CustomPermissionsName, u.ExternalLoginFederationProviderType,
		u.ExternalLoginFederationProviderURL, u.ExternalLoginID, sqlkit.JSON(u.Tags),
		sqlkit.Millis(u.UpdatedAt), u.AccountID, u.Namespace, u.UserName))
	if err != nil {
		return normalize("update user", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.UserNotFound(u.AccountID, u.Namespace, u.UserName)
	}
	return nil
}

// DeleteUser returns ENOTFOUND.
func (s *Store) DeleteUser(ctx context.Context, accountID, namespace, userName string) error {
	n, err := affected(s.pool.Exec(ctx, `DELETE FROM users
		WHERE account_id = $1 AND namespace = $2 AND user_name = $3`, accountID, namespace, userName))
	if err != nil {
		return normalize("delete user", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.UserNotFound(accountID, namespace, userName)
	}
	return nil
}

// ListUsers returns users ordered by user name in byte order, after
// p.After, at most p.Limit (all if p.Limit ≤ 0), and whether more follow.
func (s *Store) ListUsers(ctx context.Context, accountID, namespace string, p sg.Page) ([]*sg.User, bool, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+userColumns+` FROM users
		WHERE account_id = $1 AND namespace = $2 AND user_name > $3
		ORDER BY user_name LIMIT $4`, accountID, namespace, p.After, limit(p))
	if err != nil {
		return nil, false, normalize("list users", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanUser)
	if err != nil {
		return nil, false, normalize("list users", err, sqlkit.Meaning{})
	}
	list, more := sqlkit.Trim(list, p)
	return list, more, nil
}

// CountUsersWithCustomPermissions counts users of the account, in any
// namespace, that have the named custom permissions profile.
func (s *Store) CountUsersWithCustomPermissions(ctx context.Context, accountID, name string) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM users
		WHERE account_id = $1 AND custom_permissions_name = $2`, accountID, name).Scan(&n)
	if err != nil {
		return 0, normalize("count users with custom permissions", err, sqlkit.Meaning{})
	}
	return n, nil
}

func scanUser(row pgx.Row) (*sg.User, error) {
	var u sg.User
	var tags string
	var created, updated int64
	if err := row.Scan(&u.AccountID, &u.Namespace, &u.UserName, &u.Email, &u.Role, &u.IdentityType,
		&u.Active, &u.PrincipalID, &u.IAMArn, &u.SessionName, &u.CustomPermissionsName,
		&u.ExternalLoginFederationProviderType, &u.ExternalLoginFederationProviderURL,
		&u.ExternalLoginID, &tags, &created, &updated); err != nil {
		return nil, err
	}
	var err error
	if u.Tags, err = sqlkit.Decode[[]sg.Tag](tags); err != nil {
		return nil, err
	}
	u.CreatedAt, u.UpdatedAt = sqlkit.Time(created), sqlkit.Time(updated)
	return &u, nil
}
