package e2e

// Dashboards: Create/Describe/DescribeDefinition/Update/Delete/List
// Dashboard, versions and the published version, permissions, and the
// console's PublishDashboard and visibility rules.

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	sg "github.com/sightglass/sightglass"
)

func describeDashboard(t testing.TB, c *quicksight.Client, id string, n *int64, alias string) *types.Dashboard {
	t.Helper()
	in := &quicksight.DescribeDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(id), VersionNumber: n}
	if alias != "" {
		in.AliasName = aws.String(alias)
	}
	out, err := c.DescribeDashboard(t.Context(), in)
	must(t, err)
	return out.Dashboard
}

func TestDashboardVersions(t *testing.T) {
	t.Parallel()
	clk := newClock()
	dashboardVersions(t, startServer(t, withClock(clk)), clk)
}

// dashboardVersions runs the dashboard version flow on a fresh server
// whose clock is clk.
func dashboardVersions(t *testing.T, ts *testServer, clk *clock) {
	createSalesDataSet(t, ts)
	c := ts.adminClient()
	ctx := t.Context()
	registerQuickSightUser(t, c, "rita", types.UserRoleReader)
	created := ts.now()
	def := salesDashboardDefinition(t)
	opts := &types.DashboardPublishOptions{
		AdHocFilteringOption: &types.AdHocFilteringOption{AvailabilityStatus: types.DashboardBehaviorDisabled},
		ExportToCSVOption:    &types.ExportToCSVOption{AvailabilityStatus: types.DashboardBehaviorEnabled},
		SheetControlsOption:  &types.SheetControlsOption{VisibilityState: types.DashboardUIStateCollapsed},
	}

	out, err := c.CreateDashboard(ctx, &quicksight.CreateDashboardInput{
		AwsAccountId:            aws.String(accountID),
		DashboardId:             aws.String("sales"),
		Name:                    aws.String("Sales"),
		Definition:              def,
		DashboardPublishOptions: opts,
		VersionDescription:      aws.String("first cut"),
		Permissions:             ownerPermissions("rita", dashboardReaderActions...),
		Tags:                    []types.Tag{{Key: aws.String("team"), Value: aws.String("bi")}},
	})
	must(t, err)
	wantEqual(t, "CreateDashboard", []any{out.Status, aws.ToString(out.Arn), aws.ToString(out.VersionArn), aws.ToString(out.DashboardId), out.CreationStatus},
		[]any{int32(202), dashboardARN("sales"), dashboardARN("sales") + "/version/1", "sales", types.ResourceStatusCreationInProgress})

	d := waitVersion(t, c, "sales", 1)
	d.CreatedTime, d.LastPublishedTime, d.LastUpdatedTime, d.Version.CreatedTime = utc(d.CreatedTime), utc(d.LastPublishedTime), utc(d.LastUpdatedTime), utc(d.Version.CreatedTime)
	sheets := []types.Sheet{{SheetId: aws.String("overview"), Name: aws.String("Overview")}, {SheetId: aws.String("details"), Name: aws.String("Details")}, {SheetId: aws.String("notes"), Name: aws.String("Notes")}}
	wantEqual(t, "DescribeDashboard", d, &types.Dashboard{
		DashboardId:       aws.String("sales"),
		Arn:               aws.String(dashboardARN("sales")),
		Name:              aws.String("Sales"),
		CreatedTime:       msUTC(created),
		LastPublishedTime: msUTC(created),
		LastUpdatedTime:   msUTC(created),
		Version: &types.DashboardVersion{
			Arn:           aws.String(dashboardARN("sales") + "/version/1"),
			VersionNumber: aws.Int64(1),
			Status:        types.ResourceStatusCreationSuccessful,
			CreatedTime:   msUTC(created),
			Description:   aws.String("first cut"),
			DataSetArns:   []string{salesDataSetARN},
			Sheets:        sheets,
		},
	})
	defOut, err := c.DescribeDashboardDefinition(ctx, &quicksight.DescribeDashboardDefinitionInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales")})
	must(t, err)
	wantEqual(t, "dashboard Definition", defOut.Definition, def)
	wantEqual(t, "DashboardPublishOptions", defOut.DashboardPublishOptions, opts)
	wantEqual(t, "DescribeDashboardDefinition", []any{aws.ToString(defOut.DashboardId), aws.ToString(defOut.Name), defOut.ResourceStatus}, []any{"sales", "Sales", types.ResourceStatusCreationSuccessful})

	// UpdateDashboard adds version 2, unpublished.
	clk.Advance(time.Minute)
	updated := ts.now()
	def2 := salesDashboardDefinition(t)
	def2.Sheets = def2.Sheets[:2]
	up, err := c.UpdateDashboard(ctx, &quicksight.UpdateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales"), Name: aws.String("Sales (new)"), Definition: def2, VersionDescription: aws.String("two sheets")})
	must(t, err)
	wantEqual(t, "UpdateDashboard", []any{up.Status, aws.ToString(up.VersionArn), up.CreationStatus}, []any{int32(200), dashboardARN("sales") + "/version/2", types.ResourceStatusCreationInProgress})
	v2 := waitVersion(t, c, "sales", 2)
	if v2.Version.Status != types.ResourceStatusCreationSuccessful || len(v2.Version.Sheets) != 2 || aws.ToString(v2.Version.Description) != "two sheets" {
		t.Fatalf("version 2: %s", jsonString(v2.Version))
	}
	// Viewers still see version 1.
	if got := describeDashboard(t, c, "sales", nil, ""); aws.ToInt64(got.Version.VersionNumber) != 1 || aws.ToString(got.Name) != "Sales (new)" || !got.LastPublishedTime.Equal(*msUTC(created)) {
		t.Fatalf("published after update: version %d, name %s, published %v", aws.ToInt64(got.Version.VersionNumber), aws.ToString(got.Name), got.LastPublishedTime)
	}
	if got := describeDashboard(t, c, "sales", nil, "$PUBLISHED"); aws.ToInt64(got.Version.VersionNumber) != 1 {
		t.Fatalf("$PUBLISHED is version %d", aws.ToInt64(got.Version.VersionNumber))
	}
	if got := describeDashboard(t, c, "sales", nil, "$LATEST"); aws.ToInt64(got.Version.VersionNumber) != 2 {
		t.Fatalf("$LATEST is version %d", aws.ToInt64(got.Version.VersionNumber))
	}
	defOut, err = c.DescribeDashboardDefinition(ctx, &quicksight.DescribeDashboardDefinitionInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales"), VersionNumber: aws.Int64(2)})
	must(t, err)
	wantEqual(t, "version 2 Definition", defOut.Definition, def2)

	list, err := c.ListDashboards(ctx, &quicksight.ListDashboardsInput{AwsAccountId: aws.String(accountID)})
	must(t, err)
	for i := range list.DashboardSummaryList {
		s := &list.DashboardSummaryList[i]
		s.CreatedTime, s.LastPublishedTime, s.LastUpdatedTime = utc(s.CreatedTime), utc(s.LastPublishedTime), utc(s.LastUpdatedTime)
	}
	wantEqual(t, "ListDashboards", list.DashboardSummaryList, []types.DashboardSummary{{
		DashboardId: aws.String("sales"), Arn: aws.String(dashboardARN("sales")), Name: aws.String("Sales (new)"), PublishedVersionNumber: aws.Int64(1),
		CreatedTime: msUTC(created), LastPublishedTime: msUTC(created), LastUpdatedTime: msUTC(updated),
	}})

	// Publish version 2.
	clk.Advance(time.Minute)
	published := ts.now()
	pub, err := c.UpdateDashboardPublishedVersion(ctx, &quicksight.UpdateDashboardPublishedVersionInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales"), VersionNumber: aws.Int64(2)})
	must(t, err)
	wantEqual(t, "UpdateDashboardPublishedVersion", []any{pub.Status, aws.ToString(pub.DashboardArn), aws.ToString(pub.DashboardId)}, []any{int32(200), dashboardARN("sales"), "sales"})
	if got := describeDashboard(t, c, "sales", nil, ""); aws.ToInt64(got.Version.VersionNumber) != 2 || !got.LastPublishedTime.Equal(*msUTC(published)) {
		t.Fatalf("published after UpdateDashboardPublishedVersion: %d %v", aws.ToInt64(got.Version.VersionNumber), got.LastPublishedTime)
	}

	// A third version that fails its check can't be published.
	bad := salesDashboardDefinition(t)
	bad.DataSetIdentifierDeclarations[0].DataSetArn = aws.String("arn:aws:quicksight:eu-west-1:" + accountID + ":dataset/tf-sales")
	_, err = c.UpdateDashboard(ctx, &quicksight.UpdateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales"), Name: aws.String("Sales (new)"), Definition: bad})
	must(t, err)
	v3 := waitVersion(t, c, "sales", 3)
	wantEqual(t, "failed version", []any{v3.Version.Status, v3.Version.Errors}, []any{types.ResourceStatusCreationFailed, []types.DashboardError{{
		Type:             types.DashboardErrorTypeDataSetNotFound,
		Message:          aws.String("Dataset arn:aws:quicksight:eu-west-1:" + accountID + ":dataset/tf-sales does not exist in account " + accountID + "."),
		ViolatedEntities: []types.Entity{{Path: aws.String("DataSetIdentifierDeclarations[0]")}},
	}}})
	_, err = c.UpdateDashboardPublishedVersion(ctx, &quicksight.UpdateDashboardPublishedVersionInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales"), VersionNumber: aws.Int64(3)})
	wantErrorMessage(t, err, "ConflictException", 409, "Version 3 of dashboard sales can't be published: its status is CREATION_FAILED.")

	vl, err := c.ListDashboardVersions(ctx, &quicksight.ListDashboardVersionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales"), MaxResults: aws.Int32(2)})
	must(t, err)
	if len(vl.DashboardVersionSummaryList) != 2 || vl.NextToken == nil || aws.ToInt64(vl.DashboardVersionSummaryList[0].VersionNumber) != 1 ||
		aws.ToString(vl.DashboardVersionSummaryList[0].Arn) != dashboardARN("sales")+"/version/1" || aws.ToString(vl.DashboardVersionSummaryList[0].Description) != "first cut" {
		t.Fatalf("ListDashboardVersions page 1: %s", jsonString(vl))
	}
	vl, err = c.ListDashboardVersions(ctx, &quicksight.ListDashboardVersionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales"), MaxResults: aws.Int32(2), NextToken: vl.NextToken})
	must(t, err)
	if len(vl.DashboardVersionSummaryList) != 1 || vl.NextToken != nil || vl.DashboardVersionSummaryList[0].Status != types.ResourceStatusCreationFailed {
		t.Fatalf("ListDashboardVersions page 2: %s", jsonString(vl))
	}

	// Deleting versions: not the published one.
	_, err = c.DeleteDashboard(ctx, &quicksight.DeleteDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales"), VersionNumber: aws.Int64(2)})
	wantErrorMessage(t, err, "ConflictException", 409, "Version 2 is the published version of dashboard sales; publish another version before deleting it.")
	del, err := c.DeleteDashboard(ctx, &quicksight.DeleteDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales"), VersionNumber: aws.Int64(1)})
	must(t, err)
	wantEqual(t, "DeleteDashboard version", []any{del.Status, aws.ToString(del.Arn), aws.ToString(del.DashboardId)}, []any{int32(200), dashboardARN("sales"), "sales"})
	_, err = c.DescribeDashboard(ctx, &quicksight.DescribeDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales"), VersionNumber: aws.Int64(1)})
	wantErrorMessage(t, err, "ResourceNotFoundException", 404, "Version 1 of dashboard sales doesn't exist in account "+accountID+".")

	// Permissions: grant, revoke, describe.
	registerQuickSightUser(t, c, "rob", types.UserRoleReader)
	perms, err := c.UpdateDashboardPermissions(ctx, &quicksight.UpdateDashboardPermissionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales"),
		GrantPermissions:  ownerPermissions("rob", dashboardReaderActions...),
		RevokePermissions: ownerPermissions("rita", dashboardReaderActions...),
	})
	must(t, err)
	wantEqual(t, "UpdateDashboardPermissions", []any{aws.ToString(perms.DashboardArn), perms.Permissions}, []any{dashboardARN("sales"), ownerPermissions("rob", dashboardReaderActions...)})
	dp, err := c.DescribeDashboardPermissions(ctx, &quicksight.DescribeDashboardPermissionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales")})
	must(t, err)
	wantEqual(t, "DescribeDashboardPermissions", dp.Permissions, ownerPermissions("rob", dashboardReaderActions...))

	// Deleting the dashboard deletes its versions.
	_, err = c.DeleteDashboard(ctx, &quicksight.DeleteDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales")})
	must(t, err)
	_, err = c.DescribeDashboard(ctx, &quicksight.DescribeDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales")})
	wantErrorMessage(t, err, "ResourceNotFoundException", 404, "Dashboard sales doesn't exist in account "+accountID+".")
	_, err = c.ListDashboardVersions(ctx, &quicksight.ListDashboardVersionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("sales")})
	wantError(t, err, "ResourceNotFoundException", 404)
}

func TestDashboardErrors(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	def := salesDashboardDefinition(t)
	_, err := c.CreateDashboard(ctx, &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("taken"), Name: aws.String("Taken"), Definition: def})
	must(t, err)
	waitVersion(t, c, "taken", 1)
	const ipv = "InvalidParameterValueException"
	create := func(id string, mod func(*quicksight.CreateDashboardInput)) func(context.Context, *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error {
			in := &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(id), Name: aws.String("x"), Definition: def}
			if mod != nil {
				mod(in)
			}
			_, err := c.CreateDashboard(ctx, in)
			return err
		}
	}
	describe := func(n *int64, alias string) func(context.Context, *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error {
			in := &quicksight.DescribeDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("taken"), VersionNumber: n}
			if alias != "" {
				in.AliasName = aws.String(alias)
			}
			_, err := c.DescribeDashboard(ctx, in)
			return err
		}
	}
	runErrorCases(t, c, []apiCase{
		{"exists", create("taken", nil), "ResourceExistsException", 409, "Dashboard taken already exists in account " + accountID + "."},
		{"bad id", create("a/b", nil), ve, 400, "dashboardId"},
		{"template", create("t", func(in *quicksight.CreateDashboardInput) {
			in.Definition = nil
			in.SourceEntity = &types.DashboardSourceEntity{SourceTemplate: &types.DashboardSourceTemplate{Arn: aws.String("arn:aws:quicksight:us-east-1:123456789012:template/t"),
				DataSetReferences: []types.DataSetReference{{DataSetArn: aws.String(salesDataSetARN), DataSetPlaceholder: aws.String("sales")}}}}
		}), ipv, 400, "SourceEntity (creating from a template) is not supported by Sightglass. Send the content as a Definition instead."},
		{"long version description", create("t", func(in *quicksight.CreateDashboardInput) {
			in.VersionDescription = aws.String(strings.Repeat("d", 513))
		}),
			ve, 400, "at 'versionDescription' failed to satisfy constraint: Member must have length less than or equal to 512"},
		{"bad link entity", create("t", func(in *quicksight.CreateDashboardInput) {
			in.LinkEntities = []string{"arn:aws:quicksight:us-east-1:1:dashboard/x"}
		}),
			ve, 400, "linkEntities.1.member"},
		{"analysis action", create("t", func(in *quicksight.CreateDashboardInput) {
			in.Permissions = ownerPermissions("x", "quicksight:UpdateAnalysis")
		}),
			ipv, 400, "Action quicksight:UpdateAnalysis is not valid for this resource."},
		{"link sharing", create("t", func(in *quicksight.CreateDashboardInput) {
			in.LinkSharingConfiguration = &types.LinkSharingConfiguration{Permissions: []types.ResourcePermission{{Principal: aws.String("arn:aws:quicksight:us-east-1:123456789012:namespace/default"), Actions: []string{"quicksight:QueryDashboard"}}}}
		}), ipv, 400, "LinkSharingConfiguration permissions"},
		{"missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeDashboard(ctx, &quicksight.DescribeDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("missing")})
			return err
		}, "ResourceNotFoundException", 404, "Dashboard missing doesn't exist in account " + accountID + "."},
		{"missing version", describe(aws.Int64(9), ""), "ResourceNotFoundException", 404, "Version 9 of dashboard taken doesn't exist"},
		{"version zero", describe(aws.Int64(0), ""), ve, 400, "Value '0' at 'versionNumber' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{"bad alias", describe(nil, "$NEWEST"), ve, 400, "aliasName"},
		{"unknown alias", describe(nil, "prod"), "ResourceNotFoundException", 404, "Alias prod doesn't exist for dashboard taken."},
		{"version and alias", describe(aws.Int64(1), "$LATEST"), ipv, 400, "VersionNumber and AliasName can't be used together."},
		{"update missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateDashboard(ctx, &quicksight.UpdateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("missing"), Name: aws.String("x"), Definition: def})
			return err
		}, "ResourceNotFoundException", 404, ""},
		{"publish missing version", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateDashboardPublishedVersion(ctx, &quicksight.UpdateDashboardPublishedVersionInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("taken"), VersionNumber: aws.Int64(5)})
			return err
		}, "ResourceNotFoundException", 404, ""},
		{"delete missing version", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteDashboard(ctx, &quicksight.DeleteDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("taken"), VersionNumber: aws.Int64(5)})
			return err
		}, "ResourceNotFoundException", 404, ""},
		{"versions of missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListDashboardVersions(ctx, &quicksight.ListDashboardVersionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("missing")})
			return err
		}, "ResourceNotFoundException", 404, ""},
		{"bad versions token", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListDashboardVersions(ctx, &quicksight.ListDashboardVersionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("taken"), NextToken: aws.String("x")})
			return err
		}, "InvalidNextTokenException", 400, ""},
		{"unknown group principal", create("t", func(in *quicksight.CreateDashboardInput) {
			in.Permissions = []types.ResourcePermission{{Principal: aws.String("arn:aws:quicksight:" + region + ":" + accountID + ":group/default/bi"), Actions: dashboardReaderActions}}
		}), ipv, 400, "group/default/bi does not exist"},
		{"link permissions", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateDashboardPermissions(ctx, &quicksight.UpdateDashboardPermissionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("taken"),
				GrantLinkPermissions: []types.ResourcePermission{{Principal: aws.String("arn:aws:quicksight:us-east-1:123456789012:namespace/default"), Actions: []string{"quicksight:QueryDashboard"}}}})
			return err
		}, ipv, 400, "not supported"},
	})

	// A non-numeric version label does not deserialize into the model's
	// long: a SerializationException.
	resp := send(t, ts.signed(t, ts.Admin, http.MethodPut, "/accounts/"+accountID+"/dashboards/taken/versions/latest", ""))
	if resp.Status != 400 || resp.Header.Get("X-Amzn-Errortype") != "SerializationException" {
		t.Fatalf("bad version label: %d %s", resp.Status, resp.Header.Get("X-Amzn-Errortype"))
	}
}

