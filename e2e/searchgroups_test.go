package e2e

// Search* ownership filters and groups: the implicit names
// (QUICKSIGHT_USER, QUICKSIGHT_OWNER, QUICKSIGHT_VIEWER_OR_OWNER) count
// what is shared with the user's groups, the DIRECT_ names the user's own
// grants alone; a group ARN as the value finds the group's grants.

import (
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func groupPerm(group string, actions ...string) types.ResourcePermission {
	return types.ResourcePermission{Principal: aws.String(groupARN("default", group)), Actions: actions}
}

func TestSearchCountsGroups(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	createSalesDataSet(t, ts)
	c := ts.adminClient()
	ctx := t.Context()
	registerQuickSightUser(t, c, "gus", types.UserRoleAuthor)
	registerQuickSightUser(t, c, "olive", types.UserRoleAuthor)
	createGroup(t, c, "default", "analysts")
	createGroup(t, c, "default", "others")
	addMember(t, c, "default", "analysts", "gus")
	for _, d := range []struct {
		id    string
		perms []types.ResourcePermission
	}{
		{"g-view", []types.ResourcePermission{groupPerm("analysts", dashboardReaderActions...), perm("olive", dashboardOwnerActions...)}},
		{"g-own", []types.ResourcePermission{groupPerm("analysts", dashboardOwnerActions...)}},
		{"u-view", []types.ResourcePermission{perm("gus", dashboardReaderActions...), perm("olive", dashboardOwnerActions...)}},
		{"u-own", []types.ResourcePermission{perm("gus", dashboardOwnerActions...)}},
		{"other", []types.ResourcePermission{groupPerm("others", dashboardOwnerActions...)}},
	} {
		_, err := c.CreateDashboard(ctx, &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(d.id), Name: aws.String(d.id),
			Definition: salesDashboardDefinition(t), Permissions: d.perms})
		must(t, err)
	}
	gus, analysts := userARN(accountID, "gus"), groupARN("default", "analysts")
	for _, tc := range []struct {
		name  types.DashboardFilterAttribute
		value string
		want  []string
	}{
		{types.DashboardFilterAttributeQuicksightUser, gus, []string{"g-own", "g-view", "u-own", "u-view"}},
		{types.DashboardFilterAttributeQuicksightViewerOrOwner, gus, []string{"g-own", "g-view", "u-own", "u-view"}},
		{types.DashboardFilterAttributeQuicksightOwner, gus, []string{"g-own", "u-own"}},
		{types.DashboardFilterAttributeDirectQuicksightViewerOrOwner, gus, []string{"u-own", "u-view"}},
		{types.DashboardFilterAttributeDirectQuicksightOwner, gus, []string{"u-own"}},
		{types.DashboardFilterAttributeDirectQuicksightSoleOwner, gus, []string{"u-own"}},
		{types.DashboardFilterAttributeQuicksightViewerOrOwner, analysts, []string{"g-own", "g-view"}},
		{types.DashboardFilterAttributeQuicksightOwner, analysts, []string{"g-own"}},
		{types.DashboardFilterAttributeDirectQuicksightViewerOrOwner, analysts, []string{"g-own", "g-view"}},
		{types.DashboardFilterAttributeDirectQuicksightSoleOwner, analysts, []string{"g-own"}},
		{types.DashboardFilterAttributeQuicksightViewerOrOwner, userARN(accountID, "olive"), []string{"g-view", "u-view"}},
		{types.DashboardFilterAttributeQuicksightViewerOrOwner, userARN(accountID, "nobody"), nil},
	} {
		if got := searchDashboardIDs(t, c, dashboardFilter(tc.name, types.FilterOperatorStringEquals, tc.value), 100); !slices.Equal(got, tc.want) {
			t.Errorf("%s %s: got %v, want %v", tc.name, tc.value, got, tc.want)
		}
	}

	// A membership removed stops counting at once.
	_, err := c.DeleteGroupMembership(ctx, &quicksight.DeleteGroupMembershipInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"),
		GroupName: aws.String("analysts"), MemberName: aws.String("gus")})
	must(t, err)
	if got := searchDashboardIDs(t, c, dashboardFilter(types.DashboardFilterAttributeQuicksightUser, types.FilterOperatorStringEquals, gus), 1); !slices.Equal(got, []string{"u-own", "u-view"}) {
		t.Errorf("after leaving the group: got %v", got)
	}

	// The other Search operations count groups the same way.
	_, err = c.UpdateDataSetPermissions(ctx, &quicksight.UpdateDataSetPermissionsInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("tf-sales"),
		GrantPermissions: []types.ResourcePermission{groupPerm("others", "quicksight:DescribeDataSet", "quicksight:UpdateDataSetPermissions")}})
	must(t, err)
	addMember(t, c, "default", "others", "olive")
	dataSets := func(name types.DataSetFilterAttribute) []string {
		out, err := c.SearchDataSets(ctx, &quicksight.SearchDataSetsInput{AwsAccountId: aws.String(accountID),
			Filters: []types.DataSetSearchFilter{{Name: name, Operator: types.FilterOperatorStringEquals, Value: aws.String(userARN(accountID, "olive"))}}})
		must(t, err)
		var ids []string
		for _, s := range out.DataSetSummaries {
			ids = append(ids, aws.ToString(s.DataSetId))
		}
		return ids
	}
	wantEqual(t, "datasets olive owns through others", dataSets(types.DataSetFilterAttributeQuicksightOwner), []string{"tf-sales"})
	wantEqual(t, "datasets olive owns directly", dataSets(types.DataSetFilterAttributeDirectQuicksightOwner), []string(nil))
}
