package e2e

// GenerateEmbedUrlForRegisteredUser, its WithIdentity sibling and the
// legacy GetDashboardEmbedUrl through the aws-sdk-go-v2 QuickSight client:
// the URLs of each experience, their single use and expiry, validation,
// IAM, and AllowedDomains in the pages' frame-ancestors.

import (
	"context"
	"math"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	"github.com/sightglass/sightglass/internal/app"
)

// reExperienceURL is the exact shape of a dashboard or visual experience
// URL: base, 32-hex sid, the experience path, a 43-character code.
var reExperienceURL = regexp.MustCompile(`^(https?://[^/?]+)/embed/([0-9a-f]{32})(/[^?]*)\?code=([A-Za-z0-9_-]{43})&identityprovider=quicksight&isauthcode=true$`)

// The embedding SDK 2.11.3's embedDashboard and embedVisual URL checks,
// with http allowed as well as https.
var (
	reSDKDashboard = regexp.MustCompile(`(?i)^https?://[^/]+/embed/[^/]+/dashboards/([\w-]+)(\?|$)`)
	reSDKVisual    = regexp.MustCompile(`(?i)^https?://[^/]+/embed/[^/]+/dashboards/([\w-]+)/sheets/([\w-]+)/visuals/([\w-]+)(\?|$)`)
)

// parseExperienceURL checks that raw is a dashboard (or visual) experience
// URL of the server for path, accepted by the SDK, and returns its parts.
func (ts *testServer) parseExperienceURL(t testing.TB, raw, path string) embedURL {
	t.Helper()
	m := reExperienceURL.FindStringSubmatch(raw)
	if m == nil {
		t.Fatalf("EmbedUrl %q does not have the shape {base}/embed/{32 hex}{path}?code={43 base64url}&identityprovider=quicksight&isauthcode=true", raw)
	}
	if m[1] != ts.URL || m[3] != path {
		t.Fatalf("EmbedUrl %q: base %q path %q, want %q and %q", raw, m[1], m[3], ts.URL, path)
	}
	sdk := reSDKDashboard
	if strings.Contains(path, "/visuals/") {
		sdk = reSDKVisual
	}
	if !sdk.MatchString(raw) {
		t.Fatalf("EmbedUrl %q does not pass the embedding SDK's URL check", raw)
	}
	return embedURL{Raw: raw, Base: m[1], Sid: m[2], Entry: m[3], Code: m[4]}
}

// regInput is GenerateEmbedUrlForRegisteredUser's input for a user of the
// default account and an experience.
func regInput(user string, x *types.RegisteredUserEmbeddingExperienceConfiguration) *quicksight.GenerateEmbedUrlForRegisteredUserInput {
	return &quicksight.GenerateEmbedUrlForRegisteredUserInput{AwsAccountId: aws.String(accountID), UserArn: aws.String(userARN(accountID, user)), ExperienceConfiguration: x}
}

func consoleExperience(path string) *types.RegisteredUserEmbeddingExperienceConfiguration {
	c := &types.RegisteredUserQuickSightConsoleEmbeddingConfiguration{}
	if path != "" {
		c.InitialPath = aws.String(path)
	}
	return &types.RegisteredUserEmbeddingExperienceConfiguration{QuickSightConsole: c}
}

func dashboardExperience(id string) *types.RegisteredUserEmbeddingExperienceConfiguration {
	return &types.RegisteredUserEmbeddingExperienceConfiguration{Dashboard: &types.RegisteredUserDashboardEmbeddingConfiguration{InitialDashboardId: aws.String(id)}}
}

func visualExperience(dashboard, sheet, visual string) *types.RegisteredUserEmbeddingExperienceConfiguration {
	return &types.RegisteredUserEmbeddingExperienceConfiguration{DashboardVisual: &types.RegisteredUserDashboardVisualEmbeddingConfiguration{
		InitialDashboardVisualId: &types.DashboardVisualId{DashboardId: aws.String(dashboard), SheetId: aws.String(sheet), VisualId: aws.String(visual)}}}
}

// generate calls GenerateEmbedUrlForRegisteredUser and returns the URL
// after checking Status and RequestId.
func generate(t testing.TB, c *quicksight.Client, in *quicksight.GenerateEmbedUrlForRegisteredUserInput) string {
	t.Helper()
	out, err := c.GenerateEmbedUrlForRegisteredUser(t.Context(), in)
	if err != nil {
		t.Fatalf("GenerateEmbedUrlForRegisteredUser: %v", err)
	}
	if out.Status != 200 || aws.ToString(out.RequestId) == "" {
		t.Errorf("Status = %d, RequestId = %q", out.Status, aws.ToString(out.RequestId))
	}
	return aws.ToString(out.EmbedUrl)
}

