package apimodel

import (
	"regexp"
	"strings"
	"testing"
)

// classPatterns returns the model's patterns that compile to a class
// matcher, with their regexps.
func classPatterns(t testing.TB) (res []*regexp.Regexp, cms []*classMatcher) {
	for _, p := range patterns {
		re := compilePattern(p)
		if re == nil {
			continue
		}
		if cm := classMatcherOf(re); cm != nil {
			res, cms = append(res, re), append(cms, cm)
		}
	}
	if len(cms) == 0 {
		t.Fatal("no model pattern compiles to a class matcher")
	}
	return res, cms
}

// TestClassMatcherShapes: which patterns take the fast path, and which
// must not.
func TestClassMatcherShapes(t *testing.T) {
	for _, c := range []struct {
		pattern string
		fast    bool
	}{
		{`^[0-9]{12}$`, true},
		{`^[a-zA-Z0-9-_]+$`, true},
		{`[\w\-]+`, true},
		{`^[A-Za-z0-9-_.\\+]*$`, true},
		{`[a-z]?`, true},
		{`[0-9]`, true},
		{`[^a]+`, false},       // non-ASCII members
		{`.*`, false},          // any character
		{`[a-z]+[0-9]`, false}, // a sequence
		{`arn:[a-z]+`, false},
		{`(?i)[a-z]+`, false}, // folds in the Kelvin sign and long s
		{`[a-z]+|[0-9]+`, false},
		{`\S+`, false},
	} {
		re := compilePattern(c.pattern)
		if re == nil {
			t.Fatalf("%s does not compile", c.pattern)
		}
		if got := classMatcherOf(re) != nil; got != c.fast {
			t.Errorf("%s: class matcher %v, want %v", c.pattern, got, c.fast)
		}
	}
	_, cms := classPatterns(t)
	t.Logf("%d of %d model patterns are class matchers", len(cms), len(patterns))
}

// TestClassMatcherAgrees checks every class-matched model pattern against
// its regexp on values at and around its bounds and characters.
func TestClassMatcherAgrees(t *testing.T) {
	res, cms := classPatterns(t)
	probes := []string{"", "a", "A", "0", "_", "-", ".", "+", "\\", " ", "é", "\xff", "\n",
		"123456789012", "12345678901", "1234567890123", "abc-DEF_09", "a b", "日本", "abc\x00"}
	for i := range res {
		for _, p := range probes {
			for _, v := range []string{p, strings.Repeat(p, 3), p + "0", "0" + p} {
				if got, want := cms[i].MatchString(v), res[i].MatchString(v); got != want {
					t.Errorf("%s on %q: class matcher %v, regexp %v", res[i], v, got, want)
				}
			}
		}
	}
}

// FuzzClassMatcher: for any value, every class matcher answers as its
// regexp does.
func FuzzClassMatcher(f *testing.F) {
	res, cms := classPatterns(f)
	for _, s := range []string{"", "123456789012", "abc-DEF_09", "a b", "é", "\xff", "x\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		for i := range res {
			if got, want := cms[i].MatchString(v), res[i].MatchString(v); got != want {
				t.Fatalf("%s on %q: class matcher %v, regexp %v", res[i], v, got, want)
			}
		}
	})
}

// BenchmarkPatternMatch compares the class matcher with the regexp on an
// account id and a resource id.
func BenchmarkPatternMatch(b *testing.B) {
	for _, c := range []struct{ pattern, value string }{
		{`^[0-9]{12}$`, "111122223333"},
		{`^[\w\-]+$`, "sample-dashboard-0123456789"},
	} {
		re := compilePattern(c.pattern)
		cm := classMatcherOf(re)
		b.Run("regexp/"+c.value, func(b *testing.B) {
			for b.Loop() {
				if !re.MatchString(c.value) {
					b.Fatal("no match")
				}
			}
		})
		b.Run("class/"+c.value, func(b *testing.B) {
			for b.Loop() {
				if !cm.MatchString(c.value) {
					b.Fatal("no match")
				}
			}
		})
	}
}
