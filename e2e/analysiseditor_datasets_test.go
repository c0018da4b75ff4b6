package e2e

import (
	"database/sql"
	"encoding/json"
	"html"
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

// TestAnalysisEditorDataSets builds an analysis over two datasets in the
// editor: created from both, a visual on each drawn equal to SQL, a field
// of the other dataset refused on a visual, a third dataset added (its
// identifier made unique) and removed, a dataset in use refused with what
// uses it, and the definition round-tripped through the SDK.
func TestAnalysisEditorDataSets(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(2000))
	db := sampleDB(t, ts)
	qs := ts.adminClient()
	createDataSet(t, qs, &quicksight.CreateDataSetInput{DataSetId: aws.String("catqty"), Name: aws.String("Category quantities"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: customSQL(app.SampleDataSourceID, "SELECT category AS product_group, quantity AS units FROM orders", col("product_group", types.InputColumnDataTypeString), col("units", types.InputColumnDataTypeInteger))})
	createDataSet(t, qs, &quicksight.CreateDataSetInput{DataSetId: aws.String("segprofit"), Name: aws.String("Sample sales"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: customSQL(app.SampleDataSourceID, "SELECT segment, profit FROM orders", col("segment", types.InputColumnDataTypeString), col("profit", types.InputColumnDataTypeDecimal))})

	u := ts.mint(t, "admin", "/start/analyses")
	token, _ := ts.signOn(t, u, -1)
	base := ts.URL + "/embedding/" + u.Sid

	p := ts.withToken(t, base+"/analyses/new", token)
	p.wantConsole(t, "ANALYSIS", token)
	for _, id := range []string{app.SampleDataSetID, "catqty", "segprofit"} {
		if !strings.Contains(p.Body, `<input type="checkbox" name="dataSetId" value="`+id+`"`) {
			t.Fatalf("the picker has no checkbox for %s:\n%.3000s", id, p.Body)
		}
	}
	if np := ts.editorPost(t, base+"/analyses", token, url.Values{"name": {"None"}}); np.Status != http.StatusBadRequest || !strings.Contains(np.Body, "Choose at least one dataset.") {
		t.Fatalf("create without a dataset: %d %s", np.Status, np.Body)
	}
	p = ts.editorPost(t, base+"/analyses", token, url.Values{"name": {"Two datasets"}, "dataSetId": {app.SampleDataSetID, "catqty"}})
	if p.Status != http.StatusCreated {
		t.Fatalf("create: %d %s", p.Status, p.Body)
	}
	loc := p.Header.Get("Location")
	id := loc[strings.LastIndex(loc[:len(loc)-len("/edit")], "/")+1 : len(loc)-len("/edit")]
	const sales, cats = "Sample sales", "Category quantities"
	want, err := authoring.NewAnalysisOf([]authoring.DataSet{{Identifier: sales, ARN: dataSetARN(app.SampleDataSetID)}, {Identifier: cats, ARN: dataSetARN("catqty")}})
	must(t, err)
	wantEqual(t, "new analysis", ts.storedDefinition(t, id), decodeJSON(t, want))

	// The fields pane shows one dataset: the first, or the one chosen.
	edit := base + "/analyses/" + id + "/edit"
	p = ts.withToken(t, edit, token)
	wantFields(t, p.Body, sales, "revenue", "units")
	p = ts.withToken(t, edit+"?dataset="+url.QueryEscape(cats), token)
	wantFields(t, p.Body, cats, "units", "revenue")
	if !regexp.MustCompile(`<select name="dataSetIdentifier"><option value="Sample sales">Sample sales</option><option value="Category quantities" selected>`).MatchString(p.Body) {
		t.Error("the calculated field form does not default to the pane's dataset")
	}

	act := func(form url.Values, status int) *page {
		t.Helper()
		form.Set("version", editorVersion(t, p))
		form.Set("sheetId", authoring.FirstSheetID)
		if form.Get("fieldsDataSet") == "" {
			form.Set("fieldsDataSet", p.fieldsDataSet(t))
		}
		np := ts.editorPost(t, edit, token, form)
		if np.Status != status {
			t.Fatalf("%s: %d, want %d:\n%.3000s", form.Get("op"), np.Status, status, np.Body)
		}
		p = np
		return np
	}
	// A visual on each dataset.
	act(url.Values{"op": {"add-visual"}, "kind": {"BarChartVisual"}}, 200)
	wantEqual(t, "the pane after a new visual", p.fieldsDataSet(t), cats)
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Category"}, "dataset": {cats}, "column": {"product_group"}}, 200)
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Values"}, "dataset": {cats}, "column": {"units"}}, 200)
	act(url.Values{"op": {"add-visual"}, "kind": {"BarChartVisual"}, "fieldsDataSet": {sales}}, 200)
	act(url.Values{"op": {"add-field"}, "visual": {"visual-2"}, "well": {"Category"}, "dataset": {sales}, "column": {"region"}}, 200)
	act(url.Values{"op": {"add-field"}, "visual": {"visual-2"}, "well": {"Values"}, "dataset": {sales}, "column": {"revenue"}}, 200)
	var wantErr error
	for _, step := range []func([]byte) ([]byte, string, error){
		func(d []byte) ([]byte, string, error) {
			return authoring.AddVisual(d, authoring.FirstSheetID, "BarChartVisual")
		},
		func(d []byte) ([]byte, string, error) {
			return authoring.AddField(d, "visual-1", "Category", authoring.Column{DataSetIdentifier: cats, Name: "product_group", Type: "STRING"}, -1)
		},
		func(d []byte) ([]byte, string, error) {
			return authoring.AddField(d, "visual-1", "Values", authoring.Column{DataSetIdentifier: cats, Name: "units", Type: "INTEGER"}, -1)
		},
		func(d []byte) ([]byte, string, error) {
			return authoring.AddVisual(d, authoring.FirstSheetID, "BarChartVisual")
		},
		func(d []byte) ([]byte, string, error) {
			return authoring.AddField(d, "visual-2", "Category", authoring.Column{DataSetIdentifier: sales, Name: "region", Type: "STRING"}, -1)
		},
		func(d []byte) ([]byte, string, error) {
			return authoring.AddField(d, "visual-2", "Values", authoring.Column{DataSetIdentifier: sales, Name: "revenue", Type: "DECIMAL"}, -1)
		},
	} {
		want, _, wantErr = step(want)
		must(t, wantErr)
	}
	wantEqual(t, "two visuals", ts.storedDefinition(t, id), decodeJSON(t, want))
	wantBarsSQL(t, p.Body, "visual-1", db, "SELECT category, sum(quantity) FROM orders GROUP BY category")
	wantBarsSQL(t, p.Body, "visual-2", db, "SELECT region, sum(revenue) FROM orders GROUP BY region")

	// A field of the other dataset is refused on a visual.
	act(url.Values{"op": {"add-field"}, "visual": {"visual-2"}, "well": {"Values"}, "dataset": {cats}, "column": {"units"}}, 400)
	if msg := html.UnescapeString(p.Body); !strings.Contains(msg, "units is a field of dataset Category quantities, but visual Bar chart (visual-2) reads dataset Sample sales: a visual reads one dataset") {
		t.Errorf("the refusal does not say why:\n%.3000s", msg)
	}
	wantEqual(t, "after the refusal", ts.storedDefinition(t, id), decodeJSON(t, want))

	// Add a dataset named as one the analysis has: its identifier is made
	// unique, and the pane shows it.
	if !strings.Contains(p.Body, `<option value="segprofit">Sample sales</option>`) || strings.Contains(p.Body, `<option value="catqty">`) {
		t.Fatalf("Add dataset does not offer exactly the other datasets:\n%.3000s", p.Body)
	}
	act(url.Values{"op": {"add-dataset"}, "dataSetId": {"segprofit"}}, 200)
	wantFields(t, p.Body, "Sample sales 2", "segment", "revenue")
	added, _, err := authoring.AddDataSet(want, "Sample sales", dataSetARN("segprofit"))
	must(t, err)
	wantEqual(t, "after Add dataset", ts.storedDefinition(t, id), decodeJSON(t, added))
	act(url.Values{"op": {"add-dataset"}, "dataSetId": {"segprofit"}}, 400)
	if np := ts.editorPost(t, edit, token, url.Values{"op": {"add-dataset"}, "dataSetId": {"no-such"}, "version": {editorVersion(t, p)}}); np.Status != http.StatusNotFound || !strings.Contains(np.Body, "Dataset no-such doesn't exist.") {
		t.Errorf("an unknown dataset: %d %s", np.Status, np.Body)
	}

	// A dataset in use stays, with what uses it named; an unused one goes.
	act(url.Values{"op": {"remove-dataset"}, "identifier": {cats}}, 400)
	if msg := html.UnescapeString(p.Body); !strings.Contains(msg, "dataset Category quantities is still used by visual Bar chart (visual-1): remove those first") {
		t.Errorf("the refusal does not name the visual:\n%.3000s", msg)
	}
	act(url.Values{"op": {"remove-dataset"}, "identifier": {"Sample sales 2"}}, 200)
	wantEqual(t, "after Remove dataset", ts.storedDefinition(t, id), decodeJSON(t, want))
	wantEqual(t, "the pane after Remove dataset", p.fieldsDataSet(t), sales)

	// The definition round-trips through the SDK's shapes and the model.
	got, err := qs.DescribeAnalysisDefinition(t.Context(), &quicksight.DescribeAnalysisDefinitionInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id)})
	must(t, err)
	wantEqual(t, "declared datasets", len(got.Definition.DataSetIdentifierDeclarations), 2)
	before := ts.storedDefinition(t, id)
	_, err = qs.UpdateAnalysis(t.Context(), &quicksight.UpdateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id), Name: aws.String("Two datasets"), Definition: got.Definition})
	must(t, err)
	wantEqual(t, "after the SDK's round trip", ts.storedDefinition(t, id), before)
	raw, err := json.Marshal(before)
	must(t, err)
	must(t, authoring.Validate(raw))
}