func regCall(in *quicksight.GenerateEmbedUrlForRegisteredUserInput) func(context.Context, *quicksight.Client) error {
	return func(ctx context.Context, c *quicksight.Client) error {
		_, err := c.GenerateEmbedUrlForRegisteredUser(ctx, in)
		return err
	}
}

// openExperience opens a dashboard or visual experience URL (the first
// use of its code) and returns the page and its session token.
func (ts *testServer) openExperience(t testing.TB, u embedURL, query string) (string, *page) {
	t.Helper()
	p := ts.open(t, u.Raw+query)
	p.wantHTML(t, http.StatusOK)
	if strings.Contains(p.Body, "data-error-code") {
		t.Fatalf("experience page is an error page:\n%s", p.Body)
	}
	token := p.metaToken()
	if token == "" || token == u.Code {
		t.Fatalf("experience page hands out token %q", token)
	}
	return token, p
}

func TestGenerateEmbedURLForRegisteredUser(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ts := startServer(t, withClock(clk), withSampleRows(2000))
	c := ts.adminClient()
	db := sampleDB(t, ts)
	registerQuickSightUser(t, c, "rita", types.UserRoleReader)
	ts.createDashboard(t, "private", "Private")

	t.Run("console", func(t *testing.T) {
		// No InitialPath opens /start; FeatureConfigurations are accepted.
		x := consoleExperience("")
		x.QuickSightConsole.FeatureConfigurations = &types.RegisteredUserConsoleFeatureConfigurations{
			StatePersistence: &types.StatePersistenceConfigurations{Enabled: true},
			SharedView:       &types.SharedViewConfigurations{Enabled: true},
		}
		u := ts.parseEmbedURL(t, generate(t, c, regInput("admin", x)), "/start")
		token, p := ts.signOn(t, u, 600*60)
		p.wantConsole(t, "START", token)

		for _, tc := range []struct{ path, pageType string }{
			{"/start/favorites", "START"},
			{"/dashboards/" + app.SampleDashboardID, "DASHBOARD"},
			{"/analyses/" + app.SampleAnalysisID, "ANALYSIS"},
		} {
			in := regInput("admin", consoleExperience(tc.path))
			in.SessionLifetimeInMinutes = aws.Int64(15)
			u := ts.parseEmbedURL(t, generate(t, c, in), tc.path)
			token, p := ts.signOn(t, u, 15*60)
			p.wantConsole(t, tc.pageType, token)
		}
	})

	t.Run("dashboard", func(t *testing.T) {
		x := dashboardExperience(app.SampleDashboardID)
		x.Dashboard.FeatureConfigurations = &types.RegisteredUserDashboardFeatureConfigurations{
			Bookmarks: &types.BookmarksConfigurations{Enabled: true}, StatePersistence: &types.StatePersistenceConfigurations{Enabled: false},
		}
		raw := generate(t, c, regInput("admin", x))
		u := ts.parseExperienceURL(t, raw, "/dashboards/"+app.SampleDashboardID)
		token, p := ts.openExperience(t, u, "")
		if !strings.Contains(p.Body, `data-page-type="DASHBOARD"`) || strings.Contains(p.Body, `<header class="top">`) {
			t.Errorf("not the dashboard experience:\n%.2000s", p.Body)
		}
		wantEqual(t, "revenue KPI", kpiValue(t, p.Body, "kpi-revenue"), math.Round(sqlFloat(t, db, "SELECT sum(revenue) FROM orders")*100)/100)
		// The session continues with the token, and the code is spent.
		ts.withToken(t, u.Base+"/embed/"+u.Sid+"/dashboards/"+app.SampleDashboardID, token).wantHTML(t, http.StatusOK)
		ts.open(t, u.Raw).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	})

	t.Run("visual", func(t *testing.T) {
		raw := generate(t, c, regInput("admin", visualExperience(app.SampleDashboardID, "overview", "kpi-revenue")))
		path := "/dashboards/" + app.SampleDashboardID + "/sheets/overview/visuals/kpi-revenue"
		u := ts.parseExperienceURL(t, raw, path)
		token, p := ts.openExperience(t, u, "")
		if n := strings.Count(p.Body, `data-visual-id="`); n != 1 || !strings.Contains(p.Body, `data-visual-id="kpi-revenue"`) || !strings.Contains(p.Body, "viewer-single") {
			t.Errorf("the visual page shows %d visuals, want kpi-revenue alone:\n%.3000s", n, p.Body)
		}
		if strings.Contains(p.Body, `<form class="controls"`) || strings.Contains(p.Body, `<header class="top">`) {
			t.Errorf("the visual page shows controls or the console header:\n%.3000s", p.Body)
		}
		wantEqual(t, "revenue KPI", kpiValue(t, p.Body, "kpi-revenue"), math.Round(sqlFloat(t, db, "SELECT sum(revenue) FROM orders")*100)/100)
		ts.withToken(t, u.Base+"/embed/"+u.Sid+path, token).wantHTML(t, http.StatusOK)
		ts.open(t, u.Raw).wantErrorPage(t, http.StatusForbidden, "Forbidden")

		// A visual the dashboard lacks: the URL is minted (the dashboard
		// exists), the page is 404.
		raw = generate(t, c, regInput("admin", visualExperience(app.SampleDashboardID, "overview", "nope")))
		u = ts.parseExperienceURL(t, raw, "/dashboards/"+app.SampleDashboardID+"/sheets/overview/visuals/nope")
		ts.open(t, u.Raw).wantRefused(t, http.StatusNotFound, "NotFound")
	})

	t.Run("experience is not the console", func(t *testing.T) {
		// A dashboard experience URL does not open the console at the
		// same entry point; the attempt spends the code. (The console has
		// no page at a visual's path.)
		raw := generate(t, c, regInput("rita", dashboardExperience(app.SampleDashboardID)))
		ts.open(t, strings.Replace(raw, "/embed/", "/embedding/", 1)).wantErrorPage(t, http.StatusForbidden, "Forbidden")
		ts.open(t, raw).wantErrorPage(t, http.StatusForbidden, "Forbidden")
		raw = generate(t, c, regInput("rita", visualExperience(app.SampleDashboardID, "overview", "kpi-revenue")))
		ts.open(t, strings.Replace(raw, "/embed/", "/embedding/", 1)).wantErrorPage(t, http.StatusNotFound, "NotFound")
	})

	t.Run("not shared", func(t *testing.T) {
		// The URL is minted for a dashboard rita may not see; its page
		// refuses her, as the console does.
		for _, x := range []*types.RegisteredUserEmbeddingExperienceConfiguration{dashboardExperience("private"), visualExperience("private", "s", "v")} {
			raw := generate(t, c, regInput("rita", x))
			m := reExperienceURL.FindStringSubmatch(raw)
			if m == nil {
				t.Fatalf("EmbedUrl %q", raw)
			}
			ts.open(t, raw).wantRefused(t, http.StatusForbidden, "Forbidden")
		}
	})

	t.Run("expiry", func(t *testing.T) {
		// A code is good for 5 minutes; the session for its lifetime.
		raw := generate(t, c, regInput("admin", dashboardExperience(app.SampleDashboardID)))
		clk.Advance(app.EmbedCodeTTL + time.Second)
		ts.open(t, raw).wantErrorPage(t, http.StatusForbidden, "Forbidden")

		in := regInput("admin", dashboardExperience(app.SampleDashboardID))
		in.SessionLifetimeInMinutes = aws.Int64(15)
		u := ts.parseExperienceURL(t, generate(t, c, in), "/dashboards/"+app.SampleDashboardID)
		clk.Advance(app.EmbedCodeTTL - time.Second)
		token, _ := ts.openExperience(t, u, "")
		clk.Advance(15*time.Minute - time.Second)
		ts.withToken(t, u.Base+"/embed/"+u.Sid+"/dashboards/"+app.SampleDashboardID, token).wantHTML(t, http.StatusOK)
		clk.Advance(time.Second)
		ts.withToken(t, u.Base+"/embed/"+u.Sid+"/dashboards/"+app.SampleDashboardID, token).wantErrorPage(t, http.StatusUnauthorized, "Unauthorized")
	})
}

