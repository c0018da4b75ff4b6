package app

import (
	"context"
	"fmt"
	"testing"

	sg "github.com/sightglass/sightglass"
)

// BenchmarkConsoleStart measures what the start page adds, over 2,000
// dashboards: recording an opening (one upsert, on every dashboard or
// analysis page), Recently opened (a user's last openings, each checked
// for access), and the finder (the user's dashboards, analyses and
// datasets searched and sorted), against listing the dashboards the user
// may see (ConsoleDashboards, the start page's own read) in the same run.
func BenchmarkConsoleStart(b *testing.B) {
	a := searchApp(b, 2000)
	ctx := context.Background()
	u, err := a.Store.FindUser(ctx, "123456789012", sg.DefaultNamespace, "admin")
	if err != nil {
		b.Fatal(err)
	}
	for i := range RecentLimit {
		if err := a.ConsoleRecordOpen(ctx, u, sg.RecentDashboard, fmt.Sprintf("d%05d", i*7)); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("ConsoleDashboards", func(b *testing.B) {
		for b.Loop() {
			a.forgetContentLists() // uncached, as after a change
			if _, err := a.ConsoleDashboards(ctx, u); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("RecordOpen", func(b *testing.B) {
		for b.Loop() {
			if err := a.ConsoleRecordOpen(ctx, u, sg.RecentDashboard, "d00042"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Recent", func(b *testing.B) {
		for b.Loop() {
			if list, err := a.ConsoleRecent(ctx, u); err != nil || len(list) == 0 {
				b.Fatal(err, len(list))
			}
		}
	})
	b.Run("Find", func(b *testing.B) {
		for b.Loop() {
			if list, _, err := a.ConsoleFind(ctx, u, "sales", "", SortNameAsc); err != nil || len(list) != 20 {
				b.Fatal(err, len(list))
			}
		}
	})
}
