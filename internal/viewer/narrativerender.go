package viewer

import (
	"html"
	"html/template"
	"strconv"
	"strings"
	"unicode/utf8"
)

// narrativeOutputs are the outputs of an insight's computations that a
// custom narrative can name: by computation (its Name and its
// ComputationId), the output's path ("totalAggregate.formattedValue",
// "items[0].categoryValue.formattedValue") and its text.
type narrativeOutputs map[string]map[string]string

// forecastMark marks a forecast's outputs: it has none Sightglass computes.
const forecastMark = "\x00forecast"

// renderNarrative writes a parsed narrative over its computations'
// outputs: a line of HTML per line of the narrative, the text and the
// outputs escaped, the formatting as the fixed and checked tags the
// parser built (<b>, <i>, <u>, <span style>, <a>), an aligned line inside
// a block <span>; what an <if> holds only when its condition holds. An
// expression naming no computation, or an output Sightglass does not
// compute, is a narrativeError that names it.
func renderNarrative(pieces []narrativePiece, outs narrativeOutputs) ([]template.HTML, error) {
	if err := checkOutputs(pieces, outs); err != nil {
		return nil, err
	}
	var lines []template.HTML
	var b strings.Builder
	var open []narrativePiece // formatting open, innermost last
	align := ""               // the alignment of the line
	space := noSpace          // white space pending before the next text
	empty := true             // the line has no text yet
	spaced := false           // the last thing written is a space (tags between)
	var last rune             // the last character of text written
	endLine := func() {
		for i := len(open) - 1; i >= 0; i-- {
			b.WriteString(open[i].close)
		}
		if !empty {
			s := b.String()
			if align != "" && align != "left" {
				s = `<span style="display:block;text-align:` + align + `">` + s + "</span>"
			}
			lines = append(lines, template.HTML(s)) // #nosec G203 -- built from escaped text and checked tags
		}
		b.Reset()
		for _, t := range open {
			b.WriteString(t.text)
		}
		space, empty, spaced, last = noSpace, true, false, 0
	}
	sep := func(next rune) {
		if (space == hardSpace || space == softSpace && !glued(last, next)) && !empty && !spaced {
			b.WriteByte(' ')
			spaced = true
		}
		space = noSpace
	}
	write := func(s string) {
		if s == "" {
			return
		}
		r, _ := utf8.DecodeRuneInString(s)
		sep(r)
		b.WriteString(html.EscapeString(s))
		empty, spaced = false, false
		last, _ = utf8.DecodeLastRuneInString(s)
	}
	for i := 0; i < len(pieces); i++ {
		p := pieces[i]
		switch p.kind {
		case narText:
			for rest := p.text; rest != ""; {
				n := strings.IndexFunc(rest, notSpace)
				if n != 0 {
					ws := rest
					if n > 0 {
						ws = rest[:n]
					}
					space = max(space, spaceOf(ws))
					if n < 0 {
						break
					}
					rest = rest[n:]
				}
				m := strings.IndexFunc(rest, isSpaceRune)
				if m < 0 {
					m = len(rest)
				}
				write(rest[:m])
				rest = rest[m:]
			}
		case narExpr:
			v, err := outs.lookup(p)
			if err != nil {
				return nil, err
			}
			write(v)
		case narOpen:
			sep(nextRune(pieces[i+1:], outs))
			b.WriteString(p.text)
			open = append(open, p)
		case narClose:
			if len(open) > 0 {
				b.WriteString(open[len(open)-1].close)
				open = open[:len(open)-1]
			}
		case narBreak:
			endLine()
		case narAlign:
			align = p.text
		case narIf:
			ok, err := p.cond.eval(outs)
			if err != nil {
				return nil, err
			}
			if !ok {
				i = skipIf(pieces, i)
			}
		case narEndIf:
		}
	}
	endLine()
	return lines, nil
}

// skipIf is the index of the narEndIf that ends the narIf at i. What
// lies between is balanced (the parser checks it) and is not written
// (its expressions were looked up all the same, by checkOutputs).
func skipIf(pieces []narrativePiece, i int) int {
	depth := 0
	for j := i + 1; j < len(pieces); j++ {
		switch pieces[j].kind {
		case narIf:
			depth++
		case narEndIf:
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return len(pieces)
}

// checkOutputs looks up every output the narrative names, written or in
// a condition, shown or not: one Sightglass does not compute is refused
// whichever way a condition goes.
func checkOutputs(pieces []narrativePiece, outs narrativeOutputs) error {
	for _, p := range pieces {
		var err error
		switch p.kind {
		case narExpr:
			_, err = outs.lookup(p)
		case narIf:
			err = p.cond.check(outs)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// lookup finds an expression's output.
func (o narrativeOutputs) lookup(p narrativePiece) (string, error) {
	if p.path[0] == parameterScope {
		v, ok := o[parameterScope][p.path[1]]
		if !ok {
			return "", narrativeError("the parameter " + strconv.Quote(clip(p.path[1])) + " (no parameter of the analysis is called so)")
		}
		return v, nil
	}
	comp, ok := o[p.path[0]]
	if !ok {
		return "", narrativeError("the CustomNarrative expression " + strconv.Quote(clip(p.text)) + " (no computation of the insight is called " + strconv.Quote(clip(p.path[0])) + ")")
	}
	if _, ok := comp[forecastMark]; ok {
		return "", narrativeError("the CustomNarrative expression " + strconv.Quote(clip(p.text)) + " (a forecast, which " + strings.TrimSuffix(mlMessage, ".") + ")")
	}
	key := strings.Join(p.path[1:], ".")
	key = strings.ReplaceAll(key, ".[", "[")
	v, ok := comp[key]
	if !ok {
		return "", narrativeError("the CustomNarrative expression " + strconv.Quote(clip(p.text)) + " (an output Sightglass does not compute, or that has no value here)")
	}
	return v, nil
}

// The white space pending between two pieces of text: a run of white
// space with a line break in it is the markup's layout (the narrative
// editor saves its indentation so, and writes the spaces it means as
// no-break spaces) and is one space only between two words; other white
// space is one space, as in HTML.
const (
	noSpace   = iota
	softSpace // layout: a space between two words only
	hardSpace // a space
)

// spaceOf is the kind of a run of white space.
func spaceOf(ws string) int {
	if strings.ContainsAny(ws, "\n\r") {
		return softSpace
	}
	return hardSpace
}

// glued reports whether layout white space between prev and next writes
// no space: after an opening bracket or a space, before punctuation, a
// closing bracket or a space.
func glued(prev, next rune) bool {
	return prev == 0x00A0 || strings.ContainsRune("([{/", prev) ||
		next == 0x00A0 || strings.ContainsRune(".,;:!?)]}%/", next)
}

// nextRune is the first character of text the pieces write (0 if a line
// ends first), looking through formatting and conditions.
func nextRune(pieces []narrativePiece, outs narrativeOutputs) rune {
	for _, p := range pieces {
		switch p.kind {
		case narBreak:
			return 0
		case narText, narExpr:
			s := p.text
			if p.kind == narExpr {
				s, _ = outs.lookup(p)
			}
			if t := strings.TrimLeftFunc(s, isSpaceRune); t != "" {
				r, _ := utf8.DecodeRuneInString(t)
				return r
			}
		}
	}
	return 0
}

// notSpace is !isSpaceRune.
func notSpace(r rune) bool { return !isSpaceRune(r) }

// isSpace reports whether b is HTML's white space (a no-break space is not).
func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' }

// isSpaceRune is isSpace for strings.FieldsFunc.
func isSpaceRune(r rune) bool { return r < 0x80 && isSpace(byte(r)) }
