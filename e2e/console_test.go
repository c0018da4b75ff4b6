package e2e

// Helpers for the embedded console: minting sign-on URLs through the SDK's
// GetSessionEmbedUrl and opening them with a plain HTTP client, as the
// embedding SDK's iframe would. Redirects are not followed, and cookies are
// handled by hand: the session cookie is Secure, which Go's cookie jar
// does not send over http.

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"

	sg "github.com/sightglass/sightglass"
)

// reEmbedURL is the exact shape of a console sign-on URL: base, 32-hex
// session id, entry point, and a 43-character base64url code.
var reEmbedURL = regexp.MustCompile(`^(https?://[^/?]+)/embedding/([0-9a-f]{32})(/[^?]*)\?code=([A-Za-z0-9_-]{43})&identityprovider=quicksight&isauthcode=true$`)

// reSDKConsole is the embedding SDK 2.11.3's embedConsole URL check
// (case-insensitive), with http allowed as well as https.
var reSDKConsole = regexp.MustCompile(`(?i)^https?://[^/]+/embedding/[^/]+/(start(/(favorites|dashboards|analyses))?|dashboards/[\w-]+(/views/[\w-]+)?|analyses/[\w-]+)(\?|$)`)

// embedURL is a minted sign-on URL and its parts.
type embedURL struct {
	Raw   string
	Base  string // scheme://host:port
	Sid   string
	Entry string
	Code  string
}

// url rebuilds a sign-on URL on the same base with other parts.
func (u embedURL) url(sid, entry, code string) string {
	return u.Base + "/embedding/" + sid + entry + "?code=" + code + "&identityprovider=quicksight&isauthcode=true"
}

// page returns the URL of a console page of u's session (no code).
func (u embedURL) page(entry string) string { return u.Base + "/embedding/" + u.Sid + entry }

// parseEmbedURL checks that raw is a sign-on URL of the server for entry,
// accepted by the embedding SDK, and returns its parts.
func (ts *testServer) parseEmbedURL(t testing.TB, raw, entry string) embedURL {
	t.Helper()
	m := reEmbedURL.FindStringSubmatch(raw)
	if m == nil {
		t.Fatalf("EmbedUrl %q does not have the shape {base}/embedding/{32 hex}{entry}?code={43 base64url}&identityprovider=quicksight&isauthcode=true", raw)
	}
	if m[1] != ts.URL || m[3] != entry {
		t.Fatalf("EmbedUrl %q: base %q entry %q, want %q and %q", raw, m[1], m[3], ts.URL, entry)
	}
	if !reSDKConsole.MatchString(raw) {
		t.Fatalf("EmbedUrl %q does not pass the embedding SDK's console URL check", raw)
	}
	return embedURL{Raw: raw, Base: m[1], Sid: m[2], Entry: m[3], Code: m[4]}
}

// embedInput is GetSessionEmbedUrl's input for a user of the default
// account; entry "" and lifetime 0 leave those members out.
func embedInput(user, entry string, lifetime int64) *quicksight.GetSessionEmbedUrlInput {
	in := &quicksight.GetSessionEmbedUrlInput{AwsAccountId: aws.String(accountID)}
	if user != "" {
		in.UserArn = aws.String(userARN(accountID, user))
	}
	if entry != "" {
		in.EntryPoint = aws.String(entry)
	}
	if lifetime != 0 {
		in.SessionLifetimeInMinutes = aws.Int64(lifetime)
	}
	return in
}

// embedCall is a GetSessionEmbedUrl error-table call.
func embedCall(in *quicksight.GetSessionEmbedUrlInput) func(context.Context, *quicksight.Client) error {
	return func(ctx context.Context, c *quicksight.Client) error {
		_, err := c.GetSessionEmbedUrl(ctx, in)
		return err
	}
}

// mintWith calls GetSessionEmbedUrl with c and checks the URL's shape for
// entry (the entry point it must open).
func (ts *testServer) mintWith(t testing.TB, c *quicksight.Client, in *quicksight.GetSessionEmbedUrlInput, entry string) embedURL {
	t.Helper()
	out, err := c.GetSessionEmbedUrl(t.Context(), in)
	if err != nil {
		t.Fatalf("GetSessionEmbedUrl: %v", err)
	}
	if out.Status != 200 || aws.ToString(out.RequestId) == "" {
		t.Errorf("GetSessionEmbedUrl Status = %d, RequestId = %q", out.Status, aws.ToString(out.RequestId))
	}
	return ts.parseEmbedURL(t, aws.ToString(out.EmbedUrl), entry)
}

