package e2e

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/xuri/excelize/v2"

	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/authoring"
)

// regionRevenueDefinition is an analysis definition of the sample: a bar
// chart of revenue by region, filtered (on the sheet) to two regions.
func regionRevenueDefinition(t testing.TB) []byte {
	t.Helper()
	def, err := authoring.NewAnalysis("Sample sales", dataSetARN(app.SampleDataSetID))
	must(t, err)
	def, _, err = authoring.AddVisual(def, authoring.FirstSheetID, "BarChartVisual")
	must(t, err)
	def, _, err = authoring.AddField(def, "visual-1", "Category", authoring.Column{DataSetIdentifier: "Sample sales", Name: "region", Type: "STRING"}, -1)
	must(t, err)
	def, _, err = authoring.AddField(def, "visual-1", "Values", authoring.Column{DataSetIdentifier: "Sample sales", Name: "revenue", Type: "DECIMAL"}, 0)
	must(t, err)
	def, _, err = authoring.AddCategoryFilter(def, authoring.Column{DataSetIdentifier: "Sample sales", Name: "region", Type: "STRING"}, []string{"Europe", "Asia Pacific"}, authoring.Scope{SheetID: authoring.FirstSheetID})
	must(t, err)
	return def
}

// createContent creates, through the API, an analysis and a dashboard of
// def owned by owner (the console's owner actions), and waits for them.
func createContent(t testing.TB, ts *testServer, owner, analysisID, dashboardID string, def []byte, publishOptions string) {
	t.Helper()
	perms := func(actions []string) string {
		b, _ := json.Marshal([]map[string]any{{"Principal": userARN(accountID, owner), "Actions": actions}})
		return string(b)
	}
	body := `{"Name":"Revenue by region","Definition":` + string(def) + `,"Permissions":` + perms(app.AnalysisOwnerActions()) + `}`
	send(t, ts.signed(t, ts.Admin, "POST", "/accounts/"+accountID+"/analyses/"+analysisID, body)).wantOK(t, 202)
	waitAnalysis(t, ts.adminClient(), analysisID)
	if dashboardID == "" {
		return
	}
	opts := ""
	if publishOptions != "" {
		opts = `,"DashboardPublishOptions":` + publishOptions
	}
	body = `{"Name":"Revenue","Definition":` + string(def) + `,"Permissions":` + perms(app.DashboardOwnerActions()) + opts + `}`
	send(t, ts.signed(t, ts.Admin, "POST", "/accounts/"+accountID+"/dashboards/"+dashboardID, body)).wantOK(t, 202)
	waitVersion(t, ts.adminClient(), dashboardID, 1)
}

// denyCapabilities gives user a custom permissions profile that denies caps.
func denyCapabilities(t testing.TB, ts *testServer, user, profile string, caps *types.Capabilities) {
	t.Helper()
	ctx := t.Context()
	admin := ts.adminClient()
	_, err := admin.CreateCustomPermissions(ctx, &quicksight.CreateCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String(profile), Capabilities: caps})
	must(t, err)
	_, err = admin.UpdateUserCustomPermission(ctx, &quicksight.UpdateUserCustomPermissionInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String(user), CustomPermissionsName: aws.String(profile)})
	must(t, err)
}

