package e2e

// UpdateRoleCustomPermission, DescribeRoleCustomPermission,
// DeleteRoleCustomPermission and their account-level trio, and how the
// console resolves a user's profile: the user's own, else its role's,
// else the account's.

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func TestRoleAndAccountCustomPermissions(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	acct, ns := aws.String(accountID), aws.String("default")

	for name, caps := range map[string]*types.Capabilities{
		"no-analysis": {Analysis: types.CapabilityStateDeny},
		"no-export":   {ExportToCsv: types.CapabilityStateDeny},
	} {
		_, err := c.CreateCustomPermissions(ctx, &quicksight.CreateCustomPermissionsInput{AwsAccountId: acct, CustomPermissionsName: aws.String(name), Capabilities: caps})
		must(t, err)
	}
	describeRole := func(role types.Role) string {
		t.Helper()
		out, err := c.DescribeRoleCustomPermission(ctx, &quicksight.DescribeRoleCustomPermissionInput{AwsAccountId: acct, Namespace: ns, Role: role})
		must(t, err)
		if out.Status != 200 || aws.ToString(out.RequestId) == "" {
			t.Errorf("DescribeRoleCustomPermission Status %d RequestId %q", out.Status, aws.ToString(out.RequestId))
		}
		return aws.ToString(out.CustomPermissionsName)
	}
	describeAccount := func() string {
		t.Helper()
		out, err := c.DescribeAccountCustomPermission(ctx, &quicksight.DescribeAccountCustomPermissionInput{AwsAccountId: acct})
		must(t, err)
		if out.Status != 200 || aws.ToString(out.RequestId) == "" {
			t.Errorf("DescribeAccountCustomPermission Status %d RequestId %q", out.Status, aws.ToString(out.RequestId))
		}
		return aws.ToString(out.CustomPermissionsName)
	}
	if got := describeRole(types.RoleAuthor); got != "" {
		t.Errorf("AUTHOR's profile before any = %q", got)
	}
	if got := describeAccount(); got != "" {
		t.Errorf("account's profile before any = %q", got)
	}

	registerQuickSightUser(t, c, "abe", types.UserRoleAuthor)
	registerQuickSightUser(t, c, "pia", types.UserRoleAuthorPro)
	ts.createAnalysis(t, "draft", "Draft Forecast", "abe", "pia")
	// analyses tells whether user's console offers analyses.
	analyses := func(user string) bool {
		t.Helper()
		u := ts.mint(t, user, "")
		token, p := ts.signOn(t, u, -1)
		p.wantConsole(t, "START", token)
		shown := strings.Contains(p.Body, "Draft Forecast")
		if shown != strings.Contains(p.Body, `/start/analyses"`) {
			t.Errorf("%s's start page: analysis shown %v but the Analyses tab is not in step", user, shown)
		}
		a := ts.withToken(t, u.page("/analyses/draft"), token)
		if shown {
			a.wantConsole(t, "ANALYSIS", token)
		} else {
			a.wantErrorPage(t, 403, "Forbidden")
			a.wantErrorMessage(t, "Your custom permissions profile denies the Analysis capability, which you need to open analyses.")
		}
		return shown
	}
	if !analyses("abe") || !analyses("pia") {
		t.Fatal("authors without profiles do not see analyses")
	}

	// The account's profile governs everyone without a closer one.
	out, err := c.UpdateAccountCustomPermission(ctx, &quicksight.UpdateAccountCustomPermissionInput{AwsAccountId: acct, CustomPermissionsName: aws.String("no-analysis")})
	must(t, err)
	if out.Status != 200 {
		t.Errorf("UpdateAccountCustomPermission Status %d", out.Status)
	}
	wantEqual(t, "account's profile", describeAccount(), "no-analysis")
	wantEqual(t, "with the account's profile, abe and pia see analyses", []bool{analyses("abe"), analyses("pia")}, []bool{false, false})

	// A role's profile comes before the account's.
	_, err = c.UpdateRoleCustomPermission(ctx, &quicksight.UpdateRoleCustomPermissionInput{AwsAccountId: acct, Namespace: ns, Role: types.RoleAuthor, CustomPermissionsName: aws.String("no-export")})
	must(t, err)
	wantEqual(t, "AUTHOR's profile", describeRole(types.RoleAuthor), "no-export")
	wantEqual(t, "AUTHOR_PRO's profile", describeRole(types.RoleAuthorPro), "")
	wantEqual(t, "with AUTHOR's profile, abe and pia see analyses", []bool{analyses("abe"), analyses("pia")}, []bool{true, false})

	// A user's own profile comes before its role's.
	_, err = c.UpdateUserCustomPermission(ctx, &quicksight.UpdateUserCustomPermissionInput{AwsAccountId: acct, Namespace: ns, UserName: aws.String("abe"), CustomPermissionsName: aws.String("no-analysis")})
	must(t, err)
	_, err = c.UpdateUserCustomPermission(ctx, &quicksight.UpdateUserCustomPermissionInput{AwsAccountId: acct, Namespace: ns, UserName: aws.String("pia"), CustomPermissionsName: aws.String("no-export")})
	must(t, err)
	wantEqual(t, "with users' own profiles, abe and pia see analyses", []bool{analyses("abe"), analyses("pia")}, []bool{false, true})

	// A profile in use by a role or the account can't be deleted.
	_, err = c.DeleteUserCustomPermission(ctx, &quicksight.DeleteUserCustomPermissionInput{AwsAccountId: acct, Namespace: ns, UserName: aws.String("abe")})
	must(t, err)
	_, err = c.DeleteCustomPermissions(ctx, &quicksight.DeleteCustomPermissionsInput{AwsAccountId: acct, CustomPermissionsName: aws.String("no-analysis")})
	wantError(t, err, "ConflictException", 409)

	// Deleting the role's and the account's profiles lifts them; deleting
	// again is not an error.
	for range 2 {
		del, err := c.DeleteRoleCustomPermission(ctx, &quicksight.DeleteRoleCustomPermissionInput{AwsAccountId: acct, Namespace: ns, Role: types.RoleAuthor})
		must(t, err)
		if del.Status != 200 {
			t.Errorf("DeleteRoleCustomPermission Status %d", del.Status)
		}
		_, err = c.DeleteAccountCustomPermission(ctx, &quicksight.DeleteAccountCustomPermissionInput{AwsAccountId: acct})
		must(t, err)
	}
	wantEqual(t, "profiles after deletion", []string{describeRole(types.RoleAuthor), describeAccount()}, []string{"", ""})
	if !analyses("abe") {
		t.Error("abe without any profile does not see analyses")
	}
	_, err = c.DeleteCustomPermissions(ctx, &quicksight.DeleteCustomPermissionsInput{AwsAccountId: acct, CustomPermissionsName: aws.String("no-analysis")})
	must(t, err)

	runErrorCases(t, c, []apiCase{
		{"role profile that does not exist", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateRoleCustomPermission(ctx, &quicksight.UpdateRoleCustomPermissionInput{AwsAccountId: acct, Namespace: ns, Role: types.RoleReader, CustomPermissionsName: aws.String("missing")})
			return err
		}, "ResourceNotFoundException", 404, ""},
		{"account profile that does not exist", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateAccountCustomPermission(ctx, &quicksight.UpdateAccountCustomPermissionInput{AwsAccountId: acct, CustomPermissionsName: aws.String("missing")})
			return err
		}, "ResourceNotFoundException", 404, ""},
		{"unknown namespace", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeRoleCustomPermission(ctx, &quicksight.DescribeRoleCustomPermissionInput{AwsAccountId: acct, Namespace: aws.String("other"), Role: types.RoleReader})
			return err
		}, "ResourceNotFoundException", 404, ""},
		{"role outside the enum", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeRoleCustomPermission(ctx, &quicksight.DescribeRoleCustomPermissionInput{AwsAccountId: acct, Namespace: ns, Role: "RESTRICTED_READER"})
			return err
		}, "ValidationException", 400, ""},
		{"profile name breaking the pattern", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateAccountCustomPermission(ctx, &quicksight.UpdateAccountCustomPermissionInput{AwsAccountId: acct, CustomPermissionsName: aws.String("bad name")})
			return err
		}, "ValidationException", 400, ""},
		{"another account", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeAccountCustomPermission(ctx, &quicksight.DescribeAccountCustomPermissionInput{AwsAccountId: aws.String("999999999999")})
			return err
		}, "AccessDeniedException", 401, ""},
	})
	denied := ts.client(ts.newIAMUser(t, accountID, "dora", policy("Allow", "quicksight:Describe*", "*")))
	_, err = denied.UpdateAccountCustomPermission(ctx, &quicksight.UpdateAccountCustomPermissionInput{AwsAccountId: acct, CustomPermissionsName: aws.String("no-export")})
	wantError(t, err, "AccessDeniedException", 401)
	_, err = denied.DescribeRoleCustomPermission(ctx, &quicksight.DescribeRoleCustomPermissionInput{AwsAccountId: acct, Namespace: ns, Role: types.RoleReader})
	must(t, err)
}
