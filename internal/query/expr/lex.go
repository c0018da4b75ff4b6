package expr

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind int

const (
	tEOF tokKind = iota
	tIdent
	tField  // {Name}
	tParam  // ${Name}
	tString // 'x' or "x"
	tNumber
	tOp // operators and punctuation
)

type token struct {
	kind tokKind
	pos  int
	text string // identifier, field or parameter name, string value, number text, operator
}

// maxExprLen bounds the source of one expression.
const maxExprLen = 64 << 10

func lex(src string) ([]token, error) {
	if len(src) > maxExprLen {
		return nil, errorf(0, "expression is longer than %d bytes", maxExprLen)
	}
	if !utf8.ValidString(src) {
		return nil, errorf(0, "expression is not valid UTF-8")
	}
	var toks []token
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			// A comment, any text up to the first */.
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return nil, errorf(i, "unterminated comment")
			}
			i += end + 4
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			// A line comment, up to the end of its line: QuickSight takes
			// them, and real calculated fields carry them ("// Prettify").
			end := strings.IndexAny(src[i:], "\r\n")
			if end < 0 {
				end = len(src) - i
			}
			i += end
		case c == '{':
			end := strings.IndexByte(src[i+1:], '}')
			if end < 0 {
				return nil, errorf(i, "unterminated field reference")
			}
			name := src[i+1 : i+1+end]
			if strings.TrimSpace(name) == "" {
				return nil, errorf(i, "empty field reference")
			}
			toks = append(toks, token{tField, i, name})
			i += end + 2
		case c == '$' && i+1 < len(src) && src[i+1] == '{':
			end := strings.IndexByte(src[i+2:], '}')
			if end < 0 {
				return nil, errorf(i, "unterminated parameter reference")
			}
			name := src[i+2 : i+2+end]
			if strings.TrimSpace(name) == "" {
				return nil, errorf(i, "empty parameter reference")
			}
			toks = append(toks, token{tParam, i, name})
			i += end + 3
		case c == '\'' || c == '"':
			var b strings.Builder
			j := i + 1
			for {
				if j >= len(src) {
					return nil, errorf(i, "unterminated string literal")
				}
				if src[j] == '\\' && j+1 < len(src) {
					b.WriteByte(src[j+1])
					j += 2
					continue
				}
				if src[j] == c {
					if j+1 < len(src) && src[j+1] == c {
						b.WriteByte(c)
						j += 2
						continue
					}
					break
				}
				b.WriteByte(src[j])
				j++
			}
			toks = append(toks, token{tString, i, b.String()})
			i = j + 1
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			j := i
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.') {
				j++
			}
			if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
				k := j + 1
				if k < len(src) && (src[k] == '+' || src[k] == '-') {
					k++
				}
				if k < len(src) && src[k] >= '0' && src[k] <= '9' {
					for k < len(src) && src[k] >= '0' && src[k] <= '9' {
						k++
					}
					j = k
				}
			}
			toks = append(toks, token{tNumber, i, src[i:j]})
			i = j
		case c == '_' || c < utf8.RuneSelf && unicode.IsLetter(rune(c)) || c >= utf8.RuneSelf:
			j := i
			for j < len(src) {
				r, size := utf8.DecodeRuneInString(src[j:])
				if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					break
				}
				j += size
			}
			if j == i {
				r, _ := utf8.DecodeRuneInString(src[i:])
				return nil, errorf(i, "unexpected character %q", r)
			}
			toks = append(toks, token{tIdent, i, src[i:j]})
			i = j
		default:
			two := ""
			if i+1 < len(src) {
				two = src[i : i+2]
			}
			switch two {
			case "<>", "!=", "<=", ">=":
				toks = append(toks, token{tOp, i, two})
				i += 2
				continue
			}
			switch c {
			case '+', '-', '*', '/', '%', '^', '=', '<', '>', '(', ')', ',', '[', ']':
				toks = append(toks, token{tOp, i, string(c)})
				i++
			default:
				return nil, errorf(i, "unexpected character %q", rune(c))
			}
		}
	}
	toks = append(toks, token{tEOF, len(src), ""})
	return toks, nil
}
