package sigv4

import (
	"context"
	"crypto/hmac"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Defaults used for zero-valued Verifier fields.
const (
	DefaultService = "quicksight"
	DefaultMaxSkew = 15 * time.Minute
)

// Key is what the server knows about an access key.
type Key struct {
	SecretAccessKey string
	// SessionToken is non-empty for temporary credentials issued by
	// Sightglass; a request must then carry exactly this token
	// (X-Amz-Security-Token header, or query parameter when presigned).
	// A request that carries a token for a key without one is rejected.
	SessionToken string
	// Expires is zero for long-term keys. Once it has passed, requests get
	// ExpiredTokenException.
	Expires time.Time
}

// KeyLookup finds the key for an access key id. It returns [ErrUnknownKey]
// (wrapped is fine) when there is none; any other error is passed through
// by [Verifier.Verify], wrapped, as a server-side failure.
type KeyLookup func(ctx context.Context, accessKeyID string) (Key, error)

// Verifier verifies SigV4-signed requests. Set the fields before first use
// and do not change or copy it afterwards; Verify may be called
// concurrently.
type Verifier struct {
	Lookup  KeyLookup
	Service string           // signing name required in the scope; "" → DefaultService ("quicksight")
	Region  string           // the server's region; "" accepts any region
	Now     func() time.Time // injected clock; nil → time.Now
	MaxSkew time.Duration    // allowed clock difference for header-signed requests; 0 → 15 minutes
	MaxBody int64            // largest body read and hashed; 0 → DefaultMaxBody (10 MiB); larger → error

	// KeyCacheSize bounds the cache of derived signing keys (one per
	// access key, day, region and service); 0 → DefaultKeyCacheSize.
	KeyCacheSize int

	cache keyCache
}

// Result describes a verified request.
type Result struct {
	AccessKeyID string
	Region      string // region from the credential scope
	Presigned   bool   // signed in the query string rather than the Authorization header
}

// Programming errors, as opposed to request errors.
var (
	errNoLookup   = errors.New("sigv4: Verifier.Lookup is nil")
	errNilRequest = errors.New("sigv4: nil request or URL")
)

// parsedAuth is the signature material taken from either form.
type parsedAuth struct {
	cred          credential
	signedHeaders string
	signature     [32]byte
	amzDate       string    // "yyyymmddThhmmssZ"
	date          time.Time // amzDate parsed
	presigned     bool
	expires       time.Duration // presigned only
	token         string
	hasToken      bool
	payloadClaim  string // X-Amz-Content-Sha256 as sent, "" when absent
	skip          int    // index in scratch.raw left out of the canonical query; -1 for none
}

// Verify checks the SigV4 signature of r. On success it returns who signed
// the request. A request whose body was read for hashing gets an
// equivalent r.Body back, so handlers can read it as usual.
//
// Errors caused by the request are *Error (see the Code* constants). An
// error from [Verifier.Lookup] other than [ErrUnknownKey] is returned
// wrapped and should be treated as an internal failure.
func (v *Verifier) Verify(r *http.Request) (Result, error) {
	if v.Lookup == nil {
		return Result{}, errNoLookup
	}
	if r == nil || r.URL == nil {
		return Result{}, errNilRequest
	}
	now := time.Now
	if v.Now != nil {
		now = v.Now
	}
	t := now()

	s := getScratch()
	defer putScratch(s)
	var a parsedAuth
	if e := s.parseAuth(r, &a); e != nil {
		return Result{}, e
	}
	if e := v.checkScope(t, &a); e != nil {
		return Result{}, e
	}
	key, err := v.Lookup(r.Context(), a.cred.accessKeyID)
	if err != nil {
		if errors.Is(err, ErrUnknownKey) {
			return Result{}, newError(CodeUnrecognizedClient, msgInvalidToken)
		}
		return Result{}, fmt.Errorf("sigv4: looking up access key: %w", err)
	}
	if e := checkKey(t, key, &a); e != nil {
		return Result{}, e
	}
	if e := v.checkSignature(r, s, &a, key.SecretAccessKey); e != nil {
		return Result{}, e
	}
	// The region is checked only once the signature is known to be good,
	// so the message (which names the server's region) goes only to
	// holders of a valid key.
	if v.Region != "" && a.cred.region != v.Region {
		return Result{}, &Error{Code: CodeAccessDenied, Message: "Operation is being called from endpoint " +
			a.cred.region + ", but your identity region is " + v.Region + ". Please use the " + v.Region + " endpoint."}
	}
	return Result{AccessKeyID: a.cred.accessKeyID, Region: a.cred.region, Presigned: a.presigned}, nil
}

// parseAuth detects the form of authentication and reads its material.
// It also leaves the split query in s for the canonical query.
func (s *scratch) parseAuth(r *http.Request, a *parsedAuth) *Error {
	s.splitQuery(r.URL.RawQuery)
	var pi presignIndex
	s.indexPresign(&pi)
	authz, hasAuthz := r.Header["Authorization"]
	switch {
	case hasAuthz && pi.presigned():
		return incomplete("Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter " +
			"or the Authorization header should be specified.")
	case hasAuthz:
		return parseHeaderForm(r, authz, a)
	case pi.presigned():
		return s.parsePresignedForm(r, &pi, a)
	default:
		return newError(CodeMissingAuthenticationToken, msgMissingToken)
	}
}

// checkScope applies the checks that need no key: service, scope date and
// time window.
func (v *Verifier) checkScope(now time.Time, a *parsedAuth) *Error {
	service := v.Service
	if service == "" {
		service = DefaultService
	}
	if a.cred.service != service {
		return invalidSignature("Credential should be scoped to correct service: '" + service + "'.")
	}
	if a.cred.date != a.amzDate[:8] {
		return invalidSignature("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '" +
			a.cred.date + "' != '" + a.amzDate[:8] + "', from '" + a.amzDate + "'.")
	}
	return v.checkTime(now, a)
}

// checkKey enforces that the key is usable, that temporary keys come with
// exactly their token and long-term keys with none, and that temporary
// keys have not expired.
func checkKey(now time.Time, key Key, a *parsedAuth) *Error {
	switch {
	case key.SecretAccessKey == "":
		return newError(CodeUnrecognizedClient, msgInvalidToken)
	case key.SessionToken == "" && !a.hasToken:
		// A long-term key used without a token: fine.
	case key.SessionToken == "" || !a.hasToken:
		return newError(CodeUnrecognizedClient, msgInvalidToken)
	case subtle.ConstantTimeCompare([]byte(key.SessionToken), []byte(a.token)) != 1:
		return newError(CodeUnrecognizedClient, msgInvalidToken)
	}
	if !key.Expires.IsZero() && now.After(key.Expires) {
		return newError(CodeExpiredToken, msgExpiredToken)
	}
	return nil
}

// checkSignature hashes the payload, rebuilds the canonical request and
// compares the signature in constant time.
func (v *Verifier) checkSignature(r *http.Request, s *scratch, a *parsedAuth, secret string) *Error {
	in := canonicalInput{
		method:        r.Method,
		path:          r.URL.EscapedPath(),
		signedHeaders: a.signedHeaders,
		amzDate:       a.amzDate,
		scope:         a.cred.scope,
	}
	var hexSum [64]byte
	var e *Error
	if in.payloadHash, e = v.payloadHash(r, a, &hexSum); e != nil {
		return e
	}
	s.query = s.appendCanonicalQuery(s.query[:0], a.skip)

	ck := keyCacheKey{a.cred.accessKeyID, a.cred.date, a.cred.region, a.cred.service}
	key, cached := v.cache.get(ck, secret)
	if !cached {
		key = deriveSigningKey(secret, a.cred.date, a.cred.region, a.cred.service)
	}
	sig := s.signature(r, &in, &key)
	ok := hmac.Equal(sig[:], a.signature[:])
	if !ok {
		// botocore and the JavaScript SDK sign the path with empty, "."
		// and ".." segments removed; the Go SDK signs it as sent.
		if p, changed := normalizePath(in.path); changed {
			in.path = p
			sig = s.signature(r, &in, &key)
			ok = hmac.Equal(sig[:], a.signature[:])
		}
	}
	if !ok {
		return invalidSignature(msgSignatureInvalid)
	}
	if !cached {
		// Only keys that verified a signature are cached, so requests with
		// made-up regions or dates cannot flush the cache.
		v.cache.put(ck, secret, key, v.KeyCacheSize)
	}
	return nil
}

// payloadHash returns the payload hash that goes into the canonical
// request. It is the hex SHA-256 of the body, which must equal
// X-Amz-Content-Sha256 when that is sent. A presigned request may instead
// declare UNSIGNED-PAYLOAD (query parameter or header); botocore's
// generate_presigned_url and the Go SDK's presigners for non-S3 services
// send no such parameter and sign the hash of the (empty) body.
func (v *Verifier) payloadHash(r *http.Request, a *parsedAuth, buf *[64]byte) (string, *Error) {
	if a.presigned && a.payloadClaim == unsignedPayload {
		return unsignedPayload, nil
	}
	max := v.MaxBody
	if max <= 0 {
		max = DefaultMaxBody
	}
	sum, e := hashBody(r, max, buf)
	if e != nil {
		return "", e
	}
	if a.payloadClaim != "" && a.payloadClaim != sum {
		if a.payloadClaim == unsignedPayload {
			return "", invalidSignature("x-amz-content-sha256 'UNSIGNED-PAYLOAD' is accepted only in presigned URLs; " +
				"sign the payload.")
		}
		return "", invalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.")
	}
	return sum, nil
}

// checkTime applies the clock-skew window to header-signed requests and
// the validity window to presigned ones.
func (v *Verifier) checkTime(now time.Time, a *parsedAuth) *Error {
	skew := v.MaxSkew
	if skew <= 0 {
		skew = DefaultMaxSkew
	}
	if a.date.After(now.Add(skew)) {
		return invalidSignature("Signature not yet current: " + a.amzDate + " is still later than " +
			formatAmzDate(now.Add(skew)) + " (" + formatAmzDate(now) + " + " + skewText(skew) + ".)")
	}
	if a.presigned {
		if until := a.date.Add(a.expires); now.After(until) {
			return invalidSignature("Signature expired: " + formatAmzDate(until) + " is now earlier than " +
				formatAmzDate(now) + " (presigned URL: X-Amz-Date " + a.amzDate + " + X-Amz-Expires " +
				skewText(a.expires) + ".)")
		}
		return nil
	}
	if a.date.Before(now.Add(-skew)) {
		return invalidSignature("Signature expired: " + a.amzDate + " is now earlier than " +
			formatAmzDate(now.Add(-skew)) + " (" + formatAmzDate(now) + " - " + skewText(skew) + ".)")
	}
	return nil
}

// skewText renders a duration as AWS does in its skew messages ("15 min").
func skewText(d time.Duration) string {
	if d%time.Minute == 0 {
		return strconv.FormatInt(int64(d/time.Minute), 10) + " min"
	}
	return strconv.FormatInt(int64(d/time.Second), 10) + " sec"
}
