package e2e

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/authoring"
)

// editorPost posts a console form the way the page's htmx does: the session
// token in the header.
func (ts *testServer) editorPost(t testing.TB, url string, token string, form url.Values) *page {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, url, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if token != "" {
		req.Header.Set("X-Sightglass-Session", token)
	}
	c := &http.Client{Transport: ts.httpClient.Transport, Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return &page{Status: resp.StatusCode, Header: resp.Header, Body: string(b)}
}

var reEditorVersion = regexp.MustCompile(`<div id="editor" class="editor" data-base="[^"]*" data-version="([0-9a-f]+)"`)

// editorVersion returns the definition version an editor page carries.
func editorVersion(t testing.TB, p *page) string {
	t.Helper()
	m := reEditorVersion.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("no editor in the page (status %d):\n%.2000s", p.Status, p.Body)
	}
	return m[1]
}

// storedDefinition returns an analysis's definition as
// DescribeAnalysisDefinition answers it, decoded.
func (ts *testServer) storedDefinition(t testing.TB, id string) any {
	t.Helper()
	r := send(t, ts.signed(t, ts.Admin, "GET", "/accounts/"+accountID+"/analyses/"+id+"/definition", ""))
	r.wantOK(t, 200)
	var out struct{ Definition any }
	must(t, json.Unmarshal(r.Body, &out))
	return out.Definition
}

func decodeJSON(t testing.TB, raw []byte) any {
	t.Helper()
	var v any
	must(t, json.Unmarshal(raw, &v))
	return v
}

