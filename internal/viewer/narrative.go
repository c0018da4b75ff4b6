package viewer

import (
	"html"
	"strconv"
	"strings"
	"unicode"
)

// A custom narrative (InsightConfiguration.CustomNarrative.Narrative) is
// the markup QuickSight's narrative editor saves, as real definitions
// show it: text, formatting and expressions naming a computation's
// outputs, inside a <narrative> element. The part Sightglass reads:
//
//   - text, its entities decoded (a "${" in it is text); a run of white
//     space is one space, as in HTML, but one with a line break in it is
//     the editor's layout, a space only between words (the editor writes
//     the spaces it means as no-break spaces: narrativerender.go);
//   - <br/>, <p>, <div> and <block align="left|center|right"> start a
//     line (a block's lines are aligned);
//   - <b>/<strong>, <i>/<em> and <u> format the text they hold;
//     <inline color=… background-color=… font-size=…> colors and sizes it
//     (narrativestyle.go); <a href="http(s)://…" target=…> links it;
//   - <expression>Name.path</expression> writes an output of the
//     computation called Name (its Name, else its ComputationId, spaces
//     allowed): a dotted path with [n] indexes, such as
//     Total.totalAggregate.formattedValue or
//     Top.items[0].categoryValue.formattedValue;
//   - <if condition="…" level="inline|block"> holds what is written only
//     when its condition over outputs holds (narrativecond.go);
//   - <parameter>${Name}</parameter> writes the current value of the
//     parameter Name (its values joined with ", "), as titles and
//     subtitles use it (richtitle.go, where <visual-title> and
//     <visual-subtitle> wrap the markup as <narrative> does);
//   - in a text box's <text-box>, <ul> holds <li> items, each a line
//     that starts with a bullet (the editor's class="ql-indent-N" is
//     read and its indent not drawn).
//
// Anything else (another element such as <for>, an attribute or a value
// outside the allow-list, an expression that is not a path) is a
// narrativeError that names it: the tile refuses it rather than print it
// raw or drop it.

// narrativeKind tells the pieces of a parsed narrative apart.
type narrativeKind uint8

const (
	narText  narrativeKind = iota // text, decoded
	narExpr                       // an output path
	narOpen                       // a formatting element opens: text is its HTML opening tag, close its closing tag
	narClose                      // the innermost formatting element closes
	narBreak                      // a new line
	narAlign                      // the alignment of the lines from here: text is "", left, center or right
	narIf                         // what follows up to the matching narEndIf is written only when cond holds
	narEndIf                      // the end of an <if>
)

// narrativePiece is one piece of a parsed narrative.
type narrativePiece struct {
	kind  narrativeKind
	text  string
	close string    // narOpen: the closing tag
	path  []string  // narExpr: the computation's name, then each step ("[0]" for an index)
	cond  *condNode // narIf
}

// narrativeError names what of a narrative Sightglass does not read.
type narrativeError string

func (e narrativeError) Error() string { return string(e) }

// formatTags maps the formatting elements read to the one each writes.
var formatTags = map[string]string{"b": "b", "strong": "b", "i": "i", "em": "i", "u": "u"}

// blockTags are the elements that only start (and end) a line.
var blockTags = map[string]bool{"narrative": true, "p": true, "div": true, "visual-title": true, "visual-subtitle": true,
	"text-box": true, "ul": true, "li": true}

// narrativeParser holds the state of one parse.
type narrativeParser struct {
	out   []narrativePiece
	open  []string // elements open, innermost last
	align []string // the alignments of the <block>s open
}

// parseNarrative parses a custom narrative's markup into pieces.
func parseNarrative(s string) ([]narrativePiece, error) {
	p := &narrativeParser{}
	for len(s) > 0 {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			lt = len(s)
		}
		if t := html.UnescapeString(s[:lt]); t != "" {
			p.out = append(p.out, narrativePiece{kind: narText, text: t})
		}
		s = s[lt:]
		if s == "" {
			break
		}
		gt := tagEnd(s)
		if gt < 0 {
			return nil, narrativeError("a CustomNarrative whose markup does not parse (an element is not closed with >)")
		}
		tag := s[1:gt]
		s = s[gt+1:]
		var err error
		if s, err = p.element(tag, s); err != nil {
			return nil, err
		}
	}
	if len(p.open) > 0 {
		return nil, narrativeError("a CustomNarrative whose markup does not parse (<" + clip(p.open[len(p.open)-1]) + "> is not closed)")
	}
	return p.out, nil
}

// tagEnd is the index of the '>' that ends the tag at the start of s,
// past quoted attribute values (which may hold '>'), or -1.
func tagEnd(s string) int {
	var quote byte
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return -1
}

