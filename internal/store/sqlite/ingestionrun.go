package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// ClaimIngestionRun makes an ingestion RUNNING unless another of its
// dataset runs under a live lease. The look and the write share one
// write transaction, which takes SQLite's write lock at BEGIN (the
// writer's _txlock=immediate): no other claim, from this process or
// another on the same file, runs between them.
func (s *Store) ClaimIngestionRun(ctx context.Context, accountID, dataSetID, id, owner string, now time.Time) (string, error) {
	var waitOn string
	err := s.writeTx(ctx, []string{
		`SELECT 1 FROM ingestions
			WHERE account_id = ? AND data_set_id = ? AND id = ? AND lease_owner = ? AND finished_at IS NULL`,
		`SELECT id FROM ingestions
			WHERE account_id = ? AND data_set_id = ? AND id <> ? AND status = ?
			AND finished_at IS NULL AND lease_expires > ? ORDER BY id LIMIT 1`,
		`UPDATE ingestions SET status = ?
			WHERE account_id = ? AND data_set_id = ? AND id = ? AND lease_owner = ? AND finished_at IS NULL`,
	}, func(st []*sql.Stmt) error {
		var one int
		err := st[0].QueryRowContext(ctx, accountID, dataSetID, id, owner).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return sqlkit.IngestionNotFound(accountID, dataSetID, id)
		} else if err != nil {
			return err
		}
		err = st[1].QueryRowContext(ctx, accountID, dataSetID, id, sg.IngestionRunning, sqlkit.Millis(now)).Scan(&waitOn)
		if err == nil {
			return nil
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		_, err = st[2].ExecContext(ctx, sg.IngestionRunning, accountID, dataSetID, id, owner)
		return err
	})
	if err != nil {
		return "", normalize("claim ingestion run", err, sqlkit.Meaning{})
	}
	return waitOn, nil
}
