package sqlite

import (
	"context"
	"database/sql"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const (
	versionSummaryColumns = `account_id, dashboard_id, number, status, errors, description,
	source_entity_arn, theme_arn, publish_options, created_at`
	versionColumns         = versionSummaryColumns + `, definition`
	insertDashboardVersion = `INSERT INTO dashboard_versions (` + versionColumns + `)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
)

func versionArgs(v *sg.DashboardVersion) []any {
	return []any{v.AccountID, v.DashboardID, v.Number, v.Status, sqlkit.JSON(v.Errors), v.Description,
		v.SourceEntityARN, v.ThemeARN, sqlkit.NullRaw(v.PublishOptions), sqlkit.Millis(v.CreatedAt),
		sqlkit.NullRaw(v.Definition)}
}

// AddDashboardVersion numbers v after the dashboard's latest version and
// stores it, in one transaction. Returns ENOTFOUND.
func (s *Store) AddDashboardVersion(ctx context.Context, v *sg.DashboardVersion) error {
	err := s.writeTx(ctx, []string{
		`UPDATE dashboards SET latest_version = latest_version + 1
			WHERE account_id = ? AND id = ? RETURNING latest_version`,
		insertDashboardVersion,
	}, func(st []*sql.Stmt) error {
		var n int64
		if err := st[0].QueryRowContext(ctx, v.AccountID, v.DashboardID).Scan(&n); err != nil {
			return err
		}
		v.Number = n
		_, err := st[1].ExecContext(ctx, versionArgs(v)...)
		return err
	})
	return normalize("add dashboard version", err, sqlkit.Meaning{Missing: sqlkit.DashboardNotFound(v.AccountID, v.DashboardID)})
}

// FindDashboardVersion returns ENOTFOUND.
func (s *Store) FindDashboardVersion(ctx context.Context, accountID, dashboardID string, number int64) (*sg.DashboardVersion, error) {
	v, err := scanVersion(s.rs.queryRow(ctx, `SELECT `+versionColumns+` FROM dashboard_versions
		WHERE account_id = ? AND dashboard_id = ? AND number = ?`, accountID, dashboardID, number))
	if err != nil {
		return nil, normalize("find dashboard version", err, sqlkit.Meaning{Missing: sqlkit.DashboardVersionNotFound(accountID, dashboardID, number)})
	}
	return v, nil
}

// ListDashboardVersions lists a dashboard's versions by number, without
// definitions.
func (s *Store) ListDashboardVersions(ctx context.Context, accountID, dashboardID string) ([]*sg.DashboardVersion, error) {
	rows, err := s.rs.query(ctx, `SELECT `+versionSummaryColumns+` FROM dashboard_versions
		WHERE account_id = ? AND dashboard_id = ? ORDER BY number`, accountID, dashboardID)
	if err != nil {
		return nil, normalize("list dashboard versions", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanVersionSummary)
	return list, normalize("list dashboard versions", err, sqlkit.Meaning{})
}

// SetDashboardVersionStatus returns ENOTFOUND.
func (s *Store) SetDashboardVersionStatus(ctx context.Context, accountID, dashboardID string, number int64, status string, errs []sg.DefinitionError) error {
	n, err := affected(s.ws.exec(ctx, `UPDATE dashboard_versions SET status = ?, errors = ?
		WHERE account_id = ? AND dashboard_id = ? AND number = ?`,
		status, sqlkit.JSON(errs), accountID, dashboardID, number))
	if err == nil && n == 0 {
		err = sql.ErrNoRows
	}
	return normalize("set dashboard version status", err, sqlkit.Meaning{Missing: sqlkit.DashboardVersionNotFound(accountID, dashboardID, number)})
}

// DeleteDashboardVersion returns ENOTFOUND.
func (s *Store) DeleteDashboardVersion(ctx context.Context, accountID, dashboardID string, number int64) error {
	n, err := affected(s.ws.exec(ctx, `DELETE FROM dashboard_versions
		WHERE account_id = ? AND dashboard_id = ? AND number = ?`, accountID, dashboardID, number))
	if err == nil && n == 0 {
		err = sql.ErrNoRows
	}
	return normalize("delete dashboard version", err, sqlkit.Meaning{Missing: sqlkit.DashboardVersionNotFound(accountID, dashboardID, number)})
}

// ListUnfinishedDashboardVersions lists the versions whose definition
// check has not finished, in every account.
func (s *Store) ListUnfinishedDashboardVersions(ctx context.Context) ([]*sg.DashboardVersion, error) {
	rows, err := s.rs.query(ctx, `SELECT `+versionColumns+` FROM dashboard_versions
		WHERE status = ? ORDER BY account_id, dashboard_id, number`, sg.StatusCreationInProgress)
	if err != nil {
		return nil, normalize("list unfinished dashboard versions", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanVersion)
	return list, normalize("list unfinished dashboard versions", err, sqlkit.Meaning{})
}

func scanVersionSummary(row scanner) (*sg.DashboardVersion, error) {
	return scanVersionInto(row, false)
}

func scanVersion(row scanner) (*sg.DashboardVersion, error) { return scanVersionInto(row, true) }

func scanVersionInto(row scanner, withDefinition bool) (*sg.DashboardVersion, error) {
	var v sg.DashboardVersion
	var errs string
	var opts, def *string
	var created int64
	dest := []any{&v.AccountID, &v.DashboardID, &v.Number, &v.Status, &errs, &v.Description,
		&v.SourceEntityARN, &v.ThemeARN, &opts, &created}
	if withDefinition {
		dest = append(dest, &def)
	}
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	var err error
	if v.Errors, err = sqlkit.Decode[[]sg.DefinitionError](errs); err != nil {
		return nil, err
	}
	v.PublishOptions, v.Definition = sqlkit.Raw(opts), sqlkit.Raw(def)
	v.CreatedAt = sqlkit.Time(created)
	return &v, nil
}
