package source_test

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query/source"
)

// FuzzParseHostPolicy checks that any list either fails to parse or parses
// to a policy whose written form parses back to itself.
func FuzzParseHostPolicy(f *testing.F) {
	for _, s := range []string{"", "127.0.0.1", "10.0.0.0/8:5432, db.example.com", "[fd00::/8]:5432,::1", "[::1", "db:0", "::ffff:10.0.0.1/104"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, list string) {
		h, err := source.ParseHostPolicy(list)
		if err != nil {
			return
		}
		again, err := source.ParseHostPolicy(h.String())
		if err != nil {
			t.Fatalf("%q parsed to %q, which does not parse: %v", list, h, err)
		}
		if again.String() != h.String() {
			t.Fatalf("%q parsed to %q, which parses to %q", list, h, again)
		}
	})
}
