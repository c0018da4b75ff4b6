package e2e

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// TestTags runs the tag flow a Terraform-style client runs, on every
// taggable resource: create with tags, list, tag, untag, delete, and the
// tags are gone with the resource.
func TestTags(t *testing.T) {
	t.Parallel()
	tagFlow(t, startServer(t))
}

// TestTagsPostgres is TestTags on PostgreSQL.
func TestTagsPostgres(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	tagFlow(t, startServer(t, withPostgres(freshDatabase(t, dsn))))
}

func tag(k, v string) types.Tag { return types.Tag{Key: aws.String(k), Value: aws.String(v)} }

func listTags(t testing.TB, c *quicksight.Client, arn string) []string {
	t.Helper()
	out, err := c.ListTagsForResource(t.Context(), &quicksight.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
	must(t, err)
	got := []string{}
	for _, tg := range out.Tags {
		got = append(got, aws.ToString(tg.Key)+"="+aws.ToString(tg.Value))
	}
	return got
}

func tagFlow(t *testing.T, ts *testServer) {
	createSalesDataSet(t, ts)
	c := ts.adminClient()
	ctx := t.Context()
	acct := aws.String(accountID)
	created := []types.Tag{tag("team", "bi"), tag("env", "prod")}

	_, err := c.CreateDataSource(ctx, &quicksight.CreateDataSourceInput{
		AwsAccountId: acct, DataSourceId: aws.String("pg"), Name: aws.String("PG"), Type: types.DataSourceTypePostgresql,
		DataSourceParameters: pgParams("127.0.0.1", 5432, "postgres"), Credentials: pair("postgres", "postgres"), Tags: created,
	})
	must(t, err)
	_, err = c.CreateDataSet(ctx, &quicksight.CreateDataSetInput{
		AwsAccountId: acct, DataSetId: aws.String("tagged"), Name: aws.String("Tagged"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: map[string]types.PhysicalTable{"sales": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
			DataSourceArn: aws.String(dataSourceARN("sales-db")), Name: aws.String("sales"),
			InputColumns: []types.InputColumn{{Name: aws.String("region"), Type: types.InputColumnDataTypeString}},
		}}},
		Tags: created,
	})
	must(t, err)
	_, err = c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{
		AwsAccountId: acct, AnalysisId: aws.String("an"), Name: aws.String("An"), Definition: salesAnalysisDefinition(t), Tags: created,
	})
	must(t, err)
	_, err = c.CreateDashboard(ctx, &quicksight.CreateDashboardInput{
		AwsAccountId: acct, DashboardId: aws.String("dash"), Name: aws.String("Dash"), Definition: salesDashboardDefinition(t), Tags: created,
	})
	must(t, err)
	_, err = c.CreateCustomPermissions(ctx, &quicksight.CreateCustomPermissionsInput{
		AwsAccountId: acct, CustomPermissionsName: aws.String("no-export"),
		Capabilities: &types.Capabilities{ExportToCsv: types.CapabilityStateDeny}, Tags: created,
	})
	must(t, err)
	_, err = c.RegisterUser(ctx, &quicksight.RegisterUserInput{
		AwsAccountId: acct, Namespace: aws.String("default"), IdentityType: types.IdentityTypeQuicksight,
		UserName: aws.String("tagged"), Email: aws.String("tagged@example.com"), UserRole: types.UserRoleReader, Tags: created,
	})
	must(t, err)

	arns := map[string]string{
		"datasource":        dataSourceARN("pg"),
		"dataset":           dataSetARN("tagged"),
		"analysis":          analysisARN("an"),
		"dashboard":         dashboardARN("dash"),
		"custompermissions": "arn:aws:quicksight:" + region + ":" + accountID + ":custompermissions/no-export",
		"user":              userARN(accountID, "tagged"),
	}
	for kind, arn := range arns {
		t.Run(kind, func(t *testing.T) {
			wantEqual(t, "tags from the create call", listTags(t, c, arn), []string{"env=prod", "team=bi"})
			_, err := c.TagResource(ctx, &quicksight.TagResourceInput{ResourceArn: aws.String(arn), Tags: []types.Tag{tag("team", "sales"), tag("owner", "ana")}})
			must(t, err)
			wantEqual(t, "after TagResource", listTags(t, c, arn), []string{"env=prod", "owner=ana", "team=sales"})
			_, err = c.UntagResource(ctx, &quicksight.UntagResourceInput{ResourceArn: aws.String(arn), TagKeys: []string{"env", "owner", "absent"}})
			must(t, err)
			wantEqual(t, "after UntagResource", listTags(t, c, arn), []string{"team=sales"})
		})
	}

	t.Run("errors", func(t *testing.T) {
		arn := dashboardARN("dash")
		var fifty []types.Tag
		for i := range 50 {
			fifty = append(fifty, tag(fmt.Sprintf("k%02d", i), "v"))
		}
		_, err := c.TagResource(ctx, &quicksight.TagResourceInput{ResourceArn: aws.String(arn), Tags: fifty})
		wantErrorMessage(t, err, "LimitExceededException", 409, "Resource "+arn+" can have at most 50 tags.")
		wantEqual(t, "tags after a refused TagResource", listTags(t, c, arn), []string{"team=sales"})
		_, err = c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{
			AwsAccountId: acct, AnalysisId: aws.String("too-many"), Name: aws.String("x"), Definition: salesAnalysisDefinition(t), Tags: append(fifty, tag("one", "more")),
		})
		wantError(t, err, "LimitExceededException", 409)
		_, err = c.TagResource(ctx, &quicksight.TagResourceInput{ResourceArn: aws.String(arn), Tags: []types.Tag{tag(strings.Repeat("k", 129), "v")}})
		wantError(t, err, "ValidationException", 400) // a constraint of the model
		_, err = c.TagResource(ctx, &quicksight.TagResourceInput{ResourceArn: aws.String(arn), Tags: []types.Tag{tag("k", strings.Repeat("v", 257))}})
		wantError(t, err, "ValidationException", 400)
		_, err = c.TagResource(ctx, &quicksight.TagResourceInput{ResourceArn: aws.String("not-an-arn"), Tags: []types.Tag{tag("k", "v")}})
		wantError(t, err, "InvalidParameterValueException", 400)
		for _, missing := range []string{dashboardARN("nope"), analysisARN("nope"), "arn:aws:quicksight::aws:theme/MIDNIGHT", "arn:aws:quicksight:eu-west-1:" + accountID + ":dashboard/dash"} {
			_, err = c.ListTagsForResource(ctx, &quicksight.ListTagsForResourceInput{ResourceArn: aws.String(missing)})
			if strings.Contains(missing, "::aws:") {
				wantError(t, err, "InvalidParameterValueException", 400)
				continue
			}
			wantErrorMessage(t, err, "ResourceNotFoundException", 404, "Resource "+missing+" doesn't exist.")
		}
		// IAM: the tag actions are authorized on the resource ARN.
		reader := ts.client(ts.newIAMUser(t, accountID, "tag-reader", policy(
			"Allow", "quicksight:ListTagsForResource", "*",
			"Allow", "quicksight:TagResource", dashboardARN("other"))))
		wantEqual(t, "ListTagsForResource by a reader", listTags(t, reader, arn), []string{"team=sales"})
		_, err = reader.TagResource(ctx, &quicksight.TagResourceInput{ResourceArn: aws.String(arn), Tags: []types.Tag{tag("k", "v")}})
		wantErrorMessage(t, err, "AccessDeniedException", 401, denied("user/tag-reader", "TagResource", arn))
		_, err = reader.UntagResource(ctx, &quicksight.UntagResourceInput{ResourceArn: aws.String(arn), TagKeys: []string{"team"}})
		wantError(t, err, "AccessDeniedException", 401)
	})

	t.Run("gone with the resource", func(t *testing.T) {
		_, err := c.DeleteDashboard(ctx, &quicksight.DeleteDashboardInput{AwsAccountId: acct, DashboardId: aws.String("dash")})
		must(t, err)
		_, err = c.ListTagsForResource(ctx, &quicksight.ListTagsForResourceInput{ResourceArn: aws.String(dashboardARN("dash"))})
		wantError(t, err, "ResourceNotFoundException", 404)
		_, err = c.DeleteUser(ctx, &quicksight.DeleteUserInput{AwsAccountId: acct, Namespace: aws.String("default"), UserName: aws.String("tagged")})
		must(t, err)
		_, err = c.DeleteDataSet(ctx, &quicksight.DeleteDataSetInput{AwsAccountId: acct, DataSetId: aws.String("tagged")})
		must(t, err)
		_, err = c.DeleteAnalysis(ctx, &quicksight.DeleteAnalysisInput{AwsAccountId: acct, AnalysisId: aws.String("an"), ForceDeleteWithoutRecovery: true})
		must(t, err)
		// Recreated without tags, they have none.
		_, err = c.CreateDashboard(ctx, &quicksight.CreateDashboardInput{
			AwsAccountId: acct, DashboardId: aws.String("dash"), Name: aws.String("Dash"), Definition: salesDashboardDefinition(t),
		})
		must(t, err)
		wantEqual(t, "tags of a recreated dashboard", listTags(t, c, dashboardARN("dash")), []string{})
		_, err = c.CreateDataSet(ctx, &quicksight.CreateDataSetInput{
			AwsAccountId: acct, DataSetId: aws.String("tagged"), Name: aws.String("Tagged"), ImportMode: types.DataSetImportModeDirectQuery,
			PhysicalTableMap: map[string]types.PhysicalTable{"sales": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
				DataSourceArn: aws.String(dataSourceARN("sales-db")), Name: aws.String("sales"),
				InputColumns: []types.InputColumn{{Name: aws.String("region"), Type: types.InputColumnDataTypeString}},
			}}},
		})
		must(t, err)
		wantEqual(t, "tags of a recreated dataset", listTags(t, c, dataSetARN("tagged")), []string{})
	})
}