// TestDashboardLimits: at most 64 principals per resource.
func TestDashboardLimits(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	_, err := c.CreateDashboard(ctx, &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("d"), Name: aws.String("d"), Definition: salesDashboardDefinition(t)})
	must(t, err)
	var grant []types.ResourcePermission
	for i := range 65 {
		name := fmt.Sprintf("reader%02d", i)
		registerQuickSightUser(t, c, name, types.UserRoleReader)
		grant = append(grant, ownerPermissions(name, dashboardReaderActions...)...)
	}
	// One more than allowed, in two requests (one may grant 100).
	_, err = c.UpdateDashboardPermissions(ctx, &quicksight.UpdateDashboardPermissionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("d"), GrantPermissions: grant[:64]})
	must(t, err)
	grant = grant[64:]
	_, err = c.UpdateDashboardPermissions(ctx, &quicksight.UpdateDashboardPermissionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("d"), GrantPermissions: grant})
	wantErrorMessage(t, err, "LimitExceededException", 409, "A dashboard can have at most 64 principals in its permissions.")
}

// TestConsoleContent: the console's rules over API-made content —
// PublishDashboard from an analysis, deleted analyses hidden, a reader sees
// only the dashboards shared with them.
func TestConsoleContent(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	createSalesDataSet(t, ts)
	c := ts.adminClient()
	ctx := t.Context()
	registerQuickSightUser(t, c, "ava", types.UserRoleAuthor)
	registerQuickSightUser(t, c, "rex", types.UserRoleReader)
	registerQuickSightUser(t, c, "ned", types.UserRoleReader)
	user := func(name string) *sg.User {
		u, err := ts.Store.FindUser(ctx, accountID, "default", name)
		must(t, err)
		return u
	}
	ava, rex, ned := user("ava"), user("rex"), user("ned")

	_, err := c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("draft"), Name: aws.String("Draft"),
		Definition: salesAnalysisDefinition(t), Permissions: ownerPermissions("ava", analysisOwnerActions...)})
	must(t, err)
	waitAnalysis(t, c, "draft")

	// Readers can't publish; authors publish what they can open.
	if _, _, err := ts.App.PublishDashboard(ctx, rex, accountID, "pub", "Published", "draft"); sg.ErrorCode(err) != sg.EACCESSDENIED {
		t.Fatalf("reader PublishDashboard: %v", err)
	}
	d, v, err := ts.App.PublishDashboard(ctx, ava, accountID, "pub", "Published", "draft")
	must(t, err)
	if d.PublishedVersion != 1 || v.Number != 1 || v.SourceEntityARN != analysisARN("draft") {
		t.Fatalf("PublishDashboard: published %d, version %d from %s", d.PublishedVersion, v.Number, v.SourceEntityARN)
	}
	got := waitVersion(t, c, "pub", 1)
	if got.Version.Status != types.ResourceStatusCreationSuccessful || aws.ToString(got.Version.SourceEntityArn) != analysisARN("draft") {
		t.Fatalf("published dashboard: %s", jsonString(got.Version))
	}
	defOut, err := c.DescribeDashboardDefinition(ctx, &quicksight.DescribeDashboardDefinitionInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("pub")})
	must(t, err)
	wantEqual(t, "published definition", defOut.Definition, salesDashboardDefinition(t))
	// Publishing again replaces the dashboard with a new, published version.
	d, v, err = ts.App.PublishDashboard(ctx, ava, accountID, "pub", "Published again", "draft")
	must(t, err)
	if d.PublishedVersion != 2 || v.Number != 2 || d.Name != "Published again" {
		t.Fatalf("second PublishDashboard: published %d, version %d, %s", d.PublishedVersion, v.Number, d.Name)
	}
	waitVersion(t, c, "pub", 2)
	dash, ver, parsed, err := ts.App.ConsoleDashboardDefinition(ctx, ava, "pub")
	must(t, err)
	if dash.ID != "pub" || ver.Number != 2 || len(parsed.Sheets) != 3 || parsed.Sheets[0].Visuals[1].BarChartVisual == nil {
		t.Fatalf("ConsoleDashboardDefinition: %s v%d, %d sheets", dash.ID, ver.Number, len(parsed.Sheets))
	}

	// Share with rex only.
	_, err = c.UpdateDashboardPermissions(ctx, &quicksight.UpdateDashboardPermissionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("pub"),
		GrantPermissions: ownerPermissions("rex", dashboardReaderActions...)})
	must(t, err)
	_, err = c.CreateDashboard(ctx, &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("private"), Name: aws.String("Private"), Definition: salesDashboardDefinition(t)})
	must(t, err)
	names := func(u *sg.User) []string {
		list, err := ts.App.ConsoleDashboards(ctx, u)
		must(t, err)
		var out []string
		for _, d := range list {
			out = append(out, d.ID)
		}
		return out
	}
	wantEqual(t, "rex sees", names(rex), []string{"pub"})
	wantEqual(t, "ned sees", names(ned), []string(nil))
	if _, err := ts.App.ConsoleDashboard(ctx, ned, "pub"); sg.ErrorCode(err) != sg.EACCESSDENIED {
		t.Fatalf("ned opens pub: %v", err)
	}
	if _, _, _, err := ts.App.ConsoleDashboardDefinition(ctx, rex, "pub"); err != nil {
		t.Fatalf("rex opens pub: %v", err)
	}
	if _, err := ts.App.ConsoleAnalysis(ctx, rex, "draft"); sg.ErrorCode(err) != sg.EACCESSDENIED {
		t.Fatalf("reader opens an analysis: %v", err)
	}

	// A deleted analysis leaves the console.
	an, parsedAn, err := ts.App.ConsoleAnalysisDefinition(ctx, ava, "draft")
	must(t, err)
	if an.ID != "draft" || len(parsedAn.CalculatedFields) != 2 {
		t.Fatalf("ConsoleAnalysisDefinition: %s %d", an.ID, len(parsedAn.CalculatedFields))
	}
	_, err = c.DeleteAnalysis(ctx, &quicksight.DeleteAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("draft")})
	must(t, err)
	if _, err := ts.App.ConsoleAnalysis(ctx, ava, "draft"); sg.ErrorCode(err) != sg.ENOTFOUND {
		t.Fatalf("deleted analysis in the console: %v", err)
	}
	list, err := ts.App.ConsoleAnalyses(ctx, ava)
	must(t, err)
	if len(list) != 0 {
		t.Fatalf("ConsoleAnalyses lists %d analyses after the delete", len(list))
	}
	if _, _, err := ts.App.PublishDashboard(ctx, ava, accountID, "pub2", "x", "draft"); sg.ErrorCode(err) != sg.ENOTFOUND {
		t.Fatalf("publishing a deleted analysis: %v", err)
	}
}

