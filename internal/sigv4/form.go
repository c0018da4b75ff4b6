package sigv4

import (
	"net/http"
	"net/url"
	"time"
)

// parseHeaderForm reads the signature material of an Authorization-header
// request.
func parseHeaderForm(r *http.Request, authz []string, a *parsedAuth) *Error {
	if len(authz) != 1 {
		return incomplete("The request must carry exactly one Authorization header.")
	}
	h, e := parseAuthorization(authz[0])
	if e != nil {
		return e
	}
	if a.cred, e = parseCredential(h.credential); e != nil {
		return e
	}
	if e = checkSignedHeaders(h.signedHeaders); e != nil {
		return e
	}
	a.signedHeaders = h.signedHeaders
	if e = decodeSignature(h.signature, &a.signature); e != nil {
		return e
	}
	if d, ok := r.Header["X-Amz-Date"]; ok {
		if len(d) != 1 {
			return incomplete("The request must carry exactly one X-Amz-Date header.")
		}
		if a.date, ok = parseAmzDate(d[0]); !ok {
			return incomplete("X-Amz-Date must be in the ISO8601 basic format 'yyyyMMddTHHmmssZ'.")
		}
		a.amzDate = d[0]
	} else if d := r.Header["Date"]; len(d) > 0 {
		t, ok := parseHTTPDate(d)
		if !ok {
			return incomplete("The Date header must be a single RFC 1123 date.")
		}
		a.date = t
		a.amzDate = formatAmzDate(t)
	} else {
		return incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
	}
	if tok, ok := r.Header["X-Amz-Security-Token"]; ok {
		if len(tok) != 1 {
			return incomplete("The request must carry at most one X-Amz-Security-Token header.")
		}
		a.token, a.hasToken = tok[0], true
	}
	if c, ok := r.Header["X-Amz-Content-Sha256"]; ok {
		if len(c) != 1 {
			return incomplete("The request must carry at most one X-Amz-Content-Sha256 header.")
		}
		a.payloadClaim = c[0]
	}
	a.skip = -1
	return nil
}

// parsePresignedForm reads the signature material of a presigned URL.
func (s *scratch) parsePresignedForm(r *http.Request, pi *presignIndex, a *parsedAuth) *Error {
	for i, dup := range pi.dup {
		if dup {
			return incomplete("Query parameter '" + presignNames[i] + "' must appear only once.")
		}
	}
	for _, i := range [...]int{qAlgorithm, qCredential, qSignature, qDate, qSignedHeaders, qExpires} {
		if !pi.has(i) {
			return incomplete("AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', " +
				"'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', and 'X-Amz-Expires'. " +
				"Re-examine the query-string parameters.")
		}
	}
	var v [numQueryParams]string
	for i := range v {
		if !pi.has(i) {
			continue
		}
		var err error
		if v[i], err = url.QueryUnescape(s.raw[pi.at[i]-1].value); err != nil {
			return incomplete("Query parameter '" + presignNames[i] + "' is not properly percent-encoded.")
		}
	}
	if v[qAlgorithm] != algorithm {
		return incomplete("X-Amz-Algorithm only supports 'AWS4-HMAC-SHA256'.")
	}
	var e *Error
	if a.cred, e = parseCredential(v[qCredential]); e != nil {
		return e
	}
	if e = checkSignedHeaders(v[qSignedHeaders]); e != nil {
		return e
	}
	a.signedHeaders = v[qSignedHeaders]
	if e = decodeSignature(v[qSignature], &a.signature); e != nil {
		return e
	}
	var ok bool
	if a.date, ok = parseAmzDate(v[qDate]); !ok {
		return incomplete("X-Amz-Date must be in the ISO8601 basic format 'yyyyMMddTHHmmssZ'.")
	}
	a.amzDate = v[qDate]
	if a.expires, e = parseExpires(v[qExpires]); e != nil {
		return e
	}
	a.presigned = true
	a.skip = pi.at[qSignature] - 1

	if pi.has(qSecurityToken) {
		a.token, a.hasToken = v[qSecurityToken], true
	} else if tok, ok := r.Header["X-Amz-Security-Token"]; ok {
		if len(tok) != 1 {
			return incomplete("The request must carry at most one X-Amz-Security-Token header.")
		}
		a.token, a.hasToken = tok[0], true
	}
	if pi.has(qContentSHA256) {
		a.payloadClaim = v[qContentSHA256]
	} else if c, ok := r.Header["X-Amz-Content-Sha256"]; ok {
		if len(c) != 1 {
			return incomplete("The request must carry at most one X-Amz-Content-Sha256 header.")
		}
		a.payloadClaim = c[0]
	}
	return nil
}

// parseHTTPDate parses a single Date header: an HTTP date ("…GMT"), or
// RFC 1123 with a numeric zone, which botocore sends ("… -0000").
func parseHTTPDate(d []string) (time.Time, bool) {
	if len(d) != 1 {
		return time.Time{}, false
	}
	t, err := http.ParseTime(d[0])
	if err != nil {
		if t, err = time.Parse(time.RFC1123Z, d[0]); err != nil {
			return time.Time{}, false
		}
	}
	return t.UTC().Truncate(time.Second), true
}
