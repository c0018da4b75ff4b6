package dialect

import "strconv"

// Split returns the item at the 1-based position p (a positive integer
// constant) of s split at the delimiter d (a non-empty string, one
// character or more: ' in ' splits "a in b"), skipping empty items as
// QuickSight's split does ('a||b' has the items a and b); NULL when there
// is no such item or s is NULL.
//
// PostgreSQL removes the empty elements of string_to_array. SQLite and
// MySQL first collapse runs of d (each REPLACE of dd by d halves a run,
// so collapsePasses of them collapse any run a value can hold) and put
// one d before the first item: the text is then "d item1 d item2 …", the
// n-th item following the n-th d, every item but a trailing one not
// empty.

// collapsePasses halves runs of delimiters collapsePasses times: runs
// up to 2^32 characters.
const collapsePasses = 32

func collapse(s, d, dd string, replace func(s, from, to string) string) string {
	for range collapsePasses {
		s = replace(s, dd, d)
	}
	return s
}

func (postgresDialect) Split(s, d string, p int) string {
	return "(ARRAY_REMOVE(STRING_TO_ARRAY(" + s + ", " + d + "), ''))[" + strconv.Itoa(p) + "]"
}

// Split for MySQL reads item p between the p-th and (p+1)-th d (an
// empty last item, after a trailing d, is no item: NULL; no TRIM, which
// would cut into a last item of a delimiter's own characters).
func (m mysqlDialect) Split(s, d string, p int) string {
	t := collapse("CONCAT("+d+", "+s+")", d, "CONCAT("+d+", "+d+")", m.Replace)
	count := "((CHAR_LENGTH(" + t + ") - CHAR_LENGTH(REPLACE(" + t + ", " + d + ", ''))) DIV CHAR_LENGTH(" + d + "))"
	return "(CASE WHEN " + strconv.Itoa(p) + " <= " + count + " THEN NULLIF(SUBSTRING_INDEX(SUBSTRING_INDEX(" + t + ", " + d + ", " + strconv.Itoa(p+1) + "), " + d + ", -1), '') END)"
}

// Split for SQLite makes the items a JSON array and reads element p
// (element 0 is the empty text before the first d; an empty last element,
// after a trailing d, is no item: NULL). Backslashes and quotes are
// escaped first, d with them, so the escaped delimiters are found
// exactly; then the delimiters become the separators of the array;
// control characters are escaped last, so that their escapes never meet
// the delimiter.
func (q sqliteDialect) Split(s, d string, p int) string {
	esc := func(x string) string { return "replace(replace(" + x + ", '\\', '\\\\'), '\"', '\\\"')" }
	t := collapse("("+d+" || "+s+")", d, "("+d+" || "+d+")", q.Replace)
	items := "replace(" + esc(t) + ", " + esc(d) + ", '\",\"')"
	for c := 0; c < 32; c++ {
		items = "replace(" + items + ", char(" + strconv.Itoa(c) + "), '\\u00" + hex2(c) + "')"
	}
	return "nullif(json_extract('[\"' || " + items + " || '\"]', '$[" + strconv.Itoa(p) + "]'), '')"
}

func hex2(c int) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}
