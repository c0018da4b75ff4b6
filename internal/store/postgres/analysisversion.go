package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const analysisVersionSummaryColumns = `account_id, analysis_id, number, author, summary, created_at`

// AddAnalysisVersion returns ENOTFOUND. The analysis's row is locked for
// the transaction, so concurrent saves number their versions in turn.
func (s *Store) AddAnalysisVersion(ctx context.Context, v *sg.AnalysisVersion, keep int) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var one int
		if err := tx.QueryRow(ctx, `SELECT 1 FROM analyses WHERE account_id = $1 AND id = $2 FOR UPDATE`, v.AccountID, v.AnalysisID).Scan(&one); err != nil {
			return err
		}
		var latest int64
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(number), 0) FROM analysis_versions
			WHERE account_id = $1 AND analysis_id = $2`, v.AccountID, v.AnalysisID).Scan(&latest); err != nil {
			return err
		}
		v.Number = latest + 1
		if _, err := tx.Exec(ctx, `INSERT INTO analysis_versions (`+analysisVersionSummaryColumns+`, definition)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, v.AccountID, v.AnalysisID, v.Number, v.Author, v.Summary, sqlkit.Millis(v.CreatedAt), string(v.Definition)); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `DELETE FROM analysis_versions WHERE account_id = $1 AND analysis_id = $2 AND number <= $3`,
			v.AccountID, v.AnalysisID, v.Number-int64(max(keep, 1)))
		return err
	})
	return normalize("add analysis version", err, sqlkit.Meaning{Missing: sqlkit.AnalysisNotFound(v.AccountID, v.AnalysisID)})
}

// ListAnalysisVersions lists the versions newest first, without
// definitions.
func (s *Store) ListAnalysisVersions(ctx context.Context, accountID, analysisID string) ([]*sg.AnalysisVersion, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+analysisVersionSummaryColumns+` FROM analysis_versions
		WHERE account_id = $1 AND analysis_id = $2 ORDER BY number DESC`, accountID, analysisID)
	if err != nil {
		return nil, normalize("list analysis versions", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, func(row pgx.Row) (*sg.AnalysisVersion, error) {
		return scanAnalysisVersion(row, false)
	})
	return list, normalize("list analysis versions", err, sqlkit.Meaning{})
}

// FindAnalysisVersion returns ENOTFOUND.
func (s *Store) FindAnalysisVersion(ctx context.Context, accountID, analysisID string, number int64) (*sg.AnalysisVersion, error) {
	v, err := scanAnalysisVersion(s.pool.QueryRow(ctx, `SELECT `+analysisVersionSummaryColumns+`, definition FROM analysis_versions
		WHERE account_id = $1 AND analysis_id = $2 AND number = $3`, accountID, analysisID, number), true)
	if err != nil {
		return nil, normalize("find analysis version", err, sqlkit.Meaning{Missing: sqlkit.AnalysisVersionNotFound(accountID, analysisID, number)})
	}
	return v, nil
}

func scanAnalysisVersion(row pgx.Row, withDefinition bool) (*sg.AnalysisVersion, error) {
	var v sg.AnalysisVersion
	var created int64
	var def string
	dest := []any{&v.AccountID, &v.AnalysisID, &v.Number, &v.Author, &v.Summary, &created}
	if withDefinition {
		dest = append(dest, &def)
	}
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	v.CreatedAt = sqlkit.Time(created)
	if withDefinition {
		v.Definition = []byte(def)
	}
	return &v, nil
}
