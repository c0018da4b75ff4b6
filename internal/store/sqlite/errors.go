package sqlite

import (
	"database/sql"
	"errors"
	"fmt"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
	"modernc.org/sqlite"
)

// Result codes from sqlite3.h. The driver enables extended result codes,
// so constraint errors carry their kind.
const (
	sqliteBusy                 = 5 // primary code; extended BUSY_* codes share the low byte
	sqliteConstraintForeignKey = 787
	sqliteConstraintPrimaryKey = 1555
	sqliteConstraintUnique     = 2067
)

// normalize turns a driver error from the call op into the error the
// Store contract names:
//
//   - a UNIQUE or PRIMARY KEY violation becomes m.Unique (EEXISTS, or
//     ECONFLICT for an account name);
//   - sql.ErrNoRows and FOREIGN KEY violations (the parent row is missing)
//     become m.Missing (ENOTFOUND);
//   - SQLITE_BUSY, which means that another process (or another Store on
//     the same file) held the write lock longer than busy_timeout, becomes
//     EUNAVAILABLE: retryable, and shown to clients as such;
//   - anything else stays internal.
//
// The driver error stays in the chain (for logs) next to the *sg.Error
// whose code and safe message sightglass.ErrorCode and ErrorMessage find.
func normalize(op string, err error, m sqlkit.Meaning) error {
	if err == nil {
		return nil
	}
	if _, ok := errors.AsType[*sg.Error](err); ok {
		return err
	}
	var e *sg.Error
	switch code := resultCode(err); {
	case errors.Is(err, sql.ErrNoRows):
		if m.Missing != nil {
			return m.Missing
		}
	case isUnique(err):
		e = m.Unique
	case code == sqliteConstraintForeignKey:
		e = m.Missing
	case code&0xff == sqliteBusy:
		e = sqlkit.Busy()
	}
	if e == nil {
		return fmt.Errorf("sqlite: %s: %w", op, err)
	}
	return fmt.Errorf("sqlite: %s: %w: %w", op, e, err)
}

// isUnique reports whether err is a UNIQUE or PRIMARY KEY violation.
func isUnique(err error) bool {
	code := resultCode(err)
	return code == sqliteConstraintUnique || code == sqliteConstraintPrimaryKey
}

// resultCode returns the SQLite result code of err, or 0.
func resultCode(err error) int {
	if e, ok := errors.AsType[*sqlite.Error](err); ok {
		return e.Code()
	}
	return 0
}
