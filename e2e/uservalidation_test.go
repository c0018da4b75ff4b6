package e2e

// Every validation error of the user operations, with its code, status
// and the part of the message that shows its cause.

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	sg "github.com/sightglass/sightglass"
)

func TestUserValidation(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	ctx := t.Context()
	c := ts.adminClient()
	must(t, func() error {
		_, err := ts.App.CreatePrincipal(ctx, accountID, sg.PrincipalRole, "viewer")
		return err
	}())
	registerQuickSightUser(t, c, "dana", types.UserRoleReader)

	register := func(mut func(*quicksight.RegisterUserInput)) func(context.Context, *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error {
			in := &quicksight.RegisterUserInput{
				AwsAccountId: aws.String(accountID), Namespace: aws.String("default"),
				IdentityType: types.IdentityTypeQuicksight, UserName: aws.String("newuser"),
				Email: aws.String("new@example.com"), UserRole: types.UserRoleReader,
			}
			mut(in)
			_, err := c.RegisterUser(ctx, in)
			return err
		}
	}
	iam := func(arn string, mut func(*quicksight.RegisterUserInput)) func(context.Context, *quicksight.Client) error {
		return register(func(in *quicksight.RegisterUserInput) {
			in.IdentityType, in.UserName, in.IamArn = types.IdentityTypeIam, nil, aws.String(arn)
			if mut != nil {
				mut(in)
			}
		})
	}
	update := func(name string, mut func(*quicksight.UpdateUserInput)) func(context.Context, *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error {
			in := &quicksight.UpdateUserInput{
				AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String(name),
				Email: aws.String("dana@example.com"), Role: types.UserRoleAuthor,
			}
			if mut != nil {
				mut(in)
			}
			_, err := c.UpdateUser(ctx, in)
			return err
		}
	}
	describe := func(account, ns, name string) func(context.Context, *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeUser(ctx, &quicksight.DescribeUserInput{AwsAccountId: aws.String(account), Namespace: aws.String(ns), UserName: aws.String(name)})
			return err
		}
	}
	type ri = quicksight.RegisterUserInput
	type ui = quicksight.UpdateUserInput
	const bad, badStatus = "InvalidParameterValueException", 400
	const notFound = "ResourceNotFoundException"
	roleARN := sg.IAMARN(accountID, sg.PrincipalRole, "viewer")
	adminARN := sg.IAMARN(accountID, sg.PrincipalUser, "admin")
	runErrorCases(t, c, []apiCase{
		{"register/bad identity type", register(func(in *ri) { in.IdentityType = "ROBOT" }), ve, badStatus,
			"Value 'ROBOT' at 'identityType' failed to satisfy constraint: Member must satisfy enum value set: [IAM, QUICKSIGHT, IAM_IDENTITY_CENTER]"},
		{"register/identity center", register(func(in *ri) { in.IdentityType = types.IdentityTypeIamIdentityCenter }), bad, badStatus,
			"Identity type IAM_IDENTITY_CENTER is not supported"},
		{"register/bad role", register(func(in *ri) { in.UserRole = "OWNER" }), ve, badStatus,
			"Value 'OWNER' at 'userRole' failed to satisfy constraint: Member must satisfy enum value set: [ADMIN, AUTHOR, READER, RESTRICTED_AUTHOR, RESTRICTED_READER, ADMIN_PRO, AUTHOR_PRO, READER_PRO]"},
		{"register/email without at", register(func(in *ri) { in.Email = aws.String("new.example.com") }), bad, badStatus,
			"The Email 'new.example.com' is not a valid email address."},
		{"register/email without local part", register(func(in *ri) { in.Email = aws.String("@example.com") }), bad, badStatus,
			"The Email '@example.com' is not a valid email address."},
		{"register/email without domain", register(func(in *ri) { in.Email = aws.String("new@") }), bad, badStatus,
			"The Email 'new@' is not a valid email address."},
		{"register/email with space", register(func(in *ri) { in.Email = aws.String("new user@example.com") }), bad, badStatus,
			"The Email 'new user@example.com' is not a valid email address."},
		{"register/user name outside Latin-1", register(func(in *ri) { in.UserName = aws.String("名前") }), ve, badStatus,
			`at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\u0020-\u00FF]+`},
		{"register/user name with control character", register(func(in *ri) { in.UserName = aws.String("tab\there") }), ve, badStatus, "at 'userName'"},
		{"register/custom permissions name too long", register(func(in *ri) { in.CustomPermissionsName = aws.String(strings.Repeat("p", 65)) }), ve, badStatus,
			"at 'customPermissionsName' failed to satisfy constraint: Member must have length less than or equal to 64"},
		{"register/custom permissions name pattern", register(func(in *ri) { in.CustomPermissionsName = aws.String("no export") }), ve, badStatus,
			"Value 'no export' at 'customPermissionsName'"},
		{"register/unknown custom permissions", register(func(in *ri) { in.CustomPermissionsName = aws.String("nope") }), notFound, 404,
			"Custom permissions profile nope doesn't exist in account " + accountID + "."},
		{"register/tag key too long", register(func(in *ri) {
			in.Tags = []types.Tag{{Key: aws.String(strings.Repeat("k", 129)), Value: aws.String("v")}}
		}), ve, badStatus,
			"at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128"},
		{"register/duplicate tag keys", register(func(in *ri) {
			in.Tags = []types.Tag{{Key: aws.String("k"), Value: aws.String("1")}, {Key: aws.String("k"), Value: aws.String("2")}}
		}), bad, badStatus, `Duplicate tag key "k".`},
		{"register/quicksight without user name", register(func(in *ri) { in.UserName = nil }), bad, badStatus,
			"UserName is required for identity type QUICKSIGHT."},
		{"register/quicksight with IAM ARN", register(func(in *ri) { in.IamArn = aws.String(adminARN) }), bad, badStatus,
			"The following parameters are not applicable to this identity type: IAM Arn. AWS account ID: " + accountID + ", Namespace: default."},
		{"register/quicksight with session name", register(func(in *ri) { in.SessionName = aws.String("s1") }), bad, badStatus,
			"The following parameters are not applicable to this identity type: Session Name."},
		{"register/IAM with user name", iam(adminARN, func(in *ri) { in.UserName = aws.String("admin") }), bad, badStatus,
			"The following parameters are not applicable to this identity type: User Name. AWS account ID: " + accountID + ", Namespace: default."},
		{"register/IAM without ARN", iam("", func(in *ri) { in.IamArn = nil }), bad, badStatus, "IamArn is required for identity type IAM."},
		{"register/IAM with malformed ARN", iam("not-an-arn", nil), bad, badStatus, "IamArn 'not-an-arn' is not a valid IAM user or role ARN."},
		{"register/IAM with group ARN", iam("arn:aws:iam::"+accountID+":group/admins", nil), bad, badStatus, "is not a valid IAM user or role ARN."},
		{"register/IAM ARN of another account", iam("arn:aws:iam::999999999999:user/admin", nil), bad, badStatus,
			"IamArn 'arn:aws:iam::999999999999:user/admin' belongs to another AWS account than " + accountID + "."},
		{"register/IAM ARN of unknown user", iam(sg.IAMARN(accountID, sg.PrincipalUser, "ghost"), nil), bad, badStatus,
			"The IAM user ghost does not exist in account " + accountID + "."},
		{"register/IAM user with session name", iam(adminARN, func(in *ri) { in.SessionName = aws.String("s1") }), bad, badStatus,
			"The following parameters are not applicable to this identity type: Session Name."},
		{"register/IAM role without session name", iam(roleARN, nil), bad, badStatus, "SessionName is required to register an IAM role."},
		{"register/session name too short", iam(roleARN, func(in *ri) { in.SessionName = aws.String("s") }), ve, badStatus,
			"Value 's' at 'sessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"},
		{"register/session name too long", iam(roleARN, func(in *ri) { in.SessionName = aws.String(strings.Repeat("s", 65)) }), ve, badStatus,
			"at 'sessionName' failed to satisfy constraint: Member must have length less than or equal to 64"},
		{"register/session name pattern", iam(roleARN, func(in *ri) { in.SessionName = aws.String("bad session") }), ve, badStatus,
			"Value 'bad session' at 'sessionName' failed to satisfy constraint: Member must satisfy regular expression pattern"},
		{"register/existing user", register(func(in *ri) { in.UserName = aws.String("dana") }), "ResourceExistsException", 409,
			"The user with the name dana already exists in namespace default."},
		{"register/unknown namespace", register(func(in *ri) { in.Namespace = aws.String("marketing") }), notFound, 404,
			"Namespace marketing not found in account " + accountID + "."},
		{"register/namespace pattern", register(func(in *ri) { in.Namespace = aws.String("bad ns") }), ve, badStatus, "Value 'bad ns' at 'namespace'"},
		{"register/namespace too long", register(func(in *ri) { in.Namespace = aws.String(strings.Repeat("n", 65)) }), ve, badStatus,
			"at 'namespace' failed to satisfy constraint: Member must have length less than or equal to 64"},
		{"register/bad account id", register(func(in *ri) { in.AwsAccountId = aws.String("12345678901x") }), ve, badStatus, "at 'awsAccountId'"},

		{"describe/unknown user", describe(accountID, "default", "ghost"), notFound, 404,
			"The user with the name ghost doesn't exist in namespace default of account " + accountID + "."},
		{"describe/unknown namespace", describe(accountID, "marketing", "dana"), notFound, 404, "Namespace marketing not found"},
		{"describe/user name outside Latin-1", describe(accountID, "default", "Ω"), ve, badStatus, "at 'userName'"},
		{"describe/bad account id", describe("1", "default", "dana"), ve, badStatus, "at 'awsAccountId'"},

		{"update/bad role", update("dana", func(in *ui) { in.Role = "OWNER" }), ve, badStatus, "Value 'OWNER' at 'role'"},
		{"update/bad email", update("dana", func(in *ui) { in.Email = aws.String("dana") }), bad, badStatus, "The Email 'dana' is not a valid email address."},
		{"update/custom permissions with unapply", update("dana", func(in *ui) {
			in.CustomPermissionsName, in.UnapplyCustomPermissions = aws.String("p"), true
		}), bad, badStatus, "CustomPermissionsName and UnapplyCustomPermissions can't be used together."},
		{"update/custom permissions name pattern", update("dana", func(in *ui) { in.CustomPermissionsName = aws.String("a/b") }), ve, badStatus,
			"Value 'a/b' at 'customPermissionsName'"},
		{"update/unknown custom permissions", update("dana", func(in *ui) { in.CustomPermissionsName = aws.String("nope") }), notFound, 404,
			"Custom permissions profile nope doesn't exist"},
		{"update/unknown user", update("ghost", nil), notFound, 404, "The user with the name ghost doesn't exist"},
		{"update/unknown namespace", update("dana", func(in *ui) { in.Namespace = aws.String("marketing") }), notFound, 404, "Namespace marketing not found"},

		{"delete/unknown user", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteUser(ctx, &quicksight.DeleteUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("ghost")})
			return err
		}, notFound, 404, "The user with the name ghost doesn't exist"},
		{"delete/unknown namespace", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteUser(ctx, &quicksight.DeleteUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("marketing"), UserName: aws.String("dana")})
			return err
		}, notFound, 404, "Namespace marketing not found"},
		{"delete by principal id/unknown namespace", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteUserByPrincipalId(ctx, &quicksight.DeleteUserByPrincipalIdInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("marketing"), PrincipalId: aws.String("p")})
			return err
		}, notFound, 404, "Namespace marketing not found"},
		{"list/unknown namespace", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListUsers(ctx, &quicksight.ListUsersInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("marketing")})
			return err
		}, notFound, 404, "Namespace marketing not found"},
		{"list/namespace pattern", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListUsers(ctx, &quicksight.ListUsersInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("a b")})
			return err
		}, ve, badStatus, "at 'namespace'"},
	})

	// Not-found errors name the kind of resource.
	for _, tc := range []struct {
		call func(context.Context, *quicksight.Client) error
		want types.ExceptionResourceType
	}{
		{describe(accountID, "marketing", "dana"), types.ExceptionResourceTypeNamespace},
		{describe(accountID, "default", "ghost"), types.ExceptionResourceTypeUser},
	} {
		var rnf *types.ResourceNotFoundException
		if err := tc.call(ctx, c); !errors.As(err, &rnf) || rnf.ResourceType != tc.want {
			t.Errorf("%v: want ResourceNotFoundException with ResourceType %s", err, tc.want)
		}
	}

	// Members the SDK refuses to leave out.
	users := "/accounts/" + accountID + "/namespaces/default/users"
	ts.runRawErrorCases(t, ts.Admin, []rawCase{
		{"register/no identity type", "POST", users, `{"Email":"a@example.com","UserRole":"READER","UserName":"x"}`, ve, badStatus, "Value null at 'identityType'"},
		{"register/no email", "POST", users, `{"IdentityType":"QUICKSIGHT","UserRole":"READER","UserName":"x"}`, ve, badStatus, "Value null at 'email'"},
		{"register/no role", "POST", users, `{"IdentityType":"QUICKSIGHT","Email":"a@example.com","UserName":"x"}`, ve, badStatus, "Value null at 'userRole'"},
		{"register/empty tag list", "POST", users, `{"IdentityType":"QUICKSIGHT","Email":"a@example.com","UserRole":"READER","UserName":"x","Tags":[]}`, ve, badStatus, "1 validation error detected: Value '[]' at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"register/malformed JSON", "POST", users, `{"IdentityType":"QUICKSIGHT",`, "SerializationException", 400, ""},
		{"update/no email", "PUT", users + "/dana", `{"Role":"READER"}`, ve, badStatus, "Value null at 'email'"},
		{"update/no role", "PUT", users + "/dana", `{"Email":"dana@example.com"}`, ve, badStatus, "Value null at 'role'"},
		{"update/unapply is not a boolean", "PUT", users + "/dana", `{"Email":"dana@example.com","Role":"READER","UnapplyCustomPermissions":"yes"}`, "SerializationException", 400, "Value at 'unapplyCustomPermissions' must be a boolean, not a JSON string."},
	})
}
