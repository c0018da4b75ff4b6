package e2e

// Analyses: Create/Describe/DescribeDefinition/Update/Delete/Restore/List
// Analysis and Describe/UpdateAnalysisPermissions, with background
// definition checks, recovery windows and the modeled errors.

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func TestAnalysisLifecycle(t *testing.T) {
	t.Parallel()
	clk := newClock()
	analysisLifecycle(t, startServer(t, withClock(clk)), clk)
}

// TestContentPostgres runs the analysis and dashboard flows on PostgreSQL
// when SIGHTGLASS_TEST_POSTGRES names a server.
func TestContentPostgres(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	clk := newClock()
	analysisLifecycle(t, startServer(t, withClock(clk), withPostgres(freshDatabase(t, dsn))), clk)
	clk2 := newClock()
	dashboardVersions(t, startServer(t, withClock(clk2), withPostgres(freshDatabase(t, dsn))), clk2)
}

// analysisLifecycle runs the analysis flow on a fresh server whose clock
// is clk.
func analysisLifecycle(t *testing.T, ts *testServer, clk *clock) {
	createSalesDataSet(t, ts)
	c := ts.adminClient()
	ctx := t.Context()
	registerQuickSightUser(t, c, "ana", types.UserRoleAuthor)
	created := ts.now()
	def := salesAnalysisDefinition(t)

	out, err := c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{
		AwsAccountId: aws.String(accountID),
		AnalysisId:   aws.String("sales-2026"),
		Name:         aws.String("Sales 2026"),
		Definition:   def,
		Permissions:  ownerPermissions("ana", analysisOwnerActions...),
		Tags:         []types.Tag{{Key: aws.String("team"), Value: aws.String("bi")}},
		ThemeArn:     aws.String("arn:aws:quicksight::aws:theme/MIDNIGHT"),
	})
	must(t, err)
	wantEqual(t, "CreateAnalysis", []any{out.Status, aws.ToString(out.Arn), aws.ToString(out.AnalysisId), out.CreationStatus},
		[]any{int32(202), analysisARN("sales-2026"), "sales-2026", types.ResourceStatusCreationInProgress})

	an := waitAnalysis(t, c, "sales-2026")
	an.CreatedTime, an.LastUpdatedTime = utc(an.CreatedTime), utc(an.LastUpdatedTime)
	wantEqual(t, "DescribeAnalysis", an, &types.Analysis{
		AnalysisId:      aws.String("sales-2026"),
		Arn:             aws.String(analysisARN("sales-2026")),
		Name:            aws.String("Sales 2026"),
		Status:          types.ResourceStatusCreationSuccessful,
		DataSetArns:     []string{salesDataSetARN},
		ThemeArn:        aws.String("arn:aws:quicksight::aws:theme/MIDNIGHT"),
		Sheets:          []types.Sheet{{SheetId: aws.String("overview"), Name: aws.String("Overview")}, {SheetId: aws.String("details"), Name: aws.String("Details")}, {SheetId: aws.String("notes"), Name: aws.String("Notes")}},
		CreatedTime:     msUTC(created),
		LastUpdatedTime: msUTC(created),
	})

	// The definition round-trips exactly through the SDK, unrenderable
	// visuals (Sankey, heat map) included.
	got, err := c.DescribeAnalysisDefinition(ctx, &quicksight.DescribeAnalysisDefinitionInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("sales-2026")})
	must(t, err)
	wantEqual(t, "Definition", got.Definition, def)
	wantEqual(t, "DescribeAnalysisDefinition", []any{got.Status, aws.ToString(got.AnalysisId), aws.ToString(got.Name), got.ResourceStatus, got.Errors, aws.ToString(got.ThemeArn)},
		[]any{int32(200), "sales-2026", "Sales 2026", types.ResourceStatusCreationSuccessful, []types.AnalysisError(nil), "arn:aws:quicksight::aws:theme/MIDNIGHT"})

	// Update: a new definition (one sheet fewer), checked in the background.
	clk.Advance(time.Minute)
	updated := ts.now()
	def2 := salesAnalysisDefinition(t)
	def2.Sheets = def2.Sheets[:2]
	up, err := c.UpdateAnalysis(ctx, &quicksight.UpdateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("sales-2026"), Name: aws.String("Sales 2026 v2"), Definition: def2})
	must(t, err)
	wantEqual(t, "UpdateAnalysis", []any{up.Status, aws.ToString(up.Arn), up.UpdateStatus}, []any{int32(202), analysisARN("sales-2026"), types.ResourceStatusUpdateInProgress})
	an = waitAnalysis(t, c, "sales-2026")
	if an.Status != types.ResourceStatusUpdateSuccessful || aws.ToString(an.Name) != "Sales 2026 v2" || len(an.Sheets) != 2 || an.ThemeArn != nil ||
		!an.LastUpdatedTime.Equal(updated.Truncate(time.Millisecond)) || !an.CreatedTime.Equal(created.Truncate(time.Millisecond)) {
		t.Fatalf("after update: %s", jsonString(an))
	}
	got, err = c.DescribeAnalysisDefinition(ctx, &quicksight.DescribeAnalysisDefinitionInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("sales-2026")})
	must(t, err)
	wantEqual(t, "updated Definition", got.Definition, def2)

	// Permissions.
	perms, err := c.DescribeAnalysisPermissions(ctx, &quicksight.DescribeAnalysisPermissionsInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("sales-2026")})
	must(t, err)
	wantEqual(t, "DescribeAnalysisPermissions", []any{aws.ToString(perms.AnalysisArn), aws.ToString(perms.AnalysisId), perms.Permissions},
		[]any{analysisARN("sales-2026"), "sales-2026", ownerPermissions("ana", analysisOwnerActions...)})
	registerQuickSightUser(t, c, "bo", types.UserRoleAuthor)
	uperms, err := c.UpdateAnalysisPermissions(ctx, &quicksight.UpdateAnalysisPermissionsInput{
		AwsAccountId:      aws.String(accountID),
		AnalysisId:        aws.String("sales-2026"),
		GrantPermissions:  ownerPermissions("bo", "quicksight:DescribeAnalysis", "quicksight:QueryAnalysis"),
		RevokePermissions: ownerPermissions("ana", "quicksight:DeleteAnalysis", "quicksight:RestoreAnalysis"),
	})
	must(t, err)
	anaLeft := slices.DeleteFunc(slices.Clone(analysisOwnerActions), func(a string) bool {
		return a == "quicksight:DeleteAnalysis" || a == "quicksight:RestoreAnalysis"
	})
	wantPerms := append(ownerPermissions("ana", anaLeft...), ownerPermissions("bo", "quicksight:DescribeAnalysis", "quicksight:QueryAnalysis")...)
	wantEqual(t, "UpdateAnalysisPermissions", uperms.Permissions, wantPerms)
	perms, err = c.DescribeAnalysisPermissions(ctx, &quicksight.DescribeAnalysisPermissionsInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("sales-2026")})
	must(t, err)
	wantEqual(t, "permissions after update", perms.Permissions, wantPerms)

	// A second analysis for the list.
	_, err = c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("a-first"), Name: aws.String("First"), Definition: def})
	must(t, err)
	waitAnalysis(t, c, "a-first")
	list, err := c.ListAnalyses(ctx, &quicksight.ListAnalysesInput{AwsAccountId: aws.String(accountID), MaxResults: aws.Int32(1)})
	must(t, err)
	if len(list.AnalysisSummaryList) != 1 || aws.ToString(list.AnalysisSummaryList[0].AnalysisId) != "a-first" || list.NextToken == nil {
		t.Fatalf("ListAnalyses page 1: %s", jsonString(list))
	}
	list, err = c.ListAnalyses(ctx, &quicksight.ListAnalysesInput{AwsAccountId: aws.String(accountID), MaxResults: aws.Int32(1), NextToken: list.NextToken})
	must(t, err)
	for i := range list.AnalysisSummaryList {
		s := &list.AnalysisSummaryList[i]
		s.CreatedTime, s.LastUpdatedTime = utc(s.CreatedTime), utc(s.LastUpdatedTime)
	}
	wantEqual(t, "ListAnalyses page 2", list.AnalysisSummaryList, []types.AnalysisSummary{{
		AnalysisId: aws.String("sales-2026"), Arn: aws.String(analysisARN("sales-2026")), Name: aws.String("Sales 2026 v2"),
		Status: types.ResourceStatusUpdateSuccessful, CreatedTime: msUTC(created), LastUpdatedTime: msUTC(updated),
	}})
	if list.NextToken != nil {
		t.Errorf("last page has NextToken %q", *list.NextToken)
	}

	// Delete with a recovery window: DELETED with a DeletionTime, hidden
	// from lists, refused for updates, restorable.
	del, err := c.DeleteAnalysis(ctx, &quicksight.DeleteAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("sales-2026"), RecoveryWindowInDays: aws.Int64(7)})
	must(t, err)
	wantEqual(t, "DeleteAnalysis", []any{del.Status, aws.ToString(del.Arn), aws.ToString(del.AnalysisId), del.DeletionTime.UTC()},
		[]any{int32(200), analysisARN("sales-2026"), "sales-2026", ts.now().Add(7 * 24 * time.Hour).Truncate(time.Millisecond).UTC()})
	desc, err := c.DescribeAnalysis(ctx, &quicksight.DescribeAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("sales-2026")})
	must(t, err)
	if desc.Analysis.Status != types.ResourceStatusDeleted {
		t.Fatalf("deleted analysis status %s", desc.Analysis.Status)
	}
	list, err = c.ListAnalyses(ctx, &quicksight.ListAnalysesInput{AwsAccountId: aws.String(accountID)})
	must(t, err)
	if len(list.AnalysisSummaryList) != 1 || aws.ToString(list.AnalysisSummaryList[0].AnalysisId) != "a-first" {
		t.Fatalf("ListAnalyses shows a deleted analysis: %s", jsonString(list.AnalysisSummaryList))
	}
	_, err = c.UpdateAnalysis(ctx, &quicksight.UpdateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("sales-2026"), Name: aws.String("x"), Definition: def})
	wantErrorMessage(t, err, "ConflictException", 409, "Analysis sales-2026 is deleted; restore it before updating it.")
	_, err = c.DeleteAnalysis(ctx, &quicksight.DeleteAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("sales-2026")})
	wantError(t, err, "ConflictException", 409)
	_, err = c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("sales-2026"), Name: aws.String("x"), Definition: def})
	wantErrorMessage(t, err, "ConflictException", 409, "Analysis sales-2026 was deleted and can be restored until "+ts.now().Add(7*24*time.Hour).UTC().Format(time.RFC3339)+"; restore it or delete it with ForceDeleteWithoutRecovery first.")

	rest, err := c.RestoreAnalysis(ctx, &quicksight.RestoreAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("sales-2026")})
	must(t, err)
	wantEqual(t, "RestoreAnalysis", []any{rest.Status, aws.ToString(rest.Arn), aws.ToString(rest.AnalysisId)}, []any{int32(200), analysisARN("sales-2026"), "sales-2026"})
	an = waitAnalysis(t, c, "sales-2026")
	if an.Status != types.ResourceStatusUpdateSuccessful {
		t.Fatalf("restored analysis status %s", an.Status)
	}
	_, err = c.RestoreAnalysis(ctx, &quicksight.RestoreAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("sales-2026")})
	wantErrorMessage(t, err, "ConflictException", 409, "Analysis sales-2026 is not deleted.")

	// The default window is 30 days; past it the analysis is purged.
	del, err = c.DeleteAnalysis(ctx, &quicksight.DeleteAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("sales-2026")})
	must(t, err)
	if !del.DeletionTime.Equal(ts.now().Add(30 * 24 * time.Hour).Truncate(time.Millisecond)) {
		t.Fatalf("default DeletionTime %v", del.DeletionTime)
	}
	before := clk.Now()
	clk.Advance(30*24*time.Hour + time.Millisecond)
	_, _, err = ts.App.PurgeExpired(ctx)
	clk.Set(before) // back, for the SDK's signatures
	must(t, err)
	_, err = c.DescribeAnalysis(ctx, &quicksight.DescribeAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("sales-2026")})
	wantError(t, err, "ResourceNotFoundException", 404)
	_, err = c.RestoreAnalysis(ctx, &quicksight.RestoreAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("sales-2026")})
	wantError(t, err, "ResourceNotFoundException", 404)

	// ForceDeleteWithoutRecovery deletes at once.
	del, err = c.DeleteAnalysis(ctx, &quicksight.DeleteAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("a-first"), ForceDeleteWithoutRecovery: true})
	must(t, err)
	if !del.DeletionTime.Equal(ts.now().Truncate(time.Millisecond)) {
		t.Fatalf("forced DeletionTime %v", del.DeletionTime)
	}
	_, err = c.DescribeAnalysis(ctx, &quicksight.DescribeAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("a-first")})
	wantError(t, err, "ResourceNotFoundException", 404)
	// The id is free again.
	_, err = c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("a-first"), Name: aws.String("First again"), Definition: def})
	must(t, err)
}

