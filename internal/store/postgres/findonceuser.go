package postgres

import (
	"context"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// FindOnceUser reads the item and its user on one pooled connection, one
// statement after the other (no transaction: that would add two round
// trips, and RedeemOnce decides who gets the item anyway).
func (s *Store) FindOnceUser(ctx context.Context, key string, now time.Time, userOf func([]byte) (string, string, string, error)) ([]byte, *sg.User, error) {
	c, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, nil, normalize("find once", err, sqlkit.Meaning{})
	}
	defer c.Release()
	var payload []byte
	if err := c.QueryRow(ctx, findOnceSQL, key, sqlkit.Millis(now)).Scan(&payload); err != nil {
		return nil, nil, normalize("find once", err, sqlkit.Meaning{Missing: sqlkit.OnceNotFound()})
	}
	if payload == nil {
		payload = []byte{}
	}
	accountID, namespace, userName, err := userOf(payload)
	if err != nil {
		return payload, nil, err
	}
	u, err := scanUser(c.QueryRow(ctx, findUserSQL, accountID, namespace, userName))
	if err != nil {
		err = normalize("find user", err, sqlkit.Meaning{Missing: sqlkit.UserNotFound(accountID, namespace, userName)})
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return payload, nil, nil
		}
		return payload, nil, err
	}
	return payload, u, nil
}
