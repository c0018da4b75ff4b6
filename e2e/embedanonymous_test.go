package e2e

// GenerateEmbedUrlForAnonymousUser and GetDashboardEmbedUrl with
// IdentityType ANONYMOUS through the aws-sdk-go-v2 QuickSight client: the
// URLs, the sessions they open (their AuthorizedResourceArns' dashboards
// alone, whatever the dashboards' permissions; no console), the IAM check
// on those ARNs, and each modeled error.

import (
	"context"
	"math"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

// anonInput is GenerateEmbedUrlForAnonymousUser's input for the dashboard
// experience of the first of ids, authorising all of them.
func anonInput(ids ...string) *quicksight.GenerateEmbedUrlForAnonymousUserInput {
	arns := make([]string, len(ids))
	for i, id := range ids {
		arns[i] = dashboardARN(id)
	}
	return &quicksight.GenerateEmbedUrlForAnonymousUserInput{
		AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), AuthorizedResourceArns: arns,
		ExperienceConfiguration: &types.AnonymousUserEmbeddingExperienceConfiguration{
			Dashboard: &types.AnonymousUserDashboardEmbeddingConfiguration{InitialDashboardId: aws.String(ids[0])}},
	}
}

func anonCall(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) func(context.Context, *quicksight.Client) error {
	return func(ctx context.Context, c *quicksight.Client) error {
		_, err := c.GenerateEmbedUrlForAnonymousUser(ctx, in)
		return err
	}
}

// generateAnonymous calls GenerateEmbedUrlForAnonymousUser and checks the
// answer's members.
func generateAnonymous(t testing.TB, c *quicksight.Client, in *quicksight.GenerateEmbedUrlForAnonymousUserInput) string {
	t.Helper()
	out, err := c.GenerateEmbedUrlForAnonymousUser(t.Context(), in)
	if err != nil {
		t.Fatalf("GenerateEmbedUrlForAnonymousUser: %v", err)
	}
	if out.Status != 200 || aws.ToString(out.RequestId) == "" {
		t.Errorf("Status = %d, RequestId = %q", out.Status, aws.ToString(out.RequestId))
	}
	if got, want := aws.ToString(out.AnonymousUserArn), userARN(accountID, sg.AnonymousUserName); got != want {
		t.Errorf("AnonymousUserArn = %q, want %q", got, want)
	}
	return aws.ToString(out.EmbedUrl)
}

