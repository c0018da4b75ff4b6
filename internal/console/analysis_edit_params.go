package console

import (
	"context"
	"encoding/json"
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/authoring"
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// The editor's parameters, controls and calculated fields panes: what
// they show (this file) and the actions they post
// (analysis_edit_params_actions.go).

// editorPartials are the editor's templates besides analysis_edit.html:
// the parameters pane and the panels (sheets, layout, format, actions,
// versions).
var editorPartials = []string{"templates/analysis_edit_params.html", "templates/editor_*.html"}

// editorFuncs pair the editor with one item for the partials' forms.
var editorFuncs = template.FuncMap{
	"paramForm": func(ed *editorData, p any) any {
		return struct {
			Ed    *editorData
			Param any // editorParameter, or nil for a new one
		}{ed, p}
	},
	"calcForm": func(ed *editorData, c any) any {
		return struct {
			Ed   *editorData
			Calc any // editorCalculated, or nil for a new one
		}{ed, c}
	},
	"filterForm": newFilterForm,
	"fieldLabelForm": func(ed *editorData, f editorWellField) any {
		return struct {
			Ed          *editorData
			Field       editorWellField
			Scales      []string
			DateFormats []string
		}{ed, f, authoring.NumberScales, authoring.DateFormats}
	},
}

// editorParams is what the panes render from.
type editorParams struct {
	Parameters       []editorParameter
	CalculatedFields []editorCalculated
	Controls         []editorControl
	SheetFilters     []editorFilterRef // the filters a control may set
	DataSets         []string
	FieldNames       string // the fields an expression may read, one a line (for completion)
	ParameterNames   string // the parameters, one a line
	ParameterTypes   []string
	ControlKinds     []struct{ Kind, Label string }
	FilterKinds      []struct{ Kind, Label string }
	CategoryMatches  []string
	RelativeTypes    []string
	Granularities    []string
	Aggregations     []string
	filterValues     map[string]filterFormValues // the filter groups the form edits
}

// editorParameter is a declared parameter.
type editorParameter struct {
	Name, Type string
	Multi      bool
	Defaults   string // as the form takes them: comma-separated
	// The dataset default's field keys (fieldKey), "" for none.
	DefaultValue, DefaultUser, DefaultGroup string
}

// editorCalculated is an analysis calculated field.
type editorCalculated struct {
	DataSet, Name, Expression, Type string
	Problem                         string // why it can't be typed (an error in its expression)
}

// editorControl is a control of the sheet.
type editorControl struct {
	ID, Kind, Source string
	Title            string
}

// editorFilterRef is a filter of the sheet that a control may set.
type editorFilterRef struct {
	ID, Label string
}

// buildParams computes the panes of a definition's sheet.
func buildParams(def *definition.Definition, sheetID string, fields []editorField) *editorParams {
	p := &editorParams{
		ControlKinds: authoring.ControlKinds, FilterKinds: authoring.FilterKinds,
		CategoryMatches: authoring.CategoryMatches, RelativeTypes: authoring.RelativeTypes,
		Granularities: authoring.Granularities, Aggregations: authoring.Aggregations["NumericalMeasureField"],
	}
	for _, t := range authoring.ParameterTypes {
		p.ParameterTypes = append(p.ParameterTypes, t.Type)
	}
	for _, ds := range def.DataSetIdentifierDeclarations {
		p.DataSets = append(p.DataSets, ds.Identifier)
	}
	var names, params []string
	for _, f := range fields {
		names = append(names, f.Name)
	}
	p.FieldNames = strings.Join(names, "\n")
	for i := range def.ParameterDeclarations {
		pd := &def.ParameterDeclarations[i]
		typ, name, valueType := pd.Kind()
		if name == "" {
			continue
		}
		params = append(params, name)
		ep := editorParameter{Name: name, Type: typ, Multi: valueType == "MULTI_VALUED", Defaults: strings.Join(staticDefaults(pd), ", ")}
		ep.DefaultValue, ep.DefaultUser, ep.DefaultGroup = dynamicDefaultKeys(pd)
		p.Parameters = append(p.Parameters, ep)
	}
	p.ParameterNames = strings.Join(params, "\n")
	types := calculatedTypes(def, fields)
	for _, cf := range def.CalculatedFields {
		t := types[cf.DataSetIdentifier+"\x00"+cf.Name]
		ec := editorCalculated{DataSet: cf.DataSetIdentifier, Name: cf.Name, Expression: cf.Expression, Type: t.Type}
		if t.Err != nil {
			ec.Problem = t.Err.Error()
		}
		p.CalculatedFields = append(p.CalculatedFields, ec)
	}
	for _, sh := range def.Sheets {
		if sh.SheetId != sheetID {
			continue
		}
		for i := range sh.ParameterControls {
			kind, id, source, title := sh.ParameterControls[i].Kind()
			p.Controls = append(p.Controls, editorControl{ID: id, Kind: kind, Source: "parameter " + source, Title: title})
		}
		for i := range sh.FilterControls {
			kind, id, source, title := sh.FilterControls[i].Kind()
			p.Controls = append(p.Controls, editorControl{ID: id, Kind: kind, Source: "filter " + source, Title: title})
		}
	}
	p.filterValues = map[string]filterFormValues{}
	for _, g := range def.FilterGroups {
		if v, ok := filterGroupValues(g, sheetID); ok {
			p.filterValues[g.FilterGroupId] = v
		}
		for _, f := range g.Filters {
			_, id, _ := f.Kind()
			if id != "" && filterApplies(g, sheetID) {
				p.SheetFilters = append(p.SheetFilters, editorFilterRef{ID: id, Label: filterLabel(f)})
			}
		}
	}
	return p
}

// filterApplies reports whether a filter group applies on a sheet.
func filterApplies(g definition.FilterGroup, sheetID string) bool {
	sc := g.ScopeConfiguration
	if sc == nil {
		return false
	}
	if sc.AllSheets != nil {
		return true
	}
	if sc.SelectedSheets != nil {
		for _, c := range sc.SelectedSheets.SheetVisualScopingConfigurations {
			if c.SheetId == sheetID {
				return true
			}
		}
	}
	return false
}

// staticDefaults returns a declaration's static defaults as the form
// takes them (dates as 2006-01-02).
func staticDefaults(pd *definition.ParameterDeclaration) []string {
	var out []string
	switch {
	case pd.StringParameterDeclaration != nil && pd.StringParameterDeclaration.DefaultValues != nil:
		out = append(out, pd.StringParameterDeclaration.DefaultValues.StaticValues...)
	case pd.IntegerParameterDeclaration != nil && pd.IntegerParameterDeclaration.DefaultValues != nil:
		for _, v := range pd.IntegerParameterDeclaration.DefaultValues.StaticValues {
			out = append(out, strconv.FormatInt(v, 10))
		}
	case pd.DecimalParameterDeclaration != nil && pd.DecimalParameterDeclaration.DefaultValues != nil:
		for _, v := range pd.DecimalParameterDeclaration.DefaultValues.StaticValues {
			out = append(out, strconv.FormatFloat(v, 'f', -1, 64))
		}
	case pd.DateTimeParameterDeclaration != nil && pd.DateTimeParameterDeclaration.DefaultValues != nil:
		for _, v := range pd.DateTimeParameterDeclaration.DefaultValues.StaticValues {
			out = append(out, time.Unix(int64(v), 0).UTC().Format(time.DateOnly))
		}
	}
	return out
}

// calculatedType is a calculated field's type, whether it aggregates, or
// why its expression can't be compiled.
type calculatedType struct {
	Type       string
	Aggregated bool
	Err        error
}

// calculatedTypes types the analysis's calculated fields by compiling
// their expressions against the datasets' columns, the other calculated
// fields and the declared parameters. Keys are dataset and name joined
// by NUL.
func calculatedTypes(def *definition.Definition, fields []editorField) map[string]calculatedType {
	columns := map[string]dialect.Type{}
	for _, f := range fields {
		columns[f.DataSet+"\x00"+f.Name] = dialect.Type(f.Type)
	}
	params := map[string]dialect.Type{}
	for i := range def.ParameterDeclarations {
		typ, name, _ := def.ParameterDeclarations[i].Kind()
		params[name] = dialect.Type(typ)
	}
	exprs := map[string]string{}
	for _, cf := range def.CalculatedFields {
		exprs[cf.DataSetIdentifier+"\x00"+cf.Name] = cf.Expression
	}
	out := map[string]calculatedType{}
	var typeOf func(key string, depth int) calculatedType
	typeOf = func(key string, depth int) calculatedType {
		if t, ok := out[key]; ok {
			return t
		}
		if depth > 16 {
			return calculatedType{Err: expr.Invalid(key, &expr.Error{Msg: "calculated fields refer to each other too deeply"})}
		}
		ds, _, _ := strings.Cut(key, "\x00")
		n, err := expr.Parse(exprs[key])
		if err != nil {
			return calculatedType{Err: err}
		}
		c := &expr.Compiler{Dialect: dialect.SQLite}
		c.Field = func(name string) (expr.Value, bool, error) {
			k := ds + "\x00" + name
			if _, ok := exprs[k]; ok && k != key {
				t := typeOf(k, depth+1)
				if t.Err != nil {
					return expr.Value{}, false, t.Err
				}
				kind := expr.Row
				if t.Aggregated {
					kind = expr.Aggregate
				}
				return expr.Value{SQL: "x", Type: dialect.Type(t.Type), Kind: kind}, true, nil
			}
			if t, ok := columns[k]; ok {
				return expr.Value{SQL: "x", Type: t, Kind: expr.Row}, true, nil
			}
			return expr.Value{}, false, nil
		}
		c.Param = func(name string) (any, dialect.Type, bool) {
			t, ok := params[name]
			return zeroOf(t), t, ok
		}
		v, err := c.Compile(n)
		if err != nil {
			return calculatedType{Err: err}
		}
		return calculatedType{Type: string(v.Type), Aggregated: v.Kind == expr.Aggregate}
	}
	for key := range exprs {
		out[key] = typeOf(key, 0)
	}
	return out
}

func zeroOf(t dialect.Type) any {
	switch t {
	case dialect.Integer:
		return int64(0)
	case dialect.Decimal:
		return 0.0
	case dialect.Datetime:
		return time.Unix(0, 0).UTC()
	}
	return ""
}

// calculatedEditorFields lists the analysis's calculated fields that type
// cleanly as fields of the fields pane.
func calculatedEditorFields(def *definition.Definition, fields []editorField) []editorField {
	types := calculatedTypes(def, fields)
	var out []editorField
	for _, cf := range def.CalculatedFields {
		t := types[cf.DataSetIdentifier+"\x00"+cf.Name]
		if t.Err != nil {
			continue
		}
		key := url.Values{"d": {cf.DataSetIdentifier}, "c": {cf.Name}}.Encode()
		measure := t.Aggregated || t.Type == "INTEGER" || t.Type == "DECIMAL"
		out = append(out, editorField{DataSet: cf.DataSetIdentifier, Name: cf.Name, Type: t.Type, Measure: measure, Key: key})
	}
	return out
}

// calculatedColumn returns an analysis calculated field as a column the
// editor drops into wells and filters, with its type.
func (c *Console) calculatedColumn(ctx context.Context, s *signedIn, raw []byte, identifier, name string) (authoring.Column, bool, bool, error) {
	def, err := definition.Parse(raw)
	if err != nil {
		return authoring.Column{}, false, false, nil
	}
	found := false
	for _, cf := range def.CalculatedFields {
		found = found || cf.DataSetIdentifier == identifier && cf.Name == name
	}
	if !found {
		return authoring.Column{}, false, false, nil
	}
	var fields []editorField
	for _, ds := range def.DataSetIdentifierDeclarations {
		if ds.Identifier != identifier {
			continue
		}
		d, err := c.dataSetOf(ctx, s, ds.DataSetArn)
		if err != nil {
			return authoring.Column{}, false, false, err
		}
		for _, col := range d.OutputColumns {
			fields = append(fields, editorField{DataSet: identifier, Name: col.Name, Type: col.Type})
		}
	}
	t := calculatedTypes(def, fields)[identifier+"\x00"+name]
	if t.Err != nil {
		return authoring.Column{}, false, false, expr.Invalid(name, t.Err)
	}
	return authoring.Column{DataSetIdentifier: identifier, Name: name, Type: t.Type}, t.Aggregated, true, nil
}

// customLabels returns the labels a visual's fields carry
// (FieldOptions.SelectedFieldOptions' CustomLabel in tables, the
// AxisLabelOptions entries applying to a field in charts).
func customLabels(v *definition.Visual) map[string]string {
	var m map[string]any
	out := map[string]string{}
	if json.Unmarshal(v.Raw, &m) != nil {
		return out
	}
	for _, id := range authoring.FieldIDs(m) {
		if l := authoring.CustomLabel(m, id); l != "" {
			out[id] = l
		}
	}
	return out
}

// dynamicDefaultKeys returns the field keys of a parameter's dataset
// default (value, user, group), "" for those it has not.
func dynamicDefaultKeys(pd *definition.ParameterDeclaration) (value, user, group string) {
	_, d, ok := pd.DynamicDefault()
	if !ok {
		return "", "", ""
	}
	return fieldKey(d.DefaultValueColumn), fieldKey(d.UserNameColumn), fieldKey(d.GroupNameColumn)
}
