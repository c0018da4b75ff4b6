package e2e

// The embedded console's sign-on and sessions, opened with a plain HTTP
// client: single-use codes, the session cookie and header, expiry,
// revocation, readers, favorites, the embedding allow-list, the control
// frame, the failure limit, and logs free of secrets.

import (
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

const (
	signOnFailed   = "Embedding failed because of an invalid URL or authorization code. An embed URL works once, within 5 minutes of being generated."
	sessionEnded   = "The console session has expired or was ended."
	localhost3000  = "http%3A%2F%2Flocalhost%3A3000%2F-" // punycode("http://localhost:3000/"), URL-encoded
	evilOrigin     = "https%3A%2F%2Fevil.example%2F-"
	notAllowedHere = "The page embedding this console is not on the account&#39;s embedding-domain allow-list."
)

// TestSignOn redeems a code once: the first GET signs in, the second is
// refused.
func TestSignOn(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withClock(newClock()))
	ts.createDashboard(t, "sales", "Sales")
	u := ts.mint(t, "admin", "")

	token, p := ts.signOn(t, u, 600*60)
	p.wantConsole(t, "START", token)
	if got := p.frameAncestors(); got != bootstrapFrameAncestors {
		t.Errorf("CSP %q, want %q", got, bootstrapFrameAncestors)
	}
	for _, want := range []string{
		`<span class="user">admin</span> <span class="role role-ADMIN">ADMIN</span>`,
		`<a href="/embedding/` + u.Sid + `/dashboards/sales"><span class="name">Sales</span></a>`,
		`<a href="/embedding/` + u.Sid + `/start/analyses">Analyses</a>`,
	} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("sign-on page lacks %s:\n%s", want, p.Body)
		}
	}
	if strings.Contains(p.Body, "data-embed-origin") {
		t.Errorf("page names an embedding origin it was not given:\n%s", p.Body)
	}
	if len(token) != 43 || strings.Contains(p.Body, u.Code) {
		t.Errorf("token %q; code in the page: %v", token, strings.Contains(p.Body, u.Code))
	}

	// The same URL again, even with the session it opened: refused.
	again := ts.open(t, u.Raw)
	again.wantErrorPage(t, http.StatusForbidden, "Forbidden")
	again.wantErrorMessage(t, signOnFailed)
	ts.browse(t, http.MethodGet, u.Raw, token, token).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	// The session itself is fine.
	ts.browse(t, http.MethodGet, u.page("/start"), token, "").wantConsole(t, "START", token)

	// Not a console page, or not a sid.
	ts.open(t, u.page("/reports")).wantErrorPage(t, http.StatusNotFound, "NotFound")
	ts.open(t, u.Base+"/embedding/NOTHEX/start?code="+u.Code).wantErrorPage(t, http.StatusNotFound, "NotFound")
}

// TestSignOnBadCodes: tampered, malformed, misplaced and expired codes.
func TestSignOnBadCodes(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ts := startServer(t, withClock(clk))
	refused := func(t *testing.T, url string) {
		t.Helper()
		p := ts.open(t, url)
		p.wantErrorPage(t, http.StatusForbidden, "Forbidden")
		p.wantErrorMessage(t, signOnFailed)
	}

	t.Run("tampered", func(t *testing.T) {
		u := ts.mint(t, "admin", "")
		flipped := []byte(u.Code)
		flipped[10] = map[bool]byte{true: 'B', false: 'A'}[flipped[10] == 'A']
		refused(t, u.url(u.Sid, u.Entry, string(flipped)))
		for _, bad := range []string{"abc", u.Code + "A", u.Code[:42], strings.Replace(u.Code, u.Code[:1], "+", 1), u.Code[:42] + "=", strings.ToUpper(u.Code)} {
			if bad != u.Code {
				refused(t, u.url(u.Sid, u.Entry, bad))
			}
		}
		// None of these burned the real code.
		ts.signOn(t, u, -1)
	})
	t.Run("other sid", func(t *testing.T) {
		u, other := ts.mint(t, "admin", ""), ts.mint(t, "admin", "")
		refused(t, u.url(other.Sid, u.Entry, u.Code))
		refused(t, u.Raw) // burned by the wrong attempt
		ts.signOn(t, other, -1)
	})
	t.Run("other entry", func(t *testing.T) {
		u := ts.mint(t, "admin", "/start/dashboards")
		refused(t, u.url(u.Sid, "/start", u.Code))
		refused(t, u.Raw)
	})
	t.Run("expiry", func(t *testing.T) {
		t0 := clk.Now()
		late, exact := ts.mint(t, "admin", ""), ts.mint(t, "admin", "")
		clk.Set(t0.Add(5 * time.Minute))
		refused(t, exact.Raw)
		clk.Set(t0.Add(5*time.Minute + time.Second))
		refused(t, late.Raw)

		clk.Set(t0)
		onTime := ts.mint(t, "admin", "")
		clk.Set(t0.Add(4*time.Minute + 59*time.Second))
		ts.signOn(t, onTime, 600*60)
		clk.Set(t0)
	})
}

