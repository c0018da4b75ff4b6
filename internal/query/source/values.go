package source

import (
	"database/sql"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/duckdb/duckdb-go/v2"
)

// Result is what a query returned.
type Result struct {
	Columns   []string
	Types     []string // the database's type name of each column, upper case ("INT8", "DECIMAL", "TEXT"); may be ""
	Rows      [][]any  // values as Normalize returns them
	Truncated bool     // more rows than the limit were available
}

// Size is an estimate of the memory r holds, in bytes.
func (r *Result) Size() int64 {
	n := int64(64)
	for i, c := range r.Columns {
		n += int64(len(c)) + 16
		if i < len(r.Types) {
			n += int64(len(r.Types[i])) + 16
		}
	}
	for _, row := range r.Rows {
		n += 24 + int64(len(row))*16
		for _, v := range row {
			switch x := v.(type) {
			case string:
				n += int64(len(x))
			case time.Time:
				n += 24
			}
		}
	}
	return n
}

// Normalize converts a value a driver returned for a column of the given
// database type into int64, float64, string, time.Time (UTC), bool or nil,
// so that results compare across engines. DECIMAL and NUMERIC become
// float64; bytes become a string.
func Normalize(v any, dbType string) any {
	switch x := v.(type) {
	case nil:
		return nil
	case int64:
		return x
	case int:
		return int64(x)
	case int32:
		return int64(x)
	case int16:
		return int64(x)
	case int8:
		return int64(x)
	case uint8:
		return int64(x)
	case uint16:
		return int64(x)
	case uint32:
		return int64(x)
	case uint64:
		if x > math.MaxInt64 {
			return float64(x)
		}
		return int64(x)
	case float64:
		return x
	case float32:
		return float64(x)
	case bool:
		return x
	case time.Time:
		return x.UTC()
	case *big.Int:
		return normalizeBig(x)
	case duckdb.Decimal:
		return normalizeDecimal(x)
	case []byte:
		return fromText(string(x), dbType)
	case string:
		return fromText(x, dbType)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// fromText parses the text of a decimal column into a float64.
func fromText(s, dbType string) any {
	if isDecimal(dbType) {
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return f
		}
	}
	return s
}

func isDecimal(dbType string) bool {
	t := strings.ToUpper(dbType)
	return strings.HasPrefix(t, "DECIMAL") || strings.HasPrefix(t, "NUMERIC") || t == "NEWDECIMAL"
}

// columnsOf returns the names and type names of rows' columns.
func columnsOf(rows *sql.Rows) ([]string, []string, error) {
	cts, err := rows.ColumnTypes()
	if err != nil {
		return nil, nil, err
	}
	names := make([]string, len(cts))
	types := make([]string, len(cts))
	for i, ct := range cts {
		names[i] = ct.Name()
		types[i] = strings.ToUpper(ct.DatabaseTypeName())
	}
	return names, types, nil
}

// scanRow scans the current row into a new slice of normalised values.
func scanRow(rows *sql.Rows, types []string, raw []any, ptrs []any) ([]any, error) {
	for i := range raw {
		raw[i] = nil
		ptrs[i] = &raw[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, err
	}
	out := make([]any, len(raw))
	for i, v := range raw {
		out[i] = Normalize(v, types[i])
	}
	return out, nil
}
