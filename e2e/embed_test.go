package e2e

// GetSessionEmbedUrl through the aws-sdk-go-v2 QuickSight client: the URL
// it mints, its validation, and whose console it may open.

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// TestGetSessionEmbedURL mints URLs for every entry point and opens each.
func TestGetSessionEmbedURL(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withClock(newClock()))
	c := ts.adminClient()
	ts.createDashboard(t, "sales-2024_Q1", "Sales 2024 Q1")
	ts.createAnalysis(t, "plan-b", "Plan B")

	// Without EntryPoint and lifetime: /start, a 600-minute session.
	first := ts.mintWith(t, c, embedInput("admin", "", 0), "/start")
	second := ts.mintWith(t, c, embedInput("admin", "", 0), "/start")
	if first.Sid == second.Sid || first.Code == second.Code {
		t.Errorf("two mints share a sid or code: %q, %q", first.Raw, second.Raw)
	}
	token, p := ts.signOn(t, first, 600*60)
	p.wantConsole(t, "START", token)

	for _, tc := range []struct{ entry, pageType, resource string }{
		{"/start", "START", ""},
		{"/start/analyses", "START", ""},
		{"/start/dashboards", "START", ""},
		{"/start/favorites", "START", ""},
		{"/dashboards/sales-2024_Q1", "DASHBOARD", "sales-2024_Q1"},
		{"/analyses/plan-b", "ANALYSIS", "plan-b"},
	} {
		t.Run(tc.entry, func(t *testing.T) {
			u := ts.mintWith(t, c, embedInput("admin", tc.entry, 0), tc.entry)
			token, p := ts.signOn(t, u, 600*60)
			p.wantConsole(t, tc.pageType, token)
			if !strings.Contains(p.Body, `data-resource-id="`+tc.resource+`"`) {
				t.Errorf("page is not about %q:\n%s", tc.resource, p.Body)
			}
		})
	}

	// The lifetime bounds are accepted, and set the cookie's Max-Age.
	for _, minutes := range []int64{15, 600} {
		u := ts.mintWith(t, c, embedInput("admin", "/start/dashboards", minutes), "/start/dashboards")
		ts.signOn(t, u, int(minutes)*60)
	}

	// The raw response: JSON, Status 200, the URL in EmbedUrl.
	r := send(t, ts.signed(t, ts.Admin, http.MethodGet, "/accounts/"+accountID+"/session-embed-url?entry-point=%2Fstart%2Ffavorites&session-lifetime=15&user-arn="+url.QueryEscape(userARN(accountID, "admin")), ""))
	r.wantOK(t, http.StatusOK)
	ts.parseEmbedURL(t, r.str("EmbedUrl"), "/start/favorites")
}

