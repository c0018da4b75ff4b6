package postgres

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// SQLSTATE codes (PostgreSQL Appendix A).
const (
	uniqueViolation      = "23505"
	foreignKeyViolation  = "23503"
	serializationFailure = "40001"
	deadlockDetected     = "40P01"
)

// normalize turns a driver error from the call op into the error the
// Store contract names:
//
//   - unique_violation becomes m.Unique (EEXISTS, or ECONFLICT for an
//     account name);
//   - pgx.ErrNoRows and foreign_key_violation (the parent row is missing)
//     become m.Missing (ENOTFOUND);
//   - serialization failures and deadlocks become EUNAVAILABLE (retryable);
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
	switch code := sqlState(err); {
	case errors.Is(err, pgx.ErrNoRows):
		if m.Missing != nil {
			return m.Missing
		}
	case code == uniqueViolation:
		e = m.Unique
	case code == foreignKeyViolation:
		e = m.Missing
	case code == serializationFailure || code == deadlockDetected:
		e = sqlkit.Busy()
	}
	if e == nil {
		return fmt.Errorf("postgres: %s: %w", op, err)
	}
	return fmt.Errorf("postgres: %s: %w: %w", op, e, err)
}

// isUnique reports whether err is a unique_violation.
func isUnique(err error) bool { return sqlState(err) == uniqueViolation }

// sqlState returns the SQLSTATE of a server error, or "".
func sqlState(err error) string {
	if e, ok := errors.AsType[*pgconn.PgError](err); ok {
		return e.Code
	}
	return ""
}
