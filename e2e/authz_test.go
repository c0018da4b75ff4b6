package e2e

// Authorization of what content and datasets use: a definition over a
// dataset its creator may not use fails, in LENIENT mode too, and the
// console draws no data of it; a dataset over a data source its creator
// may not use is refused; an ingestion's error quotes no data; every
// console response carries the security headers.

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/console"
)

// registerIAMUser registers the IAM user name as a QuickSight user of the
// same name with role.
func registerIAMUser(t testing.TB, c *quicksight.Client, name string, role types.UserRole) {
	t.Helper()
	_, err := c.RegisterUser(t.Context(), &quicksight.RegisterUserInput{
		AwsAccountId: aws.String(accountID), Namespace: aws.String("default"),
		IdentityType: types.IdentityTypeIam, IamArn: aws.String(sg.IAMARN(accountID, sg.PrincipalUser, name)),
		Email: aws.String(name + "@example.com"), UserRole: role,
	})
	must(t, err)
}

// noDataPage checks that a console page of failed content tells why and
// shows none of the sample's numbers or values.
func noDataPage(t testing.TB, p *page, heading, errorType string, leaks ...string) {
	t.Helper()
	p.wantHTML(t, http.StatusOK)
	for _, want := range []string{heading, "<code>" + errorType + "</code>"} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("page lacks %q:\n%s", want, p.Body)
		}
	}
	for _, bad := range append([]string{`class="kpi-value"`, `data-echarts=`, `class="tile `, `class="controls"`}, leaks...) {
		if strings.Contains(p.Body, bad) {
			t.Errorf("the page of failed content contains %q", bad)
		}
	}
}

