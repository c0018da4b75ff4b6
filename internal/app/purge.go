package app

import "context"

// PurgeExpired deletes embed codes and console sessions that have expired,
// and returns how many of each it deleted. It also purges the deleted
// analyses whose recovery window ended.
func (a *App) PurgeExpired(ctx context.Context) (codes, sessions int64, err error) {
	now := a.now()
	if codes, err = a.Store.PurgeOnce(ctx, now); err != nil {
		return 0, 0, err
	}
	if sessions, err = a.Store.PurgeSessions(ctx, now); err != nil {
		return codes, 0, err
	}
	_, err = a.Store.PurgeAnalyses(ctx, now)
	a.forgetContentLists()
	return codes, sessions, err
}
