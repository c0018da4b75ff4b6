package dialect

// String functions beyond the SQL standard's: left, right, locate,
// replace, ltrim, rtrim. Every form yields NULL when an operand is NULL,
// counts characters (not bytes) and compares exactly, so the engines
// agree.

// nonNegative clamps n below at 0, keeping NULL.
func nonNegative(n string) string { return "(CASE WHEN " + n + " < 0 THEN 0 ELSE " + n + " END)" }

// atLeastOne clamps start below at 1, keeping NULL.
func atLeastOne(n string) string { return "(CASE WHEN " + n + " < 1 THEN 1 ELSE " + n + " END)" }

func (sqliteDialect) Left(s, n string) string { return "substr(" + s + ", 1, " + nonNegative(n) + ")" }

// Right takes the empty piece substr(s, 1, 0) for n <= 0 (substr from
// -0 would be the whole string); it is NULL when s is.
func (sqliteDialect) Right(s, n string) string {
	return "(CASE WHEN " + n + " <= 0 THEN substr(" + s + ", 1, 0) ELSE substr(" + s + ", -(" + n + ")) END)"
}

func (sqliteDialect) Locate(s, sub, start string) string {
	if start == "" {
		return "instr(" + s + ", " + sub + ")"
	}
	st := atLeastOne(start)
	p := "instr(substr(" + s + ", " + st + "), " + sub + ")"
	return "(CASE WHEN " + p + " = 0 THEN 0 ELSE " + p + " + " + st + " - 1 END)"
}

func (sqliteDialect) Replace(s, from, to string) string {
	return "replace(" + s + ", " + from + ", " + to + ")"
}
func (sqliteDialect) LTrim(s string) string     { return "ltrim(" + s + ", ' ')" }
func (sqliteDialect) RTrim(s string) string     { return "rtrim(" + s + ", ' ')" }
func (sqliteDialect) EpochDate(n string) string { return "datetime(" + n + ", 'unixepoch')" }

func (postgresDialect) Left(s, n string) string {
	return "LEFT(" + s + ", CAST(" + nonNegative(n) + " AS integer))"
}

func (postgresDialect) Right(s, n string) string {
	return "RIGHT(" + s + ", CAST(" + nonNegative(n) + " AS integer))"
}

func (postgresDialect) Locate(s, sub, start string) string {
	if start == "" {
		return "STRPOS(" + s + ", " + sub + ")"
	}
	st := "CAST(" + atLeastOne(start) + " AS integer)"
	p := "STRPOS(SUBSTRING(" + s + " FROM " + st + "), " + sub + ")"
	return "(CASE WHEN " + p + " = 0 THEN 0 ELSE " + p + " + " + st + " - 1 END)"
}

func (postgresDialect) Replace(s, from, to string) string {
	return "REPLACE(" + s + ", " + from + ", " + to + ")"
}
func (postgresDialect) LTrim(s string) string { return "LTRIM(" + s + ", ' ')" }
func (postgresDialect) RTrim(s string) string { return "RTRIM(" + s + ", ' ')" }
func (postgresDialect) EpochDate(n string) string {
	return "(TO_TIMESTAMP(CAST(" + n + " AS double precision)) AT TIME ZONE 'UTC')"
}

func (mysqlDialect) Left(s, n string) string  { return "LEFT(" + s + ", " + nonNegative(n) + ")" }
func (mysqlDialect) Right(s, n string) string { return "RIGHT(" + s + ", " + nonNegative(n) + ")" }

// Locate searches the UTF-8 bytes (exact, whatever the collation) and
// converts the byte position found back to characters.
func (mysqlDialect) Locate(s, sub, start string) string {
	from := "1"
	if start != "" {
		from = "(LENGTH(" + mysqlBinary("LEFT("+s+", "+atLeastOne(start)+" - 1)") + ") + 1)"
	}
	p := "LOCATE(" + mysqlBinary(sub) + ", " + mysqlBinary(s) + ", " + from + ")"
	return "(CASE WHEN " + p + " = 0 THEN 0 ELSE CHAR_LENGTH(CONVERT(LEFT(" + mysqlBinary(s) + ", " + p + " - 1) USING utf8mb4)) + 1 END)"
}

func (mysqlDialect) Replace(s, from, to string) string {
	return "REPLACE(" + s + ", " + from + ", " + to + ")"
}
func (mysqlDialect) LTrim(s string) string { return "LTRIM(" + s + ")" }
func (mysqlDialect) RTrim(s string) string { return "RTRIM(" + s + ")" }

// EpochDate adds seconds to the epoch: FROM_UNIXTIME would read the
// session's time zone.
func (mysqlDialect) EpochDate(n string) string {
	return "DATE_ADD(CAST('1970-01-01 00:00:00' AS DATETIME), INTERVAL " + n + " SECOND)"
}
