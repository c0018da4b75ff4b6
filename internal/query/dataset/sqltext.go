package dataset

import "strings"

// sqlText is SQL built by nesting subqueries: pieces of text and nested
// sqlTexts, written out once at the end, so that wrapping a query in
// another costs no copy and a query used twice (MySQL's full outer join)
// is not duplicated until written. n is the length it will have.
type sqlText struct {
	parts []any // string or *sqlText
	n     int
}

func sqlOf(parts ...any) *sqlText {
	t := &sqlText{parts: parts}
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			t.n += len(p)
		case *sqlText:
			t.n += p.n
		default:
			panic("dataset: sqlOf part must be a string or *sqlText")
		}
	}
	return t
}

// String writes the SQL out. Callers check n first.
func (t *sqlText) String() string {
	var b strings.Builder
	b.Grow(t.n)
	t.write(&b)
	return b.String()
}

func (t *sqlText) write(b *strings.Builder) {
	for _, p := range t.parts {
		switch p := p.(type) {
		case string:
			b.WriteString(p)
		case *sqlText:
			p.write(b)
		}
	}
}
