package sigv4

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

const testBody = `{"Email":"a@example.com","IdentityType":"QUICKSIGHT","UserName":"bob","UserRole":"READER"}`

// signedGET returns a wire request for an SDK-signed GET with a query and
// two extra signed headers.
func signedGET(t *testing.T, creds aws.Credentials, service, region string, at time.Time) *http.Request {
	t.Helper()
	r := newRequest(t, "GET", "http://"+testHost+"/qs/accounts/123456789012/namespaces/default/users/bob%20name?max-results=5&next-token=abc", nil)
	r.Header.Set("X-Request-Id", "req-1")
	r.Header.Set("Accept", "application/json")
	signHeader(t, r, nil, creds, service, region, at)
	r.Header.Set("User-Agent", "test-agent/1.0") // not signed
	return toWire(t, r)
}

func signedPOST(t *testing.T, body string) *http.Request {
	t.Helper()
	r := newRequest(t, "POST", "http://"+testHost+"/accounts/123456789012/namespaces/default/users", []byte(body))
	r.Header.Set("Content-Type", "application/json")
	signHeader(t, r, []byte(body), longTermCreds, "quicksight", testRegion, testTime)
	return toWire(t, r)
}

func presignedGET(t *testing.T, creds aws.Credentials, expires string) *http.Request {
	t.Helper()
	r := newRequest(t, "GET", "http://"+testHost+"/accounts/123456789012/namespaces/default/users/alice", nil)
	return toWire(t, presign(t, r, emptySHA256, creds, testRegion, testTime, expires))
}

