// Package sqlite implements sightglass.Store on an embedded SQLite database
// file, through modernc.org/sqlite (pure Go, so CGO_ENABLED=0 builds work).
//
// # Connections
//
// A Store holds two database/sql pools on one file. The writer pool has a
// single connection and does every write: SQLite admits one writer at a
// time anyway, and one connection makes writers queue in Go instead of
// sleeping on the file lock. The reader pool (WithReadConns, default 4)
// opens its connections query_only and serves the single-statement reads
// (FindUser, FindAccessKey, ListPrincipalPolicies, …). In WAL mode readers
// neither block the writer nor each other, so reads run in parallel with
// each other and with a write in progress.
//
// The hottest writes (PutOnce, RedeemOnce) do not take the writer
// connection one request at a time: a batcher goroutine runs all that are
// waiting in one transaction and commits once (group commit, batch.go).
// WAL checkpoints run on a connection of their own in the background
// (checkpoint.go), not inside the commit that crosses the threshold.
//
// Every connection is configured through the DSN (journal_mode=WAL,
// synchronous, foreign_keys=ON, busy_timeout) and Open reads the pragmas
// back to verify them. Statements are prepared once per pool and reused.
//
// # Durability
//
// The default is synchronous=NORMAL: in WAL mode a commit does not wait for
// an fsync, so a power loss or OS crash (not a process crash) can lose the
// last commits. A lost ConsumeOnce means an embed code that was redeemed
// moments before the crash becomes redeemable again until it expires. In
// exchange writes are 7–25× faster (about 45k inserts/s against 4–6k on
// the reference machine; see perf-baselines §4a). WithSyncFull selects
// synchronous=FULL, which fsyncs the WAL at every commit. Deployments that
// cannot accept the replay window should use WithSyncFull or PostgreSQL.
//
// # Schema
//
// Numbered migrations are embedded from migrations/NNNN_name.sql. Open
// applies the ones a database lacks, each in its own immediate transaction,
// and records them in schema_migrations; it refuses a database whose
// schema is newer than the binary. Timestamps are stored as unix
// milliseconds and returned in UTC; slices and maps are JSON text (see
// internal/store/sqlkit). Text keys compare in byte order.
//
// # Errors
//
// errors.go turns driver errors into sightglass error codes: a unique or
// primary key violation into EEXISTS (ECONFLICT for an account name), a
// missing parent row into ENOTFOUND, and SQLITE_BUSY that outlasted
// busy_timeout (another process holding the write lock) into EUNAVAILABLE.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	sg "github.com/sightglass/sightglass"
	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

var _ sg.Store = (*Store)(nil)

// Store is a sightglass.Store on one SQLite file. It is safe for concurrent
// use.
type Store struct {
	path string
	w    *sql.DB // one connection: every write
	r    *sql.DB // reader pool; == w when there is no separate reader pool
	ws   stmts   // statements prepared on w
	rs   stmts   // statements prepared on r
	cp   *checkpointer
	b    *batcher // group commit of the hot writes
}

// Option configures Open.
type Option func(*config)

type config struct {
	syncFull    bool
	readConns   int
	busyTimeout time.Duration
}

// DefaultReadConns is the size of the reader pool unless WithReadConns says
// otherwise.
const DefaultReadConns = 4

// DefaultBusyTimeout is how long a connection waits for a lock another
// process holds before it gives up with SQLITE_BUSY.
const DefaultBusyTimeout = 5 * time.Second

// WithSyncFull sets synchronous=FULL: every commit is durable across power
// loss, at the cost of an fsync per commit (writes 7–25× slower).
func WithSyncFull() Option { return func(c *config) { c.syncFull = true } }

// WithReadConns sets the size of the reader pool. n = 0 disables it: reads
// then share the single writer connection.
func WithReadConns(n int) Option {
	return func(c *config) { c.readConns = max(n, 0) }
}

// WithBusyTimeout sets SQLite's busy_timeout: how long a statement waits
// for a lock held by another process (or another Store on the same file).
func WithBusyTimeout(d time.Duration) Option {
	return func(c *config) { c.busyTimeout = max(d, 0) }
}

// Open opens (creating it if needed) the SQLite database at path, verifies
// its connection settings and applies pending migrations.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	cfg := config{readConns: DefaultReadConns, busyTimeout: DefaultBusyTimeout}
	for _, o := range opts {
		o(&cfg)
	}
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("sqlite: open %q: need a file path", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %q: %w", path, err)
	}
	s := &Store{path: abs}
	if err := s.open(ctx, cfg); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) open(ctx context.Context, cfg config) error {
	want := pragmas{
		journalMode: "wal",
		synchronous: 1, // NORMAL
		foreignKeys: 1,
		busyTimeout: cfg.busyTimeout.Milliseconds(),
	}
	if cfg.syncFull {
		want.synchronous = 2 // FULL
	}

	w, err := sql.Open("sqlite", dsn(s.path, want, false))
	if err != nil {
		return fmt.Errorf("sqlite: open %s: %w", s.path, err)
	}
	s.w, s.r = w, w
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	// Migrate before the readers open, so that they see the schema.
	err = retryBusy(ctx, cfg.busyTimeout, func() error {
		err := warm(ctx, w, 1, func(c *sql.Conn) error { return verify(ctx, c, want, false) })
		if err != nil {
			return err
		}
		return migrate(ctx, w)
	})
	if err != nil {
		return fmt.Errorf("sqlite: open %s: %w", s.path, err)
	}

	if cfg.readConns > 0 {
		r, err := sql.Open("sqlite", dsn(s.path, want, true))
		if err != nil {
			return fmt.Errorf("sqlite: open %s: %w", s.path, err)
		}
		s.r = r
		r.SetMaxOpenConns(cfg.readConns)
		r.SetMaxIdleConns(cfg.readConns)
		r.SetConnMaxLifetime(0)
		r.SetConnMaxIdleTime(0)
		// Open every reader now, so that no connection (and no pragma)
		// is set up later on a request's path.
		err = retryBusy(ctx, cfg.busyTimeout, func() error {
			return warm(ctx, r, cfg.readConns, func(c *sql.Conn) error { return verify(ctx, c, want, true) })
		})
		if err != nil {
			return fmt.Errorf("sqlite: open %s (readers): %w", s.path, err)
		}
	}
	s.ws.db, s.rs.db = s.w, s.r
	s.b = startBatcher(s.w)
	if s.cp, err = startCheckpointer(ctx, s.path, want, checkpointInterval); err != nil {
		return fmt.Errorf("sqlite: open %s: %w", s.path, err)
	}
	return nil
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Ping checks that the database answers on both pools.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.w.PingContext(ctx); err != nil {
		return fmt.Errorf("sqlite: ping: %w", err)
	}
	if s.r != s.w {
		if err := s.r.PingContext(ctx); err != nil {
			return fmt.Errorf("sqlite: ping readers: %w", err)
		}
	}
	return nil
}

// Close closes the prepared statements and both pools, after letting
// SQLite refresh its query planner statistics (PRAGMA optimize). The last
// connection to close checkpoints the WAL into the database file.
func (s *Store) Close() error {
	var errs []error
	s.b.close()
	errs = append(errs, s.cp.close())
	if s.w != nil {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		s.w.ExecContext(ctx, `PRAGMA optimize`) // advisory: its failure is not Close's
		cancel()
	}
	errs = append(errs, s.rs.close(), s.ws.close())
	if s.r != nil && s.r != s.w {
		errs = append(errs, s.r.Close())
	}
	if s.w != nil {
		errs = append(errs, s.w.Close())
	}
	return errors.Join(errs...)
}
