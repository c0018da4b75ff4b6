package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

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
	_, err := s.pool.Exec(ctx, `INSERT INTO analyses (`+analysisColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
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
	a, err := scanAnalysis(s.pool.QueryRow(ctx, `SELECT `+analysisColumns+`
		FROM analyses WHERE account_id = $1 AND id = $2`, accountID, id))
	if err != nil {
		return nil, normalize("find analysis", err, sqlkit.Meaning{Missing: sqlkit.AnalysisNotFound(accountID, id)})
	}
	return a, nil
}

// ListAnalyses returns the analyses that are not deleted, ordered by id in
// byte order, after p.After, at most p.Limit (all if p.Limit ≤ 0), and
// whether more follow.
func (s *Store) ListAnalyses(ctx context.Context, accountID string, p sg.Page) ([]*sg.Analysis, bool, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+analysisSummaryColumns+` FROM analyses
		WHERE account_id = $1 AND id > $2 AND delete_at IS NULL
		ORDER BY id LIMIT $3`, accountID, p.After, limit(p))
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
	rows, err := s.pool.Query(ctx, `SELECT `+analysisSummaryColumns+` FROM analyses
		WHERE account_id = $1 AND id > $2 AND delete_at IS NOT NULL
		ORDER BY id LIMIT $3`, accountID, p.After, limit(p))
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
	n, err := affected(s.pool.Exec(ctx, `UPDATE analyses SET name = $1, permissions = $2, tags = $3,
		status = $4, errors = $5, theme_arn = $6, delete_at = $7, revision = $8, updated_at = $9, definition = $10
		WHERE account_id = $11 AND id = $12 AND revision = $13`,
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
	err = s.pool.QueryRow(ctx, `SELECT 1 FROM analyses WHERE account_id = $1 AND id = $2`, a.AccountID, a.ID).Scan(&one)
	if err == nil {
		return sqlkit.AnalysisChanged(a.AccountID, a.ID)
	}
	return normalize("update analysis", err, sqlkit.Meaning{Missing: sqlkit.AnalysisNotFound(a.AccountID, a.ID)})
}

// DeleteAnalysis deletes an analysis and its favorites in one
// transaction. Returns ENOTFOUND.
func (s *Store) DeleteAnalysis(ctx context.Context, accountID, id string) error {
	err := s.deleteContent(ctx, `DELETE FROM analyses WHERE account_id = $1 AND id = $2`,
		accountID, sg.FavoriteAnalysis, id)
	return normalize("delete analysis", err, sqlkit.Meaning{Missing: sqlkit.AnalysisNotFound(accountID, id)})
}

// ListUnfinishedAnalyses lists the analyses whose definition check has not
// finished, in every account.
func (s *Store) ListUnfinishedAnalyses(ctx context.Context) ([]*sg.Analysis, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+analysisColumns+` FROM analyses
		WHERE status IN ($1, $2) ORDER BY account_id, id`, sg.StatusCreationInProgress, sg.StatusUpdateInProgress)
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
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM favorites WHERE kind = $1 AND (account_id, resource_id) IN
			(SELECT account_id, id FROM analyses WHERE delete_at IS NOT NULL AND delete_at <= $2)`,
			sg.FavoriteAnalysis, sqlkit.Millis(now)); err != nil {
			return err
		}
		var err error
		n, err = affected(tx.Exec(ctx, `DELETE FROM analyses WHERE delete_at IS NOT NULL AND delete_at <= $1`, sqlkit.Millis(now)))
		return err
	})
	return n, normalize("purge analyses", err, sqlkit.Meaning{})
}

func scanAnalysisSummary(row pgx.Row) (*sg.Analysis, error) {
	return scanAnalysisInto(row, false)
}

func scanAnalysis(row pgx.Row) (*sg.Analysis, error) {
	return scanAnalysisInto(row, true)
}

func scanAnalysisInto(row pgx.Row, withDefinition bool) (*sg.Analysis, error) {
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