// permissionsOf returns a dashboard's or analysis's permissions by
// principal, actions sorted, as Describe*Permissions answers them.
func permissionsOf(t testing.TB, ts *testServer, kind, id string) map[string][]string {
	t.Helper()
	r := send(t, ts.signed(t, ts.Admin, "GET", "/accounts/"+accountID+"/"+kind+"/"+id+"/permissions", ""))
	r.wantOK(t, 200)
	var out struct {
		Permissions []struct {
			Principal string
			Actions   []string
		}
	}
	must(t, json.Unmarshal(r.Body, &out))
	m := map[string][]string{}
	for _, p := range out.Permissions {
		slices.Sort(p.Actions)
		m[p.Principal] = p.Actions
	}
	return m
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// TestShareDialog shares a dashboard and an analysis from the console as
// QuickSight's console does (viewer and co-owner, users and groups), the
// reader then opens the dashboard, and ShareDashboards / ShareAnalyses
// DENY refuse it on the server and hide it in the page.
func TestShareDialog(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(300))
	owner := signIn(t, ts, "owner1", types.UserRoleAuthor)
	reader := signIn(t, ts, "reader1", types.UserRoleReader)
	other := signIn(t, ts, "author2", types.UserRoleAuthor)
	createContent(t, ts, "owner1", "an-share", "db-share", regionRevenueDefinition(t), "")
	_, err := ts.adminClient().CreateGroup(t.Context(), &quicksight.CreateGroupInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), GroupName: aws.String("analysts")})
	must(t, err)
	groupARN := "arn:aws:quicksight:" + region + ":" + accountID + ":group/default/analysts"

	wantEqual(t, "reader before sharing", reader.get(t, "/dashboards/db-share").Status, http.StatusForbidden)
	p := owner.get(t, "/dashboards/db-share/share")
	wantEqual(t, "share page", p.Status, 200)
	if !strings.Contains(p.Body, `class="share-form"`) || !strings.Contains(p.Body, `value="`+userARN(accountID, "reader1")+`"`) || !strings.Contains(p.Body, `value="`+groupARN+`"`) {
		t.Fatalf("the share dialog offers no form, reader or group:\n%.3000s", p.Body)
	}
	share := func(u *consoleUser, kind, id, principal, level string) *page {
		t.Helper()
		return u.post(t, "/"+kind+"/"+id+"/share", url.Values{"principal": {principal}, "level": {level}}, true)
	}
	p = share(owner, "dashboards", "db-share", userARN(accountID, "reader1"), "viewer")
	wantEqual(t, "share with the reader", p.Status, 200)
	wantEqual(t, "reader's actions", permissionsOf(t, ts, "dashboards", "db-share")[userARN(accountID, "reader1")], sorted(app.DashboardReaderActions()))
	if !strings.Contains(p.Body, `<td class="share-name">reader1</td><td>User</td><td class="share-level">Viewer</td>`) {
		t.Errorf("the dialog does not list the reader as viewer:\n%.3000s", p.Body)
	}
	p = reader.get(t, "/dashboards/db-share")
	wantEqual(t, "reader opens the dashboard", p.Status, 200)
	if !strings.Contains(p.Body, `id="v-visual-1"`) {
		t.Errorf("the reader's dashboard has no visual")
	}
	// The reader sees who has access, and may not change it.
	p = reader.get(t, "/dashboards/db-share/share")
	wantEqual(t, "reader's share page", p.Status, 200)
	if strings.Contains(p.Body, `class="share-form"`) {
		t.Error("a viewer is offered the share form")
	}
	wantEqual(t, "reader shares", share(reader, "dashboards", "db-share", userARN(accountID, "author2"), "viewer").Status, http.StatusForbidden)
	// A group as co-owner: the dashboard's every action.
	wantEqual(t, "share with a group", share(owner, "dashboards", "db-share", groupARN, "co-owner").Status, 200)
	wantEqual(t, "group's actions", permissionsOf(t, ts, "dashboards", "db-share")[groupARN], sorted(app.DashboardOwnerActions()))
	// Outside the namespace, unknown principals, bad levels, oneself.
	wantEqual(t, "other account", share(owner, "dashboards", "db-share", "arn:aws:quicksight:"+region+":999999999999:user/default/x", "viewer").Status, http.StatusBadRequest)
	wantEqual(t, "no such user", share(owner, "dashboards", "db-share", userARN(accountID, "nobody"), "viewer").Status, http.StatusNotFound)
	wantEqual(t, "bad level", share(owner, "dashboards", "db-share", userARN(accountID, "reader1"), "admin").Status, http.StatusBadRequest)
	wantEqual(t, "own co-ownership", share(owner, "dashboards", "db-share", userARN(accountID, "owner1"), "none").Status, http.StatusBadRequest)
	// Readers are only ever viewers of dashboards, and get no analyses.
	wantEqual(t, "reader as co-owner", share(owner, "dashboards", "db-share", userARN(accountID, "reader1"), "co-owner").Status, http.StatusBadRequest)
	wantEqual(t, "analysis with a reader", share(owner, "analyses", "an-share", userARN(accountID, "reader1"), "viewer").Status, http.StatusBadRequest)
	// Removed: the reader loses the dashboard.
	wantEqual(t, "remove the reader", share(owner, "dashboards", "db-share", userARN(accountID, "reader1"), "none").Status, 200)
	if _, ok := permissionsOf(t, ts, "dashboards", "db-share")[userARN(accountID, "reader1")]; ok {
		t.Error("the reader keeps permissions after removal")
	}
	wantEqual(t, "reader after removal", reader.get(t, "/dashboards/db-share").Status, http.StatusForbidden)

	// An analysis: a viewer may open it, a co-owner gets every action.
	wantEqual(t, "analysis viewer", share(owner, "analyses", "an-share", userARN(accountID, "author2"), "viewer").Status, 200)
	wantEqual(t, "analysis viewer's actions", permissionsOf(t, ts, "analyses", "an-share")[userARN(accountID, "author2")], sorted(app.AnalysisViewerActions()))
	wantEqual(t, "viewer opens the analysis", other.get(t, "/analyses/an-share").Status, 200)
	wantEqual(t, "viewer shares the analysis", share(other, "analyses", "an-share", userARN(accountID, "reader1"), "viewer").Status, http.StatusForbidden)
	wantEqual(t, "analysis co-owner", share(owner, "analyses", "an-share", userARN(accountID, "author2"), "co-owner").Status, 200)
	wantEqual(t, "co-owner's actions", permissionsOf(t, ts, "analyses", "an-share")[userARN(accountID, "author2")], sorted(app.AnalysisOwnerActions()))
	// Readers never reach an analysis, shared or not.
	wantEqual(t, "reader's analysis share page", reader.get(t, "/analyses/an-share/share").Status, http.StatusForbidden)

	// ShareAnalyses DENY: the co-owner may not share, and the page says so.
	denyCapabilities(t, ts, "author2", "no-share-analyses", &types.Capabilities{ShareAnalyses: types.CapabilityStateDeny})
	wantEqual(t, "ShareAnalyses DENY", share(other, "analyses", "an-share", userARN(accountID, "reader1"), "viewer").Status, http.StatusForbidden)
	if p := other.get(t, "/analyses/an-share/share"); p.Status != 200 || strings.Contains(p.Body, `class="share-form"`) {
		t.Errorf("ShareAnalyses DENY: share page %d offers the form", p.Status)
	}
	// ShareDashboards DENY.
	denyCapabilities(t, ts, "owner1", "no-share-dashboards", &types.Capabilities{ShareDashboards: types.CapabilityStateDeny})
	wantEqual(t, "ShareDashboards DENY", share(owner, "dashboards", "db-share", userARN(accountID, "reader1"), "viewer").Status, http.StatusForbidden)
	if p := owner.get(t, "/dashboards/db-share/share"); p.Status != 200 || strings.Contains(p.Body, `class="share-form"`) {
		t.Errorf("ShareDashboards DENY: share page %d offers the form", p.Status)
	}
	// Posts need the console's header.
	wantEqual(t, "share without the header", owner.post(t, "/analyses/an-share/share", url.Values{"principal": {userARN(accountID, "reader1")}, "level": {"viewer"}}, false).Status, http.StatusForbidden)
}