func TestGenerateEmbedURLForAnonymousUser(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(2000))
	c := ts.adminClient()
	db := sampleDB(t, ts)
	ts.createDashboard(t, "private", "Private") // shared with no one
	ts.createDashboard(t, "other", "Other")
	revenue := math.Round(sqlFloat(t, db, "SELECT sum(revenue) FROM orders")*100) / 100

	t.Run("dashboard", func(t *testing.T) {
		// The sample dashboard draws for the anonymous reader; "private"
		// opens too, though it is shared with no one: the listed ARNs are
		// the grant. "other" is not listed and is refused, through the
		// SDK's navigation (a full page load) and direct requests alike.
		in := anonInput(app.SampleDashboardID, "private")
		in.SessionTags = []types.SessionTag{{Key: aws.String("region"), Value: aws.String("EU")}, {Key: aws.String("tenant"), Value: aws.String("t-1")}}
		in.SessionLifetimeInMinutes = aws.Int64(60)
		u := ts.parseExperienceURL(t, generateAnonymous(t, c, in), "/dashboards/"+app.SampleDashboardID)
		token, p := ts.openExperience(t, u, "")
		if !strings.Contains(p.Body, `data-page-type="DASHBOARD"`) || strings.Contains(p.Body, `<header class="top">`) {
			t.Errorf("not the dashboard experience:\n%.2000s", p.Body)
		}
		wantEqual(t, "revenue KPI", kpiValue(t, p.Body, "kpi-revenue"), revenue)
		ts.open(t, u.Raw).wantErrorPage(t, http.StatusForbidden, "Forbidden") // single use

		// The session keeps its tags and dashboards, and has no user.
		s, err := ts.Store.FindSession(t.Context(), app.HashSecret(token))
		must(t, err)
		if !s.Anonymous() || s.UserName != "" || s.Tags["region"] != "EU" || s.Tags["tenant"] != "t-1" || len(s.Tags) != 2 ||
			strings.Join(s.AuthorizedDashboards, ",") != app.SampleDashboardID+",private" || s.ExpiresAt.Sub(s.CreatedAt).Minutes() != 60 {
			t.Errorf("stored session %+v", s)
		}

		embed := u.Base + "/embed/" + u.Sid
		ts.withToken(t, embed+"/dashboards/private", token).wantHTML(t, http.StatusOK)
		ts.withToken(t, embed+"/dashboards/other", token).wantRefused(t, http.StatusForbidden, "Forbidden")
		ts.withToken(t, embed+"/dashboards/nope", token).wantRefused(t, http.StatusNotFound, "NotFound")
		ts.withToken(t, embed+"/dashboards/other/sheets/s/visuals/v", token).wantRefused(t, http.StatusForbidden, "Forbidden")
		// A navigation ticket (the cookieless full page load of the SDK's
		// navigateToDashboard) keeps to the same dashboards.
		for _, tc := range []struct {
			id     string
			status int
		}{{"private", http.StatusOK}, {"other", http.StatusForbidden}} {
			status, ticket := ts.navigationTicket(t, u, "", token)
			if status != http.StatusOK || ticket == "" {
				t.Fatalf("navigation ticket: %d %q", status, ticket)
			}
			if p := ts.open(t, embed+"/dashboards/"+tc.id+"?sgTicket="+ticket); p.Status != tc.status {
				t.Errorf("%s with a navigation ticket: %d, want %d", tc.id, p.Status, tc.status)
			}
		}
		console := u.Base + "/embedding/" + u.Sid
		p = ts.browse(t, http.MethodGet, console+"/dashboards/"+app.SampleDashboardID+"/sheets/overview", "", token)
		if p.Status != http.StatusOK || !strings.Contains(p.Body, `data-visual-id="kpi-revenue"`) {
			t.Errorf("sheet of a listed dashboard: %d\n%.1000s", p.Status, p.Body)
		}
		if p := ts.browse(t, http.MethodGet, console+"/dashboards/other/sheets/overview", "", token); p.Status != http.StatusForbidden {
			t.Errorf("sheet of an unlisted dashboard: %d", p.Status)
		}
		// No console: start pages, the console's dashboard and analysis
		// pages, favorites.
		for _, path := range []string{"/start", "/start/dashboards", "/start/favorites", "/dashboards/" + app.SampleDashboardID, "/analyses/" + app.SampleAnalysisID} {
			ts.withToken(t, console+path, token).wantErrorPage(t, http.StatusForbidden, "Forbidden")
		}
		if p := ts.browse(t, http.MethodGet, console+"/analyses/"+app.SampleAnalysisID+"/sheets/overview", "", token); p.Status != http.StatusForbidden {
			t.Errorf("analysis sheet: %d", p.Status)
		}
		if p := ts.browse(t, http.MethodPost, console+"/favorites/dashboard/"+app.SampleDashboardID, "", token); p.Status != http.StatusForbidden {
			t.Errorf("favorite: %d %s", p.Status, p.Body)
		}
		// A user row was never made.
		users, err := c.ListUsers(t.Context(), &quicksight.ListUsersInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default")})
		must(t, err)
		for _, u := range users.UserList {
			if aws.ToString(u.UserName) == sg.AnonymousUserName {
				t.Errorf("ListUsers lists %s", sg.AnonymousUserName)
			}
		}
	})

	t.Run("visual", func(t *testing.T) {
		in := anonInput(app.SampleDashboardID)
		in.ExperienceConfiguration = &types.AnonymousUserEmbeddingExperienceConfiguration{DashboardVisual: &types.AnonymousUserDashboardVisualEmbeddingConfiguration{
			InitialDashboardVisualId: &types.DashboardVisualId{DashboardId: aws.String(app.SampleDashboardID), SheetId: aws.String("overview"), VisualId: aws.String("kpi-revenue")}}}
		path := "/dashboards/" + app.SampleDashboardID + "/sheets/overview/visuals/kpi-revenue"
		u := ts.parseExperienceURL(t, generateAnonymous(t, c, in), path)
		token, p := ts.openExperience(t, u, "")
		wantEqual(t, "revenue KPI", kpiValue(t, p.Body, "kpi-revenue"), revenue)
		ts.withToken(t, u.Base+"/embed/"+u.Sid+"/dashboards/private", token).wantRefused(t, http.StatusForbidden, "Forbidden")
	})

	t.Run("not the console", func(t *testing.T) {
		// An anonymous URL does not open the console at its entry point;
		// the attempt spends the code.
		raw := generateAnonymous(t, c, anonInput(app.SampleDashboardID))
		ts.open(t, strings.Replace(raw, "/embed/", "/embedding/", 1)).wantErrorPage(t, http.StatusForbidden, "Forbidden")
		ts.open(t, raw).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	})

	t.Run("domains and themes", func(t *testing.T) {
		in := anonInput(app.SampleDashboardID)
		in.AuthorizedResourceArns = append(in.AuthorizedResourceArns, "arn:aws:quicksight:"+region+":"+accountID+":theme/dark", dashboardARN(app.SampleDashboardID))
		in.AllowedDomains = []string{"https://app.example.com"}
		u := ts.parseExperienceURL(t, generateAnonymous(t, c, in), "/dashboards/"+app.SampleDashboardID)
		_, p := ts.openExperience(t, u, "&punyCodeEmbedOrigin=https%3A%2F%2Fapp.example.com%2F-&contextId=c1&discriminator=0")
		if got, want := p.frameAncestors(), "frame-ancestors https://app.example.com"; got != want {
			t.Errorf("CSP %q, want %q", got, want)
		}
	})
}

