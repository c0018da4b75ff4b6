package dialect

import (
	"regexp"
	"strings"
)

// ShapeChar is one character of a text shape: a decimal digit, an ASCII
// letter, or the literal character Lit.
type ShapeChar struct {
	Digit, Letter bool
	Lit           rune
}

// MatchShape is the condition that the whole of s has the shape, exactly
// (one character per ShapeChar). bind binds the pattern the dialect
// writes (a GLOB pattern for SQLite, a regular expression for the
// others) and returns its SQL: the literal characters come from request
// text and never reach the SQL.
func MatchShape(d Dialect, s string, shape []ShapeChar, bind func(pattern string) string) string {
	if d.Name() == "sqlite" {
		var b strings.Builder
		for _, c := range shape {
			switch {
			case c.Digit:
				b.WriteString("[0-9]")
			case c.Letter:
				b.WriteString("[A-Za-z]")
			case c.Lit == '*' || c.Lit == '?' || c.Lit == '[':
				b.WriteString("[" + string(c.Lit) + "]")
			default:
				b.WriteRune(c.Lit)
			}
		}
		return "(" + s + " GLOB " + bind(b.String()) + ")"
	}
	var b strings.Builder
	b.WriteString("^")
	for _, c := range shape {
		if c.Digit {
			b.WriteString("[0-9]")
			continue
		}
		if c.Letter {
			b.WriteString("[A-Za-z]")
			continue
		}
		b.WriteString(regexp.QuoteMeta(string(c.Lit)))
	}
	b.WriteString("$")
	op := " ~ "
	if d.Name() == "mysql" {
		op = " REGEXP "
	}
	return "(" + s + op + bind(b.String()) + ")"
}