// TestAnalysisDefinitionRawRoundTrip sends the sample as raw bytes, with
// its own spacing and member order, and reads back the same JSON.
func TestAnalysisDefinitionRawRoundTrip(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	createSalesDataSet(t, ts)
	raw := salesDefinitionJSON(t)
	body := `{"Name": "Raw",   "Definition": ` + string(raw) + `}`
	resp := send(t, ts.signed(t, ts.Admin, http.MethodPost, "/accounts/"+accountID+"/analyses/raw", body))
	if resp.Status != 202 {
		t.Fatalf("CreateAnalysis: %d %s", resp.Status, resp.Body)
	}
	waitAnalysis(t, ts.adminClient(), "raw")
	resp = send(t, ts.signed(t, ts.Admin, http.MethodGet, "/accounts/"+accountID+"/analyses/raw/definition", ""))
	if resp.Status != 200 {
		t.Fatalf("DescribeAnalysisDefinition: %d %s", resp.Status, resp.Body)
	}
	var out struct{ Definition json.RawMessage }
	must(t, json.Unmarshal(resp.Body, &out))
	wantEqual(t, "definition", canonical(t, out.Definition), canonical(t, raw))
}

func TestAnalysisCreationFailed(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	createSalesDataSet(t, ts)
	c := ts.adminClient()
	ctx := t.Context()
	def := salesAnalysisDefinition(t)
	other := "arn:aws:quicksight:" + region + ":999999999999:dataset/elsewhere"
	def.DataSetIdentifierDeclarations = append(def.DataSetIdentifierDeclarations, types.DataSetIdentifierDeclaration{Identifier: aws.String("other"), DataSetArn: aws.String(other)})
	out, err := c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("broken"), Name: aws.String("Broken"), Definition: def})
	must(t, err)
	if out.CreationStatus != types.ResourceStatusCreationInProgress {
		t.Fatalf("CreationStatus %s", out.CreationStatus)
	}
	an := waitAnalysis(t, c, "broken")
	wantEqual(t, "failed analysis", []any{an.Status, an.Errors}, []any{types.ResourceStatusCreationFailed, []types.AnalysisError{{
		Type:             types.AnalysisErrorTypeDataSetNotFound,
		Message:          aws.String("Dataset " + other + " does not exist in account " + accountID + "."),
		ViolatedEntities: []types.Entity{{Path: aws.String("DataSetIdentifierDeclarations[1]")}},
	}}})
	got, err := c.DescribeAnalysisDefinition(ctx, &quicksight.DescribeAnalysisDefinitionInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("broken")})
	must(t, err)
	if got.ResourceStatus != types.ResourceStatusCreationFailed || len(got.Errors) != 1 {
		t.Fatalf("DescribeAnalysisDefinition of a failed analysis: %s %s", got.ResourceStatus, jsonString(got.Errors))
	}
	wantEqual(t, "definition of a failed analysis", got.Definition, def)

	// LENIENT validation reports the problem without failing.
	_, err = c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("lenient"), Name: aws.String("Lenient"), Definition: def,
		ValidationStrategy: &types.ValidationStrategy{Mode: types.ValidationStrategyModeLenient}})
	must(t, err)
	an = waitAnalysis(t, c, "lenient")
	if an.Status != types.ResourceStatusCreationSuccessful || len(an.Errors) != 1 {
		t.Fatalf("lenient analysis: %s %s", an.Status, jsonString(an.Errors))
	}

	// A column the dataset lacks, and a calculated field that does not
	// parse, are reported with the entities concerned.
	cols := salesAnalysisDefinition(t)
	cols.CalculatedFields = append(cols.CalculatedFields, types.CalculatedField{DataSetIdentifier: aws.String("sales"), Name: aws.String("Broken"), Expression: aws.String("sum({sales}")})
	cols.Sheets[0].Visuals[1].BarChartVisual.ChartConfiguration.FieldWells.BarChartAggregatedFieldWells.Category[0].CategoricalDimensionField.Column.ColumnName = aws.String("regoin")
	_, err = c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("columns"), Name: aws.String("Columns"), Definition: cols})
	must(t, err)
	an = waitAnalysis(t, c, "columns")
	if an.Status != types.ResourceStatusCreationFailed || len(an.Errors) != 2 {
		t.Fatalf("columns analysis: %s %s", an.Status, jsonString(an.Errors))
	}
	if e := an.Errors[0]; e.Type != types.AnalysisErrorTypeInternalFailure || !strings.HasPrefix(aws.ToString(e.Message), "The expression of calculated field 'Broken' is invalid: ") ||
		aws.ToString(e.ViolatedEntities[0].Path) != "CalculatedFields[2]" {
		t.Errorf("expression error: %s", jsonString(e))
	}
	wantEqual(t, "column error", an.Errors[1], types.AnalysisError{
		Type:             types.AnalysisErrorTypeColumnReplacementMissing,
		Message:          aws.String("Required column 'regoin' is missing in data set '" + salesDataSetARN + "'"),
		ViolatedEntities: []types.Entity{{Path: aws.String("Sheets[0].Visuals[1].BarChartVisual.ChartConfiguration.FieldWells.BarChartAggregatedFieldWells.Category[0].CategoricalDimensionField.Column")}},
	})

	// A bare TRUE or FALSE is a condition (QuickSight runs real calculated
	// fields written so); {TRUE} in braces is a column the dataset lacks.
	bools := salesAnalysisDefinition(t)
	bools.CalculatedFields = append(bools.CalculatedFields, types.CalculatedField{DataSetIdentifier: aws.String("sales"), Name: aws.String("Big"),
		Expression: aws.String("// a line comment\nifelse(sales > 100, TRUE, FALSE)")})
	_, err = c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("bools"), Name: aws.String("Bools"), Definition: bools})
	must(t, err)
	if an = waitAnalysis(t, c, "bools"); an.Status != types.ResourceStatusCreationSuccessful {
		t.Fatalf("bare TRUE and FALSE: %s %s", an.Status, jsonString(an.Errors))
	}
	bools.CalculatedFields[len(bools.CalculatedFields)-1].Expression = aws.String("ifelse(sales > 100, {TRUE}, FALSE)")
	_, err = c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("braced"), Name: aws.String("Braced"), Definition: bools})
	must(t, err)
	if an = waitAnalysis(t, c, "braced"); an.Status != types.ResourceStatusCreationFailed || len(an.Errors) != 1 ||
		aws.ToString(an.Errors[0].Message) != "Required column 'TRUE' is missing in data set '"+salesDataSetARN+"'" {
		t.Fatalf("{TRUE}: %s %s", an.Status, jsonString(an.Errors))
	}

	// A dataset of the account that does not exist.
	missing := salesAnalysisDefinition(t)
	missing.DataSetIdentifierDeclarations[0].DataSetArn = aws.String(dataSetARN("gone"))
	_, err = c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("gone"), Name: aws.String("Gone"), Definition: missing})
	must(t, err)
	an = waitAnalysis(t, c, "gone")
	wantEqual(t, "missing dataset", []any{an.Status, an.Errors}, []any{types.ResourceStatusCreationFailed, []types.AnalysisError{{
		Type: types.AnalysisErrorTypeDataSetNotFound, Message: aws.String("Dataset " + dataSetARN("gone") + " does not exist."),
		ViolatedEntities: []types.Entity{{Path: aws.String("DataSetIdentifierDeclarations[0]")}},
	}}})

	// An update that breaks the definition ends in UPDATE_FAILED.
	good := salesAnalysisDefinition(t)
	_, err = c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("good"), Name: aws.String("Good"), Definition: good})
	must(t, err)
	waitAnalysis(t, c, "good")
	_, err = c.UpdateAnalysis(ctx, &quicksight.UpdateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("good"), Name: aws.String("Good"), Definition: def})
	must(t, err)
	if an := waitAnalysis(t, c, "good"); an.Status != types.ResourceStatusUpdateFailed || len(an.Errors) != 1 {
		t.Fatalf("broken update: %s %s", an.Status, jsonString(an.Errors))
	}
}

