package source

import (
	"context"
	"database/sql/driver"
	"fmt"
	"io"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
)

// PostgresColumns returns the names and type names ("INT8", "TEXT",
// "TIMESTAMPTZ", ... as Stream's onColumns gets them) of the columns
// query returns at a PostgreSQL source, without running it (the server
// only plans it). A type the driver does not know is named by its OID.
func (p *Pool) PostgresColumns(ctx context.Context, key string, params Params, query string) (names, types []string, err error) {
	if params.Type != TypePostgreSQL {
		return nil, nil, fmt.Errorf("source: %s is not PostgreSQL", params.Type)
	}
	err = p.withPgConn(ctx, key, params, func(ctx context.Context, pc *pgx.Conn) error {
		sd, err := pc.PgConn().Prepare(ctx, "", query, nil)
		if err != nil {
			return err
		}
		m := pc.TypeMap()
		for _, f := range sd.Fields {
			names = append(names, f.Name)
			types = append(types, pgTypeName(m, f.DataTypeOID))
		}
		return nil
	})
	return names, types, err
}

// pgTypeName is the type name database/sql reports for a column of type
// oid (DatabaseTypeName of pgx's stdlib).
func pgTypeName(m *pgtype.Map, oid uint32) string {
	if t, ok := m.TypeForOID(oid); ok {
		return strings.ToUpper(t.Name)
	}
	return fmt.Sprintf("OID:%d", oid)
}

// PostgresCopyCSV runs query (a SELECT) at a PostgreSQL source in a
// read-only transaction through COPY … TO STDOUT and writes its rows to w
// as CSV: a value with a comma, quote or line end quoted (quotes
// doubled), empty text "", NULL an empty unquoted field, one line per row
// ending in "\n". The session reads times
// in UTC, writes dates in ISO form and floats exactly (extra_float_digits
// 3). Like Stream it has no time limit but ctx's; an error of w is
// returned as is.
func (p *Pool) PostgresCopyCSV(ctx context.Context, key string, params Params, query string, w io.Writer) error {
	if params.Type != TypePostgreSQL {
		return fmt.Errorf("source: %s is not PostgreSQL", params.Type)
	}
	cw := &copyWriter{w: w}
	err := p.withPgConn(ctx, key, params, func(ctx context.Context, pc *pgx.Conn) error {
		for _, set := range []string{"BEGIN READ ONLY", "SET LOCAL TimeZone = 'UTC'", "SET LOCAL DateStyle = 'ISO, YMD'", "SET LOCAL extra_float_digits = 3"} {
			if err := pc.PgConn().Exec(ctx, set).Close(); err != nil {
				return err
			}
		}
		_, err := pc.PgConn().CopyTo(ctx, cw, "COPY ("+query+") TO STDOUT WITH (FORMAT csv)")
		if err != nil {
			return err
		}
		return pc.PgConn().Exec(ctx, "ROLLBACK").Close()
	})
	if cw.err != nil {
		return cw.err
	}
	return err
}

// copyWriter keeps the error of the caller's writer apart from the
// source's.
type copyWriter struct {
	w   io.Writer
	err error
}

func (c *copyWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// withPgConn runs f on a session of the source of params with no
// statement time limit; the session is closed afterwards rather than
// reused (its settings changed). Errors are classified as Stream's.
func (p *Pool) withPgConn(ctx context.Context, key string, params Params, f func(context.Context, *pgx.Conn) error) error {
	db, err := p.db(key, params)
	if err != nil {
		return p.queryError(ctx, params, err, connectFailure)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return p.queryError(ctx, params, err, connectFailure)
	}
	defer func() {
		conn.Raw(func(any) error { return driver.ErrBadConn })
		conn.Close()
	}()
	if err := liftStatementTimeout(ctx, conn, params.Type); err != nil {
		return p.queryError(ctx, params, err, statementFailure)
	}
	err = conn.Raw(func(dc any) error {
		sc, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("postgres connection %T", dc)
		}
		return f(ctx, sc.Conn())
	})
	if err == nil {
		return nil
	}
	return p.queryError(ctx, params, err, statementFailure)
}
