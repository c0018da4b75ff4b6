package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// PutOnce stores payload under key until expiresAt. Returns EEXISTS if the
// key is present, expired or not (PurgeOnce removes expired items).
func (s *Store) PutOnce(ctx context.Context, key string, payload []byte, expiresAt time.Time) error {
	return s.putOnce(ctx, key, payload, expiresAt, 0)
}

// PutOnceOrdered stores payload under key until expiresAt, as PutOnce,
// with no entry in the expiry index (a partial index over the items that
// are not ordered): minting an embed code dirties one page of the key
// index, its right edge, instead of that and the expiry index's.
func (s *Store) PutOnceOrdered(ctx context.Context, key string, payload []byte, expiresAt time.Time) error {
	return s.putOnce(ctx, key, payload, expiresAt, 1)
}

func (s *Store) putOnce(ctx context.Context, key string, payload []byte, expiresAt time.Time, ordered int) error {
	if payload == nil {
		payload = []byte{} // the column is NOT NULL; nil and empty read back alike
	}
	// Batched: minting an embed URL writes one of these per request.
	return s.b.write(ctx, func(tx *batchTx) error {
		_, err := tx.exec(`INSERT INTO once_items (key, payload, expires_at, ordered) VALUES (?, ?, ?, ?)`,
			key, payload, sqlkit.Millis(expiresAt), ordered)
		if err != nil {
			return normalize("put once", err, sqlkit.Meaning{Unique: sqlkit.OnceExists()})
		}
		return nil
	})
}

// ConsumeOnce deletes the item and returns its payload (never nil) if it
// expires after now, in one statement: SQLite runs it under the write lock,
// so of any number of concurrent callers exactly one sees the row.
// Otherwise it returns ENOTFOUND and leaves an expired item in place.
func (s *Store) ConsumeOnce(ctx context.Context, key string, now time.Time) ([]byte, error) {
	var payload []byte
	err := s.ws.queryRow(ctx, consumeOnceSQL,
		key, sqlkit.Millis(now)).Scan(&payload)
	if err != nil {
		return nil, normalize("consume once", err, sqlkit.Meaning{Missing: sqlkit.OnceNotFound()})
	}
	if payload == nil {
		payload = []byte{}
	}
	return payload, nil
}

const (
	purgeOnceSQL = `DELETE FROM once_items WHERE ordered = 0 AND expires_at <= ?`
	// The first ordered item that has not expired bounds the sweep: the
	// scan walks the key index from its left edge through the expired.
	firstLiveOrderedSQL  = `SELECT key FROM once_items WHERE ordered = 1 AND expires_at > ? ORDER BY key LIMIT 1`
	purgeOrderedBelowSQL = `DELETE FROM once_items WHERE key < ? AND ordered = 1 AND expires_at <= ?`
	purgeOrderedAllSQL   = `DELETE FROM once_items WHERE ordered = 1 AND expires_at <= ?`
)

// PurgeOnce deletes items that expired at or before now and returns how
// many it deleted: the unordered ones through the expiry index, the
// ordered ones (PutOnceOrdered) by key order up to the first unexpired.
func (s *Store) PurgeOnce(ctx context.Context, now time.Time) (int64, error) {
	ms := sqlkit.Millis(now)
	n, err := affected(s.ws.exec(ctx, purgeOnceSQL, ms))
	if err != nil {
		return 0, normalize("purge once", err, sqlkit.Meaning{})
	}
	var bound string
	var m int64
	switch err := s.ws.queryRow(ctx, firstLiveOrderedSQL, ms).Scan(&bound); {
	case errors.Is(err, sql.ErrNoRows):
		m, err = affected(s.ws.exec(ctx, purgeOrderedAllSQL, ms))
		if err != nil {
			return n, normalize("purge once", err, sqlkit.Meaning{})
		}
	case err != nil:
		return n, normalize("purge once", err, sqlkit.Meaning{})
	default:
		m, err = affected(s.ws.exec(ctx, purgeOrderedBelowSQL, bound, ms))
		if err != nil {
			return n, normalize("purge once", err, sqlkit.Meaning{})
		}
	}
	return n + m, nil
}
