package e2e

import (
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

	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/authoring"
)

// TestAnalysisEditorChartLabels renames the fields of a bar chart and a
// scatter plot in the editor: the definition holds each label where
// QuickSight's model puts it (an AxisLabelOptions entry whose ApplyTo
// names the field), round-trips through the SDK's
// DescribeAnalysisDefinition and UpdateAnalysis and validates; the drawn
// chart names its series and axes with the labels while its numbers stay
// SQL's; a KPI's field, which the model gives no label, is refused.
func TestAnalysisEditorChartLabels(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(500))
	db := sampleDB(t, ts)
	qs := ts.adminClient()
	u := ts.mint(t, "admin", "/start/analyses")
	token, _ := ts.signOn(t, u, -1)
	base := ts.URL + "/embedding/" + u.Sid
	p := ts.editorPost(t, base+"/analyses", token, url.Values{"name": {"Labels"}, "dataSetId": {app.SampleDataSetID}})
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
	want, err := authoring.NewAnalysis(ds, dataSetARN(app.SampleDataSetID))
	must(t, err)
	step := func(out []byte, err error) { t.Helper(); must(t, err); want = out }
	step2 := func(out []byte, _ string, err error) { t.Helper(); step(out, err) }
	add := func(visual, well, column, typ string) {
		t.Helper()
		act(url.Values{"op": {"add-field"}, "visual": {visual}, "well": {well}, "dataset": {ds}, "column": {column}}, 200)
		step2(authoring.AddField(want, visual, well, authoring.Column{DataSetIdentifier: ds, Name: column, Type: typ}, -1))
	}
	label := func(visual, field, value string) {
		t.Helper()
		act(url.Values{"op": {"label"}, "visual": {visual}, "field": {field}, "value": {value}}, 200)
		step(authoring.SetCustomLabel(want, field, value))
	}

	act(url.Values{"op": {"add-visual"}, "kind": {"BarChartVisual"}}, 200)
	step2(authoring.AddVisual(want, authoring.FirstSheetID, "BarChartVisual"))
	add("visual-1", "Category", "region", "STRING")
	add("visual-1", "Values", "revenue", "DECIMAL")
	label("visual-1", "visual-1.revenue-1", "Sales")
	act(url.Values{"op": {"add-visual"}, "kind": {"ScatterPlotVisual"}}, 200)
	step2(authoring.AddVisual(want, authoring.FirstSheetID, "ScatterPlotVisual"))
	add("visual-2", "XAxis", "revenue", "DECIMAL")
	add("visual-2", "YAxis", "quantity", "INTEGER")
	add("visual-2", "Category", "region", "STRING")
	label("visual-2", "visual-2.revenue-1", "Money in")
	label("visual-2", "visual-2.quantity-1", "Units")

	stored := ts.storedDefinition(t, id)
	wantEqual(t, "definition", stored, decodeJSON(t, want))
	raw, err := json.Marshal(stored)
	must(t, err)
	must(t, authoring.Validate(raw))
	if !strings.Contains(string(raw), `"ValueLabelOptions":{"AxisLabelOptions":[{"ApplyTo":{"Column":{"ColumnName":"revenue","DataSetIdentifier":"Sample sales"},"FieldId":"visual-1.revenue-1"},"CustomLabel":"Sales"}]}`) {
		t.Errorf("the bar chart's label is not in ValueLabelOptions:\n%s", raw)
	}

	// Through the SDK's shapes and back, unchanged.
	got, err := qs.DescribeAnalysisDefinition(t.Context(), &quicksight.DescribeAnalysisDefinitionInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id)})
	must(t, err)
	var sdkLabel string
	for _, v := range got.Definition.Sheets[0].Visuals {
		if b := v.BarChartVisual; b != nil {
			for _, o := range b.ChartConfiguration.ValueLabelOptions.AxisLabelOptions {
				if o.ApplyTo != nil && aws.ToString(o.ApplyTo.FieldId) == "visual-1.revenue-1" {
					sdkLabel = aws.ToString(o.CustomLabel)
				}
			}
		}
	}
	wantEqual(t, "the SDK's label", sdkLabel, "Sales")
	_, err = qs.UpdateAnalysis(t.Context(), &quicksight.UpdateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id), Name: aws.String("Labels"), Definition: got.Definition})
	must(t, err)
	waitAnalysis(t, qs, id)
	wantEqual(t, "after the SDK's round trip", ts.storedDefinition(t, id), stored)

	// Drawn: the bar chart's series is "Sales", its bars SQL's sums.
	sheet := ts.withToken(t, base+"/analyses/"+id+"/sheets/"+authoring.FirstSheetID, token)
	if sheet.Status != 200 {
		t.Fatalf("sheet: %d", sheet.Status)
	}
	var bar struct {
		Series []struct {
			Name string            `json:"name"`
			Data []json.RawMessage `json:"data"`
		} `json:"series"`
	}
	must(t, json.Unmarshal([]byte(html.UnescapeString(reEcharts.FindStringSubmatch(tile(t, sheet.Body, "visual-1"))[1])), &bar))
	wantEqual(t, "bar series name", bar.Series[0].Name, "Sales")
	cats := categoryAxis(t, chart(t, sheet.Body, "visual-1"))
	for i, d := range bar.Series[0].Data {
		f, _ := strconv.ParseFloat(string(d), 64)
		if w := sqlFloat(t, db, "SELECT sum(revenue) FROM orders WHERE region = ?", cats[i]); !near(f, w) {
			t.Errorf("bar %s = %v, SQL %v", cats[i], f, w)
		}
	}
	// The scatter plot's axes are named by their fields' labels.
	var scatter struct {
		XAxis struct{ Name string } `json:"xAxis"`
		YAxis struct{ Name string } `json:"yAxis"`
	}
	must(t, json.Unmarshal([]byte(html.UnescapeString(reEcharts.FindStringSubmatch(tile(t, sheet.Body, "visual-2"))[1])), &scatter))
	wantEqual(t, "scatter axes", [2]string{scatter.XAxis.Name, scatter.YAxis.Name}, [2]string{"Money in", "Units"})

	// The editor's field menu shows the label; removed, the column's
	// name is drawn again.
	if !strings.Contains(p.Body, `value="Units" placeholder=`) { // the selected visual's fields
		t.Errorf("the field menu does not show the label")
	}
	label("visual-1", "visual-1.revenue-1", "")
	wantEqual(t, "label removed", ts.storedDefinition(t, id), decodeJSON(t, want))
	if o := html.UnescapeString(tile(t, p.Body, "visual-1")); strings.Contains(o, `"Sales"`) {
		t.Errorf("the removed label is still drawn:\n%.2000s", o)
	}

	// A KPI's field has no label in QuickSight's model: refused.
	act(url.Values{"op": {"add-visual"}, "kind": {"KPIVisual"}}, 200)
	step2(authoring.AddVisual(want, authoring.FirstSheetID, "KPIVisual"))
	add("visual-3", "Values", "revenue", "DECIMAL")
	if np := act(url.Values{"op": {"label"}, "visual": {"visual-3"}, "field": {"visual-3.revenue-1"}, "value": {"x"}}, 400); !strings.Contains(np.Body, "take no label in QuickSight") {
		t.Errorf("a KPI's field renamed: %.2000s", np.Body)
	}
}
