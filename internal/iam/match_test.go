package iam

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// matchAction matches as Evaluate does for actions: ignoring ASCII case.
func matchAction(pattern, action string) bool { return match(pattern, action, true) }

// matchResource matches as Evaluate does for resources: case-sensitively.
func matchResource(pattern, resource string) bool { return match(pattern, resource, false) }

func TestMatchAction(t *testing.T) {
	tests := []struct {
		pattern, action string
		want            bool
	}{
		{"*", "quicksight:DescribeUser", true},
		{"*", "", true},
		{"quicksight:*", "quicksight:DescribeUser", true},
		{"quicksight:*", "quicksight:", true},
		{"quicksight:*", "s3:GetObject", false},
		{"quicksight:Describe*", "quicksight:DescribeUser", true},
		{"quicksight:Describe*", "quicksight:Describe", true},
		{"quicksight:Describe*", "quicksight:ListUsers", false},
		{"quicksight:*User", "quicksight:DescribeUser", true},
		{"quicksight:*User", "quicksight:DescribeUsers", false},
		{"quicksight:*Embed*", "quicksight:GetSessionEmbedUrl", true},
		{"quicksight:DescribeUser", "quicksight:DescribeUser", true},
		{"quicksight:DescribeUser", "quicksight:DescribeUsers", false},
		{"quicksight:DescribeUser", "quicksight:DescribeUse", false},
		// Actions ignore case, in the service and the operation.
		{"QuickSight:describeuser", "quicksight:DescribeUser", true},
		{"quicksight:DESCRIBE*", "QUICKSIGHT:describeUser", true},
		{"quicksight:describe?ser", "quicksight:DescribeUser", true},
		// "?" is exactly one character.
		{"quicksight:Describe?ser", "quicksight:DescribeUser", true},
		{"quicksight:Describe?ser", "quicksight:Describeser", false},
		{"quicksight:Describe??ser", "quicksight:DescribeUser", false},
		{"quicksight:List????", "quicksight:ListUsers", false},
		{"quicksight:List?????", "quicksight:ListUsers", true},
		{"", "", true},
		{"", "quicksight:DescribeUser", false},
	}
	for _, tt := range tests {
		if got := matchAction(tt.pattern, tt.action); got != tt.want {
			t.Errorf("matchAction(%q, %q) = %v, want %v", tt.pattern, tt.action, got, tt.want)
		}
	}
}

func TestMatchResource(t *testing.T) {
	const acct = "arn:aws:quicksight:us-east-1:123456789012:"
	tests := []struct {
		pattern, resource string
		want              bool
	}{
		{"*", acct + "user/default/alice", true},
		{acct + "user/default/*", acct + "user/default/alice", true},
		{acct + "user/default/*", acct + "user/other/alice", false},
		{acct + "user/default/alice", acct + "user/default/alice", true},
		{acct + "user/default/alice", acct + "user/default/alice2", false},
		// Resources are case-sensitive.
		{acct + "user/default/Alice", acct + "user/default/alice", false},
		{"ARN:aws:quicksight:*", acct + "user/default/alice", false},
		{acct + "User/*", acct + "user/default/alice", false},
		// "*" spans "/" and ":".
		{acct + "user/*", acct + "user/default/alice", true},
		{"arn:aws:quicksight:*:123456789012:user/*", acct + "user/default/alice", true},
		{"arn:aws:quicksight:*", acct + "dashboard/d1", true},
		{"arn:*/alice", acct + "user/default/alice", true},
		{"arn:*:alice", acct + "user/default/alice", false},
		{"arn:aws:quicksight:*:*:dashboard/*", acct + "dashboard/d1", true},
		{"arn:aws:quicksight:*:*:dashboard/*", acct + "dataset/d1", false},
		{"arn:aws:quicksight:*:999999999999:*", acct + "dashboard/d1", false},
		{"*/alice", acct + "user/default/alice", true},
		{"*/bob", acct + "user/default/alice", false},
		// "?" is one character, "/" and ":" included, and one code point.
		{acct + "user/default/alic?", acct + "user/default/alice", true},
		{acct + "user/default?alice", acct + "user/default/alice", true},
		{"arn:aws:quicksight:us-east-?:*", acct + "user/default/alice", true},
		{acct + "user/default/jos?", acct + "user/default/josé", true},
		{acct + "user/default/jos??", acct + "user/default/josé", false},
		{acct + "user/default/*?", acct + "user/default/josé", true},
		{acct + "user/default/?os?", acct + "user/default/éosé", true},
		{acct + "user/default/*é", acct + "user/default/josé", true},
		{acct + "user/default/*é", acct + "user/default/jose", false},
		{acct + "user/default/中?", acct + "user/default/中文", true},
		// Several stars, backtracking.
		{"a*b*c", "aXbYc", true},
		{"a*b*c", "abc", true},
		{"a*b*c", "acb", false},
		{"*a*a*a*b", strings.Repeat("a", 40), false},
		{"*a*a*a*b", strings.Repeat("a", 40) + "b", true},
		{"**", "", true},
		{"?", "", false},
		{"?*", "x", true},
	}
	for _, tt := range tests {
		if got := matchResource(tt.pattern, tt.resource); got != tt.want {
			t.Errorf("matchResource(%q, %q) = %v, want %v", tt.pattern, tt.resource, got, tt.want)
		}
	}
}

