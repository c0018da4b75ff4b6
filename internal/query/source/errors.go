package source

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"
	sqlite3 "github.com/mattn/go-sqlite3"
	sqlite "modernc.org/sqlite"
)

// Error types, as QuickSight's DataSourceErrorInfoType names them.
const (
	ErrAccessDenied              = "ACCESS_DENIED"
	ErrCopySourceNotFound        = "COPY_SOURCE_NOT_FOUND"
	ErrTimeout                   = "TIMEOUT"
	ErrEngineVersionNotSupported = "ENGINE_VERSION_NOT_SUPPORTED"
	ErrUnknownHost               = "UNKNOWN_HOST"
	ErrGenericSQLFailure         = "GENERIC_SQL_FAILURE"
	ErrConflict                  = "CONFLICT"
	ErrUnknown                   = "UNKNOWN"
	// ErrResultTooLarge is a query whose rows take more than the pool's
	// MaxBytes (Sightglass's own; not a DataSourceErrorInfoType).
	ErrResultTooLarge = "RESULT_TOO_LARGE"
)

// ConnectError is why a data source could not be reached or signed in to:
// what QuickSight reports as a data source's ErrorInfo. Its Message is one
// of this package's fixed texts: it never quotes the driver or the peer,
// so it neither holds the password nor tells what answered at the address.
type ConnectError struct {
	Type    string // a DataSourceErrorInfoType
	Message string
}

func (e *ConnectError) Error() string { return e.Type + ": " + e.Message }

// QueryError is why a query failed at the source. Type is ErrTimeout when
// the query ran past its time limit, ErrGenericSQLFailure for an error the
// database reported, or the type of a ConnectError when no connection could
// be made. Message is safe to show to the caller: a fixed text of this
// package, or the message of a database that accepted the session and then
// refused the statement.
type QueryError struct {
	Type    string
	Message string
}

func (e *QueryError) Error() string { return e.Type + ": " + e.Message }

// TooLarge reports whether the query's result passed the pool's MaxBytes.
func (e *QueryError) TooLarge() bool { return e.Type == ErrResultTooLarge }

// Timeout reports whether the query ran past its time limit.
func (e *QueryError) Timeout() bool { return e.Type == ErrTimeout }

// connectFailure maps an error met while opening a session — resolving
// and dialling the host, the protocol handshake, signing in, setting the
// session up — to an error type and one of the fixed messages below.
//
// Whatever is not a database's own answer (a refused, reset or timed-out
// connection, a peer that speaks another protocol) gets the same answer,
// so that a connection test cannot tell a closed port from an open one or
// read what a service at the address sends.
func connectFailure(p Params, err error) (string, string) {
	if ce, ok := errors.AsType[*ConnectError](err); ok {
		return ce.Type, ce.Message
	}
	if typ, msg, ok := sqliteFailure(p, err); ok {
		return typ, msg
	}
	if typ, msg, ok := duckdbFailure(p, err); ok {
		return typ, msg
	}
	if errors.Is(err, errHostNotAllowed) || isLookupError(err) {
		return ErrUnknownHost, fmt.Sprintf("Sightglass cannot connect to host %q: it does not resolve, or the server's operator has not allowed data sources to connect to it (--data-source-hosts).", p.Host)
	}
	if pe, ok := errors.AsType[*pgconn.PgError](err); ok {
		switch pe.Code {
		case "28P01", "28000":
			return ErrAccessDenied, fmt.Sprintf("Authentication failed for user %q at %s.", p.User, p.address())
		case "3D000":
			return ErrGenericSQLFailure, fmt.Sprintf("Database %q does not exist at %s.", p.Database, p.address())
		case "57014":
			return ErrTimeout, queryTimedOut
		}
		return ErrGenericSQLFailure, fmt.Sprintf("The database at %s refused the session.", p.address())
	}
	if me, ok := errors.AsType[*mysql.MySQLError](err); ok {
		switch me.Number {
		case 1045:
			return ErrAccessDenied, fmt.Sprintf("Access denied for user %q at %s.", p.User, p.address())
		case 1044:
			return ErrAccessDenied, fmt.Sprintf("Access denied for user %q to database %q at %s.", p.User, p.Database, p.address())
		case 1049:
			return ErrGenericSQLFailure, fmt.Sprintf("Database %q does not exist at %s.", p.Database, p.address())
		case 1969, 3024:
			return ErrTimeout, queryTimedOut
		}
		return ErrGenericSQLFailure, fmt.Sprintf("The database at %s refused the session.", p.address())
	}
	return ErrTimeout, noDatabase(p)
}

