package e2e

import (
	"context"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

func groupARN(namespace, name string) string { return sg.GroupARN(region, accountID, namespace, name) }

func createGroup(t testing.TB, c *quicksight.Client, namespace, name string) *types.Group {
	t.Helper()
	out, err := c.CreateGroup(t.Context(), &quicksight.CreateGroupInput{AwsAccountId: aws.String(accountID), Namespace: aws.String(namespace), GroupName: aws.String(name)})
	must(t, err)
	return out.Group
}

func addMember(t testing.TB, c *quicksight.Client, namespace, group, user string) {
	t.Helper()
	_, err := c.CreateGroupMembership(t.Context(), &quicksight.CreateGroupMembershipInput{AwsAccountId: aws.String(accountID), Namespace: aws.String(namespace), GroupName: aws.String(group), MemberName: aws.String(user)})
	must(t, err)
}

func groupNamesOf(list []types.Group) []string {
	out := []string{}
	for _, g := range list {
		out = append(out, aws.ToString(g.GroupName))
	}
	return out
}

// TestGroups drives every group operation through the SDK: shapes,
// pagination and the modeled errors.
func TestGroups(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	acct, ns := aws.String(accountID), aws.String("default")
	registerQuickSightUser(t, c, "gwen", types.UserRoleReader)
	registerQuickSightUser(t, c, "hugo", types.UserRoleReader)

	out, err := c.CreateGroup(ctx, &quicksight.CreateGroupInput{AwsAccountId: acct, Namespace: ns, GroupName: aws.String("sales-eu"), Description: aws.String("Sales, Europe")})
	must(t, err)
	if out.Status != http.StatusOK || aws.ToString(out.RequestId) == "" {
		t.Errorf("CreateGroup Status %d RequestId %q", out.Status, aws.ToString(out.RequestId))
	}
	g := out.Group
	if aws.ToString(g.Arn) != groupARN("default", "sales-eu") || aws.ToString(g.GroupName) != "sales-eu" || aws.ToString(g.Description) != "Sales, Europe" || aws.ToString(g.PrincipalId) == "" {
		t.Fatalf("CreateGroup: %s", jsonString(g))
	}
	desc, err := c.DescribeGroup(ctx, &quicksight.DescribeGroupInput{AwsAccountId: acct, Namespace: ns, GroupName: aws.String("sales-eu")})
	must(t, err)
	wantEqual(t, "DescribeGroup", desc.Group, g)
	upd, err := c.UpdateGroup(ctx, &quicksight.UpdateGroupInput{AwsAccountId: acct, Namespace: ns, GroupName: aws.String("sales-eu"), Description: aws.String("EU sales")})
	must(t, err)
	wantEqual(t, "UpdateGroup description", aws.ToString(upd.Group.Description), "EU sales")
	for _, n := range []string{"sales-us", "support", "Sales-HQ"} {
		createGroup(t, c, "default", n)
	}

	// ListGroups pages in name order; SearchGroups filters by prefix.
	var names []string
	var token *string
	for pages := 0; ; pages++ {
		lo, err := c.ListGroups(ctx, &quicksight.ListGroupsInput{AwsAccountId: acct, Namespace: ns, MaxResults: aws.Int32(3), NextToken: token})
		must(t, err)
		names = append(names, groupNamesOf(lo.GroupList)...)
		if token = lo.NextToken; token == nil {
			break
		}
		if pages > 3 {
			t.Fatal("ListGroups does not end")
		}
	}
	wantEqual(t, "ListGroups", names, []string{"Sales-HQ", "sales-eu", "sales-us", "support"})
	so, err := c.SearchGroups(ctx, &quicksight.SearchGroupsInput{AwsAccountId: acct, Namespace: ns, MaxResults: aws.Int32(1),
		Filters: []types.GroupSearchFilter{{Operator: types.GroupFilterOperatorStartsWith, Name: types.GroupFilterAttributeGroupName, Value: aws.String("sales")}}})
	must(t, err)
	wantEqual(t, "SearchGroups page 1", groupNamesOf(so.GroupList), []string{"sales-eu"})
	so, err = c.SearchGroups(ctx, &quicksight.SearchGroupsInput{AwsAccountId: acct, Namespace: ns, NextToken: so.NextToken,
		Filters: []types.GroupSearchFilter{{Operator: types.GroupFilterOperatorStartsWith, Name: types.GroupFilterAttributeGroupName, Value: aws.String("sales")}}})
	must(t, err)
	wantEqual(t, "SearchGroups page 2", groupNamesOf(so.GroupList), []string{"sales-us"})
	if so.NextToken != nil {
		t.Errorf("SearchGroups last page has a NextToken")
	}

	// Memberships.
	mo, err := c.CreateGroupMembership(ctx, &quicksight.CreateGroupMembershipInput{AwsAccountId: acct, Namespace: ns, GroupName: aws.String("sales-eu"), MemberName: aws.String("gwen")})
	must(t, err)
	if aws.ToString(mo.GroupMember.Arn) != userARN(accountID, "gwen") || aws.ToString(mo.GroupMember.MemberName) != "gwen" {
		t.Fatalf("CreateGroupMembership: %s", jsonString(mo.GroupMember))
	}
	addMember(t, c, "default", "sales-eu", "gwen") // again: a PUT changes nothing
	addMember(t, c, "default", "sales-eu", "hugo")
	addMember(t, c, "default", "support", "gwen")
	dm, err := c.DescribeGroupMembership(ctx, &quicksight.DescribeGroupMembershipInput{AwsAccountId: acct, Namespace: ns, GroupName: aws.String("sales-eu"), MemberName: aws.String("hugo")})
	must(t, err)
	wantEqual(t, "DescribeGroupMembership", aws.ToString(dm.GroupMember.Arn), userARN(accountID, "hugo"))
	lm, err := c.ListGroupMemberships(ctx, &quicksight.ListGroupMembershipsInput{AwsAccountId: acct, Namespace: ns, GroupName: aws.String("sales-eu"), MaxResults: aws.Int32(1)})
	must(t, err)
	if len(lm.GroupMemberList) != 1 || aws.ToString(lm.GroupMemberList[0].MemberName) != "gwen" || lm.NextToken == nil {
		t.Fatalf("ListGroupMemberships page 1: %s", jsonString(lm))
	}
	lm, err = c.ListGroupMemberships(ctx, &quicksight.ListGroupMembershipsInput{AwsAccountId: acct, Namespace: ns, GroupName: aws.String("sales-eu"), NextToken: lm.NextToken})
	must(t, err)
	if len(lm.GroupMemberList) != 1 || aws.ToString(lm.GroupMemberList[0].MemberName) != "hugo" || lm.NextToken != nil {
		t.Fatalf("ListGroupMemberships page 2: %s", jsonString(lm))
	}
	ug, err := c.ListUserGroups(ctx, &quicksight.ListUserGroupsInput{AwsAccountId: acct, Namespace: ns, UserName: aws.String("gwen")})
	must(t, err)
	wantEqual(t, "ListUserGroups", groupNamesOf(ug.GroupList), []string{"sales-eu", "support"})
	names, err = ts.App.UserGroupNames(ctx, accountID, "default", "gwen")
	must(t, err)
	wantEqual(t, "UserGroupNames", names, []string{"sales-eu", "support"})

	_, err = c.DeleteGroupMembership(ctx, &quicksight.DeleteGroupMembershipInput{AwsAccountId: acct, Namespace: ns, GroupName: aws.String("support"), MemberName: aws.String("gwen")})
	must(t, err)
	ug, err = c.ListUserGroups(ctx, &quicksight.ListUserGroupsInput{AwsAccountId: acct, Namespace: ns, UserName: aws.String("gwen")})
	must(t, err)
	wantEqual(t, "ListUserGroups after the delete", groupNamesOf(ug.GroupList), []string{"sales-eu"})
	// A deleted user leaves its groups; a deleted group takes its memberships.
	_, err = c.DeleteUser(ctx, &quicksight.DeleteUserInput{AwsAccountId: acct, Namespace: ns, UserName: aws.String("hugo")})
	must(t, err)
	lm, err = c.ListGroupMemberships(ctx, &quicksight.ListGroupMembershipsInput{AwsAccountId: acct, Namespace: ns, GroupName: aws.String("sales-eu")})
	must(t, err)
	if len(lm.GroupMemberList) != 1 {
		t.Fatalf("members after DeleteUser: %s", jsonString(lm.GroupMemberList))
	}
	_, err = c.DeleteGroup(ctx, &quicksight.DeleteGroupInput{AwsAccountId: acct, Namespace: ns, GroupName: aws.String("sales-eu")})
	must(t, err)
	names, err = ts.App.UserGroupNames(ctx, accountID, "default", "gwen")
	must(t, err)
	wantEqual(t, "UserGroupNames after DeleteGroup", names, []string{})

	const nf, pre = "ResourceNotFoundException", "PreconditionNotMetException"
	group := func(name string) *string { return aws.String(name) }
	runErrorCases(t, c, []apiCase{
		{"CreateGroup exists", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateGroup(ctx, &quicksight.CreateGroupInput{AwsAccountId: acct, Namespace: ns, GroupName: group("support")})
			return err
		}, "ResourceExistsException", http.StatusConflict, "already exists"},
		{"CreateGroup bad name", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateGroup(ctx, &quicksight.CreateGroupInput{AwsAccountId: acct, Namespace: ns, GroupName: group("euro-€")})
			return err
		}, ve, http.StatusBadRequest, "groupName"},
		{"CreateGroup long description", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateGroup(ctx, &quicksight.CreateGroupInput{AwsAccountId: acct, Namespace: ns, GroupName: group("x"), Description: aws.String(string(make([]byte, 513)))})
			return err
		}, ve, http.StatusBadRequest, ""},
		{"CreateGroup unknown namespace", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateGroup(ctx, &quicksight.CreateGroupInput{AwsAccountId: acct, Namespace: aws.String("nowhere"), GroupName: group("x")})
			return err
		}, nf, http.StatusNotFound, "Namespace nowhere"},
		{"DescribeGroup missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeGroup(ctx, &quicksight.DescribeGroupInput{AwsAccountId: acct, Namespace: ns, GroupName: group("sales-eu")})
			return err
		}, nf, http.StatusNotFound, "sales-eu"},
		{"UpdateGroup missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateGroup(ctx, &quicksight.UpdateGroupInput{AwsAccountId: acct, Namespace: ns, GroupName: group("nope"), Description: aws.String("d")})
			return err
		}, nf, http.StatusNotFound, "nope"},
		{"DeleteGroup missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteGroup(ctx, &quicksight.DeleteGroupInput{AwsAccountId: acct, Namespace: ns, GroupName: group("sales-eu")})
			return err
		}, nf, http.StatusNotFound, ""},
		{"ListGroups bad token", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListGroups(ctx, &quicksight.ListGroupsInput{AwsAccountId: acct, Namespace: ns, NextToken: aws.String("bogus")})
			return err
		}, "InvalidNextTokenException", http.StatusBadRequest, ""},
		{"ListUserGroups bad token", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListUserGroups(ctx, &quicksight.ListUserGroupsInput{AwsAccountId: acct, Namespace: ns, UserName: aws.String("gwen"), NextToken: aws.String("bogus")})
			return err
		}, "InvalidParameterValueException", http.StatusBadRequest, "NextToken"},
		{"ListUserGroups unknown user", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListUserGroups(ctx, &quicksight.ListUserGroupsInput{AwsAccountId: acct, Namespace: ns, UserName: aws.String("nobody")})
			return err
		}, nf, http.StatusNotFound, "nobody"},
		{"SearchGroups bad operator", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.SearchGroups(ctx, &quicksight.SearchGroupsInput{AwsAccountId: acct, Namespace: ns,
				Filters: []types.GroupSearchFilter{{Operator: "Contains", Name: types.GroupFilterAttributeGroupName, Value: aws.String("s")}}})
			return err
		}, ve, http.StatusBadRequest, ""},
		{"CreateGroupMembership unknown user", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateGroupMembership(ctx, &quicksight.CreateGroupMembershipInput{AwsAccountId: acct, Namespace: ns, GroupName: group("support"), MemberName: aws.String("nobody")})
			return err
		}, nf, http.StatusNotFound, "nobody"},
		{"CreateGroupMembership unknown group", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateGroupMembership(ctx, &quicksight.CreateGroupMembershipInput{AwsAccountId: acct, Namespace: ns, GroupName: group("nope"), MemberName: aws.String("gwen")})
			return err
		}, nf, http.StatusNotFound, "nope"},
		{"DescribeGroupMembership not a member", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeGroupMembership(ctx, &quicksight.DescribeGroupMembershipInput{AwsAccountId: acct, Namespace: ns, GroupName: group("support"), MemberName: aws.String("gwen")})
			return err
		}, nf, http.StatusNotFound, "not a member"},
		{"DeleteGroupMembership not a member", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteGroupMembership(ctx, &quicksight.DeleteGroupMembershipInput{AwsAccountId: acct, Namespace: ns, GroupName: group("support"), MemberName: aws.String("gwen")})
			return err
		}, nf, http.StatusNotFound, "not a member"},
		{"ListGroupMemberships unknown group", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListGroupMemberships(ctx, &quicksight.ListGroupMembershipsInput{AwsAccountId: acct, Namespace: ns, GroupName: group("nope")})
			return err
		}, nf, http.StatusNotFound, "nope"},
	})
	_ = pre

	// IAM policies govern the operations on the groups' and namespaces'
	// ARNs.
	limited := ts.client(ts.newIAMUser(t, accountID, "group-reader", policy("Allow", "quicksight:DescribeGroup", groupARN("default", "support"))))
	_, err = limited.DescribeGroup(ctx, &quicksight.DescribeGroupInput{AwsAccountId: acct, Namespace: ns, GroupName: group("support")})
	must(t, err)
	const ad = "AccessDeniedException"
	runErrorCases(t, limited, []apiCase{
		{"DescribeGroup of another group", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeGroup(ctx, &quicksight.DescribeGroupInput{AwsAccountId: acct, Namespace: ns, GroupName: group("sales-us")})
			return err
		}, ad, 401, denied("user/group-reader", "DescribeGroup", groupARN("default", "sales-us"))},
		{"CreateGroupMembership", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateGroupMembership(ctx, &quicksight.CreateGroupMembershipInput{AwsAccountId: acct, Namespace: ns, GroupName: group("support"), MemberName: aws.String("gwen")})
			return err
		}, ad, 401, denied("user/group-reader", "CreateGroupMembership", groupARN("default", "support"))},
		{"CreateNamespace", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateNamespace(ctx, &quicksight.CreateNamespaceInput{AwsAccountId: acct, Namespace: aws.String("t"), IdentityStore: types.IdentityStoreQuicksight})
			return err
		}, ad, 401, denied("user/group-reader", "CreateNamespace", sg.NamespaceARN(region, accountID, "t"))},
	})
}

