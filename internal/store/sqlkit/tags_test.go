package sqlkit

import (
	"fmt"
	"strings"
	"testing"
)

// FuzzTagTarget: a resource name from a client's ARN maps to a row of a
// taggable table whose key values rebuild the name, or to nothing.
func FuzzTagTarget(f *testing.F) {
	for _, s := range []string{"analysis/a", "dashboard/d-1", "dataset/x", "datasource/y", "custompermissions/c", "user/default/bob name/x+y", "user/default", "theme/t", "analysis/", "", "/"} {
		f.Add(s)
	}
	tables := map[string]string{"analyses": "analysis", "dashboards": "dashboard", "data_sets": "dataset", "data_sources": "datasource", "custom_permissions": "custompermissions", "users": "user", "themes": "theme"}
	f.Fuzz(func(t *testing.T, resource string) {
		tt, ok := TagTargetOf(resource)
		if !ok {
			return
		}
		kind, known := tables[tt.Table]
		if !known || len(tt.Columns) != len(tt.Values) || len(tt.Values) == 0 {
			t.Fatalf("TagTargetOf(%q) = %+v", resource, tt)
		}
		parts := []string{kind}
		for _, v := range tt.Values {
			if v.(string) == "" {
				t.Fatalf("TagTargetOf(%q): empty key value", resource)
			}
			parts = append(parts, fmt.Sprint(v))
		}
		if got := strings.Join(parts, "/"); got != resource {
			t.Fatalf("TagTargetOf(%q) rebuilds as %q", resource, got)
		}
	})
}
