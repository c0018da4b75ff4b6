package e2e

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
)

var reNarrativeLine = regexp.MustCompile(`<p>(.*?)</p>`)

// narrativeHTML returns the lines of an insight tile's narrative as the
// page writes them (HTML).
func narrativeHTML(t testing.TB, body, visualID string) []string {
	t.Helper()
	tl := tile(t, body, visualID)
	i := strings.Index(tl, `class="insight"`)
	if i < 0 {
		t.Fatalf("tile %s has no narrative:\n%s", visualID, tl)
	}
	var out []string
	for _, m := range reNarrativeLine.FindAllStringSubmatch(tl[i:strings.Index(tl[i:], "</div>")+i], -1) {
		out = append(out, m[1])
	}
	return out
}

// narrativeText is the text of a tile's narrative lines: tags dropped,
// entities decoded, no-break spaces and runs of spaces one space.
func narrativeText(t testing.TB, body, visualID string) []string {
	t.Helper()
	var out []string
	for _, l := range narrativeHTML(t, body, visualID) {
		s := html.UnescapeString(reTag.ReplaceAllString(l, ""))
		out = append(out, strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " "))
	}
	return out
}

// reTag matches an HTML tag.
var reTag = regexp.MustCompile(`<[^>]*>`)

// TestViewerInsightCustomNarrative draws an insight's custom narrative
// (the markup the narrative editor saves: text, bold, <expression>s
// naming computations' outputs, colors, an <if>) over the sample,
// each number against an independent SQL query and with the field's
// number format; the category's text is escaped.
func TestViewerInsightCustomNarrative(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	usd := `{"NumericalMeasureField": {"FieldId": "tot-v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"},
		"FormatConfiguration": {"FormatConfiguration": {"NumberDisplayFormatConfiguration": {"Prefix": "$", "DecimalPlacesConfiguration": {"DecimalPlaces": 2}}}}}}`
	comps := `{"TotalAggregation": {"ComputationId": "total", "Name": "Sales total", "Value": ` + usd + `}},
		{"TopBottomRanked": {"ComputationId": "top", "Type": "TOP", "ResultSize": 2, "Category": {"CategoricalDimensionField": {"FieldId": "top-c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}, "Value": ` + fmt.Sprintf(sumOf, "top-v", "quantity", "SUM") + `}}`
	narrative := `<narrative>
  <p>Total <expression>Sales total.metricField.name</expression> is <b><expression>Sales total.totalAggregate.formattedValue</expression></b> &amp; counting.</p>
  <p>The top <expression>top.categoryField.name</expression> by <expression>top.metricField.name</expression> is <i><expression>top.items[0].categoryValue.formattedValue</expression></i> with <inline color="Accent"><expression>top.items[0].metricValue.formattedValue</expression></inline>,<br/>then <expression>top.items[1].categoryValue.formattedValue</expression>.<if condition="top.items[0].metricValue.value &gt; top.items[1].metricValue.value" level="inline"> Ahead.</if><if condition="top.items[0].metricValue.value = top.items[1].metricValue.value" level="inline"> Tied.</if> ${x}</p>
</narrative>`
	n := strings.NewReplacer(`"`, `\"`, "\n", `\n`).Replace(narrative)
	body := visualsDashboard(t, ts, "narrative",
		`{"InsightVisual": {"VisualId": "story", "DataSetIdentifier": "sales", "InsightConfiguration": {"Computations": [`+comps+`], "CustomNarrative": {"Narrative": "`+n+`"}}}}`,
		`{"InsightVisual": {"VisualId": "unknown", "DataSetIdentifier": "sales", "InsightConfiguration": {"Computations": [`+comps+`], "CustomNarrative": {"Narrative": "<expression>top.items[0].metricValue.percentOfTotal</expression>"}}}}`,
	)

	total := sqlRows(t, ts, "SELECT SUM(revenue) FROM orders")[0][0].(float64)
	top := sqlRows(t, ts, "SELECT region, SUM(quantity) AS v FROM orders GROUP BY 1 HAVING v IS NOT NULL ORDER BY v DESC, 1 LIMIT 2")
	money := num(total)
	if !strings.Contains(money, ".") {
		money += ".00"
	} else if len(money)-strings.Index(money, ".") == 2 {
		money += "0"
	}
	want := []string{
		"Total revenue is <b>$" + money + "</b> &amp; counting.",
		fmt.Sprintf(`The top region by quantity is <i>%v</i> with <span style="color:var(--accent)">%s</span>,`, top[0][0], num(top[0][1].(float64))),
		fmt.Sprintf("then %v.%s ${x}", top[1][0], map[bool]string{true: " Ahead.", false: " Tied."}[top[0][1].(float64) > top[1][1].(float64)]),
	}
	wantEqual(t, "narrative", narrativeHTML(t, body, "story"), want)

	if tl := tile(t, body, "unknown"); !strings.Contains(tl, "tile-unsupported") ||
		!strings.Contains(tl, "the CustomNarrative expression &#34;top.items[0].metricValue.percentOfTotal&#34;") {
		t.Errorf("an output not computed: want it refused by name, got\n%s", tl)
	}
}
