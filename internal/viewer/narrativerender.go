package viewer

import (
	"html"
	"html/template"
	"strconv"
	"strings"
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
// outputs escaped, the formatting as <b>, <i> and <u>. An expression
// naming no computation, or an output Sightglass does not compute, is a
// narrativeError that names it.
func renderNarrative(pieces []narrativePiece, outs narrativeOutputs) ([]template.HTML, error) {
	var lines []template.HTML
	var b strings.Builder
	var open []string // formatting open, innermost last
	space := false    // white space is pending before the next text
	empty := true     // the line has no text yet
	endLine := func() {
		for i := len(open) - 1; i >= 0; i-- {
			b.WriteString("</" + open[i] + ">")
		}
		if !empty {
			lines = append(lines, template.HTML(b.String())) // #nosec G203 -- built from escaped text and fixed tags
		}
		b.Reset()
		for _, t := range open {
			b.WriteString("<" + t + ">")
		}
		space, empty = false, true
	}
	sep := func() {
		if space && !empty {
			b.WriteByte(' ')
		}
		space = false
	}
	for _, p := range pieces {
		switch p.kind {
		case narText:
			if p.text != "" && isSpace(p.text[0]) {
				space = true
			}
			for i, f := range strings.FieldsFunc(p.text, isSpaceRune) {
				if i > 0 {
					space = true
				}
				sep()
				b.WriteString(html.EscapeString(f))
				empty = false
			}
			if p.text != "" && isSpace(p.text[len(p.text)-1]) {
				space = true
			}
		case narExpr:
			v, err := outs.lookup(p)
			if err != nil {
				return nil, err
			}
			sep()
			b.WriteString(html.EscapeString(v))
			empty = false
		case narOpen:
			sep()
			b.WriteString("<" + p.text + ">")
			open = append(open, p.text)
		case narClose:
			b.WriteString("</" + p.text + ">")
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		case narBreak:
			endLine()
		}
	}
	endLine()
	return lines, nil
}

// lookup finds an expression's output.
func (o narrativeOutputs) lookup(p narrativePiece) (string, error) {
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

// isSpace reports whether b is HTML's white space (a no-break space is not).
func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' }

// isSpaceRune is isSpace for strings.FieldsFunc.
func isSpaceRune(r rune) bool { return r < 0x80 && isSpace(byte(r)) }
