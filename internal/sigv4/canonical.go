package sigv4

import (
	"net/http"
	"strconv"
	"strings"
)

// appendCanonicalURI appends the canonical URI for a non-S3 service: the
// already-escaped request path encoded once more, byte by byte, leaving '/'
// and the unreserved characters alone ("/a%20b" → "/a%2520b").
func appendCanonicalURI(dst []byte, escapedPath string) []byte {
	if escapedPath == "" {
		return append(dst, '/')
	}
	for i := 0; i < len(escapedPath); i++ {
		j := i
		for j < len(escapedPath) && (unreserved[escapedPath[j]] || escapedPath[j] == '/') {
			j++
		}
		if j > i {
			dst = append(dst, escapedPath[i:j]...)
			if i = j; i == len(escapedPath) {
				break
			}
		}
		dst = appendEscapedByte(dst, escapedPath[i])
	}
	return dst
}

// normalizePath removes empty, "." and ".." segments the way botocore and
// the JavaScript SDK do before signing (the Go SDK signs the path as is).
// It reports false when the path is already normal.
func normalizePath(p string) (string, bool) {
	if !strings.Contains(p, "//") && !strings.Contains(p, "/./") && !strings.Contains(p, "/../") &&
		!strings.HasSuffix(p, "/.") && !strings.HasSuffix(p, "/..") && p != "." && p != ".." {
		return p, false
	}
	var out []string
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "", ".":
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, seg)
		}
	}
	var b strings.Builder
	if strings.HasPrefix(p, "/") {
		b.WriteByte('/')
	}
	b.WriteString(strings.Join(out, "/"))
	if strings.HasSuffix(p, "/") && len(out) > 0 {
		b.WriteByte('/')
	}
	n := b.String()
	if n == "" {
		n = "/"
	}
	return n, n != p
}

// appendCanonicalHeaders appends "name:value\n" for every name in the
// signed-headers list, in list order. Values are trimmed, inner runs of
// spaces collapsed and repeated headers joined with ','. Values Go's server
// moves out of r.Header are recovered: host from r.Host, content-length
// from r.ContentLength, transfer-encoding from r.TransferEncoding and
// expect (removed by some servers) as "100-continue".
func appendCanonicalHeaders(dst []byte, r *http.Request, signedHeaders string) []byte {
	for rest := signedHeaders; rest != ""; {
		var name string
		name, rest, _ = strings.Cut(rest, ";")
		dst = append(dst, name...)
		dst = append(dst, ':')
		if name == "host" {
			host := r.Host
			if host == "" && r.URL != nil {
				host = r.URL.Host
			}
			dst = appendTrimmed(dst, host)
			dst = append(dst, '\n')
			continue
		}
		vals := headerValues(r.Header, name)
		if vals == nil {
			switch name {
			case "content-length":
				if r.ContentLength >= 0 {
					dst = strconv.AppendInt(dst, r.ContentLength, 10)
				}
			case "transfer-encoding":
				for i, te := range r.TransferEncoding {
					if i > 0 {
						dst = append(dst, ',')
					}
					dst = appendTrimmed(dst, te)
				}
			case "expect":
				dst = append(dst, "100-continue"...)
			}
		}
		for i, v := range vals {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendTrimmed(dst, v)
		}
		dst = append(dst, '\n')
	}
	return dst
}

// headerValues returns the values of the lowercase header name without
// allocating: it builds the canonical MIME key on the stack, and falls
// back to a case-insensitive scan for keys stored in another form.
func headerValues(h http.Header, name string) []string {
	var b [64]byte
	if len(name) <= len(b) {
		k := b[:len(name)]
		upper := true
		for i := 0; i < len(name); i++ {
			c := name[i]
			if upper && c >= 'a' && c <= 'z' {
				c -= 'a' - 'A'
			}
			k[i] = c
			upper = c == '-'
		}
		if v, ok := h[string(k)]; ok {
			return v
		}
		if v, ok := h[name]; ok {
			return v
		}
	}
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return nil
}

// appendTrimmed appends v without leading or trailing spaces and tabs and
// with each inner run of spaces collapsed to one (SigV4's Trimall).
func appendTrimmed(dst []byte, v string) []byte {
	v = strings.Trim(v, " \t")
	if !strings.Contains(v, "  ") {
		return append(dst, v...)
	}
	space := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		dst = append(dst, c)
	}
	return dst
}