func TestGenerateEmbedURLForAnonymousUserErrors(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ts.createDashboard(t, "sales", "Sales")
	with := func(f func(*quicksight.GenerateEmbedUrlForAnonymousUserInput)) *quicksight.GenerateEmbedUrlForAnonymousUserInput {
		in := anonInput("sales")
		f(in)
		return in
	}
	tags := func(n int) []types.SessionTag {
		out := make([]types.SessionTag, n)
		for i := range out {
			out[i] = types.SessionTag{Key: aws.String("k" + strings.Repeat("x", i)), Value: aws.String("v")}
		}
		return out
	}
	noQ := "experience is not available: Sightglass has no Amazon Q"
	runErrorCases(t, c, []apiCase{
		{"Q search bar", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) {
			in.ExperienceConfiguration = &types.AnonymousUserEmbeddingExperienceConfiguration{QSearchBar: &types.AnonymousUserQSearchBarEmbeddingConfiguration{InitialTopicId: aws.String("t1")}}
		})), "UnsupportedUserEditionException", 403, "The QSearchBar " + noQ},
		{"generative Q&A", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) {
			in.ExperienceConfiguration = &types.AnonymousUserEmbeddingExperienceConfiguration{GenerativeQnA: &types.AnonymousUserGenerativeQnAEmbeddingConfiguration{InitialTopicId: aws.String("t1")}}
		})), "UnsupportedUserEditionException", 403, "The GenerativeQnA " + noQ},
		{"no experience", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) {
			in.ExperienceConfiguration = &types.AnonymousUserEmbeddingExperienceConfiguration{}
		})), "InvalidParameterValueException", 400, "ExperienceConfiguration must have exactly one of Dashboard or DashboardVisual."},
		{"initial dashboard not authorized", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) {
			in.AuthorizedResourceArns = []string{dashboardARN("other")}
		})), "InvalidParameterValueException", 400, "The ARN of dashboard sales must be included in AuthorizedResourceArns."},
		{"visual's dashboard not authorized", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) {
			in.ExperienceConfiguration = &types.AnonymousUserEmbeddingExperienceConfiguration{DashboardVisual: &types.AnonymousUserDashboardVisualEmbeddingConfiguration{
				InitialDashboardVisualId: &types.DashboardVisualId{DashboardId: aws.String("other"), SheetId: aws.String("s"), VisualId: aws.String("v")}}}
		})), "InvalidParameterValueException", 400, "The ARN of dashboard other must be included"},
		{"no ARNs", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) { in.AuthorizedResourceArns = []string{} })),
			"InvalidParameterValueException", 400, "AuthorizedResourceArns must list at least one dashboard ARN."},
		{"not an ARN", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) {
			in.AuthorizedResourceArns = append(in.AuthorizedResourceArns, "sales")
		})), "InvalidParameterValueException", 400, "AuthorizedResourceArns: 'sales' is not the ARN of a dashboard or theme."},
		{"analysis ARN", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) {
			in.AuthorizedResourceArns = append(in.AuthorizedResourceArns, "arn:aws:quicksight:"+region+":"+accountID+":analysis/a1")
		})), "InvalidParameterValueException", 400, "is not the ARN of a dashboard or theme"},
		{"wildcard ARN", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) {
			in.AuthorizedResourceArns = append(in.AuthorizedResourceArns, dashboardARN("*"))
		})), "InvalidParameterValueException", 400, "is not the ARN of a dashboard or theme"},
		{"another account's dashboard", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) {
			in.AuthorizedResourceArns = append(in.AuthorizedResourceArns, "arn:aws:quicksight:"+region+":210987654321:dashboard/sales")
		})), "InvalidParameterValueException", 400, "is not a resource of account " + accountID + " in " + region + "."},
		{"another region", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) {
			in.AuthorizedResourceArns = append(in.AuthorizedResourceArns, "arn:aws:quicksight:eu-west-9:"+accountID+":dashboard/sales")
		})), "InvalidParameterValueException", 400, "is not a resource of account"},
		{"26 themes", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) {
			for i := range 26 {
				in.AuthorizedResourceArns = append(in.AuthorizedResourceArns, "arn:aws:quicksight:"+region+":"+accountID+":theme/t"+strings.Repeat("x", i))
			}
		})), "InvalidParameterValueException", 400, "AuthorizedResourceArns lists more than 25 theme ARNs."},
		{"101 dashboards", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) {
			for i := range 101 {
				in.AuthorizedResourceArns = append(in.AuthorizedResourceArns, dashboardARN("d"+strings.Repeat("x", i)))
			}
		})), "InvalidParameterValueException", 400, "AuthorizedResourceArns lists more than 100 dashboards."},
		{"missing dashboard", anonCall(anonInput("nope")), "ResourceNotFoundException", 404, "Dashboard nope doesn't exist in account " + accountID + "."},
		{"empty namespace", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) { in.Namespace = aws.String("") })),
			"InvalidParameterValueException", 400, "Namespace is required for an anonymous user"},
		{"unknown namespace", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) { in.Namespace = aws.String("sales") })),
			"ResourceNotFoundException", 404, "Namespace sales not found in account " + accountID + "."},
		{"duplicate tag", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) {
			in.SessionTags = []types.SessionTag{{Key: aws.String("region"), Value: aws.String("EU")}, {Key: aws.String("region"), Value: aws.String("US")}}
		})), "InvalidParameterValueException", 400, "SessionTags lists the key 'region' more than once."},
		{"51 tags", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) { in.SessionTags = tags(51) })), "ValidationException", 400, "sessionTags"},
		{"empty tag value", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) {
			in.SessionTags = []types.SessionTag{{Key: aws.String("region"), Value: aws.String("")}}
		})), "ValidationException", 400, "sessionTags.1.member.value"},
		{"four domains", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) {
			in.AllowedDomains = []string{"https://a.example", "https://b.example", "https://c.example", "https://d.example"}
		})), "InvalidParameterValueException", 400, "AllowedDomains lists 4 domains; at most 3 are allowed."},
		{"lifetime 14", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) {
			in.SessionLifetimeInMinutes = aws.Int64(14)
		})),
			"SessionLifetimeInMinutesInvalidException", 400, "The value 14 for SessionLifetimeInMinutes is not valid. It must be between 15 and 600 minutes."},
		{"lifetime 601", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) {
			in.SessionLifetimeInMinutes = aws.Int64(601)
		})),
			"SessionLifetimeInMinutesInvalidException", 400, "The value 601"},
		{"another account", anonCall(with(func(in *quicksight.GenerateEmbedUrlForAnonymousUserInput) { in.AwsAccountId = aws.String(unsubscribed) })),
			"AccessDeniedException", 401, "is not authorized to perform: quicksight:GenerateEmbedUrlForAnonymousUser on resource: arn:aws:quicksight:" + region + ":" + unsubscribed + ":namespace/default"},
	})
	// A dashboard deleted after a URL was minted for it is not found by
	// the next mint (the App remembers dashboards it saw, until a change).
	ts.createDashboard(t, "gone", "Gone")
	generateAnonymous(t, c, anonInput("gone"))
	_, err := c.DeleteDashboard(t.Context(), &quicksight.DeleteDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("gone")})
	must(t, err)
	_, err = c.GenerateEmbedUrlForAnonymousUser(t.Context(), anonInput("gone"))
	wantErrorMessage(t, err, "ResourceNotFoundException", 404, "Dashboard gone doesn't exist in account "+accountID+".")

	// The raw answer: 200, JSON, EmbedUrl and AnonymousUserArn.
	body := `{"Namespace":"default","AuthorizedResourceArns":["` + dashboardARN("sales") + `"],"ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"sales","EnabledFeatures":["SHARED_VIEW"]}}}`
	r := send(t, ts.signed(t, ts.Admin, http.MethodPost, "/accounts/"+accountID+"/embed-url/anonymous-user", body))
	r.wantOK(t, http.StatusOK)
	ts.parseExperienceURL(t, r.str("EmbedUrl"), "/dashboards/sales")
	if got := r.str("AnonymousUserArn"); got != userARN(accountID, sg.AnonymousUserName) {
		t.Errorf("AnonymousUserArn = %q", got)
	}
	// What the SDK would refuse to send.
	path := "/accounts/" + accountID + "/embed-url/anonymous-user"
	send(t, ts.signed(t, ts.Admin, http.MethodPost, path, `{"AuthorizedResourceArns":[],"ExperienceConfiguration":{}}`)).wantError(t, "ValidationException", 400) // Namespace is required
	send(t, ts.signed(t, ts.Admin, http.MethodPost, path, strings.Replace(body, `"SHARED_VIEW"`, `"BOOKMARKS"`, 1))).wantError(t, "ValidationException", 400)
	send(t, ts.signed(t, ts.Admin, http.MethodPost, path, strings.Replace(body, `"Namespace"`, `"QuickSightConsole":{},"Namespace"`, 1))).wantError(t, "SerializationException", 400)
}

