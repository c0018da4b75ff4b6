package dialect

// IsNumber tests text for a plain decimal number: an optional sign, then
// digits with at most one decimal point and at least one digit (no
// blanks, no exponent). parseInt and parseDecimal convert only such
// text: PostgreSQL's casts fail on anything else and SQLite's and
// MySQL's read a prefix, so the engines would disagree.

// numberPattern is the regular expression of PostgreSQL and MySQL.
const numberPattern = `'^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)$'`

func (postgresDialect) IsNumber(s string) string { return "(" + s + " ~ " + numberPattern + ")" }

func (mysqlDialect) IsNumber(s string) string {
	return "(" + s + " REGEXP " + numberPattern + ")"
}

// IsNumber spells the pattern with GLOB, which has no repetition: only
// digits, signs and points; a digit; at most one point; a sign only
// first.
func (sqliteDialect) IsNumber(s string) string {
	return "(" + s + " NOT GLOB '*[^0-9.+-]*' AND " + s + " GLOB '*[0-9]*' AND " + s + " NOT GLOB '*.*.*' AND substr(" + s + ", 2) NOT GLOB '*[+-]*')"
}
