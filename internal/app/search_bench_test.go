package app

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlite"
)

// searchApp returns an App on a fresh SQLite store whose account has n
// dashboards, each owned by one of 10 users; one in 100 is named "Sales …".
func searchApp(b *testing.B, n int) *App {
	b.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "sightglass.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	a := New(store, "us-east-1")
	if _, err := a.Bootstrap(ctx, "123456789012"); err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	for i := range n {
		name := fmt.Sprintf("Board %05d", i)
		if i%100 == 0 {
			name = fmt.Sprintf("Sales %05d", i)
		}
		owner := sg.UserARN("us-east-1", "123456789012", "default", fmt.Sprintf("user%d", i%10))
		d := &sg.Dashboard{AccountID: "123456789012", ID: fmt.Sprintf("d%05d", i), Name: name, CreatedAt: now, UpdatedAt: now,
			Permissions: []sg.ResourcePermission{{Principal: owner, Actions: DashboardOwnerActions()}}}
		if err := store.CreateDashboard(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	return a
}

// BenchmarkSearchDashboards measures one page of SearchDashboards over
// 2,000 dashboards against one page of ListDashboards in the same run: a
// search reads the account's dashboards until its page is full. The
// implicit QUICKSIGHT_OWNER also reads the user's groups (cached); the
// DIRECT_ form does not.
func BenchmarkSearchDashboards(b *testing.B) {
	a := searchApp(b, 2000)
	ctx := context.Background()
	hundred := 100
	b.Run("ListDashboards", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := a.ListDashboards(ctx, "123456789012", "", &hundred); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, f := range []SearchFilter{
		{Operator: "StringLike", Name: "DASHBOARD_NAME", Value: "sales"},
		{Operator: "StringEquals", Name: "QUICKSIGHT_OWNER", Value: sg.UserARN("us-east-1", "123456789012", "default", "user3")},
		// DIRECT_ counts the user's own grants: no lookup of its groups.
		{Operator: "StringEquals", Name: "DIRECT_QUICKSIGHT_OWNER", Value: sg.UserARN("us-east-1", "123456789012", "default", "user3")},
	} {
		b.Run(f.Name, func(b *testing.B) {
			for b.Loop() {
				list, _, err := a.SearchDashboards(ctx, "123456789012", []SearchFilter{f}, "", &hundred)
				if err != nil || len(list) == 0 {
					b.Fatal(err, len(list))
				}
			}
		})
	}
}

// BenchmarkEffectiveCustomPermissions measures the profile resolution a
// console page of an author does (user, then role, then account).
func BenchmarkEffectiveCustomPermissions(b *testing.B) {
	a := searchApp(b, 0)
	ctx := context.Background()
	if _, err := a.CreateCustomPermissions(ctx, "123456789012", "no-analysis", map[string]string{"Analysis": sg.CapabilityDeny}, nil); err != nil {
		b.Fatal(err)
	}
	if err := a.UpdateAccountCustomPermission(ctx, "123456789012", "no-analysis"); err != nil {
		b.Fatal(err)
	}
	u := &sg.User{AccountID: "123456789012", Namespace: "default", UserName: "abe", Role: sg.RoleAuthor}
	for b.Loop() {
		denied, err := a.Denies(ctx, u, CapabilityAnalysis)
		if err != nil || !denied {
			b.Fatal(err, denied)
		}
	}
}
