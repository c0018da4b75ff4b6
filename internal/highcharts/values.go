package highcharts

import (
	"math"
	"strconv"
	"strings"
)

// The expression language runs in a browser: values convert as
// JavaScript converts them.

// number is JavaScript's Number(v).
func number(v any) float64 {
	switch x := v.(type) {
	case nil:
		return 0
	case bool:
		if x {
			return 1
		}
		return 0
	case float64:
		return x
	case string:
		s := strings.TrimSpace(x)
		if s == "" {
			return 0
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return math.NaN()
		}
		return f
	}
	return math.NaN()
}

// text is JavaScript's String(v).
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return numberText(x)
	case string:
		return x
	case []any:
		parts := make([]string, len(x))
		for i, el := range x {
			if el != nil {
				parts[i] = text(el)
			}
		}
		return strings.Join(parts, ",")
	}
	return "[object Object]"
}

// numberText writes a number as JavaScript does (shortest form, no
// exponent below 1e21).
func numberText(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case math.Abs(f) >= 1e21 || (f != 0 && math.Abs(f) < 1e-6):
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// truthy is JavaScript's Boolean(v).
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case float64:
		return x != 0 && !math.IsNaN(x)
	case string:
		return x != ""
	}
	return true
}

// strictEqual is JavaScript's ===, with arrays and objects equal by
// content (the language builds them by value).
func strictEqual(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case float64:
		y, ok := b.(float64)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !strictEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			if w, ok := y[k]; !ok || !strictEqual(v, w) {
				return false
			}
		}
		return true
	}
	return false
}

// looseEqual is JavaScript's == for the language's values.
func looseEqual(a, b any) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	switch a.(type) {
	case float64, bool:
		if _, ok := b.(string); ok {
			return number(a) == number(b)
		}
		if _, ok := b.(bool); ok {
			return number(a) == number(b)
		}
	case string:
		switch b.(type) {
		case float64, bool:
			return number(a) == number(b)
		}
	}
	if _, ok := b.(bool); ok {
		if _, ok := a.(float64); ok {
			return number(a) == number(b)
		}
	}
	return strictEqual(a, b)
}

// less is JavaScript's a < b: strings by code units when both are
// strings, numbers otherwise (false when either is NaN).
func less(a, b any) (lt, ok bool) {
	if x, isStr := a.(string); isStr {
		if y, isStr := b.(string); isStr {
			return x < y, true
		}
	}
	x, y := number(a), number(b)
	if math.IsNaN(x) || math.IsNaN(y) {
		return false, false
	}
	return x < y, true
}

// brief is a value as a message quotes it: its text, cut after 60
// characters.
func brief(v any) string {
	s := text(v)
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
