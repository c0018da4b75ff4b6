package storetest

import (
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

func storedFavorite(f *sg.Favorite) *sg.Favorite {
	w := *f
	w.CreatedAt = ms(f.CreatedAt)
	return &w
}

// wantFavorites fails t unless the user's favorites are want (as stored),
// in that order. A nil want means none.
func wantFavorites(t *testing.T, s sg.Store, accountID, principalID string, want []*sg.Favorite) {
	t.Helper()
	got, err := s.ListFavorites(t.Context(), accountID, principalID)
	must(t, "ListFavorites", err)
	stored := []*sg.Favorite{}
	for _, f := range want {
		stored = append(stored, storedFavorite(f))
	}
	same(t, "ListFavorites of "+principalID, got, stored)
}

func testFavorite(t *testing.T, s sg.Store) {
	ctx := t.Context()

	t.Run("ListOrder", func(t *testing.T) {
		acct := newAccountID()
		fav := func(kind, id string, created time.Time) *sg.Favorite {
			return &sg.Favorite{AccountID: acct, PrincipalID: "p-alice", Kind: kind, ResourceID: id, CreatedAt: created}
		}
		oldest := fav(sg.FavoriteDashboard, "old", at(-time.Hour))
		newest := fav(sg.FavoriteAnalysis, "new", at(time.Hour).In(time.FixedZone("UTC+01:00", 3600)))
		// Created in the same millisecond: ordered by kind, then resource
		// id in byte order.
		tieDa := fav(sg.FavoriteDashboard, "a", at(0))
		tieDB := fav(sg.FavoriteDashboard, "B", at(0).Add(200*time.Microsecond))
		tieAz := fav(sg.FavoriteAnalysis, "z", at(0).Add(-100*time.Microsecond))
		tieDé := fav(sg.FavoriteDashboard, "é", at(0))
		for _, f := range []*sg.Favorite{tieDa, oldest, tieDé, newest, tieDB, tieAz} {
			must(t, "PutFavorite "+f.ResourceID, s.PutFavorite(ctx, f))
		}
		// Another principal and another account do not leak in.
		must(t, "PutFavorite", s.PutFavorite(ctx, &sg.Favorite{AccountID: acct, PrincipalID: "p-bob", Kind: sg.FavoriteDashboard, ResourceID: "a", CreatedAt: at(0)}))
		must(t, "PutFavorite", s.PutFavorite(ctx, &sg.Favorite{AccountID: newAccountID(), PrincipalID: "p-alice", Kind: sg.FavoriteDashboard, ResourceID: "a", CreatedAt: at(0)}))
		must(t, "PutFavorite", s.PutFavorite(ctx, &sg.Favorite{AccountID: acct, PrincipalID: "P-alice", Kind: sg.FavoriteDashboard, ResourceID: "a", CreatedAt: at(0)}))

		wantFavorites(t, s, acct, "p-alice", []*sg.Favorite{newest, tieAz, tieDB, tieDa, tieDé, oldest})
		got, err := s.ListFavorites(ctx, acct, "p-alice")
		must(t, "ListFavorites", err)
		if loc := got[0].CreatedAt.Location(); loc != time.UTC {
			t.Errorf("CreatedAt location %v, want UTC", loc)
		}
	})

	t.Run("Empty", func(t *testing.T) {
		got, err := s.ListFavorites(ctx, newAccountID(), "p-nobody")
		must(t, "ListFavorites", err)
		if got == nil || len(got) != 0 {
			t.Errorf("ListFavorites of nobody = %#v, want empty non-nil", got)
		}
	})

	t.Run("PutIdempotent", func(t *testing.T) {
		acct := newAccountID()
		f := &sg.Favorite{AccountID: acct, PrincipalID: "p-alice", Kind: sg.FavoriteDashboard, ResourceID: "sales", CreatedAt: at(0)}
		g := &sg.Favorite{AccountID: acct, PrincipalID: "p-alice", Kind: sg.FavoriteAnalysis, ResourceID: "draft", CreatedAt: at(time.Minute)}
		must(t, "PutFavorite", s.PutFavorite(ctx, f))
		must(t, "PutFavorite", s.PutFavorite(ctx, g))
		must(t, "PutFavorite again", s.PutFavorite(ctx, f))
		wantFavorites(t, s, acct, "p-alice", []*sg.Favorite{g, f})
		// Marking it again later keeps the first mark: it does not move
		// to the top.
		later := *f
		later.CreatedAt = at(time.Hour)
		must(t, "PutFavorite later", s.PutFavorite(ctx, &later))
		wantFavorites(t, s, acct, "p-alice", []*sg.Favorite{g, f})
	})

	t.Run("DeleteIdempotent", func(t *testing.T) {
		acct := newAccountID()
		f := &sg.Favorite{AccountID: acct, PrincipalID: "p-alice", Kind: sg.FavoriteDashboard, ResourceID: "sales", CreatedAt: at(0)}
		keep := []*sg.Favorite{
			{AccountID: acct, PrincipalID: "p-alice", Kind: sg.FavoriteAnalysis, ResourceID: "sales", CreatedAt: at(time.Minute)},
			{AccountID: acct, PrincipalID: "p-alice", Kind: sg.FavoriteDashboard, ResourceID: "Sales", CreatedAt: at(-time.Minute)},
		}
		bob := &sg.Favorite{AccountID: acct, PrincipalID: "p-bob", Kind: sg.FavoriteDashboard, ResourceID: "sales", CreatedAt: at(0)}
		for _, g := range append([]*sg.Favorite{f, bob}, keep...) {
			must(t, "PutFavorite", s.PutFavorite(ctx, g))
		}
		must(t, "DeleteFavorite", s.DeleteFavorite(ctx, acct, "p-alice", sg.FavoriteDashboard, "sales"))
		wantFavorites(t, s, acct, "p-alice", keep)
		wantFavorites(t, s, acct, "p-bob", []*sg.Favorite{bob})
		must(t, "DeleteFavorite again", s.DeleteFavorite(ctx, acct, "p-alice", sg.FavoriteDashboard, "sales"))
		must(t, "DeleteFavorite never marked", s.DeleteFavorite(ctx, newAccountID(), "p-nobody", sg.FavoriteAnalysis, "x"))
		wantFavorites(t, s, acct, "p-alice", keep)
		// An unmarked favorite may be marked again.
		must(t, "PutFavorite again", s.PutFavorite(ctx, f))
		wantFavorites(t, s, acct, "p-alice", []*sg.Favorite{keep[0], f, keep[1]})
	})
}