func TestGenerateEmbedURLForRegisteredUserErrors(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ts.createDashboard(t, "sales", "Sales")
	noQ := "experience is not available: Sightglass has no Amazon Q"
	with := func(f func(*quicksight.GenerateEmbedUrlForRegisteredUserInput)) *quicksight.GenerateEmbedUrlForRegisteredUserInput {
		in := regInput("admin", dashboardExperience("sales"))
		f(in)
		return in
	}
	cases := []apiCase{
		{"Q search bar", regCall(regInput("admin", &types.RegisteredUserEmbeddingExperienceConfiguration{QSearchBar: &types.RegisteredUserQSearchBarEmbeddingConfiguration{InitialTopicId: aws.String("t1")}})), "UnsupportedUserEditionException", 403, "The QSearchBar " + noQ},
		{"generative Q&A", regCall(regInput("admin", &types.RegisteredUserEmbeddingExperienceConfiguration{GenerativeQnA: &types.RegisteredUserGenerativeQnAEmbeddingConfiguration{}})), "UnsupportedUserEditionException", 403, "The GenerativeQnA " + noQ},
		{"quick chat", regCall(regInput("admin", &types.RegisteredUserEmbeddingExperienceConfiguration{QuickChat: &types.RegisteredUserQuickChatEmbeddingConfiguration{}})), "UnsupportedUserEditionException", 403, "The QuickChat " + noQ},
		{"no experience", regCall(regInput("admin", &types.RegisteredUserEmbeddingExperienceConfiguration{})), "InvalidParameterValueException", 400, "exactly one of QuickSightConsole, Dashboard or DashboardVisual"},
		{"two experiences", regCall(regInput("admin", &types.RegisteredUserEmbeddingExperienceConfiguration{
			QuickSightConsole: &types.RegisteredUserQuickSightConsoleEmbeddingConfiguration{}, Dashboard: dashboardExperience("sales").Dashboard})), "InvalidParameterValueException", 400, "exactly one of"},
		{"bad initial path", regCall(regInput("admin", consoleExperience("/q/search"))), "InvalidParameterValueException", 400, "InitialPath '/q/search' is not valid."},
		{"missing dashboard", regCall(regInput("admin", dashboardExperience("nope"))), "ResourceNotFoundException", 404, "Dashboard nope doesn't exist in account " + accountID + "."},
		{"missing visual's dashboard", regCall(regInput("admin", visualExperience("nope", "s", "v"))), "ResourceNotFoundException", 404, "Dashboard nope doesn't exist"},
		{"missing initial path dashboard", regCall(regInput("admin", consoleExperience("/dashboards/nope"))), "ResourceNotFoundException", 404, "Dashboard nope doesn't exist"},
		{"bad dashboard id", regCall(regInput("admin", dashboardExperience("a b"))), "ValidationException", 400, "initialDashboardId"},
		{"bad sheet id", regCall(regInput("admin", visualExperience("sales", "s/1", "v"))), "ValidationException", 400, "sheetId"},
		{"lifetime 14", regCall(with(func(in *quicksight.GenerateEmbedUrlForRegisteredUserInput) {
			in.SessionLifetimeInMinutes = aws.Int64(14)
		})), "SessionLifetimeInMinutesInvalidException", 400, "The value 14 for SessionLifetimeInMinutes is not valid. It must be between 15 and 600 minutes."},
		{"lifetime 601", regCall(with(func(in *quicksight.GenerateEmbedUrlForRegisteredUserInput) {
			in.SessionLifetimeInMinutes = aws.Int64(601)
		})), "SessionLifetimeInMinutesInvalidException", 400, "The value 601"},
		{"four domains", regCall(with(func(in *quicksight.GenerateEmbedUrlForRegisteredUserInput) {
			in.AllowedDomains = []string{"https://a.example", "https://b.example", "https://c.example", "https://d.example"}
		})), "InvalidParameterValueException", 400, "AllowedDomains lists 4 domains; at most 3 are allowed."},
		{"bad domain", regCall(with(func(in *quicksight.GenerateEmbedUrlForRegisteredUserInput) {
			in.AllowedDomains = []string{"javascript:alert(1)"}
		})), "InvalidParameterValueException", 400, "'javascript:alert(1)' is not a valid embedding domain"},
		{"unknown user", regCall(regInput("nobody", dashboardExperience("sales"))), "QuickSightUserNotFoundException", 404, "The user nobody does not exist or is not active in namespace default of account " + accountID + "."},
		{"user of another namespace", regCall(with(func(in *quicksight.GenerateEmbedUrlForRegisteredUserInput) {
			in.UserArn = aws.String("arn:aws:quicksight:" + region + ":" + accountID + ":user/sales/admin")
		})), "QuickSightUserNotFoundException", 404, "does not exist"},
		{"not a user ARN", regCall(with(func(in *quicksight.GenerateEmbedUrlForRegisteredUserInput) { in.UserArn = aws.String("admin") })), "InvalidParameterValueException", 400, "is not a QuickSight user ARN"},
		{"another account", regCall(with(func(in *quicksight.GenerateEmbedUrlForRegisteredUserInput) {
			in.AwsAccountId = aws.String(unsubscribed)
		})), "AccessDeniedException", 401,
			"is not authorized to perform: quicksight:GenerateEmbedUrlForRegisteredUser on resource: " + userARN(accountID, "admin")},
	}
	runErrorCases(t, c, cases)

	// Members of the wrong type never reach the operation.
	send(t, ts.signed(t, ts.Admin, http.MethodPost, "/accounts/"+accountID+"/embed-url/registered-user", `{"UserArn":"`+userARN(accountID, "admin")+`","ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":7}}}`)).wantError(t, "SerializationException", 400)
	// The raw answer: 200, JSON, EmbedUrl.
	r := send(t, ts.signed(t, ts.Admin, http.MethodPost, "/accounts/"+accountID+"/embed-url/registered-user", `{"UserArn":"`+userARN(accountID, "admin")+`","ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"sales"}}}`))
	r.wantOK(t, http.StatusOK)
	ts.parseExperienceURL(t, r.str("EmbedUrl"), "/dashboards/sales")
}

