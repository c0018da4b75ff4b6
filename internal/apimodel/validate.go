package apimodel

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// ValidateRequest checks the input of operation op (a model operation
// name): its URI labels, its query members and its JSON body. It returns
// nil or an *Error. An operation the model does not have is not checked.
func ValidateRequest(op string, labels map[string]string, query url.Values, body []byte) error {
	_, err := CheckRequest(op, labels, query, body)
	return err
}

// CheckRequest is ValidateRequest that also returns the body it decoded:
// its top-level object (numbers as json.Number), or nil when there was no
// body, the operation is not in the model or the body is not an object.
// The caller may read the object (the audit log takes its identifying
// members from it, instead of parsing the body again) but not change it.
func CheckRequest(op string, labels map[string]string, query url.Values, body []byte) (map[string]any, error) {
	obj, _, err := CheckRequestBody(op, labels, query, body)
	return obj, err
}

// CheckRequestBody is CheckRequest that also says whether the object is
// plain: decoded in one pass from plain JSON (no escapes, no repeated
// key), so that its members are exactly the body's, and a struct filled
// from it equals one decoded from the bytes.
func CheckRequestBody(op string, labels map[string]string, query url.Values, body []byte) (obj map[string]any, plain bool, err error) {
	o, ok := FindOperation(op)
	if !ok || o.input < 0 {
		return nil, false, nil
	}
	if len(bytes.TrimSpace(body)) > 0 {
		v, fast := fastDecode(body)
		if !fast {
			if v, err = decode(body); err != nil {
				return nil, false, err
			}
		}
		plain = fast
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false, serialization("The request body is not a valid JSON object.")
		}
		obj = m
	} else if noBodyOK(o.input, labels, query) {
		return nil, false, nil
	}
	w := &walker{}
	in := obj
	if in == nil {
		in = map[string]any{}
	}
	if err := w.input(o.input, labels, query, in); err != nil {
		return obj, plain, err
	}
	return obj, plain, w.result()
}

// ValidateJSON checks raw JSON against the named shape (e.g.
// "AnalysisDefinition"), reporting paths under prefix (e.g. "definition").
func ValidateJSON(shapeName, prefix string, raw []byte) error {
	si, ok := shapeIndex()[shapeName]
	if !ok {
		return fmt.Errorf("apimodel: no shape %s", shapeName)
	}
	v, err := decode(raw)
	if err != nil {
		return err
	}
	w := &walker{path: []byte(prefix)}
	if v == nil {
		w.violate(-1, nil, "Member must not be null")
	} else if err := w.value(si, v); err != nil {
		return err
	}
	return w.result()
}

func decode(raw []byte) (any, error) {
	if v, ok := fastDecode(raw); ok {
		return v, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, serialization("The request body is not a valid JSON object.")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, serialization("The request body is not a valid JSON object.")
	}
	return v, nil
}

// walker walks a decoded value along its shape, keeping the AWS path of
// the current value (lowerCamel members, 1-based ".N.member" list items)
// and collecting violations.
type walker struct {
	path       []byte
	violations []string
	shapes     []string // the shape of each violation
	sensitive  int      // > 0 inside a sensitive shape: values are not shown
}

func (w *walker) result() error {
	if len(w.violations) == 0 {
		return nil
	}
	e := validationError(w.violations)
	e.Shapes = w.shapes
	return e
}

func (w *walker) pushMember(name string) int {
	n := len(w.path)
	if n > 0 {
		w.path = append(w.path, '.')
	}
	r, size := utf8.DecodeRuneInString(name)
	w.path = utf8.AppendRune(w.path, toLower(r))
	w.path = append(w.path, name[size:]...)
	return n
}

func toLower(r rune) rune {
	if 'A' <= r && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}

func (w *walker) pushIndex(i int) int {
	n := len(w.path)
	w.path = append(w.path, '.')
	w.path = strconv.AppendInt(w.path, int64(i+1), 10)
	w.path = append(w.path, ".member"...)
	return n
}

func (w *walker) pushKey(k string) int {
	n := len(w.path)
	w.path = append(w.path, '.')
	w.path = append(w.path, k...)
	w.path = append(w.path, ".member"...)
	return n
}

