package app

import "context"

// PurgeExpired deletes embed codes and console sessions that have expired,
// and returns how many of each it deleted.
func (a *App) PurgeExpired(ctx context.Context) (codes, sessions int64, err error) {
	now := a.now()
	if codes, err = a.Store.PurgeOnce(ctx, now); err != nil {
		return 0, 0, err
	}
	sessions, err = a.Store.PurgeSessions(ctx, now)
	return codes, sessions, err
}
