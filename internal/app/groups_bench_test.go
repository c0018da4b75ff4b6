package app

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlite"
)

// BenchmarkDashboardOpenGroups measures the permission check of opening a
// dashboard in the console (App.ConsoleDashboard: the store read and the
// check) for a reader the dashboard is shared with directly, for one who
// reaches it through one of 5 groups (memberships cached, and read from
// the store every time), against the check as it was before groups (the
// user's ARN alone, no membership lookup); and the check alone, without
// the store read. The dashboard names 10 principals.
func BenchmarkDashboardOpenGroups(b *testing.B) {
	ctx := context.Background()
	const acct = "123456789012"
	store, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "sightglass.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	a := New(store, "us-east-1")
	if _, err := a.Bootstrap(ctx, acct); err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	user := func(name string) *sg.User {
		u := &sg.User{AccountID: acct, Namespace: sg.DefaultNamespace, UserName: name, Email: name + "@example.com",
			Role: sg.RoleReader, IdentityType: sg.IdentityQuickSight, Active: true, PrincipalID: "p-" + name, CreatedAt: now, UpdatedAt: now}
		if err := store.CreateUser(ctx, u); err != nil {
			b.Fatal(err)
		}
		return u
	}
	direct, member := user("direct"), user("member")
	var perms []sg.ResourcePermission
	for i := range 8 {
		perms = append(perms, sg.ResourcePermission{Principal: sg.UserARN(a.Region, acct, sg.DefaultNamespace, fmt.Sprint("other", i)), Actions: []string{"quicksight:DescribeDashboard"}})
	}
	perms = append(perms, sg.ResourcePermission{Principal: a.UserARN(direct), Actions: []string{"quicksight:DescribeDashboard"}})
	for i := range 5 {
		g := &sg.Group{AccountID: acct, Namespace: sg.DefaultNamespace, Name: fmt.Sprint("g", i), PrincipalID: fmt.Sprint("group-", i), CreatedAt: now}
		if err := store.CreateGroup(ctx, g); err != nil {
			b.Fatal(err)
		}
		if err := store.CreateGroupMember(ctx, &sg.GroupMember{AccountID: acct, Namespace: sg.DefaultNamespace, GroupName: g.Name, MemberName: member.UserName, CreatedAt: now}); err != nil {
			b.Fatal(err)
		}
	}
	perms = append(perms, sg.ResourcePermission{Principal: sg.GroupARN(a.Region, acct, sg.DefaultNamespace, "g4"), Actions: []string{"quicksight:DescribeDashboard"}})
	if err := store.CreateDashboard(ctx, &sg.Dashboard{AccountID: acct, ID: "d", Name: "D", Permissions: perms, CreatedAt: now, UpdatedAt: now}); err != nil {
		b.Fatal(err)
	}
	open := func(b *testing.B, u *sg.User, before func()) {
		for b.Loop() {
			if before != nil {
				before()
			}
			if _, err := a.ConsoleDashboard(ctx, u, "d"); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("before-groups", func(b *testing.B) {
		// The check before groups: the store read and the user's ARN.
		for b.Loop() {
			d, err := store.FindDashboard(ctx, acct, "d")
			if err != nil {
				b.Fatal(err)
			}
			arn := a.UserARN(direct)
			if !slices.ContainsFunc(d.Permissions, func(p sg.ResourcePermission) bool { return p.Principal == arn }) {
				b.Fatal("not shared")
			}
		}
	})
	b.Run("user-grant", func(b *testing.B) { open(b, direct, nil) })
	// The check alone, on permissions already read.
	b.Run("check-before-groups", func(b *testing.B) {
		for b.Loop() {
			arn := a.UserARN(member)
			if slices.ContainsFunc(perms, func(p sg.ResourcePermission) bool { return p.Principal == arn }) {
				b.Fatal("shared")
			}
		}
	})
	b.Run("check-groups", func(b *testing.B) {
		for b.Loop() {
			visible, err := a.visibility(ctx, member)
			if err != nil || !visible(perms) {
				b.Fatal("not shared", err)
			}
		}
	})
	b.Run("group-grant", func(b *testing.B) { open(b, member, nil) })
	b.Run("group-grant-uncached", func(b *testing.B) { open(b, member, a.clearGroups) })
}