func TestGetSessionEmbedURLValidation(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ts.createDashboard(t, "sales", "Sales")
	registerQuickSightUser(t, c, "gone", types.UserRoleReader)
	_, err := c.DeleteUser(t.Context(), &quicksight.DeleteUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("gone")})
	must(t, err)

	var cases []apiCase
	for _, bad := range []string{"start", "/start/", "/Start", "/start/reports", "/dashboards/", "/dashboards/sales/", "/dashboards/a/b", "/dashboards/a b", "/dashboards/a%20b", "/dashboards/sales/views/v1", "/analyses/", "/analyses/a.b", "/embedding/start", "/q/search", "https://evil.example/start"} {
		cases = append(cases, apiCase{"entry " + bad, embedCall(embedInput("admin", bad, 0)), "InvalidParameterValueException", 400,
			"EntryPoint '" + bad + "' is not valid. Use /start, /start/analyses, /start/dashboards, /start/favorites, /dashboards/<DashboardId> or /analyses/<AnalysisId>."})
	}
	long := "/dashboards/" + strings.Repeat("d", 1000)
	cases = append(cases,
		apiCase{"empty entry", embedCall(&quicksight.GetSessionEmbedUrlInput{AwsAccountId: aws.String(accountID), EntryPoint: aws.String("")}), ve, 400, "Value '' at 'entryPoint' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		apiCase{"entry too long", embedCall(embedInput("admin", long, 0)), ve, 400, "at 'entryPoint' failed to satisfy constraint: Member must have length less than or equal to 1000"},
		apiCase{"missing dashboard", embedCall(embedInput("admin", "/dashboards/nope", 0)), "ResourceNotFoundException", 404, "Dashboard nope doesn't exist in account " + accountID + "."},
		apiCase{"missing analysis", embedCall(embedInput("admin", "/analyses/nope", 0)), "ResourceNotFoundException", 404, "Analysis nope doesn't exist in account " + accountID + "."},
		apiCase{"dashboard id of an analysis", embedCall(embedInput("admin", "/analyses/sales", 0)), "ResourceNotFoundException", 404, "Analysis sales doesn't exist"},
	)
	for _, n := range []int64{14, 601, -15, 100000} {
		cases = append(cases, apiCase{"lifetime " + strconv.FormatInt(n, 10), embedCall(embedInput("admin", "", n)), "SessionLifetimeInMinutesInvalidException", 400,
			"The value " + strconv.FormatInt(n, 10) + " for SessionLifetimeInMinutes is not valid. It must be between 15 and 600 minutes."})
	}
	arnIn := func(arn string) *quicksight.GetSessionEmbedUrlInput {
		return &quicksight.GetSessionEmbedUrlInput{AwsAccountId: aws.String(accountID), UserArn: aws.String(arn)}
	}
	cases = append(cases,
		apiCase{"unknown user", embedCall(embedInput("nobody", "", 0)), "QuickSightUserNotFoundException", 404,
			"The user nobody does not exist or is not active in namespace default of account " + accountID + "."},
		apiCase{"deleted user", embedCall(embedInput("gone", "", 0)), "QuickSightUserNotFoundException", 404,
			"The user gone does not exist or is not active in namespace default of account " + accountID + "."},
		apiCase{"user of another account", embedCall(arnIn(userARN("999999999999", "admin"))), "QuickSightUserNotFoundException", 404, "does not exist"},
		apiCase{"user of another region", embedCall(arnIn("arn:aws:quicksight:eu-west-1:" + accountID + ":user/default/admin")), "QuickSightUserNotFoundException", 404, "does not exist"},
		apiCase{"user of another namespace", embedCall(arnIn("arn:aws:quicksight:" + region + ":" + accountID + ":user/sales/admin")), "QuickSightUserNotFoundException", 404, "does not exist"},
		apiCase{"IAM ARN", embedCall(arnIn("arn:aws:iam::" + accountID + ":user/admin")), "InvalidParameterValueException", 400, "is not a QuickSight user ARN"},
		apiCase{"not an ARN", embedCall(arnIn("admin")), "InvalidParameterValueException", 400, "is not a QuickSight user ARN"},
		apiCase{"user ARN without name", embedCall(arnIn("arn:aws:quicksight:" + region + ":" + accountID + ":user/default")), "InvalidParameterValueException", 400, "is not a QuickSight user ARN"},
		apiCase{"bad account id", embedCall(&quicksight.GetSessionEmbedUrlInput{AwsAccountId: aws.String("12345")}), ve, 400, "Value '12345' at 'awsAccountId' failed to satisfy constraint: Member must have length greater than or equal to 12"},
	)
	runErrorCases(t, c, cases)

	// A lifetime that is not a number never reaches the operation.
	send(t, ts.signed(t, ts.Admin, http.MethodGet, "/accounts/"+accountID+"/session-embed-url?session-lifetime=ten", "")).wantError(t, "SerializationException", 400)
}

