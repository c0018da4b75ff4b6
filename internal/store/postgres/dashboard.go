package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const dashboardColumns = `account_id, id, name, permissions, tags, link_entities, latest_version,
	published_version, last_published_at, revision, created_at, updated_at`

// CreateDashboard creates a dashboard and its first versions in one
// transaction. Returns EEXISTS.
func (s *Store) CreateDashboard(ctx context.Context, d *sg.Dashboard, versions ...*sg.DashboardVersion) error {
	d.LatestVersion = int64(len(versions))
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO dashboards (`+dashboardColumns+`)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, d.AccountID, d.ID, d.Name, sqlkit.JSON(d.Permissions),
			sqlkit.JSON(d.Tags), sqlkit.JSON(d.LinkEntities), d.LatestVersion, d.PublishedVersion,
			sqlkit.NullMillis(d.LastPublishedAt), d.Revision, sqlkit.Millis(d.CreatedAt), sqlkit.Millis(d.UpdatedAt))
		if err != nil {
			return err
		}
		for i, v := range versions {
			v.AccountID, v.DashboardID, v.Number = d.AccountID, d.ID, int64(i+1)
			if _, err := tx.Exec(ctx, insertDashboardVersion, versionArgs(v)...); err != nil {
				return err
			}
		}
		return nil
	})
	return normalize("create dashboard", err, sqlkit.Meaning{Unique: sqlkit.DashboardExists(d.AccountID, d.ID)})
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

// DashboardExists reports whether the dashboard exists, reading its key
// alone.
func (s *Store) DashboardExists(ctx context.Context, accountID, id string) (bool, error) {
	var one int
	err := s.pool.QueryRow(ctx, `SELECT 1 FROM dashboards WHERE account_id = $1 AND id = $2`, accountID, id).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	} else if err != nil {
		return false, normalize("dashboard exists", err, sqlkit.Meaning{})
	}
	return true, nil
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

// UpdateDashboard replaces the dashboard's record if its revision is still
// revision. Returns ENOTFOUND or ECONFLICT.
func (s *Store) UpdateDashboard(ctx context.Context, d *sg.Dashboard, revision int64) error {
	n, err := affected(s.pool.Exec(ctx, `UPDATE dashboards SET name = $1, permissions = $2, tags = $3,
		link_entities = $4, published_version = $5, last_published_at = $6, revision = $7, updated_at = $8
		WHERE account_id = $9 AND id = $10 AND revision = $11`,
		d.Name, sqlkit.JSON(d.Permissions), sqlkit.JSON(d.Tags), sqlkit.JSON(d.LinkEntities),
		d.PublishedVersion, sqlkit.NullMillis(d.LastPublishedAt), d.Revision, sqlkit.Millis(d.UpdatedAt),
		d.AccountID, d.ID, revision))
	if err != nil {
		return normalize("update dashboard", err, sqlkit.Meaning{})
	}
	if n == 1 {
		return nil
	}
	var latest int64
	err = s.pool.QueryRow(ctx, `SELECT latest_version FROM dashboards WHERE account_id = $1 AND id = $2`, d.AccountID, d.ID).Scan(&latest)
	if err == nil {
		return sqlkit.DashboardChanged(d.AccountID, d.ID)
	}
	return normalize("update dashboard", err, sqlkit.Meaning{Missing: sqlkit.DashboardNotFound(d.AccountID, d.ID)})
}

// DeleteDashboard deletes a dashboard, its versions (by cascade) and its
// favorites in one transaction. Returns ENOTFOUND.
func (s *Store) DeleteDashboard(ctx context.Context, accountID, id string) error {
	err := s.deleteContent(ctx, `DELETE FROM dashboards WHERE account_id = $1 AND id = $2`,
		accountID, sg.FavoriteDashboard, id)
	return normalize("delete dashboard", err, sqlkit.Meaning{Missing: sqlkit.DashboardNotFound(accountID, id)})
}

func scanDashboard(row pgx.Row) (*sg.Dashboard, error) {
	var d sg.Dashboard
	var perms, tags, links string
	var published *int64
	var created, updated int64
	if err := row.Scan(&d.AccountID, &d.ID, &d.Name, &perms, &tags, &links, &d.LatestVersion,
		&d.PublishedVersion, &published, &d.Revision, &created, &updated); err != nil {
		return nil, err
	}
	var err error
	if d.Permissions, err = sqlkit.Decode[[]sg.ResourcePermission](perms); err != nil {
		return nil, err
	}
	if d.Tags, err = sqlkit.Decode[[]sg.Tag](tags); err != nil {
		return nil, err
	}
	if d.LinkEntities, err = sqlkit.Decode[[]string](links); err != nil {
		return nil, err
	}
	d.LastPublishedAt = sqlkit.NullTime(published)
	d.CreatedAt, d.UpdatedAt = sqlkit.Time(created), sqlkit.Time(updated)
	return &d, nil
}
