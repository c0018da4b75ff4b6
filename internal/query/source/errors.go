package source

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"syscall"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"
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
// what QuickSight reports as a data source's ErrorInfo. Message never
// contains the password.
type ConnectError struct {
	Type    string // a DataSourceErrorInfoType
	Message string
}

func (e *ConnectError) Error() string { return e.Type + ": " + e.Message }

// QueryError is why a query failed at the source. Type is ErrTimeout when
// the query ran past its time limit, ErrGenericSQLFailure for an error the
// database reported, or the type of a ConnectError when no connection could
// be made. Message is safe to show to the caller.
type QueryError struct {
	Type    string
	Message string
}

func (e *QueryError) Error() string { return e.Type + ": " + e.Message }

// TooLarge reports whether the query's result passed the pool's MaxBytes.
func (e *QueryError) TooLarge() bool { return e.Type == ErrResultTooLarge }

// Timeout reports whether the query ran past its time limit.
func (e *QueryError) Timeout() bool { return e.Type == ErrTimeout }

// classify maps a driver error to an error type and a message that names
// the database and host but never the password.
func classify(p Params, err error) (typ, msg string) {
	typ, msg = classify1(p, err)
	return typ, scrub(msg, p.Password)
}

func classify1(p Params, err error) (string, string) {
	if ce, ok := errors.AsType[*ConnectError](err); ok {
		return ce.Type, ce.Message
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return ErrTimeout, fmt.Sprintf("The connection to %s timed out.", where(p))
	}
	if errors.Is(err, ErrSQLitePathEscapes) {
		return ErrAccessDenied, fmt.Sprintf("The SQLite file %q is outside the server's SQLite directory.", p.SQLitePath)
	}
	if errors.Is(err, os.ErrNotExist) {
		return ErrGenericSQLFailure, fmt.Sprintf("The SQLite file %q does not exist.", p.SQLitePath)
	}
	if pe, ok := errors.AsType[*pgconn.PgError](err); ok {
		switch pe.Code {
		case "28P01", "28000":
			return ErrAccessDenied, fmt.Sprintf("Authentication failed for user %q at %s.", p.User, p.address())
		case "3D000":
			return ErrGenericSQLFailure, fmt.Sprintf("Database %q does not exist at %s.", p.Database, p.address())
		case "57014":
			return ErrTimeout, "The query was cancelled because it ran past its time limit."
		case "42501":
			return ErrAccessDenied, pe.Message
		}
		return ErrGenericSQLFailure, pe.Message
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
			return ErrTimeout, "The query was cancelled because it ran past its time limit."
		}
		return ErrGenericSQLFailure, me.Message
	}
	if de, ok := errors.AsType[*net.DNSError](err); ok {
		if de.IsTimeout {
			return ErrTimeout, fmt.Sprintf("Looking up host %q timed out.", p.Host)
		}
		return ErrUnknownHost, fmt.Sprintf("Host %q could not be resolved.", p.Host)
	}
	if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
		return ErrTimeout, fmt.Sprintf("The connection to %s timed out.", where(p))
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return ErrTimeout, fmt.Sprintf("The connection to %s was refused: nothing is listening there.", p.address())
	}
	if errors.Is(err, syscall.EHOSTUNREACH) || errors.Is(err, syscall.ENETUNREACH) {
		return ErrTimeout, fmt.Sprintf("Host %s is unreachable.", p.address())
	}
	if se, ok := errors.AsType[*sqlite.Error](err); ok {
		switch se.Code() & 0xff {
		case 14: // SQLITE_CANTOPEN
			return ErrGenericSQLFailure, fmt.Sprintf("The SQLite file %q cannot be opened.", p.SQLitePath)
		case 26: // SQLITE_NOTADB
			return ErrGenericSQLFailure, fmt.Sprintf("%q is not a SQLite database.", p.SQLitePath)
		case 9: // SQLITE_INTERRUPT
			return ErrTimeout, "The query was interrupted because it ran past its time limit."
		}
		return ErrGenericSQLFailure, se.Error()
	}
	if errors.Is(err, net.ErrClosed) || errors.Is(err, syscall.ECONNRESET) {
		return ErrUnknown, fmt.Sprintf("The connection to %s was closed.", where(p))
	}
	return ErrUnknown, err.Error()
}

// where names the database for messages.
func where(p Params) string {
	if p.Type == TypeSQLite {
		return fmt.Sprintf("SQLite file %q", p.SQLitePath)
	}
	return p.address()
}

// scrub removes the password from a message, in case a driver quoted it.
func scrub(msg, password string) string {
	if password == "" {
		return msg
	}
	return strings.ReplaceAll(msg, password, "********")
}