func TestVerifyRejects(t *testing.T) {
	at := testTime
	tests := []struct {
		name     string
		req      func(t *testing.T) *http.Request
		verifier func(v *Verifier) // optional tweak
		code     string            // "" means Verify must succeed
		msg      string            // substring of the message, optional
	}{
		{name: "valid GET", req: func(t *testing.T) *http.Request { return signedGET(t, longTermCreds, "quicksight", testRegion, at) }},
		{name: "valid POST", req: func(t *testing.T) *http.Request { return signedPOST(t, testBody) }},
		{
			name: "missing authentication", code: CodeMissingAuthenticationToken, msg: "Missing Authentication Token",
			req: func(t *testing.T) *http.Request { return parseRaw(t, "GET /accounts HTTP/1.1\r\nHost: x\r\n\r\n") },
		},
		{
			name: "garbage Authorization", code: CodeIncompleteSignature,
			req: func(t *testing.T) *http.Request {
				return withHeader(signedGET(t, longTermCreds, "quicksight", testRegion, at), "Authorization", "garbage")
			},
		},
		{
			name: "empty Authorization", code: CodeIncompleteSignature,
			req: func(t *testing.T) *http.Request {
				return withHeader(signedGET(t, longTermCreds, "quicksight", testRegion, at), "Authorization", "")
			},
		},
		{
			name: "Authorization without Signature", code: CodeIncompleteSignature, msg: "requires 'Signature' parameter",
			req: func(t *testing.T) *http.Request {
				return withHeader(signedGET(t, longTermCreds, "quicksight", testRegion, at), "Authorization",
					"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-1/quicksight/aws4_request, SignedHeaders=host;x-amz-date")
			},
		},
		{
			name: "SigV4a algorithm", code: CodeIncompleteSignature, msg: "AWS4-ECDSA-P256-SHA256",
			req: func(t *testing.T) *http.Request {
				r := signedGET(t, longTermCreds, "quicksight", testRegion, at)
				return withHeader(r, "Authorization", strings.Replace(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256", 1))
			},
		},
		{
			name: "credential with too few parts", code: CodeIncompleteSignature, msg: "at least 5",
			req: func(t *testing.T) *http.Request {
				return replaceInHeader(signedGET(t, longTermCreds, "quicksight", testRegion, at), "Authorization", "/us-east-1/quicksight/aws4_request", "/quicksight/aws4_request")
			},
		},
		{
			name: "bad terminator", code: CodeIncompleteSignature, msg: "terminator",
			req: func(t *testing.T) *http.Request {
				return replaceInHeader(signedGET(t, longTermCreds, "quicksight", testRegion, at), "Authorization", "aws4_request", "aws5_request")
			},
		},
		{
			name: "bad X-Amz-Date format", code: CodeIncompleteSignature, msg: "ISO8601",
			req: func(t *testing.T) *http.Request {
				return withHeader(signedGET(t, longTermCreds, "quicksight", testRegion, at), "X-Amz-Date", "2026-11-29T04:00:00Z")
			},
		},
		{
			name: "no date at all", code: CodeIncompleteSignature, msg: "'X-Amz-Date' or a 'Date' header",
			req: func(t *testing.T) *http.Request {
				r := signedGET(t, longTermCreds, "quicksight", testRegion, at)
				r.Header.Del("X-Amz-Date")
				return r
			},
		},
		{
			name: "host not signed", code: CodeIncompleteSignature, msg: "'Host'",
			req: func(t *testing.T) *http.Request {
				return replaceInHeader(signedGET(t, longTermCreds, "quicksight", testRegion, at), "Authorization", "host;", "")
			},
		},
		{
			name: "malformed signature", code: CodeIncompleteSignature, msg: "64 hexadecimal",
			req: func(t *testing.T) *http.Request {
				r := signedGET(t, longTermCreds, "quicksight", testRegion, at)
				h := r.Header.Get("Authorization")
				return withHeader(r, "Authorization", h[:len(h)-1]+"g")
			},
		},
		{
			name: "unknown access key", code: CodeUnrecognizedClient, msg: "security token included in the request is invalid",
			req: func(t *testing.T) *http.Request {
				return signedGET(t, aws.Credentials{AccessKeyID: "AKIDUNKNOWN", SecretAccessKey: testSecret}, "quicksight", testRegion, at)
			},
		},
		{
			name: "wrong secret", code: CodeInvalidSignature, msg: "does not match the signature you provided",
			req: func(t *testing.T) *http.Request {
				return signedGET(t, aws.Credentials{AccessKeyID: testAKID, SecretAccessKey: "not-the-secret"}, "quicksight", testRegion, at)
			},
		},
		{
			name: "tampered body", code: CodeInvalidSignature,
			req: func(t *testing.T) *http.Request {
				r := signedPOST(t, testBody)
				r.Body = io.NopCloser(strings.NewReader(strings.Replace(testBody, "READER", "ADMIN!", 1)))
				return r
			},
		},
		{
			name: "tampered query value", code: CodeInvalidSignature,
			req: func(t *testing.T) *http.Request {
				r := signedGET(t, longTermCreds, "quicksight", testRegion, at)
				r.URL.RawQuery = strings.Replace(r.URL.RawQuery, "max-results=5", "max-results=6", 1)
				return r
			},
		},
		{
			name: "added query parameter", code: CodeInvalidSignature,
			req: func(t *testing.T) *http.Request {
				r := signedGET(t, longTermCreds, "quicksight", testRegion, at)
				r.URL.RawQuery += "&extra=1"
				return r
			},
		},
		{
			name: "tampered path", code: CodeInvalidSignature,
			req: func(t *testing.T) *http.Request {
				r := signedGET(t, longTermCreds, "quicksight", testRegion, at)
				r.URL.Path = strings.Replace(r.URL.Path, "bob name", "bob  name", 1)
				r.URL.RawPath = ""
				return r
			},
		},
		{
			name: "path escaping changed (%2F vs /)", code: CodeInvalidSignature,
			req: func(t *testing.T) *http.Request {
				r := newRequest(t, "GET", "http://"+testHost+"/users/bob%2Fx", nil)
				signHeader(t, r, nil, longTermCreds, "quicksight", testRegion, at)
				r.URL.RawPath = "" // client now sends /users/bob/x
				return toWire(t, r)
			},
		},
		{
			name: "tampered host", code: CodeInvalidSignature,
			req: func(t *testing.T) *http.Request {
				r := signedGET(t, longTermCreds, "quicksight", testRegion, at)
				r.Host = "evil.example"
				return r
			},
		},
		{
			name: "tampered method", code: CodeInvalidSignature,
			req: func(t *testing.T) *http.Request {
				r := signedGET(t, longTermCreds, "quicksight", testRegion, at)
				r.Method = "DELETE"
				return r
			},
		},
		{
			name: "signed header value changed", code: CodeInvalidSignature,
			req: func(t *testing.T) *http.Request {
				return withHeader(signedGET(t, longTermCreds, "quicksight", testRegion, at), "X-Request-Id", "req-2")
			},
		},
		{
			name: "signed header removed", code: CodeInvalidSignature,
			req: func(t *testing.T) *http.Request {
				r := signedGET(t, longTermCreds, "quicksight", testRegion, at)
				r.Header.Del("Accept")
				return r
			},
		},
		{
			name: "unsigned header changed", code: "",
			req: func(t *testing.T) *http.Request {
				r := withHeader(signedGET(t, longTermCreds, "quicksight", testRegion, at), "User-Agent", "other/2.0")
				r.Header.Set("X-Unsigned", "anything")
				return r
			},
		},
		{
			name: "signed header whitespace differs only in trimmed spaces", code: "",
			req: func(t *testing.T) *http.Request {
				return withHeader(signedGET(t, longTermCreds, "quicksight", testRegion, at), "X-Request-Id", "req-1   ")
			},
		},
		{
			name: "wrong service", code: CodeInvalidSignature, msg: "Credential should be scoped to correct service: 'quicksight'.",
			req: func(t *testing.T) *http.Request { return signedGET(t, longTermCreds, "s3", testRegion, at) },
		},
		{
			name: "wrong region", code: CodeAccessDenied,
			msg: "Operation is being called from endpoint us-west-2, but your identity region is us-east-1. Please use the us-east-1 endpoint.",
			req: func(t *testing.T) *http.Request { return signedGET(t, longTermCreds, "quicksight", "us-west-2", at) },
		},
		{
			name: "wrong region and wrong secret is a signature error", code: CodeInvalidSignature,
			req: func(t *testing.T) *http.Request {
				return signedGET(t, aws.Credentials{AccessKeyID: testAKID, SecretAccessKey: "nope"}, "quicksight", "us-west-2", at)
			},
		},
		{
			name: "empty server region accepts any region", code: "",
			req:      func(t *testing.T) *http.Request { return signedGET(t, longTermCreds, "quicksight", "eu-west-1", at) },
			verifier: func(v *Verifier) { v.Region = "" },
		},
		{
			name: "scope date differs from X-Amz-Date", code: CodeInvalidSignature, msg: "Date in Credential scope does not match",
			req: func(t *testing.T) *http.Request {
				return withHeader(signedGET(t, longTermCreds, "quicksight", testRegion, at), "X-Amz-Date", "20261130T000500Z")
			},
			verifier: func(v *Verifier) { v.Now = func() time.Time { return time.Date(2026, 11, 30, 0, 5, 0, 0, time.UTC) } },
		},
		{
			name: "signed 16 min ago", code: CodeInvalidSignature,
			msg: "Signature expired: 20261129T034400Z is now earlier than 20261129T034500Z (20261129T040000Z - 15 min.)",
			req: func(t *testing.T) *http.Request {
				return signedGET(t, longTermCreds, "quicksight", testRegion, at.Add(-16*time.Minute))
			},
		},
		{
			name: "signed 16 min in the future", code: CodeInvalidSignature,
			msg: "Signature not yet current: 20261129T041600Z is still later than 20261129T041500Z (20261129T040000Z + 15 min.)",
			req: func(t *testing.T) *http.Request {
				return signedGET(t, longTermCreds, "quicksight", testRegion, at.Add(16*time.Minute))
			},
		},
		{
			name: "signed 14 min ago", code: "",
			req: func(t *testing.T) *http.Request {
				return signedGET(t, longTermCreds, "quicksight", testRegion, at.Add(-14*time.Minute))
			},
		},
		{
			name: "signed 14 min in the future", code: "",
			req: func(t *testing.T) *http.Request {
				return signedGET(t, longTermCreds, "quicksight", testRegion, at.Add(14*time.Minute))
			},
		},
		{
			name: "custom MaxSkew", code: CodeInvalidSignature, msg: "- 5 min.)",
			req: func(t *testing.T) *http.Request {
				return signedGET(t, longTermCreds, "quicksight", testRegion, at.Add(-6*time.Minute))
			},
			verifier: func(v *Verifier) { v.MaxSkew = 5 * time.Minute },
		},
		{
			name: "valid presigned", code: "",
			req: func(t *testing.T) *http.Request { return presignedGET(t, longTermCreds, "900") },
		},
		{
			name: "presigned still valid at the last second", code: "",
			req:      func(t *testing.T) *http.Request { return presignedGET(t, longTermCreds, "900") },
			verifier: func(v *Verifier) { v.Now = func() time.Time { return testTime.Add(900 * time.Second) } },
		},
		{
			name: "expired presigned", code: CodeInvalidSignature, msg: "Signature expired",
			req:      func(t *testing.T) *http.Request { return presignedGET(t, longTermCreds, "900") },
			verifier: func(v *Verifier) { v.Now = func() time.Time { return testTime.Add(901 * time.Second) } },
		},
		{
			name: "presigned long ago but within X-Amz-Expires", code: "",
			req:      func(t *testing.T) *http.Request { return presignedGET(t, longTermCreds, "604800") },
			verifier: func(v *Verifier) { v.Now = func() time.Time { return testTime.Add(6 * 24 * time.Hour) } },
		},
		{
			name: "presigned in the future", code: CodeInvalidSignature, msg: "not yet current",
			req:      func(t *testing.T) *http.Request { return presignedGET(t, longTermCreds, "900") },
			verifier: func(v *Verifier) { v.Now = func() time.Time { return testTime.Add(-16 * time.Minute) } },
		},
		{
			name: "presigned X-Amz-Expires 0", code: CodeIncompleteSignature,
			req: func(t *testing.T) *http.Request { return presignedGET(t, longTermCreds, "0") },
		},
		{
			name: "presigned X-Amz-Expires over a week", code: CodeIncompleteSignature, msg: "604800",
			req: func(t *testing.T) *http.Request { return presignedGET(t, longTermCreds, "604801") },
		},
		{
			name: "presigned missing X-Amz-Expires", code: CodeIncompleteSignature, msg: "must include",
			req: func(t *testing.T) *http.Request {
				return dropQueryParam(presignedGET(t, longTermCreds, "900"), "X-Amz-Expires")
			},
		},
		{
			name: "presigned tampered query", code: CodeInvalidSignature,
			req: func(t *testing.T) *http.Request {
				r := presignedGET(t, longTermCreds, "900")
				r.URL.RawQuery = strings.Replace(r.URL.RawQuery, "X-Amz-Expires=900", "X-Amz-Expires=901", 1)
				return r
			},
		},
		{
			name: "presigned duplicate signature", code: CodeIncompleteSignature, msg: "only once",
			req: func(t *testing.T) *http.Request {
				r := presignedGET(t, longTermCreds, "900")
				r.URL.RawQuery += "&X-Amz-Signature=00"
				return r
			},
		},
		{
			name: "presigned and Authorization header together", code: CodeIncompleteSignature, msg: "Only one auth mechanism",
			req: func(t *testing.T) *http.Request {
				r := presignedGET(t, longTermCreds, "900")
				r.Header.Set("Authorization", signedGET(t, longTermCreds, "quicksight", testRegion, at).Header.Get("Authorization"))
				return r
			},
		},
		{
			name: "presigned with body hash but body sent", code: CodeInvalidSignature,
			req: func(t *testing.T) *http.Request {
				r := presignedGET(t, longTermCreds, "900")
				r.Body = io.NopCloser(strings.NewReader("x"))
				r.ContentLength = 1
				return r
			},
		},
		{
			name: "session token missing", code: CodeUnrecognizedClient,
			req: func(t *testing.T) *http.Request {
				r := signedGET(t, tempCreds, "quicksight", testRegion, at)
				r.Header.Del("X-Amz-Security-Token")
				return r
			},
		},
		{
			name: "wrong session token (signed)", code: CodeUnrecognizedClient,
			req: func(t *testing.T) *http.Request {
				c := tempCreds
				c.SessionToken = "IQoJb3JpZ2luX2VjOTHERTOKEN"
				return signedGET(t, c, "quicksight", testRegion, at)
			},
		},
		{
			name: "session token sent with a long-term key", code: CodeUnrecognizedClient,
			req: func(t *testing.T) *http.Request {
				c := longTermCreds
				c.SessionToken = tempToken
				return signedGET(t, c, "quicksight", testRegion, at)
			},
		},
		{
			name: "presigned wrong session token", code: CodeUnrecognizedClient,
			req: func(t *testing.T) *http.Request {
				c := tempCreds
				c.SessionToken = "other"
				return presignedGET(t, c, "900")
			},
		},
		{
			name: "valid session token", code: "",
			req: func(t *testing.T) *http.Request { return signedGET(t, tempCreds, "quicksight", testRegion, at) },
		},
		{
			name: "expired temporary key", code: CodeExpiredToken, msg: "expired",
			req: func(t *testing.T) *http.Request {
				return signedGET(t, tempCreds, "quicksight", testRegion, at.Add(61*time.Minute))
			},
			verifier: func(v *Verifier) { v.Now = func() time.Time { return testTime.Add(61 * time.Minute) } },
		},
		{
			name: "x-amz-content-sha256 does not match body", code: CodeInvalidSignature, msg: "x-amz-content-sha256",
			req: func(t *testing.T) *http.Request {
				r := newRequest(t, "POST", "http://"+testHost+"/users", []byte(testBody))
				r.Header.Set("X-Amz-Content-Sha256", emptySHA256)
				// Sign with the claimed hash, as a lying client would.
				signHeaderWithHash(t, r, emptySHA256)
				return toWire(t, r)
			},
		},
		{
			name: "UNSIGNED-PAYLOAD in header form", code: CodeInvalidSignature, msg: "UNSIGNED-PAYLOAD",
			req: func(t *testing.T) *http.Request {
				r := newRequest(t, "POST", "http://"+testHost+"/users", []byte(testBody))
				r.Header.Set("X-Amz-Content-Sha256", unsignedPayload)
				signHeaderWithHash(t, r, unsignedPayload)
				return toWire(t, r)
			},
		},
		{
			name: "body too large (Content-Length)", code: CodeInvalidSignature, msg: "exceeds",
			req:      func(t *testing.T) *http.Request { return signedPOST(t, testBody) },
			verifier: func(v *Verifier) { v.MaxBody = 16 },
		},
		{
			name: "body too large (chunked)", code: CodeInvalidSignature, msg: "exceeds",
			req: func(t *testing.T) *http.Request {
				r := signedPOST(t, testBody)
				r.ContentLength = -1
				return r
			},
			verifier: func(v *Verifier) { v.MaxBody = 16 },
		},
		{
			name: "body exactly MaxBody", code: "",
			req:      func(t *testing.T) *http.Request { return signedPOST(t, testBody) },
			verifier: func(v *Verifier) { v.MaxBody = int64(len(testBody)) },
		},
		{
			name: "body read error", code: CodeInvalidRequest,
			req: func(t *testing.T) *http.Request {
				r := signedPOST(t, testBody)
				r.Body = io.NopCloser(io.MultiReader(strings.NewReader("{"), errReader{}))
				return r
			},
		},
		{
			name: "body shorter than Content-Length", code: CodeInvalidRequest,
			req: func(t *testing.T) *http.Request {
				r := signedPOST(t, testBody)
				r.Body = io.NopCloser(strings.NewReader("{}"))
				return r
			},
		},
		{
			name: "http.MaxBytesReader limit", code: CodeInvalidSignature, msg: "exceeds",
			req: func(t *testing.T) *http.Request {
				r := signedPOST(t, testBody)
				r.ContentLength = -1
				r.Body = http.MaxBytesReader(nil, r.Body, 10)
				return r
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.req(t)
			v := testVerifier(at)
			if tc.verifier != nil {
				tc.verifier(v)
			}
			res, err := v.Verify(r)
			if got := codeOf(err); got != tc.code {
				t.Fatalf("code = %q, want %q (err: %v)", got, tc.code, err)
			}
			if err == nil {
				if res.AccessKeyID == "" || res.Region == "" {
					t.Errorf("empty result %+v", res)
				}
				return
			}
			if res != (Result{}) {
				t.Errorf("result on error = %+v", res)
			}
			var e *Error
			errors.As(err, &e)
			if !strings.Contains(e.Message, tc.msg) {
				t.Errorf("message = %q, want it to contain %q", e.Message, tc.msg)
			}
			assertNoSecrets(t, r, e)
		})
	}
}

// assertNoSecrets checks that an error message leaks no secret key,
// signature or session token.
func assertNoSecrets(t *testing.T, r *http.Request, e *Error) {
	t.Helper()
	secrets := []string{testSecret, tempSecret, tempToken, "IQoJb3JpZ2luX2VjOTHERTOKEN"}
	if a := r.Header.Get("Authorization"); strings.Contains(a, "Signature=") {
		sig := a[strings.Index(a, "Signature=")+len("Signature="):]
		if len(sig) >= 16 {
			secrets = append(secrets, sig[:16])
		}
	}
	if sig := r.URL.Query().Get("X-Amz-Signature"); len(sig) >= 16 {
		secrets = append(secrets, sig[:16])
	}
	for _, s := range secrets {
		if strings.Contains(e.Message, s) || strings.Contains(e.Error(), s) {
			t.Errorf("message %q leaks %q", e.Message, s)
		}
	}
}

func withHeader(r *http.Request, k, v string) *http.Request {
	r.Header.Set(k, v)
	return r
}

func replaceInHeader(r *http.Request, k, old, new string) *http.Request {
	r.Header.Set(k, strings.Replace(r.Header.Get(k), old, new, 1))
	return r
}

func dropQueryParam(r *http.Request, name string) *http.Request {
	var keep []string
	for _, p := range strings.Split(r.URL.RawQuery, "&") {
		if !strings.HasPrefix(p, name+"=") {
			keep = append(keep, p)
		}
	}
	r.URL.RawQuery = strings.Join(keep, "&")
	return r
}

func signHeaderWithHash(t *testing.T, r *http.Request, payloadHash string) {
	t.Helper()
	if err := newSDKSigner().SignHTTP(context.Background(), longTermCreds, r, payloadHash, "quicksight", testRegion, testTime); err != nil {
		t.Fatal(err)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("connection reset") }

func TestLookupFailureIsNotAnError(t *testing.T) {
	boom := errors.New("database is down")
	v := testVerifier(testTime)
	v.Lookup = func(context.Context, string) (Key, error) { return Key{}, boom }
	_, err := v.Verify(signedGET(t, longTermCreds, "quicksight", testRegion, testTime))
	var e *Error
	if !errors.Is(err, boom) || errors.As(err, &e) {
		t.Fatalf("err = %v; want the lookup error, not an *Error", err)
	}
	v.Lookup = func(context.Context, string) (Key, error) { return Key{}, errors.Join(ErrUnknownKey, boom) }
	if _, err := v.Verify(signedGET(t, longTermCreds, "quicksight", testRegion, testTime)); codeOf(err) != CodeUnrecognizedClient {
		t.Fatalf("wrapped ErrUnknownKey: %v", err)
	}
}

func TestNilLookup(t *testing.T) {
	if _, err := (&Verifier{}).Verify(signedGET(t, longTermCreds, "quicksight", testRegion, testTime)); err == nil {
		t.Fatal("Verify with nil Lookup succeeded")
	}
}

func TestErrorMatching(t *testing.T) {
	_, err := testVerifier(testTime).Verify(signedGET(t, longTermCreds, "quicksight", "eu-central-1", testTime))
	if !errors.Is(err, ErrWrongRegion) {
		t.Fatalf("errors.Is(%v, ErrWrongRegion) = false", err)
	}
	if errors.Is(err, &Error{Code: CodeInvalidSignature}) {
		t.Fatal("AccessDenied matched InvalidSignature")
	}
	var e *Error
	if !errors.As(err, &e) || e.HTTPStatus() != http.StatusUnauthorized {
		t.Fatalf("status = %d", e.HTTPStatus())
	}
	if (&Error{Code: CodeInvalidSignature}).HTTPStatus() != http.StatusForbidden ||
		(&Error{Code: CodeInvalidRequest}).HTTPStatus() != http.StatusBadRequest {
		t.Fatal("HTTPStatus mapping")
	}
}

// TestBodyRestoredOnFailure checks that a handler can still read the body
// of a request whose signature did not verify (for logging, say).
func TestBodyRestoredOnFailure(t *testing.T) {
	r := signedPOST(t, testBody)
	r.Header.Set("Content-Type", "text/plain") // signed header changed
	if _, err := testVerifier(testTime).Verify(r); codeOf(err) != CodeInvalidSignature {
		t.Fatalf("err = %v", err)
	}
	b, _ := io.ReadAll(r.Body)
	if !bytes.Equal(b, []byte(testBody)) {
		t.Fatalf("body = %q", b)
	}
}
