package authoring

import (
	"slices"
	"strconv"
	"strings"
)

// MaxSheets is the most sheets QuickSight's model lets a definition hold.
const MaxSheets = 20

// AddSheet appends an empty sheet with a grid layout, named name (or
// "Sheet N"), and returns the definition and the sheet's id.
func AddSheet(raw []byte, name string) ([]byte, string, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, "", err
	}
	ss := list(d, "Sheets")
	if len(ss) >= MaxSheets {
		return nil, "", editErr("an analysis holds at most %d sheets", MaxSheets)
	}
	name = strings.TrimSpace(name)
	if name == "" {
		name = freshSheetName(d)
	}
	id := freshID(d, "SheetId", "sheet")
	d["Sheets"] = append(ss, obj{
		"SheetId": id,
		"Name":    name,
		"Visuals": []any{},
		"Layouts": []any{obj{"Configuration": obj{"GridLayout": obj{"Elements": []any{}}}}},
	})
	out, err := encode(d)
	return out, id, err
}

// freshSheetName returns "Sheet N", the first N no sheet is named.
func freshSheetName(d obj) string {
	names := map[string]bool{}
	for _, s := range sheets(d) {
		if n, ok := s["Name"].(string); ok {
			names[n] = true
		}
	}
	for n := 1; ; n++ {
		if name := "Sheet " + strconv.Itoa(n); !names[name] {
			return name
		}
	}
}

// RenameSheet sets a sheet's name.
func RenameSheet(raw []byte, sheetID, name string) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	s, err := findSheet(d, sheetID)
	if err != nil {
		return nil, err
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, editErr("a sheet needs a name")
	}
	s["Name"] = name
	return encode(d)
}

// MoveSheet moves a sheet to position index (0 first; past the end is
// last).
func MoveSheet(raw []byte, sheetID string, index int) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	ss := list(d, "Sheets")
	from := sheetIndex(ss, sheetID)
	if from < 0 {
		return nil, editErr("there is no sheet %s", sheetID)
	}
	s := ss[from]
	ss = slices.Delete(ss, from, from+1)
	index = max(0, min(index, len(ss)))
	d["Sheets"] = slices.Insert(ss, index, s)
	return encode(d)
}

func sheetIndex(ss []any, sheetID string) int {
	return slices.IndexFunc(ss, func(s any) bool {
		so, _ := s.(obj)
		return so["SheetId"] == sheetID
	})
}

// DeleteSheet removes a sheet, the filter scopes and navigation actions
// that name it, and the filter scopes and filter actions that name its
// visuals. The last sheet can't be deleted.
func DeleteSheet(raw []byte, sheetID string) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	ss := list(d, "Sheets")
	i := sheetIndex(ss, sheetID)
	if i < 0 {
		return nil, editErr("there is no sheet %s", sheetID)
	}
	if len(ss) == 1 {
		return nil, editErr("an analysis keeps at least one sheet")
	}
	s, _ := ss[i].(obj)
	for _, v := range list(s, "Visuals") {
		for _, m := range v.(obj) {
			if mo, ok := m.(obj); ok {
				if id, ok := mo["VisualId"].(string); ok {
					unscope(d, id)
					untarget(d, id)
				}
			}
		}
	}
	d["Sheets"] = slices.Delete(ss, i, i+1)
	unscopeSheet(d, sheetID)
	dropNavigationsTo(d, sheetID)
	return encode(d)
}

// unscopeSheet removes a sheet from filter groups' selected sheets; a
// filter group left scoped to no sheet is removed with it (its filters
// applied only there).
func unscopeSheet(d obj, sheetID string) {
	fgs := list(d, "FilterGroups")
	if fgs == nil {
		return
	}
	d["FilterGroups"] = slices.DeleteFunc(fgs, func(fg any) bool {
		fgo, _ := fg.(obj)
		sel := child(child(fgo, "ScopeConfiguration"), "SelectedSheets")
		if sel == nil {
			return false
		}
		cs := slices.DeleteFunc(list(sel, "SheetVisualScopingConfigurations"), func(c any) bool {
			co, _ := c.(obj)
			return co["SheetId"] == sheetID
		})
		sel["SheetVisualScopingConfigurations"] = cs
		return len(cs) == 0
	})
}
