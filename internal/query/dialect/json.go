package dialect

import (
	"strconv"
	"strings"
)

// JSONStep is one step of a parseJson path: a member Key, or an array
// Index when IsIndex.
type JSONStep struct {
	Key     string
	Index   int
	IsIndex bool
}

// JSONPath is the path argument to bind for JSONValue: $."key"[0]…, keys
// quoted (they hold no quote or backslash: the language's path admits
// letters, digits, blanks, _ and -).
func JSONPath(steps []JSONStep) string {
	var b strings.Builder
	b.WriteString("$")
	for _, s := range steps {
		if s.IsIndex {
			b.WriteString("[" + strconv.Itoa(s.Index) + "]")
			continue
		}
		b.WriteString(`."` + s.Key + `"`)
	}
	return b.String()
}

// JSONValue is the value at the bound path p of the JSON text x, as
// text written alike on every engine: a string unquoted, an integer in
// digits, another number as DecimalText, true or false. NULL when x is
// not JSON, nothing is at the path, or the value is null, an object or
// an array (the engines write those differently). ok is false on
// PostgreSQL, which before version 16 cannot test text for JSON without
// failing the whole query on the first row that is not.
func JSONValue(d Dialect, x, p string) (sql string, ok bool) {
	switch d.Name() {
	case "sqlite":
		v := "json_extract(" + x + ", " + p + ")"
		return "(CASE WHEN json_valid(" + x + ") THEN CASE json_type(" + x + ", " + p + ")" +
			" WHEN 'text' THEN " + v +
			" WHEN 'integer' THEN CAST(" + v + " AS TEXT)" +
			" WHEN 'real' THEN " + DecimalText(d, v) +
			" WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' END END)", true
	case "mysql":
		v := "JSON_EXTRACT(" + x + ", " + p + ")"
		return "(CASE WHEN JSON_VALID(" + x + ") THEN CASE JSON_TYPE(" + v + ")" +
			" WHEN 'STRING' THEN JSON_UNQUOTE(" + v + ")" +
			// MariaDB calls 1e2 an INTEGER: only plain digits are read as one.
			" WHEN 'INTEGER' THEN CASE WHEN " + v + " REGEXP '^-?[0-9]+$' THEN CAST(CAST(" + v + " AS SIGNED) AS CHAR) ELSE " + DecimalText(d, v) + " END" +
			" WHEN 'UNSIGNED INTEGER' THEN CAST(CAST(" + v + " AS UNSIGNED) AS CHAR)" +
			" WHEN 'DOUBLE' THEN " + DecimalText(d, v) +
			" WHEN 'DECIMAL' THEN " + DecimalText(d, v) +
			" WHEN 'BOOLEAN' THEN CAST(" + v + " AS CHAR) END END)", true
	case "duckdb":
		// DuckDB folds constant operands before the CASE guards them: the
		// JSON functions read 'null' in place of text that is not JSON.
		x = "(CASE WHEN json_valid(" + x + ") THEN " + x + " ELSE 'null' END)"
		v := "json_extract_string(" + x + ", " + p + ")"
		return "(CASE json_type(" + x + ", " + p + ")" +
			" WHEN 'VARCHAR' THEN " + v +
			" WHEN 'BIGINT' THEN " + v + " WHEN 'UBIGINT' THEN " + v +
			" WHEN 'DOUBLE' THEN " + DecimalText(d, v) +
			" WHEN 'BOOLEAN' THEN " + v + " END)", true
	}
	return "", false
}
