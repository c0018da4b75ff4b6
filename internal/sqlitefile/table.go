package sqlitefile

import (
	"fmt"
	"strings"
	"time"
)

// Table is the table a written file holds.
const Table = "data"

// datetimeLayout is how times are stored: a text SQLite's date functions
// read, in UTC.
const datetimeLayout = "2006-01-02 15:04:05.999999999"

// Column is a column of the table: its name and its dataset type (STRING,
// INTEGER, DECIMAL, DATETIME, BIT, BOOLEAN or JSON).
type Column struct {
	Name, Type string
}

// affinity is the SQLite column type a column of dataset type t is
// declared with.
func affinity(t string) string {
	switch strings.ToUpper(t) {
	case "STRING", "JSON":
		return "TEXT"
	case "INTEGER", "BIT", "BOOLEAN":
		return "INTEGER"
	case "DECIMAL":
		return "REAL"
	case "DATETIME":
		return "DATETIME" // NUMERIC affinity; read back as time.Time
	}
	return ""
}

// quoteIdent quotes a SQLite identifier.
func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// createTable is the DDL of the table.
func createTable(cols []Column) (string, error) {
	if len(cols) == 0 {
		return "", fmt.Errorf("sqlitefile: no columns")
	}
	seen := map[string]bool{}
	var b strings.Builder
	b.WriteString("CREATE TABLE " + Table + " (")
	for i, c := range cols {
		if c.Name == "" || strings.ContainsRune(c.Name, 0) {
			return "", fmt.Errorf("sqlitefile: column %d has no usable name", i+1)
		}
		k := strings.ToLower(c.Name)
		if seen[k] {
			return "", fmt.Errorf("sqlitefile: duplicate column %q", c.Name)
		}
		seen[k] = true
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(quoteIdent(c.Name))
		if a := affinity(c.Type); a != "" {
			b.WriteString(" " + a)
		}
	}
	b.WriteString(")")
	return b.String(), nil
}

// storable converts a value to what the file stores: times as UTC text
// SQLite's date functions read, booleans as 0 and 1.
func storable(v any) any {
	switch x := v.(type) {
	case time.Time:
		return x.UTC().Format(datetimeLayout)
	case bool:
		if x {
			return int64(1)
		}
		return int64(0)
	}
	return v
}

func insertSQL(cols, rows int) string {
	one := "(" + strings.Repeat("?,", cols-1) + "?)"
	return "INSERT INTO " + Table + " VALUES " + strings.Repeat(one+",", rows-1) + one
}