// TestAnalysisEditor builds an analysis in the editor, as an author does,
// and checks every step against the API (DescribeAnalysisDefinition
// returns what the same edits give), the drawn bar chart against SQL, a
// stale save, undo and redo, and publishing.
func TestAnalysisEditor(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(2000))
	db := sampleDB(t, ts)
	u := ts.mint(t, "admin", "/start/analyses")
	token, _ := ts.signOn(t, u, -1)
	base := ts.URL + "/embedding/" + u.Sid

	p := ts.withToken(t, base+"/analyses/new", token)
	p.wantConsole(t, "ANALYSIS", token)
	if !strings.Contains(p.Body, `value="`+app.SampleDataSetID+`"`) {
		t.Fatalf("the dataset picker does not offer the sample dataset:\n%s", p.Body)
	}
	p = ts.editorPost(t, base+"/analyses", token, url.Values{"name": {"Revenue by region"}, "dataSetId": {app.SampleDataSetID}})
	if p.Status != http.StatusCreated {
		t.Fatalf("create: %d %s", p.Status, p.Body)
	}
	loc := p.Header.Get("Location")
	var hxLoc struct{ Path, Target, Select, Swap string }
	must(t, json.Unmarshal([]byte(p.Header.Get("HX-Location")), &hxLoc))
	wantEqual(t, "HX-Location", hxLoc, struct{ Path, Target, Select, Swap string }{loc, "#main", "#main", "outerHTML"})
	m := regexp.MustCompile(`^/embedding/` + u.Sid + `/analyses/([0-9a-f-]{36})/edit$`).FindStringSubmatch(loc)
	if m == nil {
		t.Fatalf("Location %q", loc)
	}
	id := m[1]

	// The same edits, made directly, give the definition the API must return.
	want, err := authoring.NewAnalysis("Sample sales", dataSetARN(app.SampleDataSetID))
	must(t, err)
	wantEqual(t, "new analysis", ts.storedDefinition(t, id), decodeJSON(t, want))
	an, err := ts.adminClient().DescribeAnalysis(t.Context(), &quicksight.DescribeAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id)})
	must(t, err)
	wantEqual(t, "status", an.Analysis.Status, types.ResourceStatusCreationSuccessful)

	p = ts.withToken(t, ts.URL+loc, token)
	p.wantConsole(t, "ANALYSIS", token)
	edit := base + "/analyses/" + id + "/edit"
	act := func(form url.Values, status int) *page {
		t.Helper()
		form.Set("version", editorVersion(t, p))
		form.Set("sheetId", authoring.FirstSheetID)
		np := ts.editorPost(t, edit, token, form)
		if np.Status != status {
			t.Fatalf("%s: %d, want %d:\n%.3000s", form.Get("op"), np.Status, status, np.Body)
		}
		p = np
		return np
	}
	act(url.Values{"op": {"add-visual"}, "kind": {"BarChartVisual"}}, 200)
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Category"}, "dataset": {"Sample sales"}, "column": {"region"}}, 200)
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Values"}, "dataset": {"Sample sales"}, "column": {"revenue"}, "index": {"0"}}, 200)
	want, _, err = authoring.AddVisual(want, authoring.FirstSheetID, "BarChartVisual")
	must(t, err)
	want, _, err = authoring.AddField(want, "visual-1", "Category", authoring.Column{DataSetIdentifier: "Sample sales", Name: "region", Type: "STRING"}, -1)
	must(t, err)
	want, _, err = authoring.AddField(want, "visual-1", "Values", authoring.Column{DataSetIdentifier: "Sample sales", Name: "revenue", Type: "DECIMAL"}, 0)
	must(t, err)
	wantEqual(t, "bar chart definition", ts.storedDefinition(t, id), decodeJSON(t, want))

	// The drawn bars are SQL's sums per region.
	o := chart(t, p.Body, "visual-1")
	sums := map[string]float64{}
	rows, err := db.QueryContext(t.Context(), "SELECT region, sum(revenue) FROM orders GROUP BY region")
	must(t, err)
	for rows.Next() {
		var r string
		var s float64
		must(t, rows.Scan(&r, &s))
		sums[r] = s
	}
	must(t, rows.Err())
	cats := categoryAxis(t, o)
	if len(cats) != len(sums) {
		t.Fatalf("bars %v, SQL regions %v", cats, sums)
	}
	for i, raw := range o.Series[0].Data {
		f, _ := strconv.ParseFloat(string(raw), 64)
		if !near(f, sums[cats[i]]) {
			t.Errorf("bar %s = %v, SQL %v", cats[i], f, sums[cats[i]])
		}
	}

	// A stale version is refused, and nothing changes.
	before := ts.storedDefinition(t, id)
	stale := ts.editorPost(t, edit, token, url.Values{"op": {"delete-visual"}, "visual": {"visual-1"}, "version": {"00000000000000000000000000000000"}})
	if stale.Status != http.StatusConflict || !strings.Contains(stale.Body, "changed by someone else since you opened it") {
		t.Fatalf("stale save: %d\n%.2000s", stale.Status, stale.Body)
	}
	wantEqual(t, "after a stale save", ts.storedDefinition(t, id), before)

	// A bad edit is refused with its reason.
	act(url.Values{"op": {"aggregation"}, "field": {"visual-1.revenue-1"}, "value": {"BOGUS"}}, 400)
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Values"}, "dataset": {"Sample sales"}, "column": {"no_such"}}, 400)

	// Aggregation, then undo and redo.
	act(url.Values{"op": {"aggregation"}, "field": {"visual-1.revenue-1"}, "value": {"AVERAGE"}}, 200)
	if !strings.Contains(p.Body, "average(revenue)") {
		t.Error("the well does not show the new aggregation")
	}
	afterAvg := ts.storedDefinition(t, id)
	act(url.Values{"op": {"undo"}}, 200)
	wantEqual(t, "after undo", ts.storedDefinition(t, id), before)
	act(url.Values{"op": {"redo"}}, 200)
	wantEqual(t, "after redo", ts.storedDefinition(t, id), afterAvg)

	// A category filter on the visual: the bars are those regions' averages.
	act(url.Values{"op": {"add-filter"}, "visual": {"visual-1"}, "field": {"c=region&d=Sample+sales"}, "values": {"Europe, Asia Pacific"}, "scope": {"visual"}}, 200)
	if !strings.Contains(p.Body, "region is one of Europe, Asia Pacific") {
		t.Errorf("the filters pane does not list the filter")
	}
	o = chart(t, p.Body, "visual-1")
	wantEqual(t, "filtered regions", len(categoryAxis(t, o)), 2)
	for i, raw := range o.Series[0].Data {
		f, _ := strconv.ParseFloat(string(raw), 64)
		cat := categoryAxis(t, o)[i]
		if cat != "Europe" && cat != "Asia Pacific" || !near(f, sqlFloat(t, db, "SELECT avg(revenue) FROM orders WHERE region = ?", cat)) {
			t.Errorf("filtered bar %s = %v", cat, f)
		}
	}
	// A numeric range filter that keeps no row, then both removed.
	act(url.Values{"op": {"add-filter"}, "field": {"c=revenue&d=Sample+sales"}, "min": {"-2"}, "max": {"-1"}}, 200)
	act(url.Values{"op": {"add-filter"}, "field": {"c=revenue&d=Sample+sales"}, "min": {"x"}}, 400)
	def := ts.storedDefinition(t, id).(map[string]any)
	groups := def["FilterGroups"].([]any)
	wantEqual(t, "filter groups", len(groups), 2)
	for _, g := range groups {
		act(url.Values{"op": {"remove-filter"}, "group": {g.(map[string]any)["FilterGroupId"].(string)}}, 200)
	}
	wantEqual(t, "after removing the filters", ts.storedDefinition(t, id), afterAvg)

	// Publish a new dashboard; the dashboard's definition is the analysis's.
	p = ts.editorPost(t, base+"/analyses/"+id+"/publish", token, url.Values{"name": {"Revenue"}, "version": {editorVersion(t, p)}})
	if p.Status != 200 {
		t.Fatalf("publish: %d %s", p.Status, p.Body)
	}
	dm := regexp.MustCompile(`data-dashboard-id="([0-9a-f-]{36})"`).FindStringSubmatch(p.Body)
	if dm == nil {
		t.Fatalf("no published dashboard in:\n%.2000s", p.Body)
	}
	r := send(t, ts.signed(t, ts.Admin, "GET", "/accounts/"+accountID+"/dashboards/"+dm[1]+"/definition", ""))
	r.wantOK(t, 200)
	var dash struct{ Definition any }
	must(t, json.Unmarshal(r.Body, &dash))
	wantEqual(t, "dashboard definition", dash.Definition, afterAvg)
}

