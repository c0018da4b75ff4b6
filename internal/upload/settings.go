package upload

import (
	"errors"
	"fmt"
	"strings"
)

// File formats.
const (
	FormatCSV   = "CSV"
	FormatTSV   = "TSV"
	FormatXLSX  = "XLSX"
	FormatJSONL = "JSONL"
)

// Column types an upload's columns may have (dataset column types).
const (
	TypeString   = "STRING"
	TypeInteger  = "INTEGER"
	TypeDecimal  = "DECIMAL"
	TypeDateTime = "DATETIME"
	TypeBoolean  = "BOOLEAN"
)

// Types lists the column types, in the order a form offers them.
var Types = []string{TypeString, TypeInteger, TypeDecimal, TypeDateTime, TypeBoolean}

// Limits bound what one file may hold.
const (
	// MaxColumns is the most columns a file may have.
	MaxColumns = 1000
	// MaxFieldBytes is the longest value a cell may hold.
	MaxFieldBytes = 64 << 10
	// MaxLineBytes is the longest record of a text file.
	MaxLineBytes = 1 << 20
	// MaxNameBytes is the longest column name.
	MaxNameBytes = 127
)

// Settings say how to read a file. Inspect fills every field it is not
// given; Each needs them all (Sheet only for XLSX).
type Settings struct {
	Format    string // FormatCSV, FormatTSV, FormatXLSX or FormatJSONL
	Encoding  string // one of Encodings (text formats)
	Delimiter string // one character (CSV and TSV)
	// Header reports whether the first row names the columns; HeaderSet
	// whether Header was chosen (by the author) rather than detected.
	Header    bool
	HeaderSet bool
	Sheet     string // XLSX: the sheet to read
}

// Column is a column of an upload: its name and its type.
type Column struct {
	Name string
	Type string
}

// RowError is a value or record of a file that cannot be imported.
type RowError struct {
	Line   int    // 1-based line (row of a sheet) of the file
	Column int    // 1-based column; 0 for an error of the whole record
	Name   string // the column's name, when known
	Msg    string
}

func (e *RowError) Error() string {
	switch {
	case e.Column > 0 && e.Name != "":
		return fmt.Sprintf("line %d, column %d (%s): %s", e.Line, e.Column, e.Name, e.Msg)
	case e.Column > 0:
		return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// ErrUnsupported is a file whose format is not one this package reads.
var ErrUnsupported = errors.New("upload: the file is not CSV, TSV, Excel (.xlsx) or JSON lines")

// FormatForName returns the format a file name's extension suggests, or "".
func FormatForName(name string) string {
	n := strings.ToLower(name)
	switch {
	case strings.HasSuffix(n, ".csv"), strings.HasSuffix(n, ".txt"):
		return FormatCSV
	case strings.HasSuffix(n, ".tsv"), strings.HasSuffix(n, ".tab"):
		return FormatTSV
	case strings.HasSuffix(n, ".xlsx"):
		return FormatXLSX
	case strings.HasSuffix(n, ".jsonl"), strings.HasSuffix(n, ".ndjson"), strings.HasSuffix(n, ".json"):
		return FormatJSONL
	}
	return ""
}

// validType reports whether t is a column type of an upload.
func validType(t string) bool {
	for _, x := range Types {
		if x == t {
			return true
		}
	}
	return false
}

// CheckColumns checks the columns an author chose: named, unique (ignoring
// case), of known types.
func CheckColumns(cols []Column) error {
	if len(cols) == 0 {
		return errors.New("the file has no columns")
	}
	if len(cols) > MaxColumns {
		return fmt.Errorf("the file has %d columns; at most %d may be imported", len(cols), MaxColumns)
	}
	seen := map[string]int{}
	for i, c := range cols {
		if strings.TrimSpace(c.Name) == "" {
			return fmt.Errorf("column %d has no name", i+1)
		}
		if len(c.Name) > MaxNameBytes || strings.ContainsRune(c.Name, 0) {
			return fmt.Errorf("column %d's name is longer than %d bytes or has a NUL character", i+1, MaxNameBytes)
		}
		k := strings.ToLower(c.Name)
		if j, ok := seen[k]; ok {
			return fmt.Errorf("columns %d and %d are both named %q", j+1, i+1, c.Name)
		}
		seen[k] = i
		if !validType(c.Type) {
			return fmt.Errorf("column %d (%s) has type %q; use one of %s", i+1, c.Name, c.Type, strings.Join(Types, ", "))
		}
	}
	return nil
}
