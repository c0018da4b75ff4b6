package app

import (
	"regexp"
	"strings"
	"testing"
)

// FuzzRegisteredEntry feeds arbitrary experience members and AllowedDomains
// (untrusted request members) to the checks of
// GenerateEmbedUrlForRegisteredUser: they never panic, and what they accept
// is a path of plain ids and at most three valid, sorted domains.
func FuzzRegisteredEntry(f *testing.F) {
	f.Add(uint8(0), "/start", "", "", "", "https://app.example.com")
	f.Add(uint8(1), "", "sales", "", "", "https://*.example.com\nhttp://localhost:*")
	f.Add(uint8(2), "", "d", "s-1", "v_2", "")
	f.Add(uint8(3), "/dashboards/../x", "a b", "s/1", "v?", "javascript:alert(1)\na\nb\nc")
	rePath := regexp.MustCompile(`^(/start(/(analyses|dashboards|favorites))?|/(dashboards|analyses)/[\w-]{1,512}|/dashboards/[\w-]{1,512}/sheets/[\w-]{1,512}/visuals/[\w-]{1,512})$`)
	f.Fuzz(func(t *testing.T, kind uint8, path, dash, sheet, visual, domains string) {
		x := RegisteredExperience{Count: 1}
		switch kind % 4 {
		case 0:
			x.Console = &ConsoleExperience{InitialPath: &path}
		case 1:
			x.Dashboard = &DashboardExperience{InitialDashboardID: dash}
		case 2:
			x.Visual = &VisualExperience{DashboardID: dash, SheetID: sheet, VisualID: visual}
		default:
			x.Unsupported = []string{"QSearchBar"}
		}
		if e, err := registeredEntry(x); err == nil && !rePath.MatchString(e.Path) {
			t.Fatalf("accepted entry path %q", e.Path)
		}
		var list []string
		if domains != "" {
			list = strings.Split(domains, "\n")
		}
		got, err := checkAllowedDomains(list)
		if err != nil {
			return
		}
		if len(got) > MaxAllowedDomains {
			t.Fatalf("accepted %d domains", len(got))
		}
		for i, d := range got {
			if CheckEmbeddingDomain(d) != nil || (i > 0 && got[i-1] >= d) {
				t.Fatalf("accepted %q (list %q)", d, got)
			}
		}
	})
}
