package console

import (
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

// TestStartPageMatchesTemplate renders every start page shape the writer
// covers both ways and requires the same bytes and headers.
func TestStartPageMatchesTemplate(t *testing.T) {
	p, err := loadPages()
	if err != nil {
		t.Fatal(err)
	}
	users := []*sg.User{
		{UserName: "admin", Email: "admin@example.com", Role: sg.RoleAdmin},
		{UserName: "O'Brien <\"x\"> & co", Email: "a+b@example.com", Role: sg.RoleReader},
		{UserName: "nul\x00 bad\xff utf8 é ☃", Email: "", Role: sg.RoleAuthor},
	}
	names := []string{"Sales", "Sales <2026> & 'more' + \"less\"", "", "\x00\xfe日本"}
	now := time.Now()
	count := 0
	for _, tab := range []string{"", "dashboards", "analyses"} {
		for _, author := range []bool{false, true} {
			for _, origin := range []string{"", "https://app.example.com", "https://x.example.com/?a=1&b=\"2\""} {
				for _, token := range []string{"", "tKq3b2yWcUo1Pq4m+/="} {
					for ui, u := range users {
						for _, n := range []int{0, 1, 3} {
							d := &pageData{
								Experience: "CONSOLE", EmbedOrigin: origin, Sid: "0123456789abcdef0123456789abcdef",
								Token: token, User: u, Author: author, Admin: ui == 0,
								Title: "Start & <more>", Heading: "Heading \"" + tab + "\"", PageType: "START", Nav: tab,
							}
							for i := range n {
								at := now.Add(-time.Duration(i*i*i*97)*time.Minute - 30*time.Second)
								var perms []sg.ResourcePermission
								if i > 0 {
									perms = []sg.ResourcePermission{{Principal: "arn:aws:quicksight:us-east-1:123456789012:user/default/" + names[i%len(names)], Actions: []string{"quicksight:UpdateDashboard", "quicksight:UpdateAnalysis"}}}
								}
								d.Dashboards = append(d.Dashboards, &sg.Dashboard{ID: fmt.Sprintf("dash-%d_x.y~z", i), Name: names[(i+ui)%len(names)], UpdatedAt: at, Permissions: perms})
								d.Analyses = append(d.Analyses, &sg.Analysis{ID: fmt.Sprintf("AN-%d", i), Name: names[(i+ui+1)%len(names)], UpdatedAt: at, Permissions: perms})
								d.Recent = append(d.Recent, app.StartItem{Kind: "dashboard", KindLabel: "Dashboard", ID: fmt.Sprintf("r-%d", i), Path: fmt.Sprintf("/dashboards/r-%d", i), Name: names[(i+ui+2)%len(names)], OpenedAt: at})
							}
							if !p.start.covers(d) {
								t.Fatalf("writer does not cover %+v", d)
							}
							want := httptest.NewRecorder()
							if err := p.render(want, 200, "start", "layout", d); err != nil {
								t.Fatal(err)
							}
							got := httptest.NewRecorder()
							if err := p.start.render(got, d); err != nil {
								t.Fatal(err)
							}
							if got.Body.String() != want.Body.String() {
								t.Fatalf("tab %q author %v origin %q token %q user %d items %d:\n got %q\nwant %q", tab, author, origin, token, ui, n, got.Body.String(), want.Body.String())
							}
							if got.Code != want.Code || fmt.Sprint(got.Header()) != fmt.Sprint(want.Header()) {
								t.Fatalf("status/headers: got %d %v, want %d %v", got.Code, got.Header(), want.Code, want.Header())
							}
							count++
						}
					}
				}
			}
		}
	}
	if count != 324 {
		t.Fatalf("compared %d pages", count)
	}
}

// TestStartPageCovers checks that pages the writer would render
// differently from the templates go to the templates.
func TestStartPageCovers(t *testing.T) {
	p, err := loadPages()
	if err != nil {
		t.Fatal(err)
	}
	base := func() *pageData {
		return &pageData{Experience: "CONSOLE", Sid: "0123456789abcdef0123456789abcdef", User: &sg.User{UserName: "u", Role: sg.RoleReader}, PageType: "START"}
	}
	if !p.start.covers(base()) {
		t.Fatal("plain start page not covered")
	}
	for name, change := range map[string]func(*pageData){
		"favorites":       func(d *pageData) { d.Nav = "favorites" },
		"dashboard frame": func(d *pageData) { d.Experience = "DASHBOARD" },
		"no user":         func(d *pageData) { d.User = nil },
		"no sid":          func(d *pageData) { d.Sid = "" },
		"sid escaped":     func(d *pageData) { d.Sid = "a b" },
		"error code":      func(d *pageData) { d.ErrorCode = "Forbidden" },
		"dashboard id":    func(d *pageData) { d.Dashboards = []*sg.Dashboard{{ID: "a/b"}} },
		"analysis id":     func(d *pageData) { d.Analyses = []*sg.Analysis{{ID: "a%20b"}} },
	} {
		d := base()
		change(d)
		if p.start.covers(d) {
			t.Errorf("%s: covered", name)
		}
	}
}
