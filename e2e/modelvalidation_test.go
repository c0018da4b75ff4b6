package e2e

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/aws/smithy-go/middleware"
)

// skipClientValidation removes the SDK's own check of required members,
// so the request reaches the server as a client without that check
// (another SDK, a hand-written call) would send it.
func skipClientValidation(o *quicksight.Options) {
	o.APIOptions = append(o.APIOptions, func(s *middleware.Stack) error {
		_, err := s.Initialize.Remove("OperationInputValidation")
		return err
	})
}

// TestDefinitionModelValidation: a definition is checked against the
// service model's constraints to any depth, and a violation is the
// ValidationException the service answers, with the exact message; nothing
// is created.
func TestDefinitionModelValidation(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()

	analysis := func(change func(d *types.AnalysisDefinition)) func(context.Context, *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error {
			d := salesAnalysisDefinition(t)
			change(d)
			_, err := c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("refused"), Name: aws.String("Refused"), Definition: d}, skipClientValidation)
			return err
		}
	}
	dashboard := func(change func(d *types.DashboardVersionDefinition)) func(context.Context, *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error {
			d := salesDashboardDefinition(t)
			change(d)
			_, err := c.CreateDashboard(ctx, &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("refused"), Name: aws.String("Refused"), Definition: d}, skipClientValidation)
			return err
		}
	}
	const one = "1 validation error detected: "
	runErrorCases(t, c, []apiCase{
		{"required nested member missing", analysis(func(d *types.AnalysisDefinition) {
			d.FilterGroups[0].Filters[0].CategoryFilter.Configuration = nil
		}), ve, 400, one + "Value null at 'definition.filterGroups.1.member.filters.1.member.categoryFilter.configuration' failed to satisfy constraint: Member must not be null"},
		{"enum value outside the model", analysis(func(d *types.AnalysisDefinition) {
			d.FilterGroups[0].CrossDataset = "EVERYWHERE"
		}), ve, 400, one + "Value 'EVERYWHERE' at 'definition.filterGroups.1.member.crossDataset' failed to satisfy constraint: Member must satisfy enum value set: [ALL_DATASETS, SINGLE_DATASET]"},
		{"string too long", analysis(func(d *types.AnalysisDefinition) {
			d.CalculatedFields[0].Name = aws.String(strings.Repeat("n", 129))
		}), ve, 400, one + "Value '" + strings.Repeat("n", 129) + "' at 'definition.calculatedFields.1.member.name' failed to satisfy constraint: Member must have length less than or equal to 128"},
		{"pattern", analysis(func(d *types.AnalysisDefinition) {
			d.FilterGroups[0].FilterGroupId = aws.String("fg region")
		}), ve, 400, one + `Value 'fg region' at 'definition.filterGroups.1.member.filterGroupId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w\-]+`},
		{"number out of range", analysis(func(d *types.AnalysisDefinition) {
			d.Sheets[0].Layouts[0].Configuration.GridLayout.Elements[0].ColumnSpan = aws.Int32(37)
		}), ve, 400, one + "Value '37' at 'definition.sheets.1.member.layouts.1.member.configuration.gridLayout.elements.1.member.columnSpan' failed to satisfy constraint: Member must have value less than or equal to 36"},
		{"empty list", analysis(func(d *types.AnalysisDefinition) {
			d.DataSetIdentifierDeclarations = []types.DataSetIdentifierDeclaration{}
		}), ve, 400, one + "Value '[]' at 'definition.dataSetIdentifierDeclarations' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"two violations", analysis(func(d *types.AnalysisDefinition) {
			d.FilterGroups[0].CrossDataset = "EVERYWHERE"
			d.FilterGroups[1].Filters[0].NumericRangeFilter.Column = nil
		}), ve, 400, "2 validation errors detected: Value 'EVERYWHERE' at 'definition.filterGroups.1.member.crossDataset' failed to satisfy constraint: Member must satisfy enum value set: [ALL_DATASETS, SINGLE_DATASET]; " +
			"Value null at 'definition.filterGroups.2.member.filters.1.member.numericRangeFilter.column' failed to satisfy constraint: Member must not be null"},
		{"dashboard enum value outside the model", dashboard(func(d *types.DashboardVersionDefinition) {
			d.FilterGroups[0].Status = "PAUSED"
		}), ve, 400, one + "Value 'PAUSED' at 'definition.filterGroups.1.member.status' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]"},
		{"dashboard required nested member missing", dashboard(func(d *types.DashboardVersionDefinition) {
			d.Sheets[0].Layouts[0].Configuration.GridLayout.Elements[0].ElementType = ""
		}), ve, 400, one + "Value null at 'definition.sheets.1.member.layouts.1.member.configuration.gridLayout.elements.1.member.elementType' failed to satisfy constraint: Member must not be null"},
	})

	// UpdateAnalysis and UpdateDashboard check the same way.
	must(t, analysis(func(*types.AnalysisDefinition) {})(t.Context(), c))
	_, err := c.UpdateAnalysis(t.Context(), &quicksight.UpdateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("refused"), Name: aws.String("x"),
		Definition: func() *types.AnalysisDefinition {
			d := salesAnalysisDefinition(t)
			d.Sheets[0].Layouts[0].Configuration.GridLayout.Elements[0].RowSpan = aws.Int32(0)
			return d
		}()})
	wantError(t, err, ve, 400)
	wantMessageContains(t, err, one+"Value '0' at 'definition.sheets.1.member.layouts.1.member.configuration.gridLayout.elements.1.member.rowSpan' failed to satisfy constraint: Member must have value greater than or equal to 1")
	waitAnalysis(t, c, "refused")
	must(t, dashboard(func(*types.DashboardVersionDefinition) {})(t.Context(), c))
	_, err = c.UpdateDashboard(t.Context(), &quicksight.UpdateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("refused"), Name: aws.String("x"),
		Definition: func() *types.DashboardVersionDefinition {
			d := salesDashboardDefinition(t)
			d.FilterGroups[0].CrossDataset = "NONE"
			return d
		}()})
	wantError(t, err, ve, 400)
	wantMessageContains(t, err, one+"Value 'NONE' at 'definition.filterGroups.1.member.crossDataset' failed to satisfy constraint: Member must satisfy enum value set: [ALL_DATASETS, SINGLE_DATASET]")
	if v := waitVersion(t, c, "refused", 1); aws.ToInt64(v.Version.VersionNumber) != 1 {
		t.Fatalf("a refused update made version %d", aws.ToInt64(v.Version.VersionNumber))
	}

	// A member the model does not have is refused, not dropped: the SDKs
	// never send one, so this is a raw request.
	raw := strings.Replace(string(salesDefinitionJSON(t)), `"FilterGroupId"`, `"Bogus": 1, "FilterGroupId"`, 1)
	resp := send(t, ts.signed(t, ts.Admin, http.MethodPost, "/accounts/"+accountID+"/analyses/unknown", `{"Name":"u","Definition":`+raw+`}`))
	if msg := resp.wantError(t, "SerializationException", 400); msg != "Unknown member 'Bogus' at 'definition.filterGroups.1.member': FilterGroup has no such member." {
		t.Fatalf("unknown member: %q", msg)
	}
	_, err = c.DescribeAnalysis(t.Context(), &quicksight.DescribeAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("unknown")})
	wantError(t, err, "ResourceNotFoundException", 404)
}