// TestGenerateEmbedURLForAnonymousUserIAM: the action is authorised on the
// namespace and on each AuthorizedResourceArns ARN, as QuickSight's sample
// policy grants it; the dashboards' own permissions play no part.
func TestGenerateEmbedURLForAnonymousUserIAM(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	ctx := t.Context()
	ts.createDashboard(t, "sales", "Sales")
	ts.createDashboard(t, "ops", "Ops")
	ns := "arn:aws:quicksight:" + region + ":" + accountID + ":namespace/default"
	scoped := ts.client(ts.newIAMUser(t, accountID, "scoped", policy(
		"Allow", "quicksight:GenerateEmbedUrlForAnonymousUser", ns,
		"Allow", "quicksight:GenerateEmbedUrlForAnonymousUser", dashboardARN("sales"))))
	ts.parseExperienceURL(t, generateAnonymous(t, scoped, anonInput("sales")), "/dashboards/sales")
	_, err := scoped.GenerateEmbedUrlForAnonymousUser(ctx, anonInput("sales", "ops"))
	wantErrorMessage(t, err, "AccessDeniedException", 401,
		"User: arn:aws:iam::"+accountID+":user/scoped is not authorized to perform: quicksight:GenerateEmbedUrlForAnonymousUser on resource: "+dashboardARN("ops"))
	noNamespace := ts.client(ts.newIAMUser(t, accountID, "nons", policy("Allow", "quicksight:GenerateEmbedUrlForAnonymousUser", dashboardARN("*"))))
	_, err = noNamespace.GenerateEmbedUrlForAnonymousUser(ctx, anonInput("sales"))
	wantErrorMessage(t, err, "AccessDeniedException", 401, "User: arn:aws:iam::"+accountID+":user/nons is not authorized to perform: quicksight:GenerateEmbedUrlForAnonymousUser on resource: "+ns)
	// The registered-user action does not grant this one.
	other := ts.client(ts.newIAMUser(t, accountID, "other", policy("Allow", "quicksight:GenerateEmbedUrlForRegisteredUser", "*")))
	_, err = other.GenerateEmbedUrlForAnonymousUser(ctx, anonInput("sales"))
	wantError(t, err, "AccessDeniedException", 401)
	denied := ts.client(ts.newIAMUser(t, accountID, "denied", policy("Allow", "quicksight:*", "*", "Deny", "quicksight:GenerateEmbedUrlForAnonymousUser", dashboardARN("ops"))))
	ts.parseExperienceURL(t, generateAnonymous(t, denied, anonInput("sales")), "/dashboards/sales")
	_, err = denied.GenerateEmbedUrlForAnonymousUser(ctx, anonInput("sales", "ops"))
	wantError(t, err, "AccessDeniedException", 401)
}

