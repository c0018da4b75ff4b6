package awsapi

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/sightglass/sightglass/internal/apimodel"
)

// fillKinds is a body struct with every kind fill takes and several it
// leaves to json.Unmarshal.
type fillKinds struct {
	S   string
	P   *string
	PP  **int64
	B   bool
	I8  int8
	I32 *int32
	U16 uint16
	F32 float32
	F   *float64
	L   []string
	LS  []struct{ Key, Value string }
	M   map[string]int
	MK  map[fillKey]string
	Tag string `json:"Renamed"`
	Opt string `json:"Opt,omitempty"`
	Raw json.RawMessage
	Num json.Number
	Any any
	Bs  []byte
	Arr [2]int
}

type fillKey string

// fillTargets are the types FuzzFillAgrees decodes into: the embed
// operations' bodies and fillKinds.
func fillTargets() []func() any {
	return []func() any{
		func() any { return new(registeredUserBody) },
		func() any { return new(anonymousUserBody) },
		func() any { return new(fillKinds) },
	}
}

var fillCases = []string{
	`{"UserArn":"arn:aws:quicksight:us-east-1:123456789012:user/default/admin","ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"d","FeatureConfigurations":{"StatePersistence":{"Enabled":true}}}},"SessionLifetimeInMinutes":600,"AllowedDomains":["https://a.example"]}`,
	`{"Namespace":"default","AuthorizedResourceArns":["arn:aws:quicksight:us-east-1:123456789012:dashboard/d"],"SessionTags":[{"Key":"region","Value":"EU"}],"ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"d"}}}`,
	`{"ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"d","EnabledFeatures":["SHARED_VIEW"]}}}`,
	`{"ExperienceConfiguration":{"QSearchBar":{}}}`, `{"ExperienceConfiguration":null}`, `{"UserArn":null}`,
	`{"S":"x","P":"y","PP":7,"B":true,"I8":-128,"I32":2147483647,"U16":65535,"F32":1.5,"F":-2e10,"L":["a",null],"LS":[{"Key":"k","Value":"v"}],"M":{"a":1},"MK":{"k":"v"},"Renamed":"r"}`,
	`{"I8":128}`, `{"U16":-1}`, `{"I32":1.0}`, `{"F32":1e40}`, `{"S":1}`, `{"B":"true"}`, `{"L":"a"}`, `{"M":[]}`,
	`{"Tag":"x"}`, `{"s":"x"}`, `{"Opt":"o"}`, `{"Raw":{"a":1}}`, `{"Num":"12"}`, `{"Num":12}`, `{"Any":1}`, `{"Bs":"AQ=="}`,
	`{"ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"d"}},"ExperienceConfiguration":{"DashboardVisual":{}}}`,
	`{"Arr":[1,2]}`, `{"low":"x"}`, `{"Unknown":1}`, `{}`, `{"SessionLifetimeInMinutes":1e3}`,
}

// TestFillAgrees: where fill takes a body, it sets what json.Unmarshal
// sets; where it does not, it leaves the struct zero.
func TestFillAgrees(t *testing.T) {
	filled := 0
	for _, c := range fillCases {
		filled += checkFill(t, []byte(c))
	}
	if filled < 6 {
		t.Fatalf("fill took %d of the cases; the plain embed bodies at least are its own", filled)
	}
}

// checkFill compares fill from the model check's tree with json.Unmarshal
// for every target and returns how many fill took.
func checkFill(t *testing.T, raw []byte) int {
	t.Helper()
	obj, plain, _ := apimodel.CheckRequestBody("GenerateEmbedUrlForAnonymousUser", nil, nil, raw)
	if obj == nil || !plain {
		return 0
	}
	n := 0
	for _, target := range fillTargets() {
		got, want := target(), target()
		werr := json.Unmarshal(raw, want)
		if !fill(got, obj) {
			if !reflect.ValueOf(got).Elem().IsZero() {
				t.Fatalf("%s into %T: fill gave up but left %+v", raw, got, got)
			}
			continue
		}
		n++
		if werr != nil {
			t.Fatalf("%s into %T: fill took what json.Unmarshal refuses (%v)", raw, got, werr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s into %T: fill %+v, json.Unmarshal %+v", raw, got, got, want)
		}
	}
	return n
}

// FuzzFillAgrees: for any body, fill and json.Unmarshal agree (see
// TestFillAgrees).
func FuzzFillAgrees(f *testing.F) {
	for _, c := range fillCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, raw []byte) { checkFill(t, raw) })
}

// BenchmarkDecodeBody decodes an anonymous embed request's body into its
// struct: filled from the model check's tree, against json.Unmarshal of
// the bytes (the path it replaces).
func BenchmarkDecodeBody(b *testing.B) {
	raw := []byte(fillCases[1])
	obj, plain, err := apimodel.CheckRequestBody("GenerateEmbedUrlForAnonymousUser", map[string]string{"AwsAccountId": "123456789012"}, nil, raw)
	if err != nil || !plain {
		b.Fatal(err, plain)
	}
	for _, d := range []struct {
		name string
		in   input
	}{{"fill", input{Body: raw, Object: obj, Plain: true}}, {"unmarshal", input{Body: raw, Object: obj}}} {
		b.Run(d.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var body anonymousUserBody
				if err := d.in.decode(&body); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