// TestGenerateEmbedURLForRegisteredUserIAM: the IAM action on the user's
// ARN, as QuickSight's sample policies grant it.
func TestGenerateEmbedURLForRegisteredUserIAM(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	registerQuickSightUser(t, c, "rita", types.UserRoleReader)
	ts.createDashboard(t, "sales", "Sales", "rita")

	scoped := ts.client(ts.newIAMUser(t, accountID, "scoped", policy("Allow", "quicksight:GenerateEmbedUrlForRegisteredUser", userARN(accountID, "rita"))))
	ts.parseExperienceURL(t, generate(t, scoped, regInput("rita", dashboardExperience("sales"))), "/dashboards/sales")
	_, err := scoped.GenerateEmbedUrlForRegisteredUser(ctx, regInput("admin", dashboardExperience("sales")))
	wantErrorMessage(t, err, "AccessDeniedException", 401,
		"User: arn:aws:iam::"+accountID+":user/scoped is not authorized to perform: quicksight:GenerateEmbedUrlForRegisteredUser on resource: "+userARN(accountID, "admin"))
	// GetSessionEmbedUrl's action does not grant this one.
	other := ts.client(ts.newIAMUser(t, accountID, "other", policy("Allow", "quicksight:GetSessionEmbedUrl", "*")))
	_, err = other.GenerateEmbedUrlForRegisteredUser(ctx, regInput("rita", consoleExperience("")))
	wantError(t, err, "AccessDeniedException", 401)
	denied := ts.client(ts.newIAMUser(t, accountID, "denied", policy("Allow", "quicksight:*", "*", "Deny", "quicksight:GenerateEmbedUrlForRegisteredUser", "*")))
	_, err = denied.GenerateEmbedUrlForRegisteredUser(ctx, regInput("rita", dashboardExperience("sales")))
	wantError(t, err, "AccessDeniedException", 401)
}