// exportGet downloads an export with the session header.
func exportGet(t testing.TB, u *consoleUser, path string) *page {
	t.Helper()
	return u.get(t, path)
}

// TestExportVisual exports a visual's data to CSV and Excel from a
// dashboard and an analysis: the rows are an independent SQL query's,
// with the sheet's filter applied; ExportToCsv / ExportToExcel DENY and a
// dashboard published with CSV export off are refused on the route.
func TestExportVisual(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(500))
	db := sampleDB(t, ts)
	owner := signIn(t, ts, "exporter", types.UserRoleAuthor)
	createContent(t, ts, "exporter", "an-export", "db-export", regionRevenueDefinition(t), "")
	createContent(t, ts, "exporter", "an-export2", "db-noexport", regionRevenueDefinition(t), `{"ExportToCSVOption":{"AvailabilityStatus":"DISABLED"}}`)

	want := map[string]float64{}
	rows, err := db.QueryContext(t.Context(), "SELECT region, sum(revenue) FROM orders WHERE region IN ('Europe', 'Asia Pacific') GROUP BY region")
	must(t, err)
	for rows.Next() {
		var r string
		var s float64
		must(t, rows.Scan(&r, &s))
		want[r] = s
	}
	must(t, rows.Err())
	if len(want) != 2 {
		t.Fatalf("the sample has regions %v", want)
	}
	check := func(what string, records [][]string) {
		t.Helper()
		if len(records) != len(want)+1 {
			t.Fatalf("%s: %d records, want header + %d:\n%v", what, len(records), len(want), records)
		}
		wantEqual(t, what+" header", records[0], []string{"region", "sum of revenue"})
		for _, rec := range records[1:] {
			f, err := strconv.ParseFloat(rec[1], 64)
			if err != nil || !near(f, want[rec[0]]) {
				t.Errorf("%s: %s = %s, SQL %v", what, rec[0], rec[1], want[rec[0]])
			}
		}
	}
	for _, kind := range []string{"dashboards/db-export", "analyses/an-export"} {
		p := exportGet(t, owner, "/"+kind+"/sheets/"+authoring.FirstSheetID+"/visuals/visual-1/export?format=csv")
		if p.Status != 200 || !strings.HasPrefix(p.Header.Get("Content-Type"), "text/csv") || !strings.Contains(p.Header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("%s csv: %d %v\n%.1000s", kind, p.Status, p.Header, p.Body)
		}
		records, err := csv.NewReader(strings.NewReader(p.Body)).ReadAll()
		must(t, err)
		check(kind+" csv", records)

		p = exportGet(t, owner, "/"+kind+"/sheets/"+authoring.FirstSheetID+"/visuals/visual-1/export?format=xlsx")
		wantEqual(t, kind+" xlsx status", p.Status, 200)
		f, err := excelize.OpenReader(bytes.NewReader([]byte(p.Body)))
		must(t, err)
		xrows, err := f.GetRows("Sheet1")
		must(t, err)
		f.Close()
		check(kind+" xlsx", xrows)
	}
	// The page offers both formats.
	if p := owner.get(t, "/dashboards/db-export"); !strings.Contains(p.Body, `data-export="csv xlsx"`) || !strings.Contains(p.Body, `class="print-sheet"`) {
		t.Errorf("the dashboard page does not offer exports and print")
	}
	// Refusals: bad format, no such visual, export turned off by the publisher.
	wantEqual(t, "bad format", exportGet(t, owner, "/dashboards/db-export/sheets/"+authoring.FirstSheetID+"/visuals/visual-1/export?format=pdf").Status, http.StatusBadRequest)
	wantEqual(t, "no such visual", exportGet(t, owner, "/dashboards/db-export/sheets/"+authoring.FirstSheetID+"/visuals/nope/export?format=csv").Status, http.StatusNotFound)
	wantEqual(t, "export off", exportGet(t, owner, "/dashboards/db-noexport/sheets/"+authoring.FirstSheetID+"/visuals/visual-1/export?format=csv").Status, http.StatusForbidden)
	if p := owner.get(t, "/dashboards/db-noexport"); !strings.Contains(p.Body, `data-export=""`) {
		t.Errorf("a dashboard with export off offers exports")
	}
	// Someone the dashboard is not shared with gets nothing.
	stranger := signIn(t, ts, "stranger", types.UserRoleAuthor)
	wantEqual(t, "not shared", exportGet(t, stranger, "/dashboards/db-export/sheets/"+authoring.FirstSheetID+"/visuals/visual-1/export?format=csv").Status, http.StatusForbidden)

	// ExportToCsv DENY: CSV refused, Excel allowed; then ExportToExcel and
	// PrintReports DENY too.
	denyCapabilities(t, ts, "exporter", "no-csv", &types.Capabilities{ExportToCsv: types.CapabilityStateDeny})
	wantEqual(t, "ExportToCsv DENY", exportGet(t, owner, "/dashboards/db-export/sheets/"+authoring.FirstSheetID+"/visuals/visual-1/export?format=csv").Status, http.StatusForbidden)
	wantEqual(t, "ExportToCsv DENY, Excel", exportGet(t, owner, "/dashboards/db-export/sheets/"+authoring.FirstSheetID+"/visuals/visual-1/export?format=xlsx").Status, 200)
	if p := owner.get(t, "/dashboards/db-export"); !strings.Contains(p.Body, `data-export="xlsx"`) {
		t.Errorf("ExportToCsv DENY: the page still offers CSV")
	}
	_, err = ts.adminClient().UpdateCustomPermissions(t.Context(), &quicksight.UpdateCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String("no-csv"),
		Capabilities: &types.Capabilities{ExportToCsv: types.CapabilityStateDeny, ExportToExcel: types.CapabilityStateDeny, PrintReports: types.CapabilityStateDeny}})
	must(t, err)
	time.Sleep(0) // the profile is read per request
	wantEqual(t, "ExportToExcel DENY", exportGet(t, owner, "/analyses/an-export/sheets/"+authoring.FirstSheetID+"/visuals/visual-1/export?format=xlsx").Status, http.StatusForbidden)
	if p := owner.get(t, "/analyses/an-export"); !strings.Contains(p.Body, `data-export=""`) || strings.Contains(p.Body, `class="print-sheet"`) || !strings.Contains(p.Body, `data-print="false"`) {
		t.Errorf("ExportToExcel/PrintReports DENY: the page still offers exports or print")
	}
}