func TestContentOverDeniedDataSet(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	ctx := t.Context()
	admin := ts.adminClient()
	db := sampleDB(t, ts)
	sampleARN := dataSetARN(app.SampleDataSetID)
	revenue := formatThousands(sqlFloat(t, db, "SELECT sum(revenue) FROM orders"))
	orders := formatThousands(sqlFloat(t, db, "SELECT count(order_id) FROM orders"))
	var region string
	must(t, db.QueryRowContext(ctx, "SELECT region FROM orders GROUP BY region ORDER BY sum(revenue) DESC LIMIT 1").Scan(&region))
	leaks := []string{revenue, orders, ">" + region + "<"}

	dashOut, err := admin.DescribeDashboardDefinition(ctx, &quicksight.DescribeDashboardDefinitionInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(app.SampleDashboardID)})
	must(t, err)
	anOut, err := admin.DescribeAnalysisDefinition(ctx, &quicksight.DescribeAnalysisDefinitionInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(app.SampleAnalysisID)})
	must(t, err)

	// Mallory may do everything but use the sample dataset.
	mallory := ts.client(ts.newIAMUser(t, accountID, "mallory", policy("Allow", "quicksight:*", "*", "Deny", "quicksight:*", sampleARN)))
	registerIAMUser(t, admin, "mallory", types.UserRoleAuthor)
	deniedErr := denied("user/mallory", "PassDataSet", sampleARN)
	for _, mode := range []types.ValidationStrategyMode{types.ValidationStrategyModeStrict, types.ValidationStrategyModeLenient} {
		id := strings.ToLower(string(mode))
		t.Run(string(mode), func(t *testing.T) {
			_, err := mallory.CreateDashboard(ctx, &quicksight.CreateDashboardInput{
				AwsAccountId: aws.String(accountID), DashboardId: aws.String(id), Name: aws.String("Stolen " + id),
				Definition: dashOut.Definition, Permissions: ownerPermissions("mallory", app.DashboardOwnerActions()...),
				ValidationStrategy: &types.ValidationStrategy{Mode: mode},
			})
			must(t, err)
			v := waitVersion(t, mallory, id, 1).Version
			wantEqual(t, "dashboard over a denied dataset", []any{v.Status, v.Errors}, []any{types.ResourceStatusCreationFailed, []types.DashboardError{{
				Type: types.DashboardErrorTypeAccessDenied, Message: aws.String(deniedErr),
				ViolatedEntities: []types.Entity{{Path: aws.String("DataSetIdentifierDeclarations[0]")}},
			}}})
			_, err = mallory.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{
				AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id), Name: aws.String("Stolen " + id),
				Definition: anOut.Definition, Permissions: ownerPermissions("mallory", analysisOwnerActions...),
				ValidationStrategy: &types.ValidationStrategy{Mode: mode},
			})
			must(t, err)
			an := waitAnalysis(t, mallory, id)
			wantEqual(t, "analysis over a denied dataset", []any{an.Status, an.Errors}, []any{types.ResourceStatusCreationFailed, []types.AnalysisError{{
				Type: types.AnalysisErrorTypeAccessDenied, Message: aws.String(deniedErr),
				ViolatedEntities: []types.Entity{{Path: aws.String("DataSetIdentifierDeclarations[0]")}},
			}}})

			// The console tells why and draws nothing: no page, no sheet
			// fragment, no control change.
			u := ts.mint(t, "mallory", "/dashboards/"+id)
			token, p := ts.signOn(t, u, -1)
			noDataPage(t, p, "This dashboard failed creation", "ACCESS_DENIED", leaks...)
			base := u.Base + "/embedding/" + u.Sid
			for _, path := range []string{"/dashboards/" + id + "/sheets/overview", "/dashboards/" + id + "/sheets/overview?visuals=kpi-revenue", "/analyses/" + id + "/sheets/overview"} {
				f := ts.withToken(t, base+path, token)
				if f.Status != http.StatusConflict {
					t.Errorf("%s: %d, want 409:\n%s", path, f.Status, f.Body)
				}
				for _, bad := range leaks {
					if strings.Contains(f.Body, bad) {
						t.Errorf("%s contains %q", path, bad)
					}
				}
			}
			noDataPage(t, ts.withToken(t, base+"/analyses/"+id, token), "This analysis failed creation", "ACCESS_DENIED", leaks...)
		})
	}

	// An author bound to a QuickSight user needs the dataset shared with
	// them, even when IAM allows everything.
	ann := ts.client(ts.newIAMUser(t, accountID, "ann", fullAccess))
	registerIAMUser(t, admin, "ann", types.UserRoleAuthor)
	create := func(id string) *types.Analysis {
		t.Helper()
		_, err := ann.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{
			AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id), Name: aws.String(id),
			Definition: anOut.Definition, Permissions: ownerPermissions("ann", analysisOwnerActions...),
			ValidationStrategy: &types.ValidationStrategy{Mode: types.ValidationStrategyModeLenient},
		})
		must(t, err)
		return waitAnalysis(t, ann, id)
	}
	an := create("unshared")
	wantEqual(t, "analysis over an unshared dataset", []any{an.Status, an.Errors}, []any{types.ResourceStatusCreationFailed, []types.AnalysisError{{
		Type:             types.AnalysisErrorTypeAccessDenied,
		Message:          aws.String("User: " + userARN(accountID, "ann") + " has no permission on dataset " + sampleARN + ": its owner has not shared it with them."),
		ViolatedEntities: []types.Entity{{Path: aws.String("DataSetIdentifierDeclarations[0]")}},
	}}})
	_, err = admin.UpdateDataSetPermissions(ctx, &quicksight.UpdateDataSetPermissionsInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(app.SampleDataSetID),
		GrantPermissions: []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "ann")), Actions: []string{"quicksight:DescribeDataSet", "quicksight:PassDataSet"}}}})
	must(t, err)
	if an := create("shared"); an.Status != types.ResourceStatusCreationSuccessful {
		t.Fatalf("analysis over a shared dataset: %s %s", an.Status, jsonString(an.Errors))
	}

	// A reader of a shared dashboard needs no permission on its dataset.
	registerQuickSightUser(t, admin, "rita", types.UserRoleReader)
	_, err = admin.CreateDashboard(ctx, &quicksight.CreateDashboardInput{
		AwsAccountId: aws.String(accountID), DashboardId: aws.String("shared"), Name: aws.String("Shared"), Definition: dashOut.Definition,
		Permissions: append(ownerPermissions("admin", app.DashboardOwnerActions()...), ownerPermissions("rita", dashboardReaderActions...)...),
	})
	must(t, err)
	if v := waitVersion(t, admin, "shared", 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		t.Fatalf("shared dashboard: %s %s", v.Status, jsonString(v.Errors))
	}
	token, p := ts.signOn(t, ts.mint(t, "rita", "/dashboards/shared"), -1)
	p.wantConsole(t, "DASHBOARD", token)
	wantEqual(t, "reader's revenue KPI", kpiValue(t, p.Body, "kpi-revenue"), mathRound2(sqlFloat(t, db, "SELECT sum(revenue) FROM orders")))
}

func mathRound2(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 2, 64), 64)
	return v
}

