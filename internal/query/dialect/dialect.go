// Package dialect describes how Sightglass writes SQL for each engine it
// queries: SQLite (modernc), PostgreSQL, MySQL/MariaDB and DuckDB (SPICE). A Dialect turns
// already-compiled SQL fragments into engine-specific text: identifier
// quoting, placeholders, date truncation and arithmetic, casts, string
// functions and percentiles. Dialects never see request values: values are
// bound as arguments by the callers (internal/query, internal/query/expr).
package dialect

import (
	"strconv"
	"strings"
	"time"
)

// Granularity is a date granularity of a dimension or of truncDate.
type Granularity string

// Date granularities, as QuickSight's TimeGranularity names them.
const (
	Year    Granularity = "YEAR"
	Quarter Granularity = "QUARTER"
	Month   Granularity = "MONTH"
	Week    Granularity = "WEEK"
	Day     Granularity = "DAY"
	Hour    Granularity = "HOUR"
	Minute  Granularity = "MINUTE"
	Second  Granularity = "SECOND"
)

// Granularities lists the granularities every dialect truncates to.
var Granularities = []Granularity{Year, Quarter, Month, Week, Day, Hour, Minute, Second}

// ValidGranularity reports whether g is one of Granularities.
func ValidGranularity(g Granularity) bool {
	for _, v := range Granularities {
		if v == g {
			return true
		}
	}
	return false
}

// Type is a column type as QuickSight names it (InputColumnDataType and
// ColumnDataType).
type Type string

// Column types.
const (
	String   Type = "STRING"
	Integer  Type = "INTEGER"
	Decimal  Type = "DECIMAL"
	Datetime Type = "DATETIME"
	Bit      Type = "BIT"
	Boolean  Type = "BOOLEAN"
	JSON     Type = "JSON"
)

// Arg returns the reference to the i-th (0-based) argument of a fragment
// built by the compilers: a NUL-delimited index that no quoted identifier
// or generated SQL contains (QuoteIdent drops NUL bytes). A fragment may
// repeat a reference (a dialect function that uses its operand twice);
// Render turns references into placeholders and the argument list.
func Arg(i int) string { return "\x00" + strconv.Itoa(i) + "\x00" }

