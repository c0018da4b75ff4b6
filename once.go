package sightglass

import (
	"context"
	"time"
)

// OnceStore keeps single-use items, such as embed sign-on codes, under a
// key that is already a hash of the secret. An item is consumed at most
// once, atomically, however many callers (or server processes sharing one
// database) race for it.
type OnceStore interface {
	// PutOnce stores payload under key until expiresAt. Returns EEXISTS
	// if the key is present.
	PutOnce(ctx context.Context, key string, payload []byte, expiresAt time.Time) error
	// PutOnceOrdered stores an item as PutOnce does, for keys that sort
	// in the order of their expiry (embed codes: the mint time first, one
	// TTL). Such items cost the store no expiry index entry: PurgeOnce
	// sweeps them in key order, up to the first that has not expired. An
	// item put out of order is purged late (once the items keyed before it
	// expired), never early; every other method treats it as any item.
	PutOnceOrdered(ctx context.Context, key string, payload []byte, expiresAt time.Time) error
	// ConsumeOnce removes the item and returns its payload if it exists
	// and expires after now. Otherwise it returns ENOTFOUND. Of any number
	// of concurrent callers for one key, at most one succeeds.
	ConsumeOnce(ctx context.Context, key string, now time.Time) ([]byte, error)
	// FindOnce returns the payload of the item if it exists and expires
	// after now, without consuming it. Otherwise it returns ENOTFOUND.
	FindOnce(ctx context.Context, key string, now time.Time) ([]byte, error)
	// FindOnceUser reads an item, as FindOnce, and the user that userOf
	// names from its payload, on one connection (SQLite: in one read
	// transaction), to save a redemption a second read. It returns
	// ENOTFOUND and a nil payload if the item is gone or expired; the
	// payload, a nil user and userOf's error if userOf fails; the payload
	// and a nil user and error if no such user exists. Nothing is
	// consumed: RedeemOnce alone decides who gets the item.
	FindOnceUser(ctx context.Context, key string, now time.Time, userOf func(payload []byte) (accountID, namespace, userName string, err error)) ([]byte, *User, error)
	// RedeemOnce consumes the item, as ConsumeOnce, and creates session s
	// in the same transaction: both happen or neither. It returns the
	// consumed payload; ENOTFOUND (and no session) if the item is gone or
	// expired; EEXISTS (and the item left in place) if s.ID is taken. Of
	// any number of concurrent callers for one key, at most one succeeds.
	RedeemOnce(ctx context.Context, key string, now time.Time, s *Session) ([]byte, error)
	// PurgeOnce deletes items that expired at or before now and returns
	// how many it deleted.
	PurgeOnce(ctx context.Context, now time.Time) (int64, error)
}