// statementFailure maps an error of a statement on an open session. A
// database's own error is passed on: the session was signed in to, so the
// peer is the database the data source names, and its messages (a missing
// column, a permission) are what the author needs to fix a query; they
// never hold the password. Anything else gets a fixed text.
func statementFailure(p Params, err error) (string, string) {
	if ce, ok := errors.AsType[*ConnectError](err); ok {
		return ce.Type, ce.Message
	}
	if typ, msg, ok := sqliteFailure(p, err); ok {
		return typ, msg
	}
	if typ, msg, ok := duckdbFailure(p, err); ok {
		return typ, msg
	}
	if pe, ok := errors.AsType[*pgconn.PgError](err); ok {
		switch pe.Code {
		case "57014":
			return ErrTimeout, queryTimedOut
		case "42501":
			return ErrAccessDenied, pe.Message
		}
		return ErrGenericSQLFailure, pe.Message
	}
	if me, ok := errors.AsType[*mysql.MySQLError](err); ok {
		switch me.Number {
		case 1969, 3024:
			return ErrTimeout, queryTimedOut
		}
		return ErrGenericSQLFailure, me.Message
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return ErrTimeout, queryTimedOut
	}
	if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
		return ErrTimeout, queryTimedOut
	}
	return ErrUnknown, fmt.Sprintf("The query at %s failed: the connection ended or returned data Sightglass cannot read.", where(p))
}

// queryTimedOut is the message of a query the server cancelled.
const queryTimedOut = "The query was cancelled because it ran past its time limit."

// noDatabase is the one answer for an address where no database session
// could be opened.
func noDatabase(p Params) string {
	return fmt.Sprintf("No %s database answered at %s.", engineName(p.Type), p.address())
}

func engineName(typ string) string {
	switch typ {
	case TypePostgreSQL:
		return "PostgreSQL"
	case TypeMariaDB:
		return "MariaDB"
	}
	return "MySQL"
}

// sqliteFailure maps the errors of SQLite files, which are the operator's
// own: their messages name the file and SQLite's error.
func sqliteFailure(p Params, err error) (string, string, bool) {
	if p.Type != TypeSQLite {
		return "", "", false
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return ErrTimeout, fmt.Sprintf("The %s did not answer in time.", where(p)), true
	}
	if errors.Is(err, ErrSQLitePathEscapes) {
		return ErrAccessDenied, fmt.Sprintf("The SQLite file %q is outside the server's SQLite directory.", p.SQLitePath), true
	}
	if errors.Is(err, os.ErrNotExist) {
		return ErrGenericSQLFailure, fmt.Sprintf("The SQLite file %q does not exist.", p.SQLitePath), true
	}
	if code, msg, ok := sqliteError(err); ok {
		switch code & 0xff {
		case 14: // SQLITE_CANTOPEN
			return ErrGenericSQLFailure, fmt.Sprintf("The SQLite file %q cannot be opened.", p.SQLitePath), true
		case 26: // SQLITE_NOTADB
			return ErrGenericSQLFailure, fmt.Sprintf("%q is not a SQLite database.", p.SQLitePath), true
		case 9: // SQLITE_INTERRUPT
			return ErrTimeout, "The query was interrupted because it ran past its time limit.", true
		}
		return ErrGenericSQLFailure, msg, true
	}
	return ErrUnknown, fmt.Sprintf("The %s could not be read.", where(p)), true
}

// sqliteError returns the result code and message of an error of either
// SQLite build (sqlitecgo.go), in the pure-Go build's words: "SQL logic
// error: no such column: x (1)".
func sqliteError(err error) (int, string, bool) {
	if se, ok := errors.AsType[*sqlite.Error](err); ok {
		return se.Code(), se.Error(), true
	}
	if se, ok := errors.AsType[sqlite3.Error](err); ok {
		code := int(se.ExtendedCode)
		msg := se.Error()
		if general := se.Code.Error(); !strings.HasPrefix(msg, general) {
			msg = general + ": " + msg
		}
		return code, fmt.Sprintf("%s (%d)", msg, code), true
	}
	return 0, "", false
}

// isLookupError reports whether err is a failed resolution of the host.
func isLookupError(err error) bool {
	if _, ok := errors.AsType[*hostLookupError](err); ok {
		return true
	}
	_, ok := errors.AsType[*net.DNSError](err)
	return ok
}

// where names the database for messages.
func where(p Params) string {
	if p.Type == TypeSQLite {
		return fmt.Sprintf("SQLite file %q", p.SQLitePath)
	}
	if p.Type == TypeDuckDB {
		return "the SPICE copy of the dataset"
	}
	return p.address()
}
