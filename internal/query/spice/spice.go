// Package spice imports a dataset into a local SQLite file, Sightglass's
// counterpart of QuickSight's SPICE: Ingest runs the dataset's query at its
// source and streams the rows into a new file, which queries then read
// through Open or a source.Params of type SQLITE.
package spice

import (
	"database/sql"
	"fmt"
	"os"
	"strings"

	"github.com/sightglass/sightglass/internal/query/source"
)

// Table is the table an ingested file holds.
const Table = "data"

// Column is a column of an ingested table: its name and its dataset type
// (STRING, INTEGER, DECIMAL, DATETIME, BIT, BOOLEAN or JSON).
type Column struct {
	Name, Type string
}

// Params returns the source parameters that query the ingested file at
// path (read-only, like every source).
func Params(path string) source.Params {
	return source.Params{Type: source.TypeSQLite, SQLitePath: path}
}

// Open opens the ingested file at path read-only.
func Open(path string) (*sql.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	return sql.Open("sqlite", source.ReadOnlyDSN(path))
}

// affinity is the SQLite column type an ingested column of dataset type t
// is declared with.
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

// ColumnType is the dataset type of a column the database reports with
// type name dbType ("INT8", "VARCHAR", "NUMERIC", "TIMESTAMPTZ", ...).
func ColumnType(dbType string) string {
	t := strings.ToUpper(dbType)
	if i := strings.IndexByte(t, '('); i >= 0 {
		t = t[:i]
	}
	t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSuffix(t, " UNSIGNED"), "UNSIGNED "))
	switch {
	case t == "BOOL" || t == "BOOLEAN":
		return "BOOLEAN"
	case t == "BIT":
		return "BIT"
	case strings.Contains(t, "INT") || t == "SERIAL" || t == "BIGSERIAL" || t == "YEAR":
		return "INTEGER"
	case t == "DECIMAL" || t == "NUMERIC" || t == "REAL" || t == "DOUBLE" || t == "FLOAT" || strings.HasPrefix(t, "FLOAT") || t == "DOUBLE PRECISION" || t == "NEWDECIMAL" || t == "MONEY":
		return "DECIMAL"
	case t == "DATE" || t == "DATETIME" || strings.HasPrefix(t, "TIMESTAMP"):
		return "DATETIME"
	case t == "JSON" || t == "JSONB":
		return "JSON"
	}
	return "STRING"
}

// quoteIdent quotes a SQLite identifier.
func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// createTable is the DDL of the ingested table.
func createTable(cols []Column) (string, error) {
	if len(cols) == 0 {
		return "", fmt.Errorf("spice: no columns")
	}
	seen := map[string]bool{}
	var b strings.Builder
	b.WriteString("CREATE TABLE " + Table + " (")
	for i, c := range cols {
		if c.Name == "" || strings.ContainsRune(c.Name, 0) {
			return "", fmt.Errorf("spice: column %d has no usable name", i+1)
		}
		if k := strings.ToLower(c.Name); seen[k] {
			return "", fmt.Errorf("spice: duplicate column %q", c.Name)
		} else {
			seen[k] = true
		}
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

// createIndex is the DDL of the n-th index on columns, which must be
// columns of cols.
func createIndex(n int, columns []string, cols []Column) (string, error) {
	if len(columns) == 0 {
		return "", fmt.Errorf("spice: index %d has no columns", n)
	}
	quoted := make([]string, len(columns))
	for i, name := range columns {
		found := false
		for _, c := range cols {
			if strings.EqualFold(c.Name, name) {
				found = true
				break
			}
		}
		if !found {
			return "", fmt.Errorf("spice: index %d names column %q, which the dataset does not have", n, name)
		}
		quoted[i] = quoteIdent(name)
	}
	return fmt.Sprintf("CREATE INDEX data_idx_%d ON %s (%s)", n, Table, strings.Join(quoted, ", ")), nil
}
