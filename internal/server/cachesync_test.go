package server

import (
	"testing"

	"github.com/sightglass/sightglass/internal/app"
)

func TestParseInvalidation(t *testing.T) {
	for _, tc := range []struct {
		payload string
		node    string
		scope   app.CacheScope
	}{
		{formatInvalidation("abc", app.CacheUsers), "abc", app.CacheUsers},
		{formatInvalidation("abc", app.CacheAll), "abc", app.CacheAll},
		{"v1 abc 6", "abc", app.CacheContentLists | app.CacheAccounts},
		{"v1 abc 0", "abc", app.CacheAll},
		{"v1 abc 16", "abc", app.CacheAll}, // an unknown scope bit
		{"v1 abc 999", "abc", app.CacheAll},
		{"v1 abc -1", "abc", app.CacheAll},
		{"v2 abc 1", "", app.CacheAll},
		{"", "", app.CacheAll},
		{"v1 abc", "", app.CacheAll},
	} {
		node, scope := parseInvalidation(tc.payload)
		if node != tc.node || scope != tc.scope {
			t.Errorf("parseInvalidation(%q) = %q, %d; want %q, %d", tc.payload, node, scope, tc.node, tc.scope)
		}
	}
}

// FuzzParseInvalidation: any payload on the channel yields a scope within
// CacheAll and never panics; well-formed payloads round-trip.
func FuzzParseInvalidation(f *testing.F) {
	f.Add("v1 0123456789abcdef 1")
	f.Add("v1 x 15")
	f.Add("garbage")
	f.Fuzz(func(t *testing.T, payload string) {
		node, scope := parseInvalidation(payload)
		if scope == 0 || scope&^app.CacheAll != 0 {
			t.Fatalf("parseInvalidation(%q) scope %d", payload, scope)
		}
		if node != "" {
			if n2, s2 := parseInvalidation(formatInvalidation(node, scope)); n2 != node || s2 != scope {
				t.Fatalf("round trip of %q, %d: %q, %d", node, scope, n2, s2)
			}
		}
	})
}