// TestConsoleSession: the session opened by a code, presented by cookie
// or header, for its own sid, until it expires.
func TestConsoleSession(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ts := startServer(t, withClock(clk))
	ts.createDashboard(t, "sales", "Sales")
	u := ts.mintWith(t, ts.adminClient(), embedInput("admin", "", 15), "/start")
	other := ts.mint(t, "admin", "/start/dashboards")
	token, _ := ts.signOn(t, u, 15*60)
	otherToken, _ := ts.signOn(t, other, 600*60)
	dashboards := u.page("/start/dashboards")

	// The cookie, or only the header (third-party cookies blocked).
	p := ts.browse(t, http.MethodGet, dashboards, token, "")
	p.wantConsole(t, "START", token)
	if sc := p.Header.Values("Set-Cookie"); len(sc) != 0 {
		t.Errorf("a session request sets cookies: %q", sc)
	}
	if !strings.Contains(p.Body, `<a href="/embedding/`+u.Sid+`/start/dashboards" aria-current="page">Dashboards</a>`) {
		t.Errorf("dashboards tab not current:\n%s", p.Body)
	}
	ts.withToken(t, dashboards, token).wantConsole(t, "START", token)
	ts.withToken(t, u.page("/dashboards/sales"), token).wantConsole(t, "DASHBOARD", token)

	// Neither, a malformed or unknown token, another sid's token.
	unauthorized := func(p *page) {
		t.Helper()
		p.wantErrorPage(t, http.StatusUnauthorized, "Unauthorized")
		p.wantErrorMessage(t, sessionEnded)
	}
	unauthorized(ts.open(t, dashboards))
	unauthorized(ts.withToken(t, dashboards, "x"))
	unauthorized(ts.withToken(t, dashboards, strings.Repeat("A", 43)))
	unauthorized(ts.browse(t, http.MethodGet, dashboards, otherToken, ""))
	unauthorized(ts.withToken(t, dashboards, otherToken))
	unauthorized(ts.withToken(t, other.page("/start"), token))
	ts.withToken(t, other.page("/start"), otherToken).wantConsole(t, "START", otherToken)

	// A 15-minute session: alive at 14 minutes, over at 15.
	clk.Advance(14 * time.Minute)
	ts.withToken(t, dashboards, token).wantConsole(t, "START", token)
	clk.Advance(time.Minute)
	unauthorized(ts.withToken(t, dashboards, token))
	unauthorized(ts.browse(t, http.MethodGet, dashboards, token, ""))
	ts.withToken(t, other.page("/start"), otherToken).wantConsole(t, "START", otherToken)
}