func TestDataSetNeedsItsDataSource(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	ctx := t.Context()
	admin := ts.adminClient()
	sqliteSource(t, ts.Config.DataSourceDir, "private.sqlite")
	_, err := ts.App.CreateSQLiteDataSource(ctx, accountID, "private", "Private", "private.sqlite")
	must(t, err)
	// The data source is the admin's alone.
	_, err = admin.UpdateDataSourcePermissions(ctx, &quicksight.UpdateDataSourcePermissionsInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("private"),
		GrantPermissions: []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "admin")), Actions: []string{"quicksight:DescribeDataSource", "quicksight:PassDataSource"}}}})
	must(t, err)
	table := func(sourceID string) map[string]types.PhysicalTable {
		return map[string]types.PhysicalTable{"t": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
			DataSourceArn: aws.String(dataSourceARN(sourceID)), Name: aws.String("orders"), InputColumns: []types.InputColumn{
				col("id", types.InputColumnDataTypeInteger), col("region", types.InputColumnDataTypeString), col("amount", types.InputColumnDataTypeDecimal),
			},
		}}}
	}
	createIn := func(id string) *quicksight.CreateDataSetInput {
		return &quicksight.CreateDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(id), Name: aws.String(id),
			ImportMode: types.DataSetImportModeDirectQuery, PhysicalTableMap: table("private")}
	}
	updateIn := func(id string) *quicksight.UpdateDataSetInput {
		return &quicksight.UpdateDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(id), Name: aws.String(id),
			ImportMode: types.DataSetImportModeDirectQuery, PhysicalTableMap: table("private")}
	}
	// A dataset Eve and Bob may update, on a data source of their own.
	sqliteSource(t, ts.Config.DataSourceDir, "own.sqlite")
	_, err = ts.App.CreateSQLiteDataSource(ctx, accountID, "own", "Own", "own.sqlite")
	must(t, err)
	_, err = admin.UpdateDataSourcePermissions(ctx, &quicksight.UpdateDataSourcePermissionsInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("own"),
		GrantPermissions: []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "bob")), Actions: []string{"quicksight:PassDataSource"}}}})
	must(t, err)
	createDataSet(t, admin, &quicksight.CreateDataSetInput{DataSetId: aws.String("theirs"), ImportMode: types.DataSetImportModeDirectQuery, PhysicalTableMap: table("own")})

	// Eve's IAM policy denies every data source.
	eve := ts.client(ts.newIAMUser(t, accountID, "eve", policy("Allow", "quicksight:*", "*", "Deny", "quicksight:*", dataSourceARN("*"))))
	want := denied("user/eve", "PassDataSource", dataSourceARN("private"))
	_, err = eve.CreateDataSet(ctx, createIn("eve-set"))
	wantErrorMessage(t, err, "AccessDeniedException", 401, want)
	_, err = eve.UpdateDataSet(ctx, updateIn("theirs"))
	wantErrorMessage(t, err, "AccessDeniedException", 401, want)
	_, err = eve.DescribeDataSet(ctx, &quicksight.DescribeDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("eve-set")})
	wantError(t, err, "ResourceNotFoundException", 404)
	if d := describeDataSet(t, admin, "theirs"); aws.ToString(d.PhysicalTableMap["t"].(*types.PhysicalTableMemberRelationalTable).Value.DataSourceArn) != dataSourceARN("own") {
		t.Fatal("the denied UpdateDataSet changed the dataset")
	}

	// Bob's IAM allows everything, but the data source is not shared with
	// his QuickSight user.
	bob := ts.client(ts.newIAMUser(t, accountID, "bob", fullAccess))
	registerIAMUser(t, admin, "bob", types.UserRoleAuthor)
	want = "User: " + userARN(accountID, "bob") + " has no permission on data source " + dataSourceARN("private") + ": its owner has not shared it with them."
	_, err = bob.CreateDataSet(ctx, createIn("bob-set"))
	wantErrorMessage(t, err, "AccessDeniedException", 401, want)
	_, err = bob.UpdateDataSet(ctx, updateIn("theirs"))
	wantErrorMessage(t, err, "AccessDeniedException", 401, want)
	// His own data source works; once shared, so does the admin's.
	in := createIn("bob-set")
	in.PhysicalTableMap = table("own")
	must(t, func() error { _, err := bob.CreateDataSet(ctx, in); return err }())
	_, err = admin.UpdateDataSourcePermissions(ctx, &quicksight.UpdateDataSourcePermissionsInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("private"),
		GrantPermissions: []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "bob")), Actions: []string{"quicksight:PassDataSource"}}}})
	must(t, err)
	_, err = bob.UpdateDataSet(ctx, updateIn("bob-set"))
	must(t, err)
}

func TestIngestionErrorQuotesNoData(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	db := pgDatabase(t)
	c := ts.adminClient()
	createPG(t, c, "pg", pgParams(pgHost, pgPort, db), pair(pgUser, pgPassword))
	// The query fails with the database quoting a value it read.
	const canary = "canary-7f3a9c"
	out := createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("leak"), ImportMode: types.DataSetImportModeSpice,
		PhysicalTableMap: customSQL("pg", "SELECT ('"+canary+"-' || region)::int AS n FROM orders", col("n", types.InputColumnDataTypeInteger))})
	in := waitIngestion(t, c, "leak", aws.ToString(out.IngestionId))
	wantIngestion(t, in, types.IngestionStatusFailed, 0, types.IngestionErrorTypeSqlException)
	wantEqual(t, "ingestion error message", aws.ToString(in.ErrorInfo.Message),
		"The data source reported an error running the dataset's query. Its text is not shown here, since it can quote data; the server log has it.")
}