var reFieldsDataSet = regexp.MustCompile(`data-fields-data-set="([^"]*)"`)

// fieldsDataSet returns the dataset the page's fields pane shows.
func (p *page) fieldsDataSet(t testing.TB) string {
	t.Helper()
	m := reFieldsDataSet.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("no fields pane dataset in:\n%.2000s", p.Body)
	}
	return html.UnescapeString(m[1])
}

// wantFields checks the fields pane shows dataset's fields: has, and not
// hasNot (another dataset's).
func wantFields(t testing.TB, body, dataset, has, hasNot string) {
	t.Helper()
	ds := html.EscapeString(dataset)
	if !strings.Contains(body, `data-fields-data-set="`+ds+`"`) {
		t.Errorf("the pane does not show %s", dataset)
	}
	if !strings.Contains(body, `data-dataset="`+ds+`" data-column="`+has+`"`) {
		t.Errorf("the pane of %s has no field %s", dataset, has)
	}
	if strings.Contains(body, `data-column="`+hasNot+`"`) {
		t.Errorf("the pane of %s shows %s of another dataset", dataset, hasNot)
	}
}

// wantBarsSQL checks a bar chart's bars equal a two-column SQL query's
// (category, value) rows.
func wantBarsSQL(t testing.TB, body, visualID string, db *sql.DB, query string) {
	t.Helper()
	want := map[string]float64{}
	rows, err := db.QueryContext(t.Context(), query)
	must(t, err)
	for rows.Next() {
		var k string
		var v float64
		must(t, rows.Scan(&k, &v))
		want[k] = v
	}
	must(t, rows.Err())
	o := chart(t, body, visualID)
	got := categoryAxis(t, o)
	if len(got) != len(want) || len(o.Series) == 0 {
		t.Fatalf("%s: bars %v, SQL %v", visualID, got, want)
	}
	for i, raw := range o.Series[0].Data {
		f, _ := strconv.ParseFloat(string(raw), 64)
		if w, ok := want[got[i]]; !ok || !near(f, w) {
			t.Errorf("%s: bar %s = %v, SQL %v", visualID, got[i], f, w)
		}
	}
}

