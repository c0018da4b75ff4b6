package console

import (
	"strings"
	"testing"
)

func TestDecodePunycode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://app.example.com/-", "https://app.example.com/"},
		{"http://localhost:3000/-", "http://localhost:3000/"},
		// RFC 3492 sample (Arabic/Egyptian) and a mixed one.
		{"egbpdaj6bu4bxfgehfvwxn", "\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F"},
		{"bcher-kva", "bücher"},
	} {
		got, err := decodePunycode(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("decodePunycode(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"abc-!!", "é-a", "zzzzzzzzzzzzzzzzzzzzzzzzz9", strings.Repeat("a", 3000)} {
		if got, err := decodePunycode(bad); err == nil {
			t.Errorf("decodePunycode(%q) = %q, want error", bad, got)
		}
	}
}

func TestEmbedOrigin(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"https://app.example.com/-", "https://app.example.com", true},
		{"http://LOCALHOST:3000/-", "http://localhost:3000", true},
		{"javascript:alert(1)/-", "", false},
		{"https://app.example.com/path/-", "", false},
		{"https://user@app.example.com/-", "", false},
		{"", "", false},
	} {
		got, ok := embedOrigin(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("embedOrigin(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestOriginAllowed(t *testing.T) {
	list := []string{"https://app.example.com", "https://*.corp.example", "http://localhost:*"}
	for _, tc := range []struct {
		origin string
		want   bool
	}{
		{"https://app.example.com", true},
		{"http://app.example.com", false},
		{"https://app.example.com:8443", false},
		{"https://a.corp.example", true},
		{"https://a.b.corp.example", true},
		{"https://corp.example", false},
		{"https://evilcorp.example", false},
		{"http://localhost:3000", true},
		{"http://localhost", true}, // ":*" matches the default port too, as in CSP
		{"https://localhost:3000", false},
	} {
		if got := originAllowed(tc.origin, list); got != tc.want {
			t.Errorf("originAllowed(%q) = %v, want %v", tc.origin, got, tc.want)
		}
	}
}

func TestFrameAncestors(t *testing.T) {
	got := frameAncestors([]string{"https://app.example.com/", "http://localhost:*", "https://x; script-src *", "'self'"})
	if want := "frame-ancestors https://app.example.com http://localhost:*"; got != want {
		t.Errorf("frameAncestors = %q, want %q", got, want)
	}
	if got := frameAncestors(nil); got != "frame-ancestors 'none'" {
		t.Errorf("frameAncestors(nil) = %q", got)
	}
}

func FuzzDecodePunycode(f *testing.F) {
	for _, s := range []string{"https://app.example.com/-", "bcher-kva", "egbpdaj6bu4bxfgehfvwxn", "a-b-c-", "-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, err := decodePunycode(s)
		if err == nil && !utf8Valid(out) {
			t.Fatalf("decodePunycode(%q) returned invalid UTF-8", s)
		}
		embedOrigin(s)
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
