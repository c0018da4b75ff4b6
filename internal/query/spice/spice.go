// Package spice imports a dataset into a DuckDB file, Sightglass's
// counterpart of QuickSight's SPICE: Ingest runs the dataset's query at its
// source and streams the rows through DuckDB's appender into a new file,
// one per ingestion, which queries then read through Params (DuckDB's
// columnar engine, in the DuckDB dialect of internal/query/dialect).
package spice

import (
	"database/sql"
	"fmt"
	"os"
	"strings"

	"github.com/duckdb/duckdb-go/v2"

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
	return source.Params{Type: source.TypeDuckDB, DuckDBPath: path}
}

// Open opens the ingested file at path read-only.
func Open(path string) (*sql.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	c, err := duckdb.NewConnector(path+"?"+source.DuckDBSettings(source.DefaultDuckDBMemoryLimit, source.DefaultDuckDBThreads, true).Encode(), nil)
	if err != nil {
		return nil, err
	}
	return sql.OpenDB(c), nil
}

// duckType is the DuckDB column type an ingested column of dataset type
// t is declared with.
func duckType(t string) string {
	switch strings.ToUpper(t) {
	case "INTEGER", "BIT":
		return "BIGINT"
	case "DECIMAL":
		return "DOUBLE"
	case "DATETIME":
		return "TIMESTAMP"
	case "BOOLEAN":
		return "BOOLEAN"
	}
	return "VARCHAR"
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

// quoteIdent quotes a DuckDB identifier.
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
		b.WriteString(quoteIdent(c.Name) + " " + duckType(c.Type))
	}
	b.WriteString(")")
	return b.String(), nil
}
