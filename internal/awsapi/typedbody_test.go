package awsapi

import (
	"encoding/json"
	"errors"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/apimodel"
)

const (
	typedAccount = "123456789012"
	typedUserArn = "arn:aws:quicksight:us-east-1:123456789012:user/default/admin"
	typedDashArn = "arn:aws:quicksight:us-east-1:123456789012:dashboard/"
)

var typedLabels = map[string]string{"AwsAccountId": typedAccount}

// typedAccepted are bodies as the SDKs send them (captured from each
// SDK's serializer) that the typed decoders take.
var typedAccepted = []struct {
	registered bool
	body       string
}{
	// The load tool's and BenchmarkEmbedURL's bodies.
	{false, `{"AuthorizedResourceArns":["` + typedDashArn + `sample-sales-dashboard","` + typedDashArn + `other"],"ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"sample-sales-dashboard"}},"Namespace":"default","SessionTags":[{"Key":"region","Value":"EU"},{"Key":"tenant","Value":"t-1"}]}`},
	{true, `{"UserArn":"` + typedUserArn + `","ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"sample-sales-dashboard"}}}`},
	{true, `{"ExperienceConfiguration":{"QuickSightConsole":{"InitialPath":"/start"}},"UserArn":"` + typedUserArn + `"}`},
	// aws-sdk-go-v2 v1.113.0 (service/quicksight), as it sent them:
	// members in name order, compact.
	{false, `{"AllowedDomains":["https://app.example.com"],"AuthorizedResourceArns":["arn:aws:quicksight:us-east-1:123456789012:dashboard/d1"],"ExperienceConfiguration":{"Dashboard":{"EnabledFeatures":["SHARED_VIEW"],"FeatureConfigurations":{"SharedView":{"Enabled":true}},"InitialDashboardId":"d1"}},"Namespace":"default","SessionLifetimeInMinutes":60,"SessionTags":[{"Key":"region","Value":"EU"}]}`},
	{false, `{"AuthorizedResourceArns":["arn:aws:quicksight:us-east-1:123456789012:dashboard/d1"],"ExperienceConfiguration":{"DashboardVisual":{"InitialDashboardVisualId":{"DashboardId":"d1","SheetId":"s1","VisualId":"v1"}}},"Namespace":"default"}`},
	{true, `{"AllowedDomains":["https://app.example.com"],"ExperienceConfiguration":{"Dashboard":{"FeatureConfigurations":{"Bookmarks":{"Enabled":true},"SharedView":{"Enabled":false},"StatePersistence":{"Enabled":true}},"InitialDashboardId":"d1"}},"SessionLifetimeInMinutes":600,"UserArn":"arn:aws:quicksight:us-east-1:123456789012:user/default/admin"}`},
	{true, `{"ExperienceConfiguration":{"QuickSightConsole":{"FeatureConfigurations":{"SharedView":{"Enabled":true},"StatePersistence":{"Enabled":true}},"InitialPath":"/start"}},"UserArn":"arn:aws:quicksight:us-east-1:123456789012:user/default/admin"}`},
	// @aws-sdk/client-quicksight (JavaScript v3), as it sent them: the
	// caller's order, compact, UTF-8 as it is.
	{false, `{"Namespace":"default","AuthorizedResourceArns":["arn:aws:quicksight:us-east-1:123456789012:dashboard/d1","arn:aws:quicksight:us-east-1:123456789012:dashboard/d2"],"ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"d1","EnabledFeatures":["SHARED_VIEW"],"FeatureConfigurations":{"SharedView":{"Enabled":true}}}},"SessionLifetimeInMinutes":60,"SessionTags":[{"Key":"region","Value":"Zürich"}],"AllowedDomains":["https://app.example.com"]}`},
	{true, `{"UserArn":"arn:aws:quicksight:us-east-1:123456789012:user/default/admin","ExperienceConfiguration":{"QuickSightConsole":{"InitialPath":"/start","FeatureConfigurations":{"StatePersistence":{"Enabled":true},"SharedView":{"Enabled":false}}}},"SessionLifetimeInMinutes":600,"AllowedDomains":["https://app.example.com"]}`},
	{true, `{"UserArn":"arn:aws:quicksight:us-east-1:123456789012:user/default/admin","ExperienceConfiguration":{"DashboardVisual":{"InitialDashboardVisualId":{"DashboardId":"d1","SheetId":"s1","VisualId":"v1"}}}}`},
	// boto3 (botocore's rest-json serializer), as it sent them: ", " and
	// ": " between members.
	{false, `{"Namespace": "default", "SessionLifetimeInMinutes": 60, "AuthorizedResourceArns": ["arn:aws:quicksight:us-east-1:123456789012:dashboard/d1"], "SessionTags": [{"Key": "region", "Value": "EU"}], "ExperienceConfiguration": {"Dashboard": {"InitialDashboardId": "d1", "FeatureConfigurations": {"SharedView": {"Enabled": true}}}}, "AllowedDomains": ["https://app.example.com"]}`},
	{true, `{"UserArn": "arn:aws:quicksight:us-east-1:123456789012:user/default/admin", "ExperienceConfiguration": {"QuickSightConsole": {"InitialPath": "/start", "FeatureConfigurations": {"StatePersistence": {"Enabled": true}}}}}`},
	{true, `{"UserArn": "` + typedUserArn + `", "SessionLifetimeInMinutes": 100, "ExperienceConfiguration": {"Dashboard": {"InitialDashboardId": "d1"}}}`},
	// Experiences left empty, or an empty experience configuration.
	{false, "\n{ \"Namespace\":\"n\" ,\"AuthorizedResourceArns\":[ ],\"ExperienceConfiguration\":{}}\r\n"},
	{true, `{"UserArn":"u","ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"d","FeatureConfigurations":{}}}}`},
}

