package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// WAL checkpoints.
//
// SQLite's default copies the WAL back into the database file from inside
// the commit that crosses wal_autocheckpoint (1000 pages): that commit, and
// every request queued behind the single writer connection, then waits for
// the copy and, at synchronous=NORMAL, for two fsyncs. Under a steady write
// load (every embed sign-on writes) that stalls requests every few dozen
// commits. Instead the writer's automatic checkpoint is raised to a safety
// net (walSafetyPages) and a background goroutine on a connection of its
// own runs PASSIVE checkpoints every checkpointInterval. A PASSIVE
// checkpoint does not take the write lock, so commits go on while it copies
// and syncs.
const (
	// walSafetyPages is the writer's wal_autocheckpoint: only if background
	// checkpoints fall this far behind does a commit checkpoint inline.
	walSafetyPages = 20000 // about 80 MB with 4 KiB pages
	// checkpointInterval is how often the background checkpoint runs.
	checkpointInterval = 100 * time.Millisecond
)

// checkpointer runs PASSIVE checkpoints on its own connection until
// stopped.
type checkpointer struct {
	db   *sql.DB
	stop context.CancelFunc
	done chan struct{}
}

// startCheckpointer opens the checkpoint connection on path and starts the
// loop.
func startCheckpointer(ctx context.Context, path string, p pragmas, interval time.Duration) (*checkpointer, error) {
	db, err := sql.Open("sqlite", dsn(path, p, false))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("checkpoint connection: %w", err)
	}
	loopCtx, stop := context.WithCancel(context.Background())
	c := &checkpointer{db: db, stop: stop, done: make(chan struct{})}
	go c.loop(loopCtx, interval)
	return c, nil
}

func (c *checkpointer) loop(ctx context.Context, interval time.Duration) {
	defer close(c.done)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			// Errors (SQLITE_BUSY from another checkpointer, a closing
			// file) are not fatal: the next tick tries again, and the
			// writer's safety net bounds the WAL meanwhile.
			c.db.ExecContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`)
		}
	}
}

// close stops the loop and closes the connection.
func (c *checkpointer) close() error {
	if c == nil {
		return nil
	}
	c.stop()
	<-c.done
	return c.db.Close()
}