// violate records one violation of the value v (of shape si, -1 when
// unknown) at the current path.
func (w *walker) violate(si int, v any, constraint string) {
	if len(w.violations) >= maxErrors {
		return
	}
	var b strings.Builder
	b.WriteString("Value ")
	switch {
	case v == nil:
		b.WriteString("null ")
	case w.sensitive > 0 || (si >= 0 && shapes[si].f&fSensitive != 0):
	default:
		b.WriteByte('\'')
		b.WriteString(render(si, v, w.path))
		b.WriteString("' ")
	}
	b.WriteString("at '")
	b.Write(w.path)
	b.WriteString("' failed to satisfy constraint: ")
	b.WriteString(constraint)
	w.violations = append(w.violations, b.String())
	name := ""
	if si >= 0 {
		name = shapes[si].n
	}
	w.shapes = append(w.shapes, name)
}

// input walks an operation's input structure, taking each member from
// where the model binds it.
func (w *walker) input(si int, labels map[string]string, query url.Values, body map[string]any) error {
	s := &shapes[si]
	known := 0
	for mi := s.m0; mi < s.m1; mi++ {
		m := &members[mi]
		var v any
		switch {
		case m.f&mURI != 0:
			l, ok := labels[m.location()]
			if !ok {
				break
			}
			conv, err := fromString(m.s, "URI label "+m.location(), []string{l})
			if err != nil {
				return err
			}
			v = conv
		case m.f&mQuery != 0:
			vals, ok := query[m.location()]
			if !ok {
				break
			}
			conv, err := fromString(m.s, "Query member "+m.location(), vals)
			if err != nil {
				return err
			}
			v = conv
		case m.f&(mHeader|mStatusCode) != 0:
			continue
		default:
			bv, ok := body[m.n]
			if !ok {
				break
			}
			known++
			v = bv
		}
		if err := w.member(m, v); err != nil {
			return err
		}
	}
	if known < len(body) {
		return w.unknown(si, body, true)
	}
	return nil
}

