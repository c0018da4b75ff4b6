package spice

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A converter turns a normalised source value (int64, float64, string,
// time.Time, bool, []byte or nil) into the value the appender writes to a
// column of one DuckDB type; ok is false for a value the column cannot
// hold (text that is no number or date, invalid UTF-8), whose row is
// then dropped and counted, as QuickSight's SPICE skips such rows.
type converter func(v any) (out any, ok bool)

// converterFor is the converter of dataset type t.
func converterFor(t string) converter {
	switch duckType(t) {
	case "BIGINT":
		return toBigint
	case "DOUBLE":
		return toDouble
	case "TIMESTAMP":
		return toTimestamp
	case "BOOLEAN":
		return toBoolean
	}
	return toVarchar
}

// logicalBytes is what a value counts towards an ingestion's size and the
// account's SPICE capacity: 8 bytes for numbers, dates and booleans, 8
// plus the UTF-8 length for text (QuickSight's logical size).
func logicalBytes(v any) int64 {
	if s, ok := v.(string); ok {
		return 8 + int64(len(s))
	}
	return 8
}

func toVarchar(v any) (any, bool) {
	switch x := v.(type) {
	case nil:
		return nil, true
	case string:
		return x, utf8.ValidString(x)
	case []byte:
		return string(x), utf8.Valid(x)
	case int64:
		return strconv.FormatInt(x, 10), true
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64), true
	case bool:
		return strconv.FormatBool(x), true
	case time.Time:
		return x.UTC().Format("2006-01-02 15:04:05.999999"), true
	}
	return nil, false
}

// toBigint truncates decimals, as QuickSight converts them to integers.
func toBigint(v any) (any, bool) {
	switch x := v.(type) {
	case nil:
		return nil, true
	case int64:
		return x, true
	case float64:
		return floatToInt(x)
	case bool:
		if x {
			return int64(1), true
		}
		return int64(0), true
	case string:
		s := strings.TrimSpace(x)
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n, true
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return floatToInt(f)
		}
	case []byte:
		return toBigint(string(x))
	}
	return nil, false
}

func floatToInt(f float64) (any, bool) {
	t := math.Trunc(f)
	if math.IsNaN(t) || t < math.MinInt64 || t >= math.MaxInt64 {
		return nil, false
	}
	return int64(t), true
}

func toDouble(v any) (any, bool) {
	switch x := v.(type) {
	case nil:
		return nil, true
	case float64:
		return x, true
	case int64:
		return float64(x), true
	case bool:
		if x {
			return 1.0, true
		}
		return 0.0, true
	case string:
		if f, err := strconv.ParseFloat(strings.TrimSpace(x), 64); err == nil {
			return f, true
		}
	case []byte:
		return toDouble(string(x))
	}
	return nil, false
}

func toBoolean(v any) (any, bool) {
	switch x := v.(type) {
	case nil:
		return nil, true
	case bool:
		return x, true
	case int64:
		return x != 0, true
	case float64:
		return x != 0, true
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "1", "t", "true", "y", "yes":
			return true, true
		case "0", "f", "false", "n", "no":
			return false, true
		}
	case []byte:
		return toBoolean(string(x))
	}
	return nil, false
}

// timeLayouts are the text forms of datetimes sources hold (SQLite files
// keep them as text): ISO 8601 with a space or a "T", with or without
// fractional seconds and a zone, or a date alone.
var timeLayouts = []string{
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006-01-02",
}

// toTimestamp reads times in UTC; numbers are Unix seconds.
func toTimestamp(v any) (any, bool) {
	switch x := v.(type) {
	case nil:
		return nil, true
	case time.Time:
		return x.UTC(), true
	case int64:
		return time.Unix(x, 0).UTC(), true
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 1e11 {
			return nil, false
		}
		sec, frac := math.Modf(x)
		return time.Unix(int64(sec), int64(frac*1e9)).UTC(), true
	case string:
		s := strings.TrimSpace(x)
		for _, l := range timeLayouts {
			if t, err := time.Parse(l, s); err == nil {
				return t.UTC(), true
			}
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return toTimestamp(f)
		}
	case []byte:
		return toTimestamp(string(x))
	}
	return nil, false
}
