package sigv4

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestOracleHeader signs requests with aws-sdk-go-v2's signer, sends them
// through the wire format and checks that Verify accepts them.
func TestOracleHeader(t *testing.T) {
	const base = "http://" + testHost
	registerBody := []byte(`{"Email":"a@example.com","IdentityType":"QUICKSIGHT","UserName":"bob name/x+y","UserRole":"READER"}`)
	tests := []struct {
		name    string
		method  string
		url     string
		body    []byte
		headers map[string]string
		creds   bool     // temporary credentials with a session token
		multi   []string // values of a repeated signed header X-Multi
		mutate  func(r *http.Request)
	}{
		{name: "plain GET", method: "GET", url: base + "/accounts/123456789012/namespaces/default/users"},
		{name: "root path", method: "GET", url: base},
		{
			name: "query with repeated keys, spaces and reserved characters", method: "GET",
			url: base + "/accounts/123456789012/dashboards/d1/embed-url?additional-dashboard-ids=b&additional-dashboard-ids=a" +
				"&next-token=a%20b%2Bc%2F%3D%26&max-results=10&x=%21%27%28%29%2A~&empty=&unicode=%E2%9C%93",
		},
		{
			name: "query re-encoded differently on the wire", method: "GET",
			url: base + "/accounts/123456789012/users?b=2&a=x%20y&a=1&c=%2F%3D%26&d=&e=%21%2A",
			mutate: func(r *http.Request) {
				// Same parameters: '+' for space, lower-case hex, raw
				// sub-delims, different order, a key without '='.
				r.URL.RawQuery = "e=!*&d&c=%2f%3d%26&a=1&a=x+y&b=2"
			},
		},
		{name: "path with %20", method: "GET", url: base + "/accounts/123456789012/namespaces/default/users/bob%20name"},
		{name: "path with %2F %2B", method: "GET", url: base + "/accounts/123456789012/namespaces/default/users/bob%20name%2Fx%2By"},
		{name: "path with encoded unicode", method: "GET", url: base + "/accounts/123456789012/namespaces/default/users/j%C3%BCrgen%E2%9C%93"},
		{name: "path with raw unicode (escaped by the client)", method: "GET", url: base + "/accounts/123456789012/namespaces/default/users/jürgen✓"},
		{name: "path with encoded tilde and reserved", method: "GET", url: base + "/users/a%7Eb%3Ac%40d%21e%28f%29"},
		{name: "base path prefix", method: "GET", url: base + "/qs/accounts/123456789012/namespaces/default/users/bob%20name%2Fx"},
		{name: "trailing slash", method: "GET", url: base + "/qs/accounts/"},
		{name: "POST JSON body", method: "POST", url: base + "/accounts/123456789012/namespaces/default/users",
			body: registerBody, headers: map[string]string{"Content-Type": "application/json"}},
		{name: "PUT JSON body", method: "PUT", url: base + "/accounts/123456789012/namespaces/default/users/bob%20name",
			body: []byte(`{"Email":"b@example.com","Role":"AUTHOR"}`), headers: map[string]string{"Content-Type": "application/json"}},
		{name: "DELETE", method: "DELETE", url: base + "/accounts/123456789012/namespaces/default/users/bob"},
		{name: "session token", method: "GET", url: base + "/accounts/123456789012/namespaces/default/users/bob", creds: true},
		{name: "session token with body", method: "POST", url: base + "/accounts/123456789012/namespaces/default/users",
			body: registerBody, creds: true, headers: map[string]string{"Content-Type": "application/json"}},
		{
			name: "signed headers with odd spacing and repeated values", method: "GET", url: base + "/users",
			headers: map[string]string{"X-Request-Id": "  a   b  c ", "Accept": "application/json"},
			multi:   []string{"one", " two  three "},
		},
		{
			name: "x-amz-content-sha256 header (JavaScript SDK style)", method: "POST", url: base + "/users",
			body: registerBody, headers: map[string]string{"Content-Type": "application/json", "X-Amz-Content-Sha256": sha256Hex(registerBody)},
		},
		{name: "Go SDK style signed headers", method: "GET", url: base + "/accounts/123456789012/namespaces/default/users/bob",
			headers: map[string]string{"Amz-Sdk-Invocation-Id": "0f9d2d1c-8d6a-4d4c-9d1e-7ad3d8e1c6b0", "Amz-Sdk-Request": "attempt=1; max=3"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := newRequest(t, tc.method, tc.url, tc.body)
			for k, v := range tc.headers {
				r.Header.Set(k, v)
			}
			if tc.multi != nil {
				r.Header["X-Multi"] = tc.multi
			}
			creds := longTermCreds
			if tc.creds {
				creds = tempCreds
			}
			signHeader(t, r, tc.body, creds, "quicksight", testRegion, testTime)
			if tc.mutate != nil {
				tc.mutate(r)
			}
			sr := toWire(t, r)
			res, err := testVerifier(testTime).Verify(sr)
			if err != nil {
				t.Fatalf("Verify: %v\nwire request: %s %s %v", err, sr.Method, sr.RequestURI, sr.Header)
			}
			if res.AccessKeyID != creds.AccessKeyID || res.Region != testRegion || res.Presigned {
				t.Errorf("result = %+v", res)
			}
			if tc.body != nil {
				got, err := io.ReadAll(sr.Body)
				if err != nil || string(got) != string(tc.body) {
					t.Errorf("body after Verify = %q, %v; want %q", got, err, tc.body)
				}
				if err := sr.Body.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			}
		})
	}
}

