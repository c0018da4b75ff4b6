package app

import (
	"regexp"
	"strings"
	"testing"
)

// reResourceIDPattern is the pattern isResourceID implements.
var reResourceIDPattern = regexp.MustCompile(`^[\w-]{1,512}$`)

func TestIsResourceIDAgrees(t *testing.T) {
	cases := []string{"", "a", "sample-sales-dashboard", "A_b-9", "a b", "a/b", "a\n", "\na", "é", "a.b",
		strings.Repeat("x", 512), strings.Repeat("x", 513), "a\x00", "-", "_", "ab$", "^a"}
	for c := 0; c < 256; c++ {
		cases = append(cases, string(rune(c)), "a"+string([]byte{byte(c)}))
	}
	for _, id := range cases {
		if got, want := isResourceID(id), reResourceIDPattern.MatchString(id); got != want {
			t.Errorf("isResourceID(%q) = %v, the pattern says %v", id, got, want)
		}
	}
}

// FuzzIsResourceID: isResourceID and the pattern agree on any string.
func FuzzIsResourceID(f *testing.F) {
	f.Add("sample-sales-dashboard")
	f.Add("a b")
	f.Fuzz(func(t *testing.T, id string) {
		if got, want := isResourceID(id), reResourceIDPattern.MatchString(id); got != want {
			t.Fatalf("isResourceID(%q) = %v, the pattern says %v", id, got, want)
		}
	})
}
