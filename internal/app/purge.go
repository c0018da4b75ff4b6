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
	// Every node purges each minute: only a purge that removed something
	// tells the others.
	if n, perr := a.Store.PurgeAnalyses(ctx, now); n > 0 || perr != nil {
		a.forgetContentLists()
		err = perr
	}
	return codes, sessions, err
}
