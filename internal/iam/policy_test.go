package iam

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

const userARN = "arn:aws:quicksight:us-east-1:123456789012:user/default/*"

func TestParsePolicy(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want *Policy
	}{
		{
			name: "array forms",
			doc: `{
				"Version": "2012-10-17",
				"Id": "readers",
				"Statement": [{
					"Sid": "Read1",
					"Effect": "Allow",
					"Action": ["quicksight:Describe*", "quicksight:ListUsers"],
					"Resource": ["` + userARN + `", "*"]
				}, {
					"Effect": "Deny",
					"NotAction": ["quicksight:Get*"],
					"NotResource": ["arn:aws:quicksight:*:123456789012:dashboard/*"]
				}]
			}`,
			want: &Policy{Version: Version2012, ID: "readers", Statements: []Statement{
				{Sid: "Read1", Effect: EffectAllow, Actions: []string{"quicksight:Describe*", "quicksight:ListUsers"}, Resources: []string{userARN, "*"}},
				{Effect: EffectDeny, NotActions: []string{"quicksight:Get*"}, NotResources: []string{"arn:aws:quicksight:*:123456789012:dashboard/*"}},
			}},
		},
		{
			name: "single statement object and single strings",
			doc:  `{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"quicksight:*","Resource":"*"}}`,
			want: &Policy{Version: Version2008, Statements: []Statement{
				{Effect: EffectAllow, Actions: []string{"quicksight:*"}, Resources: []string{"*"}},
			}},
		},
		{
			name: "no version",
			doc:  `{"Statement":[{"Effect":"Deny","Action":"*","NotResource":"` + userARN + `"}]}`,
			want: &Policy{Statements: []Statement{
				{Effect: EffectDeny, Actions: []string{"*"}, NotResources: []string{userARN}},
			}},
		},
		{
			name: "keys in any order, Version last",
			doc:  `{"Statement":[{"Resource":"*","Action":"QuickSight:describeUser","Effect":"Allow","Sid":"x"}],"Version":"2012-10-17"}`,
			want: &Policy{Version: Version2012, Statements: []Statement{
				{Sid: "x", Effect: EffectAllow, Actions: []string{"QuickSight:describeUser"}, Resources: []string{"*"}},
			}},
		},
		{
			name: "policy variable is literal text under 2008-10-17",
			doc:  `{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"quicksight:*","Resource":"arn:aws:quicksight:us-east-1:123456789012:user/default/${aws:username}"}}`,
			want: &Policy{Version: Version2008, Statements: []Statement{
				{Effect: EffectAllow, Actions: []string{"quicksight:*"}, Resources: []string{"arn:aws:quicksight:us-east-1:123456789012:user/default/${aws:username}"}},
			}},
		},
		{
			name: "wildcards in ARN fields, non-ASCII resource",
			doc:  `{"Statement":{"Effect":"Allow","Action":["quicksight:Describe?ser","quicksight:*Embed*"],"Resource":["arn:*:quicksight:*:*:user/default/jos\u00e9","arn:aws:s3:::bucket","arn:aws:quicksight:us-east-1:*"]}}`,
			want: &Policy{Statements: []Statement{
				{Effect: EffectAllow, Actions: []string{"quicksight:Describe?ser", "quicksight:*Embed*"}, Resources: []string{"arn:*:quicksight:*:*:user/default/josé", "arn:aws:s3:::bucket", "arn:aws:quicksight:us-east-1:*"}},
			}},
		},
		{
			name: "same Sid allowed once each, empty Sid repeated",
			doc:  `{"Statement":[{"Sid":"","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"A","Effect":"Allow","Action":"*","Resource":"*"}]}`,
			want: &Policy{Statements: []Statement{
				{Effect: EffectAllow, Actions: []string{"*"}, Resources: []string{"*"}},
				{Effect: EffectAllow, Actions: []string{"*"}, Resources: []string{"*"}},
				{Sid: "A", Effect: EffectAllow, Actions: []string{"*"}, Resources: []string{"*"}},
			}},
		},
		{
			name: "at the size limit, whitespace not counted",
			doc:  sizedDoc(MaxPolicyChars, 5000),
			want: sizedPolicy(MaxPolicyChars),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePolicy([]byte(tt.doc))
			if err != nil {
				t.Fatalf("ParsePolicy: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParsePolicy =\n%#v\nwant\n%#v", got, tt.want)
			}
			// The canonical form reads back to the same policy.
			b, err := json.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			again, err := ParsePolicy(b)
			if err != nil && overLimit(b) {
				return
			}
			if err != nil {
				t.Fatalf("ParsePolicy(%s): %v", b, err)
			}
			if !reflect.DeepEqual(again, got) {
				t.Errorf("round trip =\n%#v\nwant\n%#v", again, got)
			}
		})
	}
}

