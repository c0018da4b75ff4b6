package source

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// openPostgres returns a pool of read-only sessions to a PostgreSQL database:
// default_transaction_read_only is on, statement_timeout bounds every
// statement on the server, and backslashes in '…' strings are plain
// characters, as the parser that checked custom SQL read them.
func openPostgres(p Params, o Options) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(postgresDSN(p, o))
	if err != nil {
		return nil, fmt.Errorf("postgres connection settings: %w", err)
	}
	if o.Hosts != nil {
		// The policy resolves and checks the host where it dials, so the
		// driver must hand it the name, not addresses it looked up itself.
		// (A cancel request dials the server's address: for a host allowed
		// by name only it is refused, and the statement ends by its
		// statement_timeout or its closed connection instead.)
		cfg.LookupFunc = func(_ context.Context, host string) ([]string, error) { return []string{host}, nil }
		cfg.DialFunc = o.Hosts.DialContext
	}
	return stdlib.OpenDB(*cfg), nil
}

// postgresDSN is a keyword/value connection string with every value quoted,
// so nothing in the parameters can add a keyword.
func postgresDSN(p Params, o Options) string {
	kv := []string{
		"host=" + pgQuote(p.Host),
		fmt.Sprintf("port=%d", p.port()),
		"dbname=" + pgQuote(p.Database),
		"user=" + pgQuote(p.User),
		"password=" + pgQuote(p.Password),
		fmt.Sprintf("connect_timeout=%d", max(1, int(o.ConnectTimeout/time.Second))),
		"sslmode=prefer",
		"application_name=sightglass",
		"default_transaction_read_only=on",
		// Custom SQL was checked by a parser that reads strings this way.
		"standard_conforming_strings=on",
		fmt.Sprintf("statement_timeout=%d", o.QueryTimeout.Milliseconds()),
		// QuickSight works in UTC: a timestamptz is read, truncated and
		// compared in UTC whatever the server's or role's default zone.
		"TimeZone=UTC",
	}
	return strings.Join(kv, " ")
}

func pgQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
