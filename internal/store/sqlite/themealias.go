package sqlite

import (
	"context"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const themeAliasColumns = `account_id, theme_id, name, version_number`

// CreateThemeAlias returns EEXISTS.
func (s *Store) CreateThemeAlias(ctx context.Context, a *sg.ThemeAlias) error {
	_, err := s.ws.exec(ctx, `INSERT INTO theme_aliases (`+themeAliasColumns+`) VALUES (?, ?, ?, ?)`,
		a.AccountID, a.ThemeID, a.Name, a.VersionNumber)
	if err != nil {
		return normalize("create theme alias", err, sqlkit.Meaning{Unique: sqlkit.ThemeAliasExists(a.AccountID, a.ThemeID, a.Name)})
	}
	return nil
}

// UpdateThemeAlias returns ENOTFOUND.
func (s *Store) UpdateThemeAlias(ctx context.Context, a *sg.ThemeAlias) error {
	n, err := affected(s.ws.exec(ctx, `UPDATE theme_aliases SET version_number = ?
		WHERE account_id = ? AND theme_id = ? AND name = ?`, a.VersionNumber, a.AccountID, a.ThemeID, a.Name))
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
	a, err := scanThemeAlias(s.rs.queryRow(ctx, `SELECT `+themeAliasColumns+` FROM theme_aliases
		WHERE account_id = ? AND theme_id = ? AND name = ?`, accountID, themeID, name))
	if err != nil {
		return nil, normalize("find theme alias", err, sqlkit.Meaning{Missing: sqlkit.ThemeAliasNotFound(accountID, themeID, name)})
	}
	return a, nil
}

// ListThemeAliases returns the theme's aliases by name.
func (s *Store) ListThemeAliases(ctx context.Context, accountID, themeID string) ([]*sg.ThemeAlias, error) {
	rows, err := s.rs.query(ctx, `SELECT `+themeAliasColumns+` FROM theme_aliases
		WHERE account_id = ? AND theme_id = ? ORDER BY name`, accountID, themeID)
	if err != nil {
		return nil, normalize("list theme aliases", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanThemeAlias)
	return list, normalize("list theme aliases", err, sqlkit.Meaning{})
}

// DeleteThemeAlias returns ENOTFOUND.
func (s *Store) DeleteThemeAlias(ctx context.Context, accountID, themeID, name string) error {
	n, err := affected(s.ws.exec(ctx, `DELETE FROM theme_aliases WHERE account_id = ? AND theme_id = ? AND name = ?`, accountID, themeID, name))
	if err != nil {
		return normalize("delete theme alias", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.ThemeAliasNotFound(accountID, themeID, name)
	}
	return nil
}

func scanThemeAlias(row scanner) (*sg.ThemeAlias, error) {
	var a sg.ThemeAlias
	if err := row.Scan(&a.AccountID, &a.ThemeID, &a.Name, &a.VersionNumber); err != nil {
		return nil, err
	}
	return &a, nil
}
