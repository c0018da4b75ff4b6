package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const dashboardColumns = `account_id, id, name, permissions, created_at, updated_at`

// CreateDashboard returns EEXISTS.
func (s *Store) CreateDashboard(ctx context.Context, d *sg.Dashboard) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO dashboards (`+dashboardColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6)`,
		d.AccountID, d.ID, d.Name, sqlkit.JSON(d.Permissions),
		sqlkit.Millis(d.CreatedAt), sqlkit.Millis(d.UpdatedAt))
	if err != nil {
		return normalize("create dashboard", err, sqlkit.Meaning{Unique: sqlkit.DashboardExists(d.AccountID, d.ID)})
	}
	return nil
}

// FindDashboard returns ENOTFOUND.
func (s *Store) FindDashboard(ctx context.Context, accountID, id string) (*sg.Dashboard, error) {
	d, err := scanDashboard(s.pool.QueryRow(ctx, `SELECT `+dashboardColumns+`
		FROM dashboards WHERE account_id = $1 AND id = $2`, accountID, id))
	if err != nil {
		return nil, normalize("find dashboard", err, sqlkit.Meaning{Missing: sqlkit.DashboardNotFound(accountID, id)})
	}
	return d, nil
}

// ListDashboards returns dashboards ordered by id in byte order, after
// p.After, at most p.Limit (all if p.Limit ≤ 0), and whether more follow.
func (s *Store) ListDashboards(ctx context.Context, accountID string, p sg.Page) ([]*sg.Dashboard, bool, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+dashboardColumns+` FROM dashboards
		WHERE account_id = $1 AND id > $2
		ORDER BY id LIMIT $3`, accountID, p.After, limit(p))
	if err != nil {
		return nil, false, normalize("list dashboards", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanDashboard)
	if err != nil {
		return nil, false, normalize("list dashboards", err, sqlkit.Meaning{})
	}
	list, more := sqlkit.Trim(list, p)
	return list, more, nil
}

// DeleteDashboard deletes a dashboard and its favorites in one
// transaction. Returns ENOTFOUND.
func (s *Store) DeleteDashboard(ctx context.Context, accountID, id string) error {
	err := s.deleteContent(ctx, `DELETE FROM dashboards WHERE account_id = $1 AND id = $2`,
		accountID, sg.FavoriteDashboard, id)
	return normalize("delete dashboard", err, sqlkit.Meaning{Missing: sqlkit.DashboardNotFound(accountID, id)})
}

func scanDashboard(row pgx.Row) (*sg.Dashboard, error) {
	var d sg.Dashboard
	var perms string
	var created, updated int64
	if err := row.Scan(&d.AccountID, &d.ID, &d.Name, &perms, &created, &updated); err != nil {
		return nil, err
	}
	var err error
	if d.Permissions, err = sqlkit.Decode[[]sg.ResourcePermission](perms); err != nil {
		return nil, err
	}
	d.CreatedAt, d.UpdatedAt = sqlkit.Time(created), sqlkit.Time(updated)
	return &d, nil
}
