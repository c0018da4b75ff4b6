package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// ClaimIngestionRun makes an ingestion RUNNING unless another of its
// dataset runs under a live lease. Claims of one dataset take turns on
// its row's lock (FOR NO KEY UPDATE, which leaves the ingestions' foreign
// key checks free), so each one's look sees every earlier claim's write.
func (s *Store) ClaimIngestionRun(ctx context.Context, accountID, dataSetID, id, owner string, now time.Time) (string, error) {
	var waitOn string
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var one int
		err := tx.QueryRow(ctx, `SELECT 1 FROM data_sets WHERE account_id = $1 AND id = $2 FOR NO KEY UPDATE`,
			accountID, dataSetID).Scan(&one)
		if errors.Is(err, pgx.ErrNoRows) {
			return sqlkit.IngestionNotFound(accountID, dataSetID, id)
		} else if err != nil {
			return err
		}
		err = tx.QueryRow(ctx, `SELECT 1 FROM ingestions
			WHERE account_id = $1 AND data_set_id = $2 AND id = $3 AND lease_owner = $4 AND finished_at IS NULL`,
			accountID, dataSetID, id, owner).Scan(&one)
		if errors.Is(err, pgx.ErrNoRows) {
			return sqlkit.IngestionNotFound(accountID, dataSetID, id)
		} else if err != nil {
			return err
		}
		err = tx.QueryRow(ctx, `SELECT id FROM ingestions
			WHERE account_id = $1 AND data_set_id = $2 AND id <> $3 AND status = $4
			AND finished_at IS NULL AND lease_expires > $5 ORDER BY id LIMIT 1`,
			accountID, dataSetID, id, sg.IngestionRunning, sqlkit.Millis(now)).Scan(&waitOn)
		if err == nil {
			return nil
		} else if !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE ingestions SET status = $1
			WHERE account_id = $2 AND data_set_id = $3 AND id = $4`,
			sg.IngestionRunning, accountID, dataSetID, id)
		return err
	})
	if err != nil {
		return "", normalize("claim ingestion run", err, sqlkit.Meaning{})
	}
	return waitOn, nil
}
