package viewer

import (
	"encoding/json"
	"html/template"
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
)

// A visual's title and subtitle are plain text (FormatText.PlainText) or
// the rich text QuickSight's title editor saves (FormatText.RichText):
// <visual-title> or <visual-subtitle> around text, <b>, <i>, <u>,
// <br/>, <block align=…>, <inline font-size=… color=…> and
// <parameter>${Name}</parameter>, which shows the parameter's current
// value. Rich text is drawn with the custom narrative's reader and
// writer (narrative.go), so what it formats is the same checked set of
// tags; markup that reader refuses is shown as its plain text
// (definition.RichTextPlain), parameter references as written.

// titleText is a title or subtitle as a tile shows it: its plain text
// (an accessible label, the SDK's list of visuals) and, for rich text,
// its lines as HTML.
type titleText struct {
	plain string
	rich  template.HTML
}

// visualTitle is a visual's title, or a name from its kind when it has
// none (a hidden title too: the name then labels the visual).
func (v *View) visualTitle(vis *definition.Visual) titleText {
	var m struct {
		Title *struct {
			FormatText *struct{ PlainText, RichText string }
		}
	}
	if json.Unmarshal(vis.Raw, &m) == nil && m.Title != nil && m.Title.FormatText != nil {
		if t := v.formatText(m.Title.FormatText.PlainText, m.Title.FormatText.RichText); t.plain != "" {
			return t
		}
	}
	return titleText{plain: kindLabel(vis.Kind)}
}

// tileTitle is the title a visual's tile shows: none when the author hid
// it.
func (v *View) tileTitle(vis *definition.Visual) titleText {
	var m struct{ Title *struct{ Visibility string } }
	if json.Unmarshal(vis.Raw, &m) == nil && m.Title != nil && m.Title.Visibility == "HIDDEN" {
		return titleText{}
	}
	return v.visualTitle(vis)
}

// visualSubtitle is the subtitle a visual shows: none when it has none
// or hides it.
func (v *View) visualSubtitle(vis *definition.Visual) titleText {
	var m struct {
		Subtitle *struct {
			Visibility string
			FormatText *struct{ PlainText, RichText string }
		}
	}
	if json.Unmarshal(vis.Raw, &m) != nil || m.Subtitle == nil || m.Subtitle.Visibility == "HIDDEN" || m.Subtitle.FormatText == nil {
		return titleText{}
	}
	return v.formatText(m.Subtitle.FormatText.PlainText, m.Subtitle.FormatText.RichText)
}

// formatText draws a FormatText: its plain text, else its rich text.
func (v *View) formatText(plain, rich string) titleText {
	if plain != "" || rich == "" {
		return titleText{plain: plain}
	}
	pieces, err := parseNarrative(rich)
	if err != nil {
		return titleText{plain: definition.RichTextPlain(rich)}
	}
	lines, err := renderNarrative(pieces, narrativeOutputs{parameterScope: v.parameterTexts(", ")})
	if err != nil {
		return titleText{plain: definition.RichTextPlain(rich)}
	}
	var words []string
	html := make([]string, len(lines))
	for i, l := range lines {
		html[i] = string(l)
		words = append(words, definition.RichTextPlain(string(l)))
	}
	return titleText{plain: strings.Join(words, " "), rich: template.HTML(strings.Join(html, "<br>"))} // #nosec G203 -- lines of escaped text and checked tags
}

// parameterTexts are the parameters' current values as text, by name:
// a multi-valued parameter's values joined with sep, "" when unset. A
// date-time value reads as its date when its parameter's TimeGranularity
// is a day or longer (or it falls at midnight), else with its time,
// never in the form a URL carries it.
func (v *View) parameterTexts(sep string) map[string]string {
	out := make(map[string]string, len(v.params))
	for _, p := range v.params {
		values := p.Values
		if p.Type == definition.ParameterDateTime {
			values = make([]string, len(p.Values))
			dayOrLonger := v.dateParamByDay(p.Name)
			for i, s := range p.Values {
				t, ok := parseTime(s)
				switch {
				case !ok:
					values[i] = s
				case dayOrLonger || t.Equal(t.Truncate(24*time.Hour)):
					values[i] = t.Format(time.DateOnly)
				default:
					values[i] = t.Format(time.DateTime)
				}
			}
		}
		out[p.Name] = strings.Join(values, sep)
	}
	return out
}

// dateParamByDay reports whether a date-time parameter's declared
// TimeGranularity is a day or longer.
func (v *View) dateParamByDay(name string) bool {
	for _, pd := range v.def.ParameterDeclarations {
		if d := pd.DateTimeParameterDeclaration; d != nil && d.Name == name {
			switch d.TimeGranularity {
			case "YEAR", "QUARTER", "MONTH", "WEEK", "DAY":
				return true
			}
		}
	}
	return false
}
