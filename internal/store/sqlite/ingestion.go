package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const ingestionColumns = `account_id, data_set_id, id, status, request_source, request_type,
	data_set_version, error_type, error_message, rows_ingested, rows_dropped, size_bytes,
	created_at, finished_at, lease_owner, lease_expires, attempts`

// CreateIngestion returns EEXISTS, or ENOTFOUND if the dataset does not
// exist.
func (s *Store) CreateIngestion(ctx context.Context, in *sg.Ingestion) error {
	_, err := s.ws.exec(ctx, `INSERT INTO ingestions (`+ingestionColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
	in, err := scanIngestion(s.rs.queryRow(ctx, `SELECT `+ingestionColumns+`
		FROM ingestions WHERE account_id = ? AND data_set_id = ? AND id = ?`, accountID, dataSetID, id))
	if err != nil {
		return nil, normalize("find ingestion", err, sqlkit.Meaning{Missing: sqlkit.IngestionNotFound(accountID, dataSetID, id)})
	}
	return in, nil
}

// ListIngestions returns a dataset's ingestions ordered by id in byte
// order, after p.After, at most p.Limit (all if p.Limit ≤ 0), and whether
// more follow.
func (s *Store) ListIngestions(ctx context.Context, accountID, dataSetID string, p sg.Page) ([]*sg.Ingestion, bool, error) {
	rows, err := s.rs.query(ctx, `SELECT `+ingestionColumns+` FROM ingestions
		WHERE account_id = ? AND data_set_id = ? AND id > ?
		ORDER BY id LIMIT ?`, accountID, dataSetID, p.After, limit(sqlkit.Fetch(p)))
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
	n, err := affected(s.ws.exec(ctx, `UPDATE ingestions SET status = ?, error_type = ?,
		error_message = ?, rows_ingested = ?, rows_dropped = ?, size_bytes = ?, finished_at = ?
		WHERE account_id = ? AND data_set_id = ? AND id = ?
		AND (? = '' OR (lease_owner = ? AND finished_at IS NULL))`,
		in.Status, in.ErrorType, in.ErrorMessage, in.RowsIngested, in.RowsDropped, in.SizeBytes,
		sqlkit.NullMillis(in.FinishedAt), in.AccountID, in.DataSetID, in.ID, in.LeaseOwner, in.LeaseOwner))
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
	n, err := affected(s.ws.exec(ctx, `UPDATE ingestions SET lease_expires = ?
		WHERE account_id = ? AND data_set_id = ? AND id = ? AND lease_owner = ? AND finished_at IS NULL`,
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
// expired first. The store has one writer connection, so the statement
// is atomic.
func (s *Store) ClaimExpiredIngestion(ctx context.Context, owner string, now, until time.Time) (*sg.Ingestion, error) {
	in, err := scanIngestion(s.ws.queryRow(ctx, `UPDATE ingestions
		SET lease_owner = ?, lease_expires = ?, attempts = attempts + 1,
			status = CASE WHEN status = 'RUNNING' THEN 'QUEUED' ELSE status END
		WHERE rowid = (SELECT rowid FROM ingestions
			WHERE finished_at IS NULL AND lease_expires <= ?
			ORDER BY lease_expires LIMIT 1)
		RETURNING `+ingestionColumns,
		owner, sqlkit.Millis(until), sqlkit.Millis(now)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, normalize("claim expired ingestion", err, sqlkit.Meaning{})
	}
	return in, nil
}

func scanIngestion(row scanner) (*sg.Ingestion, error) {
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
