package sigv4

import (
	"strconv"
	"strings"
	"time"
)

// algorithm is the only signing algorithm accepted.
const algorithm = "AWS4-HMAC-SHA256"

// scopeTerminator ends every SigV4 credential scope.
const scopeTerminator = "aws4_request"

// amzDateLayout is the ISO 8601 basic format used by X-Amz-Date.
const amzDateLayout = "20060102T150405Z"

// authHeader holds the three components of an Authorization header.
type authHeader struct {
	credential    string
	signedHeaders string
	signature     string
}

// parseAuthorization splits "AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…,
// Signature=…" into its components without allocating.
func parseAuthorization(h string) (authHeader, *Error) {
	var a authHeader
	algo, rest, _ := strings.Cut(strings.TrimLeft(h, " "), " ")
	if algo != algorithm {
		return a, unsupportedAlgorithm(algo)
	}
	const (
		haveCredential = 1 << iota
		haveSignedHeaders
		haveSignature
	)
	have := 0
	for rest != "" {
		var part string
		part, rest, _ = strings.Cut(rest, ",")
		part = strings.Trim(part, " \t")
		if part == "" {
			continue
		}
		name, value, ok := strings.Cut(part, "=")
		if !ok {
			return a, incomplete("Authorization header contains a malformed component; each must be Name=Value " +
				"(expected Credential, SignedHeaders and Signature).")
		}
		var bit int
		switch name {
		case "Credential":
			bit, a.credential = haveCredential, value
		case "SignedHeaders":
			bit, a.signedHeaders = haveSignedHeaders, value
		case "Signature":
			bit, a.signature = haveSignature, value
		default:
			return a, incomplete("Authorization header contains an unsupported component; " +
				"expected only Credential, SignedHeaders and Signature.")
		}
		if have&bit != 0 {
			return a, incomplete("Authorization header contains the '" + name + "' parameter more than once.")
		}
		have |= bit
	}
	if have != haveCredential|haveSignedHeaders|haveSignature {
		var msg []string
		if have&haveCredential == 0 || a.credential == "" {
			msg = append(msg, "Authorization header requires 'Credential' parameter.")
		}
		if have&haveSignature == 0 || a.signature == "" {
			msg = append(msg, "Authorization header requires 'Signature' parameter.")
		}
		if have&haveSignedHeaders == 0 || a.signedHeaders == "" {
			msg = append(msg, "Authorization header requires 'SignedHeaders' parameter.")
		}
		return a, incomplete(strings.Join(msg, " "))
	}
	return a, nil
}

func unsupportedAlgorithm(algo string) *Error {
	switch {
	case algo == "":
		return incomplete("Authorization header must start with the algorithm 'AWS4-HMAC-SHA256'.")
	case algo == "AWS4-ECDSA-P256-SHA256":
		return incomplete("Unsupported AWS 'algorithm': 'AWS4-ECDSA-P256-SHA256' (SigV4a); use 'AWS4-HMAC-SHA256'.")
	case algo == "AWS" || strings.HasPrefix(algo, "AWS3"):
		return incomplete("Unsupported AWS 'algorithm': only Signature Version 4 ('AWS4-HMAC-SHA256') is accepted.")
	case len(algo) <= 32 && isToken(algo):
		return incomplete("Unsupported AWS 'algorithm': '" + algo + "'; use 'AWS4-HMAC-SHA256'.")
	default:
		return incomplete("Authorization header must start with the algorithm 'AWS4-HMAC-SHA256'.")
	}
}

// credential is a parsed "AKID/yyyymmdd/region/service/aws4_request".
type credential struct {
	accessKeyID string
	scope       string // "yyyymmdd/region/service/aws4_request"
	date        string
	region      string
	service     string
}

// parseCredential parses a credential from the right, so an access key id
// containing '/' is tolerated (as minio does); it allocates nothing.
func parseCredential(s string) (credential, *Error) {
	var c credential
	end := len(s)
	var cut [4]int
	for i := range cut {
		j := strings.LastIndexByte(s[:end], '/')
		if j < 0 {
			return c, incomplete("Credential should have at least 5 slash-separated parts " +
				"(access key id/yyyymmdd/region/service/aws4_request), not " +
				strconv.Itoa(strings.Count(s, "/")+1) + ".")
		}
		cut[i], end = j, j
	}
	c.accessKeyID = s[:cut[3]]
	c.scope = s[cut[3]+1:]
	c.date = s[cut[3]+1 : cut[2]]
	c.region = s[cut[2]+1 : cut[1]]
	c.service = s[cut[1]+1 : cut[0]]
	term := s[cut[0]+1:]
	switch {
	case !validAccessKeyID(c.accessKeyID):
		return c, incomplete("Credential should start with a valid access key id.")
	case !validScopeDate(c.date):
		return c, incomplete("Credential should be scoped to a valid date in 'yyyymmdd' format.")
	case !validRegion(c.region):
		return c, incomplete("Credential should be scoped to a valid region.")
	case c.service == "":
		return c, incomplete("Credential should be scoped to a service.")
	case term != scopeTerminator:
		return c, incomplete("Credential should be scoped with a valid terminator: 'aws4_request'.")
	}
	return c, nil
}

