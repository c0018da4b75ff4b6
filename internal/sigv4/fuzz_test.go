package sigv4

import (
	"bufio"
	"bytes"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

// fuzzSeeds returns wire bytes of valid signed requests.
func fuzzSeeds(tb testing.TB) [][]byte {
	var reqs []*http.Request
	r := newRequest(tb, "GET", "http://"+testHost+"/qs/accounts/123456789012/namespaces/default/users/bob%20name%2Fx?max-results=5&next-token=a%20b", nil)
	r.Header.Set("Accept", "application/json")
	signHeader(tb, r, nil, longTermCreds, "quicksight", testRegion, testTime)
	reqs = append(reqs, r)

	body := []byte(testBody)
	r = newRequest(tb, "POST", "http://"+testHost+"/accounts/123456789012/namespaces/default/users", body)
	r.Header.Set("Content-Type", "application/json")
	signHeader(tb, r, body, tempCreds, "quicksight", testRegion, testTime)
	reqs = append(reqs, r)

	r = newRequest(tb, "GET", "http://"+testHost+"/accounts/123456789012/namespaces/default/users/alice?a=1&a=2", nil)
	reqs = append(reqs, presign(tb, r, emptySHA256, longTermCreds, testRegion, testTime, "900"))

	r = newRequest(tb, "GET", "http://"+testHost+"/users//./x/../y", nil)
	signHeader(tb, r, nil, longTermCreds, "quicksight", testRegion, testTime)
	reqs = append(reqs, r)

	var out [][]byte
	for _, r := range reqs {
		var buf bytes.Buffer
		if err := r.Write(&buf); err != nil {
			tb.Fatal(err)
		}
		out = append(out, buf.Bytes())
	}
	out = append(out, []byte("POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-1/quicksight/aws4_request, SignedHeaders=host;transfer-encoding;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000\r\nX-Amz-Date: 20261129T040000Z\r\n\r\n3\r\nabc\r\n0\r\n\r\n"))
	return out
}

// FuzzVerify feeds arbitrary raw HTTP requests (and Authorization header
// values) to Verify. It must never panic, every failure must be an *Error
// with a code and a message, and a success must name a known key.
func FuzzVerify(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, "")
	}
	seed := fuzzSeeds(f)[0]
	for _, a := range []string{
		"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-1/quicksight/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + strings.Repeat("ab", 32),
		"AWS4-HMAC-SHA256 Credential=/, SignedHeaders=;;, Signature=",
		"AWS4-HMAC-SHA256 Credential=a/b/c/d/e/f/g, Signature=x,Signature=y",
		"AWS4-ECDSA-P256-SHA256 Credential=x",
		"AWS AKID:sig",
	} {
		f.Add(seed, a)
	}
	v := testVerifier(testTime.Add(5 * time.Minute))
	v.MaxBody = 1 << 16
	f.Fuzz(func(t *testing.T, raw []byte, authz string) {
		r, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(raw)))
		if err != nil {
			return
		}
		if authz != "" {
			r.Header.Set("Authorization", authz)
		}
		res, err := v.Verify(r)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Code == "" || e.Message == "" {
				t.Fatalf("Verify returned %T %v; want *Error with code and message", err, err)
			}
			for _, s := range []string{testSecret, tempSecret} {
				if strings.Contains(e.Message, s) {
					t.Fatalf("message leaks a secret: %q", e.Message)
				}
			}
			return
		}
		if _, ok := testKeys[res.AccessKeyID]; !ok {
			t.Fatalf("verified unknown key %q", res.AccessKeyID)
		}
	})
}
