package e2e

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestFiltersPaneMatchWords checks that the filters pane words a category
// filter's match as the viewer applies it: a filter list's CONTAINS and
// DOES_NOT_CONTAIN keep or drop the listed values themselves ("is one of",
// "is not one of": "Asia" does not keep "Asia Pacific"), while a custom
// filter's single value is matched in part ("contains", "does not
// contain"). The bars drawn under each filter equal SQL's.
func TestFiltersPaneMatchWords(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(2000))
	db := sampleDB(t, ts)
	act, _, _ := editorSession(t, ts)
	act(url.Values{"op": {"add-visual"}, "kind": {"BarChartVisual"}}, 200)
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Category"}, "dataset": {"Sample sales"}, "column": {"region"}}, 200)
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Values"}, "dataset": {"Sample sales"}, "column": {"revenue"}}, 200)

	group := ""
	for _, c := range []struct {
		match, values, label, where string
	}{
		{"CONTAINS", "Europe, Asia", "region is one of Europe, Asia", "region IN ('Europe', 'Asia')"},
		{"DOES_NOT_CONTAIN", "Europe, Asia", "region is not one of Europe, Asia", "region NOT IN ('Europe', 'Asia')"},
		{"CONTAINS", "urop", "region contains urop", "instr(region, 'urop') > 0"},
		{"DOES_NOT_CONTAIN", "urop", "region does not contain urop", "instr(region, 'urop') = 0"},
	} {
		p := act(url.Values{"op": {"set-filter"}, "group": {group}, "fkind": {"CategoryFilter"}, "field": {"c=region&d=Sample+sales"}, "match": {c.match}, "values": {c.values}, "scope": {"sheet"}}, 200)
		labels := filterLabels(p.Body)
		if len(labels) != 1 || labels[0] != c.label {
			t.Errorf("%s %s: the filters pane lists %q, want [%q]", c.match, c.values, labels, c.label)
		}
		wantBarsSQL(t, p.Body, "visual-1", db, "SELECT region, sum(revenue) FROM orders WHERE "+c.where+" GROUP BY region")
		group = regexp.MustCompile(`<li class="filter" data-group-id="([^"]+)">`).FindStringSubmatch(p.Body)[1]
	}
}

// filterLabels are the labels the filters pane lists, unescaped.
func filterLabels(body string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<li class="filter" data-group-id="[^"]*"><span>([^<]*)</span>`).FindAllStringSubmatch(body, -1) {
		out = append(out, strings.TrimSpace(html.UnescapeString(m[1])))
	}
	return out
}
