package e2e

import (
	"fmt"
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

// TestViewerInsightCustomNarrative draws an insight's custom narrative
// (the markup the narrative editor saves: text, bold, inline expressions
// and ${…} placeholders naming computations' outputs) over the sample,
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
  <p>Total <inline-expression>Sales total.metricField.name</inline-expression> is <b><inline-expression>Sales total.totalAggregate.formattedValue</inline-expression></b> &amp; counting.</p>
  <p>The top <inline-expression>top.categoryField.name</inline-expression> by ${top.metricField.name} is <i>${top.items[0].categoryValue.formattedValue}</i> with ${top.items[0].metricValue.formattedValue},<br/>then ${top.items[1].categoryValue.formattedValue}.</p>
</narrative>`
	n := strings.NewReplacer(`"`, `\"`, "\n", `\n`).Replace(narrative)
	body := visualsDashboard(t, ts, "narrative",
		`{"InsightVisual": {"VisualId": "story", "DataSetIdentifier": "sales", "InsightConfiguration": {"Computations": [`+comps+`], "CustomNarrative": {"Narrative": "`+n+`"}}}}`,
		`{"InsightVisual": {"VisualId": "unknown", "DataSetIdentifier": "sales", "InsightConfiguration": {"Computations": [`+comps+`], "CustomNarrative": {"Narrative": "${top.items[0].metricValue.percentOfTotal}"}}}}`,
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
		fmt.Sprintf("The top region by quantity is <i>%v</i> with %s,", top[0][0], num(top[0][1].(float64))),
		fmt.Sprintf("then %v.", top[1][0]),
	}
	wantEqual(t, "narrative", narrativeHTML(t, body, "story"), want)

	if tl := tile(t, body, "unknown"); !strings.Contains(tl, "tile-unsupported") ||
		!strings.Contains(tl, "the CustomNarrative expression &#34;top.items[0].metricValue.percentOfTotal&#34;") {
		t.Errorf("an output not computed: want it refused by name, got\n%s", tl)
	}
}
