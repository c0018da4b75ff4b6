package iam

import (
	"strings"
	"unicode/utf8"
)

// matchAction reports whether action matches pattern, ignoring ASCII case.
func matchAction(pattern, action string) bool { return match(pattern, action, true) }

// matchResource reports whether resource matches pattern, case-sensitively.
func matchResource(pattern, resource string) bool { return match(pattern, resource, false) }

// match reports whether name matches pattern, in which "*" stands for any
// run of characters and "?" for exactly one. Characters are UTF-8 sequences
// (an invalid byte counts as one character); with fold, ASCII letters match
// regardless of case.
func match(pattern, name string, fold bool) bool {
	// Most patterns are a literal ARN or action prefix, then at most a
	// final "*": compare the prefix at once.
	i := 0
	for i < len(pattern) && pattern[i] != '*' && pattern[i] != '?' {
		i++
	}
	if i > len(name) || !equal(pattern[:i], name[:i], fold) {
		return false
	}
	if i < len(name) && utf8.RuneStart(name[i]) || i == len(name) {
		switch {
		case i == len(pattern):
			return i == len(name)
		case pattern[i:] == "*":
			return true
		}
		return glob(pattern, name, i, i, fold)
	}
	// The prefix ends inside a character of name (pattern has an incomplete
	// UTF-8 sequence there): let glob compare character by character.
	return glob(pattern, name, 0, 0, fold)
}

// glob matches pattern[p:] against name[n:] with the two-pointer glob
// algorithm: literals and "?" advance both strings; at a "*" it remembers
// where it was and first lets the star match nothing; on a mismatch it
// returns to the last star and lets it match one more character. Only the
// last star ever needs revisiting, so the work is at most
// len(pattern)·len(name) steps, with no recursion and no allocation.
func glob(pattern, name string, p, n int, fold bool) bool {
	star, mark := -1, 0 // index of the last "*" in pattern; where in name it began
	for n < len(name) {
		if p < len(pattern) {
			switch c := pattern[p]; {
			case c == '*':
				if p+1 == len(pattern) {
					return true
				}
				star, mark = p, n
				p++
				if mark = skip(pattern[p], name, mark, fold); mark < 0 {
					return false
				}
				n = mark
				continue
			case c == '?':
				p++
				n += charLen(name, n)
				continue
			case c < utf8.RuneSelf:
				if d := name[n]; d == c || fold && lower(d) == lower(c) {
					p++
					n++
					continue
				}
			default:
				w := charLen(pattern, p)
				if w == charLen(name, n) && pattern[p:p+w] == name[n:n+w] {
					p += w
					n += w
					continue
				}
			}
		}
		if star < 0 {
			return false
		}
		p = star + 1
		if mark = skip(pattern[p], name, mark+charLen(name, mark), fold); mark < 0 {
			return false
		}
		n = mark
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// skip returns where in name, from n on, a star followed by the pattern
// byte c can next succeed: if c is an ASCII literal that case cannot
// change, the next occurrence of c (-1 if none), as any earlier position
// would fail on c at once. An ASCII byte always starts a character, so the
// result is on a character boundary. Otherwise skip returns n.
func skip(c byte, name string, n int, fold bool) int {
	if c == '*' || c == '?' || c >= utf8.RuneSelf || fold && lower(c|0x20) != upper(c|0x20) || n >= len(name) {
		return n
	}
	if i := strings.IndexByte(name[n:], c); i >= 0 {
		return n + i
	}
	return -1
}

// equal reports whether a and b, of the same length, are equal, ignoring
// ASCII case if fold is set.
func equal(a, b string, fold bool) bool {
	if !fold {
		return a == b
	}
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] && lower(a[i]) != lower(b[i]) {
			return false
		}
	}
	return true
}

// charLen is the length in bytes of the character at s[i].
func charLen(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 1
	}
	_, w := utf8.DecodeRuneInString(s[i:])
	return w
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func upper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}
