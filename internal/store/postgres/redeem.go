package postgres

import (
	"context"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const findOnceSQL = `SELECT payload FROM once_items WHERE key = $1 AND expires_at > $2`

// FindOnce returns the payload of an unexpired item without consuming it,
// or ENOTFOUND.
func (s *Store) FindOnce(ctx context.Context, key string, now time.Time) ([]byte, error) {
	var payload []byte
	err := s.pool.QueryRow(ctx, findOnceSQL, key, sqlkit.Millis(now)).Scan(&payload)
	if err != nil {
		return nil, normalize("find once", err, sqlkit.Meaning{Missing: sqlkit.OnceNotFound()})
	}
	if payload == nil {
		payload = []byte{}
	}
	return payload, nil
}

// redeemSQL deletes the item and inserts the session from the deleted row,
// in one statement: one round trip and one commit. The DELETE decides, as
// in ConsumeOnce: a racing statement waits for the row lock, then finds
// the row gone, deletes nothing and so inserts nothing. A duplicate session
// id fails the whole statement, leaving the item in place.
const redeemSQL = `WITH consumed AS (
	DELETE FROM once_items WHERE key = $1 AND expires_at > $2 RETURNING payload
), created AS (
	INSERT INTO sessions (` + sessionColumns + `)
	SELECT $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text, $10::text, $11::bigint, $12::bigint, $13::text, $14::text, $15::text FROM consumed
)
SELECT payload FROM consumed`

// RedeemOnce consumes the item and creates the session atomically.
func (s *Store) RedeemOnce(ctx context.Context, key string, now time.Time, x *sg.Session) ([]byte, error) {
	var payload []byte
	err := s.pool.QueryRow(ctx, redeemSQL, key, sqlkit.Millis(now),
		x.ID, x.AccountID, x.Namespace, x.UserName, x.PrincipalID, x.Role, x.EmbedID,
		x.EntryPoint, sqlkit.Millis(x.CreatedAt), sqlkit.Millis(x.ExpiresAt), sqlkit.JSON(x.AllowedDomains),
		sqlkit.JSON(x.AuthorizedDashboards), sqlkit.JSON(x.Tags)).Scan(&payload)
	if err != nil {
		return nil, normalize("redeem once", err, sqlkit.Meaning{Missing: sqlkit.OnceNotFound(), Unique: sqlkit.SessionExists()})
	}
	if payload == nil {
		payload = []byte{}
	}
	return payload, nil
}
