package e2e

// Custom permissions profiles: Create/Describe/Update/Delete/List
// CustomPermissions, and Update/DeleteUserCustomPermission.

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func customPermissionsARN(name string) string {
	return "arn:aws:quicksight:" + region + ":" + accountID + ":custompermissions/" + name
}

func describeCustomPermissions(t testing.TB, c *quicksight.Client, name string) *types.CustomPermissions {
	t.Helper()
	out, err := c.DescribeCustomPermissions(t.Context(), &quicksight.DescribeCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String(name)})
	must(t, err)
	if out.Status != 200 || aws.ToString(out.RequestId) == "" {
		t.Errorf("DescribeCustomPermissions Status = %d (body-bound), RequestId %q", out.Status, aws.ToString(out.RequestId))
	}
	return out.CustomPermissions
}

func TestCustomPermissionsLifecycle(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()

	caps := &types.Capabilities{
		ExportToCsv:     types.CapabilityStateDeny,
		ExportToExcel:   types.CapabilityStateDeny,
		ShareDashboards: types.CapabilityStateDeny,
	}
	created, err := c.CreateCustomPermissions(ctx, &quicksight.CreateCustomPermissionsInput{
		AwsAccountId:          aws.String(accountID),
		CustomPermissionsName: aws.String("no-export"),
		Capabilities:          caps,
		Tags:                  []types.Tag{{Key: aws.String("owner"), Value: aws.String("bi-team")}},
	})
	must(t, err)
	if created.Status != 200 || aws.ToString(created.Arn) != customPermissionsARN("no-export") {
		t.Errorf("CreateCustomPermissions Status = %d (body-bound), Arn = %q", created.Status, aws.ToString(created.Arn))
	}
	wantEqual(t, "described profile", describeCustomPermissions(t, c, "no-export"), &types.CustomPermissions{
		Arn:                   aws.String(customPermissionsARN("no-export")),
		CustomPermissionsName: aws.String("no-export"),
		Capabilities:          caps,
	})

	// Update replaces the whole set of capabilities.
	newCaps := &types.Capabilities{CreateAndUpdateDataSources: types.CapabilityStateDeny, PrintReports: types.CapabilityStateDeny}
	updated, err := c.UpdateCustomPermissions(ctx, &quicksight.UpdateCustomPermissionsInput{
		AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String("no-export"), Capabilities: newCaps,
	})
	must(t, err)
	if updated.Status != 200 || aws.ToString(updated.Arn) != customPermissionsARN("no-export") {
		t.Errorf("UpdateCustomPermissions Status = %d (body-bound), Arn = %q", updated.Status, aws.ToString(updated.Arn))
	}
	wantEqual(t, "capabilities after update", describeCustomPermissions(t, c, "no-export").Capabilities, newCaps)

	// A profile without capabilities restricts nothing.
	_, err = c.CreateCustomPermissions(ctx, &quicksight.CreateCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String("Open.Profile_1")})
	must(t, err)
	if got := describeCustomPermissions(t, c, "Open.Profile_1").Capabilities; got != nil && *got != (types.Capabilities{}) {
		t.Errorf("empty profile capabilities = %s", jsonString(got))
	}

	list, err := c.ListCustomPermissions(ctx, &quicksight.ListCustomPermissionsInput{AwsAccountId: aws.String(accountID)})
	must(t, err)
	if list.Status != 200 || list.NextToken != nil {
		t.Errorf("ListCustomPermissions Status = %d, NextToken %v", list.Status, list.NextToken)
	}
	var names []string
	for _, p := range list.CustomPermissionsList {
		names = append(names, aws.ToString(p.CustomPermissionsName))
	}
	wantEqual(t, "listed profiles", names, []string{"Open.Profile_1", "no-export"})
	wantEqual(t, "listed profile", &list.CustomPermissionsList[1], describeCustomPermissions(t, c, "no-export"))

	pages := quicksight.NewListCustomPermissionsPaginator(c, &quicksight.ListCustomPermissionsInput{AwsAccountId: aws.String(accountID), MaxResults: aws.Int32(1)})
	names = nil
	for pages.HasMorePages() {
		out, err := pages.NextPage(ctx)
		must(t, err)
		if len(out.CustomPermissionsList) != 1 {
			t.Fatalf("page of %d profiles, want 1", len(out.CustomPermissionsList))
		}
		names = append(names, aws.ToString(out.CustomPermissionsList[0].CustomPermissionsName))
	}
	wantEqual(t, "paginated profiles", names, []string{"Open.Profile_1", "no-export"})

	// Assign the profile to a user, then try to delete it.
	registerQuickSightUser(t, c, "dana", types.UserRoleAuthor)
	assign, err := c.UpdateUserCustomPermission(ctx, &quicksight.UpdateUserCustomPermissionInput{
		AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("dana"), CustomPermissionsName: aws.String("no-export"),
	})
	must(t, err)
	if assign.Status != 200 || aws.ToString(assign.RequestId) == "" {
		t.Errorf("UpdateUserCustomPermission Status = %d, RequestId %q", assign.Status, aws.ToString(assign.RequestId))
	}
	if got := aws.ToString(describeUser(t, c, "dana").CustomPermissionsName); got != "no-export" {
		t.Errorf("dana's CustomPermissionsName = %q, want no-export", got)
	}
	deleteProfile := func(name string) (*quicksight.DeleteCustomPermissionsOutput, error) {
		return c.DeleteCustomPermissions(ctx, &quicksight.DeleteCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String(name)})
	}
	_, err = deleteProfile("no-export")
	wantErrorMessage(t, err, "ConflictException", 409, "Custom permissions profile no-export is assigned to 1 user(s); remove it from them first.")

	unassign, err := c.DeleteUserCustomPermission(ctx, &quicksight.DeleteUserCustomPermissionInput{
		AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("dana"),
	})
	must(t, err)
	if unassign.Status != 200 {
		t.Errorf("DeleteUserCustomPermission Status = %d, want 200", unassign.Status)
	}
	if got := describeUser(t, c, "dana").CustomPermissionsName; got != nil {
		t.Errorf("dana's CustomPermissionsName = %q after DeleteUserCustomPermission", *got)
	}

	deleted, err := deleteProfile("no-export")
	must(t, err)
	if deleted.Status != 200 || aws.ToString(deleted.Arn) != customPermissionsARN("no-export") {
		t.Errorf("DeleteCustomPermissions Status = %d (body-bound), Arn = %q", deleted.Status, aws.ToString(deleted.Arn))
	}
	_, err = c.DescribeCustomPermissions(ctx, &quicksight.DescribeCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String("no-export")})
	wantErrorMessage(t, err, "ResourceNotFoundException", 404, "Custom permissions profile no-export doesn't exist in account "+accountID+".")
}

