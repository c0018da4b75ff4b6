// Package sigv4 verifies AWS Signature Version 4 (AWS4-HMAC-SHA256) on
// incoming HTTP requests, the way an AWS service front end does, so that
// unmodified AWS SDKs and CLIs can talk to Sightglass.
//
// A [Verifier] checks both forms a client may use:
//
//   - the header form: an "Authorization: AWS4-HMAC-SHA256 Credential=…,
//     SignedHeaders=…, Signature=…" header with the date in X-Amz-Date
//     (or Date);
//   - the presigned-query form: X-Amz-Algorithm, X-Amz-Credential,
//     X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders, X-Amz-Signature and
//     an optional X-Amz-Security-Token in the query string.
//
// It rebuilds the canonical request from what net/http hands a server
// (host from r.Host, content-length and transfer-encoding recovered from
// the fields Go moves them to, the query from r.URL.RawQuery only, the
// already-escaped path encoded a second time as non-S3 services do), hashes
// the body (and puts it back so the handler can still read it), derives the
// signing key (cached per access key, day, region and service) and compares
// signatures in constant time.
//
// The package does no routing and writes no responses. Every client-side
// failure is an [*Error] whose Code is the AWS error name the API layer
// should send (MissingAuthenticationTokenException,
// IncompleteSignatureException, UnrecognizedClientException,
// ExpiredTokenException, InvalidSignatureException, AccessDeniedException
// for a credential scoped to another region, InvalidRequestException for a
// body that could not be read). Messages follow AWS's wording and never
// contain a secret key, a signature or a session token.
package sigv4
