package awsapi

import "unicode/utf8"

// bodyScanner reads a request body's JSON for the typed body decoders
// (typedbody.go). It reads only the plain forms SDKs send: strings without
// escapes or control characters, in valid UTF-8; integers without a
// fraction or an exponent; true and false. Every other form (null, an
// escape, a float, a syntax error) makes the reader that meets it return
// false, and the decoder declines the body.
type bodyScanner struct {
	b []byte
	s string // b as a string: one copy, of which every string read is a part
	i int
}

func newBodyScanner(body []byte) *bodyScanner {
	return &bodyScanner{b: body, s: string(body)}
}

// space skips JSON whitespace.
func (d *bodyScanner) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// end reports whether nothing but whitespace is left.
func (d *bodyScanner) end() bool {
	d.space()
	return d.i == len(d.b)
}

// take skips whitespace and the byte c, reporting whether c was there.
func (d *bodyScanner) take(c byte) bool {
	d.space()
	if d.i < len(d.b) && d.b[d.i] == c {
		d.i++
		return true
	}
	return false
}

// plainByte says which bytes str passes over in one step: printable
// ASCII but the quote and the backslash.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str reads a string.
func (d *bodyScanner) str() (string, bool) {
	if !d.take('"') {
		return "", false
	}
	start, j := d.i, d.i
	for {
		for j < len(d.b) && plainByte[d.b[j]] {
			j++
		}
		if j == len(d.b) {
			return "", false
		}
		switch c := d.b[j]; {
		case c == '"':
			d.i = j + 1
			return d.s[start:j], true
		case c >= utf8.RuneSelf:
			// Valid UTF-8 only (encoding/json would replace the bytes).
			r, size := utf8.DecodeRune(d.b[j:])
			if r == utf8.RuneError && size == 1 {
				return "", false
			}
			j += size
		default: // an escape or a control character
			return "", false
		}
	}
}

// maxIntDigits bounds the integers read: 18 digits always fit an int64.
const maxIntDigits = 18

// integer reads an integer, -?(0|[1-9][0-9]*) of at most maxIntDigits
// digits and not followed by a fraction or an exponent; raw is its text.
func (d *bodyScanner) integer() (n int64, raw string, ok bool) {
	d.space()
	start, j := d.i, d.i
	neg := j < len(d.b) && d.b[j] == '-'
	if neg {
		j++
	}
	first := j
	for j < len(d.b) && '0' <= d.b[j] && d.b[j] <= '9' {
		n = n*10 + int64(d.b[j]-'0')
		j++
		if j-first > maxIntDigits {
			return 0, "", false
		}
	}
	switch {
	case j == first, d.b[first] == '0' && j-first > 1:
		return 0, "", false
	case j < len(d.b) && (d.b[j] == '.' || d.b[j] == 'e' || d.b[j] == 'E'):
		return 0, "", false
	}
	if neg {
		n = -n
	}
	d.i = j
	return n, d.s[start:j], true
}

// boolean reads true or false.
func (d *bodyScanner) boolean() (v, ok bool) {
	d.space()
	switch rest := d.s[d.i:]; {
	case len(rest) >= 4 && rest[:4] == "true":
		d.i += 4
		return true, true
	case len(rest) >= 5 && rest[:5] == "false":
		d.i += 5
		return false, true
	}
	return false, false
}

// object reads an object, handing each key to member, which reads the
// value (and returns false to decline). The object's reader declines a
// key it does not know or has seen (see memberSet).
func (d *bodyScanner) object(member func(key string) bool) bool {
	if !d.take('{') {
		return false
	}
	if d.take('}') {
		return true
	}
	for {
		k, ok := d.str()
		if !ok || !d.take(':') || !member(k) {
			return false
		}
		switch {
		case d.take(','):
		case d.take('}'):
			return true
		default:
			return false
		}
	}
}

// array reads an array, calling elem to read each element; n is their
// number.
func (d *bodyScanner) array(elem func() bool) (n int, ok bool) {
	if !d.take('[') {
		return 0, false
	}
	if d.take(']') {
		return 0, true
	}
	for {
		if !elem() {
			return 0, false
		}
		n++
		switch {
		case d.take(','):
		case d.take(']'):
			return n, true
		default:
			return 0, false
		}
	}
}

// memberSet records which members of one object were read, by the index
// a decoder gives each, to decline a repeated key.
type memberSet uint32

// add marks member i read, reporting false when it already was.
func (s *memberSet) add(i int) bool {
	bit := memberSet(1) << i
	if *s&bit != 0 {
		return false
	}
	*s |= bit
	return true
}

// has reports whether member i was read.
func (s memberSet) has(i int) bool { return s&(memberSet(1)<<i) != 0 }
