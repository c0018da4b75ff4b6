package viewer

import (
	"html/template"
	"strings"
	"testing"
)

// narrativeOf parses and renders a narrative over outs.
func narrativeOf(t *testing.T, src string, outs narrativeOutputs) ([]template.HTML, error) {
	t.Helper()
	p, err := parseNarrative(src)
	if err != nil {
		return nil, err
	}
	return renderNarrative(p, outs)
}

func TestNarrativeRender(t *testing.T) {
	outs := narrativeOutputs{
		"Total": {"totalAggregate.formattedValue": "$1,234.50", "metricField.name": "revenue"},
		"top":   {"items[0].categoryValue.formattedValue": "East & <West>", "items[0].metricValue.formattedValue": "900", "itemsCount": "1"},
	}
	for _, c := range []struct {
		src  string
		want []template.HTML
	}{
		// The editor's saved shape: an element around the text, indented lines.
		{"<narrative>\n  Total <inline-expression>Total.metricField.name</inline-expression> is\n  <b><inline-expression>Total.totalAggregate.formattedValue</inline-expression></b>.\n</narrative>",
			[]template.HTML{"Total revenue is <b>$1,234.50</b>."}},
		// ${…} placeholders; the ComputationId names a computation as its Name does.
		{"Top: ${top.items[0].categoryValue.formattedValue} (${top.items[0].metricValue.formattedValue})",
			[]template.HTML{"Top: East &amp; &lt;West&gt; (900)"}},
		// Lines: <br/> and blocks; formatting across a line break is closed and reopened.
		{"<p>One</p><p>Two <i>a<br/>b</i></p>", []template.HTML{"One", "Two <i>a</i>", "<i>b</i>"}},
		// Text is escaped; entities are decoded first.
		{"a &lt;script&gt; &amp; b", []template.HTML{"a &lt;script&gt; &amp; b"}},
		{"<strong>x</strong> <em>y</em> <u>z</u>", []template.HTML{"<b>x</b> <i>y</i> <u>z</u>"}},
		{"<narrative></narrative>", nil},
	} {
		got, err := narrativeOf(t, c.src, outs)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		wantEq(t, c.src, got, c.want)
	}
}

func TestNarrativeRefusals(t *testing.T) {
	outs := narrativeOutputs{"Total": {"totalAggregate.formattedValue": "1"}, "f": {forecastMark: ""}}
	for src, want := range map[string]string{
		"<if><condition>x</condition></if>": "the CustomNarrative element <if>",
		"<for>x</for>":                      "the CustomNarrative element <for>",
		`<b class="x">y</b>`:                `the CustomNarrative element <b class="x">`,
		"<b>unclosed":                       "(<b> is not closed)",
		"a </i>":                            "(</i> closes no open element)",
		"<inline-expression>Total.totalAggregate.value</inline-expression>": `expression "Total.totalAggregate.value" (an output Sightglass does not compute`,
		"${Other.totalAggregate.formattedValue}":                            `(no computation of the insight is called "Other")`,
		"${Total.totalAggregate.formattedValue * 2}":                        `expression "Total.totalAggregate.formattedValue * 2" (only a computation's output path is read)`,
		"${Total}":            `expression "Total"`,
		"${f.forecast.value}": "a forecast, which needs a machine-learning model",
		"${Total.x":           "${ is not closed",
		"a < b":               "(an element is not closed with >)",
	} {
		_, err := narrativeOf(t, src, outs)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want one naming %q", src, err, want)
		}
	}
}
