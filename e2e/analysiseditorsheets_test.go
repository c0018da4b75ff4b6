package e2e

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/authoring"
)

// editorSession opens the editor of a new analysis over the sample
// dataset as admin, and returns an act function that posts one editor
// action (checking its status), a reload function that opens the editor
// page again, and the analysis id.
func editorSession(t *testing.T, ts *testServer) (act func(form url.Values, status int) *page, reload func(), id string) {
	t.Helper()
	u := ts.mint(t, "admin", "/start/analyses")
	token, _ := ts.signOn(t, u, -1)
	base := ts.URL + "/embedding/" + u.Sid
	p := ts.editorPost(t, base+"/analyses", token, url.Values{"name": {"Sheets"}, "dataSetId": {app.SampleDataSetID}})
	if p.Status != http.StatusCreated {
		t.Fatalf("create: %d %s", p.Status, p.Body)
	}
	loc := p.Header.Get("Location")
	id = loc[strings.LastIndex(loc[:len(loc)-len("/edit")], "/")+1 : len(loc)-len("/edit")]
	p = ts.withToken(t, ts.URL+loc, token)
	edit := base + "/analyses/" + id + "/edit"
	act = func(form url.Values, status int) *page {
		t.Helper()
		form.Set("version", editorVersion(t, p))
		if !form.Has("sheetId") {
			form.Set("sheetId", reEditorSheet.FindStringSubmatch(p.Body)[1])
		}
		np := ts.editorPost(t, edit, token, form)
		if np.Status != status {
			t.Fatalf("%s: %d, want %d:\n%.3000s", form.Get("op"), np.Status, status, np.Body)
		}
		if status == 200 {
			p = np
		}
		return np
	}
	reload = func() { p = ts.withToken(t, ts.URL+loc, token) }
	return act, reload, id
}

var reEditorSheet = regexp.MustCompile(`data-sheet-id="([^"]*)" data-selected=`)

// describedDefinition returns an analysis's definition through the SDK's
// DescribeAnalysisDefinition (its shapes deserialize the answer) and as
// JSON, after checking the JSON against QuickSight's model.
func (ts *testServer) describedDefinition(t *testing.T, id string) any {
	t.Helper()
	_, err := ts.adminClient().DescribeAnalysisDefinition(t.Context(), &quicksight.DescribeAnalysisDefinitionInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id)})
	must(t, err)
	def := ts.storedDefinition(t, id)
	raw, err := json.Marshal(def)
	must(t, err)
	must(t, authoring.Validate(raw))
	return def
}

