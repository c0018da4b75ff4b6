package e2e

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"

	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/authoring"
)

// TestParameterDatasetDefault gives a parameter a default read from the
// dataset for the signed-in user (DynamicValue): the definition the
// editor writes is valid and round-trips through the SDK; the viewer
// draws the bars of the user's default region, equal to SQL; a value the
// viewer sets wins over it.
func TestParameterDatasetDefault(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(2000))
	db := sampleDB(t, ts)
	u := ts.mint(t, "admin", "/start/analyses")
	token, _ := ts.signOn(t, u, -1)
	base := ts.URL + "/embedding/" + u.Sid
	p := ts.editorPost(t, base+"/analyses", token, url.Values{"name": {"Dataset default"}, "dataSetId": {app.SampleDataSetID}})
	if p.Status != http.StatusCreated {
		t.Fatalf("create: %d %s", p.Status, p.Body)
	}
	loc := p.Header.Get("Location")
	id := regexp.MustCompile(`/analyses/([0-9a-f-]{36})/edit$`).FindStringSubmatch(loc)[1]
	p = ts.withToken(t, ts.URL+loc, token)
	edit := base + "/analyses/" + id + "/edit"
	act := func(form url.Values, status int) *page {
		t.Helper()
		form.Set("version", editorVersion(t, p))
		form.Set("sheetId", authoring.FirstSheetID)
		np := ts.editorPost(t, edit, token, form)
		if np.Status != status {
			t.Fatalf("%s: %d, want %d:\n%.3000s", form.Get("op"), np.Status, status, np.Body)
		}
		if status == 200 {
			p = np
		}
		return np
	}
	const ds = "Sample sales"
	key := func(col string) string { return url.Values{"d": {ds}, "c": {col}}.Encode() }
	act(url.Values{"op": {"add-visual"}, "kind": {"BarChartVisual"}}, 200)
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Category"}, "dataset": {ds}, "column": {"region"}}, 200)
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Values"}, "dataset": {ds}, "column": {"revenue"}}, 200)
	// The rows of Europe name the user admin.
	act(url.Values{"op": {"set-calc"}, "dataSetIdentifier": {ds}, "cname": {"owner"}, "expression": {"ifelse({region} = 'Europe', 'admin', 'somebody')"}}, 200)
	// A user column alone is not enough without a value column.
	if np := act(url.Values{"op": {"set-parameter"}, "pname": {"Region"}, "ptype": {"STRING"}, "defaults": {"Asia Pacific"}, "duser": {key("owner")}}, 400); !regexp.MustCompile(`holds the default values`).MatchString(np.Body) {
		t.Errorf("a dataset default without a value field: %.1500s", np.Body)
	}
	act(url.Values{"op": {"set-parameter"}, "pname": {"Region"}, "ptype": {"STRING"}, "defaults": {"Asia Pacific"}, "dvalue": {key("region")}, "duser": {key("owner")}}, 200)
	act(url.Values{"op": {"set-filter"}, "fkind": {"CategoryFilter"}, "field": {key("region")}, "match": {"EQUALS"}, "parameter": {"Region"}, "scope": {"sheet"}}, 200)

	want, err := authoring.NewAnalysis(ds, dataSetARN(app.SampleDataSetID))
	must(t, err)
	step := func(out []byte, err error) { t.Helper(); must(t, err); want = out }
	step2 := func(out []byte, _ string, err error) { t.Helper(); step(out, err) }
	step3 := func(out []byte, _, _ string, err error) { t.Helper(); step(out, err) }
	step2(authoring.AddVisual(want, authoring.FirstSheetID, "BarChartVisual"))
	region := authoring.Column{DataSetIdentifier: ds, Name: "region", Type: "STRING"}
	step2(authoring.AddField(want, "visual-1", "Category", region, -1))
	step2(authoring.AddField(want, "visual-1", "Values", authoring.Column{DataSetIdentifier: ds, Name: "revenue", Type: "DECIMAL"}, -1))
	step(authoring.SetCalculatedField(want, authoring.CalculatedField{DataSetIdentifier: ds, Name: "owner", Expression: "ifelse({region} = 'Europe', 'admin', 'somebody')"}, ""))
	step(authoring.SetParameter(want, authoring.Parameter{Name: "Region", Type: "STRING", Defaults: []string{"Asia Pacific"},
		Dynamic: &authoring.DynamicDefault{DataSetIdentifier: ds, Value: "region", User: "owner"}}, ""))
	step3(authoring.AddFilter(want, authoring.Filter{Kind: "CategoryFilter", Column: region, Match: "EQUALS", Parameter: "Region", Scope: authoring.Scope{SheetID: authoring.FirstSheetID}}))
	wantEqual(t, "definition", ts.storedDefinition(t, id), decodeJSON(t, want))
	must(t, authoring.Validate(want))

	// Through the SDK: the DynamicValue is there, and an UpdateAnalysis
	// with it is taken as it is.
	c := ts.adminClient()
	d, err := c.DescribeAnalysisDefinition(t.Context(), &quicksight.DescribeAnalysisDefinitionInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id)})
	must(t, err)
	dv := d.Definition.ParameterDeclarations[0].StringParameterDeclaration.DefaultValues.DynamicValue
	if dv == nil || aws.ToString(dv.UserNameColumn.ColumnName) != "owner" || aws.ToString(dv.DefaultValueColumn.ColumnName) != "region" {
		t.Fatalf("DynamicValue through the SDK: %+v", dv)
	}
	_, err = c.UpdateAnalysis(t.Context(), &quicksight.UpdateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id), Name: d.Name, Definition: d.Definition})
	must(t, err)
	waitAnalysis(t, c, id)
	wantEqual(t, "after the round trip", ts.storedDefinition(t, id), decodeJSON(t, want))

	bars := func(body, region string) {
		t.Helper()
		o := chart(t, body, "visual-1")
		cats := categoryAxis(t, o)
		if len(cats) != 1 || cats[0] != region {
			t.Fatalf("bars %v, want %s alone", cats, region)
		}
		got, _ := strconv.ParseFloat(string(o.Series[0].Data[0]), 64)
		if want := sqlFloat(t, db, "SELECT sum(revenue) FROM orders WHERE region = ?", region); !near(got, want) {
			t.Errorf("%s: bar %v, SQL %v", region, got, want)
		}
	}
	view := ts.withToken(t, base+"/analyses/"+id, token)
	if view.Status != 200 {
		t.Fatalf("view: %d", view.Status)
	}
	bars(view.Body, "Europe")
	set := ts.withToken(t, base+"/analyses/"+id+"/sheets/"+authoring.FirstSheetID+"?"+url.Values{"p.Region": {"Asia Pacific"}}.Encode(), token)
	bars(set.Body, "Asia Pacific")

	// A default whose user column the dataset lacks fails the update's
	// check, as any unknown column does: it is never drawn without it.
	dv.UserNameColumn.ColumnName = aws.String("no_such_column")
	_, err = c.UpdateAnalysis(t.Context(), &quicksight.UpdateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id), Name: d.Name, Definition: d.Definition})
	must(t, err)
	wantEqual(t, "status with an unknown user column", string(waitAnalysis(t, c, id).Status), "UPDATE_FAILED")
}
