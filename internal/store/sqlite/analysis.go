package sqlite

import (
	"context"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const analysisColumns = `account_id, id, name, permissions, created_at, updated_at`

// CreateAnalysis returns EEXISTS.
func (s *Store) CreateAnalysis(ctx context.Context, a *sg.Analysis) error {
	_, err := s.ws.exec(ctx, `INSERT INTO analyses (`+analysisColumns+`)
		VALUES (?, ?, ?, ?, ?, ?)`,
		a.AccountID, a.ID, a.Name, sqlkit.JSON(a.Permissions),
		sqlkit.Millis(a.CreatedAt), sqlkit.Millis(a.UpdatedAt))
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

// ListAnalyses returns analyses ordered by id in byte order, after
// p.After, at most p.Limit (all if p.Limit ≤ 0), and whether more follow.
func (s *Store) ListAnalyses(ctx context.Context, accountID string, p sg.Page) ([]*sg.Analysis, bool, error) {
	rows, err := s.rs.query(ctx, `SELECT `+analysisColumns+` FROM analyses
		WHERE account_id = ? AND id > ?
		ORDER BY id LIMIT ?`, accountID, p.After, limit(sqlkit.Fetch(p)))
	if err != nil {
		return nil, false, normalize("list analyses", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanAnalysis)
	if err != nil {
		return nil, false, normalize("list analyses", err, sqlkit.Meaning{})
	}
	list, more := sqlkit.Trim(list, p)
	return list, more, nil
}

// DeleteAnalysis deletes an analysis and its favorites in one
// transaction. Returns ENOTFOUND.
func (s *Store) DeleteAnalysis(ctx context.Context, accountID, id string) error {
	err := s.deleteContent(ctx, `DELETE FROM analyses WHERE account_id = ? AND id = ?`,
		accountID, sg.FavoriteAnalysis, id)
	return normalize("delete analysis", err, sqlkit.Meaning{Missing: sqlkit.AnalysisNotFound(accountID, id)})
}

func scanAnalysis(row scanner) (*sg.Analysis, error) {
	var a sg.Analysis
	var perms string
	var created, updated int64
	if err := row.Scan(&a.AccountID, &a.ID, &a.Name, &perms, &created, &updated); err != nil {
		return nil, err
	}
	var err error
	if a.Permissions, err = sqlkit.Decode[[]sg.ResourcePermission](perms); err != nil {
		return nil, err
	}
	a.CreatedAt, a.UpdatedAt = sqlkit.Time(created), sqlkit.Time(updated)
	return &a, nil
}
