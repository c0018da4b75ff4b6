package e2e

// SigV4 authentication failures, with raw requests signed by the SDK's own
// signer: each must be its AWS error name, 403, a JSON body with Message.

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

const (
	msgMissingToken     = "Missing Authentication Token"
	msgInvalidToken     = "The security token included in the request is invalid."
	msgSignatureInvalid = "The request signature we calculated does not match the signature you provided. " +
		"Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
)

// settingsPath is a cheap read that the bootstrap admin may always do.
const settingsPath = "/accounts/" + accountID + "/settings"

func TestAuthFailures(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	ts.newRole(t, accountID, "viewer", fullAccess)
	session := ts.assumeRole(t, accountID, "viewer", "s1")
	cpPath := "/accounts/" + accountID + "/custom-permissions"

	cases := []struct {
		name    string
		req     func(t *testing.T) *http.Request
		code    string
		message string // exact, or a part when partial
		partial bool
	}{
		{"no authorization", func(t *testing.T) *http.Request {
			return ts.newRequest(t, http.MethodGet, settingsPath, "")
		}, "MissingAuthenticationTokenException", msgMissingToken, false},
		{"garbage authorization header", func(t *testing.T) *http.Request {
			req := ts.newRequest(t, http.MethodGet, settingsPath, "")
			req.Header.Set("Authorization", "garbage")
			req.Header.Set("X-Amz-Date", time.Now().UTC().Format("20060102T150405Z"))
			return req
		}, "IncompleteSignatureException", "AWS4-HMAC-SHA256", true},
		{"signature field missing", func(t *testing.T) *http.Request {
			req := ts.signed(t, ts.Admin, http.MethodGet, settingsPath, "")
			a := req.Header.Get("Authorization")
			req.Header.Set("Authorization", a[:strings.Index(a, ", Signature=")])
			return req
		}, "IncompleteSignatureException", "'Signature'", true},
		{"unknown access key", func(t *testing.T) *http.Request {
			return ts.signed(t, &sg.AccessKey{AccessKeyID: "AKIAUNKNOWNUNKNOWN00", SecretAccessKey: ts.Admin.SecretAccessKey}, http.MethodGet, settingsPath, "")
		}, "UnrecognizedClientException", msgInvalidToken, false},
		{"wrong secret", func(t *testing.T) *http.Request {
			return ts.signed(t, &sg.AccessKey{AccessKeyID: ts.Admin.AccessKeyID, SecretAccessKey: "not-the-secret"}, http.MethodGet, settingsPath, "")
		}, "InvalidSignatureException", msgSignatureInvalid, false},
		{"tampered body", func(t *testing.T) *http.Request {
			req := ts.signed(t, ts.Admin, http.MethodPost, cpPath, `{"CustomPermissionsName":"aaa"}`)
			tampered := `{"CustomPermissionsName":"bbb"}`
			req.Body = readCloser(tampered)
			return req
		}, "InvalidSignatureException", msgSignatureInvalid, false},
		{"tampered body with x-amz-content-sha256", func(t *testing.T) *http.Request {
			body := `{"CustomPermissionsName":"aaa"}`
			req := ts.newRequest(t, http.MethodPost, cpPath, body)
			req.Header.Set("X-Amz-Content-Sha256", payloadHash(body))
			sign(t, req, ts.Admin, body, "quicksight", region, ts.now())
			req.Body = readCloser(`{"CustomPermissionsName":"ccc"}`)
			return req
		}, "InvalidSignatureException", "The provided 'x-amz-content-sha256' header does not match what was computed.", false},
		{"tampered query", func(t *testing.T) *http.Request {
			req := ts.signed(t, ts.Admin, http.MethodGet, "/accounts/"+accountID+"/namespaces/default/users?max-results=5", "")
			req.URL.RawQuery = "max-results=6"
			return req
		}, "InvalidSignatureException", msgSignatureInvalid, false},
		{"tampered path", func(t *testing.T) *http.Request {
			req := ts.signed(t, ts.Admin, http.MethodGet, "/accounts/"+accountID+"/namespaces/default/users/admin", "")
			req.URL.Path, req.URL.RawPath = "/accounts/"+accountID+"/namespaces/default/users/other", ""
			return req
		}, "InvalidSignatureException", msgSignatureInvalid, false},
		{"signed for s3", func(t *testing.T) *http.Request {
			req := ts.newRequest(t, http.MethodGet, settingsPath, "")
			sign(t, req, ts.Admin, "", "s3", region, ts.now())
			return req
		}, "InvalidSignatureException", "Credential should be scoped to correct service: 'quicksight'.", false},
		{"role session without its token", func(t *testing.T) *http.Request {
			k := *session
			k.SessionToken = ""
			return ts.signed(t, &k, http.MethodGet, settingsPath, "")
		}, "UnrecognizedClientException", msgInvalidToken, false},
		{"role session with a wrong token", func(t *testing.T) *http.Request {
			k := *session
			k.SessionToken = "AAAA" + k.SessionToken[4:]
			return ts.signed(t, &k, http.MethodGet, settingsPath, "")
		}, "UnrecognizedClientException", msgInvalidToken, false},
		{"long-term key with a session token", func(t *testing.T) *http.Request {
			k := *ts.Admin
			k.SessionToken = session.SessionToken
			return ts.signed(t, &k, http.MethodGet, settingsPath, "")
		}, "UnrecognizedClientException", msgInvalidToken, false},
		{"presigned and header-signed at once", func(t *testing.T) *http.Request {
			u := ts.presign(t, ts.Admin, settingsPath, ts.now(), 5*time.Minute)
			req := ts.newRequest(t, http.MethodGet, strings.TrimPrefix(u, ts.URL), "")
			sign(t, req, ts.Admin, "", "quicksight", region, ts.now())
			return req
		}, "IncompleteSignatureException", "Only one auth mechanism allowed", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			msg := send(t, tc.req(t)).wantError(t, tc.code, http.StatusForbidden)
			if tc.partial && !strings.Contains(msg, tc.message) || !tc.partial && msg != tc.message {
				t.Errorf("message:\n got %q\nwant %q", msg, tc.message)
			}
		})
	}

	// A revoked key stops working at once.
	revoked := ts.newIAMUser(t, accountID, "leaver", fullAccess)
	send(t, ts.signed(t, revoked, http.MethodGet, settingsPath, "")).wantOK(t, 200)
	must(t, ts.App.DeleteAccessKey(t.Context(), revoked.AccessKeyID))
	if msg := send(t, ts.signed(t, revoked, http.MethodGet, settingsPath, "")).wantError(t, "UnrecognizedClientException", 403); msg != msgInvalidToken {
		t.Errorf("revoked key: message %q", msg)
	}

	// Nothing the tampered requests asked for happened.
	for _, name := range []string{"aaa", "bbb", "ccc"} {
		send(t, ts.signed(t, ts.Admin, http.MethodGet, cpPath+"/"+name, "")).wantError(t, "ResourceNotFoundException", 404)
	}
	// The same requests, untampered, are accepted.
	send(t, ts.signed(t, ts.Admin, http.MethodGet, settingsPath, "")).wantOK(t, 200)
	send(t, ts.signed(t, session, http.MethodGet, settingsPath, "")).wantOK(t, 200)
	send(t, ts.signed(t, ts.Admin, http.MethodPost, cpPath, `{"CustomPermissionsName":"aaa"}`)).wantOK(t, 200)
}

