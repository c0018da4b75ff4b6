package viewer

import (
	"testing"
	"time"
)

func TestDateFormatTokens(t *testing.T) {
	at := time.Date(2026, 3, 7, 15, 4, 5, 123e6, time.UTC)
	for format, want := range map[string]string{
		"YYYY-MM-DD":      "2026-03-07",
		"MMM D, YYYY":     "Mar 7, 2026",
		"MMMM YYYY":       "March 2026",
		"YYYY [Q]Q":       "2026 Q1",
		"dddd DD/MM/YY":   "Saturday 07/03/26",
		"ddd h:mm A":      "Sat 3:04 PM",
		"HH:mm:ss.SSS a":  "15:04:05.123 pm",
		"[YYYY] YYYY":     "YYYY 2026",
		"M/D":             "3/7",
		"[at] h [o'clock": "at 3 [o'clock", // an unclosed bracket is text
		"":                "",
	} {
		if got := dateFormat(format).format(at); got != want {
			t.Errorf("%q: %q, want %q", format, got, want)
		}
	}
}

func BenchmarkDateLabel(b *testing.B) {
	at := time.Date(2026, 3, 7, 15, 4, 5, 0, time.UTC)
	f := dateFormat("MMM D, YYYY")
	b.Run("DateTimeFormat", func(b *testing.B) {
		for b.Loop() {
			_ = f.format(at)
		}
	})
	b.Run("granularity", func(b *testing.B) {
		for b.Loop() {
			_ = formatTime(at, "MONTH")
		}
	})
}

// FuzzDateFormat writes a date in any format a definition may carry: it
// never panics, and the text grows at most tenfold.
func FuzzDateFormat(f *testing.F) {
	for _, s := range []string{"YYYY-MM-DD", "[Q]Q YYYY", "[", "]]", "MMMMMMMM", "ddddA"} {
		f.Add(s)
	}
	at := time.Date(2026, 12, 31, 23, 59, 59, 999e6, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		if out := dateFormat(s).format(at); len(out) > 10*len(s)+10 {
			t.Fatalf("%q wrote %d bytes", s, len(out))
		}
	})
}
