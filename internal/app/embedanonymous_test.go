package app

import (
	"strings"
	"testing"
	"unicode/utf8"

	sg "github.com/sightglass/sightglass"
)

// FuzzAnonymousResources feeds arbitrary AuthorizedResourceArns and
// SessionTags (untrusted request members) to the checks of
// GenerateEmbedUrlForAnonymousUser: they never panic; what they accept is
// 1 to MaxAuthorizedDashboards distinct plain dashboard ids, each named by
// a dashboard ARN of the account in the server's region, and tags of
// bounded keys and values, one value per key.
func FuzzAnonymousResources(f *testing.F) {
	const acct = "123456789012"
	f.Add("arn:aws:quicksight:us-east-1:123456789012:dashboard/sales\narn:aws:quicksight:us-east-1:123456789012:theme/t", "region=EU\ntenant=t-1")
	f.Add("arn:aws:quicksight:us-east-1:123456789012:dashboard/*", "=\nk=")
	f.Add("arn:aws:quicksight:us-east-1:210987654321:dashboard/x\narn:aws:quicksight::123456789012:dashboard/x", "a=1\na=2")
	f.Add("arn:aws:quicksight:us-east-1:123456789012:dashboard/a/b\narn:aws:quicksight:us-east-1:123456789012:dashboard/", "")
	a := &App{Region: "us-east-1"}
	f.Fuzz(func(t *testing.T, arns, tags string) {
		var list []string
		if arns != "" {
			list = strings.Split(arns, "\n")
		}
		if ids, themes, err := a.authorizedResources(acct, list); err == nil {
			if len(themes) > MaxAuthorizedThemes {
				t.Fatalf("accepted %d themes", len(themes))
			}
			for _, id := range themes {
				if !isResourceID(id) || !strings.Contains(arns, sg.QuickSightARN(a.Region, acct, "theme/"+id)) {
					t.Fatalf("accepted theme %q from %q", id, arns)
				}
			}
			if len(ids) == 0 || len(ids) > MaxAuthorizedDashboards {
				t.Fatalf("accepted %d dashboards", len(ids))
			}
			for i, id := range ids {
				if !reResourceIDPattern.MatchString(id) || !strings.Contains(arns, sg.QuickSightARN(a.Region, acct, "dashboard/"+id)) {
					t.Fatalf("accepted dashboard %q from %q", id, arns)
				}
				for _, other := range ids[:i] {
					if other == id {
						t.Fatalf("dashboard %q twice", id)
					}
				}
			}
		}
		var st []SessionTag
		if tags != "" {
			for _, kv := range strings.Split(tags, "\n") {
				k, v, _ := strings.Cut(kv, "=")
				st = append(st, SessionTag{Key: k, Value: v})
			}
		}
		got, err := checkSessionTags(st)
		if err != nil {
			return
		}
		if len(got) != len(st) || len(got) > MaxSessionTags {
			t.Fatalf("accepted %d tags of %d", len(got), len(st))
		}
		for k, v := range got {
			if k == "" || v == "" || utf8.RuneCountInString(k) > 128 || utf8.RuneCountInString(v) > 256 {
				t.Fatalf("accepted tag %q=%q", k, v)
			}
		}
	})
}
