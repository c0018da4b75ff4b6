package sigv4

import (
	"errors"
	"net/http"
)

// Error codes carried by [Error.Code]. They are the names AWS services
// return for the same failures.
const (
	// CodeMissingAuthenticationToken: the request carries neither an
	// Authorization header nor presigned query parameters.
	CodeMissingAuthenticationToken = "MissingAuthenticationTokenException"
	// CodeIncompleteSignature: the signature material is malformed or
	// incomplete (bad Authorization header, credential, date, signed
	// headers, unsupported algorithm, …).
	CodeIncompleteSignature = "IncompleteSignatureException"
	// CodeUnrecognizedClient: unknown access key, or a session token that
	// is wrong, missing or not expected.
	CodeUnrecognizedClient = "UnrecognizedClientException"
	// CodeExpiredToken: the temporary credentials have expired.
	CodeExpiredToken = "ExpiredTokenException"
	// CodeInvalidSignature: the signature does not match, the credential is
	// scoped to another service or day, the request is outside the allowed
	// clock skew, a presigned URL has expired, the payload hash does not
	// match, or the body is too large to be verified.
	CodeInvalidSignature = "InvalidSignatureException"
	// CodeAccessDenied: the signature is valid but scoped to a region other
	// than the server's (see [ErrWrongRegion]). QuickSight answers this with
	// HTTP 401.
	CodeAccessDenied = "AccessDeniedException"
	// CodeInvalidRequest: the request body could not be read (client went
	// away, body shorter than its Content-Length, …). This is the one
	// non-authentication code; the API layer should answer it with 400.
	CodeInvalidRequest = "InvalidRequestException"
)

// Error is a verification failure caused by the request. Code is one of
// the Code* constants; Message is a human-readable explanation in AWS's
// style. Neither ever contains a secret key, a signature or a session
// token.
//
// Errors match with [errors.Is] by Code when the target has an empty
// Message, so errors.Is(err, &Error{Code: CodeExpiredToken}) and
// errors.Is(err, ErrWrongRegion) work.
type Error struct {
	Code    string
	Message string
}

// ErrWrongRegion matches (with [errors.Is]) the error returned when the
// signature is valid but the credential scope names a region other than
// [Verifier.Region]. Its Message tells the client which endpoint to use.
var ErrWrongRegion error = &Error{Code: CodeAccessDenied}

// ErrUnknownKey is returned by a [KeyLookup] (possibly wrapped) when no
// key with the given access key id exists.
var ErrUnknownKey = errors.New("sigv4: unknown access key id")

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Is reports whether target is an *Error with the same Code and either an
// empty or an identical Message.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	if !ok || t == nil {
		return false
	}
	return t.Code == e.Code && (t.Message == "" || t.Message == e.Message)
}

// HTTPStatus is the status AWS sends with this error: 403 for the
// authentication codes, 401 for AccessDeniedException (as QuickSight
// models it) and 400 for InvalidRequestException.
func (e *Error) HTTPStatus() int {
	switch e.Code {
	case CodeAccessDenied:
		return http.StatusUnauthorized
	case CodeInvalidRequest:
		return http.StatusBadRequest
	default:
		return http.StatusForbidden
	}
}

func newError(code, msg string) *Error { return &Error{Code: code, Message: msg} }

func incomplete(msg string) *Error { return newError(CodeIncompleteSignature, msg) }

func invalidSignature(msg string) *Error { return newError(CodeInvalidSignature, msg) }

// Messages that are returned verbatim in several places.
const (
	msgMissingToken     = "Missing Authentication Token"
	msgInvalidToken     = "The security token included in the request is invalid."
	msgExpiredToken     = "The security token included in the request is expired"
	msgSignatureInvalid = "The request signature we calculated does not match the signature you provided. " +
		"Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
)
