package viewer

import (
	"time"

	"github.com/sightglass/sightglass/internal/definition"
)

// A date-time parameter's default may be a RollingDate (for example
// addDateTime(-90, 'DD', truncDate('DD', now()))): QuickSight evaluates
// it when the sheet is viewed, and so does the viewer, at the view's
// time, for a parameter the state does not set. An expression the viewer
// cannot evaluate leaves the parameter without a value, and a filter
// bounded by it names the expression instead of restricting nothing.

// rollingDefault is the RollingDate default of the date-time parameter
// name that the state leaves unset; nil when there is none.
func (v *View) rollingDefault(name string) *definition.RollingDateConfiguration {
	if _, set := v.state["p."+name]; set {
		return nil
	}
	for _, pd := range v.def.ParameterDeclarations {
		d := pd.DateTimeParameterDeclaration
		if d != nil && d.Name == name && d.DefaultValues != nil && d.DefaultValues.RollingDate != nil && len(d.DefaultValues.StaticValues) == 0 {
			return d.DefaultValues.RollingDate
		}
	}
	return nil
}

// applyRollingDefaults gives each unset date-time parameter with a
// RollingDate default its date.
func (v *View) applyRollingDefaults() {
	changed := false
	for i, p := range v.params {
		if p.Type != definition.ParameterDateTime || len(p.Values) > 0 {
			continue
		}
		r := v.rollingDefault(p.Name)
		if r == nil {
			continue
		}
		if x, err := v.rollingDate(r.Expression); err == nil {
			v.params[i].Values = []string{rollingValue(x)}
			changed = true
		}
	}
	if changed {
		v.qparams = questionParameters(v.params)
	}
}

// rollingDefaultError is why the parameter name has no value when its
// RollingDate default cannot be evaluated; nil otherwise.
func (v *View) rollingDefaultError(name string) error {
	if v.hasParam(name) {
		return nil
	}
	r := v.rollingDefault(name)
	if r == nil {
		return nil
	}
	_, err := v.rollingDate(r.Expression)
	return err
}

// rollingValue is a date as a parameter value: a day (how a date picker
// and a static default write one) when it is midnight, else the instant.
func rollingValue(x time.Time) string {
	x = x.UTC()
	if x.Equal(x.Truncate(24 * time.Hour)) {
		return x.Format(time.DateOnly)
	}
	return x.Format(time.RFC3339)
}
