package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const dashboardViewColumns = `account_id, principal_id, dashboard_id, name, state, created_at, updated_at`

// PutDashboardView creates or replaces a view; CreatedAt stays.
func (s *Store) PutDashboardView(ctx context.Context, v *sg.DashboardView) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO dashboard_views (`+dashboardViewColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (account_id, principal_id, dashboard_id, name)
		DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
		v.AccountID, v.PrincipalID, v.DashboardID, v.Name, v.State, sqlkit.Millis(v.CreatedAt), sqlkit.Millis(v.UpdatedAt))
	if err != nil {
		return normalize("put dashboard view", err, sqlkit.Meaning{Missing: sqlkit.DashboardNotFound(v.AccountID, v.DashboardID)})
	}
	return nil
}

// CreateDashboardView returns EEXISTS or ENOTFOUND.
func (s *Store) CreateDashboardView(ctx context.Context, v *sg.DashboardView) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO dashboard_views (`+dashboardViewColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		v.AccountID, v.PrincipalID, v.DashboardID, v.Name, v.State, sqlkit.Millis(v.CreatedAt), sqlkit.Millis(v.UpdatedAt))
	if err != nil {
		return normalize("create dashboard view", err, sqlkit.Meaning{
			Unique:  sqlkit.DashboardViewExists(v.DashboardID, v.Name),
			Missing: sqlkit.DashboardNotFound(v.AccountID, v.DashboardID),
		})
	}
	return nil
}

// FindDashboardView returns ENOTFOUND.
func (s *Store) FindDashboardView(ctx context.Context, accountID, principalID, dashboardID, name string) (*sg.DashboardView, error) {
	v, err := scanDashboardView(s.pool.QueryRow(ctx, `SELECT `+dashboardViewColumns+` FROM dashboard_views
		WHERE account_id = $1 AND principal_id = $2 AND dashboard_id = $3 AND name = $4`, accountID, principalID, dashboardID, name))
	if err != nil {
		return nil, normalize("find dashboard view", err, sqlkit.Meaning{Missing: sqlkit.DashboardViewNotFound(dashboardID, name)})
	}
	return v, nil
}

// ListDashboardViews returns a user's views of a dashboard by name.
func (s *Store) ListDashboardViews(ctx context.Context, accountID, principalID, dashboardID string) ([]*sg.DashboardView, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+dashboardViewColumns+` FROM dashboard_views
		WHERE account_id = $1 AND principal_id = $2 AND dashboard_id = $3 ORDER BY name`, accountID, principalID, dashboardID)
	if err != nil {
		return nil, normalize("list dashboard views", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanDashboardView)
	if err != nil {
		return nil, normalize("list dashboard views", err, sqlkit.Meaning{})
	}
	return list, nil
}

// RenameDashboardView returns ENOTFOUND or EEXISTS.
func (s *Store) RenameDashboardView(ctx context.Context, accountID, principalID, dashboardID, from, to string, at time.Time) error {
	n, err := affected(s.pool.Exec(ctx, `UPDATE dashboard_views SET name = $1, updated_at = $2
		WHERE account_id = $3 AND principal_id = $4 AND dashboard_id = $5 AND name = $6`,
		to, sqlkit.Millis(at), accountID, principalID, dashboardID, from))
	if err != nil {
		return normalize("rename dashboard view", err, sqlkit.Meaning{Unique: sqlkit.DashboardViewExists(dashboardID, to)})
	}
	if n == 0 {
		return sqlkit.DashboardViewNotFound(dashboardID, from)
	}
	return nil
}

// DeleteDashboardView returns ENOTFOUND.
func (s *Store) DeleteDashboardView(ctx context.Context, accountID, principalID, dashboardID, name string) error {
	n, err := affected(s.pool.Exec(ctx, `DELETE FROM dashboard_views
		WHERE account_id = $1 AND principal_id = $2 AND dashboard_id = $3 AND name = $4`, accountID, principalID, dashboardID, name))
	if err != nil {
		return normalize("delete dashboard view", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.DashboardViewNotFound(dashboardID, name)
	}
	return nil
}

func scanDashboardView(row pgx.Row) (*sg.DashboardView, error) {
	var v sg.DashboardView
	var created, updated int64
	if err := row.Scan(&v.AccountID, &v.PrincipalID, &v.DashboardID, &v.Name, &v.State, &created, &updated); err != nil {
		return nil, err
	}
	v.CreatedAt, v.UpdatedAt = sqlkit.Time(created), sqlkit.Time(updated)
	return &v, nil
}
