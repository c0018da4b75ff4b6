package apimodel

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"testing"
)

// stdDecode is decode without the fast path: encoding/json alone.
func stdDecode(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, io.ErrUnexpectedEOF
	}
	return v, nil
}

// anonymousBody is a GenerateEmbedUrlForAnonymousUser request as the SDKs
// send it.
const anonymousBody = `{"AuthorizedResourceArns":["arn:aws:quicksight:us-east-1:123456789012:dashboard/sample-sales-dashboard",` +
	`"arn:aws:quicksight:us-east-1:123456789012:dashboard/other"],"ExperienceConfiguration":{"Dashboard":` +
	`{"InitialDashboardId":"sample-sales-dashboard"}},"Namespace":"default","SessionLifetimeInMinutes":600,` +
	`"SessionTags":[{"Key":"region","Value":"EU"},{"Key":"tenant","Value":"t-1"}]}`

var fastJSONCases = []string{
	anonymousBody,
	`{}`, `[]`, `null`, `true`, `false`, `0`, `-0`, `1.5e+3`, `-12.25E-2`, `""`, ` {"a" : [ 1 , 2 ] } `,
	`{"a":1,"a":2}`, `{"a":{"b":{"c":[null,true,false,"x"]}}}`, `"héllo ✓"`, `{"k":"a\"b"}`, `"\u00e9"`,
	`"\ud800"`, "\"\xff\"", "\"a\tb\"", `01`, `1.`, `.5`, `-`, `1e`, `1e+`, `[1,]`, `{"a":1,}`, `{,}`, `[`, `{"a"`,
	`{"a":}`, `{"a" 1}`, `tru`, `nul`, `truex`, `{} x`, `{}{}`, `[1 2]`, `{1:2}`, "\t\n\r 7 \n", `"\/"`,
	strings.Repeat("[", 600) + strings.Repeat("]", 600),
}

// TestFastDecodeAgrees: wherever the fast path answers, encoding/json
// gives the same tree; decode's outcome (tree or refusal) is unchanged.
func TestFastDecodeAgrees(t *testing.T) {
	fast := 0
	for _, c := range fastJSONCases {
		if checkFastDecode(t, []byte(c)) {
			fast++
		}
	}
	if fast < 15 {
		t.Fatalf("the fast path answered %d cases; the well-formed plain ones are its own", fast)
	}
}

// checkFastDecode compares fastDecode and decode with encoding/json on
// raw and reports whether the fast path answered.
func checkFastDecode(t *testing.T, raw []byte) bool {
	t.Helper()
	want, stdErr := stdDecode(raw)
	got, ok := fastDecode(raw)
	if ok {
		if stdErr != nil {
			t.Fatalf("%q: the fast path accepted what encoding/json refuses (%v)", raw, stdErr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: fast path %#v, encoding/json %#v", raw, got, want)
		}
	}
	v, err := decode(raw)
	if (err != nil) != (stdErr != nil) || (err == nil && !reflect.DeepEqual(v, want)) {
		t.Fatalf("%q: decode %#v, %v; encoding/json %#v, %v", raw, v, err, want, stdErr)
	}
	return ok
}

// FuzzFastDecode: for any bytes, decode (fast path or not) gives what
// encoding/json gives.
func FuzzFastDecode(f *testing.F) {
	for _, c := range fastJSONCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, raw []byte) { checkFastDecode(t, raw) })
}

// BenchmarkDecodeRequestBody decodes an anonymous embed request's body:
// the fast path against encoding/json, the path it replaces.
func BenchmarkDecodeRequestBody(b *testing.B) {
	raw := []byte(anonymousBody)
	for _, d := range []struct {
		name string
		fn   func([]byte) (any, error)
	}{{"fast", decode}, {"encoding-json", stdDecode}} {
		b.Run(d.name, func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := d.fn(raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
