package awsapi

import (
	"encoding/json"

	"github.com/sightglass/sightglass/internal/apimodel"
)

// Typed body decoding: the fast path of the model check for the embed-URL
// calls.
//
// The generic path decodes a body into a tree (map[string]any), walks the
// tree along the model (apimodel.CheckRequestBody) and fills the
// operation's struct from the tree (fill). For the calls an embedding
// application makes on every page view, a typed decoder reads the bytes
// straight into the operation's struct, checking each value against the
// model member it fills (apimodel.Field) as it goes.
//
// It accepts only the well-formed common body: known members, each once,
// of the model's types in their plain forms (see bodyScanner), every
// required member present, every value within the model's constraints,
// and no query string. It declines anything else, and the generic path
// then takes the body from its start: so whatever the typed decoder
// accepts has no model error, and every error (its kind, its message,
// its order) is the generic path's by construction. FuzzEmbedDecode holds
// the two to the same struct on every body the typed decoder accepts.

// typedBody decodes one operation's body: the struct (a pointer), the
// body's top-level scalar members as the model check's tree has them (for
// the audit log), and false when it declines.
type typedBody func(labels map[string]string, body []byte) (v any, scalars map[string]any, ok bool)

// typedBodies are the operations with a typed decoder.
var typedBodies = map[string]typedBody{
	opAnonymous:  decodeAnonymousBody,
	opRegistered: decodeRegisteredBody,
}

// checkInput checks in against the model before its operation runs: by
// the operation's typed decoder where it has one and it accepts the body
// (in.typed is then the body's struct, and obj holds the body's top-level
// scalars), else by apimodel.CheckRequestBody (see there).
func checkInput(name string, in *input) (obj map[string]any, plain bool, err error) {
	if dec := typedBodies[name]; dec != nil && len(in.Query) == 0 {
		if v, scalars, ok := dec(in.Labels, in.Body); ok {
			in.typed = v
			return scalars, false, nil
		}
	}
	return apimodel.CheckRequestBody(name, in.Labels, in.Query, in.Body)
}

// objectFields are the members of one object of a body, as a typed
// decoder reads them: their names, each resolved in the model. A
// member's index in names is its bit in the memberSet of the object.
type objectFields struct {
	names  []string
	fields []apimodel.Field
}

// newObjectFields resolves names, the members of the object at path in
// op's input.
func newObjectFields(op string, path []string, names ...string) *objectFields {
	o := &objectFields{names: names, fields: make([]apimodel.Field, len(names))}
	for i, n := range names {
		o.fields[i] = apimodel.InputField(op, append(path[:len(path):len(path)], n)...)
	}
	return o
}

// index returns the index of the member key, or -1 when it is not one.
func (o *objectFields) index(key string) int {
	for i, n := range o.names {
		if n == key {
			return i
		}
	}
	return -1
}

// complete reports whether every required member was read.
func (o *objectFields) complete(seen memberSet) bool {
	for i, f := range o.fields {
		if f.Required() && !seen.has(i) {
			return false
		}
	}
	return true
}

// members reads an object of o's members, each once, calling read with
// the index of each to read its value; it declines an unknown or
// repeated member and an object that lacks a required one.
func (d *bodyScanner) members(o *objectFields, read func(i int) bool) bool {
	var seen memberSet
	return d.object(func(key string) bool {
		i := o.index(key)
		return i >= 0 && seen.add(i) && read(i)
	}) && o.complete(seen)
}

// scalarString reads a string that member f accepts into *dst, and into
// scalars under name (the audit log's view of a top-level member).
func (d *bodyScanner) scalarString(f apimodel.Field, dst **string, scalars map[string]any, name string) bool {
	s, ok := d.checkedString(f)
	*dst = &s
	scalars[name] = s
	return ok
}

// checkedString reads a string that member f accepts.
func (d *bodyScanner) checkedString(f apimodel.Field) (string, bool) {
	s, ok := d.str()
	return s, ok && f.StringOK(s)
}

// checkedStringPtr reads a string that member f accepts into *dst.
func (d *bodyScanner) checkedStringPtr(f apimodel.Field, dst **string) bool {
	s, ok := d.checkedString(f)
	if ok {
		*dst = &s
	}
	return ok
}

// stringList reads a list of strings that list member f accepts (its
// length and each element). An empty list is an empty slice, not nil, as
// json.Unmarshal gives.
func (d *bodyScanner) stringList(f apimodel.Field, dst *[]string) bool {
	elem := f.Elem()
	out := []string{}
	n, ok := d.array(func() bool {
		s, ok := d.checkedString(elem)
		out = append(out, s)
		return ok
	})
	if !ok || !f.LenOK(n) {
		return false
	}
	*dst = out
	return true
}

// lifetime reads SessionLifetimeInMinutes into *dst, and its text into
// scalars.
func (d *bodyScanner) lifetime(f apimodel.Field, dst **int64, scalars map[string]any) bool {
	n, raw, ok := d.integer()
	if !ok || !f.IntOK(n) {
		return false
	}
	*dst = &n
	scalars["SessionLifetimeInMinutes"] = json.Number(raw)
	return true
}

// flag reads a {"Enabled": bool} feature configuration, o its members.
func (d *bodyScanner) flag(o *objectFields, dst **enabledFlag) bool {
	c := new(enabledFlag)
	if !d.members(o, func(int) bool {
		v, ok := d.boolean()
		c.Enabled = v
		return ok && o.fields[0].BoolOK()
	}) {
		return false
	}
	*dst = c
	return true
}

// visualFields are the members of a DashboardVisual experience (the same
// for anonymous and registered users).
type visualFields struct{ experience, id *objectFields }

// newVisualFields resolves the members of the experience at path at in
// op's input.
func newVisualFields(op string, at ...string) visualFields {
	return visualFields{
		experience: newObjectFields(op, at, "InitialDashboardVisualId"),
		id:         newObjectFields(op, append(at[:len(at):len(at)], "InitialDashboardVisualId"), "DashboardId", "SheetId", "VisualId"),
	}
}

// dashboardVisual reads a DashboardVisual experience.
func (d *bodyScanner) dashboardVisual(f visualFields, dst **dashboardVisualExperience) bool {
	x := new(dashboardVisualExperience)
	if !d.members(f.experience, func(int) bool {
		id := new(dashboardVisualID)
		x.InitialDashboardVisualId = id
		return d.members(f.id, func(i int) bool {
			return d.checkedStringPtr(f.id.fields[i], [...]**string{&id.DashboardId, &id.SheetId, &id.VisualId}[i])
		})
	}) {
		return false
	}
	*dst = x
	return true
}

// accountOK reports whether the request's AwsAccountId label is one the
// model accepts.
func accountOK(f apimodel.Field, labels map[string]string) bool {
	a, ok := labels["AwsAccountId"]
	return ok && f.StringOK(a)
}
