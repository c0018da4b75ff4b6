package dialect

import (
	"strings"
	"time"
)

// mysqlDialect writes MySQL 8 and MariaDB 10.4+ SQL. Neither has an
// ordered-set PERCENTILE_CONT aggregate (MariaDB has it only as a window
// function), so percentiles are computed with window functions.
type mysqlDialect struct{}

func (mysqlDialect) Name() string               { return "mysql" }
func (mysqlDialect) QuoteIdent(s string) string { return quote(s, '`') }
func (mysqlDialect) Placeholder(int) string     { return "?" }
func (mysqlDialect) NumberedPlaceholders() bool { return false }
func (mysqlDialect) Mod(a, b string) string     { return "MOD(" + a + ", " + b + ")" }
func (mysqlDialect) Substring(s, p, n string) string {
	return "SUBSTRING(" + s + ", " + p + ", " + n + ")"
}
func (mysqlDialect) Length(s string) string { return "CHAR_LENGTH(" + s + ")" }
func (mysqlDialect) Trim(s string) string   { return "TRIM(" + s + ")" }
func (mysqlDialect) Upper(s string) string  { return "UPPER(" + s + ")" }
func (mysqlDialect) Lower(s string) string  { return "LOWER(" + s + ")" }
func (mysqlDialect) Floor(x string) string  { return "FLOOR(" + x + ")" }
func (mysqlDialect) Ceil(x string) string   { return "CEIL(" + x + ")" }
func (mysqlDialect) Now() string            { return "UTC_TIMESTAMP()" }
func (mysqlDialect) Limit(n string) string  { return " LIMIT " + n }
func (mysqlDialect) OrderedSetPercentile() bool {
	return false
}
func (mysqlDialect) Percentile(x, p string) string { return "NULL" }
func (mysqlDialect) TimeArg(t time.Time) any       { return t.Format(time.DateTime) }
func (mysqlDialect) BoolLiteral(b bool) string {
	if b {
		return "TRUE"
	}
	return "FALSE"
}

func (mysqlDialect) Param(ref string, t Type) string {
	if t == Datetime {
		return "CAST(" + ref + " AS DATETIME)"
	}
	return ref
}

func (mysqlDialect) Cast(x string, t Type) string {
	switch t {
	case String, JSON:
		return "CAST(" + x + " AS CHAR)"
	case Integer:
		return "CAST(TRUNCATE(" + x + ", 0) AS SIGNED)"
	case Bit, Boolean:
		return "CAST(" + x + " AS SIGNED)"
	case Decimal:
		return "CAST(" + x + " AS DOUBLE)"
	case Datetime:
		return "CAST(" + x + " AS DATETIME)"
	}
	return x
}

// Round rounds half away from zero: MySQL rounds DOUBLE halves to even,
// so the value becomes an exact DECIMAL first.
func (mysqlDialect) Round(x, digits string) string {
	x = "CAST(" + x + " AS DECIMAL(65, 10))"
	if digits == "" {
		return "ROUND(" + x + ")"
	}
	return "ROUND(" + x + ", " + digits + ")"
}

func (mysqlDialect) Div(a, b string) string {
	return "(CAST(" + a + " AS DOUBLE) / NULLIF(" + b + ", 0))"
}

func (mysqlDialect) Concat(xs []string) string {
	return "CONCAT(" + strings.Join(xs, ", ") + ")"
}

// StoredDatetime returns x: the column is typed.
func (mysqlDialect) StoredDatetime(x string) string { return x }

func (mysqlDialect) DateTrunc(x string, g Granularity) string {
	switch g {
	case Year:
		return "CAST(DATE_FORMAT(" + x + ", '%Y-01-01 00:00:00') AS DATETIME)"
	case Quarter:
		return "CAST(CONCAT(YEAR(" + x + "), '-', LPAD((QUARTER(" + x + ") - 1) * 3 + 1, 2, '0'), '-01 00:00:00') AS DATETIME)"
	case Month:
		return "CAST(DATE_FORMAT(" + x + ", '%Y-%m-01 00:00:00') AS DATETIME)"
	case Week:
		return "CAST(DATE_SUB(DATE(" + x + "), INTERVAL DAYOFWEEK(" + x + ") - 1 DAY) AS DATETIME)"
	case Day:
		return "CAST(DATE(" + x + ") AS DATETIME)"
	case Hour:
		return "CAST(DATE_FORMAT(" + x + ", '%Y-%m-%d %H:00:00') AS DATETIME)"
	case Minute:
		return "CAST(DATE_FORMAT(" + x + ", '%Y-%m-%d %H:%i:00') AS DATETIME)"
	}
	return "CAST(DATE_FORMAT(" + x + ", '%Y-%m-%d %H:%i:%s') AS DATETIME)"
}

func (mysqlDialect) Extract(x string, p Granularity) string {
	switch p {
	case Year:
		return "YEAR(" + x + ")"
	case Quarter:
		return "QUARTER(" + x + ")"
	case Month:
		return "MONTH(" + x + ")"
	case Week:
		return "((DAYOFYEAR(" + x + ") + 6 - (DAYOFWEEK(" + x + ") - 1)) DIV 7)"
	case Day:
		return "DAYOFMONTH(" + x + ")"
	case "WEEKDAY":
		return "DAYOFWEEK(" + x + ")"
	case "DAY_OF_YEAR":
		return "DAYOFYEAR(" + x + ")"
	case Hour:
		return "HOUR(" + x + ")"
	case Minute:
		return "MINUTE(" + x + ")"
	}
	return "SECOND(" + x + ")"
}

func (d mysqlDialect) DateDiff(a, b string, g Granularity) string {
	return dateDiff(d, func(a, b string) string {
		return "TIMESTAMPDIFF(SECOND, " + a + ", " + b + ")"
	}, func(a, b string) string { return "(" + a + " DIV " + b + ")" }, a, b, g)
}

var mysqlUnits = map[Granularity]string{
	Year: "YEAR", Quarter: "QUARTER", Month: "MONTH", Week: "WEEK", Day: "DAY",
	Hour: "HOUR", Minute: "MINUTE", Second: "SECOND",
}

func (mysqlDialect) DateAdd(x, n string, g Granularity) string {
	u, ok := mysqlUnits[g]
	if !ok {
		u = "DAY"
	}
	return "DATE_ADD(" + x + ", INTERVAL " + n + " " + u + ")"
}

func (mysqlDialect) OrderBy(x string, desc bool) string { return orderBy(x, desc) }