// TestSessionRevocation: deleting a user, changing their role or
// deactivating them ends their sessions.
func TestSessionRevocation(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	open := func(name string) (embedURL, string) {
		t.Helper()
		u := ts.mint(t, name, "")
		token, _ := ts.signOn(t, u, -1)
		ts.withToken(t, u.page("/start"), token).wantConsole(t, "START", token)
		return u, token
	}
	ended := func(u embedURL, token string) {
		t.Helper()
		ts.withToken(t, u.page("/start"), token).wantErrorPage(t, http.StatusUnauthorized, "Unauthorized")
	}
	update := func(name, email string, role types.UserRole) {
		t.Helper()
		_, err := c.UpdateUser(ctx, &quicksight.UpdateUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String(name), Email: aws.String(email), Role: role})
		must(t, err)
	}
	for _, name := range []string{"ann", "ben", "cat", "dan"} {
		registerQuickSightUser(t, c, name, types.UserRoleAuthor)
	}

	t.Run("DeleteUser", func(t *testing.T) {
		u, token := open("ann")
		unredeemed := ts.mint(t, "ann", "")
		_, err := c.DeleteUser(ctx, &quicksight.DeleteUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("ann")})
		must(t, err)
		ended(u, token)
		ts.open(t, unredeemed.Raw).wantErrorPage(t, http.StatusForbidden, "Forbidden")
		_, err = c.GetSessionEmbedUrl(ctx, embedInput("ann", "", 0))
		wantError(t, err, "QuickSightUserNotFoundException", 404)
	})
	t.Run("DeleteUserByPrincipalId", func(t *testing.T) {
		registerQuickSightUser(t, c, "eve", types.UserRoleReader)
		u, token := open("eve")
		_, err := c.DeleteUserByPrincipalId(ctx, &quicksight.DeleteUserByPrincipalIdInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), PrincipalId: describeUser(t, c, "eve").PrincipalId})
		must(t, err)
		ended(u, token)
	})
	t.Run("re-registered", func(t *testing.T) {
		unredeemed := ts.mint(t, "dan", "")
		_, err := c.DeleteUser(ctx, &quicksight.DeleteUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("dan")})
		must(t, err)
		registerQuickSightUser(t, c, "dan", types.UserRoleAuthor)
		// A code minted for the earlier dan does not open the new one's
		// console.
		ts.open(t, unredeemed.Raw).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	})
	t.Run("UpdateUser", func(t *testing.T) {
		u, token := open("ben")
		update("ben", "ben@example.org", types.UserRoleAuthor) // same role: the session lives
		ts.withToken(t, u.page("/start"), token).wantConsole(t, "START", token)
		update("ben", "ben@example.org", types.UserRoleReader)
		ended(u, token)
		u, token = open("ben")
		if p := ts.withToken(t, u.page("/start"), token); !strings.Contains(p.Body, `<span class="role role-READER">READER</span>`) {
			t.Errorf("new session is not a reader's:\n%s", p.Body)
		}
	})
	t.Run("SetUserActive", func(t *testing.T) {
		u, token := open("cat")
		unredeemed := ts.mint(t, "cat", "")
		must(t, ts.App.SetUserActive(ctx, accountID, "default", "cat", false))
		ended(u, token)
		ts.open(t, unredeemed.Raw).wantErrorPage(t, http.StatusForbidden, "Forbidden")
		_, err := c.GetSessionEmbedUrl(ctx, embedInput("cat", "", 0))
		wantErrorMessage(t, err, "QuickSightUserNotFoundException", 404, "The user cat does not exist or is not active in namespace default of account "+accountID+".")
		must(t, ts.App.SetUserActive(ctx, accountID, "default", "cat", true))
		ended(u, token)
		open("cat")
	})
}

