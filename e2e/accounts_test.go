package e2e

// Account subscription and settings: CreateAccountSubscription,
// DescribeAccountSubscription, DescribeAccountSettings,
// UpdateAccountSettings.

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// unsubscribed is an AWS account id that the bootstrap does not subscribe.
const unsubscribed = "210987654321"

func TestAccountSettingsRoundTrip(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()

	sub, err := c.DescribeAccountSubscription(ctx, &quicksight.DescribeAccountSubscriptionInput{AwsAccountId: aws.String(accountID)})
	must(t, err)
	wantEqual(t, "AccountInfo", sub.AccountInfo, &types.AccountInfo{
		AccountName:               aws.String("sightglass-" + accountID),
		Edition:                   types.EditionEnterprise,
		NotificationEmail:         aws.String("admin@example.com"),
		AuthenticationType:        aws.String("IAM_AND_QUICKSIGHT"),
		AccountSubscriptionStatus: aws.String("ACCOUNT_CREATED"),
	})
	if sub.Status != 200 {
		t.Errorf("DescribeAccountSubscription Status = %d, want 200", sub.Status)
	}

	settings, err := c.DescribeAccountSettings(ctx, &quicksight.DescribeAccountSettingsInput{AwsAccountId: aws.String(accountID)})
	must(t, err)
	want := &types.AccountSettings{
		AccountName:       aws.String("sightglass-" + accountID),
		Edition:           types.EditionEnterprise,
		DefaultNamespace:  aws.String("default"),
		NotificationEmail: aws.String("admin@example.com"),
	}
	wantEqual(t, "AccountSettings", settings.AccountSettings, want)

	up, err := c.UpdateAccountSettings(ctx, &quicksight.UpdateAccountSettingsInput{
		AwsAccountId:                 aws.String(accountID),
		DefaultNamespace:             aws.String("default"),
		NotificationEmail:            aws.String("ops+bi@example.com"),
		TerminationProtectionEnabled: true,
	})
	must(t, err)
	if up.Status != 200 || aws.ToString(up.RequestId) == "" {
		t.Errorf("UpdateAccountSettings Status = %d, RequestId = %q", up.Status, aws.ToString(up.RequestId))
	}
	settings, err = c.DescribeAccountSettings(ctx, &quicksight.DescribeAccountSettingsInput{AwsAccountId: aws.String(accountID)})
	must(t, err)
	want.NotificationEmail = aws.String("ops+bi@example.com")
	want.TerminationProtectionEnabled = true
	wantEqual(t, "AccountSettings after update", settings.AccountSettings, want)

	// The SDK never sends a false TerminationProtectionEnabled; other
	// clients do.
	send(t, ts.signed(t, ts.Admin, http.MethodPut, settingsPath, `{"DefaultNamespace":"default","TerminationProtectionEnabled":false}`)).wantOK(t, 200)
	settings, err = c.DescribeAccountSettings(ctx, &quicksight.DescribeAccountSettingsInput{AwsAccountId: aws.String(accountID)})
	must(t, err)
	want.TerminationProtectionEnabled = false
	wantEqual(t, "AccountSettings after a raw update", settings.AccountSettings, want)

	// Omitting NotificationEmail leaves it unchanged.
	_, err = c.UpdateAccountSettings(ctx, &quicksight.UpdateAccountSettingsInput{AwsAccountId: aws.String(accountID), DefaultNamespace: aws.String("default")})
	must(t, err)
	sub, err = c.DescribeAccountSubscription(ctx, &quicksight.DescribeAccountSubscriptionInput{AwsAccountId: aws.String(accountID)})
	must(t, err)
	if got := aws.ToString(sub.AccountInfo.NotificationEmail); got != "ops+bi@example.com" {
		t.Errorf("subscription NotificationEmail = %q, want the updated one", got)
	}
}

