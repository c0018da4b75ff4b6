package e2e

// SearchDashboards, SearchAnalyses, SearchDataSets and SearchDataSources:
// name and ownership filters, pagination, the modeled errors of invalid
// filters, and results restricted to what the caller may see.

import (
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

var dashboardOwnerActions = []string{
	"quicksight:DescribeDashboard", "quicksight:ListDashboardVersions", "quicksight:UpdateDashboardPermissions",
	"quicksight:QueryDashboard", "quicksight:UpdateDashboard", "quicksight:DeleteDashboard",
	"quicksight:DescribeDashboardPermissions", "quicksight:UpdateDashboardPublishedVersion",
}

func perm(user string, actions ...string) types.ResourcePermission {
	return types.ResourcePermission{Principal: aws.String(userARN(accountID, user)), Actions: actions}
}

func dashboardFilter(name types.DashboardFilterAttribute, op types.FilterOperator, value string) []types.DashboardSearchFilter {
	return []types.DashboardSearchFilter{{Name: name, Operator: op, Value: aws.String(value)}}
}

// searchDashboardIDs pages through SearchDashboards with pageSize and
// returns the ids found, in order.
func searchDashboardIDs(t testing.TB, c *quicksight.Client, filters []types.DashboardSearchFilter, pageSize int32) []string {
	t.Helper()
	var ids []string
	in := &quicksight.SearchDashboardsInput{AwsAccountId: aws.String(accountID), Filters: filters, MaxResults: aws.Int32(pageSize)}
	for range 20 {
		out, err := c.SearchDashboards(t.Context(), in)
		must(t, err)
		if out.Status != 200 || aws.ToString(out.RequestId) == "" {
			t.Errorf("SearchDashboards Status = %d, RequestId %q", out.Status, aws.ToString(out.RequestId))
		}
		if len(out.DashboardSummaryList) > int(pageSize) {
			t.Errorf("SearchDashboards returned %d summaries, more than MaxResults %d", len(out.DashboardSummaryList), pageSize)
		}
		for _, d := range out.DashboardSummaryList {
			ids = append(ids, aws.ToString(d.DashboardId))
			if aws.ToString(d.Arn) != dashboardARN(aws.ToString(d.DashboardId)) || d.CreatedTime == nil {
				t.Errorf("summary %s: Arn %q, CreatedTime %v", aws.ToString(d.DashboardId), aws.ToString(d.Arn), d.CreatedTime)
			}
		}
		if out.NextToken == nil {
			return ids
		}
		in.NextToken = out.NextToken
	}
	t.Fatal("SearchDashboards did not stop paging")
	return nil
}

func TestSearchDashboards(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	createSalesDataSet(t, ts)
	c := ts.adminClient()
	ctx := t.Context()
	registerQuickSightUser(t, c, "rita", types.UserRoleReader)
	registerQuickSightUser(t, c, "ann", types.UserRoleAuthor)
	olgaKey := ts.newIAMUser(t, accountID, "olga", policy("Allow", "quicksight:*", "*"))
	registerIAMUser(t, c, "olga", types.UserRoleAuthor)

	for _, d := range []struct {
		id, name string
		perms    []types.ResourcePermission
	}{
		{"west", "Sales West", []types.ResourcePermission{perm("olga", dashboardOwnerActions...), perm("rita", dashboardReaderActions...)}},
		{"east", "sales east", []types.ResourcePermission{perm("olga", dashboardOwnerActions...), perm("ann", dashboardOwnerActions...)}},
		{"ops", "Ops board", []types.ResourcePermission{perm("ann", dashboardOwnerActions...)}},
		{"north", "North SALES", nil},
	} {
		_, err := c.CreateDashboard(ctx, &quicksight.CreateDashboardInput{
			AwsAccountId: aws.String(accountID), DashboardId: aws.String(d.id), Name: aws.String(d.name),
			Definition: salesDashboardDefinition(t), Permissions: d.perms,
		})
		must(t, err)
	}

	for _, tc := range []struct {
		what    string
		filters []types.DashboardSearchFilter
		want    []string
	}{
		{"name contains sales, any case", dashboardFilter(types.DashboardFilterAttributeDashboardName, types.FilterOperatorStringLike, "sAlEs"), []string{"east", "north", "west"}},
		{"name matches nothing", dashboardFilter(types.DashboardFilterAttributeDashboardName, types.FilterOperatorStringLike, "finance"), nil},
		{"viewer or owner rita", dashboardFilter(types.DashboardFilterAttributeQuicksightViewerOrOwner, types.FilterOperatorStringEquals, userARN(accountID, "rita")), []string{"west"}},
		{"QUICKSIGHT_USER rita", dashboardFilter(types.DashboardFilterAttributeQuicksightUser, types.FilterOperatorStringEquals, userARN(accountID, "rita")), []string{"west"}},
		{"owner rita (a reader)", dashboardFilter(types.DashboardFilterAttributeQuicksightOwner, types.FilterOperatorStringEquals, userARN(accountID, "rita")), nil},
		{"owner olga", dashboardFilter(types.DashboardFilterAttributeDirectQuicksightOwner, types.FilterOperatorStringEquals, userARN(accountID, "olga")), []string{"east", "west"}},
		{"sole owner olga", dashboardFilter(types.DashboardFilterAttributeDirectQuicksightSoleOwner, types.FilterOperatorStringEquals, userARN(accountID, "olga")), []string{"west"}},
		{"sole owner ann", dashboardFilter(types.DashboardFilterAttributeDirectQuicksightSoleOwner, types.FilterOperatorStringEquals, userARN(accountID, "ann")), []string{"ops"}},
	} {
		for _, size := range []int32{1, 2, 100} {
			if got := searchDashboardIDs(t, c, tc.filters, size); !slices.Equal(got, tc.want) {
				t.Errorf("%s (pages of %d): got %v, want %v", tc.what, size, got, tc.want)
			}
		}
	}

	// A caller bound to a QuickSight user finds only what is shared with it.
	olga := ts.client(olgaKey)
	if got := searchDashboardIDs(t, olga, dashboardFilter(types.DashboardFilterAttributeDashboardName, types.FilterOperatorStringLike, "s"), 100); !slices.Equal(got, []string{"east", "west"}) {
		t.Errorf("olga's search: got %v, want [east west]", got)
	}

	search := func(f []types.DashboardSearchFilter) error {
		_, err := c.SearchDashboards(ctx, &quicksight.SearchDashboardsInput{AwsAccountId: aws.String(accountID), Filters: f})
		return err
	}
	wantError(t, search(dashboardFilter(types.DashboardFilterAttributeDashboardName, types.FilterOperatorStringEquals, "Sales West")), "InvalidParameterValueException", 400)
	wantError(t, search(dashboardFilter(types.DashboardFilterAttributeQuicksightOwner, types.FilterOperatorStringLike, userARN(accountID, "olga"))), "InvalidParameterValueException", 400)
	wantError(t, search(dashboardFilter(types.DashboardFilterAttributeQuicksightOwner, types.FilterOperatorStringEquals, "olga")), "InvalidParameterValueException", 400)
	wantError(t, search(dashboardFilter(types.DashboardFilterAttributeQuicksightOwner, types.FilterOperatorStringEquals, userARN("999999999999", "olga"))), "InvalidParameterValueException", 400)
	wantError(t, search([]types.DashboardSearchFilter{{Operator: types.FilterOperatorStringLike, Value: aws.String("x")}}), "InvalidParameterValueException", 400)
	wantError(t, search(dashboardFilter("DATASET_NAME", types.FilterOperatorStringLike, "x")), "ValidationException", 400)
	two := append(dashboardFilter(types.DashboardFilterAttributeDashboardName, types.FilterOperatorStringLike, "a"), dashboardFilter(types.DashboardFilterAttributeDashboardName, types.FilterOperatorStringLike, "b")...)
	wantError(t, search(two), "ValidationException", 400)
	_, err := c.SearchDashboards(ctx, &quicksight.SearchDashboardsInput{AwsAccountId: aws.String(accountID), NextToken: aws.String("bogus"),
		Filters: dashboardFilter(types.DashboardFilterAttributeDashboardName, types.FilterOperatorStringLike, "s")})
	wantError(t, err, "InvalidNextTokenException", 400)
	// A NextToken of ListDashboards does not continue a search.
	list, err := c.ListDashboards(ctx, &quicksight.ListDashboardsInput{AwsAccountId: aws.String(accountID), MaxResults: aws.Int32(1)})
	must(t, err)
	_, err = c.SearchDashboards(ctx, &quicksight.SearchDashboardsInput{AwsAccountId: aws.String(accountID), NextToken: list.NextToken,
		Filters: dashboardFilter(types.DashboardFilterAttributeDashboardName, types.FilterOperatorStringLike, "s")})
	wantError(t, err, "InvalidNextTokenException", 400)
	// IAM governs the operation.
	denied := ts.client(ts.newIAMUser(t, accountID, "dora", policy("Allow", "quicksight:ListDashboards", "*")))
	_, err = denied.SearchDashboards(ctx, &quicksight.SearchDashboardsInput{AwsAccountId: aws.String(accountID),
		Filters: dashboardFilter(types.DashboardFilterAttributeDashboardName, types.FilterOperatorStringLike, "s")})
	wantError(t, err, "AccessDeniedException", 401)
}

func TestSearchAnalysesDataSetsDataSources(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	createSalesDataSet(t, ts)
	c := ts.adminClient()
	ctx := t.Context()
	registerQuickSightUser(t, c, "ann", types.UserRoleAuthor)
	registerQuickSightUser(t, c, "bob", types.UserRoleAuthor)

	for _, an := range []struct{ id, name, owner string }{{"a-sales", "Sales analysis", "ann"}, {"a-ops", "Ops analysis", "bob"}} {
		_, err := c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{
			AwsAccountId: aws.String(accountID), AnalysisId: aws.String(an.id), Name: aws.String(an.name),
			Definition: salesAnalysisDefinition(t), Permissions: ownerPermissions(an.owner, analysisOwnerActions...),
		})
		must(t, err)
	}
	analyses := func(f types.AnalysisSearchFilter) []string {
		out, err := c.SearchAnalyses(ctx, &quicksight.SearchAnalysesInput{AwsAccountId: aws.String(accountID), Filters: []types.AnalysisSearchFilter{f}})
		must(t, err)
		var ids []string
		for _, s := range out.AnalysisSummaryList {
			ids = append(ids, aws.ToString(s.AnalysisId))
			if aws.ToString(s.Arn) != analysisARN(aws.ToString(s.AnalysisId)) {
				t.Errorf("analysis summary Arn %q", aws.ToString(s.Arn))
			}
		}
		return ids
	}
	wantEqual(t, "analyses named like 'analysis'", analyses(types.AnalysisSearchFilter{Name: types.AnalysisFilterAttributeAnalysisName, Operator: types.FilterOperatorStringLike, Value: aws.String("ANALYSIS")}), []string{"a-ops", "a-sales"})
	wantEqual(t, "analyses owned by ann", analyses(types.AnalysisSearchFilter{Name: types.AnalysisFilterAttributeQuicksightOwner, Operator: types.FilterOperatorStringEquals, Value: aws.String(userARN(accountID, "ann"))}), []string{"a-sales"})
	_, err := c.DeleteAnalysis(ctx, &quicksight.DeleteAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("a-sales")})
	must(t, err)
	wantEqual(t, "analyses after a deletion", analyses(types.AnalysisSearchFilter{Name: types.AnalysisFilterAttributeAnalysisName, Operator: types.FilterOperatorStringLike, Value: aws.String("analysis")}), []string{"a-ops"})

	// Datasets and data sources: the sales ones are shared with ann as owner.
	_, err = c.UpdateDataSetPermissions(ctx, &quicksight.UpdateDataSetPermissionsInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("tf-sales"),
		GrantPermissions: []types.ResourcePermission{perm("ann", "quicksight:DescribeDataSet", "quicksight:UpdateDataSetPermissions")}})
	must(t, err)
	_, err = c.UpdateDataSourcePermissions(ctx, &quicksight.UpdateDataSourcePermissionsInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("sales-db"),
		GrantPermissions: []types.ResourcePermission{perm("bob", "quicksight:DescribeDataSource")}})
	must(t, err)
	dataSets := func(f types.DataSetSearchFilter) []string {
		out, err := c.SearchDataSets(ctx, &quicksight.SearchDataSetsInput{AwsAccountId: aws.String(accountID), Filters: []types.DataSetSearchFilter{f}})
		must(t, err)
		var ids []string
		for _, s := range out.DataSetSummaries {
			ids = append(ids, aws.ToString(s.DataSetId))
			if aws.ToString(s.Arn) != dataSetARN(aws.ToString(s.DataSetId)) || s.ImportMode != types.DataSetImportModeDirectQuery {
				t.Errorf("dataset summary Arn %q ImportMode %q", aws.ToString(s.Arn), s.ImportMode)
			}
		}
		return ids
	}
	wantEqual(t, "datasets named like 'terraform'", dataSets(types.DataSetSearchFilter{Name: types.DataSetFilterAttributeDatasetName, Operator: types.FilterOperatorStringLike, Value: aws.String("terraform")}), []string{"tf-sales"})
	wantEqual(t, "datasets owned by ann", dataSets(types.DataSetSearchFilter{Name: types.DataSetFilterAttributeQuicksightOwner, Operator: types.FilterOperatorStringEquals, Value: aws.String(userARN(accountID, "ann"))}), []string{"tf-sales"})
	wantEqual(t, "datasets owned by bob", dataSets(types.DataSetSearchFilter{Name: types.DataSetFilterAttributeQuicksightOwner, Operator: types.FilterOperatorStringEquals, Value: aws.String(userARN(accountID, "bob"))}), []string(nil))

	dataSources := func(f types.DataSourceSearchFilter) []types.DataSourceSummary {
		out, err := c.SearchDataSources(ctx, &quicksight.SearchDataSourcesInput{AwsAccountId: aws.String(accountID), Filters: []types.DataSourceSearchFilter{f}})
		must(t, err)
		return out.DataSourceSummaries
	}
	got := dataSources(types.DataSourceSearchFilter{Name: types.DataSourceFilterAttributeDirectQuicksightViewerOrOwner, Operator: types.FilterOperatorStringEquals, Value: aws.String(userARN(accountID, "bob"))})
	if len(got) != 1 || aws.ToString(got[0].DataSourceId) != "sales-db" || aws.ToString(got[0].Name) != "Sales DB" || aws.ToString(got[0].Arn) != dataSourceARN("sales-db") || got[0].Type != "SQLITE" {
		t.Errorf("data sources bob may view: %s", jsonString(got))
	}
	if got := dataSources(types.DataSourceSearchFilter{Name: types.DataSourceFilterAttributeDirectQuicksightOwner, Operator: types.FilterOperatorStringEquals, Value: aws.String(userARN(accountID, "bob"))}); len(got) != 0 {
		t.Errorf("data sources bob owns: %s", jsonString(got))
	}
	// Data sources take no implicit ownership names.
	_, err = c.SearchDataSources(ctx, &quicksight.SearchDataSourcesInput{AwsAccountId: aws.String(accountID), Filters: []types.DataSourceSearchFilter{{
		Name: "QUICKSIGHT_OWNER", Operator: types.FilterOperatorStringEquals, Value: aws.String(userARN(accountID, "bob"))}}})
	wantError(t, err, "ValidationException", 400)
	_, err = c.SearchDataSets(ctx, &quicksight.SearchDataSetsInput{AwsAccountId: aws.String(accountID), Filters: []types.DataSetSearchFilter{{
		Name: types.DataSetFilterAttributeDatasetName, Operator: types.FilterOperatorStringEquals, Value: aws.String("Terraform sales")}}})
	wantError(t, err, "InvalidParameterValueException", 400)
}
