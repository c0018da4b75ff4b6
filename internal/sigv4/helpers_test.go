package sigv4

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// Fixed test material. The secrets are dummies.
const (
	testAKID   = "AKIDEXAMPLE"
	testSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
	tempAKID   = "ASIAEXAMPLE"
	tempSecret = "tmpSecretKeyEXAMPLE/abc+def"
	tempToken  = "IQoJb3JpZ2luX2VjEXAMPLETOKEN//+=="
	testRegion = "us-east-1"
	testHost   = "quicksight.local:8443"
)

// testTime is the signing time of every fixture: 2026-11-29T04:00:00Z.
var testTime = time.Date(2026, 11, 29, 4, 0, 0, 0, time.UTC)

var (
	longTermCreds = aws.Credentials{AccessKeyID: testAKID, SecretAccessKey: testSecret}
	tempCreds     = aws.Credentials{AccessKeyID: tempAKID, SecretAccessKey: tempSecret, SessionToken: tempToken}
)

// testKeys is the key store behind testVerifier.
var testKeys = map[string]Key{
	testAKID: {SecretAccessKey: testSecret},
	tempAKID: {SecretAccessKey: tempSecret, SessionToken: tempToken, Expires: testTime.Add(time.Hour)},
}

func mapLookup(keys map[string]Key) KeyLookup {
	return func(_ context.Context, id string) (Key, error) {
		k, ok := keys[id]
		if !ok {
			return Key{}, ErrUnknownKey
		}
		return k, nil
	}
}

// testVerifier returns a Verifier for service quicksight in us-east-1 with
// the clock fixed at at.
func testVerifier(at time.Time) *Verifier {
	return &Verifier{
		Lookup:  mapLookup(testKeys),
		Service: "quicksight",
		Region:  testRegion,
		Now:     func() time.Time { return at },
	}
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// newRequest builds a client-side request; a nil body means none.
func newRequest(tb testing.TB, method, rawURL string, body []byte) *http.Request {
	tb.Helper()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	r, err := http.NewRequest(method, rawURL, rd)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// signHeader signs r in place with the SDK signer (the oracle).
func signHeader(tb testing.TB, r *http.Request, body []byte, creds aws.Credentials, service, region string, at time.Time) {
	tb.Helper()
	err := v4.NewSigner().SignHTTP(context.Background(), creds, r, sha256Hex(body), service, region, at)
	if err != nil {
		tb.Fatal(err)
	}
}

// presign presigns r with the SDK signer and returns the request a client
// would send for the resulting URL and signed headers.
func presign(tb testing.TB, r *http.Request, payloadHash string, creds aws.Credentials, region string, at time.Time, expires string) *http.Request {
	tb.Helper()
	q := r.URL.Query()
	q.Set("X-Amz-Expires", expires)
	r.URL.RawQuery = q.Encode()
	u, h, err := v4.NewSigner().PresignHTTP(context.Background(), creds, r, payloadHash, "quicksight", region, at)
	if err != nil {
		tb.Fatal(err)
	}
	out := newRequest(tb, r.Method, u, nil)
	for k, vs := range h {
		if k == "Host" {
			continue
		}
		out.Header[k] = vs
	}
	return out
}

// toWire serialises a client request and parses it back exactly as a
// server receives it.
func toWire(tb testing.TB, r *http.Request) *http.Request {
	tb.Helper()
	var buf bytes.Buffer
	if err := r.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return parseRaw(tb, buf.String())
}

func parseRaw(tb testing.TB, raw string) *http.Request {
	tb.Helper()
	sr, err := http.ReadRequest(bufio.NewReader(strings.NewReader(raw)))
	if err != nil {
		tb.Fatalf("ReadRequest: %v\n%s", err, raw)
	}
	return sr
}

// codeOf returns the *Error code of err, "" for nil and "<non-Error>" for
// anything else.
func codeOf(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return "<non-Error: " + err.Error() + ">"
}

func newSDKSigner() *v4.Signer { return v4.NewSigner() }
