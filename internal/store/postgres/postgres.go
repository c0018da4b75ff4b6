// Package postgres implements sightglass.Store on PostgreSQL through a
// pgx/v5 connection pool (pgxpool). Several Sightglass processes may share
// one database: every guarantee of the Store contract (uniqueness,
// single-use consumption) holds across them.
//
// # Connections
//
// Open takes a DSN in URL or keyword/value form, including pgxpool's
// pool_* parameters (pool_max_conns, pool_max_conn_lifetime, …). Without
// pool_max_conns the pool holds up to 4 connections per CPU, at least 16
// (pgxpool's own default is 4 per CPU, at least 4): writes
// wait for PostgreSQL's commit fsync, and group commit scales with the
// number of concurrent commits (about 4k commits/s with one connection
// against 20k with 32 on the reference machine; perf-baselines §4b).
// Statements are prepared and cached per connection by pgx.
//
// # Schema
//
// Numbered migrations are embedded from migrations/NNNN_name.sql. Open
// applies the missing ones, each in its own transaction, and records them
// in schema_migrations. It holds a session-level advisory lock on a
// dedicated connection while it does, so that processes starting together
// take turns instead of racing; it refuses a database whose schema is newer
// than the binary. Timestamps are bigint unix milliseconds, returned in
// UTC; slices and maps are JSON text (see internal/store/sqlkit); text keys
// are COLLATE "C", so that keyset pages are in byte order, as in SQLite,
// whatever the database's locale.
//
// # Single use
//
// ConsumeOnce is one DELETE … RETURNING statement. Under READ COMMITTED a
// racing DELETE that finds the row already deleted matches nothing and
// writes nothing, whereas a losing conditional UPDATE would lock the row
// version, write WAL and wait for an fsync (five times slower under
// same-key contention; perf-baselines §5).
//
// # Errors
//
// errors.go turns driver errors into sightglass error codes: unique_violation
// (23505) into EEXISTS (ECONFLICT for an account name),
// foreign_key_violation (23503, the parent row is missing) and no rows into
// ENOTFOUND, serialization failures and deadlocks into EUNAVAILABLE.
package postgres

import (
	"context"
	"fmt"
	"runtime"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
	sg "github.com/sightglass/sightglass"
)

var _ sg.Store = (*Store)(nil)

// Store is a sightglass.Store on a PostgreSQL database. It is safe for
// concurrent use, and by several processes on one database.
type Store struct {
	pool *pgxpool.Pool
	// artifactChunk overrides ArtifactChunkSize (benchmarks compare
	// sizes); 0 means the constant.
	artifactChunk int
}

// Open connects to the database at dsn, checks that it answers and
// applies pending migrations.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err) // pgx redacts the password
	}
	if !strings.Contains(dsn, "pool_max_conns") {
		cfg.MaxConns = int32(max(16, 4*runtime.GOMAXPROCS(0)))
	}
	if err := migrate(ctx, cfg.ConnConfig); err != nil {
		return nil, fmt.Errorf("postgres: migrate: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	return &Store{pool: pool}, nil
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		return fmt.Errorf("postgres: ping: %w", err)
	}
	return nil
}

// Close closes the pool, waiting for connections in use to be returned.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}