func TestAnalysisErrors(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	def := salesAnalysisDefinition(t)
	_, err := c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("taken"), Name: aws.String("Taken"), Definition: def})
	must(t, err)

	create := func(id, name string, d *types.AnalysisDefinition, mod ...func(*quicksight.CreateAnalysisInput)) func(context.Context, *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error {
			in := &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id), Name: aws.String(name), Definition: d}
			for _, m := range mod {
				m(in)
			}
			_, err := c.CreateAnalysis(ctx, in)
			return err
		}
	}
	noSheetID := salesAnalysisDefinition(t)
	noSheetID.Sheets[1].SheetId = aws.String("bad id")
	badScope := salesAnalysisDefinition(t)
	badScope.FilterGroups[1].ScopeConfiguration.SelectedSheets.SheetVisualScopingConfigurations[0].VisualIds = []string{"nope"}
	badParam := salesAnalysisDefinition(t)
	badParam.ParameterDeclarations[0].StringParameterDeclaration.Name = aws.String("not-alnum")
	const ipv = "InvalidParameterValueException"
	runErrorCases(t, c, []apiCase{
		{"exists", create("taken", "Again", def), "ResourceExistsException", 409, "Analysis taken already exists in account " + accountID + "."},
		{"bad id", create("no spaces", "x", def), ve, 400, `Value 'no spaces' at 'analysisId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w\-]+`},
		{"long id", create(strings.Repeat("a", 513), "x", def), ve, 400, "Member must have length less than or equal to 512"},
		{"long name", create("n", strings.Repeat("n", 2049), def), ve, 400, "at 'name' failed to satisfy constraint: Member must have length less than or equal to 2048"},
		{"no definition", create("n", "x", nil), ipv, 400, "Either a SourceEntity or a Definition must be provided"},
		{"template", create("n", "x", nil, func(in *quicksight.CreateAnalysisInput) {
			in.SourceEntity = &types.AnalysisSourceEntity{SourceTemplate: &types.AnalysisSourceTemplate{Arn: aws.String("arn:aws:quicksight:us-east-1:123456789012:template/t"),
				DataSetReferences: []types.DataSetReference{{DataSetArn: aws.String(salesDataSetARN), DataSetPlaceholder: aws.String("sales")}}}}
		}), ipv, 400, "SourceEntity (creating from a template) is not supported by Sightglass"},
		{"bad sheet id", create("n", "x", noSheetID), ve, 400, "Value 'bad id' at 'definition.sheets.2.member.sheetId'"},
		{"bad scope", create("n", "x", badScope), ipv, 400, "Filter group fg-sales is scoped to visual nope, which is not on sheet overview."},
		{"bad parameter name", create("n", "x", badParam), ve, 400, "definition.parameterDeclarations.1.member.stringParameterDeclaration.name"},
		{"undeclared parameter value", create("n", "x", def, func(in *quicksight.CreateAnalysisInput) {
			in.Parameters = &types.Parameters{StringParameters: []types.StringParameter{{Name: aws.String("Country"), Values: []string{"FR"}}}}
		}), ipv, 400, "Parameter Country is not declared in the definition."},
		{"parameter value name", create("n", "x", def, func(in *quicksight.CreateAnalysisInput) {
			in.Parameters = &types.Parameters{IntegerParameters: []types.IntegerParameter{{Name: aws.String("Top-N"), Values: []int64{3}}}}
		}), ve, 400, "parameters.integerParameters.1.member.name"},
		{"theme", create("n", "x", def, func(in *quicksight.CreateAnalysisInput) { in.ThemeArn = aws.String("midnight") }),
			ipv, 400, "ThemeArn midnight is not the ARN of a theme."},
		{"bad validation mode", create("n", "x", def, func(in *quicksight.CreateAnalysisInput) {
			in.ValidationStrategy = &types.ValidationStrategy{Mode: "SLOPPY"}
		}), ve, 400, "Member must satisfy enum value set: [STRICT, LENIENT]"},
		{"unknown principal", create("n", "x", def, func(in *quicksight.CreateAnalysisInput) {
			in.Permissions = ownerPermissions("ghost", "quicksight:DescribeAnalysis")
		}),
			ipv, 400, "Principal " + userARN(accountID, "ghost") + " does not exist."},
		{"dashboard action", create("n", "x", def, func(in *quicksight.CreateAnalysisInput) {
			in.Permissions = ownerPermissions("ghost", "quicksight:QueryDashboard")
		}),
			ipv, 400, "Action quicksight:QueryDashboard is not valid for this resource."},
		{"empty permissions", create("n", "x", def, func(in *quicksight.CreateAnalysisInput) { in.Permissions = []types.ResourcePermission{} }),
			ve, 400, "Value '[]' at 'permissions' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"folder", create("n", "x", def, func(in *quicksight.CreateAnalysisInput) {
			in.FolderArns = []string{"arn:aws:quicksight:us-east-1:123456789012:folder/f"}
		}),
			"ResourceNotFoundException", 404, "Sightglass has no folders"},
		{"bad account", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeAnalysis(ctx, &quicksight.DescribeAnalysisInput{AwsAccountId: aws.String("12345"), AnalysisId: aws.String("a")})
			return err
		}, ve, 400, "awsAccountId"},
		{"describe missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeAnalysis(ctx, &quicksight.DescribeAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("missing")})
			return err
		}, "ResourceNotFoundException", 404, "Analysis missing doesn't exist in account " + accountID + "."},
		{"definition missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeAnalysisDefinition(ctx, &quicksight.DescribeAnalysisDefinitionInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("missing")})
			return err
		}, "ResourceNotFoundException", 404, ""},
		{"update missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateAnalysis(ctx, &quicksight.UpdateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("missing"), Name: aws.String("x"), Definition: def})
			return err
		}, "ResourceNotFoundException", 404, ""},
		{"delete missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteAnalysis(ctx, &quicksight.DeleteAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("missing")})
			return err
		}, "ResourceNotFoundException", 404, ""},
		{"restore missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.RestoreAnalysis(ctx, &quicksight.RestoreAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("missing")})
			return err
		}, "ResourceNotFoundException", 404, ""},
		{"window too short", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteAnalysis(ctx, &quicksight.DeleteAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("taken"), RecoveryWindowInDays: aws.Int64(6)})
			return err
		}, ve, 400, "Value '6' at 'recoveryWindowInDays' failed to satisfy constraint: Member must have value greater than or equal to 7"},
		{"window too long", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteAnalysis(ctx, &quicksight.DeleteAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("taken"), RecoveryWindowInDays: aws.Int64(31)})
			return err
		}, ve, 400, "Value '31' at 'recoveryWindowInDays' failed to satisfy constraint: Member must have value less than or equal to 30"},
		{"window and force", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteAnalysis(ctx, &quicksight.DeleteAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("taken"), RecoveryWindowInDays: aws.Int64(7), ForceDeleteWithoutRecovery: true})
			return err
		}, ipv, 400, "can't be used together"},
		{"bad max results", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListAnalyses(ctx, &quicksight.ListAnalysesInput{AwsAccountId: aws.String(accountID), MaxResults: aws.Int32(101)})
			return err
		}, ve, 400, "maxResults"},
		{"bad next token", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListAnalyses(ctx, &quicksight.ListAnalysesInput{AwsAccountId: aws.String(accountID), NextToken: aws.String("junk")})
			return err
		}, "InvalidNextTokenException", 400, ""},
		{"permissions of missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeAnalysisPermissions(ctx, &quicksight.DescribeAnalysisPermissionsInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("missing")})
			return err
		}, "ResourceNotFoundException", 404, ""},
		{"grant too many actions", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateAnalysisPermissions(ctx, &quicksight.UpdateAnalysisPermissionsInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("taken"),
				GrantPermissions: []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "x")), Actions: []string{}}}})
			return err
		}, ve, 400, "grantPermissions.1.member.actions"},
	})

	// Values for declared parameters are accepted.
	_, err = c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("with-values"), Name: aws.String("x"), Definition: def,
		Parameters: &types.Parameters{StringParameters: []types.StringParameter{{Name: aws.String("Region"), Values: []string{"East"}}}, IntegerParameters: []types.IntegerParameter{{Name: aws.String("TopN"), Values: []int64{3}}}}})
	must(t, err)

	// A bad force-delete query value is a serialization error.
	resp := send(t, ts.signed(t, ts.Admin, http.MethodDelete, "/accounts/"+accountID+"/analyses/taken?"+url.Values{"force-delete-without-recovery": {"maybe"}}.Encode(), ""))
	if resp.Status != 400 || resp.Header.Get("X-Amzn-Errortype") != "SerializationException" {
		t.Fatalf("bad boolean: %d %s", resp.Status, resp.Header.Get("X-Amzn-Errortype"))
	}
}

