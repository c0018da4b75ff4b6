package viewer

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/sightglass/sightglass/internal/definition"
)

// Conditional formatting: a visual's ConditionalFormattingOptions become
// rules. A rule's condition (a calculation-language expression over the
// visual's fields) is a hidden measure of the visual's own question, so
// it is evaluated in SQL on the same aggregated groups the visual draws:
// one value per table row, pivot cell or KPI. A solid color or custom
// icon applies where its condition is true (the first rule that applies
// to a part wins); a gradient colors by where the expression's value sits
// between its stops.

// Rule targets and what they set.
const (
	condCell       = "cell" // a table or pivot cell of a field
	condRow        = "row"  // a whole table row
	condKPIValue   = "kpi-value"
	condKPICompare = "kpi-comparison"
	condKPIBar     = "kpi-progress-bar"
	condGaugeValue = "gauge-value"
	condGaugeArc   = "gauge-arc"
	condShape      = "shape" // a filled map's region
	setText        = "text"
	setBackground  = "background"
	setIcon        = "icon"
	setForeground  = "foreground" // a gauge's arc
)

// condRule is one conditional format.
type condRule struct {
	target   string // cond*
	fieldID  string // condCell's field
	set      string // set*
	hidden   int    // the condition's or gradient's hidden measure
	color    string
	gradient []gradientStop
	icon     string
	iconSet  []setGlyph // an icon set's icons, largest values first
	iconOnly bool
	scope    pivotScope // a pivot cell rule's cells (pivotcondtotals.go)
}

type gradientStop struct {
	offset float64  // 0–100 along the values' range
	value  *float64 // a data value that places the stop instead
	color  rgb
}

// condColor is QuickSight's ConditionalFormattingColor.
type condColor struct {
	Solid *struct {
		Expression string
		Color      string
	}
	Gradient *struct {
		Expression string
		Color      *struct {
			Stops []struct {
				GradientOffset float64
				DataValue      *float64
				Color          string
			}
		}
	}
}

// condIcon is QuickSight's ConditionalFormattingIcon.
type condIcon struct {
	IconSet *struct {
		Expression  string
		IconSetType string
	}
	CustomCondition *struct {
		Expression  string
		Color       string
		IconOptions *struct {
			Icon        string
			UnicodeIcon string
		}
		DisplayConfiguration *struct{ IconDisplayOption string }
	}
}

// condPart is one formatted part of an option: a table or pivot cell, a
// table row, or a KPI's or gauge's part (a gauge's primary value text
// and arc color are drawn on its chart option).
type condPart struct {
	FieldId         string
	Scope           *struct{ Role string } // a pivot cell's: FIELD, FIELD_TOTAL, GRAND_TOTAL
	Scopes          []struct{ Role string }
	TextFormat      *condPart
	TextColor       *condColor
	BackgroundColor *condColor
	ForegroundColor *condColor
	Icon            *condIcon
	Format          *condPart // a filled map shape's ShapeConditionalFormat
}

// condRules reads a visual's conditional formatting into x: rules for the
// parts the viewer draws, a note for each one it cannot apply.
func condRules(vis *definition.Visual, p *plan, x *extras) {
	var m struct {
		ConditionalFormatting *struct {
			ConditionalFormattingOptions []map[string]json.RawMessage
		}
	}
	if json.Unmarshal(vis.Raw, &m) != nil || m.ConditionalFormatting == nil {
		return
	}
	for _, opt := range m.ConditionalFormatting.ConditionalFormattingOptions {
		keys := make([]string, 0, len(opt))
		for k := range opt {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			var part condPart
			if json.Unmarshal(opt[k], &part) != nil {
				continue
			}
			target := condTarget(p.kind, k)
			if target == "" {
				x.note("Conditional formatting of " + splitCamel(k) + " is not yet supported by Sightglass.")
				continue
			}
			var scope pivotScope
			if p.kind == definition.KindPivot {
				scope = part.pivotScope()
			}
			if part.TextFormat != nil {
				part.TextColor, part.BackgroundColor, part.Icon = part.TextFormat.TextColor, part.TextFormat.BackgroundColor, part.TextFormat.Icon
			}
			if part.Format != nil {
				part.BackgroundColor = part.Format.BackgroundColor
			}
			base := condRule{target: target, fieldID: part.FieldId, scope: scope}
			if target != condKPIBar && target != condGaugeArc && target != condShape { // a bar, an arc and a region have a fill only
				x.colorRule(base, setText, part.TextColor)
			}
			if target == condCell || target == condRow || target == condShape {
				x.colorRule(base, setBackground, part.BackgroundColor)
			} else if part.BackgroundColor != nil {
				x.note("Conditional background colors of a " + strings.ToLower(kindLabel(p.kind)) + " are not yet supported by Sightglass.")
			}
			switch {
			case part.ForegroundColor != nil && (target == condGaugeArc || target == condKPIBar):
				x.colorRule(base, setForeground, part.ForegroundColor)
			case part.ForegroundColor != nil:
				x.note("Conditional formatting of the " + strings.ToLower(splitCamel(k)) + " is not shown: Sightglass does not draw it.")
			}
			if target != condRow && target != condGaugeArc && target != condKPIBar && target != condShape {
				x.iconRule(base, part.Icon)
			}
		}
	}
}