// readCloser is a request body.
func readCloser(s string) io.ReadCloser { return io.NopCloser(strings.NewReader(s)) }

// TestClockSkew moves the server clock around one signing time: 15
// minutes of skew either way are allowed.
func TestClockSkew(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ts := startServer(t, withClock(clk))
	at := clk.Now()
	for _, tc := range []struct {
		name   string
		offset time.Duration
		want   string // "" = accepted
	}{
		{"server 14 min ahead", 14 * time.Minute, ""},
		{"server 14 min behind", -14 * time.Minute, ""},
		{"server 16 min ahead", 16 * time.Minute, "Signature expired: "},
		{"server 16 min behind", -16 * time.Minute, "Signature not yet current: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clk.Set(at.Add(tc.offset))
			req := ts.newRequest(t, http.MethodGet, settingsPath, "")
			sign(t, req, ts.Admin, "", "quicksight", region, at)
			resp := send(t, req)
			if tc.want == "" {
				resp.wantOK(t, 200)
				return
			}
			if msg := resp.wantError(t, "InvalidSignatureException", 403); !strings.HasPrefix(msg, tc.want) {
				t.Errorf("message %q does not start with %q", msg, tc.want)
			}
		})
	}
}

// TestPresignedURL signs a GET in the query string, and lets it expire
// by moving the server clock.
func TestPresignedURL(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ts := startServer(t, withClock(clk))
	ts.newRole(t, accountID, "viewer", fullAccess)
	session := ts.assumeRole(t, accountID, "viewer", "s1")

	u := ts.presign(t, ts.Admin, settingsPath, clk.Now(), 5*time.Minute)
	if !strings.Contains(u, "X-Amz-Signature=") {
		t.Fatalf("not a presigned URL: %s", u)
	}
	resp := get(t, u)
	resp.wantOK(t, 200)
	if s, _ := resp.JSON["AccountSettings"].(map[string]any); s["AccountName"] != "sightglass-"+accountID {
		t.Errorf("presigned DescribeAccountSettings body: %s", resp.Body)
	}
	// A label with an encoded '/' and a query member, presigned.
	get(t, ts.presign(t, ts.Admin, "/accounts/"+accountID+"/namespaces/default/users?max-results=1", clk.Now(), 5*time.Minute)).wantOK(t, 200)
	// Role-session credentials carry their token in the query.
	sessionURL := ts.presign(t, session, settingsPath, clk.Now(), 5*time.Minute)
	if !strings.Contains(sessionURL, "X-Amz-Security-Token=") {
		t.Fatalf("presigned session URL without a token: %s", sessionURL)
	}
	get(t, sessionURL).wantOK(t, 200)

	// Tampering with a presigned URL's query breaks it.
	get(t, strings.Replace(u, "X-Amz-Expires=300", "X-Amz-Expires=600", 1)).wantError(t, "InvalidSignatureException", 403)

	clk.Advance(5*time.Minute + time.Second)
	msg := get(t, u).wantError(t, "InvalidSignatureException", 403)
	if !strings.HasPrefix(msg, "Signature expired: ") {
		t.Errorf("expired presigned URL message = %q", msg)
	}
}

// TestExpiredRoleSession lets a role session's credentials expire by
// moving the server clock past their 15 minutes.
func TestExpiredRoleSession(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ts := startServer(t, withClock(clk))
	ts.newRole(t, accountID, "viewer", fullAccess)
	session := ts.assumeRole(t, accountID, "viewer", "s1")

	send(t, ts.signed(t, session, http.MethodGet, settingsPath, "")).wantOK(t, 200)
	clk.Advance(14 * time.Minute)
	send(t, ts.signed(t, session, http.MethodGet, settingsPath, "")).wantOK(t, 200)
	clk.Advance(2 * time.Minute)
	// Signed at the server's time, so only the credentials are stale.
	msg := send(t, ts.signed(t, session, http.MethodGet, settingsPath, "")).wantError(t, "ExpiredTokenException", 403)
	if msg != "The security token included in the request is expired" {
		t.Errorf("message = %q", msg)
	}
	// Long-term keys do not expire.
	send(t, ts.signed(t, ts.Admin, http.MethodGet, settingsPath, "")).wantOK(t, 200)
}