// TestContentAuthorization: IAM policies decide each operation on the
// resource's ARN; STANDARD accounts get UnsupportedUserEditionException;
// throttling applies.
func TestContentAuthorization(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	admin := ts.adminClient()
	ctx := t.Context()
	def := salesAnalysisDefinition(t)
	_, err := admin.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("mine"), Name: aws.String("Mine"), Definition: def})
	must(t, err)

	c := ts.client(ts.newIAMUser(t, accountID, "viewer", policy("Allow", "quicksight:Describe*", "arn:aws:quicksight:*:*:analysis/mine")))
	_, err = c.DescribeAnalysis(ctx, &quicksight.DescribeAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("mine")})
	must(t, err)
	const ad = "AccessDeniedException"
	runErrorCases(t, c, []apiCase{
		{"CreateAnalysis", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("x"), Name: aws.String("x"), Definition: def})
			return err
		}, ad, 401, denied("user/viewer", "CreateAnalysis", analysisARN("x"))},
		{"DescribeAnalysis other", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeAnalysis(ctx, &quicksight.DescribeAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("other")})
			return err
		}, ad, 401, denied("user/viewer", "DescribeAnalysis", analysisARN("other"))},
		{"ListAnalyses", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListAnalyses(ctx, &quicksight.ListAnalysesInput{AwsAccountId: aws.String(accountID)})
			return err
		}, ad, 401, denied("user/viewer", "ListAnalyses", analysisARN("*"))},
		{"DeleteAnalysis", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteAnalysis(ctx, &quicksight.DeleteAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("mine")})
			return err
		}, ad, 401, denied("user/viewer", "DeleteAnalysis", analysisARN("mine"))},
		{"CreateDashboard", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateDashboard(ctx, &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("d"), Name: aws.String("d"), Definition: salesDashboardDefinition(t)})
			return err
		}, ad, 401, denied("user/viewer", "CreateDashboard", dashboardARN("d"))},
		{"UpdateDashboardPublishedVersion", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateDashboardPublishedVersion(ctx, &quicksight.UpdateDashboardPublishedVersionInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("d"), VersionNumber: aws.Int64(1)})
			return err
		}, ad, 401, denied("user/viewer", "UpdateDashboardPublishedVersion", dashboardARN("d"))},
	})

	// Using a dataset takes quicksight:PassDataSet on it.
	createSalesDataSet(t, ts)
	author := ts.client(ts.newIAMUser(t, accountID, "author", policy("Allow", "quicksight:*Analysis*", "*", "Deny", "quicksight:PassDataSet", "*")))
	_, err = author.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("no-pass"), Name: aws.String("x"), Definition: def})
	must(t, err)
	an := waitAnalysis(t, author, "no-pass")
	wantEqual(t, "analysis without PassDataSet", []any{an.Status, an.Errors}, []any{types.ResourceStatusCreationFailed, []types.AnalysisError{{
		Type:             types.AnalysisErrorTypeAccessDenied,
		Message:          aws.String(denied("user/author", "PassDataSet", salesDataSetARN)),
		ViolatedEntities: []types.Entity{{Path: aws.String("DataSetIdentifierDeclarations[0]")}},
	}}})
	passer := ts.client(ts.newIAMUser(t, accountID, "passer", policy("Allow", "quicksight:*Analysis*", "*", "Allow", "quicksight:PassDataSet", salesDataSetARN)))
	_, err = passer.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("pass"), Name: aws.String("x"), Definition: def})
	must(t, err)
	if an := waitAnalysis(t, passer, "pass"); an.Status != types.ResourceStatusCreationSuccessful {
		t.Fatalf("analysis with PassDataSet: %s %s", an.Status, jsonString(an.Errors))
	}

	// A STANDARD account has no definitions API.
	const std = "210987654321"
	sc := ts.client(ts.newIAMUser(t, std, "founder2", fullAccess))
	_, err = sc.CreateAccountSubscription(ctx, &quicksight.CreateAccountSubscriptionInput{
		AwsAccountId: aws.String(std), Edition: types.EditionStandard, AuthenticationMethod: types.AuthenticationMethodOptionIamOnly,
		AccountName: aws.String("standard-account"), NotificationEmail: aws.String("owner@example.org"),
	})
	must(t, err)
	stdDef := salesAnalysisDefinition(t)
	_, err = sc.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(std), AnalysisId: aws.String("a"), Name: aws.String("a"), Definition: stdDef})
	wantErrorMessage(t, err, "UnsupportedUserEditionException", 403, "Analysis and dashboard definitions are not supported by the STANDARD edition of Amazon QuickSight. Upgrade account "+std+" to ENTERPRISE.")
	_, err = sc.CreateDashboard(ctx, &quicksight.CreateDashboardInput{AwsAccountId: aws.String(std), DashboardId: aws.String("d"), Name: aws.String("d"), Definition: salesDashboardDefinition(t)})
	wantError(t, err, "UnsupportedUserEditionException", 403)
}

func TestContentThrottling(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withThrottle(0.001, 1))
	c := ts.adminClient()
	_, err := c.ListAnalyses(t.Context(), &quicksight.ListAnalysesInput{AwsAccountId: aws.String(accountID)})
	must(t, err)
	_, err = c.ListDashboards(t.Context(), &quicksight.ListDashboardsInput{AwsAccountId: aws.String(accountID)})
	wantError(t, err, "ThrottlingException", 429)
}
