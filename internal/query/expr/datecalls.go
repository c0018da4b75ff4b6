package expr

import (
	"strings"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// formatTokens are the QuickSight date-format tokens formatDate knows:
// runs of one pattern letter. Others (kk, y, yyy, MMMMM, z, Z …) are
// refused, naming the token.
var formatTokens = map[string]bool{
	"yyyy": true, "yy": true, "MMMM": true, "MMM": true, "MM": true, "M": true,
	"dd": true, "d": true, "EEEE": true, "EEE": true, "EE": true, "E": true,
	"HH": true, "H": true, "hh": true, "h": true, "kk": true, "mm": true, "ss": true, "a": true, "SSS": true,
}

// defaultDateFormat is formatDate's format when the call gives none, as
// QuickSight documents it (yyyy-MM-ddTkk:mm:ss:SSS).
const defaultDateFormat = "yyyy-MM-dd'T'kk:mm:ss:SSS"

// formatPiece is a token (Token set) or literal text of a date format.
type formatPiece struct {
	Token, Text string
}

// parseFormat splits a QuickSight date format into tokens and literal
// text: letters form tokens, text between single quotes is literal (two
// single quotes are one), anything else is literal. at is the position
// of the format string literal and fn the function, for errors.
func parseFormat(fn, format string, at int) ([]formatPiece, error) {
	var out []formatPiece
	lit := func(s string) {
		if n := len(out); n > 0 && out[n-1].Token == "" {
			out[n-1].Text += s
			return
		}
		out = append(out, formatPiece{Text: s})
	}
	for i := 0; i < len(format); {
		ch := format[i]
		switch {
		case ch == '\'':
			j := i + 1
			var b strings.Builder
			for {
				if j >= len(format) {
					return nil, errorf(at, "%s: unterminated quoted text in the format", fn)
				}
				if format[j] == '\'' {
					if j+1 < len(format) && format[j+1] == '\'' {
						b.WriteByte('\'')
						j += 2
						continue
					}
					break
				}
				b.WriteByte(format[j])
				j++
			}
			if j == i+1 {
				lit("'")
			} else {
				lit(b.String())
			}
			i = j + 1
		case ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z':
			j := i
			for j < len(format) && format[j] == ch {
				j++
			}
			tok := format[i:j]
			if !formatTokens[tok] {
				return nil, errorf(at, "%s: unsupported format token %q", fn, tok)
			}
			out = append(out, formatPiece{Token: tok})
			i = j
		default:
			lit(string(ch))
			i++
		}
	}
	return out, nil
}

// dateCall compiles epochDate and formatDate; ok is false for other
// functions.
func (c *Compiler) dateCall(n *Call) (v Value, ok bool, err error) {
	d := c.Dialect
	switch n.Name {
	case "parseDate":
		return c.parseDate(n)
	case "epochDate":
		vs, k, err := c.typed(n, 1, 1, dialect.Integer)
		if err != nil {
			return Value{}, true, err
		}
		return Value{SQL: d.EpochDate(vs[0].SQL), Type: dialect.Datetime, Kind: k}, true, nil
	case "formatDate":
		if err := arity(n, 1, 2); err != nil {
			return Value{}, true, err
		}
		f := &String{At: n.At, Value: defaultDateFormat}
		if len(n.Args) == 2 {
			lit, isLit := n.Args[1].(*String)
			if !isLit {
				return Value{}, true, errorf(n.Args[1].Pos(), "formatDate: the format must be a string literal such as 'yyyy-MM-dd'")
			}
			f = lit
		}
		pieces, err := parseFormat("formatDate", f.Value, f.At)
		if err != nil {
			return Value{}, true, err
		}
		x, err := c.Compile(n.Args[0])
		if err != nil {
			return Value{}, true, err
		}
		if err := want(n.Args[0], x, dialect.Datetime); err != nil {
			return Value{}, true, err
		}
		if len(pieces) == 0 {
			return Value{}, true, errorf(f.At, "formatDate: the format is empty")
		}
		parts := make([]string, len(pieces))
		for i, p := range pieces {
			if p.Token == "" {
				parts[i] = c.Bind(p.Text, dialect.String)
				continue
			}
			token := p.Token
			if token == "kk" {
				token = "HH" // then 00 reads 24
			}
			sql, ok := d.FormatDatePart(x.SQL, token)
			if p.Token == "kk" {
				sql = "(CASE WHEN " + sql + " = '00' THEN '24' ELSE " + sql + " END)"
			}
			if !ok {
				return Value{}, true, errorf(f.At, "formatDate: unsupported format token %q", p.Token)
			}
			parts[i] = d.Cast(sql, dialect.String)
		}
		return Value{SQL: "(CASE WHEN " + x.SQL + " IS NULL THEN NULL ELSE " + d.Concat(parts) + " END)", Type: dialect.String, Kind: x.Kind}, true, nil
	}
	return Value{}, false, nil
}
