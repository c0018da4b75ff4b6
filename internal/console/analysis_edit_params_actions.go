package console

import (
	"context"
	"net/url"
	"slices"
	"strconv"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/authoring"
)

// paramAction applies the editor actions of parameters, controls,
// calculated fields and the complete filter form; false for an op that
// is not one of them.
func (c *Console) paramAction(ctx context.Context, s *signedIn, op string, f url.Values, raw []byte) ([]byte, bool, error) {
	var out []byte
	var err error
	switch op {
	case "add-field":
		// A calculated field of the analysis; a dataset's column is the
		// editor's own add-field.
		col, aggregated, ok, cerr := c.calculatedColumn(ctx, s, raw, f.Get("dataset"), f.Get("column"))
		if !ok || cerr != nil {
			return nil, ok, cerr
		}
		index := -1
		if i, err := strconv.Atoi(f.Get("index")); err == nil && i >= 0 {
			index = i
		}
		add := authoring.AddField
		if aggregated {
			add = authoring.AddAggregatedField
		}
		out, _, err = add(raw, f.Get("visual"), f.Get("well"), col, index)
	case "number-format":
		out, err = numberFormat(raw, f)
	case "date-format":
		out, err = authoring.SetDateFormat(raw, f.Get("field"), f.Get("dformat"))
	case "label":
		out, err = authoring.SetCustomLabel(raw, f.Get("field"), f.Get("value"))
	case "set-parameter":
		p := authoring.Parameter{Name: strings.TrimSpace(f.Get("pname")), Type: f.Get("ptype"), Multi: f.Get("multi") != "", Defaults: splitValues(f.Get("defaults"))}
		if p.Dynamic, err = c.dynamicDefaultOf(ctx, s, raw, f); err == nil {
			out, err = authoring.SetParameter(raw, p, f.Get("replacing"))
		}
	case "delete-parameter":
		out, err = authoring.DeleteParameter(raw, f.Get("pname"))
	case "add-control":
		out, err = c.addControl(ctx, s, f, raw)
	case "remove-control":
		out, err = authoring.RemoveControl(raw, f.Get("control"))
	case "set-calc":
		out, err = c.setCalculated(ctx, s, f, raw)
	case "delete-calc":
		out, err = authoring.DeleteCalculatedField(raw, f.Get("dataSetIdentifier"), f.Get("cname"))
	case "set-filter":
		var spec authoring.Filter
		if spec, err = c.filterOf(ctx, s, f, raw); err == nil {
			if g := f.Get("group"); g != "" {
				out, err = authoring.ReplaceFilter(raw, g, spec)
			} else {
				out, _, _, err = authoring.AddFilter(raw, spec)
			}
		}
	default:
		return nil, false, nil
	}
	return out, true, err
}

// splitValues splits a list typed as "a, b" or one a line.
func splitValues(s string) []string {
	var out []string
	for _, v := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '\n' }) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// fieldOf resolves a field key of a form (d=dataset&c=column) to a
// column: a dataset's, or an analysis calculated field.
func (c *Console) fieldOf(ctx context.Context, s *signedIn, raw []byte, key string) (authoring.Column, error) {
	k, err := url.ParseQuery(key)
	if err != nil || k.Get("c") == "" {
		return authoring.Column{}, sg.Errorf(sg.EINVALID, "Choose a field.")
	}
	col, aggregated, ok, err := c.calculatedColumn(ctx, s, raw, k.Get("d"), k.Get("c"))
	switch {
	case err != nil:
		return authoring.Column{}, err
	case aggregated:
		return authoring.Column{}, sg.Errorf(sg.EINVALID, "%s aggregates: it can't be filtered or listed row by row.", k.Get("c"))
	case ok:
		return col, nil
	}
	return c.columnOf(ctx, s, raw, k.Get("d"), k.Get("c"))
}

func floatOf(s, what string, def float64) (float64, error) {
	if s = strings.TrimSpace(s); s == "" {
		return def, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, sg.Errorf(sg.EINVALID, "The %s %q is not a number.", what, s)
	}
	return v, nil
}

// addControl is the add-control action: source is p:<parameter> or
// f:<filter id>.
func (c *Console) addControl(ctx context.Context, s *signedIn, f url.Values, raw []byte) ([]byte, error) {
	ctl := authoring.Control{SheetID: f.Get("sheetId"), Kind: f.Get("ckind"), Title: strings.TrimSpace(f.Get("title")), Values: splitValues(f.Get("cvalues")), SingleSelect: f.Get("single") != ""}
	var err error
	if ctl.Min, err = floatOf(f.Get("min"), "minimum", 0); err != nil {
		return nil, err
	}
	if ctl.Max, err = floatOf(f.Get("max"), "maximum", 100); err != nil {
		return nil, err
	}
	if ctl.Step, err = floatOf(f.Get("step"), "step", 1); err != nil {
		return nil, err
	}
	if key := f.Get("link"); key != "" && len(ctl.Values) == 0 {
		col, err := c.fieldOf(ctx, s, raw, key)
		if err != nil {
			return nil, err
		}
		ctl.LinkColumn = &col
	}
	kind, name, _ := strings.Cut(f.Get("source"), ":")
	var out []byte
	switch kind {
	case "p":
		out, _, err = authoring.AddParameterControl(raw, name, ctl)
	case "f":
		out, _, err = authoring.AddFilterControl(raw, name, ctl)
	default:
		return nil, sg.Errorf(sg.EINVALID, "Choose the parameter or filter the control sets.")
	}
	return out, err
}

