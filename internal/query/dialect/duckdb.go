package dialect

import (
	"strconv"
	"strings"
	"time"
)

// duckdbDialect writes DuckDB, the SPICE engine. Datetimes are TIMESTAMP
// (without time zone) in UTC. DuckDB's "/" divides as floating point, so
// integer division is written "//" where the dialect needs it.
type duckdbDialect struct{}

func (duckdbDialect) Name() string               { return "duckdb" }
func (duckdbDialect) QuoteIdent(s string) string { return quote(s, '"') }
func (duckdbDialect) Placeholder(n int) string   { return "$" + strconv.Itoa(n) }
func (duckdbDialect) NumberedPlaceholders() bool { return true }

// Mod keeps the sign of a, as PostgreSQL's MOD and SQLite's % do.
func (duckdbDialect) Mod(a, b string) string { return "(" + a + " % " + b + ")" }

// Substring clamps the start at 1 and shortens the length by what lies
// before it, as PostgreSQL's SUBSTRING does (DuckDB would count a start
// below 1 from the end of s).
func (duckdbDialect) Substring(s, p, n string) string {
	start := "CAST(" + p + " AS BIGINT)"
	length := "CAST(" + n + " AS BIGINT)"
	return "(CASE WHEN " + start + " >= 1 THEN substring(" + s + ", " + start + ", " + length + ") ELSE substring(" + s + ", 1, greatest(" + length + " + " + start + " - 1, 0)) END)"
}
func (duckdbDialect) Length(s string) string { return "length(" + s + ")" }
func (duckdbDialect) Trim(s string) string   { return "trim(" + s + ")" }
func (duckdbDialect) Upper(s string) string  { return "upper(" + s + ")" }
func (duckdbDialect) Lower(s string) string  { return "lower(" + s + ")" }
func (duckdbDialect) Floor(x string) string  { return "floor(" + x + ")" }
func (duckdbDialect) Ceil(x string) string   { return "ceil(" + x + ")" }
func (duckdbDialect) Now() string            { return "timezone('UTC', now())" }
func (duckdbDialect) Limit(n string) string  { return " LIMIT " + n }
func (duckdbDialect) OrderedSetPercentile() bool {
	return true
}
func (duckdbDialect) Percentile(x, p string) string {
	return "PERCENTILE_CONT(" + p + ") WITHIN GROUP (ORDER BY " + x + ")"
}
func (duckdbDialect) TimeArg(t time.Time) any { return t.Format(time.DateTime) }
func (duckdbDialect) BoolLiteral(b bool) string {
	if b {
		return "TRUE"
	}
	return "FALSE"
}

var duckdbTypes = map[Type]string{
	String: "VARCHAR", Integer: "BIGINT", Decimal: "DOUBLE", Datetime: "TIMESTAMP",
	Bit: "INTEGER", Boolean: "BOOLEAN", JSON: "VARCHAR",
}

func (duckdbDialect) Param(ref string, t Type) string {
	if dt, ok := duckdbTypes[t]; ok {
		return "CAST(" + ref + " AS " + dt + ")"
	}
	return ref
}

// Cast reads text as a number with TRY_CAST: the compilers only cast
// text they checked (IsNumber, a shape), but DuckDB folds constant CASE
// branches before it knows which one is taken, so a strict cast of a
// literal in a branch not taken would fail the query. Numbers out of
// BIGINT's range still fail, as on PostgreSQL.
func (duckdbDialect) Cast(x string, t Type) string {
	dt, ok := duckdbTypes[t]
	if !ok {
		return x
	}
	switch t {
	case Integer:
		// QuickSight truncates decimals; DuckDB's cast would round.
		return "CAST(trunc(TRY_CAST(" + x + " AS DOUBLE)) AS BIGINT)"
	case Decimal:
		return "TRY_CAST(" + x + " AS DOUBLE)"
	}
	return "CAST(" + x + " AS " + dt + ")"
}

// Round rounds a double half away from zero, as PostgreSQL does.
func (duckdbDialect) Round(x, digits string) string {
	if digits == "" {
		return "round(CAST(" + x + " AS DOUBLE))"
	}
	return "round(CAST(" + x + " AS DOUBLE), CAST(" + digits + " AS INTEGER))"
}

func (duckdbDialect) Div(a, b string) string {
	return "(CAST(" + a + " AS DOUBLE) / NULLIF(" + b + ", 0))"
}

func (duckdbDialect) Concat(xs []string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = "CAST(" + x + " AS VARCHAR)"
	}
	return "(" + strings.Join(parts, " || ") + ")"
}

// StoredDatetime returns x: the column is typed.
func (duckdbDialect) StoredDatetime(x string) string { return x }

var duckdbTrunc = map[Granularity]string{
	Year: "year", Quarter: "quarter", Month: "month", Day: "day", Hour: "hour", Minute: "minute", Second: "second",
}

func (duckdbDialect) DateTrunc(x string, g Granularity) string {
	ts := "CAST(" + x + " AS TIMESTAMP)"
	if g == Week {
		// date_trunc's weeks start on Monday; QuickSight's on Sunday.
		return "CAST(date_trunc('week', " + ts + " + INTERVAL 1 DAY) - INTERVAL 1 DAY AS TIMESTAMP)"
	}
	u, ok := duckdbTrunc[g]
	if !ok {
		u = "second"
	}
	return "CAST(date_trunc('" + u + "', " + ts + ") AS TIMESTAMP)"
}