// sizedDoc returns a valid document of exactly n characters, not counting
// the ws spaces it is padded with.
func sizedDoc(n, ws int) string {
	const head, tail = `{"Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::`, `"}}`
	return head + strings.Repeat("a", n-len(head)-len(tail)) + tail + strings.Repeat(" \n\t\r", ws/4)
}

// overLimit reports whether doc has more than MaxPolicyChars characters.
func overLimit(doc []byte) bool { return checkSize(doc) != nil }

func sizedPolicy(n int) *Policy {
	p, err := ParsePolicy([]byte(sizedDoc(n, 0)))
	if err != nil {
		panic(err)
	}
	return p
}

func TestParsePolicyErrors(t *testing.T) {
	const (
		allow = `"Effect":"Allow"`
		act   = `"Action":"quicksight:*"`
		res   = `"Resource":"*"`
	)
	stmt := func(fields ...string) string {
		return `{"Version":"2012-10-17","Statement":[{` + strings.Join(fields, ",") + `}]}`
	}
	tests := []struct {
		name, doc, want string
	}{
		// The document.
		{"too long", sizedDoc(MaxPolicyChars+1, 0), `policy document exceeds 6144 characters (whitespace is not counted)`},
		{"invalid UTF-8", "{\n \"Id\": \"\xff\"}", `policy document is not valid UTF-8 (at line 2, column 9)`},
		{"empty", ``, `policy document is not valid JSON: unexpected end of JSON input (at line 1, column 1)`},
		{"truncated", "{\n\"Statement\": [", `policy document is not valid JSON: unexpected end of JSON input (at line 2, column 15)`},
		{"bad character", "{\n  \"Statement\": [}", `policy document is not valid JSON: invalid character '}' looking for beginning of value (at line 2, column 17)`},
		{"trailing data", `{"Statement":{}} {}`, `policy document is not valid JSON: invalid character '{' after top-level value (at line 1, column 18)`},
		{"not an object", `["Statement"]`, `policy document must be a JSON object, not an array`},
		{"null", `null`, `policy document must be a JSON object, not null`},
		{"no Statement", `{"Version":"2012-10-17"}`, `policy document must contain "Statement"`},
		{"unknown key", `{"Statements":[]}`, `policy document has unknown key "Statements"`},
		{"key case", `{"version":"2012-10-17"}`, `policy document has unknown key "version" (keys are case-sensitive: did you mean "Version"?)`},
		{"duplicate key", `{"Version":"2012-10-17","Version":"2008-10-17"}`, `policy document has duplicate key "Version"`},
		{"bad version", `{"Version":"2012-10-18","Statement":[]}`, `Version must be "2012-10-17" or "2008-10-17" (got "2012-10-18")`},
		{"empty version", `{"Version":"","Statement":[]}`, `Version must be "2012-10-17" or "2008-10-17" (got "")`},
		{"bad version after Statement", `{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}],"Version":"2012-10-17 "}`, `Version must be "2012-10-17" or "2008-10-17" (got "2012-10-17 ")`},
		{"unknown key after Statement", `{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"},"Id":"a","id":"b"}`, `policy document has unknown key "id" (keys are case-sensitive: did you mean "Id"?)`},
		{"version number", `{"Version":2012}`, `Version must be a string, not a number`},
		{"Id object", `{"Id":{}}`, `Id must be a string, not an object`},

		// Statement.
		{"Statement string", `{"Statement":"Allow"}`, `Statement must be an object or an array of objects, not a string`},
		{"Statement empty", `{"Statement":[]}`, `Statement must not be an empty array`},
		{"Statement element", `{"Statement":[{` + allow + `,` + act + `,` + res + `}, true]}`, `Statement[1] must be an object, not a boolean`},
		{"statement unknown key", stmt(allow, act, res, `"Actions":[]`), `Statement[0] has unknown key "Actions"`},
		{"statement key case", stmt(`"effect":"Allow"`), `Statement[0] has unknown key "effect" (keys are case-sensitive: did you mean "Effect"?)`},
		{"statement duplicate key", stmt(allow, act, res, `"Effect":"Deny"`), `Statement[0] has duplicate key "Effect"`},
		{"Principal", stmt(allow, `"Principal":{"AWS":"*"}`, act, res), `Statement[0].Principal is not allowed in an identity policy: the policy applies to the principal it is attached to`},
		{"NotPrincipal", stmt(allow, act, res, `"NotPrincipal":"*"`), `Statement[0].NotPrincipal is not allowed in an identity policy: the policy applies to the principal it is attached to`},
		{"Condition", stmt(allow, act, res, `"Condition":{"Bool":{"aws:SecureTransport":"true"}}`), `Statement[0].Condition is not supported by Sightglass`},
		{"Condition single object", `{"Statement":{"Condition":{}}}`, `Statement.Condition is not supported by Sightglass`},

		// Effect.
		{"no Effect", stmt(act, res), `Statement[0] must contain "Effect"`},
		{"Effect case", `{"Statement":[{` + allow + `,` + act + `,` + res + `},{"Effect":"allow"}]}`, `Statement[1].Effect must be "Allow" or "Deny" (got "allow")`},
		{"Effect null", stmt(`"Effect":null`), `Statement[0].Effect must be a string, not null`},

		// Sid.
		{"Sid characters", stmt(`"Sid":"read-all"`), `Statement[0].Sid "read-all" must contain only ASCII letters and digits`},
		{"Sid number", stmt(`"Sid":1`), `Statement[0].Sid must be a string, not a number`},
		{"Sid duplicate", `{"Statement":[{"Sid":"A",` + allow + `,` + act + `,` + res + `},{"Sid":"A",` + allow + `,` + act + `,` + res + `}]}`, `Statement[1].Sid "A" is already the Sid of Statement[0]: statement ids must be unique`},

		// Action and NotAction.
		{"no Action", stmt(allow, res), `Statement[0] must contain "Action" or "NotAction"`},
		{"Action and NotAction", stmt(allow, act, `"NotAction":"quicksight:Delete*"`, res), `Statement[0] must not contain both "Action" and "NotAction"`},
		{"Action number", stmt(allow, `"Action":5`), `Statement[0].Action must be a string or an array of strings, not a number`},
		{"Action empty array", stmt(allow, `"Action":[]`), `Statement[0].Action must not be an empty array`},
		{"Action element", stmt(allow, `"Action":["quicksight:*",["x"]]`), `Statement[0].Action[1] must be a string, not an array`},
		{"Action no colon", stmt(allow, `"Action":"DescribeUser"`), `Statement[0].Action "DescribeUser" must be "*" or of the form service:Operation, such as "quicksight:DescribeUser"`},
		{"Action empty", stmt(allow, `"Action":["*",""]`), `Statement[0].Action[1] "" must be "*" or of the form service:Operation, such as "quicksight:DescribeUser"`},
		{"Action empty operation", stmt(allow, `"NotAction":"quicksight:"`), `Statement[0].NotAction "quicksight:" must be "*" or of the form service:Operation, such as "quicksight:DescribeUser"`},
		{"Action service wildcard", stmt(allow, `"Action":"quick*:Describe*"`), `Statement[0].Action "quick*:Describe*" has an invalid service prefix "quick*": use letters, digits and hyphens, without wildcards`},
		{"Action second colon", stmt(allow, `"Action":"quicksight:Describe:User"`), `Statement[0].Action "quicksight:Describe:User" has an invalid operation "Describe:User": use letters, digits, "*" and "?"`},
		{"Action space", `{"Statement":{"Effect":"Deny","Action":"quicksight:Describe User"}}`, `Statement.Action "quicksight:Describe User" has an invalid operation "Describe User": use letters, digits, "*" and "?"`},

		// Resource and NotResource.
		{"no Resource", stmt(allow, act), `Statement[0] must contain "Resource" or "NotResource"`},
		{"Resource and NotResource", stmt(allow, act, res, `"NotResource":"*"`), `Statement[0] must not contain both "Resource" and "NotResource"`},
		{"Resource empty array", stmt(allow, act, `"NotResource":[]`), `Statement[0].NotResource must not be an empty array`},
		{"Resource object", stmt(allow, act, `"Resource":{}`), `Statement[0].Resource must be a string or an array of strings, not an object`},
		{"Resource not ARN", stmt(allow, act, `"Resource":["*","user/default/*"]`), `Statement[0].Resource[1] "user/default/*" must be "*" or an ARN, such as "arn:aws:quicksight:us-east-1:123456789012:user/default/*"`},
		{"Resource no resource", stmt(allow, act, `"Resource":"arn:aws:quicksight"`), `Statement[0].Resource "arn:aws:quicksight" must be "*" or an ARN, such as "arn:aws:quicksight:us-east-1:123456789012:user/default/*"`},
		{"Resource no partition", stmt(allow, act, `"Resource":"arn::quicksight:*"`), `Statement[0].Resource "arn::quicksight:*" must be "*" or an ARN, such as "arn:aws:quicksight:us-east-1:123456789012:user/default/*"`},
		{"Resource service wildcard", stmt(allow, act, `"Resource":"arn:aws:quick*:*"`), `Statement[0].Resource "arn:aws:quick*:*" has an invalid service prefix "quick*": use letters, digits and hyphens, without wildcards`},
		{"Resource no service", stmt(allow, act, `"Resource":"arn:aws::us-east-1:1:x"`), `Statement[0].Resource "arn:aws::us-east-1:1:x" must be "*" or an ARN, such as "arn:aws:quicksight:us-east-1:123456789012:user/default/*"`},
		{"Resource empty", stmt(allow, act, `"Resource":"arn:aws:s3:"`), `Statement[0].Resource "arn:aws:s3:" must be "*" or an ARN, such as "arn:aws:quicksight:us-east-1:123456789012:user/default/*"`},
		{"Resource ARN case", stmt(allow, act, `"Resource":"ARN:aws:s3:::b"`), `Statement[0].Resource "ARN:aws:s3:::b" must be "*" or an ARN, such as "arn:aws:quicksight:us-east-1:123456789012:user/default/*"`},
		{"Resource control character", stmt(allow, act, `"Resource":"arn:aws:s3:::a\nb"`), `Statement[0].Resource "arn:aws:s3:::a\nb" must not contain control characters`},
		{"policy variable under 2012-10-17", `{"Statement":{` + allow + `,` + act + `,"Resource":["*","arn:aws:quicksight:us-east-1:123456789012:user/default/${aws:username}"]},"Version":"2012-10-17"}`,
			`Statement.Resource[1] "arn:aws:quicksight:us-east-1:123456789012:user/default/${aws:username}" uses a policy variable (${...}), which Sightglass does not support`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePolicy([]byte(tt.doc))
			if err == nil {
				t.Fatalf("ParsePolicy = %+v, want error %q", p, tt.want)
			}
			if _, ok := errors.AsType[*PolicyError](err); !ok {
				t.Errorf("error is %T, want *PolicyError", err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestPolicyErrorPath(t *testing.T) {
	_, err := ParsePolicy([]byte(`{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Maybe"}]}`))
	pe, ok := errors.AsType[*PolicyError](err)
	if !ok {
		t.Fatalf("error %v is not a *PolicyError", err)
	}
	if pe.Path != "Statement[1].Effect" || pe.Message != `must be "Allow" or "Deny" (got "Maybe")` {
		t.Errorf("PolicyError = %+v", pe)
	}
}

func TestMarshalJSON(t *testing.T) {
	p := &Policy{Version: Version2012, Statements: []Statement{
		{Sid: "A", Effect: EffectAllow, Actions: []string{"quicksight:*"}, Resources: []string{"arn:aws:s3:::a<b>&c"}},
		{Effect: EffectDeny, NotActions: []string{"*"}, NotResources: []string{"*"}},
	}}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":["quicksight:*"],"Resource":["arn:aws:s3:::a\u003cb\u003e\u0026c"]},{"Effect":"Deny","NotAction":["*"],"NotResource":["*"]}]}`
	if string(b) != want {
		t.Errorf("Marshal =\n%s\nwant\n%s", b, want)
	}
}
