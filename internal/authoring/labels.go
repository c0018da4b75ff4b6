package authoring

import (
	"slices"
	"strings"
)

// labelKinds are the visual types whose fields the editor renames: the
// types whose FieldOptions.SelectedFieldOptions take a CustomLabel and
// whose headers the viewer draws with it.
var labelKinds = map[string]bool{"TableVisual": true, "PivotTableVisual": true}

// Renamable reports whether the editor renames the fields of a visual
// type.
func Renamable(kind string) bool { return labelKinds[kind] }

// SetCustomLabel names a field in its visual (label "" removes the name,
// the column's name shows again).
func SetCustomLabel(raw []byte, fieldID, label string) ([]byte, error) {
	label = strings.TrimSpace(label)
	if len(label) > 2048 {
		return nil, editErr("a field's label has at most 2048 characters")
	}
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	f, err := findField(d, fieldID)
	if err != nil {
		return nil, err
	}
	if !labelKinds[f.kind.Kind] {
		return nil, editErr("the editor renames the fields of tables and pivot tables, not of a %s", f.kind.Label)
	}
	fo := ensure(ensure(f.v.visual, "ChartConfiguration"), "FieldOptions")
	opts := list(fo, "SelectedFieldOptions")
	i := slices.IndexFunc(opts, func(o any) bool {
		oo, _ := o.(obj)
		return oo["FieldId"] == fieldID
	})
	if i < 0 {
		opts = append(opts, obj{"FieldId": fieldID})
		i = len(opts) - 1
	}
	o, _ := opts[i].(obj)
	if o == nil {
		return nil, editErr("the field options of %s can't be read", fieldID)
	}
	if label == "" {
		delete(o, "CustomLabel")
	} else {
		o["CustomLabel"] = label
	}
	fo["SelectedFieldOptions"] = opts
	dropEmptyFieldOptions(f.v.visual, fieldID)
	return encode(d)
}

// CustomLabel returns a field's label in its visual ("" for none).
func CustomLabel(v map[string]any, fieldID string) string {
	for _, o := range list(child(child(v, "ChartConfiguration"), "FieldOptions"), "SelectedFieldOptions") {
		if oo, _ := o.(obj); oo["FieldId"] == fieldID {
			return str(oo["CustomLabel"])
		}
	}
	return ""
}

// dropFieldOptions removes a field's options from its visual, as the
// field leaves it.
func dropFieldOptions(v obj, fieldID string) {
	fo := child(child(v, "ChartConfiguration"), "FieldOptions")
	if opts := list(fo, "SelectedFieldOptions"); opts != nil {
		fo["SelectedFieldOptions"] = slices.DeleteFunc(opts, func(o any) bool {
			oo, _ := o.(obj)
			return oo["FieldId"] == fieldID
		})
	}
	dropEmptyFieldOptions(v, fieldID)
}

// dropEmptyFieldOptions removes a field's options when only its FieldId
// is left, and FieldOptions left empty.
func dropEmptyFieldOptions(v obj, fieldID string) {
	cc := child(v, "ChartConfiguration")
	fo := child(cc, "FieldOptions")
	if fo == nil {
		return
	}
	opts := slices.DeleteFunc(list(fo, "SelectedFieldOptions"), func(o any) bool {
		oo, _ := o.(obj)
		return oo["FieldId"] == fieldID && len(oo) <= 1
	})
	if len(opts) == 0 {
		delete(fo, "SelectedFieldOptions")
	} else {
		fo["SelectedFieldOptions"] = opts
	}
	if len(fo) == 0 {
		delete(cc, "FieldOptions")
	}
}

// FieldIDs lists the field ids a visual's field options name.
func FieldIDs(v map[string]any) []string {
	var out []string
	for _, o := range list(child(child(v, "ChartConfiguration"), "FieldOptions"), "SelectedFieldOptions") {
		if oo, _ := o.(obj); oo != nil {
			out = append(out, str(oo["FieldId"]))
		}
	}
	return out
}