// TestEmptyStringsAndLists: members whose model minimum is 1 refuse an
// empty string or list instead of taking it for absent.
func TestEmptyStringsAndLists(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	_, err := c.CreateDashboard(t.Context(), &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("d"), Name: aws.String("d"),
		Definition: salesDashboardDefinition(t), VersionDescription: aws.String("")})
	wantError(t, err, ve, 400)
	wantMessageContains(t, err, "1 validation error detected: Value '' at 'versionDescription' failed to satisfy constraint: Member must have length greater than or equal to 1")

	runErrorCases(t, c, []apiCase{
		{"alias-name", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeDashboard(ctx, &quicksight.DescribeDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("d"), AliasName: aws.String("")})
			return err
		}, ve, 400, "2 validation errors detected: Value '' at 'aliasName' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
			`Value '' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w\-]+|(\$LATEST)|(\$PUBLISHED)`},
		{"CustomPermissionsName", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateUser(ctx, &quicksight.UpdateUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("admin"),
				Email: aws.String("admin@example.com"), Role: types.UserRoleAdmin, CustomPermissionsName: aws.String("")})
			return err
		}, ve, 400, "2 validation errors detected: Value '' at 'customPermissionsName' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
			"Value '' at 'customPermissionsName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9+=,.@_-]+$"},
		{"DataTransforms", dataSetCall(func(in *quicksight.CreateDataSetInput) {
			//lint:ignore SA1019 LogicalTableMap is what Sightglass implements (the legacy data preparation experience)
			in.LogicalTableMap = map[string]types.LogicalTable{"l": {Alias: aws.String("a"), Source: &types.LogicalTableSource{PhysicalTableId: aws.String("t")}, DataTransforms: []types.TransformOperation{}}}
		}), ve, 400, "1 validation error detected: Value '[]' at 'logicalTableMap.l.member.dataTransforms' failed to satisfy constraint: Member must have length greater than or equal to 1"},
	})
}