// TestMatchPathological checks that patterns which make backtracking
// matchers take exponential time are fast here.
func TestMatchPathological(t *testing.T) {
	name := strings.Repeat("a", 4096)
	pattern := strings.Repeat("a*", 100) + "b"
	if matchResource(pattern, name) {
		t.Fatal("matched")
	}
	allocs := testing.AllocsPerRun(10, func() { matchResource(pattern, name) })
	if allocs != 0 {
		t.Errorf("match allocates %v times", allocs)
	}
}

// refMatch is an obviously correct, exponential, recursive matcher over
// characters (UTF-8 sequences, an invalid byte counting as one), the
// definition that match must agree with.
func refMatch(pattern, name []string, fold bool) bool {
	if len(pattern) == 0 {
		return len(name) == 0
	}
	switch pattern[0] {
	case "*":
		return refMatch(pattern[1:], name, fold) || len(name) > 0 && refMatch(pattern, name[1:], fold)
	case "?":
		return len(name) > 0 && refMatch(pattern[1:], name[1:], fold)
	}
	if len(name) == 0 {
		return false
	}
	same := pattern[0] == name[0] || fold && isASCII(pattern[0]) && isASCII(name[0]) && strings.EqualFold(pattern[0], name[0])
	return same && refMatch(pattern[1:], name[1:], fold)
}

func isASCII(c string) bool { return len(c) == 1 && c[0] < utf8.RuneSelf }

// chars splits s into characters.
func chars(s string) []string {
	var cs []string
	for len(s) > 0 {
		_, w := utf8.DecodeRuneInString(s)
		cs = append(cs, s[:w])
		s = s[w:]
	}
	return cs
}

func FuzzMatch(f *testing.F) {
	for _, s := range [][2]string{
		{"*", "abc"},
		{"a*b?c", "axxbyc"},
		{"*a*a*b", "aaaaab"},
		{"quicksight:Describe*", "QUICKSIGHT:DescribeUser"},
		{"jos?", "josé"},
		{"*?", "中"},
		{"?\xff*", "\xe4\xb8\xff"},
		{"\xc3*", "\xc3\xa9"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, name string) {
		// The reference is exponential: keep the inputs short.
		if len(pattern) > 24 || len(name) > 24 || strings.Count(pattern, "*") > 6 {
			t.Skip()
		}
		for _, fold := range []bool{false, true} {
			got := match(pattern, name, fold)
			want := refMatch(chars(pattern), chars(name), fold)
			if got != want {
				t.Fatalf("match(%q, %q, fold=%v) = %v, reference says %v", pattern, name, fold, got, want)
			}
		}
	})
}