// TestAnalysisEditorRefusals: readers never reach the editor, authors may
// not edit what is only shared with them to view, and posts need the
// session header.
func TestAnalysisEditorRefusals(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(200))
	admin := ts.adminClient()
	for name, role := range map[string]types.UserRole{"rita": types.UserRoleReader, "alan": types.UserRoleAuthor} {
		ts.newIAMUser(t, accountID, name, "")
		registerIAMUser(t, admin, name, role)
	}
	now := ts.now()
	must(t, ts.Store.CreateAnalysis(t.Context(), &sg.Analysis{AccountID: accountID, ID: "viewonly", Name: "View only", Status: sg.StatusCreationSuccessful,
		Definition: salesDefinitionJSON(t), Permissions: permissions([]string{"alan"}, "quicksight:DescribeAnalysis", "quicksight:QueryAnalysis"), CreatedAt: now, UpdatedAt: now}))

	u := ts.mint(t, "rita", "/start")
	token, _ := ts.signOn(t, u, -1)
	base := ts.URL + "/embedding/" + u.Sid
	ts.withToken(t, base+"/analyses/new", token).wantErrorPage(t, 403, "Forbidden")
	ts.withToken(t, base+"/analyses/"+app.SampleAnalysisID+"/edit", token).wantErrorPage(t, 403, "Forbidden")
	if p := ts.editorPost(t, base+"/analyses", token, url.Values{"name": {"x"}, "dataSetId": {app.SampleDataSetID}}); p.Status != 403 {
		t.Errorf("reader creates: %d", p.Status)
	}

	u = ts.mint(t, "alan", "/start")
	token, _ = ts.signOn(t, u, -1)
	base = ts.URL + "/embedding/" + u.Sid
	p := ts.editorPost(t, base+"/analyses/viewonly/edit", token, url.Values{"op": {"add-visual"}, "kind": {"BarChartVisual"}, "sheetId": {"sheet-1"}})
	if p.Status != 403 || !strings.Contains(p.Body, "not edit it") {
		t.Errorf("viewer edits: %d %s", p.Status, p.Body)
	}
	if p := ts.editorPost(t, base+"/analyses/viewonly/edit", "", url.Values{"op": {"add-visual"}}); p.Status != 403 {
		t.Errorf("post without the session header: %d", p.Status)
	}
	// An analysis whose definition can't be read opens as a clear 409 page.
	ts.createAnalysis(t, "unreadable", "Unreadable", "alan")
	ts.withToken(t, base+"/analyses/unreadable/edit", token).wantErrorPage(t, 409, "Conflict")

	// A custom permissions profile that denies Analysis keeps an author out
	// of the editor, in the page and on the server.
	ctx := t.Context()
	_, err := admin.CreateCustomPermissions(ctx, &quicksight.CreateCustomPermissionsInput{
		AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String("no-analysis"),
		Capabilities: &types.Capabilities{Analysis: types.CapabilityStateDeny},
	})
	must(t, err)
	ts.newIAMUser(t, accountID, "dora", "")
	registerIAMUser(t, admin, "dora", types.UserRoleAuthor)
	_, err = admin.UpdateUserCustomPermission(ctx, &quicksight.UpdateUserCustomPermissionInput{
		AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("dora"), CustomPermissionsName: aws.String("no-analysis"),
	})
	must(t, err)
	ts.createAnalysis(t, "doras", "Dora's", "dora")
	u = ts.mint(t, "dora", "/start")
	token, _ = ts.signOn(t, u, -1)
	base = ts.URL + "/embedding/" + u.Sid
	ts.withToken(t, base+"/analyses/new", token).wantErrorPage(t, 403, "Forbidden")
	ts.withToken(t, base+"/analyses/doras/edit", token).wantErrorPage(t, 403, "Forbidden")
	if p := ts.editorPost(t, base+"/analyses", token, url.Values{"name": {"x"}, "dataSetId": {app.SampleDataSetID}}); p.Status != 403 || !strings.Contains(p.Body, "custom permissions") {
		t.Errorf("create under a profile denying Analysis: %d %s", p.Status, p.Body)
	}
	if p := ts.editorPost(t, base+"/analyses/doras/edit", token, url.Values{"op": {"add-visual"}, "kind": {"BarChartVisual"}, "sheetId": {"sheet-1"}}); p.Status != 403 {
		t.Errorf("edit under a profile denying Analysis: %d %s", p.Status, p.Body)
	}
}