// TestReaderConsole: readers see what is shared with them, and no
// analyses.
func TestReaderConsole(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	registerQuickSightUser(t, c, "rita", types.UserRoleReader)
	registerQuickSightUser(t, c, "abe", types.UserRoleAuthor)
	ts.createDashboard(t, "shared", "Shared Sales", "rita", "abe")
	ts.createDashboard(t, "private", "Private Payroll")
	ts.createAnalysis(t, "draft", "Draft Forecast", "rita", "abe")

	u := ts.mint(t, "rita", "")
	token, p := ts.signOn(t, u, -1)
	p.wantConsole(t, "START", token)
	for _, want := range []string{`<span class="role role-READER">READER</span>`, "Shared Sales", `/start/dashboards"`, `/start/favorites"`} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("reader's start page lacks %s:\n%s", want, p.Body)
		}
	}
	for _, unwanted := range []string{"Private Payroll", "Draft Forecast", `/start/analyses"`, "<h2>Analyses</h2>"} {
		if strings.Contains(p.Body, unwanted) {
			t.Errorf("reader's start page shows %s:\n%s", unwanted, p.Body)
		}
	}
	ts.withToken(t, u.page("/dashboards/shared"), token).wantConsole(t, "DASHBOARD", token)
	for _, tc := range []struct {
		entry, code, message string
		status               int
	}{
		{"/dashboards/private", "Forbidden", "Dashboard private is not shared with you.", 403},
		{"/analyses/draft", "Forbidden", "Readers can&#39;t open analyses.", 403},
		{"/start/analyses", "Forbidden", "Readers can&#39;t open analyses.", 403},
		{"/dashboards/missing", "NotFound", "Dashboard missing doesn&#39;t exist.", 404},
	} {
		p := ts.withToken(t, u.page(tc.entry), token)
		p.wantErrorPage(t, tc.status, tc.code)
		p.wantErrorMessage(t, tc.message)
	}
	// Signing on straight into an analysis: the code works, the page is
	// refused.
	ua := ts.mint(t, "rita", "/analyses/draft")
	pa := ts.open(t, ua.Raw)
	if pa.Status != http.StatusForbidden || !strings.Contains(pa.Body, `data-error-code="Forbidden"`) {
		t.Errorf("reader signing on into an analysis: %d\n%s", pa.Status, pa.Body)
	}

	// An author sees the analyses shared with them.
	ub := ts.mint(t, "abe", "/start/analyses")
	token, p = ts.signOn(t, ub, -1)
	p.wantConsole(t, "START", token)
	for _, want := range []string{`<a href="/embedding/` + ub.Sid + `/analyses/draft"><span class="name">Draft Forecast</span></a>`, `<a href="/embedding/` + ub.Sid + `/start/analyses" aria-current="page">Analyses</a>`} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("author's analyses page lacks %s:\n%s", want, p.Body)
		}
	}
	ts.withToken(t, ub.page("/analyses/draft"), token).wantConsole(t, "ANALYSIS", token)
	ts.withToken(t, ub.page("/dashboards/private"), token).wantErrorPage(t, http.StatusForbidden, "Forbidden")
}

// favoriteButton is the fragment a favorite toggle answers with.
func favoriteButton(sid, kind, id string, on bool) string {
	if on {
		return `<button class="fav" type="button"
    hx-delete="/embedding/` + sid + `/favorites/` + kind + `/` + id + `"
    hx-target="this" hx-swap="outerHTML"
    aria-pressed="true"
    title="Remove from favorites">★</button>`
	}
	return `<button class="fav" type="button"
    hx-post="/embedding/` + sid + `/favorites/` + kind + `/` + id + `"
    hx-target="this" hx-swap="outerHTML"
    aria-pressed="false"
    title="Add to favorites">☆</button>`
}

