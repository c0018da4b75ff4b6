package authoring

import (
	"slices"
	"strings"
)

// MaxActions is the most custom actions QuickSight's model lets a visual
// hold.
const MaxActions = 10

// FilterAction is a filter-on-click action: a click on a data point of
// the visual filters the target visuals of its sheet (none: every other
// visual) by the clicked values of the selected fields (none: all the
// visual's fields).
type FilterAction struct {
	Name          string
	Fields        []string // field ids of the visual
	TargetVisuals []string
}

// AddFilterAction adds a filter-on-click action to a visual and returns
// the definition and the action's id.
func AddFilterAction(raw []byte, visualID string, a FilterAction) ([]byte, string, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, "", err
	}
	r, err := findVisual(d, visualID)
	if err != nil {
		return nil, "", err
	}
	own := map[string]bool{}
	usedIDs(r.visual, "FieldId", own)
	sel := obj{"SelectedFieldOptions": "ALL_FIELDS"}
	if len(a.Fields) > 0 {
		for _, f := range a.Fields {
			if !own[f] {
				return nil, "", editErr("visual %s has no field %s", visualID, f)
			}
		}
		sel = obj{"SelectedFields": strs(a.Fields)}
	}
	target := obj{"TargetVisualOptions": "ALL_VISUALS"}
	if len(a.TargetVisuals) > 0 {
		for _, v := range a.TargetVisuals {
			if v == visualID {
				return nil, "", editErr("a filter action filters other visuals, not its own")
			}
			if !sheetHasVisual(r.sheet, v) {
				return nil, "", editErr("the sheet has no visual %s to filter", v)
			}
		}
		target = obj{"TargetVisuals": strs(a.TargetVisuals)}
	}
	op := obj{"FilterOperation": obj{
		"SelectedFieldsConfiguration": sel,
		"TargetVisualsConfiguration":  obj{"SameSheetTargetVisualConfiguration": target},
	}}
	return addAction(d, r, a.Name, "Filter", op)
}

// AddNavigationAction adds an action that opens another sheet when a data
// point of the visual is clicked, and returns the definition and the
// action's id.
func AddNavigationAction(raw []byte, visualID, name, targetSheetID string) ([]byte, string, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, "", err
	}
	r, err := findVisual(d, visualID)
	if err != nil {
		return nil, "", err
	}
	if _, err := findSheet(d, targetSheetID); err != nil {
		return nil, "", err
	}
	if r.sheet["SheetId"] == targetSheetID {
		return nil, "", editErr("a navigation action opens another sheet, not its own")
	}
	op := obj{"NavigationOperation": obj{"LocalNavigationConfiguration": obj{"TargetSheetId": targetSheetID}}}
	return addAction(d, r, name, "Navigate", op)
}

func addAction(d obj, r *visualRef, name, defaultName string, op obj) ([]byte, string, error) {
	acts := list(r.visual, "Actions")
	if len(acts) >= MaxActions {
		return nil, "", editErr("a visual holds at most %d actions", MaxActions)
	}
	name = strings.TrimSpace(name)
	if name == "" {
		name = defaultName
	}
	if len(name) > 256 {
		return nil, "", editErr("an action's name is at most 256 characters")
	}
	// A data point click runs one action: a new one takes the click from
	// any the visual had (which stay, on the data point menu).
	for _, a := range acts {
		if ao, _ := a.(obj); ao["Trigger"] == "DATA_POINT_CLICK" {
			ao["Trigger"] = "DATA_POINT_MENU"
		}
	}
	id := freshID(d, "CustomActionId", r.visual["VisualId"].(string)+"-action")
	r.visual["Actions"] = append(acts, obj{
		"CustomActionId":   id,
		"Name":             name,
		"Status":           "ENABLED",
		"Trigger":          "DATA_POINT_CLICK",
		"ActionOperations": []any{op},
	})
	out, err := encode(d)
	return out, id, err
}

// RemoveAction removes a custom action of a visual.
func RemoveAction(raw []byte, visualID, actionID string) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	r, err := findVisual(d, visualID)
	if err != nil {
		return nil, err
	}
	acts := list(r.visual, "Actions")
	i := slices.IndexFunc(acts, func(a any) bool {
		ao, _ := a.(obj)
		return ao["CustomActionId"] == actionID
	})
	if i < 0 {
		return nil, editErr("visual %s has no action %s", visualID, actionID)
	}
	r.visual["Actions"] = slices.Delete(acts, i, i+1)
	return encode(d)
}

func sheetHasVisual(s obj, visualID string) bool {
	for _, v := range list(s, "Visuals") {
		vo, _ := v.(obj)
		for _, m := range vo {
			if mo, ok := m.(obj); ok && mo["VisualId"] == visualID {
				return true
			}
		}
	}
	return false
}

// dropNavigationsTo removes the navigation actions that open a sheet (an
// action left with no operation is removed).
func dropNavigationsTo(d obj, sheetID string) {
	eachAction(d, func(ops []any) []any {
		return slices.DeleteFunc(ops, func(op any) bool {
			oo, _ := op.(obj)
			return child(child(oo, "NavigationOperation"), "LocalNavigationConfiguration")["TargetSheetId"] == sheetID
		})
	})
}

// untarget removes a visual from the target visuals of filter actions.
func untarget(d obj, visualID string) {
	eachAction(d, func(ops []any) []any {
		for _, op := range ops {
			oo, _ := op.(obj)
			same := child(child(child(oo, "FilterOperation"), "TargetVisualsConfiguration"), "SameSheetTargetVisualConfiguration")
			if tv := list(same, "TargetVisuals"); tv != nil {
				// Left with none, the action filters nothing (never,
				// silently, every visual).
				same["TargetVisuals"] = slices.DeleteFunc(tv, func(v any) bool { return v == visualID })
			}
		}
		return ops
	})
}

// eachAction rewrites every custom action's operations, removing the
// actions left with none.
func eachAction(d obj, edit func([]any) []any) {
	for _, s := range sheets(d) {
		for _, v := range list(s, "Visuals") {
			vo, _ := v.(obj)
			for _, m := range vo {
				mo, ok := m.(obj)
				if !ok || mo["Actions"] == nil {
					continue
				}
				mo["Actions"] = slices.DeleteFunc(list(mo, "Actions"), func(a any) bool {
					ao, _ := a.(obj)
					if ao == nil {
						return false
					}
					ops := edit(list(ao, "ActionOperations"))
					ao["ActionOperations"] = ops
					return len(ops) == 0
				})
			}
		}
	}
}

func strs(l []string) []any {
	out := make([]any, len(l))
	for i, s := range l {
		out[i] = s
	}
	return out
}

// carryActions gives a visual changed to another type the custom actions
// of the old one; a filter action whose selected fields the new type did
// not keep is dropped with them (never widened to all fields).
func carryActions(from, to obj) {
	acts := list(from, "Actions")
	if acts == nil {
		return
	}
	kept := map[string]bool{}
	usedIDs(to, "FieldId", kept)
	to["Actions"] = slices.DeleteFunc(acts, func(a any) bool {
		ao, _ := a.(obj)
		for _, op := range list(ao, "ActionOperations") {
			oo, _ := op.(obj)
			sel := child(child(oo, "FilterOperation"), "SelectedFieldsConfiguration")
			for _, f := range list(sel, "SelectedFields") {
				if s, _ := f.(string); !kept[s] {
					return true
				}
			}
		}
		return false
	})
}