// element reads one tag (without its < >) and what it takes of the rest
// of the markup, rest; it returns what remains.
func (p *narrativeParser) element(tag, rest string) (string, error) {
	closing := strings.HasPrefix(tag, "/")
	body := strings.TrimPrefix(tag, "/")
	selfClosing := !closing && strings.HasSuffix(body, "/")
	body = strings.TrimSuffix(body, "/")
	n := strings.IndexFunc(body, unicode.IsSpace)
	if n < 0 {
		n = len(body)
	}
	name := strings.ToLower(body[:n])
	if name == "" || strings.ContainsAny(name, "=\"'<") {
		return "", narrativeError("the CustomNarrative element <" + clip(tag) + ">")
	}
	attrs, err := parseAttrs(name, body[n:])
	if err != nil {
		return "", err
	}
	if closing && len(attrs) > 0 {
		return "", narrativeError("a CustomNarrative whose markup does not parse (</" + clip(body) + ">)")
	}
	switch {
	case name == "br":
		if err := noAttrs(name, attrs); err != nil {
			return "", err
		}
		if !closing {
			p.out = append(p.out, narrativePiece{kind: narBreak})
		}
		return rest, nil
	case name == "expression":
		if err := noAttrs(name, attrs); err != nil {
			return "", err
		}
		if closing || selfClosing {
			return "", narrativeError("a CustomNarrative whose markup does not parse (an empty or stray <expression>)")
		}
		end := strings.Index(rest, "</expression>")
		if end < 0 {
			return "", narrativeError("a CustomNarrative whose markup does not parse (<expression> is not closed)")
		}
		e, err := exprPiece(html.UnescapeString(rest[:end]))
		if err != nil {
			return "", err
		}
		p.out = append(p.out, e)
		return rest[end+len("</expression>"):], nil
	case name == "parameter":
		if err := noAttrs(name, attrs); err != nil {
			return "", err
		}
		if closing || selfClosing {
			return "", narrativeError("a CustomNarrative whose markup does not parse (an empty or stray <parameter>)")
		}
		end := strings.Index(rest, "</parameter>")
		if end < 0 {
			return "", narrativeError("a CustomNarrative whose markup does not parse (<parameter> is not closed)")
		}
		e, err := parameterPiece(html.UnescapeString(rest[:end]))
		if err != nil {
			return "", err
		}
		p.out = append(p.out, e)
		return rest[end+len("</parameter>"):], nil
	case formatTags[name] != "" || blockTags[name] || styleTags[name] || name == "if" || name == "block":
	default:
		return "", narrativeError("the CustomNarrative element <" + clip(name) + ">")
	}
	if closing {
		return rest, p.closeElement(name)
	}
	if selfClosing {
		// An empty element writes nothing, but its attributes are read
		// all the same (a bad one is refused wherever it stands).
		_, err := p.openElement(name, attrs)
		return rest, err
	}
	pieces, err := p.openElement(name, attrs)
	if err != nil {
		return "", err
	}
	p.open = append(p.open, name)
	p.out = append(p.out, pieces...)
	return rest, nil
}

// openElement is the pieces an element's opening tag writes.
func (p *narrativeParser) openElement(name string, attrs []narrativeAttr) ([]narrativePiece, error) {
	switch {
	case name == "li":
		for _, a := range attrs {
			if a.name != "class" || !strings.HasPrefix(a.value, "ql-indent-") {
				return nil, attrError(name, a)
			}
		}
		return []narrativePiece{{kind: narBreak}, {kind: narText, text: "• "}}, nil
	case formatTags[name] != "":
		if err := noAttrs(name, attrs); err != nil {
			return nil, err
		}
		t := formatTags[name]
		return []narrativePiece{{kind: narOpen, text: "<" + t + ">", close: "</" + t + ">"}}, nil
	case blockTags[name]:
		if err := noAttrs(name, attrs); err != nil {
			return nil, err
		}
		return []narrativePiece{{kind: narBreak}}, nil
	case name == "if":
		c, block, err := ifAttrs(attrs)
		if err != nil {
			return nil, err
		}
		out := []narrativePiece{{kind: narIf, cond: c}}
		if block {
			out = []narrativePiece{{kind: narIf, cond: c}, {kind: narBreak}}
		}
		return out, nil
	case name == "block":
		a, err := blockAlign(attrs)
		if err != nil {
			return nil, err
		}
		p.align = append(p.align, a)
		return []narrativePiece{{kind: narBreak}, {kind: narAlign, text: a}}, nil
	}
	open, closeTag, err := styleOpen(name, attrs)
	if err != nil {
		return nil, err
	}
	return []narrativePiece{{kind: narOpen, text: open, close: closeTag}}, nil
}

