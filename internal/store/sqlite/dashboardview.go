package sqlite

import (
	"context"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const dashboardViewColumns = `account_id, principal_id, dashboard_id, name, state, created_at, updated_at`

// PutDashboardView creates or replaces a view; CreatedAt stays.
func (s *Store) PutDashboardView(ctx context.Context, v *sg.DashboardView) error {
	_, err := s.ws.exec(ctx, `INSERT INTO dashboard_views (`+dashboardViewColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?)
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
	_, err := s.ws.exec(ctx, `INSERT INTO dashboard_views (`+dashboardViewColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?)`,
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
	v, err := scanDashboardView(s.rs.queryRow(ctx, `SELECT `+dashboardViewColumns+` FROM dashboard_views
		WHERE account_id = ? AND principal_id = ? AND dashboard_id = ? AND name = ?`, accountID, principalID, dashboardID, name))
	if err != nil {
		return nil, normalize("find dashboard view", err, sqlkit.Meaning{Missing: sqlkit.DashboardViewNotFound(dashboardID, name)})
	}
	return v, nil
}

// ListDashboardViews returns a user's views of a dashboard by name.
func (s *Store) ListDashboardViews(ctx context.Context, accountID, principalID, dashboardID string) ([]*sg.DashboardView, error) {
	rows, err := s.rs.query(ctx, `SELECT `+dashboardViewColumns+` FROM dashboard_views
		WHERE account_id = ? AND principal_id = ? AND dashboard_id = ? ORDER BY name`, accountID, principalID, dashboardID)
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
	n, err := affected(s.ws.exec(ctx, `UPDATE dashboard_views SET name = ?, updated_at = ?
		WHERE account_id = ? AND principal_id = ? AND dashboard_id = ? AND name = ?`,
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
	n, err := affected(s.ws.exec(ctx, `DELETE FROM dashboard_views
		WHERE account_id = ? AND principal_id = ? AND dashboard_id = ? AND name = ?`, accountID, principalID, dashboardID, name))
	if err != nil {
		return normalize("delete dashboard view", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.DashboardViewNotFound(dashboardID, name)
	}
	return nil
}

func scanDashboardView(row scanner) (*sg.DashboardView, error) {
	var v sg.DashboardView
	var created, updated int64
	if err := row.Scan(&v.AccountID, &v.PrincipalID, &v.DashboardID, &v.Name, &v.State, &created, &updated); err != nil {
		return nil, err
	}
	v.CreatedAt, v.UpdatedAt = sqlkit.Time(created), sqlkit.Time(updated)
	return &v, nil
}