// mint signs user into the console at entry ("" for the default /start)
// with the default session lifetime, through the admin's client.
func (ts *testServer) mint(t testing.TB, user, entry string) embedURL {
	t.Helper()
	want := entry
	if want == "" {
		want = "/start"
	}
	return ts.mintWith(t, ts.adminClient(), embedInput(user, entry, 0), want)
}

// page is a console response read in full.
type page struct {
	Status int
	Header http.Header
	Body   string
}

// browse performs a console request the way the console frame does: the
// session token, if any, goes in the sg_session cookie and/or the
// X-Sightglass-Session header. Redirects are not followed.
func (ts *testServer) browse(t testing.TB, method, url, cookie, header string) *page {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cookie != "" {
		req.Header.Set("Cookie", "sg_session="+cookie)
	}
	if header != "" {
		req.Header.Set("X-Sightglass-Session", header)
	}
	c := &http.Client{
		Transport:     ts.httpClient.Transport,
		Timeout:       ts.httpClient.Timeout, // a hang guard, as the harness's
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading %s: %v", url, err)
	}
	return &page{Status: resp.StatusCode, Header: resp.Header, Body: string(b)}
}

// open GETs a URL without any session.
func (ts *testServer) open(t testing.TB, url string) *page {
	t.Helper()
	return ts.browse(t, http.MethodGet, url, "", "")
}

// withToken GETs a console page presenting the token in the header only
// (a browser that blocks third-party cookies).
func (ts *testServer) withToken(t testing.TB, url, token string) *page {
	t.Helper()
	return ts.browse(t, http.MethodGet, url, "", token)
}

var reMetaToken = regexp.MustCompile(`<meta name="sg-session" content="([^"]*)">`)

// metaToken returns the session token the page hands its script, or "".
func (p *page) metaToken() string {
	if m := reMetaToken.FindStringSubmatch(p.Body); m != nil {
		return m[1]
	}
	return ""
}

// frameAncestors returns the frame-ancestors directive of the page's CSP.
func (p *page) frameAncestors() string {
	for d := range strings.SplitSeq(p.Header.Get("Content-Security-Policy"), ";") {
		if d = strings.TrimSpace(d); strings.HasPrefix(d, "frame-ancestors") {
			return d
		}
	}
	return ""
}

// bootstrapFrameAncestors is the CSP directive of the bootstrap account's
// allow-list.
const bootstrapFrameAncestors = "frame-ancestors http://localhost:* https://localhost:* http://127.0.0.1:* https://127.0.0.1:*"