// TestAnalysisEditorSheets: sheets, layout, format and actions made in
// the editor are what DescribeAnalysisDefinition returns (the same edits
// applied directly), valid against the model; the version history keeps
// every save and returns to one as a new save; undo and redo come from
// the store.
func TestAnalysisEditorSheets(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(500))
	act, reload, id := editorSession(t, ts)
	want, err := authoring.NewAnalysis("Sample sales", dataSetARN(app.SampleDataSetID))
	must(t, err)
	step := func(what string) func(out []byte, err error) {
		return func(out []byte, err error) {
			t.Helper()
			must(t, err)
			want = out
			wantEqual(t, what, ts.describedDefinition(t, id), decodeJSON(t, want))
		}
	}
	step2 := func(what string) func(out []byte, _ string, err error) {
		return func(out []byte, _ string, err error) { t.Helper(); step(what)(out, err) }
	}
	region := authoring.Column{DataSetIdentifier: "Sample sales", Name: "region", Type: "STRING"}
	revenue := authoring.Column{DataSetIdentifier: "Sample sales", Name: "revenue", Type: "DECIMAL"}

	act(url.Values{"op": {"add-visual"}, "kind": {"BarChartVisual"}}, 200)
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Category"}, "dataset": {"Sample sales"}, "column": {"region"}}, 200)
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Values"}, "dataset": {"Sample sales"}, "column": {"revenue"}}, 200)
	act(url.Values{"op": {"add-visual"}, "kind": {"TableVisual"}}, 200)
	want, _, _ = authoring.AddVisual(want, authoring.FirstSheetID, "BarChartVisual")
	want, _, _ = authoring.AddField(want, "visual-1", "Category", region, -1)
	want, _, _ = authoring.AddField(want, "visual-1", "Values", revenue, -1)
	step2("table added")(authoring.AddVisual(want, authoring.FirstSheetID, "TableVisual"))

	// Sheets: add (the editor moves to it), rename, move first, and back.
	p := act(url.Values{"op": {"add-sheet"}}, 200)
	if !strings.Contains(p.Body, `data-sheet-id="sheet-2" data-selected=`) {
		t.Fatalf("the editor did not move to the new sheet:\n%.2000s", p.Body)
	}
	step2("sheet added")(authoring.AddSheet(want, ""))
	act(url.Values{"op": {"rename-sheet"}, "sheetId": {"sheet-2"}, "name": {"Detail"}}, 200)
	step("sheet renamed")(authoring.RenameSheet(want, "sheet-2", "Detail"))
	act(url.Values{"op": {"move-sheet"}, "sheetId": {"sheet-2"}, "index": {"0"}}, 200)
	step("sheet moved")(authoring.MoveSheet(want, "sheet-2", 0))
	act(url.Values{"op": {"move-sheet"}, "sheetId": {"sheet-2"}, "index": {"x"}}, 400)
	act(url.Values{"op": {"move-sheet"}, "sheetId": {"sheet-2"}, "index": {"1"}}, 200)
	step("sheet moved back")(authoring.MoveSheet(want, "sheet-2", 1))
	act(url.Values{"op": {"rename-sheet"}, "sheetId": {"sheet-2"}, "name": {" "}}, 400)

	// Layout and format of the bar chart.
	on1 := url.Values{"sheetId": {authoring.FirstSheetID}, "visual": {"visual-1"}}
	with := func(v url.Values) url.Values {
		for k, vs := range on1 {
			v[k] = vs
		}
		return v
	}
	act(with(url.Values{"op": {"tile"}, "column": {"18"}, "row": {"0"}, "columnSpan": {"18"}, "rowSpan": {"10"}}), 200)
	step("tile")(authoring.SetTile(want, "visual-1", authoring.Tile{Column: 18, Row: 0, ColumnSpan: 18, RowSpan: 10}))
	act(with(url.Values{"op": {"tile"}, "column": {"30"}, "row": {"0"}, "columnSpan": {"18"}, "rowSpan": {"10"}}), 400)
	act(with(url.Values{"op": {"title"}, "value": {"Revenue by region"}}), 200)
	step("title")(authoring.SetTitle(want, "visual-1", false, "Revenue by region"))
	p = act(with(url.Values{"op": {"subtitle"}, "value": {"All orders"}}), 200)
	step("subtitle")(authoring.SetTitle(want, "visual-1", true, "All orders"))
	if !strings.Contains(tile(t, p.Body, "visual-1"), `<p class="tile-subtitle">All orders</p>`) {
		t.Errorf("the viewer does not draw the subtitle:\n%s", tile(t, p.Body, "visual-1"))
	}
	for _, f := range [][2]string{{"legend", "HIDDEN"}, {"data-labels", "VISIBLE"}, {"color", "#336699"}, {"category-label", "Region"}, {"value-label", "Revenue"}} {
		p = act(with(url.Values{"op": {"format"}, "option": {f[0]}, "value": {f[1]}}), 200)
		step("format " + f[0])(authoring.SetFormat(want, "visual-1", f[0], f[1]))
	}
	// The viewer draws them: no legend, labels shown, the color, the axis titles.
	o := rawChart(t, p.Body, "visual-1")
	if _, ok := o["legend"]; ok {
		t.Errorf("a hidden legend is drawn")
	}
	wantEqual(t, "color", o["color"], []any{"#336699"})
	wantEqual(t, "category axis title", o["xAxis"].(map[string]any)["name"], "Region")
	wantEqual(t, "value axis title", o["yAxis"].(map[string]any)["name"], "Revenue")
	wantEqual(t, "data labels", o["series"].([]any)[0].(map[string]any)["label"].(map[string]any)["show"], true)
	act(with(url.Values{"op": {"format"}, "option": {"color"}, "value": {"blue"}}), 400)
	act(url.Values{"op": {"format"}, "sheetId": {authoring.FirstSheetID}, "visual": {"visual-2"}, "option": {"legend"}, "value": {"HIDDEN"}}, 400)

	// Actions: the bar filters the table; a navigation opens Detail.
	act(with(url.Values{"op": {"add-filter-action"}, "fields": {"visual-1.region-1"}, "targets": {"visual-2"}}), 200)
	step2("filter action")(authoring.AddFilterAction(want, "visual-1", authoring.FilterAction{Fields: []string{"visual-1.region-1"}, TargetVisuals: []string{"visual-2"}}))
	p = act(with(url.Values{"op": {"add-navigation-action"}, "name": {"Open detail"}, "targetSheetId": {"sheet-2"}}), 200)
	step2("navigation action")(authoring.AddNavigationAction(want, "visual-1", "Open detail", "sheet-2"))
	if !strings.Contains(p.Body, `data-action-id="visual-1-action-2"`) {
		t.Errorf("the actions panel does not list the navigation action")
	}
	act(with(url.Values{"op": {"add-navigation-action"}, "targetSheetId": {authoring.FirstSheetID}}), 400)
	act(with(url.Values{"op": {"add-filter-action"}, "targets": {"visual-1"}}), 400)

	// Undo and redo, from the store.
	withActions := ts.describedDefinition(t, id)
	act(with(url.Values{"op": {"remove-action"}, "action": {"visual-1-action-1"}}), 200)
	act(with(url.Values{"op": {"undo"}}), 200)
	wantEqual(t, "after undo", ts.describedDefinition(t, id), withActions)
	act(with(url.Values{"op": {"redo"}}), 200)
	act(with(url.Values{"op": {"undo"}}), 200)
	wantEqual(t, "after undo, redo, undo", ts.describedDefinition(t, id), withActions)
	act(with(url.Values{"op": {"redo"}}), 200)
	act(with(url.Values{"op": {"redo"}}), 409)
	step("action removed")(authoring.RemoveAction(want, "visual-1", "visual-1-action-1"))

	// The version history: every save, newest first, who and what.
	p = act(with(url.Values{"op": {"title"}, "value": {"Revenue by region"}}), 200)
	versions := versionsIn(p.Body)
	// "Before editing" and one per successful action above (24).
	if len(versions) != 25 || versions[1].Summary != "Redid a change" || versions[0].Summary != "Changed a title" || versions[len(versions)-1].Summary != "Before editing" || versions[0].Author != "admin" {
		var got []string
		for _, v := range versions {
			got = append(got, strconv.FormatInt(v.Number, 10)+" "+v.Summary+" by "+v.Author)
		}
		t.Fatalf("versions:\n%s", strings.Join(got, "\n"))
	}
	// Return to the version with only the table added: a new save, the
	// history kept.
	var tableAdded int64
	for _, v := range versions {
		if v.Summary == "Added a visual" {
			tableAdded = v.Number // the newest "Added a visual": the table
			break
		}
	}
	p = act(url.Values{"op": {"restore-version"}, "number": {strconv.FormatInt(tableAdded, 10)}}, 200)
	if want, err = authoring.NewAnalysis("Sample sales", dataSetARN(app.SampleDataSetID)); err != nil {
		t.Fatal(err)
	}
	want, _, _ = authoring.AddVisual(want, authoring.FirstSheetID, "BarChartVisual")
	want, _, _ = authoring.AddField(want, "visual-1", "Category", region, -1)
	want, _, _ = authoring.AddField(want, "visual-1", "Values", revenue, -1)
	want, _, _ = authoring.AddVisual(want, authoring.FirstSheetID, "TableVisual")
	wantEqual(t, "restored", ts.describedDefinition(t, id), decodeJSON(t, want))
	after := versionsIn(p.Body)
	if len(after) != len(versions)+1 || after[0].Summary != "Restored version "+strconv.FormatInt(tableAdded, 10) {
		t.Fatalf("after restore: %d versions, newest %q", len(after), after[0].Summary)
	}
	act(url.Values{"op": {"restore-version"}, "number": {"999"}}, 400)
	// The restore can be undone like any change.
	act(url.Values{"op": {"undo"}}, 200)
	step("restore undone")(authoring.RemoveAction(withActionsJSON(t, withActions), "visual-1", "visual-1-action-1"))

	// A change through the API is kept before the next editor save, so the
	// author can return to it.
	var viaAPI types.AnalysisDefinition
	decodeStrict(t, withActionsJSON(t, ts.storedDefinition(t, id)), &viaAPI)
	viaAPI.Sheets[0].Name = aws.String("Renamed by the API")
	_, err = ts.adminClient().UpdateAnalysis(t.Context(), &quicksight.UpdateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id), Name: aws.String("Sheets"), Definition: &viaAPI})
	must(t, err)
	waitAnalysis(t, ts.adminClient(), id)
	reload()
	want = withActionsJSON(t, ts.storedDefinition(t, id))

	// Deleting a sheet takes the navigation to it; the last can't go.
	p = act(url.Values{"op": {"delete-sheet"}, "sheetId": {"sheet-2"}}, 200)
	step("sheet deleted")(authoring.DeleteSheet(want, "sheet-2"))
	act(url.Values{"op": {"delete-sheet"}, "sheetId": {authoring.FirstSheetID}}, 400)
	shown := versionsIn(p.Body)
	if len(shown) < 2 || shown[0].Summary != "Deleted a sheet" || shown[1].Summary != "Changed outside the editor" {
		t.Fatalf("versions after a change through the API: %+v", shown[:min(3, len(shown))])
	}
}

func withActionsJSON(t *testing.T, def any) []byte {
	t.Helper()
	b, err := json.Marshal(def)
	must(t, err)
	return b
}

// shownVersion is a version as the history panel lists it.
type shownVersion struct {
	Number          int64
	Summary, Author string
}

var reVersion = regexp.MustCompile(`<li class="version" data-version="(\d+)"><span class="version-number">v\d+</span> <span class="version-summary">([^<]*)</span> <span class="meta">by ([^,]*),`)

// versionsIn reads the history panel of an editor page, newest first.
func versionsIn(body string) []shownVersion {
	var out []shownVersion
	for _, m := range reVersion.FindAllStringSubmatch(body, -1) {
		n, _ := strconv.ParseInt(m[1], 10, 64)
		out = append(out, shownVersion{n, m[2], m[3]})
	}
	return out
}
