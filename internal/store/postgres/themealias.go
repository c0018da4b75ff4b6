package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const themeAliasColumns = `account_id, theme_id, name, version_number`

// CreateThemeAlias returns EEXISTS.
func (s *Store) CreateThemeAlias(ctx context.Context, a *sg.ThemeAlias) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO theme_aliases (`+themeAliasColumns+`) VALUES ($1, $2, $3, $4)`,
		a.AccountID, a.ThemeID, a.Name, a.VersionNumber)
	if err != nil {
		return normalize("create theme alias", err, sqlkit.Meaning{Unique: sqlkit.ThemeAliasExists(a.AccountID, a.ThemeID, a.Name)})
	}
	return nil
}

// UpdateThemeAlias returns ENOTFOUND.
func (s *Store) UpdateThemeAlias(ctx context.Context, a *sg.ThemeAlias) error {
	n, err := affected(s.pool.Exec(ctx, `UPDATE theme_aliases SET version_number = $1
		WHERE account_id = $2 AND theme_id = $3 AND name = $4`, a.VersionNumber, a.AccountID, a.ThemeID, a.Name))
	if err != nil {
		return normalize("update theme alias", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.ThemeAliasNotFound(a.AccountID, a.ThemeID, a.Name)
	}
	return nil
}

// FindThemeAlias returns ENOTFOUND.
func (s *Store) FindThemeAlias(ctx context.Context, accountID, themeID, name string) (*sg.ThemeAlias, error) {
	a, err := scanThemeAlias(s.pool.QueryRow(ctx, `SELECT `+themeAliasColumns+` FROM theme_aliases
		WHERE account_id = $1 AND theme_id = $2 AND name = $3`, accountID, themeID, name))
	if err != nil {
		return nil, normalize("find theme alias", err, sqlkit.Meaning{Missing: sqlkit.ThemeAliasNotFound(accountID, themeID, name)})
	}
	return a, nil
}

// ListThemeAliases returns the theme's aliases by name.
func (s *Store) ListThemeAliases(ctx context.Context, accountID, themeID string) ([]*sg.ThemeAlias, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+themeAliasColumns+` FROM theme_aliases
		WHERE account_id = $1 AND theme_id = $2 ORDER BY name`, accountID, themeID)
	if err != nil {
		return nil, normalize("list theme aliases", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanThemeAlias)
	return list, normalize("list theme aliases", err, sqlkit.Meaning{})
}

// DeleteThemeAlias returns ENOTFOUND.
func (s *Store) DeleteThemeAlias(ctx context.Context, accountID, themeID, name string) error {
	n, err := affected(s.pool.Exec(ctx, `DELETE FROM theme_aliases WHERE account_id = $1 AND theme_id = $2 AND name = $3`, accountID, themeID, name))
	if err != nil {
		return normalize("delete theme alias", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.ThemeAliasNotFound(accountID, themeID, name)
	}
	return nil
}

func scanThemeAlias(row pgx.Row) (*sg.ThemeAlias, error) {
	var a sg.ThemeAlias
	if err := row.Scan(&a.AccountID, &a.ThemeID, &a.Name, &a.VersionNumber); err != nil {
		return nil, err
	}
	return &a, nil
}