// TestAnalysisEditorDataSetsShared checks an author builds only from the
// datasets shared with them: at creation, in Add dataset's choices, and
// when a post names another.
func TestAnalysisEditorDataSetsShared(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(200))
	qs := ts.adminClient()
	ts.newIAMUser(t, accountID, "alan", "")
	registerIAMUser(t, qs, "alan", types.UserRoleAuthor)
	use := []string{"quicksight:DescribeDataSet", "quicksight:PassDataSet", "quicksight:DescribeIngestion", "quicksight:ListIngestions"}
	for _, id := range []string{"alans", "alans2"} {
		createDataSet(t, qs, &quicksight.CreateDataSetInput{DataSetId: aws.String(id), Name: aws.String("Regions " + id), ImportMode: types.DataSetImportModeDirectQuery,
			PhysicalTableMap: customSQL(app.SampleDataSourceID, "SELECT region, revenue FROM orders", col("region", types.InputColumnDataTypeString), col("revenue", types.InputColumnDataTypeDecimal)),
			Permissions:      ownerPermissions("alan", use...)})
	}
	createDataSet(t, qs, &quicksight.CreateDataSetInput{DataSetId: aws.String("hidden"), Name: aws.String("Hidden"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: customSQL(app.SampleDataSourceID, "SELECT region FROM orders", col("region", types.InputColumnDataTypeString))})

	u := ts.mint(t, "alan", "/start")
	token, _ := ts.signOn(t, u, -1)
	base := ts.URL + "/embedding/" + u.Sid
	p := ts.withToken(t, base+"/analyses/new", token)
	if strings.Contains(p.Body, `value="hidden"`) || !strings.Contains(p.Body, `value="alans"`) {
		t.Fatalf("the picker offers other datasets than alan's:\n%.3000s", p.Body)
	}
	if np := ts.editorPost(t, base+"/analyses", token, url.Values{"name": {"x"}, "dataSetId": {"alans", "hidden"}}); np.Status != http.StatusForbidden || !strings.Contains(np.Body, "Dataset hidden is not shared with you.") {
		t.Errorf("create with a dataset not shared: %d %s", np.Status, np.Body)
	}
	p = ts.editorPost(t, base+"/analyses", token, url.Values{"name": {"Mine"}, "dataSetId": {"alans"}})
	if p.Status != http.StatusCreated {
		t.Fatalf("create: %d %s", p.Status, p.Body)
	}
	edit := ts.URL + p.Header.Get("Location")
	p = ts.withToken(t, edit, token)
	if !strings.Contains(p.Body, `<option value="alans2">`) || strings.Contains(p.Body, `<option value="hidden">`) {
		t.Errorf("Add dataset offers other datasets than alan's:\n%.3000s", p.Body)
	}
	np := ts.editorPost(t, edit, token, url.Values{"op": {"add-dataset"}, "dataSetId": {"hidden"}, "version": {editorVersion(t, p)}, "sheetId": {authoring.FirstSheetID}})
	if np.Status != http.StatusForbidden || !strings.Contains(np.Body, "Dataset hidden is not shared with you.") {
		t.Errorf("add a dataset not shared: %d %s", np.Status, np.Body)
	}
	np = ts.editorPost(t, edit, token, url.Values{"op": {"add-dataset"}, "dataSetId": {"alans2"}, "version": {editorVersion(t, p)}, "sheetId": {authoring.FirstSheetID}})
	if np.Status != http.StatusOK || np.fieldsDataSet(t) != "Regions alans2" {
		t.Errorf("add a shared dataset: %d %.2000s", np.Status, np.Body)
	}
}