// typedDeclined are bodies the typed decoders leave to the generic path:
// each a modeled error (the generic path's) or a form they do not read.
var typedDeclined = []struct {
	registered bool
	body       string
}{
	{false, ``}, {false, `   `}, {false, `[]`}, {false, `null`}, {false, `"x"`}, {false, `{}`}, {true, `{}`},
	{false, `{"Namespace":"default","AuthorizedResourceArns":[]}`},                                                                                // ExperienceConfiguration missing
	{false, `{"AuthorizedResourceArns":[],"ExperienceConfiguration":{}}`},                                                                         // Namespace missing
	{false, `{"Namespace":"default","ExperienceConfiguration":{}}`},                                                                               // AuthorizedResourceArns missing
	{false, `{"Namespace":"de fault","AuthorizedResourceArns":[],"ExperienceConfiguration":{}}`},                                                  // pattern
	{false, `{"Namespace":"` + strings.Repeat("n", 65) + `","AuthorizedResourceArns":[],"ExperienceConfiguration":{}}`},                           // length
	{false, `{"Namespace":"default","SessionLifetimeInMinutes":14,"AuthorizedResourceArns":[],"ExperienceConfiguration":{}}`},                     // range (answered by the operation)
	{false, `{"Namespace":"default","SessionLifetimeInMinutes":601,"AuthorizedResourceArns":[],"ExperienceConfiguration":{}}`},                    // range
	{false, `{"Namespace":"default","SessionLifetimeInMinutes":60.0,"AuthorizedResourceArns":[],"ExperienceConfiguration":{}}`},                   // not an integer
	{false, `{"Namespace":"default","SessionLifetimeInMinutes":1e2,"AuthorizedResourceArns":[],"ExperienceConfiguration":{}}`},                    // not an integer
	{false, `{"Namespace":"default","SessionLifetimeInMinutes":"60","AuthorizedResourceArns":[],"ExperienceConfiguration":{}}`},                   // wrong type
	{false, `{"Namespace":"default","SessionLifetimeInMinutes":99999999999999999999,"AuthorizedResourceArns":[],"ExperienceConfiguration":{}}`},   // out of range
	{false, `{"Namespace":"default","SessionLifetimeInMinutes":null,"AuthorizedResourceArns":[],"ExperienceConfiguration":{}}`},                   // null
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"SessionTags":[],"ExperienceConfiguration":{}}`},                                  // too few tags
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"SessionTags":[{"Key":"k"}],"ExperienceConfiguration":{}}`},                       // Value missing
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"SessionTags":[{"Key":"","Value":"v"}],"ExperienceConfiguration":{}}`},            // Key too short
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"SessionTags":[{"Key":"k","Value":"v","Other":1}],"ExperienceConfiguration":{}}`}, // unknown member
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"SessionTags":{"Key":"k"},"ExperienceConfiguration":{}}`},                         // wrong type
	{false, `{"Namespace":"default","AuthorizedResourceArns":[1],"ExperienceConfiguration":{}}`},                                                  // wrong element type
	{false, `{"Namespace":"default","AuthorizedResourceArns":[null],"ExperienceConfiguration":{}}`},                                               // null element
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"ExperienceConfiguration":{"Dashboard":{}}}`},                                     // InitialDashboardId missing
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"a/b"}}}`},           // pattern
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"d","EnabledFeatures":["NOPE"]}}}`},
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"d","FeatureConfigurations":{"SharedView":{}}}}}`},
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"d","FeatureConfigurations":{"SharedView":{"Enabled":"true"}}}}}`},
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"ExperienceConfiguration":{"DashboardVisual":{"InitialDashboardVisualId":{"DashboardId":"d","SheetId":"s"}}}}`},
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"ExperienceConfiguration":{"QSearchBar":{"InitialTopicId":"t"}}}`},                               // an experience Sightglass does not have
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"ExperienceConfiguration":{"QuickSightConsole":{}}}`},                                            // not an anonymous experience
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"ExperienceConfiguration":{},"UserArn":"u"}`},                                                    // unknown member
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"ExperienceConfiguration":{},"namespace":"x"}`},                                                  // unknown member (json.Unmarshal would fold case)
	{false, `{"Namespace":"default","Namespace":"other","AuthorizedResourceArns":[],"ExperienceConfiguration":{}}`},                                              // repeated member
	{false, `{"Namespace":"def\u0061ult","AuthorizedResourceArns":[],"ExperienceConfiguration":{}}`},                                                             // escape
	{false, `{"Namespace": "default", "AuthorizedResourceArns": [], "SessionTags": [{"Key": "region", "Value": "Z\u00fcrich"}], "ExperienceConfiguration": {}}`}, // boto3's escape of non-ASCII
	{false, "{\"Namespace\":\"default\",\"AuthorizedResourceArns\":[\"\xff\"],\"ExperienceConfiguration\":{}}"},                                                  // invalid UTF-8
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"ExperienceConfiguration":{}} x`},                                                                // trailing bytes
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"ExperienceConfiguration":{}`},                                                                   // cut short
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"ExperienceConfiguration":{},}`},                                                                 // syntax
	{false, `{"Namespace":"default","AuthorizedResourceArns":[],"ExperienceConfiguration":{"Dashboard":` + strings.Repeat("[", 600) + strings.Repeat("]", 600) + `}}`},
	{true, `{"ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"d"}}}`}, // UserArn missing
	{true, `{"UserArn":"u"}`}, // ExperienceConfiguration missing
	{true, `{"UserArn":"u","ExperienceConfiguration":{"QuickSightConsole":{"InitialPath":""}}}`},                                       // InitialPath too short
	{true, `{"UserArn":"u","ExperienceConfiguration":{"QuickSightConsole":{"FeatureConfigurations":{"Bookmarks":{"Enabled":true}}}}}`}, // not a console feature
	{true, `{"UserArn":"u","ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"d","FeatureConfigurations":{"Schedules":{"Enabled":true}}}}}`},
	{true, `{"UserArn":"u","ExperienceConfiguration":{"QuickChat":{}}}`},
	{true, `{"UserArn":"u","ExperienceConfiguration":{"GenerativeQnA":{"InitialTopicId":"t"}}}`},
	{true, `{"UserArn":"u","ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"d"}},"Namespace":"default"}`}, // an anonymous member
	{true, `{"UserArn":"u","SessionLifetimeInMinutes":0,"ExperienceConfiguration":{}}`},
	{true, `{"UserArn":"u","SessionLifetimeInMinutes":-0,"ExperienceConfiguration":{}}`},
	{true, `{"UserArn":"u","SessionLifetimeInMinutes":0600,"ExperienceConfiguration":{}}`},
	{true, `{"UserArn":"u","AllowedDomains":null,"ExperienceConfiguration":{}}`},
	{true, `{"UserArn":"u","ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"d","FeatureConfigurations":{"SharedView":{"Enabled":true,"Enabled":false}}}}}`},
}