// TestFavorites marks and unmarks a favorite; the session header is
// required (the cookie alone is what a cross-site form would carry).
func TestFavorites(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	ts.createDashboard(t, "sales", "Sales")
	u := ts.mint(t, "admin", "/dashboards/sales")
	token, p := ts.signOn(t, u, -1)
	p.wantConsole(t, "DASHBOARD", token)
	if !strings.Contains(p.Body, favoriteButton(u.Sid, "dashboard", "sales", false)) {
		t.Errorf("dashboard page lacks the unmarked favorite button:\n%s", p.Body)
	}
	favURL := u.page("/favorites/dashboard/sales")
	favorites := func() string {
		t.Helper()
		p := ts.withToken(t, u.page("/start/favorites"), token)
		p.wantConsole(t, "START", token)
		return p.Body
	}
	if body := favorites(); !strings.Contains(body, "No favorites yet.") {
		t.Fatalf("favorites not empty:\n%s", body)
	}

	// The cookie alone: refused.
	p = ts.browse(t, http.MethodPost, favURL, token, "")
	if p.Status != http.StatusForbidden || p.Body != "missing X-Sightglass-Session header\n" {
		t.Errorf("POST with the cookie only: %d %q", p.Status, p.Body)
	}
	if body := favorites(); !strings.Contains(body, "No favorites yet.") {
		t.Fatalf("a cookie-only POST marked a favorite:\n%s", body)
	}

	// The header: marked, listed, shown on the dashboard.
	p = ts.browse(t, http.MethodPost, favURL, "", token)
	if p.Status != http.StatusOK || p.Body != favoriteButton(u.Sid, "dashboard", "sales", true) {
		t.Fatalf("POST favorite: %d %q", p.Status, p.Body)
	}
	if body := favorites(); !strings.Contains(body, `<a href="/embedding/`+u.Sid+`/dashboards/sales"><span class="kind">Dashboard</span> <span class="name">Sales</span></a>`) {
		t.Errorf("favorites page does not list the dashboard:\n%s", body)
	}
	if p := ts.withToken(t, u.page("/dashboards/sales"), token); !strings.Contains(p.Body, favoriteButton(u.Sid, "dashboard", "sales", true)) {
		t.Errorf("dashboard page lacks the marked favorite button:\n%s", p.Body)
	}

	// What cannot be marked.
	for _, tc := range []struct {
		method, path, body string
		status             int
	}{
		{http.MethodPost, "/favorites/dashboard/missing", "Dashboard missing doesn't exist.\n", 404},
		{http.MethodPost, "/favorites/report/sales", "404 page not found\n", 404},
		{http.MethodDelete, "/favorites/analysis/missing", "", 200},
	} {
		p := ts.browse(t, tc.method, u.page(tc.path), "", token)
		if p.Status != tc.status || (tc.body != "" && p.Body != tc.body) {
			t.Errorf("%s %s: %d %q, want %d %q", tc.method, tc.path, p.Status, p.Body, tc.status, tc.body)
		}
	}
	p = ts.browse(t, http.MethodPost, favURL, "", strings.Repeat("A", 43))
	if p.Status != http.StatusUnauthorized || p.Header.Get("HX-Refresh") != "true" {
		t.Errorf("POST with an unknown session: %d %q (HX-Refresh %q)", p.Status, p.Body, p.Header.Get("HX-Refresh"))
	}

	// A cross-site page cannot add the header: a CORS preflight gets no
	// permission.
	pre, err := http.NewRequestWithContext(t.Context(), http.MethodOptions, favURL, nil)
	must(t, err)
	pre.Header.Set("Origin", "https://evil.example")
	pre.Header.Set("Access-Control-Request-Method", "POST")
	pre.Header.Set("Access-Control-Request-Headers", "x-sightglass-session")
	if r := send(t, pre); r.Status < 400 || r.Header.Get("Access-Control-Allow-Origin") != "" || r.Header.Get("Access-Control-Allow-Headers") != "" {
		t.Errorf("CORS preflight: %d %v", r.Status, r.Header)
	}

	// Unmarked.
	p = ts.browse(t, http.MethodDelete, favURL, "", token)
	if p.Status != http.StatusOK || p.Body != favoriteButton(u.Sid, "dashboard", "sales", false) {
		t.Fatalf("DELETE favorite: %d %q", p.Status, p.Body)
	}
	if body := favorites(); !strings.Contains(body, "No favorites yet.") {
		t.Errorf("favorites not empty after DELETE:\n%s", body)
	}
}

