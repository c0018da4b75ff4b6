package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// ListenerApplicationName is the application_name of Listen's connection,
// so that operators (and tests) can tell it apart in pg_stat_activity.
const ListenerApplicationName = "sightglass-listener"

// Notify sends payload to every session listening on channel, in its own
// statement (pg_notify): the listeners get it once the statement commits.
func (s *Store) Notify(ctx context.Context, channel, payload string) error {
	if _, err := s.pool.Exec(ctx, `SELECT pg_notify($1, $2)`, channel, payload); err != nil {
		return normalize("notify", err, sqlkit.Meaning{})
	}
	return nil
}

// Listen listens on channel on a connection of its own (outside the pool)
// and calls handle with each payload, until ctx is done. It calls
// listening(true) each time it starts listening, and listening(false) when
// the connection fails; it then reconnects with exponential backoff (from
// minBackoff to maxBackoff). Notifications sent while it was not listening
// are lost: a caller that caches should treat listening(true) after a
// failure as "anything may have changed".
func (s *Store) Listen(ctx context.Context, channel string, handle func(payload string), listening func(bool)) {
	backoff := minBackoff
	for ctx.Err() == nil {
		heard, err := s.listenOnce(ctx, channel, handle, listening)
		if ctx.Err() != nil {
			return
		}
		if heard {
			backoff = minBackoff
		}
		_ = err // the caller sees the outage through listening(false)
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, maxBackoff)
	}
}

const (
	minBackoff = 100 * time.Millisecond
	maxBackoff = 10 * time.Second
)

// listenOnce connects, listens and handles notifications until the
// connection fails or ctx is done; heard reports whether it got as far as
// listening.
func (s *Store) listenOnce(ctx context.Context, channel string, handle func(string), listening func(bool)) (heard bool, err error) {
	cfg := s.pool.Config().ConnConfig.Copy()
	cfg.RuntimeParams["application_name"] = ListenerApplicationName
	connectCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	conn, err := pgx.ConnectConfig(connectCtx, cfg)
	cancel()
	if err != nil {
		return false, err
	}
	defer func() {
		closeCtx, cancel := context.WithTimeout(context.Background(), time.Second)
		conn.Close(closeCtx)
		cancel()
	}()
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{channel}.Sanitize()); err != nil {
		return false, err
	}
	listening(true)
	defer listening(false)
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return true, err
		}
		handle(n.Payload)
	}
}