// TestGetDashboardEmbedURLAnonymous: the legacy API's ANONYMOUS identity:
// Namespace required, DashboardId and AdditionalDashboardIds are all the
// session may open.
func TestGetDashboardEmbedURLAnonymous(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	ts.createDashboard(t, "sales", "Sales")
	ts.createDashboard(t, "ops", "Ops")
	ts.createDashboard(t, "hr", "HR")
	in := func(id string, additional ...string) *quicksight.GetDashboardEmbedUrlInput {
		return &quicksight.GetDashboardEmbedUrlInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(id), IdentityType: types.EmbeddingIdentityTypeAnonymous,
			Namespace: aws.String("default"), AdditionalDashboardIds: additional}
	}
	x := in("sales", "ops")
	x.UndoRedoDisabled, x.ResetDisabled, x.StatePersistenceEnabled = true, true, true
	out, err := c.GetDashboardEmbedUrl(ctx, x)
	must(t, err)
	u := ts.parseExperienceURL(t, aws.ToString(out.EmbedUrl), "/dashboards/sales")
	token, _ := ts.openExperience(t, u, "")
	embed := u.Base + "/embed/" + u.Sid
	ts.withToken(t, embed+"/dashboards/ops", token).wantHTML(t, http.StatusOK)
	ts.withToken(t, embed+"/dashboards/hr", token).wantRefused(t, http.StatusForbidden, "Forbidden")
	ts.withToken(t, u.Base+"/embedding/"+u.Sid+"/start", token).wantErrorPage(t, http.StatusForbidden, "Forbidden")

	// GetDashboardEmbedUrl on each dashboard is the grant.
	scoped := ts.client(ts.newIAMUser(t, accountID, "scoped", policy("Allow", "quicksight:GetDashboardEmbedUrl", dashboardARN("sales"))))
	_, err = scoped.GetDashboardEmbedUrl(ctx, in("sales"))
	must(t, err)
	_, err = scoped.GetDashboardEmbedUrl(ctx, in("sales", "ops"))
	wantErrorMessage(t, err, "AccessDeniedException", 401, "User: arn:aws:iam::"+accountID+":user/scoped is not authorized to perform: quicksight:GetDashboardEmbedUrl on resource: "+dashboardARN("ops"))

	noNamespace := in("sales")
	noNamespace.Namespace = nil
	withUser := in("sales")
	withUser.UserArn = aws.String(userARN(accountID, "admin"))
	runErrorCases(t, c, []apiCase{
		{"no namespace", dashCall(noNamespace), "InvalidParameterValueException", 400, "Namespace is required for an anonymous user"},
		{"user ARN", dashCall(withUser), "InvalidParameterValueException", 400, "UserArn can't be given with IdentityType ANONYMOUS."},
		{"missing dashboard", dashCall(in("nope")), "ResourceNotFoundException", 404, "Dashboard nope doesn't exist"},
		{"lifetime", dashCall(func() *quicksight.GetDashboardEmbedUrlInput {
			x := in("sales")
			x.SessionLifetimeInMinutes = aws.Int64(601)
			return x
		}()), "SessionLifetimeInMinutesInvalidException", 400, "The value 601"},
		{"21 additional", dashCall(in("sales", strings.Split(strings.Repeat("x,", 21)[:41], ",")...)), "ValidationException", 400, "additionalDashboardIds"},
		{"another account", dashCall(func() *quicksight.GetDashboardEmbedUrlInput {
			x := in("sales")
			x.AwsAccountId = aws.String(unsubscribed)
			return x
		}()), "AccessDeniedException", 401, "quicksight:GetDashboardEmbedUrl"},
	})
}

