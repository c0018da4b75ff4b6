package e2e

// Users: RegisterUser, DescribeUser, UpdateUser, DeleteUser,
// DeleteUserByPrincipalId and ListUsers, for QUICKSIGHT identities, IAM
// users and IAM role sessions.

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	sg "github.com/sightglass/sightglass"
)

// slashUser is a QUICKSIGHT user name whose path label needs %20, %2F and
// %2B.
const slashUser = "bob name/x+y"

func describeUser(t testing.TB, c *quicksight.Client, name string) *types.User {
	t.Helper()
	out, err := c.DescribeUser(t.Context(), &quicksight.DescribeUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String(name)})
	must(t, err)
	if out.Status != 200 {
		t.Errorf("DescribeUser Status = %d, want 200", out.Status)
	}
	return out.User
}

func registerQuickSightUser(t testing.TB, c *quicksight.Client, name string, role types.UserRole) *types.User {
	t.Helper()
	out, err := c.RegisterUser(t.Context(), &quicksight.RegisterUserInput{
		AwsAccountId: aws.String(accountID), Namespace: aws.String("default"),
		IdentityType: types.IdentityTypeQuicksight, UserName: aws.String(name),
		Email: aws.String("user@example.com"), UserRole: role,
	})
	must(t, err)
	return out.User
}

func TestQuickSightUserLifecycle(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	_, err := c.CreateCustomPermissions(ctx, &quicksight.CreateCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String("no-export")})
	must(t, err)

	reg, err := c.RegisterUser(ctx, &quicksight.RegisterUserInput{
		AwsAccountId:                        aws.String(accountID),
		Namespace:                           aws.String("default"),
		IdentityType:                        types.IdentityTypeQuicksight,
		UserName:                            aws.String(slashUser),
		Email:                               aws.String("bob@example.com"),
		UserRole:                            types.UserRoleAuthor,
		CustomPermissionsName:               aws.String("no-export"),
		ExternalLoginFederationProviderType: aws.String("CUSTOM_OIDC"),
		CustomFederationProviderUrl:         aws.String("https://idp.example.com/oidc"),
		ExternalLoginId:                     aws.String("bob-ext-1"),
		Tags:                                []types.Tag{{Key: aws.String("team"), Value: aws.String("analytics")}},
	})
	must(t, err)
	if reg.Status != 201 {
		t.Errorf("RegisterUser Status = %d, want 201", reg.Status)
	}
	pid := aws.ToString(reg.User.PrincipalId)
	if !strings.HasPrefix(pid, "federated/quicksight/") {
		t.Errorf("PrincipalId = %q, want federated/quicksight/…", pid)
	}
	want := &types.User{
		Arn:                                 aws.String(userARN(accountID, slashUser)),
		UserName:                            aws.String(slashUser),
		Email:                               aws.String("bob@example.com"),
		Role:                                types.UserRoleAuthor,
		IdentityType:                        types.IdentityTypeQuicksight,
		Active:                              false, // until the invitation is accepted (TestQuickSightUserSignIn)
		PrincipalId:                         aws.String(pid),
		CustomPermissionsName:               aws.String("no-export"),
		ExternalLoginFederationProviderType: aws.String("CUSTOM_OIDC"),
		ExternalLoginFederationProviderUrl:  aws.String("https://idp.example.com/oidc"),
		ExternalLoginId:                     aws.String("bob-ext-1"),
	}
	wantEqual(t, "registered user", reg.User, want)
	wantEqual(t, "described user", describeUser(t, c, slashUser), want)

	// The path label is sent as bob%20name%2Fx%2By; a raw request with
	// that escaped path reaches the same user.
	raw := send(t, ts.signed(t, ts.Admin, http.MethodGet, "/accounts/"+accountID+"/namespaces/default/users/"+url.PathEscape(slashUser), ""))
	raw.wantOK(t, 200)
	if u, _ := raw.JSON["User"].(map[string]any); u["UserName"] != slashUser {
		t.Errorf("raw DescribeUser body: %s", raw.Body)
	}

	// UpdateUser replaces email and role, unapplies the custom
	// permissions, and changes only the external-login members given.
	up, err := c.UpdateUser(ctx, &quicksight.UpdateUserInput{
		AwsAccountId:             aws.String(accountID),
		Namespace:                aws.String("default"),
		UserName:                 aws.String(slashUser),
		Email:                    aws.String("robert@example.com"),
		Role:                     types.UserRoleReaderPro,
		UnapplyCustomPermissions: true,
		ExternalLoginId:          aws.String("bob-ext-2"),
	})
	must(t, err)
	if up.Status != 200 {
		t.Errorf("UpdateUser Status = %d, want 200", up.Status)
	}
	want.Email = aws.String("robert@example.com")
	want.Role = types.UserRoleReaderPro
	want.CustomPermissionsName = nil
	want.ExternalLoginId = aws.String("bob-ext-2")
	wantEqual(t, "updated user", up.User, want)
	wantEqual(t, "described user after update", describeUser(t, c, slashUser), want)

	up, err = c.UpdateUser(ctx, &quicksight.UpdateUserInput{
		AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String(slashUser),
		Email: aws.String("robert@example.com"), Role: types.UserRoleAdmin, CustomPermissionsName: aws.String("no-export"),
	})
	must(t, err)
	want.Role = types.UserRoleAdmin
	want.CustomPermissionsName = aws.String("no-export")
	wantEqual(t, "user with custom permissions again", up.User, want)

	list, err := c.ListUsers(ctx, &quicksight.ListUsersInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default")})
	must(t, err)
	if list.Status != 200 || list.NextToken != nil || len(list.UserList) != 2 {
		t.Fatalf("ListUsers: Status %d, NextToken %v, %d users", list.Status, list.NextToken, len(list.UserList))
	}
	wantEqual(t, "listed admin", &list.UserList[0], describeUser(t, c, "admin"))
	wantEqual(t, "listed user", &list.UserList[1], want)

	del, err := c.DeleteUser(ctx, &quicksight.DeleteUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String(slashUser)})
	must(t, err)
	if del.Status != 200 || aws.ToString(del.RequestId) == "" {
		t.Errorf("DeleteUser Status = %d, RequestId %q", del.Status, aws.ToString(del.RequestId))
	}
	_, err = c.DescribeUser(ctx, &quicksight.DescribeUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String(slashUser)})
	wantErrorMessage(t, err, "ResourceNotFoundException", 404, "The user with the name bob name/x+y doesn't exist in namespace default of account "+accountID+".")
}

