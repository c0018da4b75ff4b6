package e2e

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/authoring"
	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// TestRelativeDateControl adds, in the editor, a relative dates filter
// and its RelativeDateTime control: the definition is valid and what the
// same edits give; the viewer draws the control with the filter's
// period, and the bars equal SQL for the filter's period and for the
// period the viewer picks in the control.
func TestRelativeDateControl(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(2000))
	db := sampleDB(t, ts)
	u := ts.mint(t, "admin", "/start/analyses")
	token, _ := ts.signOn(t, u, -1)
	base := ts.URL + "/embedding/" + u.Sid
	p := ts.editorPost(t, base+"/analyses", token, url.Values{"name": {"Relative"}, "dataSetId": {app.SampleDataSetID}})
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
	act(url.Values{"op": {"add-visual"}, "kind": {"BarChartVisual"}}, 200)
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Category"}, "dataset": {ds}, "column": {"region"}}, 200)
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Values"}, "dataset": {ds}, "column": {"revenue"}}, 200)
	act(url.Values{"op": {"set-filter"}, "fkind": {"RelativeDatesFilter"}, "field": {"c=order_date&d=Sample+sales"}, "reltype": {"LAST"}, "granularity": {"YEAR"}, "n": {"3"}, "scope": {"sheet"}}, 200)
	filterID := regexp.MustCompile(`value="f:([^"]+)"`).FindStringSubmatch(p.Body)[1]
	act(url.Values{"op": {"add-control"}, "source": {"f:" + filterID}, "ckind": {"RelativeDateTime"}, "title": {"Ordered"}}, 200)

	want, err := authoring.NewAnalysis(ds, dataSetARN(app.SampleDataSetID))
	must(t, err)
	step := func(out []byte, err error) { t.Helper(); must(t, err); want = out }
	step2 := func(out []byte, _ string, err error) { t.Helper(); step(out, err) }
	step3 := func(out []byte, _, _ string, err error) { t.Helper(); step(out, err) }
	step2(authoring.AddVisual(want, authoring.FirstSheetID, "BarChartVisual"))
	step2(authoring.AddField(want, "visual-1", "Category", authoring.Column{DataSetIdentifier: ds, Name: "region", Type: "STRING"}, -1))
	step2(authoring.AddField(want, "visual-1", "Values", authoring.Column{DataSetIdentifier: ds, Name: "revenue", Type: "DECIMAL"}, -1))
	step3(authoring.AddFilter(want, authoring.Filter{Kind: "RelativeDatesFilter", Column: authoring.Column{DataSetIdentifier: ds, Name: "order_date", Type: "DATETIME"}, RelativeType: "LAST", Granularity: "YEAR", N: 3, Scope: authoring.Scope{SheetID: authoring.FirstSheetID}}))
	step2(authoring.AddFilterControl(want, filterID, authoring.Control{SheetID: authoring.FirstSheetID, Kind: "RelativeDateTime", Title: "Ordered"}))
	wantEqual(t, "definition", ts.storedDefinition(t, id), decodeJSON(t, want))
	must(t, authoring.Validate(want))

	total := func(body string, typ string, g dialect.Granularity, n int) {
		t.Helper()
		from, to, err := query.RelativeRange(ts.now().UTC(), g, typ, n)
		must(t, err)
		o := chart(t, body, "visual-1")
		var got float64
		for _, raw := range o.Series[0].Data {
			f, _ := strconv.ParseFloat(string(raw), 64)
			got += f
		}
		want := sqlFloat(t, db, "SELECT coalesce(sum(revenue), 0) FROM orders WHERE order_date >= ? AND order_date < ?", from.Format(time.DateTime), to.Format(time.DateTime))
		if !near(got, want) {
			t.Errorf("%s %d %s: bars sum to %v, SQL %v", typ, n, g, got, want)
		}
	}
	view := ts.withToken(t, base+"/analyses/"+id, token)
	if view.Status != 200 {
		t.Fatalf("view: %d", view.Status)
	}
	name := "f." + filterID
	for _, s := range []string{`name="` + name + `.reltype"`, `<option value="LAST" selected>`, `name="` + name + `.n" min="1" max="10000" value="3"`, `<option value="YEAR" selected>`} {
		if !strings.Contains(view.Body, s) {
			t.Errorf("the relative date control lacks %s", s)
		}
	}
	total(view.Body, query.Last, dialect.Year, 3)
	picked := ts.withToken(t, base+"/analyses/"+id+"/sheets/"+authoring.FirstSheetID+"?"+url.Values{name + ".reltype": {"PREVIOUS"}, name + ".n": {"6"}, name + ".gran": {"MONTH"}}.Encode(), token)
	if picked.Status != 200 {
		t.Fatalf("picked: %d", picked.Status)
	}
	total(picked.Body, query.Previous, dialect.Month, 6)
	// A choice the control does not offer leaves the filter's own.
	odd := ts.withToken(t, base+"/analyses/"+id+"/sheets/"+authoring.FirstSheetID+"?"+url.Values{name + ".reltype": {"SOMETIME"}, name + ".n": {"-4"}, name + ".gran": {"MILLISECOND"}}.Encode(), token)
	total(odd.Body, query.Last, dialect.Year, 3)
}
