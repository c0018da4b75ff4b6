package viewer

import (
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
)

// State is a viewer's control values and parameters, as the page sends
// them: p.<Parameter> (repeated for a multi-valued parameter),
// f.<FilterId> (category filter values; "*" selects all),
// f.<FilterId>.min and .max (numeric range), f.<FilterId>.from and .to
// (time range, YYYY-MM-DD).
type State = url.Values

// AllValues is the control value that selects every value of a category
// filter.
const AllValues = "*"

// Parameter is a declared parameter with its current value.
type Parameter struct {
	Name  string
	Type  string // definition.ParameterString, …
	Multi bool
	// Values are the current values as strings (the form SDK messages
	// and URL fragments use); empty when unset.
	Values []string
}

// parameters resolves the declared parameters: the state's values, or
// the declaration's static defaults.
func parameters(def *definition.Definition, st State) []Parameter {
	var out []Parameter
	for _, pd := range def.ParameterDeclarations {
		typ, name, valueType := pd.Kind()
		if name == "" {
			continue
		}
		p := Parameter{Name: name, Type: typ, Multi: valueType == "MULTI_VALUED"}
		if vs, ok := st["p."+name]; ok {
			for _, v := range vs {
				if v = strings.TrimSpace(v); v != "" && validParam(typ, v) {
					p.Values = append(p.Values, v)
				}
			}
		} else {
			p.Values = defaults(&pd)
		}
		if !p.Multi && len(p.Values) > 1 {
			p.Values = p.Values[:1]
		}
		out = append(out, p)
	}
	return out
}

func defaults(pd *definition.ParameterDeclaration) []string {
	var out []string
	switch {
	case pd.StringParameterDeclaration != nil:
		if d := pd.StringParameterDeclaration.DefaultValues; d != nil {
			out = append(out, d.StaticValues...)
		}
	case pd.IntegerParameterDeclaration != nil:
		if d := pd.IntegerParameterDeclaration.DefaultValues; d != nil {
			for _, v := range d.StaticValues {
				out = append(out, strconv.FormatInt(v, 10))
			}
		}
	case pd.DecimalParameterDeclaration != nil:
		if d := pd.DecimalParameterDeclaration.DefaultValues; d != nil {
			for _, v := range d.StaticValues {
				out = append(out, strconv.FormatFloat(v, 'f', -1, 64))
			}
		}
	case pd.DateTimeParameterDeclaration != nil:
		if d := pd.DateTimeParameterDeclaration.DefaultValues; d != nil {
			for _, v := range d.StaticValues {
				out = append(out, epoch(v).Format(time.DateOnly))
			}
		}
	}
	return out
}

// epoch converts a model timestamp (epoch seconds) to a time.
func epoch(sec float64) time.Time {
	s, frac := math.Modf(sec)
	return time.Unix(int64(s), int64(frac*1e9)).UTC()
}

func validParam(typ, v string) bool {
	_, ok := paramValue(typ, v)
	return ok
}

// paramValue converts a parameter value to the Go value a question binds.
func paramValue(typ, v string) (any, bool) {
	switch typ {
	case definition.ParameterInteger:
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			f, ferr := strconv.ParseFloat(v, 64)
			if ferr != nil || f != math.Trunc(f) {
				return nil, false
			}
			n = int64(f)
		}
		return n, true
	case definition.ParameterDecimal:
		f, err := strconv.ParseFloat(v, 64)
		return f, err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
	case definition.ParameterDateTime:
		t, ok := parseTime(v)
		return t, ok
	}
	return v, true
}

// parseTime accepts the date and date-time forms the SDK and controls send.
func parseTime(v string) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t.UTC(), true
		}
	}
	if ms, err := strconv.ParseInt(v, 10, 64); err == nil && ms > 1e11 {
		return time.UnixMilli(ms).UTC(), true
	}
	return time.Time{}, false
}

// questionParameters returns the parameters with a value, as a question
// binds them.
func questionParameters(params []Parameter) map[string]any {
	out := map[string]any{}
	for _, p := range params {
		if len(p.Values) == 0 {
			continue
		}
		var vals []any
		for _, s := range p.Values {
			if v, ok := paramValue(p.Type, s); ok {
				vals = append(vals, v)
			}
		}
		if len(vals) == 0 {
			continue
		}
		if p.Multi {
			out[p.Name] = vals
		} else {
			out[p.Name] = vals[0]
		}
	}
	return out
}
