package authoring

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Parameter is an analysis parameter as the editor creates it: a name
// (letters and digits, as QuickSight requires), a type (STRING, INTEGER,
// DECIMAL or DATETIME), single or multiple values, and static default
// values written as the author types them (dates as 2006-01-02).
type Parameter struct {
	Name     string
	Type     string
	Multi    bool
	Defaults []string
	// Dynamic, when set, reads the default from a dataset for the
	// signed-in user or their groups (QuickSight's DynamicValue); Defaults
	// then apply to viewers the dataset names nowhere.
	Dynamic *DynamicDefault
}

// DynamicDefault is a dataset-driven default: the values of Value on the
// rows whose User column is the viewer's user name, or else whose Group
// column is one of their groups. All columns are of one dataset; at
// least one of User and Group is named.
type DynamicDefault struct {
	DataSetIdentifier  string
	Value, User, Group string
}

// dynamicValue returns the DynamicDefaultValue of d.
func (d *DynamicDefault) dynamicValue(param string) (obj, error) {
	if d.DataSetIdentifier == "" || d.Value == "" {
		return nil, editErr("the dataset default of parameter %s names its dataset and value column", param)
	}
	if d.User == "" && d.Group == "" {
		return nil, editErr("the dataset default of parameter %s names a user column, a group column or both", param)
	}
	col := func(name string) obj { return obj{"DataSetIdentifier": d.DataSetIdentifier, "ColumnName": name} }
	out := obj{"DefaultValueColumn": col(d.Value)}
	if d.User != "" {
		out["UserNameColumn"] = col(d.User)
	}
	if d.Group != "" {
		out["GroupNameColumn"] = col(d.Group)
	}
	return out, nil
}

// ParameterTypes are the types a parameter may have, with the member of
// ParameterDeclaration that declares each.
var ParameterTypes = []struct{ Type, Member string }{
	{"STRING", "StringParameterDeclaration"},
	{"INTEGER", "IntegerParameterDeclaration"},
	{"DECIMAL", "DecimalParameterDeclaration"},
	{"DATETIME", "DateTimeParameterDeclaration"},
}

func parameterMember(typ string) (string, bool) {
	for _, t := range ParameterTypes {
		if t.Type == typ {
			return t.Member, true
		}
	}
	return "", false
}

var reParameterName = regexp.MustCompile(`^[A-Za-z0-9]+$`)

// declaration returns the ParameterDeclaration union of p.
func (p Parameter) declaration() (obj, error) {
	if !reParameterName.MatchString(p.Name) || len(p.Name) > 2048 {
		return nil, editErr("a parameter's name has only letters and digits, not %q", p.Name)
	}
	member, ok := parameterMember(p.Type)
	if !ok {
		return nil, editErr("a parameter's type is STRING, INTEGER, DECIMAL or DATETIME, not %q", p.Type)
	}
	if !p.Multi && len(p.Defaults) > 1 {
		return nil, editErr("parameter %s takes one value: give one default", p.Name)
	}
	values := make([]any, 0, len(p.Defaults))
	for _, s := range p.Defaults {
		v, err := parameterValue(p.Type, s)
		if err != nil {
			return nil, editErr("the default %q of parameter %s %s", s, p.Name, err.Error())
		}
		values = append(values, v)
	}
	decl := obj{"Name": p.Name}
	if p.Type == "DATETIME" {
		decl["TimeGranularity"] = "DAY"
	} else {
		decl["ParameterValueType"] = "SINGLE_VALUED"
		if p.Multi {
			decl["ParameterValueType"] = "MULTI_VALUED"
		}
	}
	defaults := obj{}
	if len(values) > 0 {
		defaults["StaticValues"] = values
	}
	if p.Dynamic != nil {
		dv, err := p.Dynamic.dynamicValue(p.Name)
		if err != nil {
			return nil, err
		}
		defaults["DynamicValue"] = dv
	}
	if len(defaults) > 0 {
		decl["DefaultValues"] = defaults
	}
	return obj{member: decl}, nil
}

// errValue is why a value does not fit a type.
type errValue string

func (e errValue) Error() string { return string(e) }

// parameterValue converts a value as typed to the JSON value of a
// parameter of type typ.
func parameterValue(typ, s string) (any, error) {
	s = strings.TrimSpace(s)
	switch typ {
	case "INTEGER":
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, errValue("is not a whole number")
		}
		return number(float64(n)), nil
	case "DECIMAL":
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, errValue("is not a number")
		}
		return number(f), nil
	case "DATETIME":
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return nil, errValue("is not a date (2006-01-02)")
		}
		return number(float64(t.Unix())), nil
	}
	if s == "" {
		return nil, errValue("is empty")
	}
	return s, nil
}

