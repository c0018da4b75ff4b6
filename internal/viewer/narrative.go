package viewer

import (
	"html"
	"strconv"
	"strings"
	"unicode"
)

// A custom narrative (InsightConfiguration.CustomNarrative.Narrative) is
// the markup QuickSight's narrative editor saves: text, inline formatting
// and expressions naming a computation's outputs, inside an optional
// <narrative> element. The part Sightglass reads:
//
//   - text, its entities decoded; runs of white space are one space, as
//     in HTML;
//   - <p>, <div>, <br/> and line breaks between blocks start a line;
//   - <b>/<strong>, <i>/<em> and <u> format the text they hold;
//   - <inline-expression>Name.path</inline-expression> and ${Name.path}
//     write an output of the computation called Name (its Name, else its
//     ComputationId, spaces allowed): a dotted path with [n] indexes, such as
//     Total.totalAggregate.formattedValue or
//     Top.items[0].categoryValue.formattedValue.
//
// Anything else (another element such as <if> or <for>, an element with
// attributes, an expression that is not a path) is a narrativeError that
// names it: the tile refuses it rather than print it raw or drop it.

// narrativeKind tells the pieces of a parsed narrative apart.
type narrativeKind uint8

const (
	narText  narrativeKind = iota // text, decoded
	narExpr                       // an output path
	narOpen                       // a formatting element opens: text is b, i or u
	narClose                      // a formatting element closes
	narBreak                      // a new line
)

// narrativePiece is one piece of a parsed narrative.
type narrativePiece struct {
	kind narrativeKind
	text string
	path []string // narExpr: the computation's name, then each step ("[0]" for an index)
}

// narrativeError names what of a narrative Sightglass does not read.
type narrativeError string

func (e narrativeError) Error() string { return string(e) }

// formatTags maps the formatting elements read to the one each writes.
var formatTags = map[string]string{"b": "b", "strong": "b", "i": "i", "em": "i", "u": "u"}

// blockTags are the elements that only start (and end) a line.
var blockTags = map[string]bool{"narrative": true, "p": true, "div": true}

// parseNarrative parses a custom narrative's markup into pieces.
func parseNarrative(s string) ([]narrativePiece, error) {
	var out []narrativePiece
	var open []string // formatting and block elements open, innermost last
	for len(s) > 0 {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			lt = len(s)
		}
		if err := textPieces(s[:lt], &out); err != nil {
			return nil, err
		}
		s = s[lt:]
		if s == "" {
			break
		}
		gt := strings.IndexByte(s, '>')
		if gt < 0 {
			return nil, narrativeError("a CustomNarrative whose markup does not parse (an element is not closed with >)")
		}
		tag := s[1:gt]
		s = s[gt+1:]
		closing := strings.HasPrefix(tag, "/")
		selfClosing := !closing && strings.HasSuffix(tag, "/")
		name := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(tag, "/"), "/"))
		if name == "" || strings.IndexFunc(name, unicode.IsSpace) >= 0 || strings.ContainsAny(name, "=\"'") {
			return nil, narrativeError("the CustomNarrative element <" + clip(tag) + "> (elements with attributes are not read)")
		}
		name = strings.ToLower(name)
		switch {
		case name == "br":
			if !closing {
				out = append(out, narrativePiece{kind: narBreak})
			}
		case name == "inline-expression":
			if closing || selfClosing {
				return nil, narrativeError("a CustomNarrative whose markup does not parse (an empty or stray <inline-expression>)")
			}
			end := strings.Index(s, "</inline-expression>")
			if end < 0 {
				return nil, narrativeError("a CustomNarrative whose markup does not parse (<inline-expression> is not closed)")
			}
			p, err := exprPiece(html.UnescapeString(s[:end]))
			if err != nil {
				return nil, err
			}
			out = append(out, p)
			s = s[end+len("</inline-expression>"):]
		case formatTags[name] != "" || blockTags[name]:
			if selfClosing {
				continue
			}
			if !closing {
				open = append(open, name)
				if blockTags[name] {
					out = append(out, narrativePiece{kind: narBreak})
				} else {
					out = append(out, narrativePiece{kind: narOpen, text: formatTags[name]})
				}
				continue
			}
			if len(open) == 0 || open[len(open)-1] != name {
				return nil, narrativeError("a CustomNarrative whose markup does not parse (</" + clip(name) + "> closes no open element)")
			}
			open = open[:len(open)-1]
			if blockTags[name] {
				out = append(out, narrativePiece{kind: narBreak})
			} else {
				out = append(out, narrativePiece{kind: narClose, text: formatTags[name]})
			}
		default:
			return nil, narrativeError("the CustomNarrative element <" + clip(name) + ">")
		}
	}
	if len(open) > 0 {
		return nil, narrativeError("a CustomNarrative whose markup does not parse (<" + clip(open[len(open)-1]) + "> is not closed)")
	}
	return out, nil
}

// textPieces appends the pieces of a run of text: its ${…} expressions
// and the text between them, decoded; a line break in the markup is
// white space, as in HTML.
func textPieces(s string, out *[]narrativePiece) error {
	for s != "" {
		i := strings.Index(s, "${")
		if i < 0 {
			i = len(s)
		}
		if t := html.UnescapeString(s[:i]); t != "" {
			*out = append(*out, narrativePiece{kind: narText, text: t})
		}
		s = s[i:]
		if s == "" {
			break
		}
		end := strings.IndexByte(s, '}')
		if end < 0 {
			return narrativeError("a CustomNarrative whose markup does not parse (${ is not closed with })")
		}
		p, err := exprPiece(html.UnescapeString(s[2:end]))
		if err != nil {
			return err
		}
		*out = append(*out, p)
		s = s[end+1:]
	}
	return nil
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
