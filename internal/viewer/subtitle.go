package viewer

import (
	"encoding/json"

	"github.com/sightglass/sightglass/internal/definition"
)

// visualSubtitle returns the subtitle a visual shows: its plain text, ""
// when it has none or hides it.
func visualSubtitle(vis *definition.Visual) string {
	var t struct {
		Subtitle *struct {
			Visibility string
			FormatText *struct{ PlainText string }
		}
	}
	if json.Unmarshal(vis.Raw, &t) != nil || t.Subtitle == nil || t.Subtitle.Visibility == "HIDDEN" || t.Subtitle.FormatText == nil {
		return ""
	}
	return t.Subtitle.FormatText.PlainText
}

// tileTitle returns the title a visual's tile shows: "" when the author
// hid it, else its title (or its type's name).
func tileTitle(vis *definition.Visual) string {
	var t struct{ Title *struct{ Visibility string } }
	if json.Unmarshal(vis.Raw, &t) == nil && t.Title != nil && t.Title.Visibility == "HIDDEN" {
		return ""
	}
	return visualTitle(vis)
}