// TestGenerateEmbedURLAllowedDomains: AllowedDomains replace the account's
// allow-list for that session: frame-ancestors of its pages, of its
// control frame and of its error pages, and the SDK origin check.
func TestGenerateEmbedURLAllowedDomains(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ts.createDashboard(t, "sales", "Sales")
	const appOrigin = "https%3A%2F%2Fapp.example.com%2F-" // punycode("https://app.example.com/")

	in := regInput("admin", dashboardExperience("sales"))
	in.AllowedDomains = []string{"https://app.example.com", "https://*.corp.example"}
	u := ts.parseExperienceURL(t, generate(t, c, in), "/dashboards/sales")

	// The control frame of the sid may be framed by the session's domains
	// before the experience frame signs in.
	p := ts.open(t, ts.URL+"/embed/"+u.Sid+"/embedControl?punyCodeEmbedOrigin="+appOrigin+"&contextId=c1&discriminator=0")
	p.wantHTML(t, http.StatusOK)
	if fa := p.frameAncestors(); !strings.Contains(fa, " https://app.example.com") || !strings.Contains(fa, " https://*.corp.example") {
		t.Errorf("control frame CSP %q lacks the session's domains", fa)
	}
	if !strings.Contains(p.Body, `https://app.example.com`) {
		t.Errorf("control frame does not trust the session's origin:\n%s", p.Body)
	}

	token, p := ts.openExperience(t, u, "&punyCodeEmbedOrigin="+appOrigin+"&contextId=c1&discriminator=0")
	if got, want := p.frameAncestors(), "frame-ancestors https://*.corp.example https://app.example.com"; got != want {
		t.Errorf("CSP %q, want %q", got, want)
	}
	if !strings.Contains(p.Body, `data-embed-origin="https://app.example.com"`) {
		t.Errorf("page does not name its embedding origin:\n%.500s", p.Body)
	}
	// Later pages of the session keep the session's list: the account's
	// localhost origins are refused.
	page := u.Base + "/embed/" + u.Sid + "/dashboards/sales"
	p = ts.withToken(t, page+"?punyCodeEmbedOrigin="+appOrigin, token)
	p.wantHTML(t, http.StatusOK)
	if got, want := p.frameAncestors(), "frame-ancestors https://*.corp.example https://app.example.com"; got != want {
		t.Errorf("later page CSP %q, want %q", got, want)
	}
	ts.withToken(t, page+"?punyCodeEmbedOrigin="+localhost3000, token).wantErrorPage(t, http.StatusForbidden, "Forbidden")

	// The account's own origin may not open a URL minted for other domains.
	u = ts.parseExperienceURL(t, generate(t, c, in), "/dashboards/sales")
	ts.open(t, u.Raw+"&punyCodeEmbedOrigin="+localhost3000).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	// Without AllowedDomains, the account's list.
	u = ts.parseExperienceURL(t, generate(t, c, regInput("admin", dashboardExperience("sales"))), "/dashboards/sales")
	_, p = ts.openExperience(t, u, "&punyCodeEmbedOrigin="+localhost3000)
	if got := p.frameAncestors(); got != bootstrapFrameAncestors {
		t.Errorf("CSP %q, want %q", got, bootstrapFrameAncestors)
	}
}