// fromString converts URI label or query values to the JSON form of
// shape si; name says which member they are, for errors.
func fromString(si int, name string, vals []string) (any, error) {
	s := &shapes[si]
	if s.k == kList {
		out := make([]any, len(vals))
		for i, v := range vals {
			c, err := fromString(s.elem, name, []string{v})
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	v := vals[0]
	switch s.k {
	case kInteger, kLong:
		if _, err := strconv.ParseInt(v, 10, 64); err != nil {
			return nil, serialization(fmt.Sprintf("%s must be an integer, got '%s'.", name, v))
		}
		return json.Number(v), nil
	case kDouble, kFloat:
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			return nil, serialization(fmt.Sprintf("%s must be a number, got '%s'.", name, v))
		}
		return json.Number(v), nil
	case kBoolean:
		switch v {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
		return nil, serialization(fmt.Sprintf("%s must be true or false, got '%s'.", name, v))
	case kTimestamp:
		return nil, nil // a query timestamp has no constraint to check
	}
	return v, nil
}

// member checks one structure member's value (nil when absent or null).
func (w *walker) member(m *member, v any) error {
	mark := w.pushMember(m.n)
	defer func() { w.path = w.path[:mark] }()
	if v == nil {
		if m.f&mRequired != 0 {
			w.violate(m.s, nil, "Member must not be null")
		}
		return nil
	}
	return w.value(m.s, v)
}

// value checks v against shape si at the current path.
func (w *walker) value(si int, v any) error {
	s := &shapes[si]
	if s.f&fSensitive != 0 {
		w.sensitive++
		defer func() { w.sensitive-- }()
	}
	switch s.k {
	case kStructure:
		obj, ok := v.(map[string]any)
		if !ok {
			return w.wrongType("a structure", v)
		}
		return w.structure(si, obj)
	case kList:
		list, ok := v.([]any)
		if !ok {
			return w.wrongType("a list", v)
		}
		w.size(si, v, len(list))
		for i, e := range list {
			mark := w.pushIndex(i)
			var err error
			if e == nil {
				w.violate(s.elem, nil, "Member must not be null")
			} else {
				err = w.value(s.elem, e)
			}
			w.path = w.path[:mark]
			if err != nil {
				return err
			}
		}
	case kMap:
		obj, ok := v.(map[string]any)
		if !ok {
			return w.wrongType("a map", v)
		}
		return w.mapValue(si, obj)
	case kString:
		str, ok := v.(string)
		if !ok {
			return w.wrongType("a string", v)
		}
		for _, c := range stringViolations(si, str, false) {
			w.violate(si, v, c)
		}
	case kInteger, kLong, kDouble, kFloat:
		n, ok := v.(json.Number)
		if !ok {
			return w.wrongType("a number", v)
		}
		f, err := n.Float64()
		if err != nil {
			return w.wrongType("a number", v)
		}
		if s.k == kInteger || s.k == kLong {
			i, err := n.Int64()
			if err != nil || (s.k == kInteger && (i < math.MinInt32 || i > math.MaxInt32)) {
				return w.wrongType("an integer", v)
			}
		}
		if s.f&fMin != 0 && f < s.min {
			w.violate(si, v, "Member must have value greater than or equal to "+formatBound(s.k, s.min))
		}
		if s.f&fMax != 0 && f > s.max {
			w.violate(si, v, "Member must have value less than or equal to "+formatBound(s.k, s.max))
		}
	case kBoolean:
		if _, ok := v.(bool); !ok {
			return w.wrongType("a boolean", v)
		}
	case kTimestamp:
		if _, ok := v.(json.Number); !ok {
			return w.wrongType("a timestamp in epoch seconds", v)
		}
	case kBlob:
		if _, ok := v.(string); !ok {
			return w.wrongType("a base64 string", v)
		}
	}
	return nil
}

func (w *walker) structure(si int, obj map[string]any) error {
	s := &shapes[si]
	known, set := 0, 0
	for mi := s.m0; mi < s.m1; mi++ {
		m := &members[mi]
		v, ok := obj[m.n]
		if ok {
			known++
		}
		if v != nil {
			set++
		}
		if err := w.member(m, v); err != nil {
			return err
		}
	}
	if known < len(obj) {
		return w.unknown(si, obj, false)
	}
	if s.f&fUnion != 0 && set != 1 {
		w.violate(si, obj, "Member must have exactly one of its members set")
	}
	return nil
}

func (w *walker) mapValue(si int, obj map[string]any) error {
	s := &shapes[si]
	w.size(si, obj, len(obj))
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if len(stringViolations(s.key, k, false)) > 0 {
			w.violate(si, obj, "Map keys must satisfy constraint: ["+strings.Join(stringViolations(s.key, k, true), ", ")+"]")
			break
		}
	}
	vs := &shapes[s.elem]
	for _, k := range keys {
		v := obj[k]
		if vs.k == kString {
			str, ok := v.(string)
			if ok && len(stringViolations(s.elem, str, false)) > 0 {
				w.violate(si, obj, "Map value must satisfy constraint: ["+strings.Join(stringViolations(s.elem, str, true), ", ")+"]")
				break
			}
			if ok {
				continue
			}
		}
		mark := w.pushKey(k)
		var err error
		if v == nil {
			w.violate(s.elem, nil, "Member must not be null")
		} else {
			err = w.value(s.elem, v)
		}
		w.path = w.path[:mark]
		if err != nil {
			return err
		}
	}
	return nil
}

// size checks a list's or map's number of entries.
func (w *walker) size(si int, v any, n int) {
	s := &shapes[si]
	if s.f&fMin != 0 && float64(n) < s.min {
		w.violate(si, v, "Member must have length greater than or equal to "+formatBound(kLong, s.min))
	}
	if s.f&fMax != 0 && float64(n) > s.max {
		w.violate(si, v, "Member must have length less than or equal to "+formatBound(kLong, s.max))
	}
}

// stringViolations returns the constraints str breaks, or with all set
// every constraint of the shape (AWS lists them all for map keys).
func stringViolations(si int, str string, all bool) []string {
	s := &shapes[si]
	var out []string
	if s.f&(fMin|fMax) != 0 {
		n := javaLength(str)
		if s.f&fMax != 0 && (all || float64(n) > s.max) {
			out = append(out, "Member must have length less than or equal to "+formatBound(kLong, s.max))
		}
		if s.f&fMin != 0 && (all || float64(n) < s.min) {
			out = append(out, "Member must have length greater than or equal to "+formatBound(kLong, s.min))
		}
	}
	if s.pat != 0 {
		if re := pattern(s.pat); re != nil && (all || !re.MatchString(str)) {
			out = append(out, "Member must satisfy regular expression pattern: "+patterns[s.pat-1])
		}
	}
	if s.enum != 0 && (all || !slices.Contains(enums[s.enum-1], str)) {
		out = append(out, "Member must satisfy enum value set: ["+strings.Join(enums[s.enum-1], ", ")+"]")
	}
	if !all && len(out) > 1 {
		// The length checks come before the pattern, minimum first.
		slices.SortStableFunc(out, func(a, b string) int { return rank(a) - rank(b) })
	}
	return out
}

func rank(c string) int {
	switch {
	case strings.Contains(c, "greater"):
		return 0
	case strings.Contains(c, "less"):
		return 1
	}
	return 2
}

// javaLength is a string's length as the service measures it: UTF-16 code
// units.
func javaLength(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

func formatBound(k kind, f float64) string {
	if (k == kDouble || k == kFloat) && f == math.Trunc(f) {
		return strconv.FormatFloat(f, 'f', 1, 64)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// unknown reports the first member (in name order) of obj that shape si
// does not have; top is the operation's input, whose URI and query
// members never come in the body.
func (w *walker) unknown(si int, obj map[string]any, top bool) error {
	s := &shapes[si]
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		found := false
		for mi := s.m0; mi < s.m1; mi++ {
			m := &members[mi]
			if m.n == k && (!top || m.f&(mURI|mQuery|mHeader|mStatusCode) == 0) {
				found = true
				break
			}
		}
		if !found {
			where := ""
			if len(w.path) > 0 {
				where = " at '" + string(w.path) + "'"
			}
			return serialization(fmt.Sprintf("Unknown member '%s'%s: %s has no such member.", k, where, s.n))
		}
	}
	return nil
}

func (w *walker) wrongType(want string, v any) error {
	got := "object"
	switch v.(type) {
	case string:
		got = "string"
	case json.Number:
		got = "number"
	case bool:
		got = "boolean"
	case []any:
		got = "array"
	}
	return serialization(fmt.Sprintf("Value at '%s' must be %s, not a JSON %s.", w.path, want, got))
}

// render writes a value as the service's messages show it: strings and
// numbers as they are, lists as [a, b], maps as {k=v}, structures as an
// object name.
func render(si int, v any, path []byte) string {
	switch v := v.(type) {
	case string:
		return v
	case json.Number:
		return string(v)
	case bool:
		return strconv.FormatBool(v)
	case []any:
		elem := -1
		if si >= 0 && shapes[si].k == kList {
			elem = shapes[si].elem
		}
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = render(elem, e, path)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		if si >= 0 && shapes[si].k == kMap {
			keys := make([]string, 0, len(v))
			for k := range v {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			parts := make([]string, len(keys))
			for i, k := range keys {
				parts[i] = k + "=" + render(shapes[si].elem, v[k], path)
			}
			return "{" + strings.Join(parts, ", ") + "}"
		}
		name := "Object"
		if si >= 0 {
			name = shapes[si].n
		}
		h := fnv.New32a()
		h.Write(path)
		return fmt.Sprintf("com.amazonaws.services.quicksight.model.%s@%x", name, h.Sum32())
	case nil:
		return "null"
	}
	return fmt.Sprint(v)
}

// CheckString checks one string against the named shape's constraints
// (length, pattern, enum), reporting at path, for callers that hold a
// value outside a request (the console). It returns nil or an *Error.
func CheckString(shapeName, path, value string) error {
	si, ok := shapeIndex()[shapeName]
	if !ok || shapes[si].k != kString {
		panic("apimodel: no string shape " + shapeName)
	}
	// The path names a violation and nothing else: a value that passes
	// is checked without building it.
	var v any = value
	w := &walker{}
	if err := w.value(si, v); err == nil && len(w.violations) == 0 {
		return nil
	}
	w = &walker{path: []byte(path)}
	if err := w.value(si, v); err != nil {
		return err
	}
	return w.result()
}