// TestSecondAccountSignup subscribes a second AWS account id through the
// API, as a principal of that account.
func TestSecondAccountSignup(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	ctx := t.Context()
	c := ts.client(ts.newIAMUser(t, unsubscribed, "founder", fullAccess))

	// Before signing up, every QuickSight operation on the account is
	// ResourceNotFoundException about the account settings.
	_, err := c.DescribeAccountSubscription(ctx, &quicksight.DescribeAccountSubscriptionInput{AwsAccountId: aws.String(unsubscribed)})
	wantErrorMessage(t, err, "ResourceNotFoundException", 404, "Account "+unsubscribed+" is not signed up for Amazon QuickSight.")
	var rnf *types.ResourceNotFoundException
	if !errors.As(err, &rnf) || rnf.ResourceType != types.ExceptionResourceTypeAccountSettings {
		t.Errorf("ResourceType = %v, want ACCOUNT_SETTINGS", rnf)
	}
	runErrorCases(t, c, []apiCase{
		{"DescribeAccountSettings", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeAccountSettings(ctx, &quicksight.DescribeAccountSettingsInput{AwsAccountId: aws.String(unsubscribed)})
			return err
		}, "ResourceNotFoundException", 404, "Account " + unsubscribed + " is not signed up for Amazon QuickSight."},
		{"UpdateAccountSettings", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateAccountSettings(ctx, &quicksight.UpdateAccountSettingsInput{AwsAccountId: aws.String(unsubscribed), DefaultNamespace: aws.String("default")})
			return err
		}, "ResourceNotFoundException", 404, "Account " + unsubscribed + " is not signed up for Amazon QuickSight."},
		{"ListUsers", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListUsers(ctx, &quicksight.ListUsersInput{AwsAccountId: aws.String(unsubscribed), Namespace: aws.String("default")})
			return err
		}, "ResourceNotFoundException", 404, "Account " + unsubscribed + " is not signed up for Amazon QuickSight."},
		{"DescribeUser", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeUser(ctx, &quicksight.DescribeUserInput{AwsAccountId: aws.String(unsubscribed), Namespace: aws.String("default"), UserName: aws.String("founder")})
			return err
		}, "ResourceNotFoundException", 404, "Account " + unsubscribed + " is not signed up for Amazon QuickSight."},
		{"RegisterUser", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.RegisterUser(ctx, &quicksight.RegisterUserInput{
				AwsAccountId: aws.String(unsubscribed), Namespace: aws.String("default"),
				IdentityType: types.IdentityTypeQuicksight, UserName: aws.String("x"), Email: aws.String("x@example.com"), UserRole: types.UserRoleReader,
			})
			return err
		}, "ResourceNotFoundException", 404, "Account " + unsubscribed + " is not signed up for Amazon QuickSight."},
		{"DeleteUserByPrincipalId", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteUserByPrincipalId(ctx, &quicksight.DeleteUserByPrincipalIdInput{AwsAccountId: aws.String(unsubscribed), Namespace: aws.String("default"), PrincipalId: aws.String("p")})
			return err
		}, "ResourceNotFoundException", 404, "Account " + unsubscribed + " is not signed up for Amazon QuickSight."},
		{"ListCustomPermissions", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListCustomPermissions(ctx, &quicksight.ListCustomPermissionsInput{AwsAccountId: aws.String(unsubscribed)})
			return err
		}, "ResourceNotFoundException", 404, "Account " + unsubscribed + " is not signed up for Amazon QuickSight."},
		{"CreateCustomPermissions", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateCustomPermissions(ctx, &quicksight.CreateCustomPermissionsInput{AwsAccountId: aws.String(unsubscribed), CustomPermissionsName: aws.String("p")})
			return err
		}, "ResourceNotFoundException", 404, "Account " + unsubscribed + " is not signed up for Amazon QuickSight."},
	})

	signup, err := c.CreateAccountSubscription(ctx, &quicksight.CreateAccountSubscriptionInput{
		AwsAccountId:         aws.String(unsubscribed),
		Edition:              types.EditionStandard,
		AuthenticationMethod: types.AuthenticationMethodOptionIamOnly,
		AccountName:          aws.String("second-account"),
		NotificationEmail:    aws.String("owner@example.org"),
	})
	must(t, err)
	wantEqual(t, "SignupResponse", signup.SignupResponse, &types.SignupResponse{
		IAMUser:       true,
		UserLoginName: aws.String("founder"),
		AccountName:   aws.String("second-account"),
		DirectoryType: aws.String("IAM"),
	})
	if signup.Status != 200 || aws.ToString(signup.RequestId) == "" {
		t.Errorf("CreateAccountSubscription Status = %d, RequestId = %q", signup.Status, aws.ToString(signup.RequestId))
	}

	sub, err := c.DescribeAccountSubscription(ctx, &quicksight.DescribeAccountSubscriptionInput{AwsAccountId: aws.String(unsubscribed)})
	must(t, err)
	wantEqual(t, "AccountInfo", sub.AccountInfo, &types.AccountInfo{
		AccountName:               aws.String("second-account"),
		Edition:                   types.EditionStandard,
		NotificationEmail:         aws.String("owner@example.org"),
		AuthenticationType:        aws.String("IAM_ONLY"),
		AccountSubscriptionStatus: aws.String("ACCOUNT_CREATED"),
	})
	settings, err := c.DescribeAccountSettings(ctx, &quicksight.DescribeAccountSettingsInput{AwsAccountId: aws.String(unsubscribed)})
	must(t, err)
	wantEqual(t, "AccountSettings", settings.AccountSettings, &types.AccountSettings{
		AccountName:       aws.String("second-account"),
		Edition:           types.EditionStandard,
		DefaultNamespace:  aws.String("default"),
		NotificationEmail: aws.String("owner@example.org"),
	})
	users, err := c.ListUsers(ctx, &quicksight.ListUsersInput{AwsAccountId: aws.String(unsubscribed), Namespace: aws.String("default")})
	must(t, err)
	if len(users.UserList) != 0 || users.NextToken != nil {
		t.Errorf("new account lists %d users, NextToken %v", len(users.UserList), users.NextToken)
	}

	// A second subscription of the same account id.
	_, err = c.CreateAccountSubscription(ctx, &quicksight.CreateAccountSubscriptionInput{
		AwsAccountId:         aws.String(unsubscribed),
		AuthenticationMethod: types.AuthenticationMethodOptionIamAndQuicksight,
		AccountName:          aws.String("another-name"),
		NotificationEmail:    aws.String("owner@example.org"),
	})
	wantErrorMessage(t, err, "ResourceExistsException", 409, "Account "+unsubscribed+" is already signed up for Amazon QuickSight.")

	// A third account, signed up by a role session: the name is taken,
	// then a free one works, Edition defaults to ENTERPRISE and the login
	// name is ROLE/SESSION.
	const third = "333333333333"
	ts.newRole(t, third, "signup", fullAccess)
	rc := ts.client(ts.assumeRole(t, third, "signup", "alice"))
	subscribe := func(name string) (*quicksight.CreateAccountSubscriptionOutput, error) {
		return rc.CreateAccountSubscription(ctx, &quicksight.CreateAccountSubscriptionInput{
			AwsAccountId:         aws.String(third),
			AuthenticationMethod: types.AuthenticationMethodOptionIamAndQuicksight,
			AccountName:          aws.String(name),
			NotificationEmail:    aws.String("alice@example.net"),
		})
	}
	_, err = subscribe("second-account")
	wantError(t, err, "ConflictException", 409)
	signup, err = subscribe("Third-Account-3")
	must(t, err)
	if got := aws.ToString(signup.SignupResponse.UserLoginName); got != "signup/alice" {
		t.Errorf("role session UserLoginName = %q, want signup/alice", got)
	}
	sub, err = rc.DescribeAccountSubscription(ctx, &quicksight.DescribeAccountSubscriptionInput{AwsAccountId: aws.String(third)})
	must(t, err)
	if sub.AccountInfo.Edition != types.EditionEnterprise || aws.ToString(sub.AccountInfo.AccountName) != "Third-Account-3" {
		t.Errorf("third account: %s", jsonString(sub.AccountInfo))
	}

	// The bootstrap admin cannot subscribe (or read) an account id it does
	// not belong to.
	_, err = ts.adminClient().CreateAccountSubscription(ctx, &quicksight.CreateAccountSubscriptionInput{
		AwsAccountId:         aws.String("444444444444"),
		AuthenticationMethod: types.AuthenticationMethodOptionIamAndQuicksight,
		AccountName:          aws.String("hijack"),
		NotificationEmail:    aws.String("a@example.com"),
	})
	wantError(t, err, "AccessDeniedException", 401)
	_, err = ts.adminClient().DescribeAccountSubscription(ctx, &quicksight.DescribeAccountSubscriptionInput{AwsAccountId: aws.String(unsubscribed)})
	wantError(t, err, "AccessDeniedException", 401)
}