// TestOracleChunkedBody covers a body of unknown length, which arrives
// with Transfer-Encoding: chunked and ContentLength -1.
func TestOracleChunkedBody(t *testing.T) {
	body := []byte(`{"Name":"chunked"}`)
	r := newRequest(t, "POST", "http://"+testHost+"/users", nil)
	r.Body = io.NopCloser(strings.NewReader(string(body))) // unknown length
	r.ContentLength = 0
	signHeader(t, r, body, longTermCreds, "quicksight", testRegion, testTime)
	sr := toWire(t, r)
	if sr.ContentLength != -1 || len(sr.TransferEncoding) == 0 {
		t.Fatalf("fixture is not chunked: ContentLength=%d TransferEncoding=%v", sr.ContentLength, sr.TransferEncoding)
	}
	if _, err := testVerifier(testTime).Verify(sr); err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(sr.Body)
	if string(got) != string(body) {
		t.Errorf("body after Verify = %q", got)
	}
}

// TestOraclePresigned presigns with the SDK's PresignHTTP.
func TestOraclePresigned(t *testing.T) {
	tests := []struct {
		name        string
		url         string
		creds       bool
		payloadHash string
		query       string // extra query set before presigning
	}{
		{name: "GET", url: "/accounts/123456789012/namespaces/default/users/bob%20name%2Fx%2By"},
		{name: "GET with query", url: "/accounts/123456789012/session-embed-url?entry-point=%2Fstart&session-lifetime=600&user-arn=arn%3Aaws%3Aquicksight%3Aus-east-1%3A123456789012%3Auser%2Fdefault%2Fa%20b"},
		{name: "base path", url: "/qs/accounts/123456789012/namespaces/default/users/alice"},
		{name: "session token", url: "/accounts/123456789012/namespaces/default/users/alice", creds: true},
		{name: "UNSIGNED-PAYLOAD declared in query", url: "/accounts/123456789012/namespaces/default/users/alice",
			payloadHash: unsignedPayload, query: "X-Amz-Content-Sha256=UNSIGNED-PAYLOAD"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := newRequest(t, "GET", "http://"+testHost+tc.url, nil)
			if tc.query != "" {
				if r.URL.RawQuery != "" {
					r.URL.RawQuery += "&"
				}
				r.URL.RawQuery += tc.query
			}
			creds := longTermCreds
			if tc.creds {
				creds = tempCreds
			}
			ph := tc.payloadHash
			if ph == "" {
				ph = emptySHA256
			}
			sr := toWire(t, presign(t, r, ph, creds, testRegion, testTime, "900"))
			if sr.Header.Get("Authorization") != "" {
				t.Fatal("presigned request carries an Authorization header")
			}
			res, err := testVerifier(testTime.Add(10 * time.Minute)).Verify(sr)
			if err != nil {
				t.Fatalf("Verify: %v\n%s", err, sr.RequestURI)
			}
			if !res.Presigned || res.AccessKeyID != creds.AccessKeyID || res.Region != testRegion {
				t.Errorf("result = %+v", res)
			}
			// The parameters may arrive in any order.
			q := sr.URL.Query()
			sr.URL.RawQuery = reverseQuery(q)
			if _, err := testVerifier(testTime).Verify(sr); err != nil {
				t.Errorf("Verify with reordered query: %v", err)
			}
		})
	}
}

func reverseQuery(q url.Values) string {
	var parts []string
	for k, vs := range q {
		for _, v := range vs {
			parts = append([]string{url.QueryEscape(k) + "=" + url.QueryEscape(v)}, parts...)
		}
	}
	return strings.Join(parts, "&")
}
