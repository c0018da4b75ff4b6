package sqlite

import (
	"context"
	"database/sql"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const analysisVersionSummaryColumns = `account_id, analysis_id, number, author, summary, created_at`

// AddAnalysisVersion returns ENOTFOUND.
func (s *Store) AddAnalysisVersion(ctx context.Context, v *sg.AnalysisVersion, keep int) error {
	err := s.writeTx(ctx, []string{
		`SELECT (SELECT count(*) FROM analyses WHERE account_id = ? AND id = ?),
			coalesce((SELECT max(number) FROM analysis_versions WHERE account_id = ? AND analysis_id = ?), 0)`,
		`INSERT INTO analysis_versions (` + analysisVersionSummaryColumns + `, definition) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		`DELETE FROM analysis_versions WHERE account_id = ? AND analysis_id = ? AND number <= ?`,
	}, func(st []*sql.Stmt) error {
		var exists, latest int64
		if err := st[0].QueryRowContext(ctx, v.AccountID, v.AnalysisID, v.AccountID, v.AnalysisID).Scan(&exists, &latest); err != nil {
			return err
		}
		if exists == 0 {
			return sql.ErrNoRows
		}
		v.Number = latest + 1
		if _, err := st[1].ExecContext(ctx, v.AccountID, v.AnalysisID, v.Number, v.Author, v.Summary, sqlkit.Millis(v.CreatedAt), string(v.Definition)); err != nil {
			return err
		}
		_, err := st[2].ExecContext(ctx, v.AccountID, v.AnalysisID, v.Number-int64(max(keep, 1)))
		return err
	})
	return normalize("add analysis version", err, sqlkit.Meaning{Missing: sqlkit.AnalysisNotFound(v.AccountID, v.AnalysisID)})
}

// ListAnalysisVersions lists the versions newest first, without
// definitions.
func (s *Store) ListAnalysisVersions(ctx context.Context, accountID, analysisID string) ([]*sg.AnalysisVersion, error) {
	rows, err := s.rs.query(ctx, `SELECT `+analysisVersionSummaryColumns+` FROM analysis_versions
		WHERE account_id = ? AND analysis_id = ? ORDER BY number DESC`, accountID, analysisID)
	if err != nil {
		return nil, normalize("list analysis versions", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, func(row scanner) (*sg.AnalysisVersion, error) {
		return scanAnalysisVersion(row, false)
	})
	return list, normalize("list analysis versions", err, sqlkit.Meaning{})
}

// FindAnalysisVersion returns ENOTFOUND.
func (s *Store) FindAnalysisVersion(ctx context.Context, accountID, analysisID string, number int64) (*sg.AnalysisVersion, error) {
	v, err := scanAnalysisVersion(s.rs.queryRow(ctx, `SELECT `+analysisVersionSummaryColumns+`, definition FROM analysis_versions
		WHERE account_id = ? AND analysis_id = ? AND number = ?`, accountID, analysisID, number), true)
	if err != nil {
		return nil, normalize("find analysis version", err, sqlkit.Meaning{Missing: sqlkit.AnalysisVersionNotFound(accountID, analysisID, number)})
	}
	return v, nil
}

func scanAnalysisVersion(row scanner, withDefinition bool) (*sg.AnalysisVersion, error) {
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