// Dialect writes SQL for one engine. Every method takes SQL fragments that
// the caller already compiled (never raw request text) and returns a
// fragment; arguments stay markers.
type Dialect interface {
	// Name is "sqlite", "postgres", "mysql" or "duckdb".
	Name() string
	// QuoteIdent quotes an identifier (column, table, alias).
	QuoteIdent(s string) string
	// Placeholder is the n-th (1-based) bound argument: "?" or "$n".
	Placeholder(n int) string
	// NumberedPlaceholders reports whether placeholders carry their
	// position ($n), so a fragment may be repeated without repeating its
	// arguments.
	NumberedPlaceholders() bool

	// Param wraps ref, a reference to a bound argument of type t (see Arg),
	// for places where the engine may not infer its type (PostgreSQL and
	// MySQL cast it).
	Param(ref string, t Type) string
	// Cast converts x to t.
	Cast(x string, t Type) string
	// Div is floating-point division that yields NULL when b is zero.
	Div(a, b string) string
	// Mod is the remainder of a divided by b.
	Mod(a, b string) string
	// Concat concatenates strings; NULL arguments make NULL, as in QuickSight.
	Concat(xs []string) string
	// Substring takes n characters of s from the 1-based position pos.
	Substring(s, pos, n string) string
	// Length is the number of characters of s.
	Length(s string) string
	// Trim removes leading and trailing blanks.
	Trim(s string) string
	// Contains, StartsWith and EndsWith are conditions that s contains,
	// starts with or ends with sub, comparing characters exactly (case
	// sensitive, whatever the column's collation); an empty sub matches
	// every non-NULL s. See match.go.
	Contains(s, sub string) string
	StartsWith(s, prefix string) string
	EndsWith(s, suffix string) string
	// IsNumber is the condition that the text s is a plain decimal
	// number (see numeric.go).
	IsNumber(s string) string
	// Split is item p (1-based, a positive constant) of s split at the
	// one-character d, empty items skipped (see split.go).
	Split(s, d string, p int) string
	// Left and Right are the first and last n characters of s (none when
	// n is negative). See strfuncs.go.
	Left(s, n string) string
	Right(s, n string) string
	// Locate is the 1-based character position of the first sub in s at
	// or after the 1-based start ("" for 1, values below 1 count as 1),
	// 0 when there is none; it compares characters exactly.
	Locate(s, sub, start string) string
	// Replace replaces every (case-sensitive) from in s with to.
	Replace(s, from, to string) string
	// LTrim and RTrim remove leading or trailing blanks.
	LTrim(s string) string
	RTrim(s string) string
	// EpochDate is the datetime n (integer) seconds after 1970-01-01 UTC.
	EpochDate(n string) string
	// FormatDatePart writes one field of the datetime x as text for a
	// QuickSight date-format token (yyyy, MMM, EEEE, …); ok is false for
	// tokens the dialect does not know. See formatdate.go.
	FormatDatePart(x, token string) (sql string, ok bool)
	// Upper and Lower change case.
	Upper(s string) string
	Lower(s string) string
	// Round rounds x to digits decimals (digits may be "").
	Round(x, digits string) string
	// Floor, Ceil and Abs are the usual numeric functions.
	Floor(x string) string
	Ceil(x string) string
	// Now is the current timestamp of the engine (without time zone).
	Now() string
	// StoredDatetime is the expression that reads x, a stored DATETIME
	// column, as the dialect's datetime: SQLite brings the text forms and
	// numbers files hold to its canonical text; typed engines return x.
	StoredDatetime(x string) string
	// DateTrunc truncates the datetime x to the start of its period g
	// (weeks start on Sunday, as in QuickSight).
	DateTrunc(x string, g Granularity) string
	// Extract returns the integer part p (YEAR, QUARTER, MONTH, WEEK (of
	// the year), DAY (of month), WEEKDAY (1 = Sunday), DAY_OF_YEAR, HOUR,
	// MINUTE, SECOND) of the datetime x.
	Extract(x string, p Granularity) string
	// DateDiff is the number of whole period boundaries g from a to b
	// (b - a), as QuickSight's dateDiff.
	DateDiff(a, b string, g Granularity) string
	// DateAdd adds n (an integer fragment) periods g to the datetime x.
	DateAdd(x, n string, g Granularity) string
	// Limit is the clause that keeps n rows (n is a fragment, usually an
	// argument reference), with a leading space.
	Limit(n string) string
	// OrderedSetPercentile reports whether the engine has a percentile
	// aggregate (PERCENTILE_CONT, or SQLite's registered functions); if
	// not, callers compute percentiles with window functions.
	OrderedSetPercentile() bool
	// Percentile is the continuous percentile aggregate of x at the
	// fraction p (a fragment in [0,1]); only when OrderedSetPercentile.
	Percentile(x, p string) string
	// OrderBy is one ORDER BY item for x with NULLs first when ascending
	// and last when descending, on every engine.
	OrderBy(x string, desc bool) string
	// BoolLiteral is the engine's true or false.
	BoolLiteral(b bool) string
	// TimeArg is the argument value to bind for a datetime parameter.
	TimeArg(t time.Time) any
}

var (
	// SQLite is the dialect of modernc.org/sqlite files.
	SQLite Dialect = sqliteDialect{}
	// Postgres is the dialect of PostgreSQL.
	Postgres Dialect = postgresDialect{}
	// MySQL is the dialect of MySQL 8 and MariaDB 10.4+.
	MySQL Dialect = mysqlDialect{}
	// DuckDB is the dialect of SPICE, Sightglass's imported copies of
	// datasets (internal/query/spice).
	DuckDB Dialect = duckdbDialect{}
)

// ForSourceType returns the dialect of a data source type: "SQLITE",
// "POSTGRESQL", "MYSQL", "MARIADB" (also Aurora's PostgreSQL and MySQL
// flavours).
func ForSourceType(t string) (Dialect, bool) {
	switch strings.ToUpper(t) {
	case "SQLITE":
		return SQLite, true
	case "POSTGRESQL", "AURORA_POSTGRESQL":
		return Postgres, true
	case "MYSQL", "MARIADB", "AURORA":
		return MySQL, true
	}
	return nil, false
}

// ByName returns the dialect named "sqlite", "postgres", "mysql" or
// "duckdb".
func ByName(name string) (Dialect, bool) {
	switch name {
	case "sqlite":
		return SQLite, true
	case "postgres":
		return Postgres, true
	case "mysql":
		return MySQL, true
	case "duckdb":
		return DuckDB, true
	}
	return nil, false
}

// quote wraps s in q, doubling q inside and dropping NUL bytes.
func quote(s string, q byte) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(q)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 0:
			continue
		case q:
			b.WriteByte(q)
		}
		b.WriteByte(s[i])
	}
	b.WriteByte(q)
	return b.String()
}

// orderBy is the ORDER BY item of engines whose NULLs sort first
// ascending and last descending (SQLite, MySQL).
func orderBy(x string, desc bool) string {
	if desc {
		return x + " DESC"
	}
	return x
}
