package e2e

import (
	"encoding/json"
	"html"
	"math"
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

// TestAnalysisEditorParameters builds, in the editor, a parameter, a
// calculated field that reads it, a filter with a control and a control
// of the parameter: the definition the API returns is what the same
// edits give, valid against the model, and round-trips through the SDK's
// DescribeAnalysisDefinition and UpdateAnalysis; the drawn bars equal SQL
// for the parameter's default and for a value the control sets; refused
// edits answer 400 with their reason.
func TestAnalysisEditorParameters(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(2000))
	db := sampleDB(t, ts)
	u := ts.mint(t, "admin", "/start/analyses")
	token, _ := ts.signOn(t, u, -1)
	base := ts.URL + "/embedding/" + u.Sid
	p := ts.editorPost(t, base+"/analyses", token, url.Values{"name": {"Parameters"}, "dataSetId": {app.SampleDataSetID}})
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
	region := authoring.Column{DataSetIdentifier: ds, Name: "region", Type: "STRING"}
	want, err := authoring.NewAnalysis(ds, dataSetARN(app.SampleDataSetID))
	must(t, err)
	step := func(out []byte, err error) {
		t.Helper()
		must(t, err)
		want = out
	}
	step2 := func(out []byte, _ string, err error) { t.Helper(); step(out, err) }
	step3 := func(out []byte, _, _ string, err error) { t.Helper(); step(out, err) }

	act(url.Values{"op": {"add-visual"}, "kind": {"BarChartVisual"}}, 200)
	step2(authoring.AddVisual(want, authoring.FirstSheetID, "BarChartVisual"))
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Category"}, "dataset": {ds}, "column": {"region"}}, 200)
	step2(authoring.AddField(want, "visual-1", "Category", region, -1))

	// A parameter, and a calculated field that reads it.
	act(url.Values{"op": {"set-parameter"}, "pname": {"Target"}, "ptype": {"DECIMAL"}, "defaults": {"300"}}, 200)
	step(authoring.SetParameter(want, authoring.Parameter{Name: "Target", Type: "DECIMAL", Defaults: []string{"300"}}, ""))
	act(url.Values{"op": {"set-calc"}, "dataSetIdentifier": {ds}, "cname": {"above"}, "expression": {"ifelse({revenue} > ${Target}, 1, 0)"}}, 200)
	step(authoring.SetCalculatedField(want, authoring.CalculatedField{DataSetIdentifier: ds, Name: "above", Expression: "ifelse({revenue} > ${Target}, 1, 0)"}, ""))
	if !strings.Contains(p.Body, `data-column="above" data-type="INTEGER"`) {
		t.Errorf("the fields pane does not offer the calculated field as an integer")
	}
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Values"}, "dataset": {ds}, "column": {"above"}}, 200)
	step2(authoring.AddField(want, "visual-1", "Values", authoring.Column{DataSetIdentifier: ds, Name: "above", Type: "INTEGER"}, -1))

	// A filter on two regions with a dropdown, and a slider for Target.
	act(url.Values{"op": {"set-filter"}, "fkind": {"CategoryFilter"}, "field": {"c=region&d=Sample+sales"}, "match": {"EQUALS"}, "values": {"Europe, Asia Pacific"}, "scope": {"sheet"}}, 200)
	step3(authoring.AddFilter(want, authoring.Filter{Kind: "CategoryFilter", Column: region, Match: "EQUALS", Values: []string{"Europe", "Asia Pacific"}, Scope: authoring.Scope{SheetID: authoring.FirstSheetID}}))
	act(url.Values{"op": {"add-control"}, "source": {"f:f-region-1"}, "ckind": {"Dropdown"}, "title": {"Region"}}, 200)
	step2(authoring.AddFilterControl(want, "f-region-1", authoring.Control{SheetID: authoring.FirstSheetID, Kind: "Dropdown", Title: "Region", Min: 0, Max: 100, Step: 1}))
	act(url.Values{"op": {"add-control"}, "source": {"p:Target"}, "ckind": {"Slider"}, "title": {"Target"}, "min": {"0"}, "max": {"1000"}, "step": {"50"}}, 200)
	step2(authoring.AddParameterControl(want, "Target", authoring.Control{SheetID: authoring.FirstSheetID, Kind: "Slider", Title: "Target", Min: 0, Max: 1000, Step: 50}))

	stored := ts.storedDefinition(t, id)
	wantEqual(t, "definition", stored, decodeJSON(t, want))
	raw, err := json.Marshal(stored)
	must(t, err)
	must(t, authoring.Validate(raw))
	// The canvas draws both controls, and the bars are SQL's for Target's
	// default over the two regions.
	for _, s := range []string{`name="f.f-region-1"`, `name="p.Target"`} {
		if !strings.Contains(p.Body, s) {
			t.Errorf("the editor's canvas does not draw the control %s", s)
		}
	}
	bars := func(body string, target float64) {
		t.Helper()
		o := chart(t, body, "visual-1")
		cats := categoryAxis(t, o)
		if len(cats) != 2 {
			t.Fatalf("bars %v, want the two filtered regions", cats)
		}
		for i, raw := range o.Series[0].Data {
			f, _ := strconv.ParseFloat(string(raw), 64)
			if want := sqlFloat(t, db, "SELECT sum(revenue > ?) FROM orders WHERE region = ?", target, cats[i]); !near(f, want) {
				t.Errorf("target %v: bar %s = %v, SQL %v", target, cats[i], f, want)
			}
		}
	}
	bars(p.Body, 300)
	sheet := ts.withToken(t, base+"/analyses/"+id+"/sheets/"+authoring.FirstSheetID+"?"+url.Values{"p.Target": {"550"}}.Encode(), token)
	if sheet.Status != 200 {
		t.Fatalf("sheet with Target=550: %d", sheet.Status)
	}
	bars(sheet.Body, 550)

	// A calculated field that aggregates goes into Values with no
	// aggregation of its own, and no dimension well takes it.
	act(url.Values{"op": {"set-calc"}, "dataSetIdentifier": {ds}, "cname": {"per_target"}, "expression": {"sum({revenue}) / ${Target}"}}, 200)
	step(authoring.SetCalculatedField(want, authoring.CalculatedField{DataSetIdentifier: ds, Name: "per_target", Expression: "sum({revenue}) / ${Target}"}, ""))
	act(url.Values{"op": {"add-visual"}, "kind": {"TableVisual"}}, 200)
	step2(authoring.AddVisual(want, authoring.FirstSheetID, "TableVisual"))
	act(url.Values{"op": {"add-field"}, "visual": {"visual-2"}, "well": {"GroupBy"}, "dataset": {ds}, "column": {"region"}}, 200)
	step2(authoring.AddField(want, "visual-2", "GroupBy", region, -1))
	act(url.Values{"op": {"add-field"}, "visual": {"visual-2"}, "well": {"Values"}, "dataset": {ds}, "column": {"per_target"}}, 200)
	step2(authoring.AddAggregatedField(want, "visual-2", "Values", authoring.Column{DataSetIdentifier: ds, Name: "per_target", Type: "DECIMAL"}, -1))
	if np := act(url.Values{"op": {"add-field"}, "visual": {"visual-2"}, "well": {"GroupBy"}, "dataset": {ds}, "column": {"per_target"}}, 400); !strings.Contains(np.Body, "per_target aggregates") {
		t.Errorf("an aggregated field in a dimension well: %.1500s", np.Body)
	}
	wantEqual(t, "with an aggregated calculated field", ts.storedDefinition(t, id), decodeJSON(t, want))
	rows := regexp.MustCompile(`<tr><td>([^<]+)</td><td class="num">([^<]+)</td></tr>`).FindAllStringSubmatch(tile(t, p.Body, "visual-2"), -1)
	if len(rows) != 2 {
		t.Fatalf("table rows %v", rows)
	}
	for _, r := range rows {
		got, _ := strconv.ParseFloat(strings.ReplaceAll(r[2], ",", ""), 64)
		if want := sqlFloat(t, db, "SELECT round(sum(revenue) / 300, 2) FROM orders WHERE region = ?", r[1]); !near(got, want) {
			t.Errorf("per_target of %s = %v, SQL %v", r[1], got, want)
		}
	}
	// Renamed in the table: the header shows the label, the numbers stay.
	act(url.Values{"op": {"label"}, "visual": {"visual-2"}, "field": {"visual-2.per_target-1"}, "value": {"Revenue per target"}}, 200)
	step(authoring.SetCustomLabel(want, "visual-2.per_target-1", "Revenue per target"))
	wantEqual(t, "with a label", ts.storedDefinition(t, id), decodeJSON(t, want))
	if !strings.Contains(tile(t, p.Body, "visual-2"), `<th class="num">Revenue per target</th>`) {
		t.Errorf("the table's header is not the label:\n%s", tile(t, p.Body, "visual-2"))
	}
	// A percent format with one decimal, then thousands with a prefix.
	act(url.Values{"op": {"add-field"}, "visual": {"visual-2"}, "well": {"Values"}, "dataset": {ds}, "column": {"revenue"}}, 200)
	step2(authoring.AddField(want, "visual-2", "Values", authoring.Column{DataSetIdentifier: ds, Name: "revenue", Type: "DECIMAL"}, -1))
	act(url.Values{"op": {"number-format"}, "visual": {"visual-2"}, "field": {"visual-2.revenue-1"}, "nformat": {"number"}, "decimals": {"1"}, "scale": {"THOUSANDS"}, "prefix": {"$"}}, 200)
	one := 1
	step(authoring.SetNumberFormat(want, "visual-2.revenue-1", &authoring.NumberFormat{Decimals: &one, Scale: "THOUSANDS", Prefix: "$"}))
	wantEqual(t, "with a number format", ts.storedDefinition(t, id), decodeJSON(t, want))
	formatted := regexp.MustCompile(`<tr><td>([^<]+)</td><td class="num">[^<]+</td><td class="num">([^<]+)</td></tr>`).FindAllStringSubmatch(tile(t, p.Body, "visual-2"), -1)
	wantEqual(t, "formatted rows", len(formatted), 2)
	for _, r := range formatted {
		k := sqlFloat(t, db, "SELECT sum(revenue) / 1000 FROM orders WHERE region = ?", r[1])
		if want := "$" + strconv.FormatFloat(math.Round(k*10)/10, 'f', 1, 64) + "K"; k < 1000 && r[2] != want {
			t.Errorf("revenue of %s drawn %q, SQL %q", r[1], r[2], want)
		}
	}
	// A bar chart's measure takes a number format too (drawn by the page
	// on its labels, tooltips and value axis); removed, the bars are as
	// they were.
	act(url.Values{"op": {"number-format"}, "visual": {"visual-1"}, "field": {"visual-1.above-1"}, "nformat": {"percent"}}, 200)
	if o := tile(t, p.Body, "visual-1"); !strings.Contains(html.UnescapeString(o), `"sgNumberFormat":{"Percent":true`) {
		t.Errorf("the bar chart's option carries no percent format:\n%.2000s", o)
	}
	act(url.Values{"op": {"number-format"}, "visual": {"visual-1"}, "field": {"visual-1.above-1"}, "nformat": {""}}, 200)
	wantEqual(t, "with the bar chart's format removed", ts.storedDefinition(t, id), decodeJSON(t, want))
	// A bar chart's field takes a label too (TestAnalysisEditorChartLabels
	// checks it drawn).
	act(url.Values{"op": {"label"}, "visual": {"visual-1"}, "field": {"visual-1.region-1"}, "value": {"Area"}}, 200)
	step(authoring.SetCustomLabel(want, "visual-1.region-1", "Area"))
	wantEqual(t, "with the bar chart's label", ts.storedDefinition(t, id), decodeJSON(t, want))
	act(url.Values{"op": {"delete-visual"}, "visual": {"visual-2"}}, 200)
	act(url.Values{"op": {"delete-calc"}, "dataSetIdentifier": {ds}, "cname": {"per_target"}}, 200)
	want = func() []byte { out, err := authoring.DeleteVisual(want, "visual-2"); must(t, err); return out }()
	step(authoring.DeleteCalculatedField(want, ds, "per_target"))

	// The formula's check as it is typed: its type, or the error and its
	// position; it changes nothing.
	for _, c := range []struct{ expression, want string }{
		{"ifelse({revenue} > ${Target}, 1.5, 0)", `{"ok":true,"type":"DECIMAL"}`},
		{"sum({revenue})", `{"ok":true,"type":"DECIMAL, aggregated"}`},
		{"{revenue} +", `"position":`},
		{"{no_such} * 2", `no_such`},
		{"${Nope}", `has no parameter Nope`},
	} {
		np := ts.editorPost(t, edit+"/check", token, url.Values{"dataSetIdentifier": {ds}, "name": {"draft1"}, "expression": {c.expression}})
		if np.Status != 200 || !strings.Contains(np.Body, c.want) {
			t.Errorf("check %q: %d %s, want %s", c.expression, np.Status, np.Body, c.want)
		}
	}
	if np := ts.editorPost(t, edit+"/check", "", url.Values{"expression": {"1"}}); np.Status != 403 {
		t.Errorf("check without the session header: %d", np.Status)
	}

	// Refused edits, each with its reason; nothing changes.
	for _, c := range []struct {
		form url.Values
		says string
	}{
		{url.Values{"op": {"delete-parameter"}, "pname": {"Target"}}, "is used by calculated field above"},
		{url.Values{"op": {"set-parameter"}, "pname": {"Target"}, "ptype": {"STRING"}, "replacing": {"Target"}}, "remove those uses before changing its name or type"},
		{url.Values{"op": {"set-parameter"}, "pname": {"bad name"}, "ptype": {"STRING"}}, "only letters and digits"},
		{url.Values{"op": {"set-calc"}, "dataSetIdentifier": {ds}, "cname": {"x"}, "expression": {"{no_such} + 1"}}, "no_such"},
		{url.Values{"op": {"set-calc"}, "dataSetIdentifier": {ds}, "cname": {"x"}, "expression": {"${Nope}"}}, "has no parameter Nope"},
		{url.Values{"op": {"set-calc"}, "dataSetIdentifier": {ds}, "cname": {"x"}, "expression": {"{region} + 1"}}, "region"},
		{url.Values{"op": {"delete-calc"}, "dataSetIdentifier": {ds}, "cname": {"above"}}, "is used by visual visual-1"},
		{url.Values{"op": {"add-control"}, "source": {"p:Target"}, "ckind": {"DateTimePicker"}}, "have a DateTimePicker control"},
		{url.Values{"op": {"set-filter"}, "fkind": {"TimeRangeFilter"}, "field": {"c=order_date&d=Sample+sales"}, "min": {"yesterday"}}, "is not a date"},
		{url.Values{"op": {"set-filter"}, "fkind": {"TopBottomFilter"}, "field": {"c=region&d=Sample+sales"}, "by": {"c=revenue&d=Sample+sales"}, "n": {"many"}}, "not a whole number"},
	} {
		np := act(c.form, 400)
		if !strings.Contains(np.Body, c.says) {
			t.Errorf("%s: the answer does not say %q:\n%.1500s", c.form.Get("op"), c.says, np.Body)
		}
	}
	wantEqual(t, "after refused edits", ts.storedDefinition(t, id), decodeJSON(t, want))

	// Every other filter kind, added then edited in place.
	for _, f := range []url.Values{
		{"fkind": {"NumericRangeFilter"}, "field": {"c=revenue&d=Sample+sales"}, "min": {"10"}, "maxp": {"Target"}, "scope": {"visual"}, "visual": {"visual-1"}},
		{"fkind": {"TimeRangeFilter"}, "field": {"c=order_date&d=Sample+sales"}, "min": {"2020-01-01"}, "scope": {"all"}, "cross": {"1"}},
		{"fkind": {"RelativeDatesFilter"}, "field": {"c=order_date&d=Sample+sales"}, "reltype": {"LAST"}, "granularity": {"YEAR"}, "n": {"50"}, "scope": {"visuals"}, "visuals": {"visual-1"}},
		{"fkind": {"TopBottomFilter"}, "field": {"c=region&d=Sample+sales"}, "by": {"c=revenue&d=Sample+sales"}, "n": {"5"}},
	} {
		f.Set("op", "set-filter")
		act(f, 200)
	}
	def := ts.storedDefinition(t, id).(map[string]any)
	groups := def["FilterGroups"].([]any)
	wantEqual(t, "filter groups", len(groups), 5)
	last := groups[4].(map[string]any)["FilterGroupId"].(string)
	act(url.Values{"op": {"set-filter"}, "group": {last}, "fkind": {"TopBottomFilter"}, "field": {"c=region&d=Sample+sales"}, "by": {"c=revenue&d=Sample+sales"}, "n": {"1"}, "bottom": {"1"}}, 200)
	for _, label := range []string{"region equals Europe, Asia Pacific", "revenue from 10 to ${Target}", "order_date ≥ 2020-01-01", "order_date in last 50 year", "region: bottom 1 by sum(revenue)"} {
		if !strings.Contains(p.Body, label) {
			t.Errorf("the filters pane does not list %q", label)
		}
	}
	// Its edit form opens filled with the filter as it is.
	form := regexp.MustCompile(`(?s)<details class="filter-edit"><summary aria-label="Edit filter ` + last + `">.*?</form>`).FindString(p.Body)
	for _, s := range []string{`<option value="TopBottomFilter" selected>`, `name="n" min="0" value="1"`, `name="bottom" value="1" checked`, `<option value="SUM" selected>`} {
		if !strings.Contains(form, s) {
			t.Errorf("the edit form of %s lacks %s:\n%s", last, s, form)
		}
	}
	// Saving each filter's edit form unchanged leaves the definition as it is.
	unchanged := ts.storedDefinition(t, id)
	for _, g := range ts.storedDefinition(t, id).(map[string]any)["FilterGroups"].([]any) {
		gid := g.(map[string]any)["FilterGroupId"].(string)
		form := regexp.MustCompile(`(?s)<details class="filter-edit"><summary aria-label="Edit filter ` + regexp.QuoteMeta(gid) + `">.*?</form>`).FindString(p.Body)
		values := formValues(form)
		values.Set("visual", "visual-1")
		act(values, 200)
		wantEqual(t, "after saving "+gid+" unchanged", ts.storedDefinition(t, id), unchanged)
	}
	o := chart(t, p.Body, "visual-1")
	if cats := categoryAxis(t, o); len(cats) != 1 {
		t.Errorf("the bottom-1 filter leaves %v", cats)
	}

	// The definition round-trips through the SDK's shapes.
	qs := ts.adminClient()
	got, err := qs.DescribeAnalysisDefinition(t.Context(), &quicksight.DescribeAnalysisDefinitionInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id)})
	must(t, err)
	before := ts.storedDefinition(t, id)
	_, err = qs.UpdateAnalysis(t.Context(), &quicksight.UpdateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id), Name: aws.String("Parameters"), Definition: got.Definition})
	must(t, err)
	wantEqual(t, "after the SDK's round trip", ts.storedDefinition(t, id), before)
	raw, err = json.Marshal(before)
	must(t, err)
	must(t, authoring.Validate(raw))
}