// wantHTML checks the status and the headers of every console page.
func (p *page) wantHTML(t testing.TB, status int) {
	t.Helper()
	if p.Status != status {
		t.Fatalf("status %d, want %d; body:\n%s", p.Status, status, p.Body)
	}
	for name, want := range map[string]string{
		"Content-Type":           "text/html; charset=utf-8",
		"Cache-Control":          "no-store",
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "no-referrer",
	} {
		if got := p.Header.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if p.frameAncestors() == "" {
		t.Errorf("no CSP frame-ancestors: %q", p.Header.Get("Content-Security-Policy"))
	}
}

// wantConsole checks a console page of a signed-in user: 200, the page
// type, and the token handed to the page's script.
func (p *page) wantConsole(t testing.TB, pageType, token string) {
	t.Helper()
	p.wantHTML(t, http.StatusOK)
	if !strings.Contains(p.Body, `data-page-type="`+pageType+`"`) {
		t.Errorf("page type is not %s:\n%s", pageType, p.Body)
	}
	if got := p.metaToken(); got != token {
		t.Errorf("sg-session meta = %q, want %q", got, token)
	}
	if strings.Contains(p.Body, "data-error-code") {
		t.Errorf("console page carries an error code:\n%s", p.Body)
	}
}

// wantErrorPage checks an error page: status, the errorCode the frame
// reports to the host (Forbidden, Unauthorized, …), no session handed out.
func (p *page) wantErrorPage(t testing.TB, status int, errorCode string) {
	t.Helper()
	p.wantHTML(t, status)
	if !strings.Contains(p.Body, `data-page-type="ERROR"`) || !strings.Contains(p.Body, `data-error-code="`+errorCode+`"`) {
		t.Errorf("not a %s error page:\n%s", errorCode, p.Body)
	}
	if !strings.Contains(p.Body, `<p class="status">`+strconv.Itoa(status)+`</p>`) {
		t.Errorf("error page does not show status %d:\n%s", status, p.Body)
	}
	if sc := p.Header.Values("Set-Cookie"); len(sc) != 0 {
		t.Errorf("error page sets cookies: %q", sc)
	}
	if tok := p.metaToken(); tok != "" {
		t.Errorf("error page hands out a session token %q", tok)
	}
}

// wantErrorMessage checks the message the error page shows (and reports).
func (p *page) wantErrorMessage(t testing.TB, message string) {
	t.Helper()
	if !strings.Contains(p.Body, `data-error-message="`+message+`"`) {
		t.Errorf("error page message is not %q:\n%s", message, p.Body)
	}
}

var reSessionCookie = regexp.MustCompile(`^sg_session=([A-Za-z0-9_-]{43}); Path=/embedding/([0-9a-f]{32})/; Max-Age=(\d+); Secure; HttpOnly; SameSite=None; Partitioned$`)

// signOn opens a sign-on URL and returns the session token, after checking
// the sign-on page: 200, one session cookie for the sid (with maxAge when
// it is not negative), the same token in the page's sg-session meta.
func (ts *testServer) signOn(t testing.TB, u embedURL, maxAge int) (string, *page) {
	t.Helper()
	p := ts.open(t, u.Raw)
	p.wantHTML(t, http.StatusOK)
	cookies := p.Header.Values("Set-Cookie")
	if len(cookies) != 1 {
		t.Fatalf("sign-on sets %d cookies, want 1: %q", len(cookies), cookies)
	}
	m := reSessionCookie.FindStringSubmatch(cookies[0])
	if m == nil || m[2] != u.Sid {
		t.Fatalf("Set-Cookie %q, want sg_session=<43 base64url>; Path=/embedding/%s/; Max-Age=…; Secure; HttpOnly; SameSite=None; Partitioned", cookies[0], u.Sid)
	}
	if maxAge >= 0 && m[3] != strconv.Itoa(maxAge) {
		t.Errorf("cookie Max-Age = %s, want %d", m[3], maxAge)
	}
	token := m[1]
	if token == u.Code {
		t.Fatal("the session token is the sign-on code")
	}
	if got := p.metaToken(); got != token {
		t.Fatalf("sg-session meta = %q, cookie token %q", got, token)
	}
	return token, p
}

// createDashboard stores a dashboard shared with the named users of the
// default account.
func (ts *testServer) createDashboard(t testing.TB, id, name string, sharedWith ...string) {
	t.Helper()
	now := ts.now()
	must(t, ts.Store.CreateDashboard(t.Context(), &sg.Dashboard{AccountID: accountID, ID: id, Name: name, Permissions: permissions(sharedWith, "quicksight:DescribeDashboard", "quicksight:QueryDashboard"), CreatedAt: now, UpdatedAt: now}))
}

// createAnalysis stores an analysis shared with the named users.
func (ts *testServer) createAnalysis(t testing.TB, id, name string, sharedWith ...string) {
	t.Helper()
	now := ts.now()
	must(t, ts.Store.CreateAnalysis(t.Context(), &sg.Analysis{AccountID: accountID, ID: id, Name: name, Permissions: permissions(sharedWith, "quicksight:DescribeAnalysis", "quicksight:UpdateAnalysis"), CreatedAt: now, UpdatedAt: now}))
}

func permissions(users []string, actions ...string) []sg.ResourcePermission {
	var perms []sg.ResourcePermission
	for _, u := range users {
		perms = append(perms, sg.ResourcePermission{Principal: userARN(accountID, u), Actions: actions})
	}
	return perms
}

// lockedBuffer is a bytes.Buffer safe for a logger and a test to share.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