var duckdbExtract = map[Granularity]string{
	Year: "year", Quarter: "quarter", Month: "month", Day: "day", Hour: "hour", Minute: "minute",
	Second: "second", "DAY_OF_YEAR": "dayofyear",
}

func (duckdbDialect) Extract(x string, p Granularity) string {
	ts := "CAST(" + x + " AS TIMESTAMP)"
	switch p {
	case Week:
		return "((CAST(dayofyear(" + ts + ") AS BIGINT) + 6 - CAST(dayofweek(" + ts + ") AS BIGINT)) // 7)"
	case "WEEKDAY":
		return "(CAST(dayofweek(" + ts + ") AS BIGINT) + 1)"
	}
	f, ok := duckdbExtract[p]
	if !ok {
		f = "year"
	}
	return "CAST(" + f + "(" + ts + ") AS BIGINT)"
}

func (d duckdbDialect) DateDiff(a, b string, g Granularity) string {
	return dateDiff(d, func(a, b string) string {
		return "CAST(epoch(CAST(" + b + " AS TIMESTAMP)) - epoch(CAST(" + a + " AS TIMESTAMP)) AS BIGINT)"
	}, func(a, b string) string { return "(" + a + " // " + b + ")" }, a, b, g)
}

var duckdbIntervals = map[Granularity]string{
	Year: "1 year", Quarter: "3 months", Month: "1 month", Week: "7 days", Day: "1 day",
	Hour: "1 hour", Minute: "1 minute", Second: "1 second",
}

func (duckdbDialect) DateAdd(x, n string, g Granularity) string {
	iv, ok := duckdbIntervals[g]
	if !ok {
		iv = "1 day"
	}
	return "CAST(CAST(" + x + " AS TIMESTAMP) + CAST(" + n + " AS INTEGER) * INTERVAL '" + iv + "' AS TIMESTAMP)"
}

func (duckdbDialect) OrderBy(x string, desc bool) string {
	if desc {
		return x + " DESC NULLS LAST"
	}
	return x + " NULLS FIRST"
}

func (duckdbDialect) Contains(s, sub string) string { return "(strpos(" + s + ", " + sub + ") > 0)" }
func (duckdbDialect) StartsWith(s, prefix string) string {
	return "(left(" + s + ", length(" + prefix + ")) = " + prefix + ")"
}
func (duckdbDialect) EndsWith(s, suffix string) string {
	return "(right(" + s + ", length(" + suffix + ")) = " + suffix + ")"
}

func (duckdbDialect) IsNumber(s string) string {
	return "regexp_full_match(" + s + ", " + numberPattern + ")"
}

// Split drops the empty items of string_split; a position past the end
// of the list is NULL.
func (duckdbDialect) Split(s, d string, p int) string {
	return "list_filter(string_split(" + s + ", " + d + "), lambda x: x <> '')[" + strconv.Itoa(p) + "]"
}

func (duckdbDialect) Left(s, n string) string {
	return "left(" + s + ", CAST(" + nonNegative(n) + " AS BIGINT))"
}
func (duckdbDialect) Right(s, n string) string {
	return "right(" + s + ", CAST(" + nonNegative(n) + " AS BIGINT))"
}
func (duckdbDialect) Locate(s, sub, start string) string {
	if start == "" {
		return "strpos(" + s + ", " + sub + ")"
	}
	st := "CAST(" + atLeastOne(start) + " AS BIGINT)"
	p := "strpos(substring(" + s + ", " + st + "), " + sub + ")"
	return "(CASE WHEN " + p + " = 0 THEN 0 ELSE " + p + " + " + st + " - 1 END)"
}
func (duckdbDialect) Replace(s, from, to string) string {
	return "replace(" + s + ", " + from + ", " + to + ")"
}
func (duckdbDialect) LTrim(s string) string { return "ltrim(" + s + ", ' ')" }
func (duckdbDialect) RTrim(s string) string { return "rtrim(" + s + ", ' ')" }
func (duckdbDialect) EpochDate(n string) string {
	return "CAST(TIMESTAMP '1970-01-01 00:00:00' + to_seconds(CAST(" + n + " AS BIGINT)) AS TIMESTAMP)"
}

// duckdbFormats maps tokens to strftime specifiers ("-" drops padding);
// names are English whatever the locale.
var duckdbFormats = map[string]string{
	"yyyy": "%Y", "yy": "%y", "MMMM": "%B", "MMM": "%b", "MM": "%m", "M": "%-m",
	"dd": "%d", "d": "%-d", "EEEE": "%A", "EEE": "%a", "EE": "%a", "E": "%a",
	"HH": "%H", "H": "%-H", "hh": "%I", "h": "%-I", "mm": "%M", "ss": "%S", "a": "%p",
	"SSS": "%g",
}

func (duckdbDialect) FormatDatePart(x, token string) (string, bool) {
	f, ok := duckdbFormats[token]
	if !ok {
		return "", false
	}
	return "strftime(CAST(" + x + " AS TIMESTAMP), '" + f + "')", true
}
