package dialect

import (
	"strconv"
	"strings"
	"time"
)

// sqliteDialect writes SQLite. Datetimes are text "YYYY-MM-DD HH:MM:SS"
// (what strftime understands), possibly with fractional seconds: stored
// columns are brought to that form by StoredDatetime, and every function
// that yields a datetime (datetime(), truncation, bound arguments) writes
// it. Comparisons are then text comparisons, and truncation cuts the text.
type sqliteDialect struct{}

// canonicalDatetime is the LIKE pattern of the canonical datetime text.
const canonicalDatetime = "'____-__-__ __:__:__'"

// StoredDatetime brings a stored datetime to the canonical text: values
// already in it stay as they are (one LIKE per row); other text forms
// (date only, a "T" separator, fractional seconds, a zone offset) and
// numbers (unix seconds or julian days, told apart by magnitude) go
// through datetime(x, 'auto').
func (sqliteDialect) StoredDatetime(x string) string {
	return "CASE WHEN " + x + " LIKE " + canonicalDatetime + " THEN " + x + " ELSE datetime(" + x + ", 'auto') END"
}

func (sqliteDialect) Name() string                    { return "sqlite" }
func (sqliteDialect) QuoteIdent(s string) string      { return quote(s, '"') }
func (sqliteDialect) Placeholder(int) string          { return "?" }
func (sqliteDialect) NumberedPlaceholders() bool      { return false }
func (sqliteDialect) Param(ref string, _ Type) string { return ref }
func (sqliteDialect) Mod(a, b string) string          { return "(" + a + " % " + b + ")" }
func (sqliteDialect) Substring(s, p, n string) string {
	return "substr(" + s + ", " + p + ", " + n + ")"
}
func (sqliteDialect) Length(s string) string { return "length(" + s + ")" }
func (sqliteDialect) Trim(s string) string   { return "trim(" + s + ")" }
func (sqliteDialect) Upper(s string) string  { return "upper(" + s + ")" }
func (sqliteDialect) Lower(s string) string  { return "lower(" + s + ")" }
func (sqliteDialect) Floor(x string) string  { return "floor(" + x + ")" }
func (sqliteDialect) Ceil(x string) string   { return "ceil(" + x + ")" }
func (sqliteDialect) Now() string            { return "datetime('now')" }
func (sqliteDialect) Limit(n string) string  { return " LIMIT " + n }
func (sqliteDialect) OrderedSetPercentile() bool {
	return true // registered on data-source connections (sqlitepercentile.go)
}
func (sqliteDialect) Percentile(x, p string) string {
	return SQLitePercentileCont + "(" + x + ", " + p + ")"
}
func (sqliteDialect) TimeArg(t time.Time) any { return t.Format(time.DateTime) }
func (sqliteDialect) BoolLiteral(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func (sqliteDialect) Round(x, digits string) string {
	if digits == "" {
		return "round(" + x + ")"
	}
	return "round(" + x + ", " + digits + ")"
}

func (sqliteDialect) Cast(x string, t Type) string {
	switch t {
	case String, JSON:
		return "CAST(" + x + " AS TEXT)"
	case Integer, Bit, Boolean:
		return "CAST(" + x + " AS INTEGER)"
	case Decimal:
		return "CAST(" + x + " AS REAL)"
	case Datetime:
		return "datetime(" + x + ", 'auto')"
	}
	return x
}

func (sqliteDialect) Div(a, b string) string {
	return "(CAST(" + a + " AS REAL) / NULLIF(" + b + ", 0))"
}

func (sqliteDialect) Concat(xs []string) string {
	return "(" + strings.Join(xs, " || ") + ")"
}

// DateTrunc cuts the canonical text: a prefix plus the constant rest,
// which costs far less per row than strftime (see docs/benchmarks-log.md, "SQLite dates"). Each
// form reads x at most twice, since SQLite copies x (a column's
// StoredDatetime expression) into every place it is used.
func (sqliteDialect) DateTrunc(x string, g Granularity) string {
	switch g {
	case Year:
		return "(substr(" + x + ", 1, 4) || '-01-01 00:00:00')"
	case Quarter:
		// The month "01".."12" picks the quarter's first month from a
		// table of two-character entries.
		return "(substr(" + x + ", 1, 5) || substr('010101040404070707101010', substr(" + x + ", 6, 2) * 2 - 1, 2) || '-01 00:00:00')"
	case Month:
		return "(substr(" + x + ", 1, 7) || '-01 00:00:00')"
	case Week:
		// Back six days, then forward to the next Sunday (or the same day
		// if it is one): the Sunday that starts x's week, in one call.
		return "datetime(" + x + ", 'start of day', '-6 days', 'weekday 0')"
	case Day:
		return "(substr(" + x + ", 1, 10) || ' 00:00:00')"
	case Hour:
		return "(substr(" + x + ", 1, 13) || ':00:00')"
	case Minute:
		return "(substr(" + x + ", 1, 16) || ':00')"
	}
	return "substr(" + x + ", 1, 19)"
}

func (sqliteDialect) Extract(x string, p Granularity) string {
	part := func(f string) string { return "CAST(strftime('" + f + "', " + x + ") AS INTEGER)" }
	switch p {
	case Year:
		return part("%Y")
	case Quarter:
		return "((" + part("%m") + " + 2) / 3)"
	case Month:
		return part("%m")
	case Week:
		return "((" + part("%j") + " + 6 - " + part("%w") + ") / 7)"
	case Day:
		return part("%d")
	case "WEEKDAY":
		return "(" + part("%w") + " + 1)"
	case "DAY_OF_YEAR":
		return part("%j")
	case Hour:
		return part("%H")
	case Minute:
		return part("%M")
	}
	return part("%S")
}

func (d sqliteDialect) DateDiff(a, b string, g Granularity) string {
	return dateDiff(d, func(a, b string) string {
		return "(CAST(strftime('%s', " + b + ") AS INTEGER) - CAST(strftime('%s', " + a + ") AS INTEGER))"
	}, func(a, b string) string { return "(" + a + " / " + b + ")" }, a, b, g)
}

func (sqliteDialect) DateAdd(x, n string, g Granularity) string {
	unit, mul := "days", 1
	switch g {
	case Year:
		unit = "years"
	case Quarter:
		unit, mul = "months", 3
	case Month:
		unit = "months"
	case Week:
		mul = 7
	case Hour:
		unit = "hours"
	case Minute:
		unit = "minutes"
	case Second:
		unit = "seconds"
	}
	amount := "CAST(" + n + " AS INTEGER)"
	if mul != 1 {
		amount = "(" + amount + " * " + strconv.Itoa(mul) + ")"
	}
	if unit == "years" || unit == "months" {
		// 'floor' keeps the day within the target month (Jan 31 + 1
		// month = Feb 28), as PostgreSQL and MySQL do.
		return "datetime(" + x + ", " + amount + " || ' " + unit + "', 'floor')"
	}
	return "datetime(" + x + ", " + amount + " || ' " + unit + "')"
}

func (sqliteDialect) OrderBy(x string, desc bool) string { return orderBy(x, desc) }
