package iam

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

func FuzzParsePolicy(f *testing.F) {
	for _, doc := range []string{
		`{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":["quicksight:Describe*"],"Resource":"*"}]}`,
		`{"Statement":{"Effect":"Deny","NotAction":"quicksight:Delete*","NotResource":["arn:aws:quicksight:*:*:user/*"]}}`,
		`{"Version":"2008-10-17","Id":"x","Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::${a}"}}`,
		`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::${a}"}}`,
		`{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{}}]}`,
		`{"Statement":[{"Effect":"Allow","Principal":"*"}]}`,
		`{"Statement":[{"Sid":"A"},{"Sid":"A"}]}`,
		`{"Statement":[]}`, `[]`, `null`, `{`, "\xff", `{"Version":1}`,
	} {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		p, err := ParsePolicy(doc)
		if err != nil {
			if p != nil {
				t.Fatalf("ParsePolicy returned a policy and an error: %v", err)
			}
			if _, ok := errors.AsType[*PolicyError](err); !ok {
				t.Fatalf("error %v is %T, not *PolicyError", err, err)
			}
			return
		}
		// A parsed policy is well formed...
		for i, s := range p.Statements {
			if s.Effect != EffectAllow && s.Effect != EffectDeny ||
				(len(s.Actions) == 0) == (len(s.NotActions) == 0) ||
				(len(s.Resources) == 0) == (len(s.NotResources) == 0) {
				t.Fatalf("Statement[%d] is malformed: %+v", i, s)
			}
		}
		// ...and its canonical form reads back to the same policy.
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		again, err := ParsePolicy(b)
		if err != nil {
			if overLimit(b) {
				return
			}
			t.Fatalf("ParsePolicy(%s): %v", b, err)
		}
		if !reflect.DeepEqual(again, p) {
			t.Fatalf("round trip of %s =\n%#v\nwant\n%#v", b, again, p)
		}
		Evaluate([]*Policy{p}, "quicksight:DescribeUser", "arn:aws:quicksight:us-east-1:123456789012:user/default/alice")
	})
}
