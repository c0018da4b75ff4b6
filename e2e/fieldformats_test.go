package e2e

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/authoring"
)

// TestFieldMenuFormats sets, in the field menu, a date dimension's date
// format and a bar chart measure's number format: the definition is what
// the same edits give and valid; the bars' categories are SQL's months
// written in the format, and the chart's option carries the measure's
// format for its labels, tooltips and value axis. A measure of a type
// that does not draw formats is still refused.
func TestFieldMenuFormats(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(2000))
	db := sampleDB(t, ts)
	u := ts.mint(t, "admin", "/start/analyses")
	token, _ := ts.signOn(t, u, -1)
	base := ts.URL + "/embedding/" + u.Sid
	p := ts.editorPost(t, base+"/analyses", token, url.Values{"name": {"Formats"}, "dataSetId": {app.SampleDataSetID}})
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
	date := authoring.Column{DataSetIdentifier: ds, Name: "order_date", Type: "DATETIME"}
	revenue := authoring.Column{DataSetIdentifier: ds, Name: "revenue", Type: "DECIMAL"}
	want, err := authoring.NewAnalysis(ds, dataSetARN(app.SampleDataSetID))
	must(t, err)
	step := func(out []byte, err error) { t.Helper(); must(t, err); want = out }
	step2 := func(out []byte, _ string, err error) { t.Helper(); step(out, err) }

	act(url.Values{"op": {"add-visual"}, "kind": {"BarChartVisual"}}, 200)
	step2(authoring.AddVisual(want, authoring.FirstSheetID, "BarChartVisual"))
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Category"}, "dataset": {ds}, "column": {"order_date"}}, 200)
	step2(authoring.AddField(want, "visual-1", "Category", date, -1))
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Values"}, "dataset": {ds}, "column": {"revenue"}}, 200)
	step2(authoring.AddField(want, "visual-1", "Values", revenue, -1))
	act(url.Values{"op": {"granularity"}, "visual": {"visual-1"}, "field": {"visual-1.order_date-1"}, "value": {"MONTH"}}, 200)
	step(authoring.SetGranularity(want, "visual-1.order_date-1", "MONTH"))
	if !strings.Contains(p.Body, `name="dformat"`) {
		t.Errorf("the date field's menu offers no date format")
	}
	act(url.Values{"op": {"date-format"}, "visual": {"visual-1"}, "field": {"visual-1.order_date-1"}, "dformat": {"MMM YYYY"}}, 200)
	step(authoring.SetDateFormat(want, "visual-1.order_date-1", "MMM YYYY"))
	two := 2
	act(url.Values{"op": {"number-format"}, "visual": {"visual-1"}, "field": {"visual-1.revenue-1"}, "nformat": {"number"}, "decimals": {"2"}, "scale": {"THOUSANDS"}, "prefix": {"$"}}, 200)
	step(authoring.SetNumberFormat(want, "visual-1.revenue-1", &authoring.NumberFormat{Decimals: &two, Scale: "THOUSANDS", Prefix: "$"}))
	wantEqual(t, "definition", ts.storedDefinition(t, id), decodeJSON(t, want))
	must(t, authoring.Validate(want))

	// The months, as SQL has them, written "Jan 2026".
	rows, err := db.QueryContext(t.Context(), "SELECT DISTINCT substr(order_date, 1, 7) FROM orders ORDER BY 1")
	must(t, err)
	var months []string
	for rows.Next() {
		var m string
		must(t, rows.Scan(&m))
		at, err := time.Parse("2006-01", m)
		must(t, err)
		months = append(months, at.Format("Jan 2006"))
	}
	must(t, rows.Err())
	view := ts.withToken(t, base+"/analyses/"+id, token)
	cats := categoryAxis(t, chart(t, view.Body, "visual-1"))
	wantEqual(t, "months", strings.Join(sortedByDate(t, cats), "|"), strings.Join(months, "|"))
	if o := html.UnescapeString(tile(t, view.Body, "visual-1")); !strings.Contains(o, `"sgNumberFormat":{"Percent":false,"Decimals":2,"Scale":"THOUSANDS","Prefix":"$","Suffix":""}`) {
		t.Errorf("the bars' option carries no number format:\n%.2000s", o)
	}
	// Removed, the dates are labelled by their granularity again.
	act(url.Values{"op": {"date-format"}, "visual": {"visual-1"}, "field": {"visual-1.order_date-1"}, "dformat": {""}}, 200)
	step(authoring.SetDateFormat(want, "visual-1.order_date-1", ""))
	wantEqual(t, "format removed", ts.storedDefinition(t, id), decodeJSON(t, want))

	// Refused: a date format on a measure, a number format on a
	// histogram's value (a histogram draws counts of rows).
	if np := act(url.Values{"op": {"date-format"}, "visual": {"visual-1"}, "field": {"visual-1.revenue-1"}, "dformat": {"YYYY"}}, 400); !strings.Contains(np.Body, "only a date dimension takes a date format") {
		t.Errorf("a measure's date format: %.1500s", np.Body)
	}
	act(url.Values{"op": {"add-visual"}, "kind": {"HistogramVisual"}}, 200)
	act(url.Values{"op": {"add-field"}, "visual": {"visual-2"}, "well": {"Values"}, "dataset": {ds}, "column": {"revenue"}}, 200)
	if np := act(url.Values{"op": {"number-format"}, "visual": {"visual-2"}, "field": {"visual-2.revenue-1"}, "nformat": {"percent"}}, 400); !strings.Contains(np.Body, "not of a Histogram") {
		t.Errorf("a histogram's number format: %.1500s", np.Body)
	}
}

// sortedByDate orders "Jan 2006" labels by date.
func sortedByDate(t *testing.T, labels []string) []string {
	t.Helper()
	type m struct {
		at    time.Time
		label string
	}
	var ms []m
	for _, l := range labels {
		at, err := time.Parse("Jan 2006", l)
		if err != nil {
			t.Fatalf("label %q is not a month in the format: %v", l, err)
		}
		ms = append(ms, m{at, l})
	}
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].at.Before(ms[j-1].at); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
	out := make([]string, len(ms))
	for i := range ms {
		out[i] = ms[i].label
	}
	return out
}