// TestDataSetSharedWithGroup: an author bound to a QuickSight user may use
// a dataset shared with one of their groups, and no longer once they
// leave it.
func TestDataSetSharedWithGroup(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(200))
	ctx := t.Context()
	admin := ts.adminClient()
	anOut, err := admin.DescribeAnalysisDefinition(ctx, &quicksight.DescribeAnalysisDefinitionInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(app.SampleAnalysisID)})
	must(t, err)
	abe := ts.client(ts.newIAMUser(t, accountID, "abe", fullAccess))
	registerIAMUser(t, admin, "abe", types.UserRoleAuthor)
	create := func(id string) *types.Analysis {
		t.Helper()
		_, err := abe.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{
			AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id), Name: aws.String(id),
			Definition: anOut.Definition, Permissions: ownerPermissions("abe", analysisOwnerActions...),
			ValidationStrategy: &types.ValidationStrategy{Mode: types.ValidationStrategyModeLenient},
		})
		must(t, err)
		return waitAnalysis(t, abe, id)
	}
	if an := create("before"); an.Status != types.ResourceStatusCreationFailed {
		t.Fatalf("analysis over an unshared dataset: %s", an.Status)
	}
	createGroup(t, admin, "default", "analysts")
	addMember(t, admin, "default", "analysts", "abe")
	_, err = admin.UpdateDataSetPermissions(ctx, &quicksight.UpdateDataSetPermissionsInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(app.SampleDataSetID),
		GrantPermissions: []types.ResourcePermission{{Principal: aws.String(groupARN("default", "analysts")), Actions: []string{"quicksight:DescribeDataSet", "quicksight:PassDataSet"}}}})
	must(t, err)
	if an := create("member"); an.Status != types.ResourceStatusCreationSuccessful {
		t.Fatalf("analysis over a dataset shared with the author's group: %s %s", an.Status, jsonString(an.Errors))
	}
	_, err = admin.DeleteGroupMembership(ctx, &quicksight.DeleteGroupMembershipInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), GroupName: aws.String("analysts"), MemberName: aws.String("abe")})
	must(t, err)
	if an := create("left"); an.Status != types.ResourceStatusCreationFailed {
		t.Fatalf("analysis after leaving the group: %s", an.Status)
	}
}
