package sqlite

import (
	"context"
	"database/sql"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// analysisSummaryColumns are the columns of a listed analysis; an analysis
// read alone has its definition too.
const (
	analysisSummaryColumns = `account_id, id, name, permissions, tags, status, errors, theme_arn, delete_at, revision, created_at, updated_at`
	analysisColumns        = analysisSummaryColumns + `, definition`
)

// CreateAnalysis returns EEXISTS.
func (s *Store) CreateAnalysis(ctx context.Context, a *sg.Analysis) error {
	_, err := s.ws.exec(ctx, `INSERT INTO analyses (`+analysisColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.AccountID, a.ID, a.Name, sqlkit.JSON(a.Permissions), sqlkit.JSON(a.Tags),
		a.Status, sqlkit.JSON(a.Errors), a.ThemeARN, sqlkit.NullMillis(a.DeleteAt), a.Revision,
		sqlkit.Millis(a.CreatedAt), sqlkit.Millis(a.UpdatedAt), sqlkit.NullRaw(a.Definition))
	if err != nil {
		return normalize("create analysis", err, sqlkit.Meaning{Unique: sqlkit.AnalysisExists(a.AccountID, a.ID)})
	}
	return nil
}

// FindAnalysis returns ENOTFOUND.
func (s *Store) FindAnalysis(ctx context.Context, accountID, id string) (*sg.Analysis, error) {
	a, err := scanAnalysis(s.rs.queryRow(ctx, `SELECT `+analysisColumns+`
		FROM analyses WHERE account_id = ? AND id = ?`, accountID, id))
	if err != nil {
		return nil, normalize("find analysis", err, sqlkit.Meaning{Missing: sqlkit.AnalysisNotFound(accountID, id)})
	}
	return a, nil
}

// ListAnalyses returns the analyses that are not deleted, ordered by id in
// byte order, after p.After, at most p.Limit (all if p.Limit ≤ 0), and
// whether more follow.
func (s *Store) ListAnalyses(ctx context.Context, accountID string, p sg.Page) ([]*sg.Analysis, bool, error) {
	rows, err := s.rs.query(ctx, `SELECT `+analysisSummaryColumns+` FROM analyses
		WHERE account_id = ? AND id > ? AND delete_at IS NULL
		ORDER BY id LIMIT ?`, accountID, p.After, limit(sqlkit.Fetch(p)))
	if err != nil {
		return nil, false, normalize("list analyses", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanAnalysisSummary)
	if err != nil {
		return nil, false, normalize("list analyses", err, sqlkit.Meaning{})
	}
	list, more := sqlkit.Trim(list, p)
	return list, more, nil
}

// ListDeletedAnalyses returns the analyses that are deleted and not yet
// purged, as ListAnalyses returns the others.
func (s *Store) ListDeletedAnalyses(ctx context.Context, accountID string, p sg.Page) ([]*sg.Analysis, bool, error) {
	rows, err := s.rs.query(ctx, `SELECT `+analysisSummaryColumns+` FROM analyses
		WHERE account_id = ? AND id > ? AND delete_at IS NOT NULL
		ORDER BY id LIMIT ?`, accountID, p.After, limit(sqlkit.Fetch(p)))
	if err != nil {
		return nil, false, normalize("list deleted analyses", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanAnalysisSummary)
	if err != nil {
		return nil, false, normalize("list deleted analyses", err, sqlkit.Meaning{})
	}
	list, more := sqlkit.Trim(list, p)
	return list, more, nil
}

// UpdateAnalysis replaces the analysis if its revision is still revision.
// Returns ENOTFOUND or ECONFLICT.
func (s *Store) UpdateAnalysis(ctx context.Context, a *sg.Analysis, revision int64) error {
	n, err := affected(s.ws.exec(ctx, `UPDATE analyses SET name = ?, permissions = ?, tags = ?,
		status = ?, errors = ?, theme_arn = ?, delete_at = ?, revision = ?, updated_at = ?, definition = ?
		WHERE account_id = ? AND id = ? AND revision = ?`,
		a.Name, sqlkit.JSON(a.Permissions), sqlkit.JSON(a.Tags), a.Status, sqlkit.JSON(a.Errors),
		a.ThemeARN, sqlkit.NullMillis(a.DeleteAt), a.Revision, sqlkit.Millis(a.UpdatedAt), sqlkit.NullRaw(a.Definition),
		a.AccountID, a.ID, revision))
	if err != nil {
		return normalize("update analysis", err, sqlkit.Meaning{})
	}
	if n == 1 {
		return nil
	}
	var one int
	err = s.ws.queryRow(ctx, `SELECT 1 FROM analyses WHERE account_id = ? AND id = ?`, a.AccountID, a.ID).Scan(&one)
	if err == nil {
		return sqlkit.AnalysisChanged(a.AccountID, a.ID)
	}
	return normalize("update analysis", err, sqlkit.Meaning{Missing: sqlkit.AnalysisNotFound(a.AccountID, a.ID)})
}

// DeleteAnalysis deletes an analysis and its favorites in one
// transaction. Returns ENOTFOUND.
func (s *Store) DeleteAnalysis(ctx context.Context, accountID, id string) error {
	err := s.deleteContent(ctx, `DELETE FROM analyses WHERE account_id = ? AND id = ?`,
		accountID, sg.FavoriteAnalysis, id)
	return normalize("delete analysis", err, sqlkit.Meaning{Missing: sqlkit.AnalysisNotFound(accountID, id)})
}

// ListUnfinishedAnalyses lists the analyses whose definition check has not
// finished, in every account.
func (s *Store) ListUnfinishedAnalyses(ctx context.Context) ([]*sg.Analysis, error) {
	rows, err := s.rs.query(ctx, `SELECT `+analysisColumns+` FROM analyses
		WHERE status IN (?, ?) ORDER BY account_id, id`, sg.StatusCreationInProgress, sg.StatusUpdateInProgress)
	if err != nil {
		return nil, normalize("list unfinished analyses", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanAnalysis)
	return list, normalize("list unfinished analyses", err, sqlkit.Meaning{})
}

// PurgeAnalyses deletes the deleted analyses due at now, and their
// favorites, in one transaction.
func (s *Store) PurgeAnalyses(ctx context.Context, now time.Time) (int64, error) {
	var n int64
	err := s.writeTx(ctx, []string{
		`DELETE FROM favorites WHERE kind = ? AND (account_id, resource_id) IN
			(SELECT account_id, id FROM analyses WHERE delete_at IS NOT NULL AND delete_at <= ?)`,
		`DELETE FROM analyses WHERE delete_at IS NOT NULL AND delete_at <= ?`,
	}, func(st []*sql.Stmt) error {
		if _, err := st[0].ExecContext(ctx, sg.FavoriteAnalysis, sqlkit.Millis(now)); err != nil {
			return err
		}
		var err error
		n, err = affected(st[1].ExecContext(ctx, sqlkit.Millis(now)))
		return err
	})
	return n, normalize("purge analyses", err, sqlkit.Meaning{})
}

func scanAnalysisSummary(row scanner) (*sg.Analysis, error) {
	return scanAnalysisInto(row, false)
}

func scanAnalysis(row scanner) (*sg.Analysis, error) {
	return scanAnalysisInto(row, true)
}

func scanAnalysisInto(row scanner, withDefinition bool) (*sg.Analysis, error) {
	var a sg.Analysis
	var perms, tags, errs string
	var deleteAt *int64
	var created, updated int64
	var def *string
	dest := []any{&a.AccountID, &a.ID, &a.Name, &perms, &tags, &a.Status, &errs, &a.ThemeARN, &deleteAt, &a.Revision, &created, &updated}
	if withDefinition {
		dest = append(dest, &def)
	}
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	var err error
	if a.Permissions, err = sqlkit.Decode[[]sg.ResourcePermission](perms); err != nil {
		return nil, err
	}
	if a.Tags, err = sqlkit.Decode[[]sg.Tag](tags); err != nil {
		return nil, err
	}
	if a.Errors, err = sqlkit.Decode[[]sg.DefinitionError](errs); err != nil {
		return nil, err
	}
	a.Definition = sqlkit.Raw(def)
	a.DeleteAt = sqlkit.NullTime(deleteAt)
	a.CreatedAt, a.UpdatedAt = sqlkit.Time(created), sqlkit.Time(updated)
	return &a, nil
}
