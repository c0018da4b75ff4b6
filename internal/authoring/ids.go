package authoring

import (
	"regexp"
	"strconv"
	"strings"
)

// usedIDs collects the values of a member (VisualId, FieldId, SheetId)
// anywhere in the definition.
func usedIDs(v any, member string, into map[string]bool) {
	switch t := v.(type) {
	case obj:
		for k, c := range t {
			if k == member {
				if s, ok := c.(string); ok {
					into[s] = true
				}
			}
			usedIDs(c, member, into)
		}
	case []any:
		for _, c := range t {
			usedIDs(c, member, into)
		}
	}
}

var reIDUnsafe = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// freshID returns prefix-N, the first N from 1 that no member of that
// name in the definition uses.
func freshID(d obj, member, prefix string) string {
	used := map[string]bool{}
	usedIDs(d, member, used)
	return freshAmong(used, prefix)
}

// freshAmong returns prefix-N, the first N from 1 not in used, and marks
// it used.
func freshAmong(used map[string]bool, prefix string) string {
	prefix = strings.Trim(reIDUnsafe.ReplaceAllString(prefix, "-"), "-")
	if prefix == "" {
		prefix = "id"
	}
	if len(prefix) > 400 {
		prefix = prefix[:400]
	}
	for n := 1; ; n++ {
		id := prefix + "-" + strconv.Itoa(n)
		if !used[id] {
			used[id] = true
			return id
		}
	}
}
