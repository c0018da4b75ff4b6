package spice

import (
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzConvert feeds text a source returned to every column type's
// converter: none may panic, and a value it accepts has the Go type the
// appender writes to that column (or is NULL).
func FuzzConvert(f *testing.F) {
	for _, s := range []string{"1", "-2.5", "2026-03-01", "2026-03-01T10:20:30Z", "2026-03-01 10:20:30.123456789+02:00",
		"1e300", "NaN", "-9223372036854775809", "true", "maybe", "\xff", "", " 7 ", "99999999999999"} {
		f.Add(s)
	}
	want := map[string]func(any) bool{
		"INTEGER":  func(v any) bool { _, ok := v.(int64); return ok },
		"DECIMAL":  func(v any) bool { _, ok := v.(float64); return ok },
		"DATETIME": func(v any) bool { t, ok := v.(time.Time); return ok && t.Location() == time.UTC },
		"BOOLEAN":  func(v any) bool { _, ok := v.(bool); return ok },
		"STRING":   func(v any) bool { s, ok := v.(string); return ok && utf8.ValidString(s) },
	}
	f.Fuzz(func(t *testing.T, s string) {
		for typ, check := range want {
			for _, in := range []any{s, []byte(s)} {
				out, ok := converterFor(typ)(in)
				if ok && out != nil && !check(out) {
					t.Fatalf("%s: %q became %#v", typ, s, out)
				}
			}
		}
	})
}
