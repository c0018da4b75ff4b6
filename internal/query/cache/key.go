package cache

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Key returns the cache key of a query: scope (by convention
// "<account>/<dataset>@<version or ingestion>", which must not contain
// '|'), then the SQL and each argument, length-prefixed and typed, so that
// two different queries never share a key: "a|b" with no arguments and "a"
// with the argument "|b" differ, and so do int64(1), float64(1), "1" and
// true. InvalidatePrefix(scope+"|") drops exactly that scope's results.
func Key(scope string, sql string, args []any) string {
	var b strings.Builder
	b.Grow(len(scope) + len(sql) + 16 + 16*len(args))
	b.WriteString(scope)
	b.WriteByte('|')
	writeLen(&b, 'q', sql)
	b.WriteByte('|')
	for _, a := range args {
		writeArg(&b, a)
	}
	return b.String()
}

func writeLen(b *strings.Builder, tag byte, s string) {
	b.WriteByte(tag)
	b.WriteString(strconv.Itoa(len(s)))
	b.WriteByte(':')
	b.WriteString(s)
}

func writeArg(b *strings.Builder, a any) {
	switch x := a.(type) {
	case nil:
		b.WriteString("n;")
		return
	case bool:
		if x {
			b.WriteString("b1;")
		} else {
			b.WriteString("b0;")
		}
		return
	case int:
		b.WriteString("i" + strconv.FormatInt(int64(x), 10))
	case int8:
		b.WriteString("i" + strconv.FormatInt(int64(x), 10))
	case int16:
		b.WriteString("i" + strconv.FormatInt(int64(x), 10))
	case int32:
		b.WriteString("i" + strconv.FormatInt(int64(x), 10))
	case int64:
		b.WriteString("i" + strconv.FormatInt(x, 10))
	case uint:
		b.WriteString("u" + strconv.FormatUint(uint64(x), 10))
	case uint8:
		b.WriteString("u" + strconv.FormatUint(uint64(x), 10))
	case uint16:
		b.WriteString("u" + strconv.FormatUint(uint64(x), 10))
	case uint32:
		b.WriteString("u" + strconv.FormatUint(uint64(x), 10))
	case uint64:
		b.WriteString("u" + strconv.FormatUint(x, 10))
	case float32:
		b.WriteString("f" + strconv.FormatUint(uint64(math.Float32bits(x)), 16))
	case float64:
		b.WriteString("d" + strconv.FormatUint(math.Float64bits(x), 16))
	case string:
		writeLen(b, 's', x)
	case []byte:
		writeLen(b, 'x', string(x))
	case time.Time:
		writeLen(b, 't', x.Format(time.RFC3339Nano))
	default:
		writeLen(b, 'v', fmt.Sprintf("%T=%#v", x, x))
	}
	b.WriteByte(';')
}