// TestAnonymousEmbedPostgres: an anonymous session minted, redeemed (the
// PostgreSQL store's one-statement redemption) and kept to its dashboards
// on PostgreSQL, when SIGHTGLASS_TEST_POSTGRES names a server.
func TestAnonymousEmbedPostgres(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	ts := startServer(t, withPostgres(freshDatabase(t, dsn)))
	c := ts.adminClient()
	ts.createDashboard(t, "sales", "Sales")
	ts.createDashboard(t, "ops", "Ops")
	in := anonInput("sales")
	in.SessionTags = []types.SessionTag{{Key: aws.String("region"), Value: aws.String("EU")}}
	u := ts.parseExperienceURL(t, generateAnonymous(t, c, in), "/dashboards/sales")
	token, _ := ts.openExperience(t, u, "")
	ts.open(t, u.Raw).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	s, err := ts.Store.FindSession(t.Context(), app.HashSecret(token))
	must(t, err)
	if !s.Anonymous() || s.Tags["region"] != "EU" || strings.Join(s.AuthorizedDashboards, ",") != "sales" {
		t.Errorf("stored session %+v", s)
	}
	embed := u.Base + "/embed/" + u.Sid
	ts.withToken(t, embed+"/dashboards/sales", token).wantHTML(t, http.StatusOK)
	ts.withToken(t, embed+"/dashboards/ops", token).wantRefused(t, http.StatusForbidden, "Forbidden")
}
