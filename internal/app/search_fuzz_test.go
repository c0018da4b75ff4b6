package app

import (
	"net/url"
	"strings"
	"testing"

	sg "github.com/sightglass/sightglass"
)

// FuzzSearchFilter feeds arbitrary Search* filters and resource
// permissions: compiling never panics, a refused filter is
// InvalidParameterValueException, and a name filter matches every name
// that contains its value.
func FuzzSearchFilter(f *testing.F) {
	user := sg.UserARN("us-east-1", "123456789012", "default", "ann")
	f.Add("StringLike", "DASHBOARD_NAME", "sales", "Sales West", user, "quicksight:UpdateDashboardPermissions")
	f.Add("StringEquals", "QUICKSIGHT_OWNER", user, "x", user, "quicksight:UpdateDashboardPermissions")
	f.Add("StringEquals", "DIRECT_QUICKSIGHT_SOLE_OWNER", user, "x", user, "quicksight:DescribeDashboard")
	f.Add("StringEquals", "QUICKSIGHT_USER", "arn:aws:quicksight:us-east-1:123456789012:group/default/g", "", "", "")
	f.Add("StringLike", "QUICKSIGHT_OWNER", "arn:", "İ", "arn:aws:iam::1:user/x", "*")
	f.Fuzz(func(t *testing.T, op, name, value, resourceName, principal, action string) {
		for _, k := range []searchKind{searchDashboards, searchAnalyses, searchDataSets, searchDataSources} {
			match, err := k.compile("123456789012", []SearchFilter{{Operator: op, Name: name, Value: value}}, nil)
			if err != nil {
				if sg.ErrorCode(err) != sg.EINVALID {
					t.Fatalf("compile(%q, %q, %q): %v, want EINVALID", op, name, value, err)
				}
				continue
			}
			perms := []sg.ResourcePermission{{Principal: principal, Actions: []string{action}}}
			match(resourceName, perms)
			if name == k.nameAttr && !match("x"+value+"y", nil) {
				t.Fatalf("%s like %q does not match a name containing it", name, value)
			}
			// An upper-cased value that lower-cases back to the value's
			// lower case must match too (matching lower-cases both).
			upper := strings.ToUpper(value)
			lowerOfUpper, lower := strings.ToLower(upper), strings.ToLower(value)
			if name == k.nameAttr && lowerOfUpper == lower && !match(upper, nil) {
				t.Fatalf("%s like %q does not match %q", name, value, strings.ToUpper(value))
			}
		}
	})
}

// FuzzViewState feeds arbitrary bookmark states: a state accepted holds
// only sheet, parameter and control members, and keeping it again
// accepts it.
func FuzzViewState(f *testing.F) {
	f.Add("p.Segment=Corporate&sheetId=overview&f.f-region=*")
	f.Add("code=abc")
	f.Add("p.%zz=1")
	f.Add("f.a=1;p.b=2")
	f.Fuzz(func(t *testing.T, state string) {
		if checkViewState(state) != nil {
			return
		}
		q, err := url.ParseQuery(state)
		if err != nil {
			t.Fatalf("accepted %q that does not parse: %v", state, err)
		}
		for k := range q {
			if !viewStateKey(k) {
				t.Fatalf("accepted %q with member %q", state, k)
			}
		}
		if again := CleanViewState(q); len(again) <= MaxViewState && checkViewState(again) != nil {
			t.Fatalf("kept %q as %q, which is refused", state, again)
		}
	})
}