// TestResumeDefinitionChecks: checks a stopped server left unfinished run
// again when the next one starts.
func TestResumeDefinitionChecks(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ts := startServer(t, withDataDir(dir))
	createSalesDataSet(t, ts)
	ctx := t.Context()
	now := ts.now()
	// What a server stopped in the middle of the checks leaves behind.
	must(t, ts.Store.CreateAnalysis(ctx, &sg.Analysis{AccountID: accountID, ID: "left", Name: "Left", Status: sg.StatusCreationInProgress,
		Definition: salesDefinitionJSON(t), Revision: 1, CreatedAt: now, UpdatedAt: now}))
	must(t, ts.Store.CreateDashboard(ctx, &sg.Dashboard{AccountID: accountID, ID: "left", Name: "Left", PublishedVersion: 1, Revision: 1, CreatedAt: now, UpdatedAt: now},
		&sg.DashboardVersion{Status: sg.StatusCreationInProgress, Definition: salesDefinitionJSON(t), CreatedAt: now}))
	ts.Stop()

	ts2 := startServer(t, withDataDir(dir), reopened(ts.Admin))
	c := ts2.adminClient()
	if an := waitAnalysis(t, c, "left"); an.Status != types.ResourceStatusCreationSuccessful {
		t.Fatalf("resumed analysis: %s %s", an.Status, jsonString(an.Errors))
	}
	if d := waitVersion(t, c, "left", 1); d.Version.Status != types.ResourceStatusCreationSuccessful {
		t.Fatalf("resumed version: %s %s", d.Version.Status, jsonString(d.Version.Errors))
	}
}