// TestConsoleSecurityHeaders walks every console route, in its answers
// and its errors, and checks the security headers of each response.
func TestConsoleSecurityHeaders(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(200))
	u := ts.mint(t, "admin", "/dashboards/"+app.SampleDashboardID)
	token, _ := ts.signOn(t, u, -1)
	sid := u.Sid
	dash := "/embedding/" + sid + "/dashboards/" + app.SampleDashboardID
	type req struct {
		method, path, token string
		status              int
	}
	cases := map[string][]req{
		"GET /embedding/{sid}/{entry...}": {
			{"GET", "/embedding/" + sid + "/start", token, 200},
			{"GET", dash, token, 200},
			{"GET", "/embedding/" + sid + "/start", "", 401},
			{"GET", "/embedding/" + sid + "/analyses/new", token, 200},
			{"GET", "/embedding/" + sid + "/analyses/" + app.SampleAnalysisID + "/edit", token, 200},
			{"GET", "/embedding/nothex/start", "", 404},
		},
		"POST /embedding/{sid}/favorites/{kind}/{id}": {
			{"POST", "/embedding/" + sid + "/favorites/dashboard/" + app.SampleDashboardID, token, 200},
			{"POST", "/embedding/" + sid + "/favorites/dashboard/nope", token, 404},
			{"POST", "/embedding/" + sid + "/favorites/bogus/x", token, 404},
		},
		"DELETE /embedding/{sid}/favorites/{kind}/{id}": {
			{"DELETE", "/embedding/" + sid + "/favorites/dashboard/" + app.SampleDashboardID, token, 200},
		},
		"GET /embedding/{sid}/dashboards/{id}/sheets/{sheet}": {
			{"GET", dash + "/sheets/overview", token, 200},
			{"GET", dash + "/sheets/overview?visuals=kpi-revenue", token, 200},
			{"GET", dash + "/sheets/nope", token, 404},
			{"GET", dash + "/sheets/overview", "", 401},
		},
		"GET /embedding/{sid}/analyses/{id}/sheets/{sheet}": {
			{"GET", "/embedding/" + sid + "/analyses/" + app.SampleAnalysisID + "/sheets/overview", token, 200},
		},
		"POST /embedding/{sid}/analyses": {
			{"POST", "/embedding/" + sid + "/analyses", token, 400}, // no dataset chosen
			{"POST", "/embedding/" + sid + "/analyses", "", 403},
		},
		"POST /embedding/{sid}/analyses/{id}/edit": {
			{"POST", "/embedding/" + sid + "/analyses/" + app.SampleAnalysisID + "/edit", token, 409}, // no version
			{"POST", "/embedding/" + sid + "/analyses/nope/edit", token, 404},
			{"POST", "/embedding/" + sid + "/analyses/" + app.SampleAnalysisID + "/edit", "", 403},
		},
		"POST /embedding/{sid}/analyses/{id}/edit/check": {
			{"POST", "/embedding/" + sid + "/analyses/" + app.SampleAnalysisID + "/edit/check", token, 200}, // an empty formula: its message
			{"POST", "/embedding/" + sid + "/analyses/nope/edit/check", token, 404},
			{"POST", "/embedding/" + sid + "/analyses/" + app.SampleAnalysisID + "/edit/check", "", 403},
		},
		"POST /embedding/{sid}/analyses/{id}/publish": {
			{"POST", "/embedding/" + sid + "/analyses/" + app.SampleAnalysisID + "/publish", token, 400}, // no name
			{"POST", "/embedding/" + sid + "/analyses/" + app.SampleAnalysisID + "/publish", "", 403},
		},
		"GET /embedding/{sid}/analyses/{id}/share": {
			{"GET", "/embedding/" + sid + "/analyses/" + app.SampleAnalysisID + "/share", token, 200},
			{"GET", "/embedding/" + sid + "/analyses/nope/share", token, 404},
			{"GET", "/embedding/" + sid + "/analyses/" + app.SampleAnalysisID + "/share", "", 401},
		},
		"POST /embedding/{sid}/analyses/{id}/share": {
			{"POST", "/embedding/" + sid + "/analyses/" + app.SampleAnalysisID + "/share", token, 400}, // no principal
			{"POST", "/embedding/" + sid + "/analyses/" + app.SampleAnalysisID + "/share", "", 403},
		},
		"GET /embedding/{sid}/dashboards/{id}/share": {
			{"GET", dash + "/share", token, 200},
			{"GET", dash + "/share", "", 401},
		},
		"POST /embedding/{sid}/dashboards/{id}/share": {
			{"POST", dash + "/share", token, 400}, // no principal
			{"POST", dash + "/share", "", 403},
		},
		"POST /embedding/{sid}/analyses/{id}/delete": {
			{"POST", "/embedding/" + sid + "/analyses/nope/delete", token, 404},
			{"POST", "/embedding/" + sid + "/analyses/" + app.SampleAnalysisID + "/delete", "", 403},
		},
		"POST /embedding/{sid}/analyses/{id}/restore": {
			{"POST", "/embedding/" + sid + "/analyses/" + app.SampleAnalysisID + "/restore", token, 404}, // not deleted
			{"POST", "/embedding/" + sid + "/analyses/" + app.SampleAnalysisID + "/restore", "", 403},
		},
		"GET /embedding/{sid}/start/search": {
			{"GET", "/embedding/" + sid + "/start/search?q=sales&type=dashboard&sort=name", token, 200},
			{"GET", "/embedding/" + sid + "/start/search?sort=size", token, 400},
			{"GET", "/embedding/" + sid + "/start/search", "", 401},
		},
		"GET /embedding/{sid}/start/analyses/deleted": {
			{"GET", "/embedding/" + sid + "/start/analyses/deleted", token, 200},
			{"GET", "/embedding/" + sid + "/start/analyses/deleted", "", 401},
		},
		"GET /embedding/{sid}/dashboards/{id}/versions": {
			{"GET", dash + "/versions", token, 200},
			{"GET", "/embedding/" + sid + "/dashboards/nope/versions", token, 404},
		},
		"POST /embedding/{sid}/dashboards/{id}/versions/{version}/publish": {
			{"POST", dash + "/versions/99/publish", token, 404},
			{"POST", dash + "/versions/1/publish", "", 403},
		},
		"GET /embedding/{sid}/dashboards/{id}/sheets/{sheet}/visuals/{visual}/export": {
			{"GET", dash + "/sheets/overview/visuals/kpi-revenue/export?format=csv", token, 200},
			{"GET", dash + "/sheets/overview/visuals/kpi-revenue/export?format=doc", token, 400},
			{"GET", dash + "/sheets/overview/visuals/kpi-revenue/export?format=csv", "", 401},
		},
		"GET /embedding/{sid}/analyses/{id}/sheets/{sheet}/visuals/{visual}/export": {
			{"GET", "/embedding/" + sid + "/analyses/" + app.SampleAnalysisID + "/sheets/overview/visuals/kpi-revenue/export?format=xlsx", token, 200},
		},
		"GET /embed/{sid}/embedControl": {
			{"GET", "/embed/" + sid + "/embedControl", "", 200},
			{"GET", "/embed/x/embedControl", "", 404},
		},
		"GET /embed/{sid}/dashboards/{id}": {
			{"GET", "/embed/" + sid + "/dashboards/" + app.SampleDashboardID, "", 401},
		},
		"GET /embed/{sid}/dashboards/{id}/views/{view}": {
			{"GET", "/embed/" + sid + "/dashboards/" + app.SampleDashboardID + "/views/" + strings.Repeat("0", 32), "", 401},
			{"GET", "/embed/" + sid + "/dashboards/" + app.SampleDashboardID + "/views/nope", "", 404},
		},
		"GET /embed/{sid}/dashboards/{id}/sheets/{sheet}/visuals/{visual}": {
			{"GET", "/embed/" + sid + "/dashboards/" + app.SampleDashboardID + "/sheets/overview/visuals/kpi-revenue", token, 200},
			{"GET", "/embed/" + sid + "/dashboards/" + app.SampleDashboardID + "/sheets/overview/visuals/nope", token, 404},
			{"GET", "/embed/" + sid + "/dashboards/" + app.SampleDashboardID + "/sheets/overview/visuals/kpi-revenue", "", 401},
		},
		"GET /embedding/{sid}/data/sets": {
			{"GET", "/embedding/" + sid + "/data/sets", token, 200},
			{"GET", "/embedding/" + sid + "/data/sets", "", 401},
		},
		"GET /embedding/{sid}/data/sets/new": {
			{"GET", "/embedding/" + sid + "/data/sets/new?source=" + app.SampleDataSourceID, token, 200},
			{"GET", "/embedding/" + sid + "/data/sets/new?source=nope", token, 404},
		},
		"GET /embedding/{sid}/data/sets/{id}": {
			{"GET", "/embedding/" + sid + "/data/sets/" + app.SampleDataSetID, token, 200},
			{"GET", "/embedding/" + sid + "/data/sets/nope", token, 404},
		},
		"GET /embedding/{sid}/data/sets/{id}/ingestions": {
			{"GET", "/embedding/" + sid + "/data/sets/" + app.SampleDataSetID + "/ingestions", token, 200},
			{"GET", "/embedding/" + sid + "/data/sets/" + app.SampleDataSetID + "/ingestions", "", 401},
		},
		"POST /embedding/{sid}/data/sets/{id}/refresh": {
			{"POST", "/embedding/" + sid + "/data/sets/" + app.SampleDataSetID + "/refresh", token, 400}, // direct query: nothing to refresh
			{"POST", "/embedding/" + sid + "/data/sets/" + app.SampleDataSetID + "/refresh", "", 403},
		},
		"POST /embedding/{sid}/data/sets/{id}/share": {
			{"POST", "/embedding/" + sid + "/data/sets/" + app.SampleDataSetID + "/share", token, 400}, // no access level
			{"POST", "/embedding/" + sid + "/data/sets/" + app.SampleDataSetID + "/share", "", 403},
		},
		"GET /embedding/{sid}/data/sets/editor/columns": {
			{"GET", "/embedding/" + sid + "/data/sets/editor/columns?source=" + app.SampleDataSourceID + "&ref=0", token, 200},
			{"GET", "/embedding/" + sid + "/data/sets/editor/columns?source=" + app.SampleDataSourceID + "&ref=x", token, 404},
		},
		"GET /embedding/{sid}/data/sets/{id}/schedules": {
			{"GET", "/embedding/" + sid + "/data/sets/" + app.SampleDataSetID + "/schedules", token, 200},
			{"GET", "/embedding/" + sid + "/data/sets/" + app.SampleDataSetID + "/schedules", "", 401},
		},
		"POST /embedding/{sid}/data/sets/{id}/schedules": {
			{"POST", "/embedding/" + sid + "/data/sets/" + app.SampleDataSetID + "/schedules", token, 400}, // no interval
			{"POST", "/embedding/" + sid + "/data/sets/" + app.SampleDataSetID + "/schedules", "", 403},
		},
		"POST /embedding/{sid}/data/sets/{id}/schedules/{schedule}/delete": {
			{"POST", "/embedding/" + sid + "/data/sets/" + app.SampleDataSetID + "/schedules/nope/delete", token, 404},
			{"POST", "/embedding/" + sid + "/data/sets/" + app.SampleDataSetID + "/schedules/nope/delete", "", 403},
		},
		"POST /embedding/{sid}/data/sets/{id}/incremental": {
			{"POST", "/embedding/" + sid + "/data/sets/" + app.SampleDataSetID + "/incremental", token, 400}, // no window
			{"POST", "/embedding/" + sid + "/data/sets/" + app.SampleDataSetID + "/incremental", "", 403},
		},
		"POST /embedding/{sid}/data/sets/{id}/incremental/delete": {
			{"POST", "/embedding/" + sid + "/data/sets/" + app.SampleDataSetID + "/incremental/delete", token, 404}, // none set
			{"POST", "/embedding/" + sid + "/data/sets/" + app.SampleDataSetID + "/incremental/delete", "", 403},
		},
		"GET /embedding/{sid}/data/sets/editor/sqlcolumns": {
			{"GET", "/embedding/" + sid + "/data/sets/editor/sqlcolumns?source=" + app.SampleDataSourceID + "&table=orders", token, 200},
			{"GET", "/embedding/" + sid + "/data/sets/editor/sqlcolumns?source=" + app.SampleDataSourceID + "&table=nope", token, 404},
		},
		"POST /embedding/{sid}/data/sets/editor/start": {
			{"POST", "/embedding/" + sid + "/data/sets/editor/start", token, 404}, // no table
			{"POST", "/embedding/" + sid + "/data/sets/editor/start", "", 403},
		},
		"POST /embedding/{sid}/data/sets/editor/step": {
			{"POST", "/embedding/" + sid + "/data/sets/editor/step", token, 400}, // no draft
			{"POST", "/embedding/" + sid + "/data/sets/editor/step", "", 403},
		},
		"POST /embedding/{sid}/data/sets/editor/check": {
			{"POST", "/embedding/" + sid + "/data/sets/editor/check", token, 400},
			{"POST", "/embedding/" + sid + "/data/sets/editor/check", "", 403},
		},
		"POST /embedding/{sid}/data/sets/editor/save": {
			{"POST", "/embedding/" + sid + "/data/sets/editor/save", token, 400},
			{"POST", "/embedding/" + sid + "/data/sets/editor/save", "", 403},
		},
		// The session was minted without the Bookmarks feature: 403 once the
		// request is read.
		"GET /embedding/{sid}/dashboards/{id}/bookmarks": {
			{"GET", "/embedding/" + sid + "/dashboards/" + app.SampleDashboardID + "/bookmarks", token, 403},
			{"GET", "/embedding/" + sid + "/dashboards/" + app.SampleDashboardID + "/bookmarks", "", 403}, // no session header
		},
		"POST /embedding/{sid}/dashboards/{id}/bookmarks": {
			{"POST", "/embedding/" + sid + "/dashboards/" + app.SampleDashboardID + "/bookmarks", token, 400}, // no body
			{"POST", "/embedding/" + sid + "/dashboards/" + app.SampleDashboardID + "/bookmarks", "", 403},    // no session header
		},
		"PATCH /embedding/{sid}/dashboards/{id}/bookmarks/{name}": {
			{"PATCH", "/embedding/" + sid + "/dashboards/" + app.SampleDashboardID + "/bookmarks/b", token, 400}, // no body
			{"PATCH", "/embedding/" + sid + "/dashboards/" + app.SampleDashboardID + "/bookmarks/b", "", 403},    // no session header
		},
		"DELETE /embedding/{sid}/dashboards/{id}/bookmarks/{name}": {
			{"DELETE", "/embedding/" + sid + "/dashboards/" + app.SampleDashboardID + "/bookmarks/b", token, 403},
			{"DELETE", "/embedding/" + sid + "/dashboards/" + app.SampleDashboardID + "/bookmarks/b", "", 403}, // no session header
		},
		// Shared views: the session was minted without the SharedView
		// feature.
		"POST /embedding/{sid}/dashboards/{id}/views": {
			{"POST", "/embedding/" + sid + "/dashboards/" + app.SampleDashboardID + "/views", token, 400}, // no body
			{"POST", "/embedding/" + sid + "/dashboards/" + app.SampleDashboardID + "/views", "", 403},    // no session header
		},
		"GET /embedding/{sid}/dashboards/{id}/theme": {
			{"GET", "/embedding/" + sid + "/dashboards/" + app.SampleDashboardID + "/theme?arn=arn:aws:quicksight::aws:theme/MIDNIGHT", token, 200},
			{"GET", "/embedding/" + sid + "/dashboards/" + app.SampleDashboardID + "/theme?arn=nope", token, 400},
			{"GET", "/embedding/" + sid + "/dashboards/" + app.SampleDashboardID + "/theme?arn=nope", "", 403}, // no session header
		},
		"GET /embedding/{sid}/views/{view}": {
			{"GET", "/embedding/" + sid + "/views/" + strings.Repeat("0", 32), token, 404},
			{"GET", "/embedding/" + sid + "/views/" + strings.Repeat("0", 32), "", 303}, // sign in first
			{"GET", "/embedding/" + sid + "/views/nope", token, 404},
		},
		"GET /views/{view}": {
			{"GET", "/views/" + strings.Repeat("0", 32), "", 303},
			{"GET", "/views/nope", "", 404},
		},
		"GET /favicon.ico": {
			{"GET", "/favicon.ico", "", 200},
		},
		"GET /static/{file}": {
			{"GET", "/static/console.js", "", 200},
			{"GET", "/static/nope.js", "", 404},
		},
		"GET /login": {
			{"GET", "/login", "", 200},
		},
		"POST /login": {
			{"POST", "/login", "", 403}, // no form token
		},
		"POST /embedding/{sid}/signout": {
			{"POST", "/embedding/" + sid + "/signout", "", 403},
		},
		"POST /embedding/{sid}/navigation": {
			{"POST", "/embedding/" + sid + "/navigation", token, 200},
			{"POST", "/embedding/" + sid + "/navigation", "", 403},
		},
		"GET /invitation/{token}": {
			{"GET", "/invitation/not-a-token", "", 410},
		},
		"POST /invitation/{token}": {
			{"POST", "/invitation/not-a-token", "", 403},
		},
	}
	// The data pages (data sources and uploads): every POST needs the
	// session header.
	data := "/embedding/" + sid + "/data"
	src := data + "/sources/" + app.SampleDataSourceID
	bm := "/embedding/" + sid + "/dashboards/" + app.SampleDashboardID + "/bookmarks"
	for pattern, rs := range map[string][]req{
		"GET /embedding/{sid}/data/sources":                           {{"GET", data + "/sources", token, 200}, {"GET", data + "/sources", "", 401}},
		"GET /embedding/{sid}/data/sources/new":                       {{"GET", data + "/sources/new", token, 200}},
		"POST /embedding/{sid}/data/sources":                          {{"POST", data + "/sources", "", 403}},
		"POST /embedding/{sid}/data/sources/test":                     {{"POST", data + "/sources/test", "", 403}},
		"GET /embedding/{sid}/data/sources/{id}":                      {{"GET", src, token, 200}, {"GET", data + "/sources/nope", token, 404}},
		"POST /embedding/{sid}/data/sources/{id}":                     {{"POST", src, "", 403}},
		"POST /embedding/{sid}/data/sources/{id}/delete":              {{"POST", src + "/delete", "", 403}},
		"POST /embedding/{sid}/data/sources/{id}/share":               {{"POST", src + "/share", "", 403}},
		"GET /embedding/{sid}/data/sources/{id}/browse":               {{"GET", src + "/browse?q=order", token, 200}},
		"GET /embedding/{sid}/data/uploads/new":                       {{"GET", data + "/uploads/new", token, 200}},
		"POST /embedding/{sid}/data/uploads":                          {{"POST", data + "/uploads", "", 403}},
		"POST /embedding/{sid}/data/uploads/{token}/preview":          {{"POST", data + "/uploads/nope/preview", "", 403}},
		"POST /embedding/{sid}/data/uploads/{token}/import":           {{"POST", data + "/uploads/nope/import", "", 403}},
		"GET /embedding/{sid}/data/uploads/{token}/progress":          {{"GET", data + "/uploads/nope/progress", token, 286}},
		"GET /embedding/{sid}/data/uploads/{dataset}/ingestions/{id}": {{"GET", data + "/uploads/nope/ingestions/nope", token, 404}},
		"GET /embedding/{sid}/dashboards/{id}/bookmarks":              {{"GET", bm, token, 403}, {"GET", bm, "", 403}},
		"POST /embedding/{sid}/dashboards/{id}/bookmarks":             {{"POST", bm, "", 403}},
		"PATCH /embedding/{sid}/dashboards/{id}/bookmarks/{name}":     {{"PATCH", bm + "/nope", "", 403}},
		"DELETE /embedding/{sid}/dashboards/{id}/bookmarks/{name}":    {{"DELETE", bm + "/nope", "", 403}},
	} {
		cases[pattern] = rs
	}
	// Requests no route matches, answered by the console's mux.
	unrouted := []req{{"PUT", "/embedding/" + sid + "/start", token, 405}, {"GET", "/embed/" + sid, "", 404}}
	check := func(t *testing.T, r req) {
		p := ts.browse(t, r.method, ts.URL+r.path, "", r.token)
		if p.Status != r.status {
			t.Errorf("%s %s: %d, want %d:\n%.300s", r.method, r.path, p.Status, r.status, p.Body)
		}
		want := bootstrapFrameAncestors
		if r.path == "/login" || strings.HasPrefix(r.path, "/invitation/") {
			want = "frame-ancestors 'none'" // password pages are never framed
		}
		if got := p.frameAncestors(); got != want {
			t.Errorf("%s %s: frame-ancestors %q, want %q", r.method, r.path, got, want)
		}
		for name, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"} {
			if got := p.Header.Get(name); got != want {
				t.Errorf("%s %s: %s = %q, want %q", r.method, r.path, name, got, want)
			}
		}
		if csp := p.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "object-src 'none'") {
			t.Errorf("%s %s: CSP %q", r.method, r.path, csp)
		}
	}
	for _, pattern := range console.RoutePatterns() {
		rs, ok := cases[pattern]
		if !ok {
			t.Errorf("console route %q has no case in this test", pattern)
			continue
		}
		for _, r := range rs {
			check(t, r)
		}
	}
	for _, r := range unrouted {
		check(t, r)
	}
}

