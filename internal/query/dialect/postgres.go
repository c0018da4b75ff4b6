package dialect

import (
	"strconv"
	"strings"
	"time"
)

// postgresDialect writes PostgreSQL. Datetimes are timestamp without
// time zone; now() is taken in UTC.
type postgresDialect struct{}

func (postgresDialect) Name() string               { return "postgres" }
func (postgresDialect) QuoteIdent(s string) string { return quote(s, '"') }
func (postgresDialect) Placeholder(n int) string   { return "$" + strconv.Itoa(n) }
func (postgresDialect) NumberedPlaceholders() bool { return true }
func (postgresDialect) Mod(a, b string) string     { return "MOD(" + a + ", " + b + ")" }
func (postgresDialect) Substring(s, p, n string) string {
	return "SUBSTRING(" + s + " FROM CAST(" + p + " AS integer) FOR CAST(" + n + " AS integer))"
}
func (postgresDialect) Length(s string) string { return "CHAR_LENGTH(" + s + ")" }
func (postgresDialect) Trim(s string) string   { return "TRIM(" + s + ")" }
func (postgresDialect) Upper(s string) string  { return "UPPER(" + s + ")" }
func (postgresDialect) Lower(s string) string  { return "LOWER(" + s + ")" }
func (postgresDialect) Floor(x string) string  { return "FLOOR(" + x + ")" }
func (postgresDialect) Ceil(x string) string   { return "CEIL(" + x + ")" }
func (postgresDialect) Now() string            { return "(NOW() AT TIME ZONE 'UTC')" }
func (postgresDialect) Limit(n string) string  { return " LIMIT " + n }
func (postgresDialect) OrderedSetPercentile() bool {
	return true
}
func (postgresDialect) Percentile(x, p string) string {
	return "PERCENTILE_CONT(" + p + ") WITHIN GROUP (ORDER BY " + x + ")"
}
func (postgresDialect) TimeArg(t time.Time) any { return t.Format(time.DateTime) }
func (postgresDialect) BoolLiteral(b bool) string {
	if b {
		return "TRUE"
	}
	return "FALSE"
}

var postgresTypes = map[Type]string{
	String: "text", Integer: "bigint", Decimal: "double precision", Datetime: "timestamp",
	Bit: "integer", Boolean: "boolean", JSON: "text",
}

func (postgresDialect) Param(ref string, t Type) string {
	if pt, ok := postgresTypes[t]; ok {
		return "CAST(" + ref + " AS " + pt + ")"
	}
	return ref
}

func (postgresDialect) Cast(x string, t Type) string {
	if pt, ok := postgresTypes[t]; ok {
		if t == Integer {
			// QuickSight truncates decimals; PostgreSQL would round.
			return "CAST(TRUNC(CAST(" + x + " AS double precision)) AS bigint)"
		}
		return "CAST(" + x + " AS " + pt + ")"
	}
	return x
}

func (postgresDialect) Round(x, digits string) string {
	if digits == "" {
		return "ROUND(CAST(" + x + " AS numeric))"
	}
	return "ROUND(CAST(" + x + " AS numeric), CAST(" + digits + " AS integer))"
}

func (postgresDialect) Div(a, b string) string {
	return "(CAST(" + a + " AS double precision) / NULLIF(" + b + ", 0))"
}

func (postgresDialect) Concat(xs []string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = "CAST(" + x + " AS text)"
	}
	return "(" + strings.Join(parts, " || ") + ")"
}

var postgresTrunc = map[Granularity]string{
	Year: "year", Quarter: "quarter", Month: "month", Day: "day", Hour: "hour", Minute: "minute", Second: "second",
}

// StoredDatetime returns x: the column is typed.
func (postgresDialect) StoredDatetime(x string) string { return x }

func (postgresDialect) DateTrunc(x string, g Granularity) string {
	if g == Week {
		return "(DATE_TRUNC('week', CAST(" + x + " AS timestamp) + INTERVAL '1 day') - INTERVAL '1 day')"
	}
	u, ok := postgresTrunc[g]
	if !ok {
		u = "second"
	}
	return "DATE_TRUNC('" + u + "', CAST(" + x + " AS timestamp))"
}

var postgresExtract = map[Granularity]string{
	Year: "YEAR", Quarter: "QUARTER", Month: "MONTH", Day: "DAY", Hour: "HOUR", Minute: "MINUTE",
	"DAY_OF_YEAR": "DOY",
}

func (d postgresDialect) Extract(x string, p Granularity) string {
	ts := "CAST(" + x + " AS timestamp)"
	switch p {
	case Week:
		return "((CAST(EXTRACT(DOY FROM " + ts + ") AS integer) + 6 - CAST(EXTRACT(DOW FROM " + ts + ") AS integer)) / 7)"
	case "WEEKDAY":
		return "(CAST(EXTRACT(DOW FROM " + ts + ") AS integer) + 1)"
	case Second:
		return "CAST(FLOOR(EXTRACT(SECOND FROM " + ts + ")) AS integer)"
	}
	f, ok := postgresExtract[p]
	if !ok {
		f = "YEAR"
	}
	return "CAST(EXTRACT(" + f + " FROM " + ts + ") AS integer)"
}

func (d postgresDialect) DateDiff(a, b string, g Granularity) string {
	return dateDiff(d, func(a, b string) string {
		return "CAST(EXTRACT(EPOCH FROM (" + b + " - " + a + ")) AS bigint)"
	}, func(a, b string) string { return "(" + a + " / " + b + ")" }, a, b, g)
}

var postgresIntervals = map[Granularity]string{
	Year: "1 year", Quarter: "3 months", Month: "1 month", Week: "7 days", Day: "1 day",
	Hour: "1 hour", Minute: "1 minute", Second: "1 second",
}

func (postgresDialect) DateAdd(x, n string, g Granularity) string {
	iv, ok := postgresIntervals[g]
	if !ok {
		iv = "1 day"
	}
	return "(CAST(" + x + " AS timestamp) + CAST(" + n + " AS integer) * INTERVAL '" + iv + "')"
}

func (postgresDialect) OrderBy(x string, desc bool) string {
	if desc {
		return x + " DESC NULLS LAST"
	}
	return x + " NULLS FIRST"
}
