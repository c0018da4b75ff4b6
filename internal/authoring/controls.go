package authoring

import (
	"slices"
)

// Control is a sheet control as the editor adds it: its kind (Dropdown,
// List, TextField, TextArea, Slider, DateTimePicker or RelativeDateTime), its title and
// what its kind needs — the values a dropdown or list offers (static
// values, or a dataset column's), a slider's bounds and step, whether a
// filter's dropdown or list selects one value.
type Control struct {
	SheetID      string
	Kind         string
	Title        string
	Values       []string
	LinkColumn   *Column
	Min, Max     float64
	Step         float64
	SingleSelect bool
}

// ControlKinds are the control kinds the editor offers, with a label.
var ControlKinds = []struct{ Kind, Label string }{
	{"Dropdown", "Dropdown"},
	{"List", "List"},
	{"TextField", "Text field"},
	{"TextArea", "Text area"},
	{"Slider", "Slider"},
	{"DateTimePicker", "Date picker"},
	{"RelativeDateTime", "Relative dates"},
}

// parameterControlKinds are the kinds a parameter's control may take by
// the parameter's type, as the viewer draws them.
var parameterControlKinds = map[string][]string{
	"STRING":   {"Dropdown", "List", "TextField", "TextArea"},
	"INTEGER":  {"Dropdown", "List", "TextField", "TextArea", "Slider"},
	"DECIMAL":  {"Dropdown", "List", "TextField", "TextArea", "Slider"},
	"DATETIME": {"DateTimePicker"},
}

// filterControlKinds are the kinds a filter's control may take by the
// filter's kind, as the viewer draws them.
var filterControlKinds = map[string][]string{
	"CategoryFilter":      {"Dropdown", "List"},
	"NumericRangeFilter":  {"Slider"},
	"TimeRangeFilter":     {"DateTimePicker"},
	"RelativeDatesFilter": {"RelativeDateTime"},
}

func (c Control) title(fallback string) string {
	if c.Title != "" {
		return c.Title
	}
	return fallback
}

func (c Control) slider(o obj) error {
	if c.Step <= 0 || c.Min >= c.Max {
		return editErr("a slider needs a minimum below its maximum and a step above 0")
	}
	o["MinimumValue"], o["MaximumValue"], o["StepSize"] = number(c.Min), number(c.Max), number(c.Step)
	return nil
}

func stringsAny(vs []string) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// AddParameterControl adds to a sheet a control that sets a parameter,
// and returns the definition and the control's id.
func AddParameterControl(raw []byte, name string, c Control) ([]byte, string, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, "", err
	}
	sh, err := findSheet(d, c.SheetID)
	if err != nil {
		return nil, "", err
	}
	i, _, member := declaredParameter(d, name)
	if i < 0 {
		return nil, "", editErr("there is no parameter %s", name)
	}
	typ := ""
	for _, t := range ParameterTypes {
		if t.Member == member {
			typ = t.Type
		}
	}
	_, u, _ := declaredParameter(d, name)
	decl, _ := onlyMember(u)
	multi := decl["ParameterValueType"] == "MULTI_VALUED"
	if !slices.Contains(parameterControlKinds[typ], c.Kind) {
		return nil, "", editErr("a %s parameter can't have a %s control", typ, c.Kind)
	}
	if multi && c.Kind != "Dropdown" && c.Kind != "List" {
		return nil, "", editErr("parameter %s takes several values: its control is a dropdown or a list", name)
	}
	id := freshID(d, "ParameterControlId", "control-"+name)
	o := obj{"ParameterControlId": id, "SourceParameterName": name, "Title": c.title(name)}
	switch c.Kind {
	case "Dropdown", "List":
		o["Type"] = "SINGLE_SELECT"
		if multi {
			o["Type"] = "MULTI_SELECT"
		}
		switch {
		case c.LinkColumn != nil:
			if !declared(d, c.LinkColumn.DataSetIdentifier) {
				return nil, "", editErr("the analysis has no dataset %s", c.LinkColumn.DataSetIdentifier)
			}
			o["SelectableValues"] = obj{"LinkToDataSetColumn": c.LinkColumn.ref()}
		case len(c.Values) > 0:
			for _, v := range c.Values {
				if _, err := parameterValue(typ, v); err != nil {
					return nil, "", editErr("the value %q %s", v, err.Error())
				}
			}
			o["SelectableValues"] = obj{"Values": stringsAny(c.Values)}
		default:
			return nil, "", editErr("a %s needs the values it offers: a list, or a dataset field", c.Kind)
		}
	case "Slider":
		if err := c.slider(o); err != nil {
			return nil, "", err
		}
	}
	sh["ParameterControls"] = append(list(sh, "ParameterControls"), any(obj{c.Kind: o}))
	out, err := encode(d)
	return out, id, err
}

