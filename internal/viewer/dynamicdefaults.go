package viewer

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// Viewer names who looks at a view: the user and the groups they are a
// member of. Dataset-driven parameter defaults are read for them.
type Viewer struct {
	UserName string
	Groups   []string
}

// maxDynamicDefaults bounds the default values read for one parameter.
const maxDynamicDefaults = 1000

// ApplyDynamicDefaults reads the dataset-driven defaults of the parameters
// the viewer's state leaves unset: the values of DefaultValueColumn on the
// rows whose UserNameColumn is the viewer's user name, or else whose
// GroupNameColumn is one of their groups. run answers under the viewer's
// row-level security, so a viewer only gets defaults from rows they may
// see. With no matching row the static defaults stay. A default that
// cannot be read (an undeclared dataset, a column the dataset lacks) is
// recorded: the controls and visuals that use the parameter then say so
// rather than draw without it.
func (v *View) ApplyDynamicDefaults(ctx context.Context, run Runner, who Viewer) {
	changed := false
	for i := range v.def.ParameterDeclarations {
		pd := &v.def.ParameterDeclarations[i]
		raw, dd, ok := pd.DynamicDefault()
		if raw == nil {
			continue
		}
		_, name, _ := pd.Kind()
		p := v.param(name)
		if p == nil {
			continue
		}
		if _, set := v.state["p."+name]; set {
			continue
		}
		var vals []string
		var err error
		if !ok {
			err = fmt.Errorf("its dataset default does not decode")
		} else {
			vals, err = v.readDynamicDefault(ctx, run, dd, p.Type, who)
		}
		if err != nil {
			if v.dynamicErrs == nil {
				v.dynamicErrs = map[string]string{}
			}
			v.dynamicErrs[name] = err.Error()
			continue
		}
		if len(vals) == 0 {
			continue
		}
		if !p.Multi {
			vals = vals[:1]
		}
		p.Values, changed = vals, true
	}
	if changed {
		v.qparams = questionParameters(v.params)
	}
}

// readDynamicDefault reads one parameter's default values for a viewer.
func (v *View) readDynamicDefault(ctx context.Context, run Runner, dd *definition.DynamicDefaultValue, typ string, who Viewer) ([]string, error) {
	if dd.DefaultValueColumn == nil {
		return nil, fmt.Errorf("its dataset default names no DefaultValueColumn")
	}
	if dd.UserNameColumn == nil && dd.GroupNameColumn == nil {
		return nil, fmt.Errorf("its dataset default names neither a UserNameColumn nor a GroupNameColumn")
	}
	if who.UserName != "" && dd.UserNameColumn != nil {
		vals, err := v.defaultRows(ctx, run, dd.DefaultValueColumn, dd.UserNameColumn, []any{who.UserName}, typ)
		if err != nil || len(vals) > 0 {
			return vals, err
		}
	}
	if len(who.Groups) > 0 && dd.GroupNameColumn != nil {
		groups := make([]any, len(who.Groups))
		for i, g := range who.Groups {
			groups[i] = g
		}
		return v.defaultRows(ctx, run, dd.DefaultValueColumn, dd.GroupNameColumn, groups, typ)
	}
	return nil, nil
}

// defaultRows returns the distinct values of col on the rows whose key
// column is one of keys, in ascending order.
func (v *View) defaultRows(ctx context.Context, run Runner, col, key *definition.ColumnIdentifier, keys []any, typ string) ([]string, error) {
	if key.DataSetIdentifier != col.DataSetIdentifier {
		return nil, fmt.Errorf("its dataset default reads columns of two datasets")
	}
	arn, ok := v.def.DataSetARN(col.DataSetIdentifier)
	if !ok {
		return nil, fmt.Errorf("its dataset default reads the undeclared dataset %q", col.DataSetIdentifier)
	}
	q := &query.Question{
		Dimensions: []query.Dimension{{ID: "v", Field: col.ColumnName}},
		Filters:    []query.Filter{{Kind: query.CategoryFilter, Field: key.ColumnName, Match: "IN", Values: keys}},
		Sort:       []query.Sort{{ID: "v"}},
		Limit:      maxDynamicDefaults,
		Now:        v.now,
	}
	for _, cf := range v.def.CalculatedFields {
		if cf.DataSetIdentifier == col.DataSetIdentifier {
			q.CalculatedFields = append(q.CalculatedFields, query.CalculatedField{Name: cf.Name, Expression: cf.Expression})
		}
	}
	res, err := run(ctx, arn, q)
	if err != nil {
		return nil, fmt.Errorf("its dataset default could not be read: %v", err)
	}
	var out []string
	for _, row := range res.Rows {
		if s, ok := defaultString(row[0], typ); ok {
			out = append(out, s)
		}
	}
	return out, nil
}

// defaultString renders a default read from a dataset as a parameter
// value of type typ; false for a null or a value of another type.
func defaultString(x any, typ string) (string, bool) {
	var s string
	switch t := x.(type) {
	case nil:
		return "", false
	case time.Time:
		s = t.UTC().Format(time.RFC3339)
		if typ == definition.ParameterDateTime && t.Equal(t.Truncate(24*time.Hour)) {
			s = t.UTC().Format(time.DateOnly)
		}
	case float64:
		s = strconv.FormatFloat(t, 'f', -1, 64)
	case float32:
		s = strconv.FormatFloat(float64(t), 'f', -1, 32)
	case string:
		s = t
	case []byte:
		s = string(t)
	default:
		s = fmt.Sprint(t)
	}
	return s, validParam(typ, s)
}

// DynamicDefaultError returns why a parameter's dataset default could not
// be read ("" when it was, or it has none).
func (v *View) DynamicDefaultError(name string) string { return v.dynamicErrs[name] }

// unreadDefaults maps the visuals of a sheet that use a parameter whose
// dataset default could not be read to the message their tile shows.
func (v *View) unreadDefaults(s *definition.SheetDefinition) map[string]string {
	out := map[string]string{}
	for _, name := range slices.Sorted(maps.Keys(v.dynamicErrs)) {
		why := v.dynamicErrs[name]
		for _, id := range v.affectedByParameter(s, name) {
			if _, ok := out[id]; !ok {
				out[id] = "Parameter " + name + ": " + why + "."
			}
		}
	}
	return out
}