// TestEmbeddingAllowList checks the host page's origin
// (punyCodeEmbedOrigin) and the CSP against the account's allow-list.
func TestEmbeddingAllowList(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	ctx := t.Context()

	u := ts.mint(t, "admin", "")
	p := ts.open(t, u.Raw+"&punyCodeEmbedOrigin="+evilOrigin)
	p.wantErrorPage(t, http.StatusForbidden, "Forbidden")
	p.wantErrorMessage(t, notAllowedHere)
	if strings.Contains(p.Body, "data-embed-origin") {
		t.Errorf("error page trusts the refused origin:\n%s", p.Body)
	}
	ts.open(t, u.Raw).wantErrorPage(t, http.StatusForbidden, "Forbidden") // the code is spent

	u = ts.mint(t, "admin", "")
	p = ts.open(t, u.Raw+"&punyCodeEmbedOrigin=javascript%3Aalert(1)%2F-")
	p.wantErrorPage(t, http.StatusForbidden, "Forbidden")

	// As the SDK opens it: the origin and its own options appended.
	u = ts.mint(t, "admin", "")
	u.Raw += "&punyCodeEmbedOrigin=" + localhost3000 + "&sdkVersion=2.11.3&locale=en-US&showExecutiveSummaryIcon=true&contextId=81e2128c-5b77-4b86-aa73-afa1df51c2d9&discriminator=0"
	token, p := ts.signOn(t, u, -1)
	p.wantConsole(t, "START", token)
	if !strings.Contains(p.Body, `<html lang="en" data-embed-origin="http://localhost:3000">`) {
		t.Errorf("page does not name its embedding origin:\n%s", p.Body)
	}
	if got := p.frameAncestors(); got != bootstrapFrameAncestors {
		t.Errorf("CSP %q, want %q", got, bootstrapFrameAncestors)
	}
	// Later pages of the session are checked too.
	ts.withToken(t, u.page("/start/dashboards?punyCodeEmbedOrigin="+localhost3000), token).wantConsole(t, "START", token)
	ts.withToken(t, u.page("/start/dashboards?punyCodeEmbedOrigin="+evilOrigin), token).wantErrorPage(t, http.StatusForbidden, "Forbidden")

	// An account's own list, sorted into the CSP.
	must(t, ts.App.SetEmbeddingDomains(ctx, accountID, []string{"https://app.example.com", "https://*.corp.example"}))
	u = ts.mint(t, "admin", "")
	ts.open(t, u.Raw+"&punyCodeEmbedOrigin="+localhost3000).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	u = ts.mint(t, "admin", "")
	u.Raw += "&punyCodeEmbedOrigin=https%3A%2F%2Fbi.corp.example%2F-"
	token, p = ts.signOn(t, u, -1)
	p.wantConsole(t, "START", token)
	if got, want := p.frameAncestors(), "frame-ancestors https://*.corp.example https://app.example.com"; got != want {
		t.Errorf("CSP %q, want %q", got, want)
	}

	// An empty list forbids framing.
	must(t, ts.App.SetEmbeddingDomains(ctx, accountID, nil))
	u = ts.mint(t, "admin", "")
	_, p = ts.signOn(t, u, -1)
	if got, want := p.frameAncestors(), "frame-ancestors 'none'"; got != want {
		t.Errorf("CSP %q, want %q", got, want)
	}
}

// TestControlFrame serves the SDK's hidden control frame, which carries
// neither code nor session.
func TestControlFrame(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	u := ts.mint(t, "admin", "")
	control := func(puny string) string {
		return ts.URL + "/embed/" + u.Sid + "/embedControl?punyCodeEmbedOrigin=" + puny + "&sdkVersion=2.11.3&contextId=81e2c5b7-9b7e-4f43-9d0c-2f0d6f1e8a11&discriminator=0"
	}
	p := ts.open(t, control(localhost3000))
	p.wantHTML(t, http.StatusOK)
	if got := p.frameAncestors(); got != bootstrapFrameAncestors {
		t.Errorf("CSP %q, want %q", got, bootstrapFrameAncestors)
	}
	if !strings.HasPrefix(p.Body, `<!doctype html>
<html lang="en" data-embed-origin="http://localhost:3000">`) || !strings.Contains(p.Body, `<script src="/static/control.js?v=`) {
		t.Errorf("control frame:\n%s", p.Body)
	}
	if sc := p.Header.Values("Set-Cookie"); len(sc) != 0 {
		t.Errorf("control frame sets cookies: %q", sc)
	}
	// The control frame does not use up the code.
	ts.signOn(t, u, -1)

	p = ts.open(t, control(evilOrigin))
	p.wantHTML(t, http.StatusOK)
	if strings.Contains(p.Body, "data-embed-origin") {
		t.Errorf("control frame trusts a refused origin:\n%s", p.Body)
	}
	if p := ts.open(t, ts.URL+"/embed/not-a-sid/embedControl"); p.Status != http.StatusNotFound {
		t.Errorf("control frame of a bad sid: %d", p.Status)
	}
	if p := ts.open(t, ts.URL+"/static/control.js"); p.Status != http.StatusOK || p.Header.Get("Content-Type") != "text/javascript; charset=utf-8" || p.Body == "" {
		t.Errorf("control.js: %d %q", p.Status, p.Header.Get("Content-Type"))
	}
}