// TestGetSessionEmbedURLCallers: whose console a caller may open, with and
// without UserArn.
func TestGetSessionEmbedURLCallers(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	registerQuickSightUser(t, c, "rita", types.UserRoleReader)
	registerQuickSightUser(t, c, "erin", types.UserRoleAuthor)

	// Without UserArn, the caller's own IAM identity: the bootstrap admin
	// is registered.
	u := ts.mintWith(t, c, &quicksight.GetSessionEmbedUrlInput{AwsAccountId: aws.String(accountID)}, "/start")
	token, p := ts.signOn(t, u, -1)
	p.wantConsole(t, "START", token)
	if !strings.Contains(p.Body, `<span class="user">admin</span> <span class="role role-ADMIN">ADMIN</span>`) {
		t.Errorf("console of the caller is not admin's:\n%s", p.Body)
	}

	// An IAM user that is not registered, and one whose name is only a
	// QUICKSIGHT user's, get QuickSightUserNotFoundException.
	self := &quicksight.GetSessionEmbedUrlInput{AwsAccountId: aws.String(accountID)}
	dave := ts.client(ts.newIAMUser(t, accountID, "dave", fullAccess))
	_, err := dave.GetSessionEmbedUrl(ctx, self)
	wantErrorMessage(t, err, "QuickSightUserNotFoundException", 404, "The user dave does not exist or is not active in namespace default of account "+accountID+".")
	erin := ts.client(ts.newIAMUser(t, accountID, "erin", fullAccess))
	_, err = erin.GetSessionEmbedUrl(ctx, self)
	wantErrorMessage(t, err, "QuickSightUserNotFoundException", 404, "The caller is not registered as a QuickSight user in account "+accountID+".")
	// Either may still name a user.
	ts.mintWith(t, dave, embedInput("rita", "", 0), "/start")

	// A role session registered as ROLE/SESSION opens its own console.
	role := ts.newRole(t, accountID, "analyst", policy("Allow", "quicksight:GetSessionEmbedUrl", userARN(accountID, "analyst/*")))
	_, err = c.RegisterUser(ctx, &quicksight.RegisterUserInput{
		AwsAccountId: aws.String(accountID), Namespace: aws.String("default"),
		IdentityType: types.IdentityTypeIam, IamArn: aws.String(role.ARN()), SessionName: aws.String("alice@example.com"),
		Email: aws.String("alice@example.com"), UserRole: types.UserRoleReader,
	})
	must(t, err)
	alice := ts.client(ts.assumeRole(t, accountID, "analyst", "alice@example.com"))
	u = ts.mintWith(t, alice, self, "/start")
	token, p = ts.signOn(t, u, -1)
	p.wantConsole(t, "START", token)
	if !strings.Contains(p.Body, `<span class="user">analyst/alice@example.com</span> <span class="role role-READER">READER</span>`) {
		t.Errorf("console of the role session is not analyst/alice@example.com's:\n%s", p.Body)
	}
	bob := ts.client(ts.assumeRole(t, accountID, "analyst", "bob@example.com"))
	_, err = bob.GetSessionEmbedUrl(ctx, self)
	wantError(t, err, "QuickSightUserNotFoundException", 404)
	// The role may not open the admin's console.
	_, err = alice.GetSessionEmbedUrl(ctx, embedInput("admin", "", 0))
	wantErrorMessage(t, err, "AccessDeniedException", 401,
		"User: arn:aws:sts::"+accountID+":assumed-role/analyst/alice@example.com is not authorized to perform: quicksight:GetSessionEmbedUrl on resource: "+userARN(accountID, "admin"))

	// A policy without quicksight:GetSessionEmbedUrl, and one scoped to
	// one user.
	limited := ts.client(ts.newIAMUser(t, accountID, "limited", policy("Allow", "quicksight:DescribeUser", "*")))
	_, err = limited.GetSessionEmbedUrl(ctx, embedInput("rita", "", 0))
	wantErrorMessage(t, err, "AccessDeniedException", 401,
		"User: arn:aws:iam::"+accountID+":user/limited is not authorized to perform: quicksight:GetSessionEmbedUrl on resource: "+userARN(accountID, "rita"))
	scoped := ts.client(ts.newIAMUser(t, accountID, "scoped", policy("Allow", "quicksight:GetSessionEmbedUrl", userARN(accountID, "rita"))))
	ts.mintWith(t, scoped, embedInput("rita", "/start/dashboards", 0), "/start/dashboards")
	_, err = scoped.GetSessionEmbedUrl(ctx, embedInput("admin", "", 0))
	wantError(t, err, "AccessDeniedException", 401)
	denied := ts.client(ts.newIAMUser(t, accountID, "denied", policy("Allow", "quicksight:*", "*", "Deny", "quicksight:GetSessionEmbedUrl", "*")))
	_, err = denied.GetSessionEmbedUrl(ctx, embedInput("rita", "", 0))
	wantError(t, err, "AccessDeniedException", 401)
}

