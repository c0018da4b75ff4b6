package viewer

import (
	"encoding/json"
	"strconv"
)

// Alternate row colors (RowAlternateColorOptions of a table or pivot):
// with Status ENABLED (or not given, with colors given), every second
// body row (the second, the fourth, …) takes a background, its
// RowAlternateColors in turn; without colors, with
// UsePrimaryBackgroundColor ENABLED, the theme's primary background (the
// tile's own, seen only over a CellStyle background), else a faint tint
// of the tile's text color over its background. The other rows keep the
// CellStyle's background. Colors are checked by cssColor; one that is
// not is named, and the others drawn.

// defaultAlternate is the background of alternate rows that name no
// color: a tint the stylesheet's own colors make.
const defaultAlternate = "color-mix(in srgb, var(--fg) 6%, var(--card))"

// rowAlternates are the backgrounds of alternate rows, in turn; none
// when they are not drawn.
type rowAlternates struct{ colors []string }

// readRowAlternates reads RowAlternateColorOptions; cellBackground says
// the body cells have a background of their own (which the theme's
// primary background then differs from). not names what is not drawn.
func readRowAlternates(raw json.RawMessage, cellBackground bool) (a rowAlternates, not []string) {
	if len(raw) == 0 || string(raw) == "null" {
		return a, nil
	}
	var o struct {
		Status                    string
		RowAlternateColors        []string
		UsePrimaryBackgroundColor string
	}
	if json.Unmarshal(raw, &o) != nil {
		return a, []string{"RowAlternateColorOptions that cannot be read"}
	}
	switch o.Status {
	case "ENABLED":
	case "":
		if len(o.RowAlternateColors) == 0 {
			return a, nil
		}
	case "DISABLED":
		return a, nil
	default:
		return a, []string{"RowAlternateColorOptions Status " + strconv.Quote(o.Status)}
	}
	for _, c := range o.RowAlternateColors {
		if css := cssColor(c); css != "" {
			a.colors = append(a.colors, css)
		} else {
			not = append(not, "RowAlternateColors "+strconv.Quote(c))
		}
	}
	if len(o.RowAlternateColors) > 0 {
		return a, not
	}
	switch o.UsePrimaryBackgroundColor {
	case "ENABLED":
		if cellBackground {
			a.colors = []string{"var(--card)"}
		}
	case "", "DISABLED":
		a.colors = []string{defaultAlternate}
	default:
		not = append(not, "UsePrimaryBackgroundColor "+strconv.Quote(o.UsePrimaryBackgroundColor))
	}
	return a, not
}

// on reports whether alternate rows are drawn.
func (a rowAlternates) on() bool { return len(a.colors) > 0 }

// at is the CSS of body row i (0 the first drawn): a background on every
// second row, "" on the others.
func (a rowAlternates) at(i int) string {
	if len(a.colors) == 0 || i%2 == 0 {
		return ""
	}
	return "background-color: " + a.colors[(i/2)%len(a.colors)] + ";"
}
