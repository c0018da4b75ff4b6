package e2e

// Authorization: IAM policies of the calling principal, foreign account
// ids and the identity region. AccessDeniedException is 401.

import (
	"context"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func denied(principal, action, resource string) string {
	return "User: arn:aws:iam::" + accountID + ":" + principal + " is not authorized to perform: quicksight:" + action + " on resource: " + resource
}

func TestPolicies(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	admin := ts.adminClient()
	registerQuickSightUser(t, admin, "erin", types.UserRoleReader)
	const ad = "AccessDeniedException"

	t.Run("Describe* only", func(t *testing.T) {
		c := ts.client(ts.newIAMUser(t, accountID, "auditor", policy("Allow", "quicksight:Describe*", "*")))
		must(t, describeUserCall(accountID, "erin")(t.Context(), c))
		must(t, settingsCall(accountID)(t.Context(), c))
		runErrorCases(t, c, []apiCase{
			{"RegisterUser", registerCall("newbie"), ad, 401, denied("user/auditor", "RegisterUser", userARN(accountID, "newbie"))},
			{"ListUsers", listUsersCall(accountID), ad, 401, denied("user/auditor", "ListUsers", userARN(accountID, "*"))},
			{"DeleteUser", deleteUserCall("erin"), ad, 401, denied("user/auditor", "DeleteUser", userARN(accountID, "erin"))},
		})
		// The denied RegisterUser did not happen.
		wantError(t, describeUserCall(accountID, "newbie")(t.Context(), admin), "ResourceNotFoundException", 404)
	})

	t.Run("Deny beats Allow", func(t *testing.T) {
		c := ts.client(ts.newIAMUser(t, accountID, "operator", policy(
			"Allow", "quicksight:*", "*",
			"Deny", "quicksight:DeleteUser", "*",
		)))
		must(t, describeUserCall(accountID, "erin")(t.Context(), c))
		must(t, listUsersCall(accountID)(t.Context(), c))
		wantErrorMessage(t, deleteUserCall("erin")(t.Context(), c), ad, 401, denied("user/operator", "DeleteUser", userARN(accountID, "erin")))
		describeUser(t, admin, "erin") // still there
	})

	t.Run("no policy", func(t *testing.T) {
		c := ts.client(ts.newIAMUser(t, accountID, "nobody", ""))
		runErrorCases(t, c, []apiCase{
			{"DescribeAccountSettings", settingsCall(accountID), ad, 401,
				denied("user/nobody", "DescribeAccountSettings", "arn:aws:quicksight:"+region+":"+accountID+":account/"+accountID)},
			{"DescribeUser", describeUserCall(accountID, "erin"), ad, 401, denied("user/nobody", "DescribeUser", userARN(accountID, "erin"))},
			{"ListUsers", listUsersCall(accountID), ad, 401, ""},
			{"RegisterUser", registerCall("x"), ad, 401, ""},
			{"CreateCustomPermissions", func(ctx context.Context, c *quicksight.Client) error {
				_, err := c.CreateCustomPermissions(ctx, &quicksight.CreateCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String("p")})
				return err
			}, ad, 401, denied("user/nobody", "CreateCustomPermissions", customPermissionsARN("p"))},
		})
	})

	t.Run("resource-scoped", func(t *testing.T) {
		c := ts.client(ts.newIAMUser(t, accountID, "erin-helper", policy(
			"Allow", "quicksight:DescribeUser", userARN(accountID, "erin"),
		)))
		must(t, describeUserCall(accountID, "erin")(t.Context(), c))
		runErrorCases(t, c, []apiCase{
			{"another user", describeUserCall(accountID, "admin"), ad, 401, denied("user/erin-helper", "DescribeUser", userARN(accountID, "admin"))},
			{"another action", deleteUserCall("erin"), ad, 401, ""},
			{"listing", listUsersCall(accountID), ad, 401, ""},
		})
	})

	t.Run("role session", func(t *testing.T) {
		ts.newRole(t, accountID, "reporting", policy("Allow", "quicksight:Describe*", "*"))
		c := ts.client(ts.assumeRole(t, accountID, "reporting", "nightly"))
		must(t, describeUserCall(accountID, "erin")(t.Context(), c))
		wantErrorMessage(t, registerCall("x")(t.Context(), c), ad, 401,
			"User: arn:aws:sts::"+accountID+":assumed-role/reporting/nightly is not authorized to perform: quicksight:RegisterUser on resource: "+userARN(accountID, "x"))
	})

	t.Run("action names ignore case, lists and wildcards", func(t *testing.T) {
		c := ts.client(ts.newIAMUser(t, accountID, "lister", `{"Version":"2012-10-17","Statement":[
			{"Effect":"Allow","Action":["QuickSight:describeuser","quicksight:List*"],"Resource":["`+userARN(accountID, "*")+`"]}]}`))
		must(t, describeUserCall(accountID, "erin")(t.Context(), c))
		must(t, listUsersCall(accountID)(t.Context(), c))
		wantError(t, settingsCall(accountID)(t.Context(), c), ad, 401)
	})

	t.Run("IAM principals are looked up only for authorized callers", func(t *testing.T) {
		c := ts.client(ts.newIAMUser(t, accountID, "snoop", ""))
		for _, name := range []string{"admin", "ghost"} {
			err := registerIAMCall(accountID, "arn:aws:iam::"+accountID+":user/"+name)(t.Context(), c)
			wantErrorMessage(t, err, ad, 401, denied("user/snoop", "RegisterUser", userARN(accountID, name)))
		}
	})

	t.Run("policy change takes effect", func(t *testing.T) {
		key := ts.newIAMUser(t, accountID, "promoted", "")
		c := ts.client(key)
		wantError(t, settingsCall(accountID)(t.Context(), c), ad, 401)
		must(t, ts.App.PutPolicy(t.Context(), accountID, "user", "promoted", "test", fullAccess))
		must(t, settingsCall(accountID)(t.Context(), c))
	})
}