// declaredParameter returns the index and union of a parameter declared
// under name.
func declaredParameter(d obj, name string) (int, obj, string) {
	for i, x := range list(d, "ParameterDeclarations") {
		u, _ := x.(obj)
		for member, m := range u {
			if mo, ok := m.(obj); ok && mo["Name"] == name {
				return i, u, member
			}
		}
	}
	return -1, nil, ""
}

// ParameterType returns the type (STRING, INTEGER, DECIMAL, DATETIME) of
// a declared parameter, false when the definition declares none of that
// name.
func ParameterType(raw []byte, name string) (string, bool) {
	d, err := decode(raw)
	if err != nil {
		return "", false
	}
	_, _, member := declaredParameter(d, name)
	for _, t := range ParameterTypes {
		if t.Member == member {
			return t.Type, true
		}
	}
	return "", false
}

// SetParameter declares a parameter, or replaces the declaration of the
// parameter named replacing. A parameter in use (by a calculated field, a
// filter or a control) keeps its name and type: the author removes the
// uses first, so that nothing is left reading a value of another type.
func SetParameter(raw []byte, p Parameter, replacing string) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	decl, err := p.declaration()
	if err != nil {
		return nil, err
	}
	if replacing != p.Name {
		if i, _, _ := declaredParameter(d, p.Name); i >= 0 {
			return nil, editErr("there is already a parameter %s", p.Name)
		}
	}
	params := list(d, "ParameterDeclarations")
	if replacing == "" {
		d["ParameterDeclarations"] = append(params, any(decl))
		return encode(d)
	}
	i, _, member := declaredParameter(d, replacing)
	if i < 0 {
		return nil, editErr("there is no parameter %s", replacing)
	}
	if _, newMember := onlyMember(decl); newMember != member || replacing != p.Name {
		if uses := parameterUses(d, replacing, false); len(uses) > 0 {
			return nil, editErr("parameter %s is used by %s: remove those uses before changing its name or type", replacing, strings.Join(uses, ", "))
		}
	}
	params[i] = decl
	return encode(d)
}

func onlyMember(u obj) (obj, string) {
	for k, v := range u {
		vo, _ := v.(obj)
		return vo, k
	}
	return nil, ""
}

// DeleteParameter removes a parameter's declaration and the controls
// bound to it. A parameter still used by a calculated field or a filter
// is not removed: the error names the uses.
func DeleteParameter(raw []byte, name string) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	i, _, _ := declaredParameter(d, name)
	if i < 0 {
		return nil, editErr("there is no parameter %s", name)
	}
	if uses := parameterUses(d, name, true); len(uses) > 0 {
		return nil, editErr("parameter %s is used by %s: remove those uses first", name, strings.Join(uses, ", "))
	}
	params := slices.Delete(list(d, "ParameterDeclarations"), i, i+1)
	if len(params) == 0 {
		delete(d, "ParameterDeclarations")
	} else {
		d["ParameterDeclarations"] = params
	}
	for _, s := range sheets(d) {
		if controls := list(s, "ParameterControls"); controls != nil {
			controls = slices.DeleteFunc(controls, func(c any) bool {
				ids := map[string]bool{}
				usedIDs(c, "SourceParameterName", ids)
				return ids[name]
			})
			if len(controls) == 0 {
				delete(s, "ParameterControls")
			} else {
				s["ParameterControls"] = controls
			}
		}
	}
	return encode(d)
}

// parameterUses names what reads a parameter: calculated fields (by
// ${Name}), filters, and (unless skipControls) its controls.
func parameterUses(d obj, name string, skipControls bool) []string {
	var out []string
	ref := "${" + name + "}"
	for _, x := range list(d, "CalculatedFields") {
		cf, _ := x.(obj)
		if e, _ := cf["Expression"].(string); strings.Contains(e, ref) {
			out = append(out, "calculated field "+str(cf["Name"]))
		}
	}
	for _, g := range list(d, "FilterGroups") {
		gob, _ := g.(obj)
		for _, f := range list(gob, "Filters") {
			fo, _ := f.(obj)
			_, inner := onlyMember(fo)
			m, _ := onlyMember(fo)
			found := map[string]bool{}
			usedIDs(fo, "ParameterName", found)
			usedIDs(fo, "Parameter", found)
			if found[name] {
				out = append(out, "filter "+str(m["FilterId"])+" ("+inner+")")
			}
		}
	}
	if !skipControls {
		for _, s := range sheets(d) {
			for _, c := range list(s, "ParameterControls") {
				found := map[string]bool{}
				usedIDs(c, "SourceParameterName", found)
				if found[name] {
					co, _ := c.(obj)
					m, _ := onlyMember(co)
					out = append(out, "control "+str(m["ParameterControlId"]))
				}
			}
		}
	}
	return out
}

func str(v any) string {
	s, _ := v.(string)
	return s
}
