package app

import (
	"slices"
	"strconv"
	"unicode/utf8"
)

// The grant's JSON.
//
// Every embed URL stores one grant, so its encoding is on the mint's hot
// path. appendJSON writes exactly what json.Marshal writes for an
// embedGrant (FuzzGrantJSON holds it to that, byte for byte) without
// reflection and without json.Marshal's sorting of the tag map through
// reflect values. Redemption decodes it with encoding/json as before.

// appendJSON appends the grant's JSON to b.
func (g *embedGrant) appendJSON(b []byte) []byte {
	b = append(b, `{"a":`...)
	b = appendJSONString(b, g.AccountID)
	b = append(b, `,"n":`...)
	b = appendJSONString(b, g.Namespace)
	b = append(b, `,"u":`...)
	b = appendJSONString(b, g.UserName)
	b = append(b, `,"p":`...)
	b = appendJSONString(b, g.PrincipalID)
	b = append(b, `,"s":`...)
	b = appendJSONString(b, g.EmbedID)
	b = append(b, `,"e":`...)
	b = appendJSONString(b, g.EntryPoint)
	b = append(b, `,"l":`...)
	b = strconv.AppendInt(b, g.Lifetime, 10)
	if len(g.Domains) > 0 {
		b = append(b, `,"d":`...)
		b = appendJSONStrings(b, g.Domains)
	}
	if g.ExperienceOnly {
		b = append(b, `,"x":true`...)
	}
	if len(g.Dashboards) > 0 {
		b = append(b, `,"ds":`...)
		b = appendJSONStrings(b, g.Dashboards)
	}
	if len(g.Tags) > 0 {
		b = append(b, `,"t":{`...)
		var keys [8]string
		sorted := keys[:0]
		for k := range g.Tags {
			sorted = append(sorted, k)
		}
		slices.Sort(sorted)
		for i, k := range sorted {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, k)
			b = append(b, ':')
			b = appendJSONString(b, g.Tags[k])
		}
		b = append(b, '}')
	}
	return append(b, '}')
}

// grantJSONSize is a first guess at a grant's length: an anonymous grant
// with two dashboards and two tags is about 200 bytes.
func (g *embedGrant) grantJSONSize() int {
	n := 96 + len(g.AccountID) + len(g.Namespace) + len(g.UserName) + len(g.PrincipalID) + len(g.EmbedID) + len(g.EntryPoint)
	for _, s := range g.Domains {
		n += len(s) + 3
	}
	for _, s := range g.Dashboards {
		n += len(s) + 3
	}
	for k, v := range g.Tags {
		n += len(k) + len(v) + 6
	}
	return n
}

// appendJSONStrings appends a JSON array of strings.
func appendJSONStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it: quote and backslash, control characters (\b, \f, \n, \r,
// \t by name, the others as \u00XX), <, > and & (HTML-safe), U+2028 and
// U+2029, and each byte of invalid UTF-8 as \ufffd.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
