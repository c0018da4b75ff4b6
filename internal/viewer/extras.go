package viewer

import (
	"regexp"
	"strings"

	"github.com/sightglass/sightglass/internal/definition"
)

// extras is what a visual draws from its definition beyond its data:
// reference lines and conditional formatting. Their computed values are
// hidden measures of the visual's question; what cannot be drawn is named
// in notes, which the tile shows under the visual.
type extras struct {
	hidden []hiddenMeasure
	refs   []refLine
	conds  []condRule
	notes  []string
}

// extrasOf reads a visual's reference lines and conditional formatting.
func (v *View) extrasOf(vis *definition.Visual, p *plan) *extras {
	x := &extras{}
	v.refLines(vis, p, x)
	condRules(vis, p, x)
	if p.pivotTotals != nil {
		x.notes = append(x.notes, p.pivotTotals.notes...)
	}
	x.notes = append(x.notes, p.styleNotes...)
	return x
}

// ask adds a hidden measure and returns its index.
func (x *extras) ask(expr string) int {
	x.hidden = append(x.hidden, hiddenMeasure{id: hiddenID(len(x.hidden)), expr: expr})
	return len(x.hidden) - 1
}

func (x *extras) note(s string) { x.notes = append(x.notes, s) }

// hiddenName is a hidden measure's id as an error may quote it.
var hiddenName = regexp.MustCompile(`"?__sg_hidden_[0-9]+"?`)

// failed drops every computed reference line and condition after their
// question failed: the visual is drawn without them, and says so.
func (x *extras) failed(err error) {
	refs := x.refs[:0]
	for _, l := range x.refs {
		if l.hidden < 0 {
			refs = append(refs, l)
		}
	}
	x.refs, x.conds, x.hidden = refs, nil, nil
	x.note("Computed reference lines and conditional formatting are not shown: " + hiddenText(err))
}

// hiddenText is what a note says of a hidden measure's error, never
// naming the internal measure: the compile error itself, without the
// internal field it was compiled as or a position in its wrapped
// expression.
func hiddenText(err error) string {
	why := errorText(err)
	if strings.Contains(why, "is not an aggregated calculated field") && strings.Contains(why, "__sg_hidden_") {
		return "a condition or computed line is not aggregated and reads a field the visual does not group by."
	}
	why = hiddenAt.ReplaceAllString(hiddenCause.ReplaceAllString(why, ""), "")
	return hiddenName.ReplaceAllString(why, "a condition or computed line")
}

// hiddenCause is the start of a hidden measure's compile error, and
// hiddenAt its position (in the wrapped expression, not as written).
var (
	hiddenCause = regexp.MustCompile(`^The expression of calculated field "?__sg_hidden_[0-9]+"? is invalid: `)
	hiddenAt    = regexp.MustCompile(` at position [0-9]+$`)
)

// cssColor returns a #RGB or #RRGGBB color as written, "" for anything
// else: colors go into style attributes, so nothing else passes.
func cssColor(s string) string {
	if len(s) != 4 && len(s) != 7 || s[0] != '#' {
		return ""
	}
	for _, c := range s[1:] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return ""
		}
	}
	return s
}

// notesFor returns the notes a tile of this kind shows: a drawn visual's.
func (x *extras) notesFor(kind string) []string {
	switch kind {
	case TileChart, TileTable, TilePivot, TileKPI:
		return x.notes
	}
	return nil
}