// TestResumedCheckKeepsDenial: the denial found when a create was made is
// stored with the resource in progress, so a check resumed after a restart
// still fails it.
func TestResumedCheckKeepsDenial(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ts := startServer(t, withDataDir(dir))
	createSalesDataSet(t, ts)
	ctx := t.Context()
	now := ts.now()
	denial := []sg.DefinitionError{{Type: "ACCESS_DENIED", Message: denied("user/mallory", "PassDataSet", salesDataSetARN), ViolatedEntities: []string{"DataSetIdentifierDeclarations[0]"}}}
	// What a server stopped before checking a denied create leaves behind.
	must(t, ts.Store.CreateAnalysis(ctx, &sg.Analysis{AccountID: accountID, ID: "left", Name: "Left", Status: sg.StatusCreationInProgress, Errors: denial,
		Definition: salesDefinitionJSON(t), Revision: 1, CreatedAt: now, UpdatedAt: now}))
	must(t, ts.Store.CreateDashboard(ctx, &sg.Dashboard{AccountID: accountID, ID: "left", Name: "Left", PublishedVersion: 1, Revision: 1, CreatedAt: now, UpdatedAt: now},
		&sg.DashboardVersion{Status: sg.StatusCreationInProgress, Errors: denial, Definition: salesDefinitionJSON(t), CreatedAt: now}))
	ts.Stop()

	ts2 := startServer(t, withDataDir(dir), reopened(ts.Admin))
	c := ts2.adminClient()
	want := []types.Entity{{Path: aws.String("DataSetIdentifierDeclarations[0]")}}
	an := waitAnalysis(t, c, "left")
	wantEqual(t, "resumed analysis", []any{an.Status, an.Errors}, []any{types.ResourceStatusCreationFailed, []types.AnalysisError{{
		Type: types.AnalysisErrorTypeAccessDenied, Message: aws.String(denial[0].Message), ViolatedEntities: want}}})
	v := waitVersion(t, c, "left", 1).Version
	wantEqual(t, "resumed version", []any{v.Status, v.Errors}, []any{types.ResourceStatusCreationFailed, []types.DashboardError{{
		Type: types.DashboardErrorTypeAccessDenied, Message: aws.String(denial[0].Message), ViolatedEntities: want}}})
}
