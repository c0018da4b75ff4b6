package sigv4

import (
	"bytes"
	"slices"
	"strings"
)

// rawPair is one "key=value" element of r.URL.RawQuery, still escaped.
type rawPair struct{ key, value string }

// encPair locates an AWS-encoded query key and value in scratch.enc:
// the key is enc[k0:k1] and the value enc[k1:v1].
type encPair struct{ k0, k1, v1 int }

// splitQuery splits a raw query on '&' into s.raw, skipping empty elements
// (as url.ParseQuery does). A pair without '=' has an empty value.
func (s *scratch) splitQuery(raw string) {
	s.raw = s.raw[:0]
	for raw != "" {
		var el string
		el, raw, _ = strings.Cut(raw, "&")
		if el == "" {
			continue
		}
		k, v, _ := strings.Cut(el, "=")
		s.raw = append(s.raw, rawPair{k, v})
	}
}

// Presigned-URL query parameter indexes into presignNames.
const (
	qAlgorithm = iota
	qCredential
	qDate
	qExpires
	qSignedHeaders
	qSignature
	qSecurityToken
	qContentSHA256
	numQueryParams
)

var presignNames = [numQueryParams]string{
	qAlgorithm:     "X-Amz-Algorithm",
	qCredential:    "X-Amz-Credential",
	qDate:          "X-Amz-Date",
	qExpires:       "X-Amz-Expires",
	qSignedHeaders: "X-Amz-SignedHeaders",
	qSignature:     "X-Amz-Signature",
	qSecurityToken: "X-Amz-Security-Token",
	qContentSHA256: "X-Amz-Content-Sha256",
}

// presignIndex records where each presign parameter sits in scratch.raw
// (index+1; 0 means absent) and which ones occur more than once.
type presignIndex struct {
	at  [numQueryParams]int
	dup [numQueryParams]bool
}

func (p *presignIndex) has(i int) bool { return p.at[i] != 0 }

// presigned reports whether the query carries presigned-URL auth.
func (p *presignIndex) presigned() bool {
	return p.has(qAlgorithm) || p.has(qCredential) || p.has(qSignature)
}

// indexPresign finds the presign parameters among s.raw. Keys are matched
// after percent-decoding, case-sensitively, as AWS does.
func (s *scratch) indexPresign(p *presignIndex) {
	for i, kv := range s.raw {
		k := kv.key
		if len(k) < len("X-Amz-Date") || (k[0] != 'X' && k[0] != '%') {
			continue
		}
		for j, name := range presignNames {
			if queryKeyEquals(k, name) {
				if p.at[j] != 0 {
					p.dup[j] = true
				} else {
					p.at[j] = i + 1
				}
				break
			}
		}
	}
}

// queryKeyEquals reports whether raw, percent-decoded with '+' as space,
// equals want. It does not allocate.
func queryKeyEquals(raw, want string) bool {
	if raw == want {
		return true
	}
	if strings.IndexByte(raw, '%') < 0 && strings.IndexByte(raw, '+') < 0 {
		return false
	}
	j := 0
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '+':
			c = ' '
		case c == '%' && i+2 < len(raw):
			hi, ok1 := unhex(raw[i+1])
			lo, ok2 := unhex(raw[i+2])
			if ok1 && ok2 {
				c = hi<<4 | lo
				i += 2
			}
		}
		if j >= len(want) || want[j] != c {
			return false
		}
		j++
	}
	return j == len(want)
}

// appendCanonicalQuery appends the canonical query string built from s.raw
// to dst: every key and value decoded and re-encoded with AWS's rules
// (unreserved A-Z a-z 0-9 - _ . ~ kept, everything else %XX upper-case,
// '+' read as a space), sorted by encoded key then encoded value, joined
// with '&'. The pair at index skip (-1 for none) is left out, which is how
// X-Amz-Signature is excluded from a presigned request.
func (s *scratch) appendCanonicalQuery(dst []byte, skip int) []byte {
	s.enc = s.enc[:0]
	s.pairs = s.pairs[:0]
	for i, kv := range s.raw {
		if i == skip {
			continue
		}
		k0 := len(s.enc)
		s.enc = appendQueryComponent(s.enc, kv.key)
		k1 := len(s.enc)
		s.enc = appendQueryComponent(s.enc, kv.value)
		s.pairs = append(s.pairs, encPair{k0, k1, len(s.enc)})
	}
	enc := s.enc
	slices.SortFunc(s.pairs, func(a, b encPair) int {
		if c := bytes.Compare(enc[a.k0:a.k1], enc[b.k0:b.k1]); c != 0 {
			return c
		}
		return bytes.Compare(enc[a.k1:a.v1], enc[b.k1:b.v1])
	})
	for i, p := range s.pairs {
		if i > 0 {
			dst = append(dst, '&')
		}
		dst = append(dst, enc[p.k0:p.k1]...)
		dst = append(dst, '=')
		dst = append(dst, enc[p.k1:p.v1]...)
	}
	return dst
}

// appendQueryComponent decodes one raw query component and appends it
// AWS-encoded. An invalid escape ("%zz", a trailing "%") is taken
// literally, so its '%' becomes "%25".
func appendQueryComponent(dst []byte, raw string) []byte {
	for i := 0; i < len(raw); i++ {
		// Copy a run of unreserved characters in one go.
		j := i
		for j < len(raw) && unreserved[raw[j]] {
			j++
		}
		if j > i {
			dst = append(dst, raw[i:j]...)
			if i = j; i == len(raw) {
				break
			}
		}
		c := raw[i]
		switch c {
		case '+':
			dst = append(dst, "%20"...)
			continue
		case '%':
			if i+2 < len(raw) {
				hi, ok1 := unhex(raw[i+1])
				lo, ok2 := unhex(raw[i+2])
				if ok1 && ok2 {
					c = hi<<4 | lo
					i += 2
				}
			}
		}
		dst = appendEscapedByte(dst, c)
	}
	return dst
}

const upperHex = "0123456789ABCDEF"

// unreserved marks the RFC 3986 unreserved characters, the only ones AWS
// leaves unencoded.
var unreserved = func() (t [256]bool) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t['-'], t['_'], t['.'], t['~'] = true, true, true, true
	return t
}()

func appendEscapedByte(dst []byte, c byte) []byte {
	if unreserved[c] {
		return append(dst, c)
	}
	return append(dst, '%', upperHex[c>>4], upperHex[c&15])
}
