package authoring

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
)

// Default size of a new visual's tile in a grid layout (of 36 columns).
const (
	tileColumns = 18
	tileRows    = 12
)

// AddVisual adds an empty visual of a type to a sheet, with a tile in the
// sheet's grid layout, and returns the definition and the visual's id.
func AddVisual(raw []byte, sheetID, kind string) ([]byte, string, error) {
	k, ok := Kind(kind)
	if !ok {
		return nil, "", editErr("the editor can't build a %s", kind)
	}
	d, err := decode(raw)
	if err != nil {
		return nil, "", err
	}
	s, err := findSheet(d, sheetID)
	if err != nil {
		return nil, "", err
	}
	id := freshID(d, "VisualId", "visual")
	v := obj{"VisualId": id, "Title": title(k.Label)}
	r := &visualRef{visual: v}
	r.wells(k)
	s["Visuals"] = append(list(s, "Visuals"), obj{kind: v})
	addTile(s, id)
	out, err := encode(d)
	return out, id, err
}

func title(text string) obj {
	return obj{"Visibility": "VISIBLE", "FormatText": obj{"PlainText": text}}
}

// gridElements returns the elements of the sheet's first grid layout, or
// nil and false when it has none.
func gridElements(s obj) (obj, bool) {
	for _, l := range list(s, "Layouts") {
		lo, _ := l.(obj)
		if g := child(child(lo, "Configuration"), "GridLayout"); g != nil {
			return g, true
		}
	}
	return nil, false
}

// addTile places a visual's tile after the last element of the sheet's
// grid layout (a sheet without layouts draws its visuals in order).
func addTile(s obj, visualID string) {
	g, ok := gridElements(s)
	if !ok {
		return
	}
	g["Elements"] = append(list(g, "Elements"), obj{"ElementId": visualID, "ElementType": "VISUAL", "ColumnSpan": json.Number(strconv.Itoa(tileColumns)), "RowSpan": json.Number(strconv.Itoa(tileRows))})
}

// removeTile removes a visual's tile from every layout of the sheet.
func removeTile(s obj, visualID string) {
	if g, ok := gridElements(s); ok {
		g["Elements"] = slices.DeleteFunc(list(g, "Elements"), func(e any) bool {
			eo, _ := e.(obj)
			return eo["ElementId"] == visualID
		})
		if g["Elements"] == nil {
			g["Elements"] = []any{}
		}
	}
}

// DeleteVisual removes a visual, its tile, and its mentions in filter
// scopes.
func DeleteVisual(raw []byte, visualID string) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	r, err := findVisual(d, visualID)
	if err != nil {
		return nil, err
	}
	r.sheet["Visuals"] = slices.Delete(list(r.sheet, "Visuals"), r.index, r.index+1)
	removeTile(r.sheet, visualID)
	unscope(d, visualID)
	untarget(d, visualID)
	return encode(d)
}

// unscope removes a visual from the visual lists of filter scopes.
func unscope(d obj, visualID string) {
	for _, fg := range list(d, "FilterGroups") {
		fgo, _ := fg.(obj)
		sel := child(child(fgo, "ScopeConfiguration"), "SelectedSheets")
		for _, c := range list(sel, "SheetVisualScopingConfigurations") {
			co, _ := c.(obj)
			if ids := list(co, "VisualIds"); ids != nil {
				co["VisualIds"] = slices.DeleteFunc(ids, func(id any) bool { return id == visualID })
			}
		}
	}
}

// DuplicateVisual copies a visual, with new visual and field ids, next to
// it, and returns the definition and the copy's id.
func DuplicateVisual(raw []byte, visualID string) ([]byte, string, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, "", err
	}
	r, err := findVisual(d, visualID)
	if err != nil {
		return nil, "", err
	}
	cp, err := decode(mustJSON(r.visual))
	if err != nil {
		return nil, "", err
	}
	id := freshID(d, "VisualId", "visual")
	cp["VisualId"] = id
	renameFields(d, cp, id)
	vs := list(r.sheet, "Visuals")
	r.sheet["Visuals"] = slices.Insert(vs, r.index+1, any(obj{r.kind: cp}))
	addTile(r.sheet, id)
	out, err := encode(d)
	return out, id, err
}

// renameFields gives each field of a copied visual a new id, and its
// sort and format references the same.
func renameFields(d, v obj, visualID string) {
	used := map[string]bool{}
	usedIDs(d, "FieldId", used)
	own := map[string]bool{}
	usedIDs(v, "FieldId", own)
	renamed := map[string]string{}
	for _, old := range slices.Sorted(maps.Keys(own)) {
		renamed[old] = freshAmong(used, visualID+"."+baseName(old))
	}
	replaceIDs(v, "FieldId", renamed)
}

// baseName strips a field id's visual prefix and count suffix.
func baseName(fieldID string) string {
	for i := len(fieldID) - 1; i >= 0; i-- {
		if fieldID[i] == '.' {
			fieldID = fieldID[i+1:]
			break
		}
	}
	return fieldID
}

func replaceIDs(v any, member string, to map[string]string) {
	switch t := v.(type) {
	case obj:
		for k, c := range t {
			if s, ok := c.(string); ok && k == member {
				if n, ok := to[s]; ok {
					t[k] = n
				}
				continue
			}
			replaceIDs(c, member, to)
		}
	case []any:
		for _, c := range t {
			replaceIDs(c, member, to)
		}
	}
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}