var (
	reFormInput    = regexp.MustCompile(`<input type="(hidden|text|number|checkbox|radio)" name="([^"]+)"([^>]*)>`)
	reFormSelect   = regexp.MustCompile(`(?s)<select name="([^"]+)"[^>]*>(.*?)</select>`)
	reFormSelected = regexp.MustCompile(`<option value="([^"]*)" selected>`)
	reFormValue    = regexp.MustCompile(`value="([^"]*)"`)
)

// formValues returns what a browser posts for a server-rendered form: its
// text and hidden inputs, checked boxes and radios, and selected options
// (a select without one posts its first option).
func formValues(form string) url.Values {
	out := url.Values{}
	for _, m := range reFormInput.FindAllStringSubmatch(form, -1) {
		v := ""
		if vm := reFormValue.FindStringSubmatch(m[3]); vm != nil {
			v = html.UnescapeString(vm[1])
		}
		if (m[1] == "checkbox" || m[1] == "radio") && !strings.Contains(m[3], " checked") {
			continue
		}
		out.Add(m[2], v)
	}
	for _, m := range reFormSelect.FindAllStringSubmatch(form, -1) {
		if sm := reFormSelected.FindStringSubmatch(m[2]); sm != nil {
			out.Set(m[1], html.UnescapeString(sm[1]))
		} else if fm := reFormValue.FindStringSubmatch(m[2]); fm != nil {
			out.Set(m[1], html.UnescapeString(fm[1]))
		}
	}
	return out
}
