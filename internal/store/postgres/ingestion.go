package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const ingestionColumns = `account_id, data_set_id, id, status, request_source, request_type,
	data_set_version, error_type, error_message, rows_ingested, rows_dropped, size_bytes,
	created_at, finished_at, lease_owner, lease_expires, attempts`

// CreateIngestion returns EEXISTS, or ENOTFOUND if the dataset does not
// exist.
func (s *Store) CreateIngestion(ctx context.Context, in *sg.Ingestion) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO ingestions (`+ingestionColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
		in.AccountID, in.DataSetID, in.ID, in.Status, in.RequestSource, in.RequestType,
		in.DataSetVersion, in.ErrorType, in.ErrorMessage, in.RowsIngested, in.RowsDropped,
		in.SizeBytes, sqlkit.Millis(in.CreatedAt), sqlkit.NullMillis(in.FinishedAt),
		in.LeaseOwner, sqlkit.MillisOrZero(in.LeaseExpires), max(in.Attempts, 1))
	if err != nil {
		return normalize("create ingestion", err, sqlkit.Meaning{
			Unique:  sqlkit.IngestionExists(in.AccountID, in.DataSetID, in.ID),
			Missing: sqlkit.DataSetNotFound(in.AccountID, in.DataSetID),
		})
	}
	return nil
}

// FindIngestion returns ENOTFOUND.
func (s *Store) FindIngestion(ctx context.Context, accountID, dataSetID, id string) (*sg.Ingestion, error) {
	in, err := scanIngestion(s.pool.QueryRow(ctx, `SELECT `+ingestionColumns+`
		FROM ingestions WHERE account_id = $1 AND data_set_id = $2 AND id = $3`, accountID, dataSetID, id))
	if err != nil {
		return nil, normalize("find ingestion", err, sqlkit.Meaning{Missing: sqlkit.IngestionNotFound(accountID, dataSetID, id)})
	}
	return in, nil
}

// ListIngestions returns a dataset's ingestions ordered by id in byte
// order, after p.After, at most p.Limit (all if p.Limit ≤ 0), and whether
// more follow.
func (s *Store) ListIngestions(ctx context.Context, accountID, dataSetID string, p sg.Page) ([]*sg.Ingestion, bool, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+ingestionColumns+` FROM ingestions
		WHERE account_id = $1 AND data_set_id = $2 AND id > $3
		ORDER BY id LIMIT $4`, accountID, dataSetID, p.After, limit(p))
	if err != nil {
		return nil, false, normalize("list ingestions", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanIngestion)
	if err != nil {
		return nil, false, normalize("list ingestions", err, sqlkit.Meaning{})
	}
	list, more := sqlkit.Trim(list, p)
	return list, more, nil
}

// UpdateIngestion replaces the progress fields. Returns ENOTFOUND.
func (s *Store) UpdateIngestion(ctx context.Context, in *sg.Ingestion) error {
	n, err := affected(s.pool.Exec(ctx, `UPDATE ingestions SET status = $1, error_type = $2,
		error_message = $3, rows_ingested = $4, rows_dropped = $5, size_bytes = $6, finished_at = $7
		WHERE account_id = $8 AND data_set_id = $9 AND id = $10
		AND ($11 = '' OR (lease_owner = $11 AND finished_at IS NULL))`,
		in.Status, in.ErrorType, in.ErrorMessage, in.RowsIngested, in.RowsDropped, in.SizeBytes,
		sqlkit.NullMillis(in.FinishedAt), in.AccountID, in.DataSetID, in.ID, in.LeaseOwner))
	if err != nil {
		return normalize("update ingestion", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.IngestionNotFound(in.AccountID, in.DataSetID, in.ID)
	}
	return nil
}

// RenewIngestionLease moves the expiry of a lease owner holds.
func (s *Store) RenewIngestionLease(ctx context.Context, accountID, dataSetID, id, owner string, until time.Time) error {
	n, err := affected(s.pool.Exec(ctx, `UPDATE ingestions SET lease_expires = $1
		WHERE account_id = $2 AND data_set_id = $3 AND id = $4 AND lease_owner = $5 AND finished_at IS NULL`,
		sqlkit.MillisOrZero(until), accountID, dataSetID, id, owner))
	if err != nil {
		return normalize("renew ingestion lease", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.IngestionNotFound(accountID, dataSetID, id)
	}
	return nil
}

// ClaimExpiredIngestion takes over the unfinished ingestion whose lease
// expired first. SKIP LOCKED lets racing nodes claim different
// ingestions instead of waiting for each other; the lease test in the
// UPDATE keeps a row another node claimed in the meantime.
func (s *Store) ClaimExpiredIngestion(ctx context.Context, owner string, now, until time.Time) (*sg.Ingestion, error) {
	in, err := scanIngestion(s.pool.QueryRow(ctx, `UPDATE ingestions
		SET lease_owner = $1, lease_expires = $2, attempts = attempts + 1,
			status = CASE WHEN status = 'RUNNING' THEN 'QUEUED' ELSE status END
		WHERE (account_id, data_set_id, id) = (SELECT account_id, data_set_id, id FROM ingestions
			WHERE finished_at IS NULL AND lease_expires <= $3
			ORDER BY lease_expires LIMIT 1 FOR UPDATE SKIP LOCKED)
		AND finished_at IS NULL AND lease_expires <= $3
		RETURNING `+ingestionColumns,
		owner, sqlkit.Millis(until), sqlkit.Millis(now)))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, normalize("claim expired ingestion", err, sqlkit.Meaning{})
	}
	return in, nil
}

func scanIngestion(row pgx.Row) (*sg.Ingestion, error) {
	var in sg.Ingestion
	var created int64
	var finished *int64
	var leaseExpires int64
	if err := row.Scan(&in.AccountID, &in.DataSetID, &in.ID, &in.Status, &in.RequestSource,
		&in.RequestType, &in.DataSetVersion, &in.ErrorType, &in.ErrorMessage, &in.RowsIngested,
		&in.RowsDropped, &in.SizeBytes, &created, &finished, &in.LeaseOwner, &leaseExpires,
		&in.Attempts); err != nil {
		return nil, err
	}
	in.CreatedAt, in.FinishedAt = sqlkit.Time(created), sqlkit.NullTime(finished)
	in.LeaseExpires = sqlkit.TimeOrZero(leaseExpires)
	return &in, nil
}
