package iam

import (
	"strings"
	"unicode/utf8"
)

// match reports whether name matches pattern, in which "*" stands for any
// run of characters and "?" for exactly one. Characters are UTF-8 sequences
// (an invalid byte counts as one character); with fold, ASCII letters match
// regardless of case.
func match(pattern, name string, fold bool) bool {
	// Most patterns are a literal prefix (an ARN up to a resource type, an
	// action up to an operation) followed by at most a final "*", and most
	// fail within that prefix. Compare the prefix first.
	i := literalPrefix(pattern, name, fold)
	if i < 0 {
		return false
	}
	// If the prefix ended inside a character of name, pattern has an
	// incomplete UTF-8 sequence there: let glob go character by character.
	if i < len(name) && !utf8.RuneStart(name[i]) {
		return glob(pattern, name, 0, 0, fold)
	}
	switch {
	case i == len(pattern):
		return i == len(name)
	case pattern[i:] == "*":
		return true
	}
	return glob(pattern, name, i, i, fold)
}

// literalPrefix returns the length of pattern's prefix before its first
// wildcard if name starts with that prefix, or -1.
func literalPrefix(pattern, name string, fold bool) int {
	if !fold {
		// Resources have long prefixes: the runtime's vectorised search
		// and comparison are faster than a loop.
		i := strings.IndexByte(pattern, '*')
		if i < 0 {
			i = len(pattern)
		}
		if q := strings.IndexByte(pattern[:i], '?'); q >= 0 {
			i = q
		}
		if i > len(name) || pattern[:i] != name[:i] {
			return -1
		}
		return i
	}
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		if c == '*' || c == '?' {
			return i
		}
		if i == len(name) || name[i] != c && lower(name[i]) != lower(c) {
			return -1
		}
	}
	return len(pattern)
}

// glob matches pattern[p:] against name[n:] with the two-pointer glob
// algorithm: literals and "?" advance both strings; at a "*" it remembers
// where it was and first lets the star match nothing; on a mismatch it
// returns to the last star and lets it match one more character. Only the
// last star ever needs revisiting, so the work is at most
// len(pattern)·len(name) steps, with no recursion and no allocation.
func glob(pattern, name string, p, n int, fold bool) bool {
	star, mark := -1, 0 // the last "*" seen in pattern; where in name its match ends
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
	if c == '*' || c == '?' || c >= utf8.RuneSelf || fold && lower(c) != upper(c) || n >= len(name) {
		return n
	}
	if i := strings.IndexByte(name[n:], c); i >= 0 {
		return n + i
	}
	return -1
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
