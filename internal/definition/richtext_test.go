package definition

import "testing"

func TestRichTextPlain(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<visual-title>\n  Budget Summary by \n  <parameter>${GroupBy}</parameter>\n   This Month\n</visual-title>", "Budget Summary by ${GroupBy} This Month"},
		{`<visual-subtitle><inline font-size="14px">Select a row &amp; filter!</inline></visual-subtitle>`, "Select a row & filter!"},
		{"<visual-title><b>Bold</b>er</visual-title>", "Bolder"},
		{"<visual-title>one<br/>two</visual-title>", "one two"},
		{"plain", "plain"},
		{"<visual-title>cut <b", "cut"},
		{"", ""},
	} {
		if got := RichTextPlain(c.in); got != c.want {
			t.Errorf("RichTextPlain(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
