package postgres

import (
	"context"
	"embed"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrateLock is the advisory lock key that serialises migrations.
const migrateLock int64 = 0x5347_6d69_6772_6174 // "SGmigrat"

// migrate applies the embedded migrations the database lacks, on a
// connection of its own: closing it releases the advisory lock whatever
// happened.
func migrate(ctx context.Context, cc *pgx.ConnConfig) error {
	list, err := sqlkit.Migrations(migrationFS, "migrations")
	if err != nil {
		return err
	}
	conn, err := pgx.ConnectConfig(ctx, cc)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, migrateLock); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    integer NOT NULL PRIMARY KEY,
		name       text    NOT NULL,
		applied_at bigint  NOT NULL
	)`); err != nil {
		return err
	}
	rows, _ := conn.Query(ctx, `SELECT version FROM schema_migrations`)
	versions, err := pgx.CollectRows(rows, pgx.RowTo[int])
	if err != nil {
		return err
	}
	applied := map[int]bool{}
	for _, v := range versions {
		applied[v] = true
		if known := list[len(list)-1].Version; v > known {
			return fmt.Errorf("database schema version %d is newer than this binary's %d", v, known)
		}
	}
	for _, m := range list {
		if applied[m.Version] {
			continue
		}
		if err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
				m.Version, m.Name, time.Now().UnixMilli())
			return err
		}); err != nil {
			return fmt.Errorf("%s: %w", m.Name, err)
		}
	}
	_, err = conn.Exec(ctx, `SELECT pg_advisory_unlock($1)`, migrateLock)
	return err
}