// TestDeleteRestoreAnalysis deletes an analysis from the console, finds it
// among the deleted ones, restores it within its recovery window, and
// can't once the window has ended.
func TestDeleteRestoreAnalysis(t *testing.T) {
	t.Parallel()
	clk := newClock()
	deleteRestoreAnalysis(t, startServer(t, withSampleRows(100), withClock(clk)), clk)
}

// TestSharingPostgres runs the delete/restore and start page flows on
// PostgreSQL when SIGHTGLASS_TEST_POSTGRES names a server.
func TestSharingPostgres(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	clk := newClock()
	deleteRestoreAnalysis(t, startServer(t, withSampleRows(100), withClock(clk), withPostgres(freshDatabase(t, dsn))), clk)
	startPageFinder(t, startServer(t, withSampleRows(100), withPostgres(freshDatabase(t, dsn))))
}

func deleteRestoreAnalysis(t *testing.T, ts *testServer, clk *clock) {
	owner := signIn(t, ts, "deleter", types.UserRoleAuthor)
	reader := signIn(t, ts, "reader2", types.UserRoleReader)
	viewer := signIn(t, ts, "viewer2", types.UserRoleAuthor)
	createContent(t, ts, "deleter", "an-del", "", regionRevenueDefinition(t), "")
	_, err := ts.adminClient().UpdateAnalysisPermissions(t.Context(), &quicksight.UpdateAnalysisPermissionsInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("an-del"),
		GrantPermissions: []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "viewer2")), Actions: app.AnalysisViewerActions()}}})
	must(t, err)

	if p := owner.get(t, "/analyses/an-del/share"); !strings.Contains(p.Body, `class="delete-analysis"`) {
		t.Errorf("the owner is not offered delete")
	}
	if p := viewer.get(t, "/analyses/an-del/share"); strings.Contains(p.Body, `class="delete-analysis"`) {
		t.Errorf("a viewer is offered delete")
	}
	wantEqual(t, "reader deletes", reader.post(t, "/analyses/an-del/delete", nil, true).Status, http.StatusForbidden)
	wantEqual(t, "viewer deletes", viewer.post(t, "/analyses/an-del/delete", nil, true).Status, http.StatusForbidden)
	p := owner.post(t, "/analyses/an-del/delete", nil, true)
	if p.Status != 200 || !strings.Contains(p.Body, `data-analysis-id="an-del"`) {
		t.Fatalf("delete: %d\n%.2000s", p.Status, p.Body)
	}
	out, err := ts.adminClient().DescribeAnalysis(t.Context(), &quicksight.DescribeAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("an-del")})
	must(t, err)
	wantEqual(t, "status after delete", out.Analysis.Status, types.ResourceStatusDeleted)
	wantEqual(t, "deleted analysis page", owner.get(t, "/analyses/an-del").Status, http.StatusNotFound)
	if p := owner.get(t, "/start/analyses"); strings.Contains(p.Body, "an-del") {
		t.Errorf("the deleted analysis is still listed")
	}
	if p := owner.get(t, "/start/analyses"); !strings.Contains(p.Body, `href="/embedding/`+owner.sid+`/start/analyses/deleted"`) {
		t.Errorf("the analyses tab does not link to the deleted analyses")
	}
	if p := owner.get(t, "/start/analyses/deleted"); p.Status != 200 || !strings.Contains(p.Body, `data-analysis-id="an-del"`) {
		t.Errorf("deleted list: %d", p.Status)
	}
	if p := viewer.get(t, "/start/analyses/deleted"); strings.Contains(p.Body, `data-analysis-id="an-del"`) {
		t.Errorf("a viewer may restore")
	}
	wantEqual(t, "viewer restores", viewer.post(t, "/analyses/an-del/restore", nil, true).Status, http.StatusForbidden)

	// Within the window: restored.
	clk.Advance(10 * time.Minute)
	wantEqual(t, "restore", owner.post(t, "/analyses/an-del/restore", nil, true).Status, 200)
	wantEqual(t, "restored analysis page", owner.get(t, "/analyses/an-del").Status, 200)
	wantEqual(t, "restore again", owner.post(t, "/analyses/an-del/restore", nil, true).Status, http.StatusNotFound)

	// After the window the purge removes it: nothing to restore.
	wantEqual(t, "delete again", owner.post(t, "/analyses/an-del/delete", nil, true).Status, 200)
	before := clk.Now()
	clk.Advance(30*24*time.Hour + time.Minute)
	_, _, err = ts.App.PurgeExpired(t.Context())
	clk.Set(before) // back, for the session and the SDK's signatures
	must(t, err)
	owner = signInAgain(t, ts, "deleter") // the purge ended the session too
	wantEqual(t, "restore after the window", owner.post(t, "/analyses/an-del/restore", nil, true).Status, http.StatusNotFound)
	if p := owner.get(t, "/start/analyses/deleted"); strings.Contains(p.Body, `data-analysis-id="an-del"`) {
		t.Errorf("a purged analysis is still listed as deleted")
	}
}