// TestSignOnFailureLimit: a client that fails too often is refused
// outright (rate 1/minute, burst 3, on a stopped clock).
func TestSignOnFailureLimit(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ts := startServer(t, withClock(clk), withConsoleFailures(1, 3))
	good := ts.mint(t, "admin", "")
	bad := good.url(good.Sid, good.Entry, strings.Repeat("A", 43))
	for range 3 {
		ts.open(t, bad).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	}
	limited := func(url string) {
		t.Helper()
		p := ts.open(t, url)
		p.wantErrorPage(t, http.StatusTooManyRequests, "Forbidden")
		p.wantErrorMessage(t, "This address has failed to sign in too often. Wait a minute and open the embedded console again.")
	}
	limited(bad)
	limited(good.Raw) // refused before the code is looked at…
	limited(good.page("/start"))
	// …so it still works once a failure has been forgiven.
	clk.Advance(time.Minute)
	token, _ := ts.signOn(t, good, -1)
	ts.withToken(t, good.page("/start"), token).wantConsole(t, "START", token)
	ts.withToken(t, good.page("/start"), "x").wantErrorPage(t, http.StatusUnauthorized, "Unauthorized")
	limited(good.page("/start"))
	// Guessing tokens through the favorites endpoint is limited too.
	for _, tok := range []string{strings.Repeat("A", 43), token} {
		if p := ts.browse(t, http.MethodPost, good.page("/favorites/dashboard/sales"), "", tok); p.Status != http.StatusTooManyRequests || p.Body != "too many failed attempts\n" {
			t.Errorf("favorite while limited: %d %q", p.Status, p.Body)
		}
	}
	// The API is not affected.
	ts.mint(t, "admin", "")
}

// TestSignOnLogsNoSecrets runs sign-ons, sessions and failures with debug
// logging and checks that no code or session token reaches the log.
func TestSignOnLogsNoSecrets(t *testing.T) {
	t.Parallel()
	var logs lockedBuffer
	ts := startServer(t, withLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	ts.createDashboard(t, "sales", "Sales")
	var secrets []string

	u := ts.mint(t, "admin", "")
	token, _ := ts.signOn(t, u, -1)
	secrets = append(secrets, u.Code, token)
	ts.open(t, u.Raw).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	ts.browse(t, http.MethodGet, u.page("/start/dashboards"), token, "").wantConsole(t, "START", token)
	ts.withToken(t, u.page("/dashboards/sales"), token).wantConsole(t, "DASHBOARD", token)
	ts.browse(t, http.MethodPost, u.page("/favorites/dashboard/sales"), "", token)
	ts.browse(t, http.MethodPost, u.page("/favorites/dashboard/sales"), token, "")

	other := ts.mint(t, "admin", "")
	secrets = append(secrets, other.Code)
	ts.open(t, u.url(u.Sid, u.Entry, other.Code)).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	ts.withToken(t, other.page("/start"), token).wantErrorPage(t, http.StatusUnauthorized, "Unauthorized")

	evil := ts.mint(t, "admin", "")
	secrets = append(secrets, evil.Code)
	ts.open(t, evil.Raw+"&punyCodeEmbedOrigin="+evilOrigin).wantErrorPage(t, http.StatusForbidden, "Forbidden")

	must(t, ts.App.SetUserActive(t.Context(), accountID, "default", "admin", false))
	ts.withToken(t, u.page("/start"), token).wantErrorPage(t, http.StatusUnauthorized, "Unauthorized")
	ts.Stop()

	out := logs.String()
	for _, want := range []string{"embed sign-on refused", "console session refused", "embedding origin not allowed", "op=GetSessionEmbedUrl"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q; the test does not exercise what it means to:\n%s", want, out)
		}
	}
	for _, s := range secrets {
		for _, form := range []string{s, s[:16]} {
			if strings.Contains(out, form) {
				t.Errorf("log contains a secret (or a prefix of one) %q:\n%s", form, out)
			}
		}
	}
}
