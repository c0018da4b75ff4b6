package e2e

// The main flows in one pass, run on each store, then again on a
// restarted server to check that everything persisted.

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	sg "github.com/sightglass/sightglass"
)

func TestMainFlowsSQLite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ts := startServer(t, withDataDir(dir))
	founder := mainFlows(t, ts)
	ts.Stop()
	checkPersisted(t, startServer(t, withDataDir(dir), reopened(ts.Admin)), founder)
}

// mainFlows drives accounts, users and custom permissions through the SDK
// on a freshly bootstrapped server. It returns the key of the second
// account's founder.
func mainFlows(t *testing.T, ts *testServer) (founder *sg.AccessKey) {
	t.Helper()
	ctx := t.Context()
	c := ts.adminClient()
	acct := aws.String(accountID)
	ns := aws.String("default")

	// Account.
	_, err := c.UpdateAccountSettings(ctx, &quicksight.UpdateAccountSettingsInput{AwsAccountId: acct, DefaultNamespace: ns, NotificationEmail: aws.String("bi@example.com")})
	must(t, err)
	sub, err := c.DescribeAccountSubscription(ctx, &quicksight.DescribeAccountSubscriptionInput{AwsAccountId: acct})
	must(t, err)
	if aws.ToString(sub.AccountInfo.NotificationEmail) != "bi@example.com" || sub.AccountInfo.Edition != types.EditionEnterprise {
		t.Errorf("AccountInfo = %s", jsonString(sub.AccountInfo))
	}

	// Custom permissions.
	caps := &types.Capabilities{ExportToCsv: types.CapabilityStateDeny, CreateAndUpdateDataSources: types.CapabilityStateDeny}
	for _, name := range []string{"keep", "no-export", "Zeta"} {
		_, err := c.CreateCustomPermissions(ctx, &quicksight.CreateCustomPermissionsInput{AwsAccountId: acct, CustomPermissionsName: aws.String(name), Capabilities: caps})
		must(t, err)
	}
	_, err = c.UpdateCustomPermissions(ctx, &quicksight.UpdateCustomPermissionsInput{AwsAccountId: acct, CustomPermissionsName: aws.String("keep"), Capabilities: &types.Capabilities{PrintReports: types.CapabilityStateDeny}})
	must(t, err)
	var profiles []string
	for p := quicksight.NewListCustomPermissionsPaginator(c, &quicksight.ListCustomPermissionsInput{AwsAccountId: acct, MaxResults: aws.Int32(2)}); p.HasMorePages(); {
		out, err := p.NextPage(ctx)
		must(t, err)
		for _, cp := range out.CustomPermissionsList {
			profiles = append(profiles, aws.ToString(cp.CustomPermissionsName))
		}
	}
	wantEqual(t, "profiles in byte order", profiles, []string{"Zeta", "keep", "no-export"})

	// Users of every kind.
	p, err := ts.App.CreatePrincipal(ctx, accountID, sg.PrincipalUser, "carol")
	must(t, err)
	role := ts.newRole(t, accountID, "analyst", fullAccess)
	register := func(in *quicksight.RegisterUserInput) *types.User {
		t.Helper()
		in.AwsAccountId, in.Namespace = acct, ns
		out, err := c.RegisterUser(ctx, in)
		must(t, err)
		return out.User
	}
	bob := register(&quicksight.RegisterUserInput{IdentityType: types.IdentityTypeQuicksight, UserName: aws.String(slashUser), Email: aws.String("bob@example.com"), UserRole: types.UserRoleAuthor, CustomPermissionsName: aws.String("no-export")})
	carol := register(&quicksight.RegisterUserInput{IdentityType: types.IdentityTypeIam, IamArn: aws.String(p.ARN()), Email: aws.String("carol@example.com"), UserRole: types.UserRoleAdmin})
	alice := register(&quicksight.RegisterUserInput{IdentityType: types.IdentityTypeIam, IamArn: aws.String(role.ARN()), SessionName: aws.String("alice"), Email: aws.String("alice@example.com"), UserRole: types.UserRoleReader})
	register(&quicksight.RegisterUserInput{IdentityType: types.IdentityTypeQuicksight, UserName: aws.String("Zoe"), Email: aws.String("zoe@example.com"), UserRole: types.UserRoleReaderPro})
	register(&quicksight.RegisterUserInput{IdentityType: types.IdentityTypeQuicksight, UserName: aws.String("éva"), Email: aws.String("eva@example.com"), UserRole: types.UserRoleReader})
	wantEqual(t, "bob", describeUser(t, c, slashUser), bob)
	wantEqual(t, "carol", describeUser(t, c, "carol"), carol)
	wantEqual(t, "alice", describeUser(t, c, "analyst/alice"), alice)

	// The role session acts as itself.
	sc := ts.client(ts.assumeRole(t, accountID, "analyst", "alice"))
	wantEqual(t, "alice by herself", describeUser(t, sc, "analyst/alice"), alice)

	up, err := c.UpdateUser(ctx, &quicksight.UpdateUserInput{AwsAccountId: acct, Namespace: ns, UserName: aws.String("carol"), Email: aws.String("carol@example.org"), Role: types.UserRoleAuthorPro, CustomPermissionsName: aws.String("keep")})
	must(t, err)
	wantEqual(t, "carol updated", describeUser(t, c, "carol"), up.User)

	var users []string
	for p := quicksight.NewListUsersPaginator(c, &quicksight.ListUsersInput{AwsAccountId: acct, Namespace: ns, MaxResults: aws.Int32(2)}); p.HasMorePages(); {
		out, err := p.NextPage(ctx)
		must(t, err)
		users = append(users, userNames(out.UserList)...)
	}
	wantEqual(t, "users in byte order", users, []string{"Zoe", "admin", "analyst/alice", slashUser, "carol", "éva"})

	// Profiles in use cannot be deleted.
	_, err = c.UpdateUserCustomPermission(ctx, &quicksight.UpdateUserCustomPermissionInput{AwsAccountId: acct, Namespace: ns, UserName: aws.String("Zoe"), CustomPermissionsName: aws.String("Zeta")})
	must(t, err)
	deleteProfile := func(name string) error {
		_, err := c.DeleteCustomPermissions(ctx, &quicksight.DeleteCustomPermissionsInput{AwsAccountId: acct, CustomPermissionsName: aws.String(name)})
		return err
	}
	wantError(t, deleteProfile("Zeta"), "ConflictException", 409)
	_, err = c.DeleteUserCustomPermission(ctx, &quicksight.DeleteUserCustomPermissionInput{AwsAccountId: acct, Namespace: ns, UserName: aws.String("Zoe")})
	must(t, err)
	must(t, deleteProfile("Zeta"))
	wantError(t, deleteProfile("no-export"), "ConflictException", 409) // bob
	_, err = c.DeleteUser(ctx, &quicksight.DeleteUserInput{AwsAccountId: acct, Namespace: ns, UserName: aws.String(slashUser)})
	must(t, err)
	must(t, deleteProfile("no-export"))
	_, err = c.DeleteUserByPrincipalId(ctx, &quicksight.DeleteUserByPrincipalIdInput{AwsAccountId: acct, Namespace: ns, PrincipalId: aws.String("federated/iam/" + p.ID)})
	must(t, err)
	wantError(t, describeUserCall(accountID, "carol")(ctx, c), "ResourceNotFoundException", 404)

	// A second account signs up; its name and id are then taken.
	founder = ts.newIAMUser(t, unsubscribed, "founder", fullAccess)
	other := ts.client(founder)
	subscribe := func(ctx context.Context, c *quicksight.Client, account, name string) error {
		_, err := c.CreateAccountSubscription(ctx, &quicksight.CreateAccountSubscriptionInput{
			AwsAccountId: aws.String(account), AuthenticationMethod: types.AuthenticationMethodOptionIamAndQuicksight,
			AccountName: aws.String(name), NotificationEmail: aws.String("o@example.com"),
		})
		return err
	}
	wantError(t, subscribe(ctx, other, unsubscribed, "sightglass-"+accountID), "ConflictException", 409)
	must(t, subscribe(ctx, other, unsubscribed, "second"))
	wantError(t, subscribe(ctx, other, unsubscribed, "third"), "ResourceExistsException", 409)

	// Policies still apply.
	ro := ts.client(ts.newIAMUser(t, accountID, "auditor", policy("Allow", "quicksight:Describe*", "*")))
	must(t, describeUserCall(accountID, "Zoe")(ctx, ro))
	wantError(t, registerCall("x")(ctx, ro), "AccessDeniedException", 401)
	return founder
}