func TestBootstrapAdminUser(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	p, err := ts.Store.FindPrincipal(t.Context(), accountID, sg.PrincipalUser, "admin")
	must(t, err)
	wantEqual(t, "bootstrap admin", describeUser(t, ts.adminClient(), "admin"), &types.User{
		Arn:          aws.String(userARN(accountID, "admin")),
		UserName:     aws.String("admin"),
		Email:        aws.String("admin@example.com"),
		Role:         types.UserRoleAdmin,
		IdentityType: types.IdentityTypeIam,
		Active:       true,
		PrincipalId:  aws.String("federated/iam/" + p.ID),
	})
}

// TestIAMUserBinding registers an IAM user by its ARN and deletes it by
// principal id (a path label with '/').
func TestIAMUserBinding(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	p, err := ts.App.CreatePrincipal(ctx, accountID, sg.PrincipalUser, "carol")
	must(t, err)

	reg, err := c.RegisterUser(ctx, &quicksight.RegisterUserInput{
		AwsAccountId: aws.String(accountID), Namespace: aws.String("default"),
		IdentityType: types.IdentityTypeIam, IamArn: aws.String(p.ARN()),
		Email: aws.String("carol@example.com"), UserRole: types.UserRoleAdminPro,
	})
	must(t, err)
	want := &types.User{
		Arn:          aws.String(userARN(accountID, "carol")),
		UserName:     aws.String("carol"),
		Email:        aws.String("carol@example.com"),
		Role:         types.UserRoleAdminPro,
		IdentityType: types.IdentityTypeIam,
		Active:       true,
		PrincipalId:  aws.String("federated/iam/" + p.ID),
	}
	wantEqual(t, "registered IAM user", reg.User, want)
	wantEqual(t, "described IAM user", describeUser(t, c, "carol"), want)

	_, err = c.RegisterUser(ctx, &quicksight.RegisterUserInput{
		AwsAccountId: aws.String(accountID), Namespace: aws.String("default"),
		IdentityType: types.IdentityTypeIam, IamArn: aws.String(p.ARN()),
		Email: aws.String("carol@example.com"), UserRole: types.UserRoleReader,
	})
	wantErrorMessage(t, err, "ResourceExistsException", 409, "The user with the name carol already exists in namespace default.")

	_, err = c.DeleteUserByPrincipalId(ctx, &quicksight.DeleteUserByPrincipalIdInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), PrincipalId: aws.String("federated/iam/AIDANOSUCHPRINCIPAL")})
	wantErrorMessage(t, err, "ResourceNotFoundException", 404, "The user with the principal ID federated/iam/AIDANOSUCHPRINCIPAL doesn't exist in namespace default of account "+accountID+".")
	del, err := c.DeleteUserByPrincipalId(ctx, &quicksight.DeleteUserByPrincipalIdInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), PrincipalId: want.PrincipalId})
	must(t, err)
	if del.Status != 200 {
		t.Errorf("DeleteUserByPrincipalId Status = %d, want 200", del.Status)
	}
	_, err = c.DescribeUser(ctx, &quicksight.DescribeUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("carol")})
	wantError(t, err, "ResourceNotFoundException", 404)
}

