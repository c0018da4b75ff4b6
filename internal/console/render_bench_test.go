package console

import (
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// benchStartPages is the start page a sign-on answers with, for an author
// with no content and with 20 dashboards and 20 analyses.
func benchStartPages() []*pageData {
	user := &sg.User{AccountID: "123456789012", Namespace: "default", UserName: "admin", Email: "admin@example.com", Role: sg.RoleAdmin}
	var out []*pageData
	for _, n := range []int{0, 20} {
		d := &pageData{
			Experience:  "CONSOLE",
			EmbedOrigin: "https://app.example.com", Sid: "0123456789abcdef0123456789abcdef",
			Token: "tKq3b2yWcUo1Pq4m1fJ7dYw0m0Q0k2Vv7o3d7l9nXj8", User: user, Author: true, Admin: true,
			Title: "Start", Heading: "Start", PageType: "START",
		}
		for i := range n {
			t := time.Now().Add(-time.Duration(i) * time.Hour)
			d.Dashboards = append(d.Dashboards, &sg.Dashboard{ID: fmt.Sprintf("dash-%d", i), Name: fmt.Sprintf("Sales <%d>", i), UpdatedAt: t})
			d.Analyses = append(d.Analyses, &sg.Analysis{ID: fmt.Sprintf("an-%d", i), Name: fmt.Sprintf("Analysis %d", i), UpdatedAt: t})
		}
		out = append(out, d)
	}
	return out
}

// BenchmarkRenderStart renders the start page as a sign-on does (the
// start page writer).
func BenchmarkRenderStart(b *testing.B) {
	p, err := loadPages()
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range benchStartPages() {
		if !p.start.covers(d) {
			b.Fatal("start page writer does not cover the benchmark page")
		}
		b.Run(fmt.Sprintf("items=%d", len(d.Dashboards)+len(d.Analyses)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				if err := p.renderStart(w, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRenderStartTemplate renders the same pages through
// html/template, the path the writer replaced, for comparison.
func BenchmarkRenderStartTemplate(b *testing.B) {
	p, err := loadPages()
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range benchStartPages() {
		b.Run(fmt.Sprintf("items=%d", len(d.Dashboards)+len(d.Analyses)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				if err := p.render(w, 200, "start", "layout", d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
