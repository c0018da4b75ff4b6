package upload

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the date and time forms a DATETIME value may take.
var dateLayouts = []string{
	"2006-01-02",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	time.RFC3339Nano,
	"2006-01-02 15:04:05Z07:00",
	"2006/01/02",
	"2006/01/02 15:04:05",
	"01/02/2006",
	"01/02/2006 15:04:05",
	"01/02/2006 15:04",
	"1/2/2006",
	"1/2/2006 15:04",
	"1/2/2006 15:04:05",
	"1/2/06",
	"1/2/06 15:04",
	"01-02-06",
	"02-Jan-2006",
	"Jan 2, 2006",
	"2 Jan 2006",
}

// parseDateTime parses a date or date and time in one of dateLayouts.
func parseDateTime(s string) (time.Time, bool) {
	if len(s) < 6 || len(s) > 40 {
		return time.Time{}, false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// parseInteger parses a whole number that fits in 64 bits.
func parseInteger(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 20 {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// parseDecimal parses a finite decimal number.
func parseDecimal(s string) (float64, bool) {
	if len(s) == 0 || len(s) > 400 {
		return 0, false
	}
	c := s[0]
	if !(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.') {
		return 0, false // no "NaN", "Inf", "0x…"
	}
	if strings.ContainsAny(s, "xXpP_") {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

// parseBoolean parses true or false, in any case.
func parseBoolean(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

// convert returns the value of text s as a column of type t: nil for an
// empty cell, and false when s is not a value of the type.
func convert(s, t string) (any, bool) {
	v := strings.TrimSpace(s)
	if v == "" {
		return nil, true
	}
	switch t {
	case TypeInteger:
		return ok(parseInteger(v))
	case TypeDecimal:
		return ok(parseDecimal(v))
	case TypeDateTime:
		return ok(parseDateTime(v))
	case TypeBoolean:
		return ok(parseBoolean(v))
	}
	return s, true
}

func ok[T any](v T, good bool) (any, bool) {
	if !good {
		return nil, false
	}
	return v, true
}

// typeNoun is how an error names a type.
func typeNoun(t string) string {
	switch t {
	case TypeInteger:
		return "a whole number (INTEGER)"
	case TypeDecimal:
		return "a number (DECIMAL)"
	case TypeDateTime:
		return "a date (DATETIME, such as 2024-01-31 or 2024-01-31 13:45:00)"
	case TypeBoolean:
		return "true or false (BOOLEAN)"
	}
	return "text"
}

// inferType is the narrowest type every non-empty value seen fits.
type inferType struct {
	integer, decimal, date, boolean bool
	seen                            bool
}

func newInferType() inferType {
	return inferType{integer: true, decimal: true, date: true, boolean: true}
}

func (it *inferType) add(s string) {
	v := strings.TrimSpace(s)
	if v == "" {
		return
	}
	it.seen = true
	if it.integer {
		_, it.integer = parseInteger(v)
	}
	if it.decimal {
		_, it.decimal = parseDecimal(v)
	}
	if it.boolean {
		_, it.boolean = parseBoolean(v)
	}
	if it.date {
		_, it.date = parseDateTime(v)
	}
}

func (it *inferType) result() string {
	switch {
	case !it.seen:
		return TypeString
	case it.integer:
		return TypeInteger
	case it.decimal:
		return TypeDecimal
	case it.boolean:
		return TypeBoolean
	case it.date:
		return TypeDateTime
	}
	return TypeString
}
