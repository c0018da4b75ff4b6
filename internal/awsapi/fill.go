package awsapi

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// Filling an operation's body struct from the model check's tree.
//
// The model check has already decoded the body (apimodel.CheckRequestBody);
// json.Unmarshal of the same bytes into the operation's struct was the
// second parse of every POST, a tenth of an embed call's CPU. fill sets
// the struct from the tree instead, for the shapes where that gives
// exactly what json.Unmarshal gives: a plain tree (no escapes, no repeated
// key: its members are the body's), members that name a field exactly,
// and fields of plain kinds (structs, pointers, slices, string-keyed maps,
// strings, booleans, integers, floats). Anything else — an interface or
// json.RawMessage field, a type with its own UnmarshalJSON or
// UnmarshalText, an embedded field, a tag option, a value of another type,
// a number out of range — makes fill give up, and decode unmarshals the
// bytes as before (errors included). FuzzFillAgrees holds the two equal.

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonNumber      = reflect.TypeFor[json.Number]()
)

// fill sets *v (v a pointer to a zero struct) from obj, as json.Unmarshal
// of obj's bytes would; false when it cannot, leaving *v zero.
func fill(v any, obj map[string]any) bool {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct || !rv.Elem().IsZero() {
		return false
	}
	if !fillValue(rv.Elem(), obj) {
		rv.Elem().SetZero()
		return false
	}
	return true
}

func fillValue(dst reflect.Value, v any) bool {
	if v == nil {
		return true // null leaves a zero value as it is
	}
	t := dst.Type()
	var info *typeInfo
	if t.PkgPath() != "" || t.Kind() == reflect.Struct {
		// Only a named type (or a struct, through an embedded field) has
		// methods of its own; a pointer's are its element's, looked at
		// below. Unnamed and predeclared types skip the cache.
		if info = infoOf(t); info.custom {
			return false
		}
	}
	switch t.Kind() {
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		if !fillValue(p.Elem(), v) {
			return false
		}
		dst.Set(p)
		return true
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return false
		}
		fields := info.fields
		if fields == nil {
			return false
		}
		for k, mv := range obj {
			i, ok := fields[k]
			if !ok {
				return false
			}
			if !fillValue(dst.Field(i), mv) {
				return false
			}
		}
		return true
	case reflect.Slice:
		list, ok := v.([]any)
		if !ok || t.Elem().Kind() == reflect.Uint8 {
			return false // []byte is base64 to json.Unmarshal
		}
		s := reflect.MakeSlice(t, len(list), len(list))
		for i, e := range list {
			if !fillValue(s.Index(i), e) {
				return false
			}
		}
		dst.Set(s)
		return true
	case reflect.Map:
		obj, ok := v.(map[string]any)
		if !ok || t.Key().Kind() != reflect.String || infoOf(t.Key()).custom {
			return false
		}
		m := reflect.MakeMapWithSize(t, len(obj))
		for k, mv := range obj {
			e := reflect.New(t.Elem()).Elem()
			if !fillValue(e, mv) {
				return false
			}
			m.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), e)
		}
		dst.Set(m)
		return true
	case reflect.String:
		s, ok := v.(string)
		if ok {
			dst.SetString(s)
		}
		return ok
	case reflect.Bool:
		b, ok := v.(bool)
		if ok {
			dst.SetBool(b)
		}
		return ok
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		i, err := strconv.ParseInt(string(n), 10, 64)
		if err != nil || dst.OverflowInt(i) {
			return false
		}
		dst.SetInt(i)
		return true
	case reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		u, err := strconv.ParseUint(string(n), 10, 64)
		if err != nil || dst.OverflowUint(u) {
			return false
		}
		dst.SetUint(u)
		return true
	case reflect.Float32, reflect.Float64:
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		f, err := strconv.ParseFloat(string(n), t.Bits())
		if err != nil || dst.OverflowFloat(f) {
			return false
		}
		dst.SetFloat(f)
		return true
	}
	return false // interfaces, arrays, channels, functions…
}

// typeInfo is what fill needs to know of a type, worked out once.
type typeInfo struct {
	// custom: json.Unmarshal decodes the type with its own method or
	// rules (json.Number) rather than by its kind.
	custom bool
	// fields of a struct type: see fieldsOf.
	fields map[string]int
}

// typeInfos caches infoOf: reflect.Type -> *typeInfo.
var typeInfos sync.Map

func infoOf(t reflect.Type) *typeInfo {
	if info, ok := typeInfos.Load(t); ok {
		return info.(*typeInfo)
	}
	pt := reflect.PointerTo(t)
	info := &typeInfo{custom: t == jsonNumber || t.Implements(jsonUnmarshaler) || pt.Implements(jsonUnmarshaler) ||
		t.Implements(textUnmarshaler) || pt.Implements(textUnmarshaler)}
	if t.Kind() == reflect.Struct {
		info.fields = fieldsOf(t)
	}
	typeInfos.Store(t, info)
	return info
}

// fieldsOf returns the JSON names of struct type t's fields and their
// indexes, or nil when a field is one fill leaves to json.Unmarshal (an
// embedded field, a tag with options, a name given twice).
func fieldsOf(t reflect.Type) map[string]int {
	fields := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			fields = nil
			break
		}
		if !f.IsExported() {
			continue
		}
		name := f.Name
		if tag, ok := f.Tag.Lookup("json"); ok {
			if tag == "-" {
				continue
			}
			if strings.Contains(tag, ",") || !plainName(tag) {
				fields = nil
				break
			}
			if tag != "" {
				name = tag
			}
		}
		if _, dup := fields[name]; dup {
			fields = nil
			break
		}
		fields[name] = i
	}
	return fields
}

// plainName reports whether a tag's name is letters, digits, '_' and '-'
// (json.Unmarshal ignores some other names; fill does not guess which).
func plainName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}
