package viewer

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/query"
)

// dateFormat is a date dimension's DateTimeFormat (its
// DateTimeFormatConfiguration), in QuickSight's tokens: YYYY, YY, Q,
// MMMM, MMM, MM, M, DD, D, dddd, ddd, HH, H, hh, h, mm, m, ss, s, SSS,
// A, a; text in [brackets] is written as it is, and so is any other
// character.
type dateFormat string

// maxDateFormat bounds a format's length.
const maxDateFormat = 256

// dateTokens are the tokens, longest first so that YYYY wins over YY.
var dateTokens = []string{"YYYY", "MMMM", "dddd", "MMM", "ddd", "SSS", "YY", "MM", "DD", "HH", "hh", "mm", "ss", "Q", "M", "D", "H", "h", "m", "s", "A", "a"}

// dateTokenStarts are the first letters of the tokens.
const dateTokenStarts = "YMdSDHhmsQAa"

// dateFormatOf reads a DateDimensionField's FormatConfiguration.
func dateFormatOf(raw json.RawMessage) dateFormat {
	var fc struct{ DateTimeFormat string }
	if len(raw) == 0 || json.Unmarshal(raw, &fc) != nil || len(fc.DateTimeFormat) > maxDateFormat {
		return ""
	}
	return dateFormat(fc.DateTimeFormat)
}

// format writes t in the format.
func (f dateFormat) format(t time.Time) string {
	var b strings.Builder
	b.Grow(len(f) + 8)
	s := string(f)
	for len(s) > 0 {
		if s[0] == '[' {
			if end := strings.IndexByte(s, ']'); end > 0 {
				b.WriteString(s[1:end])
				s = s[end+1:]
				continue
			}
		}
		tok := ""
		if !strings.ContainsRune(dateTokenStarts, rune(s[0])) {
			b.WriteByte(s[0])
			s = s[1:]
			continue
		}
		for _, k := range dateTokens {
			if strings.HasPrefix(s, k) {
				tok = k
				break
			}
		}
		if tok == "" {
			b.WriteByte(s[0])
			s = s[1:]
			continue
		}
		b.WriteString(dateToken(t, tok))
		s = s[len(tok):]
	}
	return b.String()
}

func dateToken(t time.Time, tok string) string {
	two := func(n int) string { return strconv.Itoa(n/10%10) + strconv.Itoa(n%10) }
	h12 := t.Hour() % 12
	if h12 == 0 {
		h12 = 12
	}
	switch tok {
	case "YYYY":
		return strconv.Itoa(t.Year())
	case "YY":
		return two(t.Year() % 100)
	case "Q":
		return strconv.Itoa((int(t.Month())-1)/3 + 1)
	case "MMMM":
		return t.Month().String()
	case "MMM":
		return t.Month().String()[:3]
	case "MM":
		return two(int(t.Month()))
	case "M":
		return strconv.Itoa(int(t.Month()))
	case "DD":
		return two(t.Day())
	case "D":
		return strconv.Itoa(t.Day())
	case "dddd":
		return t.Weekday().String()
	case "ddd":
		return t.Weekday().String()[:3]
	case "HH":
		return two(t.Hour())
	case "H":
		return strconv.Itoa(t.Hour())
	case "hh":
		return two(h12)
	case "h":
		return strconv.Itoa(h12)
	case "mm":
		return two(t.Minute())
	case "m":
		return strconv.Itoa(t.Minute())
	case "ss":
		return two(t.Second())
	case "s":
		return strconv.Itoa(t.Second())
	case "SSS":
		return strconv.Itoa(t.Nanosecond()/1e8%10) + two(t.Nanosecond()/1e6%100)
	case "A":
		if t.Hour() < 12 {
			return "AM"
		}
		return "PM"
	case "a":
		if t.Hour() < 12 {
			return "am"
		}
		return "pm"
	}
	return tok
}

// fieldText renders a result cell of a field for people: a date in the
// field's DateTimeFormat when it has one, else as formatValue does.
func fieldText(v any, col query.ResultColumn, f field) string {
	if v == nil && f.nullText != "" {
		return f.nullText
	}
	if f.dateFormat != "" && v != nil {
		if t, ok := asTime(v); ok {
			return f.dateFormat.format(t)
		}
	}
	return formatValue(v, col, granularity(f))
}