func TestAccountValidation(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	subscribe := func(mut func(*quicksight.CreateAccountSubscriptionInput)) func(ctx context.Context, c *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error {
			in := &quicksight.CreateAccountSubscriptionInput{
				AwsAccountId:         aws.String(accountID),
				Edition:              types.EditionEnterprise,
				AuthenticationMethod: types.AuthenticationMethodOptionIamAndQuicksight,
				AccountName:          aws.String("valid-name"),
				NotificationEmail:    aws.String("valid@example.com"),
			}
			mut(in)
			_, err := c.CreateAccountSubscription(ctx, in)
			return err
		}
	}
	settings := func(ns string, email *string) func(ctx context.Context, c *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateAccountSettings(ctx, &quicksight.UpdateAccountSettingsInput{AwsAccountId: aws.String(accountID), DefaultNamespace: aws.String(ns), NotificationEmail: email})
			return err
		}
	}
	type subIn = quicksight.CreateAccountSubscriptionInput
	const bad, badStatus = "InvalidParameterValueException", 400
	runErrorCases(t, ts.adminClient(), []apiCase{
		{"subscription/account id too short", subscribe(func(in *subIn) { in.AwsAccountId = aws.String("12345") }), ve, badStatus,
			"Value '12345' at 'awsAccountId' failed to satisfy constraint: Member must have length greater than or equal to 12"},
		{"subscription/account id not digits", subscribe(func(in *subIn) { in.AwsAccountId = aws.String("12345678901a") }), ve, badStatus,
			"at 'awsAccountId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9]{12}$"},
		{"subscription/bad edition", subscribe(func(in *subIn) { in.Edition = "PLATINUM" }), ve, badStatus,
			"Value 'PLATINUM' at 'edition' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, ENTERPRISE, ENTERPRISE_AND_Q]"},
		{"subscription/bad authentication method", subscribe(func(in *subIn) { in.AuthenticationMethod = "PASSWORD" }), ve, badStatus,
			"Value 'PASSWORD' at 'authenticationMethod'"},
		{"subscription/account name too long", subscribe(func(in *subIn) { in.AccountName = aws.String(strings.Repeat("a", 63)) }), ve, badStatus,
			"at 'accountName' failed to satisfy constraint: Member must have length less than or equal to 62"},
		{"subscription/account name with space", subscribe(func(in *subIn) { in.AccountName = aws.String("my account") }), ve, badStatus,
			"Value 'my account' at 'accountName' failed to satisfy constraint: Member must satisfy regular expression pattern"},
		{"subscription/account name leading hyphen", subscribe(func(in *subIn) { in.AccountName = aws.String("-name") }), ve, badStatus,
			"Value '-name' at 'accountName'"},
		{"subscription/account name D- prefix", subscribe(func(in *subIn) { in.AccountName = aws.String("D-name") }), ve, badStatus,
			"Member must not start with D- or d-"},
		{"subscription/email without at", subscribe(func(in *subIn) { in.NotificationEmail = aws.String("not-an-email") }), bad, badStatus,
			"The NotificationEmail 'not-an-email' is not a valid email address."},
		{"subscription/email two ats", subscribe(func(in *subIn) { in.NotificationEmail = aws.String("a@b@example.com") }), bad, badStatus,
			"The NotificationEmail 'a@b@example.com' is not a valid email address."},
		{"subscription/email with space", subscribe(func(in *subIn) { in.NotificationEmail = aws.String("a b@example.com") }), bad, badStatus,
			"The NotificationEmail 'a b@example.com' is not a valid email address."},
		{"subscription/active directory without groups", subscribe(func(in *subIn) {
			in.AuthenticationMethod = types.AuthenticationMethodOptionActiveDirectory
		}), bad, badStatus, "ActiveDirectoryName and AdminGroup are required"},
		{"subscription/active directory unsupported", subscribe(func(in *subIn) {
			in.AuthenticationMethod = types.AuthenticationMethodOptionActiveDirectory
			in.ActiveDirectoryName = aws.String("corp.example.com")
			in.AdminGroup = []string{"admins"}
		}), bad, badStatus, "does not support Active Directory"},
		{"subscription/identity center unsupported", subscribe(func(in *subIn) {
			in.AuthenticationMethod = types.AuthenticationMethodOptionIamIdentityCenter
			in.AdminGroup = []string{"admins"}
		}), bad, badStatus, "does not support IAM Identity Center"},
		{"subscription/enterprise and Q without contact", subscribe(func(in *subIn) { in.Edition = types.EditionEnterpriseAndQ }), bad, badStatus,
			"FirstName, LastName, EmailAddress and ContactNumber are required"},
		{"subscription/already subscribed", subscribe(func(in *subIn) {}), "ResourceExistsException", 409,
			"Account " + accountID + " is already signed up for Amazon QuickSight."},
		{"describe subscription/bad account id", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeAccountSubscription(ctx, &quicksight.DescribeAccountSubscriptionInput{AwsAccountId: aws.String("abcdefghijkl")})
			return err
		}, ve, badStatus, "Value 'abcdefghijkl' at 'awsAccountId'"},
		{"describe settings/bad account id", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeAccountSettings(ctx, &quicksight.DescribeAccountSettingsInput{AwsAccountId: aws.String("1234567890123")})
			return err
		}, ve, badStatus, "Member must have length less than or equal to 12"},
		{"update settings/namespace pattern", settings("bad ns", nil), ve, badStatus, "Value 'bad ns' at"},
		{"update settings/namespace too long", settings(strings.Repeat("n", 65), nil), ve, badStatus, "Member must have length less than or equal to 64"},
		{"update settings/unknown namespace", settings("marketing", nil), "ResourceNotFoundException", 404, "Namespace marketing not found in account " + accountID + "."},
		{"update settings/bad email", settings("default", aws.String("nobody")), bad, badStatus, "The NotificationEmail 'nobody' is not a valid email address."},
	})

	ts.runRawErrorCases(t, ts.Admin, []rawCase{
		{"subscription/no authentication method", "POST", "/account/" + accountID, `{"AccountName":"n","NotificationEmail":"a@example.com"}`, ve, badStatus,
			"Value null at 'authenticationMethod' failed to satisfy constraint: Member must not be null"},
		{"subscription/no account name", "POST", "/account/" + accountID, `{"AuthenticationMethod":"IAM_ONLY","NotificationEmail":"a@example.com"}`, ve, badStatus,
			"Value null at 'accountName'"},
		{"subscription/no notification email", "POST", "/account/" + accountID, `{"AuthenticationMethod":"IAM_ONLY","AccountName":"n"}`, ve, badStatus,
			"Value null at 'notificationEmail'"},
		{"subscription/malformed JSON", "POST", "/account/" + accountID, `{"AuthenticationMethod":`, "SerializationException", 400, ""},
		{"subscription/wrong member type", "POST", "/account/" + accountID, `{"AccountName":5}`, "SerializationException", 400, "Value at 'accountName' must be a string, not a JSON number."},
		{"update settings/no default namespace", "PUT", "/accounts/" + accountID + "/settings", `{"NotificationEmail":"a@example.com"}`, ve, badStatus,
			"Value null at 'defaultNamespace'"},
	})
}