// closeElement writes the end of the innermost open element, name.
func (p *narrativeParser) closeElement(name string) error {
	if len(p.open) == 0 || p.open[len(p.open)-1] != name {
		return narrativeError("a CustomNarrative whose markup does not parse (</" + clip(name) + "> closes no open element)")
	}
	p.open = p.open[:len(p.open)-1]
	switch {
	case blockTags[name]:
		p.out = append(p.out, narrativePiece{kind: narBreak})
	case name == "block":
		p.align = p.align[:len(p.align)-1]
		outer := ""
		if len(p.align) > 0 {
			outer = p.align[len(p.align)-1]
		}
		p.out = append(p.out, narrativePiece{kind: narBreak}, narrativePiece{kind: narAlign, text: outer})
	case name == "if":
		// A block-level <if> ends its line inside, so that a false
		// condition drops the whole line.
		if i := p.lastIf(); i >= 0 && len(p.out) > i+1 && p.out[i+1].kind == narBreak {
			p.out = append(p.out, narrativePiece{kind: narBreak})
		}
		p.out = append(p.out, narrativePiece{kind: narEndIf})
	default:
		p.out = append(p.out, narrativePiece{kind: narClose})
	}
	return nil
}

// lastIf is the index of the narIf of the innermost open <if>, or -1.
func (p *narrativeParser) lastIf() int {
	depth := 0
	for i := len(p.out) - 1; i >= 0; i-- {
		switch p.out[i].kind {
		case narEndIf:
			depth++
		case narIf:
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}

// parameterScope is the outputs' entry that holds the parameters' values
// by name: no computation's name starts with a NUL.
const parameterScope = "\x00parameters"

// parameterPiece parses a <parameter>'s content, "${Name}".
func parameterPiece(src string) (narrativePiece, error) {
	src = strings.TrimSpace(src)
	name, ok := strings.CutPrefix(src, "${")
	if ok {
		name, ok = strings.CutSuffix(name, "}")
	}
	if !ok || name == "" || strings.ContainsAny(name, "{}$") {
		return narrativePiece{}, narrativeError("the parameter reference " + strconv.Quote(clip(src)) + " (only ${Name} is read)")
	}
	return narrativePiece{kind: narExpr, text: src, path: []string{parameterScope, name}}, nil
}

// exprPiece parses an expression: a computation's name and a path of
// outputs, "Name.a.b[0].c".
func exprPiece(expr string) (narrativePiece, error) {
	src := strings.TrimSpace(expr)
	bad := narrativeError("the CustomNarrative expression " + strconv.Quote(clip(src)) + " (only a computation's output path is read)")
	if src == "" {
		return narrativePiece{}, bad
	}
	var path []string
	s := src
	for s != "" {
		switch s[0] {
		case '.':
			if len(path) == 0 {
				return narrativePiece{}, bad
			}
			s = s[1:]
			n := identLen(s)
			if n == 0 {
				return narrativePiece{}, bad
			}
			path, s = append(path, s[:n]), s[n:]
		case '[':
			end := strings.IndexByte(s, ']')
			if len(path) == 0 || end < 2 {
				return narrativePiece{}, bad
			}
			if _, err := strconv.ParseUint(s[1:end], 10, 16); err != nil {
				return narrativePiece{}, bad
			}
			path, s = append(path, s[:end+1]), s[end+1:]
		default:
			// The computation's name: up to the first '.', spaces allowed.
			n := strings.IndexAny(s, ".[")
			if n < 0 {
				n = len(s)
			}
			name := strings.TrimSpace(s[:n])
			if len(path) > 0 || name == "" || strings.ContainsAny(name, "]{}$()*+/<>=!,'\"") {
				return narrativePiece{}, bad
			}
			path, s = append(path, name), s[n:]
		}
	}
	if len(path) < 2 {
		return narrativePiece{}, bad
	}
	return narrativePiece{kind: narExpr, text: src, path: path}, nil
}

// identLen is the length of the name at the start of s: letters, digits,
// '_' and '-' (a ComputationId's characters).
func identLen(s string) int {
	for i, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-' {
			return i
		}
	}
	return len(s)
}

// clip shortens what a refusal quotes of the narrative.
func clip(s string) string {
	if len(s) <= 60 {
		return s
	}
	cut := 60
	for cut > 0 && !utf8Start(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// utf8Start reports whether b starts a UTF-8 sequence.
func utf8Start(b byte) bool { return b&0xC0 != 0x80 }