// signInAgain opens a new console session for an existing user.
func signInAgain(t testing.TB, ts *testServer, name string) *consoleUser {
	t.Helper()
	u := ts.mint(t, name, "")
	token, _ := ts.signOn(t, u, -1)
	return &consoleUser{ts: ts, sid: u.Sid, token: token}
}

// TestDashboardVersionsPage publishes a second version from the analysis,
// lists both versions and publishes the first again; viewers can't.
func TestDashboardVersionsPage(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(100))
	owner := signIn(t, ts, "publisher", types.UserRoleAuthor)
	reader := signIn(t, ts, "reader3", types.UserRoleReader)
	createContent(t, ts, "publisher", "an-ver", "db-ver", regionRevenueDefinition(t), "")
	_, err := ts.adminClient().UpdateDashboardPermissions(t.Context(), &quicksight.UpdateDashboardPermissionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("db-ver"),
		GrantPermissions: []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "reader3")), Actions: app.DashboardReaderActions()}}})
	must(t, err)
	// A second version, published.
	body := `{"Name":"Revenue v2","Definition":` + string(regionRevenueDefinition(t)) + `}`
	send(t, ts.signed(t, ts.Admin, "PUT", "/accounts/"+accountID+"/dashboards/db-ver", body)).wantOK(t, 200)
	waitVersion(t, ts.adminClient(), "db-ver", 2)
	_, err = ts.adminClient().UpdateDashboardPublishedVersion(t.Context(), &quicksight.UpdateDashboardPublishedVersionInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("db-ver"), VersionNumber: aws.Int64(2)})
	must(t, err)

	p := owner.get(t, "/dashboards/db-ver/versions")
	if p.Status != 200 || !strings.Contains(p.Body, `<tr data-version="2">`) || !strings.Contains(p.Body, `<tr data-version="1">`) || !strings.Contains(p.Body, `action="/embedding/`+owner.sid+`/dashboards/db-ver/versions/1/publish"`) {
		t.Fatalf("versions page: %d\n%.3000s", p.Status, p.Body)
	}
	if p := owner.get(t, "/dashboards/db-ver"); !strings.Contains(p.Body, `class="versions-link"`) {
		t.Errorf("the dashboard page has no Versions link")
	}
	// A reader lists versions (ListDashboardVersions) but can't publish.
	if p := reader.get(t, "/dashboards/db-ver/versions"); p.Status != 200 || strings.Contains(p.Body, `class="publish-version"`) {
		t.Errorf("reader's versions page: %d offers publishing", p.Status)
	}
	wantEqual(t, "reader publishes", reader.post(t, "/dashboards/db-ver/versions/1/publish", nil, true).Status, http.StatusForbidden)
	wantEqual(t, "publish version 1", owner.post(t, "/dashboards/db-ver/versions/1/publish", nil, true).Status, 200)
	out, err := ts.adminClient().DescribeDashboard(t.Context(), &quicksight.DescribeDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("db-ver")})
	must(t, err)
	wantEqual(t, "published version", aws.ToInt64(out.Dashboard.Version.VersionNumber), int64(1))
	wantEqual(t, "no such version", owner.post(t, "/dashboards/db-ver/versions/9/publish", nil, true).Status, http.StatusNotFound)

	// Publishing from the analysis editor over the dashboard adds version
	// 3, published at once, and the versions page lists it.
	admin := signInAgain(t, ts, "admin")
	edit := admin.get(t, "/analyses/an-ver/edit")
	p = admin.post(t, "/analyses/an-ver/publish", url.Values{"dashboardId": {"db-ver"}, "name": {"Revenue v3"}, "version": {editorVersion(t, edit)}, "sheetId": {authoring.FirstSheetID}}, true)
	if p.Status != 200 || !strings.Contains(p.Body, `data-dashboard-id="db-ver"`) {
		t.Fatalf("publish over the dashboard: %d\n%.2000s", p.Status, p.Body)
	}
	waitVersion(t, ts.adminClient(), "db-ver", 3)
	out, err = ts.adminClient().DescribeDashboard(t.Context(), &quicksight.DescribeDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("db-ver")})
	must(t, err)
	wantEqual(t, "published after replacing", aws.ToInt64(out.Dashboard.Version.VersionNumber), int64(3))
	if p := owner.get(t, "/dashboards/db-ver/versions"); !strings.Contains(p.Body, `<tr data-version="3">`) {
		t.Errorf("the versions page does not list version 3")
	}
	wantEqual(t, "bad version", owner.post(t, "/dashboards/db-ver/versions/x/publish", nil, true).Status, http.StatusNotFound)
}

