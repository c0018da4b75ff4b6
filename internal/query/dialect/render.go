package dialect

import (
	"strconv"
	"strings"
)

// Raw is an argument that stands for already-rendered SQL of the same
// dialect with its own arguments, such as a dataset's relation embedded
// in a question. In a PostgreSQL rendering all Raw arguments must share
// one numbering ($1…$k of the first one), as a relation repeated does.
type Raw struct {
	SQL  string
	Args []any
}

// Render replaces the argument references (Arg) in sql with d's
// placeholders and returns the arguments in placeholder order. With
// numbered placeholders each argument is bound once however often it is
// referenced; with "?" each reference binds its argument again. Raw
// arguments are written in place.
func Render(d Dialect, sql string, args []any) (string, []any, error) {
	if !strings.Contains(sql, "\x00") {
		return sql, nil, nil
	}
	var b strings.Builder
	b.Grow(len(sql) + 16)
	var out []any
	numbered := d.NumberedPlaceholders()
	var slot map[int]int // argument index → placeholder number
	if numbered {
		slot = make(map[int]int)
		for _, a := range args {
			if r, ok := a.(Raw); ok {
				out = append(out, r.Args...)
				break
			}
		}
	}
	for {
		i := strings.IndexByte(sql, 0)
		if i < 0 {
			b.WriteString(sql)
			return b.String(), out, nil
		}
		j := strings.IndexByte(sql[i+1:], 0)
		if j < 0 {
			return "", nil, errBadRef
		}
		idx, err := strconv.Atoi(sql[i+1 : i+1+j])
		if err != nil || idx < 0 || idx >= len(args) {
			return "", nil, errBadRef
		}
		b.WriteString(sql[:i])
		sql = sql[i+j+2:]
		if r, ok := args[idx].(Raw); ok {
			b.WriteString(r.SQL)
			if !numbered {
				out = append(out, r.Args...)
			}
			continue
		}
		if !numbered {
			b.WriteString("?")
			out = append(out, args[idx])
			continue
		}
		n, ok := slot[idx]
		if !ok {
			out = append(out, args[idx])
			n = len(out)
			slot[idx] = n
		}
		b.WriteString("$" + strconv.Itoa(n))
	}
}

type renderError string

func (e renderError) Error() string { return string(e) }

const errBadRef = renderError("dialect: bad argument reference in SQL fragment")
