package sqlite

import (
	"context"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// FindOnceUser reads the item and its user in one read transaction on a
// reader connection: one snapshot (and one page-cache check against the
// WAL) instead of two, and one trip through the reader pool.
func (s *Store) FindOnceUser(ctx context.Context, key string, now time.Time, userOf func([]byte) (string, string, string, error)) ([]byte, *sg.User, error) {
	// Prepared before the transaction begins: with no separate reader pool
	// the transaction holds the only connection (see writeTx).
	findOnce, err := s.rs.get(ctx, findOnceSQL)
	if err != nil {
		return nil, nil, normalize("find once", err, sqlkit.Meaning{})
	}
	findUser, err := s.rs.get(ctx, findUserSQL)
	if err != nil {
		return nil, nil, normalize("find user", err, sqlkit.Meaning{})
	}
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, normalize("find once", err, sqlkit.Meaning{})
	}
	defer tx.Rollback() // read only: nothing to commit
	var payload []byte
	if err := tx.StmtContext(ctx, findOnce).QueryRowContext(ctx, key, sqlkit.Millis(now)).Scan(&payload); err != nil {
		return nil, nil, normalize("find once", err, sqlkit.Meaning{Missing: sqlkit.OnceNotFound()})
	}
	if payload == nil {
		payload = []byte{}
	}
	accountID, namespace, userName, err := userOf(payload)
	if err != nil {
		return payload, nil, err
	}
	u, err := scanUser(tx.StmtContext(ctx, findUser).QueryRowContext(ctx, accountID, namespace, userName))
	if err != nil {
		err = normalize("find user", err, sqlkit.Meaning{Missing: sqlkit.UserNotFound(accountID, namespace, userName)})
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return payload, nil, nil
		}
		return payload, nil, err
	}
	return payload, u, nil
}
