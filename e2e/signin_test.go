package e2e

import (
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

var (
	reCSRFCookie = regexp.MustCompile(`^sg_csrf=([A-Za-z0-9_-]{43}); Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Strict$`)
	reCSRFField  = regexp.MustCompile(`<input type="hidden" name="csrf" value="([^"]*)">`)
)

// formPage GETs a sign-in or invitation page and returns it with the CSRF
// token its cookie and hidden field carry (which must agree).
func (ts *testServer) formPage(t testing.TB, u string) (*page, string) {
	t.Helper()
	p := ts.open(t, u)
	p.wantHTML(t, http.StatusOK)
	cookies := p.Header.Values("Set-Cookie")
	if len(cookies) != 1 {
		t.Fatalf("form page sets %d cookies, want the CSRF cookie: %q", len(cookies), cookies)
	}
	m := reCSRFCookie.FindStringSubmatch(cookies[0])
	f := reCSRFField.FindStringSubmatch(p.Body)
	if m == nil || f == nil || m[1] != f[1] {
		t.Fatalf("CSRF cookie %q and field %v do not agree:\n%s", cookies[0], f, p.Body)
	}
	return p, m[1]
}

// postForm posts a form with the CSRF cookie (if any) the way a browser
// does, and an optional session cookie. Redirects are not followed.
func (ts *testServer) postForm(t testing.TB, u, csrfCookie string, form url.Values) *page {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, u, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if csrfCookie != "" {
		req.Header.Set("Cookie", "sg_csrf="+csrfCookie)
	}
	c := &http.Client{
		Transport:     ts.httpClient.Transport,
		Timeout:       10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return &page{Status: resp.StatusCode, Header: resp.Header, Body: string(b)}
}

// TestQuickSightUserSignIn: a QUICKSIGHT identity user gets an invitation
// link from RegisterUser, sets a password there once (CSRF-protected), is
// then active, signs in to the console directly, signs out, and is locked
// out after repeated wrong passwords. Nothing secret reaches the log.
func TestQuickSightUserSignIn(t *testing.T) {
	t.Parallel()
	quickSightUserSignIn(t)
}

// TestQuickSightUserSignInPostgres is the same on PostgreSQL.
func TestQuickSightUserSignInPostgres(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	quickSightUserSignIn(t, withPostgres(freshDatabase(t, dsn)))
}

func quickSightUserSignIn(t *testing.T, opts ...option) {
	var logs lockedBuffer
	clk := newClock()
	ts := startServer(t, append(opts, withClock(clk), withLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))...)
	ts.createDashboard(t, "sales", "Sales", "carol")
	c := ts.adminClient()
	ctx := t.Context()
	const password = "correct horse battery staple"

	reg, err := c.RegisterUser(ctx, &quicksight.RegisterUserInput{
		AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), IdentityType: types.IdentityTypeQuicksight,
		UserName: aws.String("carol"), Email: aws.String("carol@example.com"), UserRole: types.UserRoleReader,
	})
	must(t, err)
	invite := aws.ToString(reg.UserInvitationUrl)
	token, ok := strings.CutPrefix(invite, ts.URL+"/invitation/")
	if !ok || len(token) != 43 {
		t.Fatalf("UserInvitationUrl = %q, want %s/invitation/<43 base64url>", invite, ts.URL)
	}
	if reg.User.Active {
		t.Fatal("RegisterUser: a QUICKSIGHT user is active before accepting the invitation")
	}
	wantEqual(t, "Active before the invitation", describeUser(t, c, "carol").Active, false)
	iam, err := c.RegisterUser(ctx, &quicksight.RegisterUserInput{
		AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), IdentityType: types.IdentityTypeIam,
		IamArn: aws.String("arn:aws:iam::" + accountID + ":user/admin-bis"), Email: aws.String("x@example.com"), UserRole: types.UserRoleReader,
	})
	if err == nil && iam.UserInvitationUrl != nil {
		t.Fatalf("an IAM user got an invitation URL %q", aws.ToString(iam.UserInvitationUrl))
	}

	// The invitation page, and its form's checks.
	p, csrf := ts.formPage(t, invite)
	if !strings.Contains(p.Body, "carol@example.com") || p.frameAncestors() != "frame-ancestors 'none'" {
		t.Fatalf("invitation page:\n%s\nCSP %q", p.Body, p.Header.Get("Content-Security-Policy"))
	}
	ts.postForm(t, invite, "", url.Values{"csrf": {csrf}, "password": {password}, "confirm": {password}}).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	ts.postForm(t, invite, csrf, url.Values{"csrf": {"forged"}, "password": {password}, "confirm": {password}}).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	short := ts.postForm(t, invite, csrf, url.Values{"csrf": {csrf}, "password": {"short"}, "confirm": {"short"}})
	if short.Status != http.StatusBadRequest || !strings.Contains(short.Body, "The password must have at least 12 characters.") {
		t.Fatalf("short password: %d\n%s", short.Status, short.Body)
	}
	mismatch := ts.postForm(t, invite, csrf, url.Values{"csrf": {csrf}, "password": {password}, "confirm": {password + "!"}})
	if mismatch.Status != http.StatusBadRequest || !strings.Contains(mismatch.Body, "The passwords don&#39;t match.") {
		t.Fatalf("mismatched confirmation: %d\n%s", mismatch.Status, mismatch.Body)
	}
	done := ts.postForm(t, invite, csrf, url.Values{"csrf": {csrf}, "password": {password}, "confirm": {password}})
	if done.Status != http.StatusOK || !strings.Contains(done.Body, "Your password is set") {
		t.Fatalf("accepting the invitation: %d\n%s", done.Status, done.Body)
	}
	wantEqual(t, "Active after the invitation", describeUser(t, c, "carol").Active, true)

	// The link works once.
	ts.open(t, invite).wantErrorPage(t, http.StatusGone, "Gone")
	ts.postForm(t, invite, csrf, url.Values{"csrf": {csrf}, "password": {"another password!"}, "confirm": {"another password!"}}).wantErrorPage(t, http.StatusGone, "Gone")
	ts.open(t, ts.URL+"/invitation/not-a-token").wantErrorPage(t, http.StatusGone, "Gone")

	// Sign in: a console session at the start page.
	_, csrf = ts.formPage(t, ts.URL+"/login")
	login := func(account, user, pw string) *page {
		return ts.postForm(t, ts.URL+"/login", csrf, url.Values{"csrf": {csrf}, "account": {account}, "username": {user}, "password": {pw}})
	}
	ts.postForm(t, ts.URL+"/login", "", url.Values{"account": {accountID}, "username": {"carol"}, "password": {password}}).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	in := login(accountID, "carol", password)
	if in.Status != http.StatusSeeOther {
		t.Fatalf("sign-in: %d\n%s", in.Status, in.Body)
	}
	m := reSessionCookie.FindStringSubmatch(in.Header.Get("Set-Cookie"))
	if m == nil || in.Header.Get("Location") != "/embedding/"+m[2]+"/start" {
		t.Fatalf("sign-in: Set-Cookie %q, Location %q", in.Header.Get("Set-Cookie"), in.Header.Get("Location"))
	}
	session, sid := m[1], m[2]
	start := ts.browse(t, http.MethodGet, ts.URL+"/embedding/"+sid+"/start", session, "")
	start.wantConsole(t, "START", session)
	if !strings.Contains(start.Body, "Sales") || !strings.Contains(start.Body, ">Sign out</button>") {
		t.Fatalf("start page after sign-in lacks the shared dashboard or Sign out:\n%s", start.Body)
	}
	ts.browse(t, http.MethodGet, ts.URL+"/embedding/"+sid+"/start/dashboards", session, "").wantConsole(t, "START", session)

	// Sign out needs the token itself, not only the cookie.
	ts.browse(t, http.MethodPost, ts.URL+"/embedding/"+sid+"/signout", session, "").wantErrorPage(t, http.StatusForbidden, "Forbidden")
	out := ts.browse(t, http.MethodPost, ts.URL+"/embedding/"+sid+"/signout", "", session)
	if out.Status != http.StatusSeeOther || out.Header.Get("Location") != "/login" {
		t.Fatalf("sign-out: %d %q", out.Status, out.Header.Get("Location"))
	}
	ts.browse(t, http.MethodGet, ts.URL+"/embedding/"+sid+"/start", session, "").wantErrorPage(t, http.StatusUnauthorized, "Unauthorized")

	// Failures look alike, whatever was wrong.
	const refused = "The account ID, user name or password is incorrect."
	for _, try := range [][3]string{{accountID, "carol", "wrong password!!"}, {accountID, "nobody", password}, {"999999999999", "carol", password}, {accountID, "admin", password}} {
		p := login(try[0], try[1], try[2])
		if p.Status != http.StatusUnauthorized || !strings.Contains(p.Body, refused) || len(p.Header.Values("Set-Cookie")) > 1 {
			t.Fatalf("sign-in %v: %d\n%s", try, p.Status, p.Body)
		}
	}
	// Wrong passwords lock the user name (the first try above counts).
	for range 4 {
		if p := login(accountID, "carol", "wrong password!!"); p.Status != http.StatusUnauthorized {
			t.Fatalf("wrong password: %d", p.Status)
		}
	}
	locked := login(accountID, "carol", password)
	if locked.Status != http.StatusTooManyRequests || !strings.Contains(locked.Body, "Too many failed sign-ins for this user name.") {
		t.Fatalf("locked sign-in: %d\n%s", locked.Status, locked.Body)
	}
	clk.Advance(16 * time.Minute)
	if p := login(accountID, "carol", password); p.Status != http.StatusSeeOther {
		t.Fatalf("sign-in after the lockout: %d\n%s", p.Status, p.Body)
	}

	ts.Stop()
	logged := logs.String()
	for _, want := range []string{"invitation accepted", "console sign-in refused", "console sign-in"} {
		if !strings.Contains(logged, want) {
			t.Errorf("log lacks %q", want)
		}
	}
	for _, secret := range []string{password, token, token[:16], session, session[:16], csrf} {
		if strings.Contains(logged, secret) {
			t.Errorf("log contains a secret %q", secret)
		}
	}
}