// validAccessKeyID accepts 1..128 printable ASCII characters other than
// space (AWS ids are [A-Z0-9]{16,128}; Sightglass may issue others).
func validAccessKeyID(s string) bool {
	if s == "" || len(s) > 128 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// validScopeDate checks the shape yyyymmdd; the scope date must also equal
// the (fully validated) request date, which Verify checks.
func validScopeDate(s string) bool { return len(s) == 8 && allDigits(s) }

// validRegion accepts lowercase letters, digits and '-' (1..64 bytes).
func validRegion(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseAmzDate parses "yyyymmddThhmmssZ" strictly and without allocating.
func parseAmzDate(s string) (time.Time, bool) {
	if len(s) != 16 || s[8] != 'T' || s[15] != 'Z' || !allDigits(s[:8]) || !allDigits(s[9:15]) {
		return time.Time{}, false
	}
	year := atoi(s[0:4])
	month := atoi(s[4:6])
	day := atoi(s[6:8])
	hour := atoi(s[9:11])
	minute := atoi(s[11:13])
	sec := atoi(s[13:15])
	if month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, 0, time.UTC)
	if t.Day() != day { // 31 February and friends
		return time.Time{}, false
	}
	return t, true
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func formatAmzDate(t time.Time) string { return t.UTC().Format(amzDateLayout) }

// checkSignedHeaders validates a "a;b;host;…" list: non-empty lowercase
// header names, host among them.
func checkSignedHeaders(list string) *Error {
	if list == "" {
		return incomplete("SignedHeaders must list at least 'host'.")
	}
	host := false
	for rest := list; ; {
		name, tail, more := strings.Cut(rest, ";")
		if name == "" || !isLowerToken(name) {
			return incomplete("SignedHeaders must be a ';'-separated list of lowercase header names.")
		}
		if name == "host" {
			host = true
		}
		if !more {
			break
		}
		rest = tail
	}
	if !host {
		return incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")
	}
	return nil
}

// decodeSignature decodes 64 hex digits (either case) into dst.
func decodeSignature(s string, dst *[32]byte) *Error {
	if len(s) != 64 {
		return incomplete("Signature must be 64 hexadecimal characters.")
	}
	for i := range dst {
		hi, ok1 := unhex(s[2*i])
		lo, ok2 := unhex(s[2*i+1])
		if !ok1 || !ok2 {
			return incomplete("Signature must be 64 hexadecimal characters.")
		}
		dst[i] = hi<<4 | lo
	}
	return nil
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// parseExpires parses X-Amz-Expires: whole seconds in 1..604800.
func parseExpires(s string) (time.Duration, *Error) {
	if s == "" || len(s) > 7 || !allDigits(s) {
		return 0, incomplete("X-Amz-Expires should be a number of seconds.")
	}
	n := atoi(s)
	if n < 1 {
		return 0, incomplete("X-Amz-Expires must be non-negative and at least 1 second.")
	}
	if n > maxPresignExpires {
		return 0, incomplete("X-Amz-Expires must be less than a week (in seconds) that is 604800.")
	}
	return time.Duration(n) * time.Second, nil
}

// maxPresignExpires is the longest a presigned URL may live: 7 days.
const maxPresignExpires = 7 * 24 * 60 * 60

// Character classes of HTTP header names (RFC 9110 tchar).
const (
	classToken      = 1 << iota // any tchar
	classLowerToken             // tchar other than 'A'..'Z'
)

var headerNameClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		if b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' ||
			strings.IndexByte("!#$%&'*+-.^_`|~", b) >= 0 {
			t[c] = classToken
			if !(b >= 'A' && b <= 'Z') {
				t[c] |= classLowerToken
			}
		}
	}
	return t
}()

// isToken reports whether s is a non-empty HTTP token.
func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		if headerNameClass[s[i]]&classToken == 0 {
			return false
		}
	}
	return s != ""
}

// isLowerToken reports whether s is an HTTP token without upper-case
// letters.
func isLowerToken(s string) bool {
	for i := 0; i < len(s); i++ {
		if headerNameClass[s[i]]&classLowerToken == 0 {
			return false
		}
	}
	return true
}
