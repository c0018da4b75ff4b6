package sqlite

import (
	"context"
	"time"

	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// PutOnce stores payload under key until expiresAt. Returns EEXISTS if the
// key is present, expired or not (PurgeOnce removes expired items).
func (s *Store) PutOnce(ctx context.Context, key string, payload []byte, expiresAt time.Time) error {
	if payload == nil {
		payload = []byte{} // the column is NOT NULL; nil and empty read back alike
	}
	// Batched: minting an embed URL writes one of these per request.
	return s.b.write(ctx, func(tx *batchTx) error {
		_, err := tx.exec(`INSERT INTO once_items (key, payload, expires_at) VALUES (?, ?, ?)`,
			key, payload, sqlkit.Millis(expiresAt))
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

// PurgeOnce deletes items that expired at or before now and returns how
// many it deleted.
func (s *Store) PurgeOnce(ctx context.Context, now time.Time) (int64, error) {
	n, err := affected(s.ws.exec(ctx, `DELETE FROM once_items WHERE expires_at <= ?`, sqlkit.Millis(now)))
	if err != nil {
		return 0, normalize("purge once", err, sqlkit.Meaning{})
	}
	return n, nil
}
