package e2e

// Raw HTTP requests signed with the SDK's own SigV4 signer, for checks the
// QuickSight client hides: headers, exact bodies, tampering, presigning.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	sg "github.com/sightglass/sightglass"
)

// payloadHash is the hex SHA-256 of body, as SigV4 signs it.
func payloadHash(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}

func credsOf(key *sg.AccessKey) aws.Credentials {
	return aws.Credentials{AccessKeyID: key.AccessKeyID, SecretAccessKey: key.SecretAccessKey, SessionToken: key.SessionToken}
}

// newRequest builds an unsigned request for path (with any query) on the
// server. A non-empty body is sent as JSON.
func (ts *testServer) newRequest(t testing.TB, method, path, body string) *http.Request {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, ts.URL+path, r)
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return req
}

// sign signs req in the header form with key, as service in rgn at time at.
func sign(t testing.TB, req *http.Request, key *sg.AccessKey, body, service, rgn string, at time.Time) {
	t.Helper()
	if err := v4.NewSigner().SignHTTP(t.Context(), credsOf(key), req, payloadHash(body), service, rgn, at); err != nil {
		t.Fatalf("SignHTTP: %v", err)
	}
}

// signed returns a request signed with key for QuickSight in the server's
// region at the server's time.
func (ts *testServer) signed(t testing.TB, key *sg.AccessKey, method, path, body string) *http.Request {
	t.Helper()
	req := ts.newRequest(t, method, path, body)
	sign(t, req, key, body, "quicksight", region, ts.now())
	return req
}

// presign returns a presigned GET URL for path, valid for expires from at.
func (ts *testServer) presign(t testing.TB, key *sg.AccessKey, path string, at time.Time, expires time.Duration) string {
	t.Helper()
	req := ts.newRequest(t, http.MethodGet, path, "")
	q := req.URL.Query()
	q.Set("X-Amz-Expires", strconv.Itoa(int(expires/time.Second)))
	req.URL.RawQuery = q.Encode()
	u, _, err := v4.NewSigner().PresignHTTP(t.Context(), credsOf(key), req, payloadHash(""), "quicksight", region, at)
	if err != nil {
		t.Fatalf("PresignHTTP: %v", err)
	}
	return u
}

// rawResponse is a response read in full.
type rawResponse struct {
	Status int
	Header http.Header
	Body   []byte
	JSON   map[string]any // the body when it is a JSON object
}

// send performs req with a bounded client and reads the whole response.
func send(t testing.TB, req *http.Request) *rawResponse {
	t.Helper()
	c := &http.Client{Timeout: 10 * time.Second}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading response: %v", err)
	}
	r := &rawResponse{Status: resp.StatusCode, Header: resp.Header, Body: b}
	json.Unmarshal(b, &r.JSON)
	return r
}

// get performs an unsigned GET of a full URL.
func get(t testing.TB, url string) *rawResponse {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return send(t, req)
}

// str returns the string member name of the JSON body, or "".
func (r *rawResponse) str(name string) string {
	s, _ := r.JSON[name].(string)
	return s
}

// wantJSONHeaders checks the headers every API response carries and that
// the body's RequestId equals the x-amzn-RequestId header.
func (r *rawResponse) wantJSONHeaders(t testing.TB) {
	t.Helper()
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json (body %s)", ct, r.Body)
	}
	if r.JSON == nil {
		t.Fatalf("body is not a JSON object: %s", r.Body)
	}
	id := r.Header.Get("X-Amzn-RequestId")
	if len(id) != 36 {
		t.Errorf("x-amzn-RequestId = %q, want a UUID", id)
	}
	if got := r.str("RequestId"); got != id {
		t.Errorf("body RequestId = %q, header x-amzn-RequestId = %q", got, id)
	}
}

// wantError checks an AWS error response: status, X-Amzn-ErrorType, JSON
// body with Message and RequestId. It returns the message.
func (r *rawResponse) wantError(t testing.TB, code string, status int) string {
	t.Helper()
	if r.Status != status || r.Header.Get("X-Amzn-ErrorType") != code {
		t.Fatalf("got %d %q, want %d %s; body %s", r.Status, r.Header.Get("X-Amzn-ErrorType"), status, code, r.Body)
	}
	r.wantJSONHeaders(t)
	msg := r.str("Message")
	if msg == "" {
		t.Errorf("%s without a Message: %s", code, r.Body)
	}
	return msg
}

// wantOK checks a successful response: status, headers, and the numeric
// body Status equal to the HTTP status.
func (r *rawResponse) wantOK(t testing.TB, status int) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("got %d, want %d; body %s", r.Status, status, r.Body)
	}
	r.wantJSONHeaders(t)
	if got, ok := r.JSON["Status"].(float64); !ok || int(got) != status {
		t.Errorf("body Status = %v (%T), want the number %d", r.JSON["Status"], r.JSON["Status"], status)
	}
}

// rawCase is one row of an error table for requests the SDK refuses to
// send (missing required members, malformed JSON): a signed request and
// the modeled error it must get.
type rawCase struct {
	name         string
	method, path string
	body         string
	code         string
	status       int
	msg          string // a part of the message, if not empty
}

// runRawErrorCases sends each case signed with key as a subtest.
func (ts *testServer) runRawErrorCases(t *testing.T, key *sg.AccessKey, cases []rawCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			msg := send(t, ts.signed(t, key, tc.method, tc.path, tc.body)).wantError(t, tc.code, tc.status)
			if !strings.Contains(msg, tc.msg) {
				t.Errorf("message %q does not contain %q", msg, tc.msg)
			}
		})
	}
}
