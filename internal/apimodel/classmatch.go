package apimodel

import (
	"regexp"
	"regexp/syntax"
)

// Fast matching of the commonest model patterns.
//
// Most patterns in the model are one ASCII character class repeated
// between two bounds over the whole value (`^[0-9]{12}$`,
// `^[\w\-]+$`). The request check runs them on every string member of
// every call, and regexp's machine costs far more than a table lookup per
// byte: such a pattern is matched by a 128-bit set and the bounds, with
// the same answer as the regexp (FuzzClassMatcher checks that). Any other
// pattern keeps its regexp.

// classMatcher matches values of min..max (max < 0: no bound) characters
// of an ASCII set.
type classMatcher struct {
	set      [2]uint64
	min, max int
}

// MatchString reports whether every byte of s is in the set and their
// count is within the bounds. A byte of 0x80 or more (part of a
// non-ASCII character, or invalid UTF-8) is in no ASCII set, so it fails
// the match as the regexp's rune does.
func (m *classMatcher) MatchString(s string) bool {
	if len(s) < m.min || (m.max >= 0 && len(s) > m.max) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || m.set[c>>6]&(1<<(c&63)) == 0 {
			return false
		}
	}
	return true
}

// stringMatcher is a compiled pattern: a *regexp.Regexp or a
// *classMatcher.
type stringMatcher interface {
	MatchString(s string) bool
}

// classMatcherOf returns the class matcher equivalent to re, or nil if re
// is not one ASCII class repeated over the whole value.
func classMatcherOf(re *regexp.Regexp) *classMatcher {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	subs := []*syntax.Regexp{t}
	if t.Op == syntax.OpConcat {
		subs = t.Sub
	}
	// Strip the anchors: compilePattern adds a pair, the model's own
	// pattern usually has another.
	for len(subs) > 0 && subs[0].Op == syntax.OpBeginText {
		subs = subs[1:]
	}
	for len(subs) > 0 && subs[len(subs)-1].Op == syntax.OpEndText {
		subs = subs[:len(subs)-1]
	}
	if len(subs) != 1 {
		return nil
	}
	m := &classMatcher{min: 1, max: 1}
	x := subs[0]
	switch x.Op {
	case syntax.OpStar:
		m.min, m.max, x = 0, -1, x.Sub[0]
	case syntax.OpPlus:
		m.min, m.max, x = 1, -1, x.Sub[0]
	case syntax.OpQuest:
		m.min, m.max, x = 0, 1, x.Sub[0]
	case syntax.OpRepeat:
		m.min, m.max, x = x.Min, x.Max, x.Sub[0]
	}
	if x.Op != syntax.OpCharClass {
		return nil
	}
	for i := 0; i+1 < len(x.Rune); i += 2 {
		lo, hi := x.Rune[i], x.Rune[i+1]
		if lo < 0 || hi >= 0x80 {
			return nil
		}
		for c := lo; c <= hi; c++ {
			m.set[c>>6] |= 1 << (c & 63)
		}
	}
	return m
}
