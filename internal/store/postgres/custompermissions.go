package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const customPermissionsColumns = `account_id, name, capabilities, tags, created_at, updated_at`

// CreateCustomPermissions returns EEXISTS.
func (s *Store) CreateCustomPermissions(ctx context.Context, c *sg.CustomPermissions) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO custom_permissions (`+customPermissionsColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6)`,
		c.AccountID, c.Name, sqlkit.JSON(c.Capabilities), sqlkit.JSON(c.Tags),
		sqlkit.Millis(c.CreatedAt), sqlkit.Millis(c.UpdatedAt))
	if err != nil {
		return normalize("create custom permissions", err, sqlkit.Meaning{Unique: sqlkit.CustomPermissionsExists(c.AccountID, c.Name)})
	}
	return nil
}

// FindCustomPermissions returns ENOTFOUND.
func (s *Store) FindCustomPermissions(ctx context.Context, accountID, name string) (*sg.CustomPermissions, error) {
	c, err := scanCustomPermissions(s.pool.QueryRow(ctx, `SELECT `+customPermissionsColumns+`
		FROM custom_permissions WHERE account_id = $1 AND name = $2`, accountID, name))
	if err != nil {
		return nil, normalize("find custom permissions", err, sqlkit.Meaning{Missing: sqlkit.CustomPermissionsNotFound(accountID, name)})
	}
	return c, nil
}

// UpdateCustomPermissions replaces Capabilities and UpdatedAt; Tags and
// CreatedAt stay. Returns ENOTFOUND.
func (s *Store) UpdateCustomPermissions(ctx context.Context, c *sg.CustomPermissions) error {
	n, err := affected(s.pool.Exec(ctx, `UPDATE custom_permissions SET capabilities = $1, updated_at = $2
		WHERE account_id = $3 AND name = $4`,
		sqlkit.JSON(c.Capabilities), sqlkit.Millis(c.UpdatedAt), c.AccountID, c.Name))
	if err != nil {
		return normalize("update custom permissions", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.CustomPermissionsNotFound(c.AccountID, c.Name)
	}
	return nil
}

// DeleteCustomPermissions returns ENOTFOUND. Users that name the profile
// keep the name; internal/app refuses to delete a profile in use.
func (s *Store) DeleteCustomPermissions(ctx context.Context, accountID, name string) error {
	n, err := affected(s.pool.Exec(ctx, `DELETE FROM custom_permissions
		WHERE account_id = $1 AND name = $2`, accountID, name))
	if err != nil {
		return normalize("delete custom permissions", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.CustomPermissionsNotFound(accountID, name)
	}
	return nil
}

// ListCustomPermissions returns profiles ordered by name in byte order,
// after p.After, at most p.Limit (all if p.Limit ≤ 0), and whether more
// follow.
func (s *Store) ListCustomPermissions(ctx context.Context, accountID string, p sg.Page) ([]*sg.CustomPermissions, bool, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+customPermissionsColumns+` FROM custom_permissions
		WHERE account_id = $1 AND name > $2
		ORDER BY name LIMIT $3`, accountID, p.After, limit(p))
	if err != nil {
		return nil, false, normalize("list custom permissions", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanCustomPermissions)
	if err != nil {
		return nil, false, normalize("list custom permissions", err, sqlkit.Meaning{})
	}
	list, more := sqlkit.Trim(list, p)
	return list, more, nil
}

func scanCustomPermissions(row pgx.Row) (*sg.CustomPermissions, error) {
	var c sg.CustomPermissions
	var caps, tags string
	var created, updated int64
	if err := row.Scan(&c.AccountID, &c.Name, &caps, &tags, &created, &updated); err != nil {
		return nil, err
	}
	var err error
	if c.Capabilities, err = sqlkit.Decode[map[string]string](caps); err != nil {
		return nil, err
	}
	if c.Tags, err = sqlkit.Decode[[]sg.Tag](tags); err != nil {
		return nil, err
	}
	c.CreatedAt, c.UpdatedAt = sqlkit.Time(created), sqlkit.Time(updated)
	return &c, nil
}