// condTarget is the rule target of an option's member for a visual kind;
// "" when the viewer does not draw that part.
func condTarget(kind, member string) string {
	switch {
	case member == "Cell" && (kind == definition.KindTable || kind == definition.KindPivot):
		return condCell
	case member == "Row" && kind == definition.KindTable:
		return condRow
	case kind == definition.KindKPI && (member == "PrimaryValue" || member == "ActualValue"):
		return condKPIValue
	case kind == definition.KindKPI && member == "ComparisonValue":
		return condKPICompare
	case kind == definition.KindKPI && member == "ProgressBar":
		return condKPIBar
	case kind == definition.KindGauge && member == "PrimaryValue":
		return condGaugeValue
	case kind == definition.KindGauge && member == "Arc":
		return condGaugeArc
	case kind == definition.KindFilledMap && member == "Shape":
		return condShape
	}
	return ""
}

func (x *extras) colorRule(base condRule, set string, c *condColor) {
	if c == nil {
		return
	}
	base.set = set
	switch {
	case c.Solid != nil:
		base.color = cssColor(c.Solid.Color)
		if base.color == "" || c.Solid.Expression == "" {
			x.note("A conditional color " + strings.TrimSpace(c.Solid.Color) + " is not applied: it needs a #RRGGBB color and a condition.")
			return
		}
		base.hidden = x.ask("ifelse(" + c.Solid.Expression + ", 1, 0)")
	case c.Gradient != nil && c.Gradient.Color != nil && c.Gradient.Expression != "":
		for _, s := range c.Gradient.Color.Stops {
			col, ok := parseRGB(s.Color)
			if !ok {
				x.note("A conditional gradient is not applied: its color " + s.Color + " is not #RRGGBB.")
				return
			}
			base.gradient = append(base.gradient, gradientStop{offset: s.GradientOffset, value: s.DataValue, color: col})
		}
		if len(base.gradient) == 0 {
			return
		}
		sort.SliceStable(base.gradient, func(i, j int) bool { return base.gradient[i].offset < base.gradient[j].offset })
		base.hidden = x.ask(c.Gradient.Expression)
	default:
		x.note("A conditional color without a condition or gradient is not applied.")
		return
	}
	x.conds = append(x.conds, base)
}

func (x *extras) iconRule(base condRule, c *condIcon) {
	if c == nil {
		return
	}
	if s := c.IconSet; s != nil {
		set, known := iconSets[s.IconSetType]
		switch {
		case base.target != condCell:
			x.note("Conditional icon sets on a single value are not applied: Sightglass places a set's icons by the range of a table's or pivot table's values.")
		case !known || s.Expression == "":
			x.note("A conditional icon set " + strings.TrimSpace(s.IconSetType) + " is not applied: it needs a predefined IconSetType and an expression.")
		default:
			r := base
			r.set, r.iconSet = setIcon, set
			r.hidden = x.ask(s.Expression)
			x.conds = append(x.conds, r)
		}
	}
	cc := c.CustomCondition
	if cc == nil {
		return
	}
	base.set = setIcon
	if cc.IconOptions != nil {
		base.icon = cc.IconOptions.UnicodeIcon
		if base.icon == "" {
			base.icon = iconGlyphs[cc.IconOptions.Icon]
		}
	}
	if base.icon == "" || cc.Expression == "" {
		x.note("A conditional icon is not applied: it needs an icon and a condition.")
		return
	}
	base.color = cssColor(cc.Color)
	base.iconOnly = cc.DisplayConfiguration != nil && cc.DisplayConfiguration.IconDisplayOption == "ICON_ONLY"
	base.hidden = x.ask("ifelse(" + cc.Expression + ", 1, 0)")
	x.conds = append(x.conds, base)
}

// iconGlyphs draws QuickSight's named icons as text.
var iconGlyphs = map[string]string{
	"CARET_UP": "▲", "CARET_DOWN": "▼", "PLUS": "+", "MINUS": "−", "ARROW_UP": "↑", "ARROW_DOWN": "↓",
	"ARROW_LEFT": "←", "ARROW_UP_LEFT": "↖", "ARROW_DOWN_LEFT": "↙", "ARROW_RIGHT": "→", "ARROW_UP_RIGHT": "↗",
	"ARROW_DOWN_RIGHT": "↘", "FACE_UP": "☺", "FACE_DOWN": "☹", "FACE_FLAT": "😐", "ONE_BAR": "▂", "TWO_BAR": "▄",
	"THREE_BAR": "▆", "CIRCLE": "●", "TRIANGLE": "▲", "SQUARE": "■", "FLAG": "⚑", "THUMBS_UP": "👍",
	"THUMBS_DOWN": "👎", "CHECKMARK": "✓", "X": "✗",
}

// pivotScope reads the cells a pivot cell's rule applies to: without a
// scope, its field's values; with Scope or Scopes, those of their roles
// (FIELD the values, FIELD_TOTAL the subtotals, GRAND_TOTAL the totals).
func (c *condPart) pivotScope() pivotScope {
	if c.Scope == nil && len(c.Scopes) == 0 {
		return pivotScope{field: true}
	}
	var out pivotScope
	roles := c.Scopes
	if c.Scope != nil {
		roles = append(roles, *c.Scope)
	}
	for _, s := range roles {
		switch s.Role {
		case "FIELD":
			out.field = true
		case "FIELD_TOTAL":
			out.subtotals = true
		case "GRAND_TOTAL":
			out.totals = true
		}
	}
	return out
}