// TestStartPageFinder: the start page finds dashboards, analyses and
// datasets by name, filters by type, sorts, lists what the user opened
// last with owners, says what to do next when empty, and an error page
// keeps the navigation back.
func TestStartPageFinder(t *testing.T) {
	t.Parallel()
	startPageFinder(t, startServer(t, withSampleRows(100)))
}

func startPageFinder(t *testing.T, ts *testServer) {
	author := signIn(t, ts, "finder1", types.UserRoleAuthor)
	reader := signIn(t, ts, "finder2", types.UserRoleReader)
	createContent(t, ts, "finder1", "an-alpha", "db-alpha", regionRevenueDefinition(t), "")
	body := `{"Name":"Zeta revenue","Definition":` + string(regionRevenueDefinition(t)) + `,"Permissions":[{"Principal":"` + userARN(accountID, "finder1") + `","Actions":` + jsonString(app.DashboardOwnerActions()) + `}]}`
	send(t, ts.signed(t, ts.Admin, "POST", "/accounts/"+accountID+"/dashboards/db-zeta", body)).wantOK(t, 202)
	waitVersion(t, ts.adminClient(), "db-zeta", 1)

	ids := func(p *page) []string {
		t.Helper()
		if p.Status != 200 {
			t.Fatalf("search: %d\n%.2000s", p.Status, p.Body)
		}
		var out []string
		for _, m := range reCard.FindAllStringSubmatch(p.Body, -1) {
			out = append(out, m[1]+":"+m[2])
		}
		return out
	}
	wantEqual(t, "search revenue", ids(author.get(t, "/start/search?q=REVENUE&sort=name")), []string{"dashboard:db-alpha", "analysis:an-alpha", "dashboard:db-zeta"})
	wantEqual(t, "search revenue, Z-A", ids(author.get(t, "/start/search?q=revenue&sort=-name")), []string{"dashboard:db-zeta", "analysis:an-alpha", "dashboard:db-alpha"})
	wantEqual(t, "dashboards only", ids(author.get(t, "/start/search?q=revenue&type=dashboard&sort=name")), []string{"dashboard:db-alpha", "dashboard:db-zeta"})
	wantEqual(t, "two words", ids(author.get(t, "/start/search?q=zeta+rev")), []string{"dashboard:db-zeta"})
	// Datasets: the admin finds the sample dataset.
	admin := signInAgain(t, ts, "admin")
	wantEqual(t, "datasets", ids(admin.get(t, "/start/search?q=sample&type=dataset")), []string{"dataset:" + app.SampleDataSetID})
	if p := author.get(t, "/start/search?q=nothing-like-this"); !strings.Contains(p.Body, "Nothing you can open matches") {
		t.Errorf("no empty state for a search that finds nothing")
	}
	wantEqual(t, "bad type", author.get(t, "/start/search?type=theme").Status, http.StatusBadRequest)
	// The reader finds nothing not shared, and no analyses.
	wantEqual(t, "reader's search", ids(reader.get(t, "/start/search?q=revenue")), []string(nil))
	if p := reader.get(t, "/start"); !strings.Contains(p.Body, "Ask an author to share one with you.") {
		t.Errorf("the reader's empty start page says nothing of what to do")
	}

	// Cards carry the owner; recently opened lists what was opened, latest first.
	if p := author.get(t, "/start/dashboards"); !strings.Contains(p.Body, `<span class="meta">finder1 · updated`) {
		t.Errorf("dashboard cards have no owner:\n%.3000s", p.Body)
	}
	author.get(t, "/dashboards/db-zeta")
	author.get(t, "/analyses/an-alpha")
	p := author.get(t, "/start")
	recent := regexp.MustCompile(`(?s)<section class="recent">.*?</section>`).FindString(p.Body)
	if !strings.Contains(recent, "/analyses/an-alpha") || !strings.Contains(recent, "/dashboards/db-zeta") || strings.Index(recent, "an-alpha") > strings.Index(recent, "db-zeta") {
		t.Errorf("recently opened: %q", recent)
	}
	// Deleted content leaves the list.
	_, err := ts.adminClient().DeleteDashboard(t.Context(), &quicksight.DeleteDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("db-zeta")})
	must(t, err)
	if p := author.get(t, "/start"); strings.Contains(p.Body, "/dashboards/db-zeta") {
		t.Errorf("a deleted dashboard is still recently opened")
	}
	// An error page keeps the navigation.
	p = author.get(t, "/dashboards/nope")
	if p.Status != http.StatusNotFound || !strings.Contains(p.Body, `href="/embedding/`+author.sid+`/start/dashboards"`) {
		t.Errorf("error page: %d without navigation:\n%.2000s", p.Status, p.Body)
	}
}

var reCard = regexp.MustCompile(`<li class="card" data-kind="(\w+)" data-id="([\w-]+)">`)
