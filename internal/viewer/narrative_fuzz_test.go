package viewer

import (
	"errors"
	"html/template"
	"strings"
	"testing"
)

// FuzzNarrative parses and renders arbitrary narratives: never a panic;
// either a narrativeError or lines whose markup is only the formatting
// elements (every '<' of the text escaped).
func FuzzNarrative(f *testing.F) {
	for _, s := range []string{
		"<narrative>Total <inline-expression>T.totalAggregate.formattedValue</inline-expression></narrative>",
		"<p>a <b>b<br/>c</b></p>${T.items[0].categoryValue.formattedValue}",
		"<if><condition>x</condition></if>", "a &lt; <i>b</i> &amp; ${T.x", "<u></u><strong><em>x</em></strong>",
	} {
		f.Add(s)
	}
	outs := narrativeOutputs{"T": {"totalAggregate.formattedValue": "<1 & 2>", "items[0].categoryValue.formattedValue": "a<b"}}
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
			s := string(l)
			for _, tag := range []string{"<b>", "</b>", "<i>", "</i>", "<u>", "</u>"} {
				s = strings.ReplaceAll(s, tag, "")
			}
			if strings.ContainsAny(s, "<>") {
				t.Fatalf("%q: unescaped markup in %q", src, l)
			}
		}
	})
}