// findFilter returns the filter union member's kind and object of a
// filter id.
func findFilter(d obj, filterID string) (string, obj) {
	for _, g := range list(d, "FilterGroups") {
		gob, _ := g.(obj)
		for _, f := range list(gob, "Filters") {
			fo, _ := f.(obj)
			if m, kind := onlyMember(fo); m != nil && m["FilterId"] == filterID {
				return kind, m
			}
		}
	}
	return "", nil
}

// AddFilterControl adds to a sheet a control that sets a filter's values,
// and returns the definition and the control's id.
func AddFilterControl(raw []byte, filterID string, c Control) ([]byte, string, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, "", err
	}
	sh, err := findSheet(d, c.SheetID)
	if err != nil {
		return nil, "", err
	}
	kind, f := findFilter(d, filterID)
	if f == nil {
		return nil, "", editErr("there is no filter %s", filterID)
	}
	if !slices.Contains(filterControlKinds[kind], c.Kind) {
		return nil, "", editErr("a %s can't have a %s control", kind, c.Kind)
	}
	if kind == "CategoryFilter" && child(child(f, "Configuration"), "CustomFilterConfiguration")["ParameterName"] != nil {
		return nil, "", editErr("filter %s takes its values from a parameter: add a control to the parameter instead", filterID)
	}
	name := str(child(f, "Column")["ColumnName"])
	id := freshID(d, "FilterControlId", "control-"+filterID)
	o := obj{"FilterControlId": id, "SourceFilterId": filterID, "Title": c.title(name)}
	switch c.Kind {
	case "Dropdown", "List":
		o["Type"] = "MULTI_SELECT"
		if c.SingleSelect {
			o["Type"] = "SINGLE_SELECT"
		}
		if len(c.Values) > 0 {
			o["SelectableValues"] = obj{"Values": stringsAny(c.Values)}
		}
	case "Slider":
		o["Type"] = "RANGE"
		if err := c.slider(o); err != nil {
			return nil, "", err
		}
	case "DateTimePicker":
		o["Type"] = "DATE_RANGE"
	}
	sh["FilterControls"] = append(list(sh, "FilterControls"), any(obj{c.Kind: o}))
	out, err := encode(d)
	return out, id, err
}

// RemoveControl removes a parameter or filter control of any sheet.
func RemoveControl(raw []byte, controlID string) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	for _, s := range sheets(d) {
		for _, member := range []string{"ParameterControls", "FilterControls"} {
			controls := list(s, member)
			i := slices.IndexFunc(controls, func(c any) bool {
				co, _ := c.(obj)
				m, _ := onlyMember(co)
				return m != nil && (m["ParameterControlId"] == controlID || m["FilterControlId"] == controlID)
			})
			if i < 0 {
				continue
			}
			if controls = slices.Delete(controls, i, i+1); len(controls) == 0 {
				delete(s, member)
			} else {
				s[member] = controls
			}
			return encode(d)
		}
	}
	return nil, editErr("there is no control %s", controlID)
}
