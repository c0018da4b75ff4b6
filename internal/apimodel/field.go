package apimodel

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Field is one member of an operation's input, found in the model by its
// path of member names, for a caller that decodes a body into its own
// types and checks each value against the model as it goes (a typed fast
// path). A Field only says whether a value passes: the caller that finds
// one that does not hands the body to CheckRequestBody, which words the
// error. A list member's path goes on to its element's members
// (SessionTags, Key); Elem is the element itself.
type Field struct {
	si       int
	required bool
}

// InputField returns the member of op's input at path. It panics when the
// model has no such member: the caller's paths are fixed in its code, and
// a path the model lacks is a programming error, not bad input.
func InputField(op string, path ...string) Field {
	o, ok := FindOperation(op)
	if !ok || o.input < 0 {
		panic("apimodel: no operation " + op)
	}
	si, f := o.input, Field{}
	for _, name := range path {
		if shapes[si].k == kList {
			si = shapes[si].elem
		}
		s := &shapes[si]
		mi := slices.IndexFunc(members[s.m0:s.m1], func(m member) bool { return m.n == name })
		if s.k != kStructure || mi < 0 {
			panic(fmt.Sprintf("apimodel: %s has no input member %s", op, strings.Join(path, ".")))
		}
		m := &members[s.m0+mi]
		f = Field{si: m.s, required: m.f&mRequired != 0}
		si = m.s
	}
	return f
}

// Required reports whether the member must be present (and not null).
func (f Field) Required() bool { return f.required }

// Elem is a list member's element (not required: a list has no absent
// element, and a null one fails the model check).
func (f Field) Elem() Field {
	if shapes[f.si].k != kList {
		panic("apimodel: " + shapes[f.si].n + " is not a list")
	}
	return Field{si: shapes[f.si].elem}
}

// StringOK reports whether s is a string value the model accepts here: the
// member is a string and s meets its length, pattern and enum.
func (f Field) StringOK(s string) bool {
	return shapes[f.si].k == kString && stringViolations(f.si, s, false) == nil
}

// BoolOK reports whether the member takes a JSON boolean.
func (f Field) BoolOK() bool { return shapes[f.si].k == kBoolean }

// IntOK reports whether n is an integer value the model accepts here: the
// member is an integer or a long, n is in its type's range and its bounds.
func (f Field) IntOK(n int64) bool {
	s := &shapes[f.si]
	switch {
	case s.k == kLong:
	case s.k == kInteger && n >= math.MinInt32 && n <= math.MaxInt32:
	default:
		return false
	}
	v := float64(n)
	return !(s.f&fMin != 0 && v < s.min) && !(s.f&fMax != 0 && v > s.max)
}

// LenOK reports whether a list of n elements meets the member's bounds
// (false when the member is not a list).
func (f Field) LenOK(n int) bool {
	s := &shapes[f.si]
	v := float64(n)
	return s.k == kList && !(s.f&fMin != 0 && v < s.min) && !(s.f&fMax != 0 && v > s.max)
}
