package console

import (
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// BenchmarkRenderStart renders the start page a sign-on answers with, for
// an author with no content and with 20 dashboards and 20 analyses.
func BenchmarkRenderStart(b *testing.B) {
	p, err := loadPages()
	if err != nil {
		b.Fatal(err)
	}
	user := &sg.User{AccountID: "123456789012", Namespace: "default", UserName: "admin", Email: "admin@example.com", Role: sg.RoleAdmin}
	for _, n := range []int{0, 20} {
		d := &pageData{
			EmbedOrigin: "https://app.example.com", Sid: "0123456789abcdef0123456789abcdef",
			Token: "tKq3b2yWcUo1Pq4m1fJ7dYw0m0Q0k2Vv7o3d7l9nXj8", User: user, Author: true, Admin: true,
			Title: "Start", Heading: "Start", PageType: "START",
		}
		for i := range n {
			t := time.Now().Add(-time.Duration(i) * time.Hour)
			d.Dashboards = append(d.Dashboards, &sg.Dashboard{ID: fmt.Sprintf("dash-%d", i), Name: fmt.Sprintf("Sales <%d>", i), UpdatedAt: t})
			d.Analyses = append(d.Analyses, &sg.Analysis{ID: fmt.Sprintf("an-%d", i), Name: fmt.Sprintf("Analysis %d", i), UpdatedAt: t})
		}
		b.Run(fmt.Sprintf("items=%d", 2*n), func(b *testing.B) {
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
