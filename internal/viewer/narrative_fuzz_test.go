package viewer

import (
	"errors"
	"html/template"
	"regexp"
	"strings"
	"testing"
)

// narrativeTags are the only tags a rendered narrative line may hold: the
// formatting elements, spans whose style is only checked declarations,
// links to http(s) or mailto addresses with rel=noopener noreferrer.
var narrativeTags = regexp.MustCompile(`</?(b|i|u)>|</span>|</a>` +
	`|<span>|<span style="(((color|background-color):(#[0-9a-f]{3}|#[0-9a-f]{6}|var\(--(accent|card|fg|muted)\))|font-size:[0-9.]+px|display:block;text-align:(center|right));?)+">` +
	`|<a href="(https?://|mailto:)[^"<>]*" target="_(blank|self)" rel="noopener noreferrer">`)

// FuzzNarrative parses and renders arbitrary narratives: never a panic;
// either a narrativeError or lines whose markup is only the allowed tags
// (every '<' of the text escaped, no attribute value unchecked).
func FuzzNarrative(f *testing.F) {
	for _, s := range []string{
		"<narrative>Total <expression>T.totalAggregate.formattedValue</expression></narrative>",
		"<p>a <b>b<br/>c</b></p>${T.items[0].categoryValue.formattedValue}",
		`<if condition="T.totalAggregate.value &gt;= 0 and (T.x != 'a' or 1 < 2)" level="inline">x</if>`,
		`<block align="center"><inline color="#f22323" background-color="Accent" font-size="22.4px"><a href="https://a.b/?c=&quot;" target="_blank">x</a></inline></block>`,
		"a &lt; <i>b</i> &amp; ${T.x", "<u></u><strong><em>x</em></strong>",
		"<visual-title>By <parameter>${P}</parameter></visual-title>",
		`<text-box>x<br/><ul><li class="ql-indent-1"><b>y</b>: z</li><li>w</li></ul></text-box>`,
	} {
		f.Add(s)
	}
	outs := narrativeOutputs{parameterScope: {"P": "<p&q>"}, "T": {"totalAggregate.formattedValue": "<1 & 2>", "totalAggregate.value": "-3", "x": "a\"b", "items[0].categoryValue.formattedValue": "a<b"}}
	f.Fuzz(func(t *testing.T, src string) {
		p, err := parseNarrative(src)
		var lines []template.HTML
		if err == nil {
			lines, err = renderNarrative(p, outs)
		}
		var ne narrativeError
		if err != nil {
			if !errors.As(err, &ne) {
				t.Fatalf("%q: %v is not a narrativeError", src, err)
			}
			return
		}
		for _, l := range lines {
			s := narrativeTags.ReplaceAllString(string(l), "")
			if strings.ContainsAny(s, "<>") {
				t.Fatalf("%q: unescaped markup in %q", src, l)
			}
		}
	})
}
