package sqlcheck_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/sqlcheck"
)

// TestDeepNesting: text nested as deep as the length limit allows is
// refused by PostgreSQL's parser (its stack depth limit) and read by the
// MySQL one (which has no such limit: the server may refuse it); neither
// panics, and both still work afterwards.
func TestDeepNesting(t *testing.T) {
	const n = sqlcheck.MaxLength/2 - 10
	deep := "SELECT " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n)
	for name, check := range map[string]func(string) (string, error){"postgres": sqlcheck.Postgres, "mysql": sqlcheck.MySQL} {
		_, err := check(deep)
		if _, ok := errors.AsType[*sqlcheck.Problem](err); !ok && (name == "postgres" || err != nil) {
			t.Errorf("%s: deep nesting: %v", name, err)
		}
		if got, err := check("SELECT 1 AS one"); err != nil || got != "SELECT 1 AS one" {
			t.Errorf("%s: after deep nesting: %q, %v", name, got, err)
		}
	}
}
