// Package sqlcheck decides whether a dataset's custom SQL may run at a data
// source. It reads the text with a real parser of the source's dialect
// (PostgreSQL's own grammar, a MySQL grammar, SQLite itself) and accepts
// exactly one read-only query that calls only functions on an allow-list
// of side-effect-free functions. Everything else is refused with a
// Problem naming what was found and, where the parser says, where.
//
// The check narrows what custom SQL can do; the privileges of the data
// source's database user remain the real boundary.
package sqlcheck

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxLength is the longest custom SQL checked (QuickSight's limit of
// CustomSql.SqlQuery).
const MaxLength = 168000

// Problem is why custom SQL was refused. Its text completes a sentence
// that starts with the member's name ("… SqlQuery calls pg_read_file …").
type Problem struct {
	Message string
	// Char is the 1-based character position in the query the problem is
	// at, or 0 when the parser does not tell.
	Char int
}

func (p *Problem) Error() string {
	if p.Char > 0 {
		return fmt.Sprintf("%s (at character %d)", p.Message, p.Char)
	}
	return p.Message
}

// problemAt is a Problem at byte offset off of sql (negative: unknown).
func problemAt(sql string, off int, format string, args ...any) *Problem {
	p := &Problem{Message: fmt.Sprintf(format, args...)}
	if off >= 0 && off <= len(sql) {
		p.Char = utf8.RuneCountInString(sql[:off]) + 1
	}
	return p
}

// precheck refuses what no dialect's parser should see: text too long,
// not UTF-8 or with a NUL.
func precheck(sql string) *Problem {
	switch {
	case len(sql) > MaxLength:
		return &Problem{Message: "is longer than 168000 characters"}
	case !utf8.ValidString(sql):
		return &Problem{Message: "is not valid UTF-8"}
	case strings.IndexByte(sql, 0) >= 0:
		return problemAt(sql, strings.IndexByte(sql, 0), "contains a NUL character")
	case strings.TrimSpace(sql) == "":
		return &Problem{Message: "must be a single SELECT statement"}
	}
	return nil
}

// funcNotAllowed is the Problem of a call to a function off the allow-list.
func funcNotAllowed(sql string, off int, name string) *Problem {
	return problemAt(sql, off, "calls the function %s, which custom SQL may not call: a read-only query may call only side-effect-free functions (aggregates, math, string, date and time, conditional, casts, JSON)", name)
}