func typedOp(registered bool) string {
	if registered {
		return opRegistered
	}
	return opAnonymous
}

// genericDecode is the generic path: the model check, then the body
// decoded into its struct as the operation decodes it.
func genericDecode(registered bool, labels map[string]string, body []byte) (any, map[string]any, error) {
	obj, plain, err := apimodel.CheckRequestBody(typedOp(registered), labels, nil, body)
	if err != nil {
		return nil, nil, err
	}
	in := &input{Labels: labels, Body: body, Object: obj, Plain: plain}
	var v any = new(anonymousUserBody)
	if registered {
		v = new(registeredUserBody)
	}
	return v, obj, in.decode(v)
}

// checkTypedAgrees holds the typed decoder to the generic path on one
// body: it declines, or the generic path finds no error and decodes the
// same struct and the same top-level scalars. It reports whether the
// typed decoder took the body.
func checkTypedAgrees(t *testing.T, registered bool, labels map[string]string, body []byte) bool {
	t.Helper()
	v, scalars, ok := typedBodies[typedOp(registered)](labels, body)
	if !ok {
		return false
	}
	want, obj, err := genericDecode(registered, labels, body)
	if err != nil {
		t.Fatalf("%s %q: typed decoder took a body the generic path refuses: %v", typedOp(registered), body, err)
	}
	if !reflect.DeepEqual(v, want) {
		t.Fatalf("%s %q: typed %s, generic %s", typedOp(registered), body, dump(v), dump(want))
	}
	wantScalars := map[string]any{}
	for k, x := range obj {
		switch x.(type) {
		case string, json.Number, bool:
			wantScalars[k] = x
		}
	}
	if !reflect.DeepEqual(scalars, wantScalars) {
		t.Fatalf("%s %q: typed scalars %v, generic %v", typedOp(registered), body, scalars, wantScalars)
	}
	return true
}

