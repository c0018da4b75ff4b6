package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const (
	findOnceSQL      = `SELECT payload FROM once_items WHERE key = ? AND expires_at > ?`
	consumeOnceSQL   = `DELETE FROM once_items WHERE key = ? AND expires_at > ? RETURNING payload`
	insertSession    = `INSERT INTO sessions (` + sessionColumns + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	deleteSessionSQL = `DELETE FROM sessions WHERE id = ?`
)

// FindOnce returns the payload of an unexpired item without consuming it,
// or ENOTFOUND. It reads on the reader pool.
func (s *Store) FindOnce(ctx context.Context, key string, now time.Time) ([]byte, error) {
	var payload []byte
	err := s.rs.queryRow(ctx, findOnceSQL, key, sqlkit.Millis(now)).Scan(&payload)
	if err != nil {
		return nil, normalize("find once", err, sqlkit.Meaning{Missing: sqlkit.OnceNotFound()})
	}
	if payload == nil {
		payload = []byte{}
	}
	return payload, nil
}

// RedeemOnce inserts the session and deletes the item in one transaction,
// as a batched write (batch.go): under load many redemptions share one
// commit. The DELETE still decides alone which caller gets the item: the
// batches run one at a time on the single writer connection, under
// SQLite's write lock. The session goes in first, so that a taken session
// id fails before anything changed; if the item then turns out to be gone,
// the session is deleted again in the same transaction.
func (s *Store) RedeemOnce(ctx context.Context, key string, now time.Time, x *sg.Session) ([]byte, error) {
	var payload []byte
	err := s.b.write(ctx, func(tx *batchTx) error {
		_, err := tx.exec(insertSession, x.ID, x.AccountID, x.Namespace, x.UserName,
			x.PrincipalID, x.Role, x.EmbedID, x.EntryPoint, sqlkit.Millis(x.CreatedAt), sqlkit.Millis(x.ExpiresAt), sqlkit.JSON(x.AllowedDomains),
			sqlkit.JSON(x.AuthorizedDashboards), sqlkit.JSON(x.Tags))
		if err != nil {
			return normalize("redeem once", err, sqlkit.Meaning{Unique: sqlkit.SessionExists()})
		}
		err = tx.queryRow(consumeOnceSQL, key, sqlkit.Millis(now)).Scan(&payload)
		if errors.Is(err, sql.ErrNoRows) {
			if _, err := tx.exec(deleteSessionSQL, x.ID); err != nil {
				return normalize("redeem once", err, sqlkit.Meaning{})
			}
			return sqlkit.OnceNotFound()
		}
		return normalize("redeem once", err, sqlkit.Meaning{})
	})
	if err != nil {
		return nil, err
	}
	if payload == nil {
		payload = []byte{}
	}
	return payload, nil
}