// TestRoleSessionUsers registers sessions of an IAM role as ROLE/SESSION
// users, describes them through the %2F-encoded path, and lets a session
// act as itself.
func TestRoleSessionUsers(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	role := ts.newRole(t, accountID, "analyst", policy("Allow", "quicksight:DescribeUser", userARN(accountID, "analyst/*")))

	register := func(session string) (*quicksight.RegisterUserOutput, error) {
		return c.RegisterUser(ctx, &quicksight.RegisterUserInput{
			AwsAccountId: aws.String(accountID), Namespace: aws.String("default"),
			IdentityType: types.IdentityTypeIam, IamArn: aws.String(role.ARN()), SessionName: aws.String(session),
			Email: aws.String(session), UserRole: types.UserRoleReader,
		})
	}
	reg, err := register("alice@example.com")
	must(t, err)
	want := &types.User{
		Arn:          aws.String(userARN(accountID, "analyst/alice@example.com")),
		UserName:     aws.String("analyst/alice@example.com"),
		Email:        aws.String("alice@example.com"),
		Role:         types.UserRoleReader,
		IdentityType: types.IdentityTypeIam,
		Active:       true,
		PrincipalId:  aws.String("federated/iam/" + role.ID + ":alice@example.com"),
	}
	wantEqual(t, "registered role session", reg.User, want)
	wantEqual(t, "described role session", describeUser(t, c, "analyst/alice@example.com"), want)

	raw := send(t, ts.signed(t, ts.Admin, http.MethodGet, "/accounts/"+accountID+"/namespaces/default/users/analyst%2Falice%40example.com", ""))
	raw.wantOK(t, 200)
	if u, _ := raw.JSON["User"].(map[string]any); u["UserName"] != "analyst/alice@example.com" {
		t.Errorf("raw DescribeUser body: %s", raw.Body)
	}

	reg2, err := register("bob@example.com")
	must(t, err)
	if aws.ToString(reg2.User.UserName) != "analyst/bob@example.com" || aws.ToString(reg2.User.PrincipalId) == aws.ToString(want.PrincipalId) {
		t.Errorf("second session: %s", jsonString(reg2.User))
	}
	_, err = register("alice@example.com")
	wantError(t, err, "ResourceExistsException", 409)

	// The role session itself, allowed DescribeUser on analyst/*.
	sc := ts.client(ts.assumeRole(t, accountID, "analyst", "alice@example.com"))
	wantEqual(t, "session describing itself", describeUser(t, sc, "analyst/alice@example.com"), want)
	_, err = sc.DescribeUser(ctx, &quicksight.DescribeUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("admin")})
	wantErrorMessage(t, err, "AccessDeniedException", 401,
		"User: arn:aws:sts::"+accountID+":assumed-role/analyst/alice@example.com is not authorized to perform: quicksight:DescribeUser on resource: "+userARN(accountID, "admin"))

	_, err = c.DeleteUser(ctx, &quicksight.DeleteUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("analyst/bob@example.com")})
	must(t, err)
	list, err := c.ListUsers(ctx, &quicksight.ListUsersInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default")})
	must(t, err)
	if got := userNames(list.UserList); !slices.Equal(got, []string{"admin", "analyst/alice@example.com"}) {
		t.Errorf("ListUsers = %q", got)
	}
}

func userNames(users []types.User) []string {
	var names []string
	for _, u := range users {
		names = append(names, aws.ToString(u.UserName))
	}
	return names
}