func TestCustomPermissionsValidation(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	_, err := c.CreateCustomPermissions(ctx, &quicksight.CreateCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String("existing")})
	must(t, err)
	registerQuickSightUser(t, c, "dana", types.UserRoleReader)
	users, err := c.ListUsers(ctx, &quicksight.ListUsersInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), MaxResults: aws.Int32(1)})
	must(t, err)

	create := func(name string, caps *types.Capabilities, tags []types.Tag) func(context.Context, *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateCustomPermissions(ctx, &quicksight.CreateCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String(name), Capabilities: caps, Tags: tags})
			return err
		}
	}
	describe := func(name string) func(context.Context, *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeCustomPermissions(ctx, &quicksight.DescribeCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String(name)})
			return err
		}
	}
	update := func(name string, caps *types.Capabilities) func(context.Context, *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateCustomPermissions(ctx, &quicksight.UpdateCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String(name), Capabilities: caps})
			return err
		}
	}
	list := func(max *int32, token *string) func(context.Context, *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListCustomPermissions(ctx, &quicksight.ListCustomPermissionsInput{AwsAccountId: aws.String(accountID), MaxResults: max, NextToken: token})
			return err
		}
	}
	assign := func(ns, user, name string) func(context.Context, *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateUserCustomPermission(ctx, &quicksight.UpdateUserCustomPermissionInput{AwsAccountId: aws.String(accountID), Namespace: aws.String(ns), UserName: aws.String(user), CustomPermissionsName: aws.String(name)})
			return err
		}
	}
	unassign := func(ns, user string) func(context.Context, *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteUserCustomPermission(ctx, &quicksight.DeleteUserCustomPermissionInput{AwsAccountId: aws.String(accountID), Namespace: aws.String(ns), UserName: aws.String(user)})
			return err
		}
	}
	allow := &types.Capabilities{ExportToCsv: "ALLOW"}
	const bad, badStatus = "InvalidParameterValueException", 400
	const notFound = "ResourceNotFoundException"
	long := strings.Repeat("p", 65)
	runErrorCases(t, c, []apiCase{
		{"create/name too long", create(long, nil, nil), ve, badStatus,
			"at 'customPermissionsName' failed to satisfy constraint: Member must have length less than or equal to 64"},
		{"create/name with space", create("no export", nil, nil), ve, badStatus,
			"Value 'no export' at 'customPermissionsName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9+=,.@_-]+$"},
		{"create/capability other than DENY", create("allow", allow, nil), ve, badStatus,
			"Value 'ALLOW' at 'capabilities.exportToCsv' failed to satisfy constraint: Member must satisfy enum value set: [DENY]"},
		{"create/lower-case deny", create("deny", &types.Capabilities{ExportToPdf: "deny"}, nil), ve, badStatus, "Value 'deny' at 'capabilities.exportToPdf'"},
		{"create/tag value too long", create("tagged", nil, []types.Tag{{Key: aws.String("k"), Value: aws.String(strings.Repeat("v", 257))}}), ve, badStatus,
			"at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256"},
		{"create/existing", create("existing", nil, nil), "ResourceExistsException", 409,
			"Custom permissions profile existing already exists in account " + accountID + "."},
		{"describe/unknown", describe("ghost"), notFound, 404, "Custom permissions profile ghost doesn't exist in account " + accountID + "."},
		{"describe/name too long", describe(long), ve, badStatus, "Member must have length less than or equal to 64"},
		{"describe/name pattern", describe("a:b"), ve, badStatus, "Value 'a:b' at 'customPermissionsName'"},
		{"update/unknown", update("ghost", nil), notFound, 404, "Custom permissions profile ghost doesn't exist"},
		{"update/capability other than DENY", update("existing", allow), ve, badStatus, "Value 'ALLOW' at 'capabilities.exportToCsv'"},
		{"delete/unknown", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteCustomPermissions(ctx, &quicksight.DeleteCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String("ghost")})
			return err
		}, notFound, 404, "Custom permissions profile ghost doesn't exist"},
		{"list/MaxResults 0", list(aws.Int32(0), nil), ve, badStatus, "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{"list/MaxResults 101", list(aws.Int32(101), nil), ve, badStatus, "Value '101' at 'maxResults'"},
		{"list/garbage NextToken", list(nil, aws.String("not-a-token")), "InvalidNextTokenException", 400, "The NextToken is not valid."},
		{"list/ListUsers NextToken", list(nil, users.NextToken), "InvalidNextTokenException", 400, ""},
		{"list/bad account id", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListCustomPermissions(ctx, &quicksight.ListCustomPermissionsInput{AwsAccountId: aws.String("12")})
			return err
		}, ve, badStatus, "at 'awsAccountId'"},
		{"assign/unknown profile", assign("default", "dana", "ghost"), notFound, 404, "Custom permissions profile ghost doesn't exist"},
		{"assign/unknown user", assign("default", "ghost", "existing"), notFound, 404,
			"The user with the name ghost doesn't exist in namespace default of account " + accountID + "."},
		{"assign/name pattern", assign("default", "dana", "a b"), ve, badStatus, "Value 'a b' at 'customPermissionsName'"},
		{"assign/name too long", assign("default", "dana", long), ve, badStatus, "Member must have length less than or equal to 64"},
		{"assign/unknown namespace", assign("marketing", "dana", "existing"), notFound, 404, "Namespace marketing not found"},
		{"unassign/unknown user", unassign("default", "ghost"), notFound, 404, "The user with the name ghost doesn't exist"},
		{"unassign/unknown namespace", unassign("marketing", "dana"), notFound, 404, "Namespace marketing not found"},
	})

	cps := "/accounts/" + accountID + "/custom-permissions"
	ts.runRawErrorCases(t, ts.Admin, []rawCase{
		{"create/no name", "POST", cps, `{"Capabilities":{"ExportToCsv":"DENY"}}`, ve, badStatus, "at 'customPermissionsName'"},
		{"create/not a capability", "POST", cps, `{"CustomPermissionsName":"x","Capabilities":{"export to csv":"DENY"}}`, "SerializationException", 400, "Unknown member 'export to csv' at 'capabilities': Capabilities has no such member."},
		{"create/capabilities not an object", "POST", cps, `{"CustomPermissionsName":"x","Capabilities":["DENY"]}`, "SerializationException", 400, "Value at 'capabilities' must be a structure, not a JSON array."},
		{"assign/no name", "PUT", "/accounts/" + accountID + "/namespaces/default/users/dana/custom-permission", `{}`, ve, badStatus, "Value null at 'customPermissionsName'"},
		{"list/MaxResults not a number", "GET", cps + "?max-results=1.5", "", "SerializationException", 400, "max-results"},
	})
}