func dump(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestTypedBodyAccepts(t *testing.T) {
	for _, c := range typedAccepted {
		if !checkTypedAgrees(t, c.registered, typedLabels, []byte(c.body)) {
			_, _, err := genericDecode(c.registered, typedLabels, []byte(c.body))
			t.Errorf("%s %s: typed decoder declined (generic: %v)", typedOp(c.registered), c.body, err)
		}
	}
}

// TestTypedBodyDeclines: each body is left to the generic path, and
// checkInput answers it with the generic path's error, to the word.
func TestTypedBodyDeclines(t *testing.T) {
	for _, c := range typedDeclined {
		if checkTypedAgrees(t, c.registered, typedLabels, []byte(c.body)) {
			t.Errorf("%s %s: typed decoder took it", typedOp(c.registered), c.body)
			continue
		}
		in := &input{Labels: typedLabels, Body: []byte(c.body)}
		_, _, got := checkInput(typedOp(c.registered), in)
		_, _, want := apimodel.CheckRequestBody(typedOp(c.registered), typedLabels, nil, []byte(c.body))
		if !reflect.DeepEqual(got, want) || in.typed != nil {
			t.Errorf("%s %s: checkInput %v, generic %v", typedOp(c.registered), c.body, got, want)
		}
	}
}

// TestTypedBodyErrors pins the modeled errors of the bodies the typed
// decoders leave to the generic path, by kind and message.
func TestTypedBodyErrors(t *testing.T) {
	const exp = `"AuthorizedResourceArns":[],"ExperienceConfiguration":{}`
	for _, c := range []struct {
		registered bool
		body       string
		kind       apimodel.Kind
		message    string
	}{
		{false, `{` + exp + `}`, apimodel.Validation, "1 validation error detected: Value null at 'namespace' failed to satisfy constraint: Member must not be null"},
		{false, `{"Namespace":"de fault",` + exp + `}`, apimodel.Validation, "1 validation error detected: Value 'de fault' at 'namespace' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9._-]*$"},
		{false, `{"Namespace":"default","SessionLifetimeInMinutes":601,` + exp + `}`, apimodel.Validation, "1 validation error detected: Value '601' at 'sessionLifetimeInMinutes' failed to satisfy constraint: Member must have value less than or equal to 600"},
		{false, `{"Namespace":"default","SessionLifetimeInMinutes":"60",` + exp + `}`, apimodel.Serialization, "Value at 'sessionLifetimeInMinutes' must be a number, not a JSON string."},
		{false, `{"Namespace":"default","SessionTags":[{"Key":"k","Value":""}],` + exp + `}`, apimodel.Validation, "1 validation error detected: Value at 'sessionTags.1.member.value' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{false, `{"Namespace":"default",` + exp + `,"namespace":"x"}`, apimodel.Serialization, "Unknown member 'namespace': GenerateEmbedUrlForAnonymousUserRequest has no such member."},
		{false, `{"Namespace":"default","AuthorizedResourceArns":[],"ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"d","FeatureConfigurations":{"SharedView":{}}}}}`, apimodel.Validation, "1 validation error detected: Value null at 'experienceConfiguration.dashboard.featureConfigurations.sharedView.enabled' failed to satisfy constraint: Member must not be null"},
		{false, `{"Namespace":"default",` + exp, apimodel.Serialization, "The request body is not a valid JSON object."},
		{true, `{"UserArn":"u","ExperienceConfiguration":{"QuickSightConsole":{"FeatureConfigurations":{"Bookmarks":{"Enabled":true}}}}}`, apimodel.Serialization, "Unknown member 'Bookmarks' at 'experienceConfiguration.quickSightConsole.featureConfigurations': RegisteredUserConsoleFeatureConfigurations has no such member."},
		{true, `{"ExperienceConfiguration":{}}`, apimodel.Validation, "1 validation error detected: Value null at 'userArn' failed to satisfy constraint: Member must not be null"},
	} {
		in := &input{Labels: typedLabels, Body: []byte(c.body)}
		_, _, err := checkInput(typedOp(c.registered), in)
		e, ok := errors.AsType[*apimodel.Error](err)
		if !ok || e.Kind != c.kind || e.Message != c.message {
			t.Errorf("%s %s:\n got %v\nwant %q", typedOp(c.registered), c.body, err, c.message)
		}
	}
}

// TestTypedBodyLabelsAndQuery: a bad account label or any query string
// is the generic path's.
func TestTypedBodyLabelsAndQuery(t *testing.T) {
	body := []byte(typedAccepted[0].body)
	for _, labels := range []map[string]string{nil, {"AwsAccountId": "12345678901"}, {"AwsAccountId": "12345678901x"}} {
		if _, _, ok := decodeAnonymousBody(labels, body); ok {
			t.Errorf("labels %v: typed decoder took them", labels)
		}
	}
	in := &input{Labels: typedLabels, Query: url.Values{"x": {"1"}}, Body: body}
	if _, _, err := checkInput(opAnonymous, in); err != nil || in.typed != nil {
		t.Errorf("with a query: %v, typed %v", err, in.typed != nil)
	}
	in = &input{Labels: typedLabels, Body: body}
	if _, plain, err := checkInput(opAnonymous, in); err != nil || in.typed == nil || plain {
		t.Errorf("plain body: %v, typed %v, plain %v", err, in.typed != nil, plain)
	}
}

// FuzzEmbedDecode: for any body of either embed call, the typed decoder
// declines or agrees with the generic path (see checkTypedAgrees).
func FuzzEmbedDecode(f *testing.F) {
	for _, c := range typedAccepted {
		f.Add(c.registered, []byte(c.body))
	}
	for _, c := range typedDeclined {
		f.Add(c.registered, []byte(c.body))
	}
	f.Fuzz(func(t *testing.T, registered bool, body []byte) {
		checkTypedAgrees(t, registered, typedLabels, body)
	})
}

// BenchmarkEmbedDecode reads an anonymous and a registered embed body into
// their structs with the model check: typed, against the generic path
// (the tree, its walk, fill), alternating.
func BenchmarkEmbedDecode(b *testing.B) {
	for _, c := range []struct {
		name string
		body []byte
		reg  bool
	}{{"anonymous", []byte(typedAccepted[0].body), false}, {"registered", []byte(typedAccepted[1].body), true}} {
		for _, path := range []string{"typed", "generic", "typed", "generic"} {
			b.Run(c.name+"/"+path, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					in := &input{Labels: typedLabels, Body: c.body}
					if path == "typed" {
						if _, _, err := checkInput(typedOp(c.reg), in); err != nil || in.typed == nil {
							b.Fatal(err)
						}
						continue
					}
					if _, _, err := genericDecode(c.reg, typedLabels, c.body); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
