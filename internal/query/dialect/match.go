package dialect

// Case-sensitive string matching. QuickSight's CONTAINS, STARTS_WITH and
// ENDS_WITH compare exactly, but LIKE is case-insensitive in SQLite and
// under MySQL's default collations, and treats % and _ in the value as
// wildcards. So the dialects compare positions and substrings instead:
// SQLite's instr, substr and = compare bytes; PostgreSQL's strpos, left,
// right and = compare exactly under deterministic collations; MySQL
// compares the operands cast to binary strings, whose bytes are UTF-8 and
// so match exactly where the characters do.

func (sqliteDialect) Contains(s, sub string) string { return "(instr(" + s + ", " + sub + ") > 0)" }

func (sqliteDialect) StartsWith(s, prefix string) string {
	return "(substr(" + s + ", 1, length(" + prefix + ")) = " + prefix + ")"
}

// EndsWith starts one character after the last length(suffix) characters:
// substr with a start at or below zero counts from the end in SQLite, but
// then the piece is shorter than the suffix and cannot equal it.
func (sqliteDialect) EndsWith(s, suffix string) string {
	return "(substr(" + s + ", length(" + s + ") - length(" + suffix + ") + 1) = " + suffix + ")"
}

func (postgresDialect) Contains(s, sub string) string { return "(strpos(" + s + ", " + sub + ") > 0)" }

func (postgresDialect) StartsWith(s, prefix string) string {
	return "(left(" + s + ", CHAR_LENGTH(" + prefix + ")) = " + prefix + ")"
}

func (postgresDialect) EndsWith(s, suffix string) string {
	return "(right(" + s + ", CHAR_LENGTH(" + suffix + ")) = " + suffix + ")"
}

func mysqlBinary(x string) string { return "CAST(" + x + " AS BINARY)" }

func (mysqlDialect) Contains(s, sub string) string {
	return "(LOCATE(" + mysqlBinary(sub) + ", " + mysqlBinary(s) + ") > 0)"
}

func (mysqlDialect) StartsWith(s, prefix string) string {
	return "(LEFT(" + mysqlBinary(s) + ", LENGTH(" + mysqlBinary(prefix) + ")) = " + mysqlBinary(prefix) + ")"
}

func (mysqlDialect) EndsWith(s, suffix string) string {
	return "(RIGHT(" + mysqlBinary(s) + ", LENGTH(" + mysqlBinary(suffix) + ")) = " + mysqlBinary(suffix) + ")"
}