func TestGenerateEmbedURLForRegisteredUserWithIdentity(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ts.createDashboard(t, "sales", "Sales")
	call := func(in *quicksight.GenerateEmbedUrlForRegisteredUserWithIdentityInput) func(context.Context, *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.GenerateEmbedUrlForRegisteredUserWithIdentity(ctx, in)
			return err
		}
	}
	in := func(x *types.RegisteredUserEmbeddingExperienceConfiguration, lifetime int64, account string) *quicksight.GenerateEmbedUrlForRegisteredUserWithIdentityInput {
		out := &quicksight.GenerateEmbedUrlForRegisteredUserWithIdentityInput{AwsAccountId: aws.String(account), ExperienceConfiguration: x}
		if lifetime != 0 {
			out.SessionLifetimeInMinutes = aws.Int64(lifetime)
		}
		return out
	}
	runErrorCases(t, c, []apiCase{
		{"dashboard", call(in(dashboardExperience("sales"), 0, accountID)), "UnsupportedUserEditionException", 403,
			"GenerateEmbedUrlForRegisteredUserWithIdentity needs an identity-enhanced IAM role session from IAM Identity Center (trusted identity propagation). Sightglass has no IAM Identity Center"},
		{"console", call(in(consoleExperience("/start"), 60, accountID)), "UnsupportedUserEditionException", 403, "IAM Identity Center"},
		{"lifetime", call(in(dashboardExperience("sales"), 601, accountID)), "SessionLifetimeInMinutesInvalidException", 400, "The value 601"},
		{"no experience", call(in(&types.RegisteredUserEmbeddingExperienceConfiguration{}, 0, accountID)), "InvalidParameterValueException", 400, "exactly one of"},
		{"another account", call(in(dashboardExperience("sales"), 0, unsubscribed)), "AccessDeniedException", 401, "quicksight:GenerateEmbedUrlForRegisteredUserWithIdentity"},
	})
}

