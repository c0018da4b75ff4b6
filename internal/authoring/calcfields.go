package authoring

import (
	"regexp"
	"slices"
	"strings"

	"github.com/sightglass/sightglass/internal/query/expr"
)

// CalculatedField is an analysis calculated field: a name in a dataset
// of the analysis and its expression, which may read parameters as
// ${Name}.
type CalculatedField struct {
	DataSetIdentifier string
	Name              string
	Expression        string
}

var reParameterRef = regexp.MustCompile(`\$\{([^}]*)\}`)

// check refuses an expression that does not parse or reads a parameter
// the definition does not declare.
func (f CalculatedField) check(d obj) error {
	if strings.TrimSpace(f.Name) == "" || len(f.Name) > 128 {
		return editErr("a calculated field needs a name of 1 to 128 characters")
	}
	if strings.TrimSpace(f.Expression) == "" {
		return editErr("calculated field %s needs an expression", f.Name)
	}
	if !declared(d, f.DataSetIdentifier) {
		return editErr("the analysis has no dataset %s", f.DataSetIdentifier)
	}
	if _, err := expr.Parse(f.Expression); err != nil {
		return editErr("the expression of %s is invalid: %v", f.Name, err)
	}
	for _, m := range reParameterRef.FindAllStringSubmatch(f.Expression, -1) {
		if i, _, _ := declaredParameter(d, m[1]); i < 0 {
			return editErr("the expression of %s reads ${%s}, but the analysis has no parameter %s", f.Name, m[1], m[1])
		}
	}
	return nil
}

// ExpressionFields returns the dataset fields an expression reads (not
// its parameters), for the caller to check against the dataset.
func ExpressionFields(expression string) ([]string, error) {
	n, err := expr.Parse(expression)
	if err != nil {
		return nil, editErr("the expression is invalid: %v", err)
	}
	return expr.Fields(n), nil
}

func calculatedIndex(d obj, dataSet, name string) int {
	return slices.IndexFunc(list(d, "CalculatedFields"), func(x any) bool {
		xo, _ := x.(obj)
		return xo["DataSetIdentifier"] == dataSet && xo["Name"] == name
	})
}

// SetCalculatedField adds a calculated field, or replaces the one named
// replacing in the same dataset. A field in use keeps its name.
func SetCalculatedField(raw []byte, f CalculatedField, replacing string) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	if err := f.check(d); err != nil {
		return nil, err
	}
	if replacing != f.Name && calculatedIndex(d, f.DataSetIdentifier, f.Name) >= 0 {
		return nil, editErr("there is already a calculated field %s", f.Name)
	}
	cf := obj{"DataSetIdentifier": f.DataSetIdentifier, "Name": f.Name, "Expression": f.Expression}
	if replacing == "" {
		d["CalculatedFields"] = append(list(d, "CalculatedFields"), any(cf))
		return encode(d)
	}
	i := calculatedIndex(d, f.DataSetIdentifier, replacing)
	if i < 0 {
		return nil, editErr("there is no calculated field %s", replacing)
	}
	if replacing != f.Name {
		if uses := columnUses(d, f.DataSetIdentifier, replacing); len(uses) > 0 {
			return nil, editErr("calculated field %s is used by %s: remove those uses before renaming it", replacing, strings.Join(uses, ", "))
		}
	}
	list(d, "CalculatedFields")[i] = cf
	return encode(d)
}

// DeleteCalculatedField removes a calculated field no visual, filter,
// control or other calculated field uses.
func DeleteCalculatedField(raw []byte, dataSet, name string) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	i := calculatedIndex(d, dataSet, name)
	if i < 0 {
		return nil, editErr("there is no calculated field %s", name)
	}
	if uses := columnUses(d, dataSet, name); len(uses) > 0 {
		return nil, editErr("calculated field %s is used by %s: remove those uses first", name, strings.Join(uses, ", "))
	}
	fields := slices.Delete(list(d, "CalculatedFields"), i, i+1)
	if len(fields) == 0 {
		delete(d, "CalculatedFields")
	} else {
		d["CalculatedFields"] = fields
	}
	return encode(d)
}

// columnUses names what reads a column: the visuals, filters and controls
// whose column identifiers name it, and the other calculated fields whose
// expressions read it.
func columnUses(d obj, dataSet, name string) []string {
	var out []string
	for _, s := range sheets(d) {
		for _, v := range list(s, "Visuals") {
			vo, _ := v.(obj)
			m, kind := onlyMember(vo)
			if refersTo(vo, dataSet, name) {
				out = append(out, "visual "+str(m["VisualId"])+" ("+kind+")")
			}
		}
		for _, member := range []string{"ParameterControls", "FilterControls"} {
			for _, c := range list(s, member) {
				if refersTo(c, dataSet, name) {
					co, _ := c.(obj)
					m, _ := onlyMember(co)
					out = append(out, "control "+str(m["ParameterControlId"])+str(m["FilterControlId"]))
				}
			}
		}
	}
	for _, g := range list(d, "FilterGroups") {
		if refersTo(g, dataSet, name) {
			gob, _ := g.(obj)
			out = append(out, "filter group "+str(gob["FilterGroupId"]))
		}
	}
	for _, x := range list(d, "CalculatedFields") {
		cf, _ := x.(obj)
		if cf["DataSetIdentifier"] != dataSet || cf["Name"] == name {
			continue
		}
		if fields, err := ExpressionFields(str(cf["Expression"])); err == nil && slices.Contains(fields, name) {
			out = append(out, "calculated field "+str(cf["Name"]))
		}
	}
	return out
}

// refersTo reports whether a column identifier anywhere under v names the
// column.
func refersTo(v any, dataSet, name string) bool {
	switch t := v.(type) {
	case obj:
		if t["DataSetIdentifier"] == dataSet && t["ColumnName"] == name {
			return true
		}
		for _, c := range t {
			if refersTo(c, dataSet, name) {
				return true
			}
		}
	case []any:
		for _, c := range t {
			if refersTo(c, dataSet, name) {
				return true
			}
		}
	}
	return false
}
