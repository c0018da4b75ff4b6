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
	// ConsumeOnce removes the item and returns its payload if it exists
	// and expires after now. Otherwise it returns ENOTFOUND. Of any number
	// of concurrent callers for one key, at most one succeeds.
	ConsumeOnce(ctx context.Context, key string, now time.Time) ([]byte, error)
	// PurgeOnce deletes items that expired at or before now and returns
	// how many it deleted.
	PurgeOnce(ctx context.Context, now time.Time) (int64, error)
}