func TestGetDashboardEmbedURL(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ts := startServer(t, withClock(clk))
	c := ts.adminClient()
	ctx := t.Context()
	registerQuickSightUser(t, c, "rita", types.UserRoleReader)
	ts.createDashboard(t, "sales", "Sales", "rita")
	ts.createDashboard(t, "private", "Private")
	dashIn := func(id string, it types.EmbeddingIdentityType, user string) *quicksight.GetDashboardEmbedUrlInput {
		in := &quicksight.GetDashboardEmbedUrlInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(id), IdentityType: it}
		if user != "" {
			in.UserArn = aws.String(userARN(accountID, user))
		}
		return in
	}
	var iamPage, iamToken string
	var expiring embedURL
	get := func(t *testing.T, c *quicksight.Client, in *quicksight.GetDashboardEmbedUrlInput) embedURL {
		t.Helper()
		out, err := c.GetDashboardEmbedUrl(ctx, in)
		if err != nil {
			t.Fatalf("GetDashboardEmbedUrl: %v", err)
		}
		if out.Status != 200 || aws.ToString(out.RequestId) == "" {
			t.Errorf("Status = %d, RequestId = %q", out.Status, aws.ToString(out.RequestId))
		}
		return ts.parseExperienceURL(t, aws.ToString(out.EmbedUrl), "/dashboards/"+aws.ToString(in.DashboardId))
	}

	t.Run("IAM caller", func(t *testing.T) {
		// IAM without UserArn: the caller's own registered identity.
		in := dashIn("sales", types.EmbeddingIdentityTypeIam, "")
		in.UndoRedoDisabled, in.ResetDisabled, in.StatePersistenceEnabled = true, true, true
		in.SessionLifetimeInMinutes = aws.Int64(30)
		in.Namespace = aws.String("default")
		in.AdditionalDashboardIds = []string{"private"}
		u := get(t, c, in)
		token, p := ts.openExperience(t, u, "")
		if !strings.Contains(p.Body, `data-page-type="DASHBOARD"`) || strings.Contains(p.Body, `<header class="top">`) {
			t.Errorf("not the dashboard experience:\n%.1500s", p.Body)
		}
		ts.open(t, u.Raw).wantErrorPage(t, http.StatusForbidden, "Forbidden") // single use
		iamPage = u.Base + "/embed/" + u.Sid + "/dashboards/sales"
		iamToken = token
	})

	t.Run("QUICKSIGHT user", func(t *testing.T) {
		u := get(t, c, dashIn("sales", types.EmbeddingIdentityTypeQuicksight, "rita"))
		ts.openExperience(t, u, "")
		// The URL of a dashboard rita may not see is minted; its page is 403.
		u = get(t, c, dashIn("private", types.EmbeddingIdentityTypeQuicksight, "rita"))
		ts.open(t, u.Raw).wantRefused(t, http.StatusForbidden, "Forbidden")
		expiring = get(t, c, dashIn("sales", types.EmbeddingIdentityTypeQuicksight, "rita"))
	})

	t.Run("IAM", func(t *testing.T) {
		// The action on the dashboard; QUICKSIGHT users also need
		// quicksight:GetAuthCode on the user.
		dash := "arn:aws:quicksight:" + region + ":" + accountID + ":dashboard/sales"
		embedder := ts.client(ts.newIAMUser(t, accountID, "embedder", policy("Allow", "quicksight:GetDashboardEmbedUrl", dash)))
		_, err := embedder.GetDashboardEmbedUrl(ctx, dashIn("sales", types.EmbeddingIdentityTypeQuicksight, "rita"))
		wantErrorMessage(t, err, "AccessDeniedException", 401, "User: arn:aws:iam::"+accountID+":user/embedder is not authorized to perform: quicksight:GetAuthCode on resource: "+userARN(accountID, "rita"))
		_, err = embedder.GetDashboardEmbedUrl(ctx, dashIn("private", types.EmbeddingIdentityTypeQuicksight, "rita"))
		wantErrorMessage(t, err, "AccessDeniedException", 401, "User: arn:aws:iam::"+accountID+":user/embedder is not authorized to perform: quicksight:GetDashboardEmbedUrl on resource: arn:aws:quicksight:"+region+":"+accountID+":dashboard/private")
		full := ts.client(ts.newIAMUser(t, accountID, "full", policy("Allow", "quicksight:GetDashboardEmbedUrl", dash, "Allow", "quicksight:GetAuthCode", userARN(accountID, "rita"))))
		get(t, full, dashIn("sales", types.EmbeddingIdentityTypeQuicksight, "rita"))
	})

	runErrorCases(t, c, []apiCase{
		{"QUICKSIGHT without user", dashCall(dashIn("sales", types.EmbeddingIdentityTypeQuicksight, "")), "InvalidParameterValueException", 400, "UserArn is required when IdentityType is QUICKSIGHT."},
		{"missing dashboard", dashCall(dashIn("nope", types.EmbeddingIdentityTypeQuicksight, "rita")), "ResourceNotFoundException", 404, "Dashboard nope doesn't exist in account " + accountID + "."},
		{"unknown user", dashCall(dashIn("sales", types.EmbeddingIdentityTypeQuicksight, "nobody")), "QuickSightUserNotFoundException", 404, "The user nobody does not exist"},
		{"namespace", dashCall(func() *quicksight.GetDashboardEmbedUrlInput {
			in := dashIn("sales", types.EmbeddingIdentityTypeQuicksight, "rita")
			in.Namespace = aws.String("sales")
			return in
		}()), "ResourceNotFoundException", 404, "Namespace sales not found"},
		{"lifetime", dashCall(func() *quicksight.GetDashboardEmbedUrlInput {
			in := dashIn("sales", types.EmbeddingIdentityTypeIam, "")
			in.SessionLifetimeInMinutes = aws.Int64(601)
			return in
		}()), "SessionLifetimeInMinutesInvalidException", 400, "The value 601"},
		{"additional id", dashCall(func() *quicksight.GetDashboardEmbedUrlInput {
			in := dashIn("sales", types.EmbeddingIdentityTypeIam, "")
			in.AdditionalDashboardIds = []string{"a b"}
			return in
		}()), "ValidationException", 400, "additionalDashboardIds"},
		{"another account", dashCall(&quicksight.GetDashboardEmbedUrlInput{AwsAccountId: aws.String(unsubscribed), DashboardId: aws.String("sales"), IdentityType: types.EmbeddingIdentityTypeIam}), "AccessDeniedException", 401, "quicksight:GetDashboardEmbedUrl"},
	})
	// What the SDK would refuse to send.
	base := "/accounts/" + accountID + "/dashboards/sales/embed-url"
	send(t, ts.signed(t, ts.Admin, http.MethodGet, base, "")).wantError(t, "ValidationException", 400)                    // identityType is required
	send(t, ts.signed(t, ts.Admin, http.MethodGet, base+"?creds-type=SAML", "")).wantError(t, "ValidationException", 400) // not in the enum
	send(t, ts.signed(t, ts.Admin, http.MethodGet, base+"?creds-type=IAM&reset-disabled=yes", "")).wantError(t, "SerializationException", 400)
	r := send(t, ts.signed(t, ts.Admin, http.MethodGet, base+"?creds-type=IAM&undo-redo-disabled=true&additional-dashboard-ids=sales&additional-dashboard-ids=private", ""))
	r.wantOK(t, http.StatusOK)
	ts.parseExperienceURL(t, r.str("EmbedUrl"), "/dashboards/sales")

	// Last, as the clock moves past what the SDK's signatures allow: the
	// code expires after 5 minutes, the session after its 30.
	if iamPage == "" || expiring.Raw == "" {
		t.Fatal("the subtests did not run")
	}
	clk.Advance(app.EmbedCodeTTL + time.Second)
	ts.open(t, expiring.Raw).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	ts.withToken(t, iamPage, iamToken).wantHTML(t, http.StatusOK)
	clk.Advance(25 * time.Minute)
	ts.withToken(t, iamPage, iamToken).wantErrorPage(t, http.StatusUnauthorized, "Unauthorized")
}

