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
		"Total": {"totalAggregate.formattedValue": "$1,234.50", "totalAggregate.value": "1234.5", "metricField.name": "revenue"},
		"top":   {"items[0].categoryValue.formattedValue": "East & <West>", "items[0].metricValue.formattedValue": "900", "itemsCount": "1"},
	}
	for _, c := range []struct {
		src  string
		want []template.HTML
	}{
		// The editor's saved shape: an element around the text, indented lines.
		{"<narrative>\n  Total <expression>Total.metricField.name</expression> is\n  <b><expression>Total.totalAggregate.formattedValue</expression></b>.\n</narrative>",
			[]template.HTML{"Total revenue is <b>$1,234.50</b>."}},
		// The ComputationId names a computation as its Name does; a "${" is text.
		{"Top: <expression>top.items[0].categoryValue.formattedValue</expression> (<expression>top.items[0].metricValue.formattedValue</expression>) ${top.itemsCount}",
			[]template.HTML{"Top: East &amp; &lt;West&gt; (900) ${top.itemsCount}"}},
		// <inline> colors and sizes, theme colors as the theme's variables.
		{`<inline background-color="PrimaryBackground" color="#F22323">a</inline> <inline color="Accent" font-size="22.4px"><b>b</b></inline>`,
			[]template.HTML{`<span style="background-color:var(--card);color:#f22323">a</span> <span style="color:var(--accent);font-size:22.4px"><b>b</b></span>`}},
		// Blocks align their lines; links open with rel=noopener noreferrer.
		{`<block align="center"><a href="https://example.com/a?b=1&amp;c=&quot;2" target="_blank">x</a></block><br/><block align="right">y</block><block align="center"/>z`,
			[]template.HTML{`<span style="display:block;text-align:center"><a href="https://example.com/a?b=1&amp;c=&#34;2" target="_blank" rel="noopener noreferrer">x</a></span>`,
				`<span style="display:block;text-align:right">y</span>`, "z"}},
		// <if>: inline keeps the line, block makes its own.
		{`a<if condition="Total.totalAggregate.value &gt;= 1000 and top.itemsCount = 1" level="inline"> big</if><if condition="Total.totalAggregate.value &lt; 1000" level="inline"> small</if>` +
			`<if condition="top.items[0].categoryValue.formattedValue != 'x' or (1 > 2)" level="block">c</if><if condition="top.itemsCount != 1" level="block">d</if>e`,
			[]template.HTML{"a big", "c", "e"}},
		// Lines: <br/> and blocks; formatting across a line break is closed and reopened.
		{"<p>One</p><p>Two <i>a<br/>b</i></p>", []template.HTML{"One", "Two <i>a</i>", "<i>b</i>"}},
		// Text is escaped; entities are decoded first.
		{"a &lt;script&gt; &amp; b", []template.HTML{"a &lt;script&gt; &amp; b"}},
		{"<strong>x</strong> <em>y</em> <u>z</u>", []template.HTML{"<b>x</b> <i>y</i> <u>z</u>"}},
		{"<narrative></narrative>", nil},
		// The editor's layout (line breaks, indentation) is a space only
		// between words; its no-break spaces are kept.
		{"<narrative>\n  Total\n  <expression>Total.metricField.name</expression>\n  \u00a0for\u00a0\n  <inline color=\"Accent\">\n    <b>\u00a0(</b>\n  </inline>\n  <b>\n    <expression>Total.totalAggregate.formattedValue</expression>\n  </b>\n  <b>)</b>\n  .\n  <br/>\n  a ,b\n</narrative>",
			[]template.HTML{"Total revenue\u00a0for\u00a0<span style=\"color:var(--accent)\"><b>\u00a0(</b></span><b>$1,234.50</b><b>)</b>.", "a ,b"}},
		// Nested <if>s; strings compare as text, numbers as numbers ("9" < "10").
		{`<if condition="9 &lt; 10 and 'b' &gt; 'a'">x<if condition="Total.metricField.name = &quot;revenue&quot;">y</if><if condition="Total.metricField.name != 'revenue'">z</if></if>`,
			[]template.HTML{"xy"}},
		{`<a href="mailto:a@b.c?subject=Hi%20there">mail</a>`, []template.HTML{`<a href="mailto:a@b.c?subject=Hi%20there" target="_self" rel="noopener noreferrer">mail</a>`}},
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
	outs := narrativeOutputs{"Total": {"totalAggregate.formattedValue": "1", "totalAggregate.value": "1"}, "f": {forecastMark: ""}}
	for src, want := range map[string]string{
		"<if>x</if>":   "the CustomNarrative element <if> without a condition",
		"<for>x</for>": "the CustomNarrative element <for>",
		"<inline-expression>x</inline-expression>":                   "the CustomNarrative element <inline-expression>",
		`<b class="x">y</b>`:                                         `the CustomNarrative attribute class="x" of <b>`,
		`<inline color="red">y</inline>`:                             `the CustomNarrative attribute color="red" of <inline>`,
		`<inline color="#12345">y</inline>`:                          `attribute color="#12345"`,
		`<inline color="#fff;x:y">y</inline>`:                        `attribute color="#fff;x:y"`,
		`<inline font-size="2px">y</inline>`:                         `attribute font-size="2px"`,
		`<inline font-size="1em">y</inline>`:                         `attribute font-size="1em"`,
		`<inline style="x">y</inline>`:                               `attribute style="x" of <inline>`,
		`<block align="justify">y</block>`:                           `attribute align="justify" of <block>`,
		`<a href="javascript:alert(1)">y</a>`:                        `attribute href="javascript:alert(1)" of <a>`,
		`<a href="//evil">y</a>`:                                     `attribute href="//evil"`,
		`<a href="https://x" target="w">y</a>`:                       `attribute target="w"`,
		`<a>y</a>`:                                                   "<a> without an href",
		`<inline color="#fff>y</inline>`:                             "(an element is not closed with >)",
		`<inline color=#fff>y</inline>`:                              "(the attributes of <inline>",
		`<if condition="Total.totalAggregate.value + 1 > 2">y</if>`:  `condition "Total.totalAggregate.value + 1 > 2"`,
		`<if condition="max(Total.totalAggregate.value) > 2">y</if>`: `condition "max(Total.totalAggregate.value) > 2"`,
		`<if condition="Total.totalAggregate.value">y</if>`:          `condition "Total.totalAggregate.value"`,
		`<if condition="1 > 0" level="page">y</if>`:                  `attribute level="page" of <if>`,
		`<if condition="Other.x.value > 0">y</if>`:                   `(no computation of the insight is called "Other")`,
		`<if condition="1 > 0">y</if><if condition="0 > 1"><expression>Total.nope</expression></if>`: `expression "Total.nope" (an output Sightglass does not compute`,
		"<b>unclosed": "(<b> is not closed)",
		"a </i>":      "(</i> closes no open element)",
		"<expression>Total.totalAggregate.formattedAbsoluteValue</expression>":                       `expression "Total.totalAggregate.formattedAbsoluteValue" (an output Sightglass does not compute`,
		"<expression>Other.totalAggregate.formattedValue</expression>":                               `(no computation of the insight is called "Other")`,
		"<expression>Total.totalAggregate.formattedValue * 2</expression>":                           `expression "Total.totalAggregate.formattedValue * 2" (only a computation's output path is read)`,
		"<expression>Total</expression>":                                                             `expression "Total"`,
		"<expression>f.forecast.value</expression>":                                                  "a forecast, which needs a machine-learning model",
		"<expression>Total.x":                                                                        "<expression> is not closed",
		`<if condition="` + strings.Repeat("(", 40) + "1 = 1" + strings.Repeat(")", 40) + `">y</if>`: `condition "((((`,
		`<if condition="1 = 1" condition="2 = 2">y</if>`:                                             `attribute condition="2 = 2" of <if>`,
		"a < b": "(an element is not closed with >)",
	} {
		_, err := narrativeOf(t, src, outs)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want one naming %q", src, err, want)
		}
	}
}
