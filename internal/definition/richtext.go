package definition

import (
	"html"
	"strings"
)

// inlineElements are the rich-text elements that format text within a
// line; every other element (<br/>, <block>, <visual-title>, …) parts
// the words around it.
var inlineElements = map[string]bool{"b": true, "i": true, "u": true, "strong": true, "em": true, "inline": true, "a": true, "parameter": true}

// RichTextPlain is the text of QuickSight's rich-text markup (a title's
// or subtitle's FormatText.RichText, a text box's content) without its
// elements: entities decoded, each run of white space one space. A
// parameter reference stays as it is written, ${Name}.
func RichTextPlain(markup string) string {
	var b strings.Builder
	for len(markup) > 0 {
		lt := strings.IndexByte(markup, '<')
		if lt < 0 {
			b.WriteString(markup)
			break
		}
		b.WriteString(markup[:lt])
		gt := strings.IndexByte(markup[lt:], '>')
		if gt < 0 {
			break // an unclosed tag: nothing after it is text
		}
		tag := strings.TrimPrefix(markup[lt+1:lt+gt], "/")
		if n := strings.IndexAny(tag, " \t\r\n/"); n >= 0 {
			tag = tag[:n]
		}
		if !inlineElements[strings.ToLower(tag)] {
			b.WriteByte(' ')
		}
		markup = markup[lt+gt+1:]
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}