// setCalculated is the set-calc action. The fields an expression reads
// must be fields of its dataset or its calculated fields: the expression
// is typed before it is saved.
func (c *Console) setCalculated(ctx context.Context, s *signedIn, f url.Values, raw []byte) ([]byte, error) {
	cf := authoring.CalculatedField{DataSetIdentifier: f.Get("dataSetIdentifier"), Name: strings.TrimSpace(f.Get("cname")), Expression: f.Get("expression")}
	out, err := authoring.SetCalculatedField(raw, cf, f.Get("replacing"))
	if err != nil {
		return nil, err
	}
	if _, _, _, err := c.calculatedColumn(ctx, s, out, cf.DataSetIdentifier, cf.Name); err != nil {
		return nil, err
	}
	return out, nil
}

// filterOf reads the filter form.
func (c *Console) filterOf(ctx context.Context, s *signedIn, f url.Values, raw []byte) (authoring.Filter, error) {
	col, err := c.fieldOf(ctx, s, raw, f.Get("field"))
	if err != nil {
		return authoring.Filter{}, err
	}
	spec := authoring.Filter{
		Kind: f.Get("fkind"), Column: col, Match: f.Get("match"), Values: splitValues(f.Get("values")),
		Parameter: f.Get("parameter"), Min: f.Get("min"), Max: f.Get("max"),
		MinParameter: f.Get("minp"), MaxParameter: f.Get("maxp"), Granularity: f.Get("granularity"),
		RelativeType: f.Get("reltype"), Aggregation: f.Get("agg"), Bottom: f.Get("bottom") != "",
		CrossDataset: f.Get("cross") != "",
	}
	if n := strings.TrimSpace(f.Get("n")); n != "" {
		if spec.N, err = strconv.Atoi(n); err != nil || spec.N < 0 || spec.N > 1_000_000 {
			return spec, sg.Errorf(sg.EINVALID, "The number %q is not a whole number from 0 to 1000000.", n)
		}
	}
	if key := f.Get("by"); key != "" && spec.Kind == "TopBottomFilter" {
		by, err := c.fieldOf(ctx, s, raw, key)
		if err != nil {
			return spec, err
		}
		spec.By = &by
	}
	switch f.Get("scope") {
	case "all":
		spec.Scope = authoring.Scope{AllSheets: true}
	case "visual":
		spec.Scope = authoring.Scope{SheetID: f.Get("sheetId"), VisualIDs: []string{f.Get("visual")}}
	case "visuals":
		ids := slices.DeleteFunc(f["visuals"], func(s string) bool { return s == "" })
		if len(ids) == 0 {
			return spec, sg.Errorf(sg.EINVALID, "Choose the visuals the filter applies to.")
		}
		spec.Scope = authoring.Scope{SheetID: f.Get("sheetId"), VisualIDs: ids}
	default:
		spec.Scope = authoring.Scope{SheetID: f.Get("sheetId")}
	}
	return spec, nil
}

// numberFormat is the number-format action: nformat "" (none), "number"
// or "percent", with decimals, scale, prefix and suffix.
func numberFormat(raw []byte, f url.Values) ([]byte, error) {
	field := f.Get("field")
	if f.Get("nformat") == "" {
		return authoring.SetNumberFormat(raw, field, nil)
	}
	nf := &authoring.NumberFormat{Percent: f.Get("nformat") == "percent", Scale: f.Get("scale"), Prefix: f.Get("prefix"), Suffix: f.Get("suffix")}
	if nf.Percent {
		nf.Scale = ""
	}
	if d := strings.TrimSpace(f.Get("decimals")); d != "" {
		n, err := strconv.Atoi(d)
		if err != nil {
			return nil, sg.Errorf(sg.EINVALID, "Decimal places %q are not a whole number.", d)
		}
		nf.Decimals = &n
	}
	return authoring.SetNumberFormat(raw, field, nf)
}

// dynamicDefaultOf reads a parameter form's dataset default: the value
// field (dvalue) and the user (duser) and group (dgroup) fields, all of
// one dataset. None chosen: nil, the parameter has static defaults only.
func (c *Console) dynamicDefaultOf(ctx context.Context, s *signedIn, raw []byte, f url.Values) (*authoring.DynamicDefault, error) {
	if f.Get("dvalue") == "" && f.Get("duser") == "" && f.Get("dgroup") == "" {
		return nil, nil
	}
	value, err := c.fieldOf(ctx, s, raw, f.Get("dvalue"))
	if err != nil {
		return nil, sg.Errorf(sg.EINVALID, "Choose the field that holds the default values.")
	}
	d := &authoring.DynamicDefault{DataSetIdentifier: value.DataSetIdentifier, Value: value.Name}
	for _, k := range []struct {
		form string
		dst  *string
	}{{"duser", &d.User}, {"dgroup", &d.Group}} {
		if f.Get(k.form) == "" {
			continue
		}
		col, err := c.fieldOf(ctx, s, raw, f.Get(k.form))
		if err != nil {
			return nil, err
		}
		if col.DataSetIdentifier != d.DataSetIdentifier {
			return nil, sg.Errorf(sg.EINVALID, "The default's value, user and group fields are of one dataset.")
		}
		*k.dst = col.Name
	}
	if d.User == "" && d.Group == "" {
		return nil, sg.Errorf(sg.EINVALID, "Choose the field that holds user names, group names or both.")
	}
	return d, nil
}
