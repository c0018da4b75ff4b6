package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// putOnceSQL inserts an item with an asynchronous commit: the statement
// sets synchronous_commit off for its own transaction (set_config with
// is_local), so it does not wait for the WAL flush. A crash of the
// database server can then lose the last items put, which only makes their
// codes unusable (a redemption fails closed and the client mints another
// URL); it cannot make anything usable twice. Consuming stays synchronous.
const putOnceSQL = `INSERT INTO once_items (key, payload, expires_at, ordered)
	SELECT $1, $2, $3, $4 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit`

// PutOnce stores payload under key until expiresAt. Returns EEXISTS if the
// key is present, expired or not (PurgeOnce removes expired items).
func (s *Store) PutOnce(ctx context.Context, key string, payload []byte, expiresAt time.Time) error {
	return s.putOnce(ctx, key, payload, expiresAt, false)
}

// PutOnceOrdered stores payload under key until expiresAt, as PutOnce,
// with no entry in the expiry index (a partial index over the items that
// are not ordered); PurgeOnce sweeps such items in key order.
func (s *Store) PutOnceOrdered(ctx context.Context, key string, payload []byte, expiresAt time.Time) error {
	return s.putOnce(ctx, key, payload, expiresAt, true)
}

func (s *Store) putOnce(ctx context.Context, key string, payload []byte, expiresAt time.Time, ordered bool) error {
	if payload == nil {
		payload = []byte{} // the column is NOT NULL; nil and empty read back alike
	}
	_, err := s.pool.Exec(ctx, putOnceSQL, key, payload, sqlkit.Millis(expiresAt), ordered)
	if err != nil {
		return normalize("put once", err, sqlkit.Meaning{Unique: sqlkit.OnceExists()})
	}
	return nil
}

// ConsumeOnce deletes the item and returns its payload (never nil) if it
// expires after now, in one statement. The first DELETE to reach the row
// locks and deletes it; racing DELETEs, from this process or another,
// wait for that transaction, then find the row gone and match nothing, so
// exactly one caller gets the payload. Otherwise it returns ENOTFOUND and
// leaves an expired item in place.
func (s *Store) ConsumeOnce(ctx context.Context, key string, now time.Time) ([]byte, error) {
	var payload []byte
	err := s.pool.QueryRow(ctx, `DELETE FROM once_items WHERE key = $1 AND expires_at > $2 RETURNING payload`,
		key, sqlkit.Millis(now)).Scan(&payload)
	if err != nil {
		return nil, normalize("consume once", err, sqlkit.Meaning{Missing: sqlkit.OnceNotFound()})
	}
	if payload == nil {
		payload = []byte{}
	}
	return payload, nil
}

// The purge deletes the unordered items through the expiry index and the
// ordered ones (PutOnceOrdered) by key order up to the first that has not
// expired (all of them if none is left), so that the scan walks the key
// index from its left edge through the expired ones only.
const (
	purgeOnceSQL         = `DELETE FROM once_items WHERE NOT ordered AND expires_at <= $1`
	firstLiveOrderedSQL  = `SELECT key FROM once_items WHERE ordered AND expires_at > $1 ORDER BY key LIMIT 1`
	purgeOrderedBelowSQL = `DELETE FROM once_items WHERE key < $1 AND ordered AND expires_at <= $2`
	purgeOrderedAllSQL   = `DELETE FROM once_items WHERE ordered AND expires_at <= $1`
)

// PurgeOnce deletes items that expired at or before now and returns how
// many it deleted.
func (s *Store) PurgeOnce(ctx context.Context, now time.Time) (int64, error) {
	ms := sqlkit.Millis(now)
	n, err := affected(s.pool.Exec(ctx, purgeOnceSQL, ms))
	if err != nil {
		return 0, normalize("purge once", err, sqlkit.Meaning{})
	}
	var bound string
	var m int64
	switch err := s.pool.QueryRow(ctx, firstLiveOrderedSQL, ms).Scan(&bound); {
	case errors.Is(err, pgx.ErrNoRows):
		m, err = affected(s.pool.Exec(ctx, purgeOrderedAllSQL, ms))
		if err != nil {
			return n, normalize("purge once", err, sqlkit.Meaning{})
		}
	case err != nil:
		return n, normalize("purge once", err, sqlkit.Meaning{})
	default:
		m, err = affected(s.pool.Exec(ctx, purgeOrderedBelowSQL, bound, ms))
		if err != nil {
			return n, normalize("purge once", err, sqlkit.Meaning{})
		}
	}
	return n + m, nil
}
