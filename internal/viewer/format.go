package viewer

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/query"
)

// number returns a result value as a float64 (false for NULL or text).
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case int:
		return float64(x), true
	case int32:
		return float64(x), true
	case float64:
		return x, !math.IsNaN(x) && !math.IsInf(x, 0)
	case float32:
		return float64(x), true
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case []byte:
		f, err := strconv.ParseFloat(string(x), 64)
		return f, err == nil
	case string:
		f, err := strconv.ParseFloat(x, 64)
		return f, err == nil
	}
	return 0, false
}

// round2 rounds to two decimals, the precision charts carry.
func round2(f float64) float64 { return math.Round(f*100) / 100 }

// chartValue is a measure value as chart data: a number rounded to two
// decimals, or nil.
func chartValue(v any) any {
	if f, ok := number(v); ok {
		return round2(f)
	}
	return nil
}

// formatNumber writes a number with thousands separators and at most two
// decimals.
func formatNumber(f float64) string {
	neg := f < 0
	if neg {
		f = -f
	}
	s := strconv.FormatFloat(round2(f), 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// formatValue renders a result cell for people: dimension values by
// their type and granularity, measures as numbers.
func formatValue(v any, col query.ResultColumn, gran string) string {
	if v == nil {
		return "(empty)"
	}
	if col.Type == "DATETIME" {
		if t, ok := asTime(v); ok {
			return formatTime(t, gran)
		}
	}
	if col.Role == query.RoleMeasure || col.Type == "INTEGER" || col.Type == "DECIMAL" {
		if f, ok := number(v); ok {
			return formatNumber(f)
		}
	}
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	case time.Time:
		return formatTime(x, gran)
	}
	if f, ok := number(v); ok {
		return formatNumber(f)
	}
	return "?"
}

func asTime(v any) (time.Time, bool) {
	switch x := v.(type) {
	case time.Time:
		return x.UTC(), true
	case string:
		return parseTime(x)
	case []byte:
		return parseTime(string(x))
	}
	return time.Time{}, false
}

func formatTime(t time.Time, gran string) string {
	switch gran {
	case "YEAR":
		return t.Format("2006")
	case "QUARTER":
		return t.Format("2006") + " Q" + strconv.Itoa((int(t.Month())-1)/3+1)
	case "MONTH":
		return t.Format("Jan 2006")
	case "WEEK", "DAY", "":
		return t.Format("2006-01-02")
	case "HOUR", "MINUTE":
		return t.Format("2006-01-02 15:04")
	}
	return t.Format("2006-01-02 15:04:05")
}