// wantRefused checks the page of a sign-on that succeeded but whose
// content the user may not see (or that does not exist): the status and
// the errorCode the frame reports.
func (p *page) wantRefused(t testing.TB, status int, errorCode string) {
	t.Helper()
	p.wantHTML(t, status)
	if !strings.Contains(p.Body, `data-page-type="ERROR"`) || !strings.Contains(p.Body, `data-error-code="`+errorCode+`"`) {
		t.Errorf("not a %s error page:\n%s", errorCode, p.Body)
	}
}

func dashCall(in *quicksight.GetDashboardEmbedUrlInput) func(context.Context, *quicksight.Client) error {
	return func(ctx context.Context, c *quicksight.Client) error {
		_, err := c.GetDashboardEmbedUrl(ctx, in)
		return err
	}
}

// TestEmbedAnotherAccount: every embed operation answers a caller acting
// on another account with AccessDeniedException, before looking at the
// user it names.
func TestEmbedAnotherAccount(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	for _, in := range []*quicksight.GetSessionEmbedUrlInput{
		{AwsAccountId: aws.String(unsubscribed), UserArn: aws.String(userARN(accountID, "admin"))},
		{AwsAccountId: aws.String(unsubscribed), UserArn: aws.String(userARN(unsubscribed, "nobody"))},
		{AwsAccountId: aws.String(unsubscribed)},
		{AwsAccountId: aws.String("999999999999"), EntryPoint: aws.String("/start"), SessionLifetimeInMinutes: aws.Int64(15)},
	} {
		_, err := c.GetSessionEmbedUrl(t.Context(), in)
		wantError(t, err, "AccessDeniedException", 401)
		wantMessageContains(t, err, "User: arn:aws:iam::"+accountID+":user/admin is not authorized to perform: quicksight:GetSessionEmbedUrl on resource: arn:aws:quicksight:"+region+":")
	}
}

// TestFavicon: browsers ask every frame's origin for /favicon.ico; the
// answer is the console's icon (an ICO holding a PNG) and needs no session.
func TestFavicon(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	p := ts.open(t, ts.URL+"/favicon.ico")
	if p.Status != http.StatusOK || p.Header.Get("Content-Type") != "image/x-icon" || !strings.HasPrefix(p.Body, "\x00\x00\x01\x00\x01\x00") || !strings.Contains(p.Body, "\x89PNG") {
		t.Fatalf("/favicon.ico: %d %v %q", p.Status, p.Header, p.Body)
	}
	if got := p.Header.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options = %q", got)
	}
}
