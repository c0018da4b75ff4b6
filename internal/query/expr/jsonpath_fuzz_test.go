package expr

import (
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// FuzzParseJSONPath checks that parseJson's path parser never panics and
// that every path it accepts binds as a quoted path holding no quote or
// backslash inside a key, so the engines read the same steps.
func FuzzParseJSONPath(f *testing.F) {
	for _, s := range []string{"$", "$.items.qty", "$.list2[0].list21key1", "$.Sales Amount", "$[1]", "$.a[", "$..a", "$.a\"b", "$.ñandú[3]", "$[999999999999]", "$.a[+1]", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, path string) {
		steps, err := parseJSONPath(path)
		if err != nil {
			return
		}
		for _, s := range steps {
			if s.IsIndex && (s.Index < 0 || s.Index > maxJSONIndex) {
				t.Fatalf("%q: index %d", path, s.Index)
			}
			if !s.IsIndex && (s.Key == "" || strings.ContainsAny(s.Key, "\"\\.[]")) {
				t.Fatalf("%q: key %q", path, s.Key)
			}
		}
		if p := dialect.JSONPath(steps); !strings.HasPrefix(p, "$") {
			t.Fatalf("%q: bound %q", path, p)
		}
	})
}