// TestForeignAccount calls operations on account ids the caller does not
// belong to: subscribed or not, they are AccessDeniedException.
func TestForeignAccount(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	// A second subscribed account, with its own admin.
	other := ts.client(ts.newIAMUser(t, unsubscribed, "founder", fullAccess))
	_, err := other.CreateAccountSubscription(t.Context(), &quicksight.CreateAccountSubscriptionInput{
		AwsAccountId: aws.String(unsubscribed), AuthenticationMethod: types.AuthenticationMethodOptionIamAndQuicksight,
		AccountName: aws.String("other"), NotificationEmail: aws.String("o@example.com"),
	})
	must(t, err)

	const ad = "AccessDeniedException"
	runErrorCases(t, ts.adminClient(), []apiCase{
		{"DescribeUser in a subscribed account", describeUserCall(unsubscribed, "founder"), ad, 401,
			denied("user/admin", "DescribeUser", userARN(unsubscribed, "founder"))},
		{"ListUsers in a subscribed account", listUsersCall(unsubscribed), ad, 401, ""},
		{"DescribeAccountSettings in a subscribed account", settingsCall(unsubscribed), ad, 401, ""},
		{"DescribeUser in an unknown account", describeUserCall("999999999999", "admin"), ad, 401,
			denied("user/admin", "DescribeUser", userARN("999999999999", "admin"))},
		{"RegisterUser of an unknown IAM user", registerIAMCall(unsubscribed, "arn:aws:iam::"+unsubscribed+":user/ghost"), ad, 401,
			denied("user/admin", "RegisterUser", userARN(unsubscribed, "ghost"))},
		{"RegisterUser of a known IAM user", registerIAMCall(unsubscribed, "arn:aws:iam::"+unsubscribed+":user/founder"), ad, 401,
			denied("user/admin", "RegisterUser", userARN(unsubscribed, "founder"))},
		{"ListCustomPermissions in an unknown account", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListCustomPermissions(ctx, &quicksight.ListCustomPermissionsInput{AwsAccountId: aws.String("999999999999")})
			return err
		}, ad, 401, ""},
	})
	// And the other way round.
	wantErrorMessage(t, describeUserCall(accountID, "admin")(t.Context(), other), ad, 401,
		"User: arn:aws:iam::"+unsubscribed+":user/founder is not authorized to perform: quicksight:DescribeUser on resource: "+userARN(accountID, "admin"))
}

// TestIdentityRegion signs for another region than the server's.
func TestIdentityRegion(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := quicksight.New(quicksight.Options{
		Region:           "us-west-2",
		BaseEndpoint:     aws.String(ts.URL),
		Credentials:      credentials.NewStaticCredentialsProvider(ts.Admin.AccessKeyID, ts.Admin.SecretAccessKey, ""),
		HTTPClient:       ts.httpClient,
		RetryMaxAttempts: 1,
	})
	const msg = "Operation is being called from endpoint us-west-2, but your identity region is us-east-1. Please use the us-east-1 endpoint."
	wantErrorMessage(t, settingsCall(accountID)(t.Context(), c), "AccessDeniedException", 401, msg)

	req := ts.newRequest(t, http.MethodGet, settingsPath, "")
	sign(t, req, ts.Admin, "", "quicksight", "eu-west-1", ts.now())
	if got := send(t, req).wantError(t, "AccessDeniedException", 401); got != "Operation is being called from endpoint eu-west-1, but your identity region is us-east-1. Please use the us-east-1 endpoint." {
		t.Errorf("message = %q", got)
	}
}