// checkPersisted checks, on a restarted server, what mainFlows left.
func checkPersisted(t *testing.T, ts *testServer, founder *sg.AccessKey) {
	t.Helper()
	ctx := t.Context()
	c := ts.adminClient()
	out, err := c.ListUsers(ctx, &quicksight.ListUsersInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default")})
	must(t, err)
	wantEqual(t, "users after restart", userNames(out.UserList), []string{"Zoe", "admin", "analyst/alice", "éva"})
	if got := aws.ToString(describeUser(t, c, "analyst/alice").Email); got != "alice@example.com" {
		t.Errorf("alice's email after restart = %q", got)
	}
	wantEqual(t, "keep after restart", describeCustomPermissions(t, c, "keep").Capabilities, &types.Capabilities{PrintReports: types.CapabilityStateDeny})
	settings, err := c.DescribeAccountSettings(ctx, &quicksight.DescribeAccountSettingsInput{AwsAccountId: aws.String(accountID)})
	must(t, err)
	if aws.ToString(settings.AccountSettings.NotificationEmail) != "bi@example.com" {
		t.Errorf("settings after restart: %s", jsonString(settings.AccountSettings))
	}
	sub, err := ts.client(founder).DescribeAccountSubscription(ctx, &quicksight.DescribeAccountSubscriptionInput{AwsAccountId: aws.String(unsubscribed)})
	must(t, err)
	if aws.ToString(sub.AccountInfo.AccountName) != "second" {
		t.Errorf("second account after restart: %s", jsonString(sub.AccountInfo))
	}
}
