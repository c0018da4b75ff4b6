package viewer

import (
	"encoding/json"

	"github.com/sightglass/sightglass/internal/definition"
)

// crossSheetMembers pairs the members of a filter's
// DefaultFilterControlConfiguration.ControlOptions with the FilterControl
// member each stands for.
var crossSheetMembers = [][2]string{
	{"DefaultDropdownOptions", "Dropdown"},
	{"DefaultListOptions", "List"},
	{"DefaultSliderOptions", "Slider"},
	{"DefaultDateTimePickerOptions", "DateTimePicker"},
	{"DefaultRelativeDateTimeOptions", "RelativeDateTime"},
	{"DefaultTextFieldOptions", "TextField"},
	{"DefaultTextAreaOptions", "TextArea"},
}

// crossSheetControl resolves a CrossSheet filter control (a control of a
// filter scoped to more than one sheet) to the control it draws: the
// filter's DefaultFilterControlConfiguration (its Title and the one
// member of its ControlOptions), with the cross-sheet control's ids;
// else a control of another sheet on the same filter that is not itself
// cross-sheet. nil when neither says what to draw.
func (v *View) crossSheetControl(fc *definition.FilterControl) *definition.FilterControl {
	cs := fc.CrossSheet
	if cs == nil {
		return nil
	}
	if f := v.filterByID(cs.SourceFilterId); f != nil {
		if c := fromDefaultControl(f, cs); c != nil {
			return c
		}
	}
	for i := range v.def.Sheets {
		for j := range v.def.Sheets[i].FilterControls {
			other := v.def.Sheets[i].FilterControls[j]
			kind, _, source, _ := other.Kind()
			if kind == "" || kind == "CrossSheet" || source != cs.SourceFilterId {
				continue
			}
			raw, err := json.Marshal(other)
			if err != nil {
				return nil
			}
			var m map[string]map[string]any
			if json.Unmarshal(raw, &m) != nil || m[kind] == nil {
				return nil
			}
			m[kind]["FilterControlId"] = cs.FilterControlId
			return controlOf(m)
		}
	}
	return nil
}

// fromDefaultControl builds a filter's control from its
// DefaultFilterControlConfiguration.
func fromDefaultControl(f *definition.Filter, cs *definition.FilterCrossSheetControl) *definition.FilterControl {
	raw, err := json.Marshal(f)
	if err != nil {
		return nil
	}
	var members map[string]struct {
		DefaultFilterControlConfiguration *struct {
			Title          string
			ControlOptions map[string]map[string]any
		}
	}
	if json.Unmarshal(raw, &members) != nil {
		return nil
	}
	for _, m := range members {
		d := m.DefaultFilterControlConfiguration
		if d == nil {
			continue
		}
		for _, pair := range crossSheetMembers {
			opts, ok := d.ControlOptions[pair[0]]
			if !ok {
				continue
			}
			if opts == nil {
				opts = map[string]any{}
			}
			opts["FilterControlId"], opts["SourceFilterId"], opts["Title"] = cs.FilterControlId, cs.SourceFilterId, d.Title
			return controlOf(map[string]map[string]any{pair[1]: opts})
		}
	}
	return nil
}

// controlOf decodes a FilterControl from its members.
func controlOf(m map[string]map[string]any) *definition.FilterControl {
	raw, err := json.Marshal(m)
	if err != nil {
		return nil
	}
	var c definition.FilterControl
	if json.Unmarshal(raw, &c) != nil || c.CrossSheet != nil {
		return nil
	}
	return &c
}