// TestGetSessionEmbedURLAccounts: the edition and subscription of the
// account.
func TestGetSessionEmbedURLAccounts(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	ctx := t.Context()

	// A STANDARD edition account cannot embed.
	founder := ts.client(ts.newIAMUser(t, unsubscribed, "founder", fullAccess))
	_, err := founder.CreateAccountSubscription(ctx, &quicksight.CreateAccountSubscriptionInput{
		AwsAccountId:         aws.String(unsubscribed),
		Edition:              types.EditionStandard,
		AuthenticationMethod: types.AuthenticationMethodOptionIamAndQuicksight,
		AccountName:          aws.String("standard-edition"),
		NotificationEmail:    aws.String("owner@example.org"),
	})
	must(t, err)
	_, err = founder.RegisterUser(ctx, &quicksight.RegisterUserInput{
		AwsAccountId: aws.String(unsubscribed), Namespace: aws.String("default"),
		IdentityType: types.IdentityTypeQuicksight, UserName: aws.String("sam"), Email: aws.String("sam@example.org"), UserRole: types.UserRoleReader,
	})
	must(t, err)
	for _, in := range []*quicksight.GetSessionEmbedUrlInput{
		{AwsAccountId: aws.String(unsubscribed), UserArn: aws.String(userARN(unsubscribed, "sam"))},
		{AwsAccountId: aws.String(unsubscribed)},
	} {
		_, err = founder.GetSessionEmbedUrl(ctx, in)
		wantErrorMessage(t, err, "UnsupportedUserEditionException", 403,
			"Embedding is not supported by the STANDARD edition of Amazon QuickSight. Upgrade account "+unsubscribed+" to ENTERPRISE.")
	}

	// An account without a subscription.
	const none = "222222222222"
	lonely := ts.client(ts.newIAMUser(t, none, "founder", fullAccess))
	_, err = lonely.GetSessionEmbedUrl(ctx, &quicksight.GetSessionEmbedUrlInput{AwsAccountId: aws.String(none), UserArn: aws.String(userARN(none, "founder"))})
	wantErrorMessage(t, err, "ResourceNotFoundException", 404, "Account "+none+" is not signed up for Amazon QuickSight.")
	var rnf *types.ResourceNotFoundException
	if !errors.As(err, &rnf) || rnf.ResourceType != types.ExceptionResourceTypeAccountSettings {
		t.Errorf("ResourceType = %v, want ACCOUNT_SETTINGS", rnf)
	}

	// The bootstrap admin cannot mint for another account's users.
	_, err = ts.adminClient().GetSessionEmbedUrl(ctx, &quicksight.GetSessionEmbedUrlInput{AwsAccountId: aws.String(unsubscribed), UserArn: aws.String(userARN(unsubscribed, "sam"))})
	wantError(t, err, "AccessDeniedException", 401)
}

// TestGetSessionEmbedURLThrottling drains the account's bucket (rate 1/s,
// burst 2) on a stopped clock.
func TestGetSessionEmbedURLThrottling(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ts := startServer(t, withClock(clk), withThrottle(1, 2))
	c := ts.adminClient()
	u := ts.mintWith(t, c, embedInput("admin", "", 0), "/start")
	ts.mintWith(t, c, embedInput("admin", "", 0), "/start")
	_, err := c.GetSessionEmbedUrl(t.Context(), embedInput("admin", "", 0))
	wantErrorMessage(t, err, "ThrottlingException", 429, "Rate exceeded for account "+accountID+".")
	// The console does not draw on the API's bucket.
	ts.signOn(t, u, 600*60)
	_, err = c.GetSessionEmbedUrl(t.Context(), embedInput("admin", "", 0))
	wantError(t, err, "ThrottlingException", 429)
	// One second refills one token.
	clk.Advance(time.Second)
	ts.mintWith(t, c, embedInput("admin", "", 0), "/start")
	_, err = c.GetSessionEmbedUrl(t.Context(), embedInput("admin", "", 0))
	wantError(t, err, "ThrottlingException", 429)
}
