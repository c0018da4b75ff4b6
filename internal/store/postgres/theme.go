package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const (
	themeColumns        = `account_id, id, name, permissions, tags, version_number, created_at, updated_at`
	themeVersionColumns = `account_id, theme_id, version_number, base_theme_id, description, configuration, created_at`
	insertThemeVersion  = `INSERT INTO theme_versions (` + themeVersionColumns + `) VALUES ($1, $2, $3, $4, $5, $6, $7)`
)

func themeVersionArgs(v *sg.ThemeVersion) []any {
	return []any{v.AccountID, v.ThemeID, v.VersionNumber, v.BaseThemeID, v.Description,
		sqlkit.NullRaw(v.Configuration), sqlkit.Millis(v.CreatedAt)}
}

// CreateTheme stores the theme and its first version. Returns EEXISTS.
func (s *Store) CreateTheme(ctx context.Context, t *sg.Theme, v *sg.ThemeVersion) error {
	t.VersionNumber, v.VersionNumber = 1, 1
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO themes (`+themeColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			t.AccountID, t.ID, t.Name, sqlkit.JSON(t.Permissions), sqlkit.JSON(t.Tags),
			t.VersionNumber, sqlkit.Millis(t.CreatedAt), sqlkit.Millis(t.UpdatedAt)); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, insertThemeVersion, themeVersionArgs(v)...)
		return err
	})
	return normalize("create theme", err, sqlkit.Meaning{Unique: sqlkit.ThemeExists(t.AccountID, t.ID)})
}

// FindTheme returns ENOTFOUND.
func (s *Store) FindTheme(ctx context.Context, accountID, id string) (*sg.Theme, error) {
	t, err := scanTheme(s.pool.QueryRow(ctx, `SELECT `+themeColumns+` FROM themes
		WHERE account_id = $1 AND id = $2`, accountID, id))
	if err != nil {
		return nil, normalize("find theme", err, sqlkit.Meaning{Missing: sqlkit.ThemeNotFound(accountID, id)})
	}
	return t, nil
}

// UpdateTheme replaces the name and permissions and, with v, adds v as
// the latest version, in one transaction. Returns ENOTFOUND.
func (s *Store) UpdateTheme(ctx context.Context, t *sg.Theme, v *sg.ThemeVersion) error {
	bump := 0
	if v != nil {
		bump = 1
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var n int64
		if err := tx.QueryRow(ctx, `UPDATE themes SET name = $1, permissions = $2, updated_at = $3,
			version_number = version_number + $4 WHERE account_id = $5 AND id = $6 RETURNING version_number`,
			t.Name, sqlkit.JSON(t.Permissions), sqlkit.Millis(t.UpdatedAt), bump, t.AccountID, t.ID).Scan(&n); err != nil {
			return err
		}
		t.VersionNumber = n
		if v == nil {
			return nil
		}
		v.VersionNumber = n
		_, err := tx.Exec(ctx, insertThemeVersion, themeVersionArgs(v)...)
		return err
	})
	return normalize("update theme", err, sqlkit.Meaning{Missing: sqlkit.ThemeNotFound(t.AccountID, t.ID)})
}

// DeleteTheme deletes the theme; a trigger deletes its versions and tags.
// Returns ENOTFOUND.
func (s *Store) DeleteTheme(ctx context.Context, accountID, id string) error {
	n, err := affected(s.pool.Exec(ctx, `DELETE FROM themes WHERE account_id = $1 AND id = $2`, accountID, id))
	if err != nil {
		return normalize("delete theme", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.ThemeNotFound(accountID, id)
	}
	return nil
}

// ListThemes returns themes ordered by id in byte order, after p.After,
// at most p.Limit (all if p.Limit ≤ 0), and whether more follow.
func (s *Store) ListThemes(ctx context.Context, accountID string, p sg.Page) ([]*sg.Theme, bool, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+themeColumns+` FROM themes
		WHERE account_id = $1 AND id > $2 ORDER BY id LIMIT $3`, accountID, p.After, limit(p))
	if err != nil {
		return nil, false, normalize("list themes", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanTheme)
	if err != nil {
		return nil, false, normalize("list themes", err, sqlkit.Meaning{})
	}
	list, more := sqlkit.Trim(list, p)
	return list, more, nil
}

// FindThemeVersion returns ENOTFOUND.
func (s *Store) FindThemeVersion(ctx context.Context, accountID, id string, version int64) (*sg.ThemeVersion, error) {
	v, err := scanThemeVersion(s.pool.QueryRow(ctx, `SELECT `+themeVersionColumns+` FROM theme_versions
		WHERE account_id = $1 AND theme_id = $2 AND version_number = $3`, accountID, id, version))
	if err != nil {
		return nil, normalize("find theme version", err, sqlkit.Meaning{Missing: sqlkit.ThemeVersionNotFound(accountID, id, version)})
	}
	return v, nil
}

// ListThemeVersions returns the theme's versions by number after after,
// at most max (all if max ≤ 0), and whether more follow. Returns
// ENOTFOUND if the theme does not exist.
func (s *Store) ListThemeVersions(ctx context.Context, accountID, id string, after int64, max int) ([]*sg.ThemeVersion, bool, error) {
	if _, err := s.FindTheme(ctx, accountID, id); err != nil {
		return nil, false, err
	}
	p := sg.Page{Limit: max}
	rows, err := s.pool.Query(ctx, `SELECT `+themeVersionColumns+` FROM theme_versions
		WHERE account_id = $1 AND theme_id = $2 AND version_number > $3
		ORDER BY version_number LIMIT $4`, accountID, id, after, limit(p))
	if err != nil {
		return nil, false, normalize("list theme versions", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanThemeVersion)
	if err != nil {
		return nil, false, normalize("list theme versions", err, sqlkit.Meaning{})
	}
	list, more := sqlkit.Trim(list, p)
	return list, more, nil
}

func scanTheme(row pgx.Row) (*sg.Theme, error) {
	var t sg.Theme
	var perms, tags string
	var created, updated int64
	if err := row.Scan(&t.AccountID, &t.ID, &t.Name, &perms, &tags, &t.VersionNumber, &created, &updated); err != nil {
		return nil, err
	}
	var err error
	if t.Permissions, err = sqlkit.Decode[[]sg.ResourcePermission](perms); err != nil {
		return nil, err
	}
	if t.Tags, err = sqlkit.Decode[[]sg.Tag](tags); err != nil {
		return nil, err
	}
	t.CreatedAt, t.UpdatedAt = sqlkit.Time(created), sqlkit.Time(updated)
	return &t, nil
}

func scanThemeVersion(row pgx.Row) (*sg.ThemeVersion, error) {
	var v sg.ThemeVersion
	var conf *string
	var created int64
	if err := row.Scan(&v.AccountID, &v.ThemeID, &v.VersionNumber, &v.BaseThemeID, &v.Description, &conf, &created); err != nil {
		return nil, err
	}
	v.Configuration = sqlkit.Raw(conf)
	v.CreatedAt = sqlkit.Time(created)
	return &v, nil
}
