package storetest

import (
	"context"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// contentKind runs one test against dashboards or analyses. The tests
// speak of *sg.Dashboard and the analysis methods convert the fields the
// two share (content_definition.go tests the others).
type contentKind struct {
	name   string // Dashboard or Analysis, for messages
	kind   string // sg.FavoriteDashboard or sg.FavoriteAnalysis
	create func(ctx context.Context, d *sg.Dashboard) error
	find   func(ctx context.Context, accountID, id string) (*sg.Dashboard, error)
	list   func(ctx context.Context, accountID string, p sg.Page) ([]*sg.Dashboard, bool, error)
	delete func(ctx context.Context, accountID, id string) error
}

func contentKinds(s sg.Store) []contentKind {
	return []contentKind{
		{
			name:   "Dashboard",
			kind:   sg.FavoriteDashboard,
			create: func(ctx context.Context, d *sg.Dashboard) error { return s.CreateDashboard(ctx, d) },
			find:   s.FindDashboard,
			list:   s.ListDashboards,
			delete: s.DeleteDashboard,
		},
		{
			name: "Analysis",
			kind: sg.FavoriteAnalysis,
			create: func(ctx context.Context, d *sg.Dashboard) error {
				return s.CreateAnalysis(ctx, asAnalysis(d))
			},
			find: func(ctx context.Context, accountID, id string) (*sg.Dashboard, error) {
				a, err := s.FindAnalysis(ctx, accountID, id)
				if a == nil {
					return nil, err
				}
				return asDashboard(a), err
			},
			list: func(ctx context.Context, accountID string, p sg.Page) ([]*sg.Dashboard, bool, error) {
				list, more, err := s.ListAnalyses(ctx, accountID, p)
				if list == nil {
					return nil, more, err
				}
				out := make([]*sg.Dashboard, len(list))
				for i, a := range list {
					out[i] = asDashboard(a)
				}
				return out, more, err
			},
			delete: s.DeleteAnalysis,
		},
	}
}

// asAnalysis returns the analysis with the fields d shares with analyses.
func asAnalysis(d *sg.Dashboard) *sg.Analysis {
	return &sg.Analysis{AccountID: d.AccountID, ID: d.ID, Name: d.Name, Permissions: d.Permissions,
		Tags: d.Tags, Revision: d.Revision, CreatedAt: d.CreatedAt, UpdatedAt: d.UpdatedAt}
}

// asDashboard is the inverse of asAnalysis.
func asDashboard(a *sg.Analysis) *sg.Dashboard {
	return &sg.Dashboard{AccountID: a.AccountID, ID: a.ID, Name: a.Name, Permissions: a.Permissions,
		Tags: a.Tags, Revision: a.Revision, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt}
}

// newContent returns a dashboard (or, converted, an analysis) with every
// field set.
func newContent(accountID, id string) *sg.Dashboard {
	return &sg.Dashboard{
		AccountID: accountID,
		ID:        id,
		Name:      "Sales — " + id,
		Permissions: []sg.ResourcePermission{
			{
				Principal: sg.UserARN("us-east-1", accountID, sg.DefaultNamespace, "alice"),
				Actions:   []string{"quicksight:DescribeDashboard", "quicksight:QueryDashboard"},
			},
			{Principal: "arn:aws:quicksight:us-east-1:" + accountID + ":group/default/readers", Actions: []string{}},
			{Principal: "arn:aws:quicksight:us-east-1:" + accountID + ":group/default/none"},
		},
		CreatedAt: at(50 * time.Minute),
		UpdatedAt: at(70 * time.Minute),
	}
}

func storedContent(d *sg.Dashboard) *sg.Dashboard {
	w := *d
	w.CreatedAt, w.UpdatedAt = ms(d.CreatedAt), ms(d.UpdatedAt)
	return &w
}

func testContent(t *testing.T, s sg.Store) {
	for _, k := range contentKinds(s) {
		t.Run(k.name, func(t *testing.T) { testContentKind(t, s, k) })
	}

	t.Run("SameIDs", func(t *testing.T) {
		// A dashboard and an analysis may share an id; deleting one
		// leaves the other and its favorites.
		ctx := t.Context()
		acct := newAccountID()
		d := newContent(acct, "shared")
		a := asAnalysis(newContent(acct, "shared"))
		a.Name = "the analysis"
		must(t, "CreateDashboard", s.CreateDashboard(ctx, d))
		must(t, "CreateAnalysis", s.CreateAnalysis(ctx, a))
		fa := &sg.Favorite{AccountID: acct, PrincipalID: "p-alice", Kind: sg.FavoriteAnalysis, ResourceID: "shared", CreatedAt: at(0)}
		must(t, "PutFavorite", s.PutFavorite(ctx, fa))
		must(t, "PutFavorite", s.PutFavorite(ctx, &sg.Favorite{AccountID: acct, PrincipalID: "p-alice", Kind: sg.FavoriteDashboard, ResourceID: "shared", CreatedAt: at(0)}))
		must(t, "DeleteDashboard", s.DeleteDashboard(ctx, acct, "shared"))
		got, err := s.FindAnalysis(ctx, acct, "shared")
		must(t, "FindAnalysis", err)
		same(t, "FindAnalysis", got, storedAnalysis(a))
		favs, err := s.ListFavorites(ctx, acct, "p-alice")
		must(t, "ListFavorites", err)
		same(t, "ListFavorites", favs, []*sg.Favorite{storedFavorite(fa)})
	})
}

func testContentKind(t *testing.T, s sg.Store, k contentKind) {
	ctx := t.Context()

	t.Run("RoundTrip", func(t *testing.T) {
		acct := newAccountID()
		full := newContent(acct, "full")
		// A time in another zone reads back as the same instant in UTC.
		full.UpdatedAt = full.UpdatedAt.In(time.FixedZone("UTC+05:30", 5*3600+1800))
		// Nil permissions stay nil; empty ones stay empty.
		zero := &sg.Dashboard{AccountID: acct, ID: "zero"}
		empty := &sg.Dashboard{AccountID: acct, ID: "empty", Permissions: []sg.ResourcePermission{}}
		for _, d := range []*sg.Dashboard{full, zero, empty} {
			must(t, "Create"+k.name+" "+d.ID, k.create(ctx, d))
			got, err := k.find(ctx, acct, d.ID)
			must(t, "Find"+k.name+" "+d.ID, err)
			same(t, "Find"+k.name+" "+d.ID, got, storedContent(d))
		}
	})

	t.Run("Exists", func(t *testing.T) {
		acct := newAccountID()
		d := newContent(acct, "sales")
		must(t, "Create"+k.name, k.create(ctx, d))
		e := newContent(acct, "sales")
		e.Name, e.Permissions = "other", nil
		wantCode(t, "Create"+k.name+" again", k.create(ctx, e), sg.EEXISTS)
		must(t, "Create"+k.name+" other account", k.create(ctx, newContent(newAccountID(), "sales")))
		must(t, "Create"+k.name+" other case", k.create(ctx, newContent(acct, "Sales")))
		got, err := k.find(ctx, acct, "sales")
		must(t, "Find"+k.name, err)
		same(t, "Find"+k.name+" after refused create", got, storedContent(d))
	})

	t.Run("NotFound", func(t *testing.T) {
		acct := newAccountID()
		must(t, "Create"+k.name, k.create(ctx, newContent(acct, "a")))
		_, err := k.find(ctx, acct, "b")
		wantCode(t, "Find"+k.name, err, sg.ENOTFOUND)
		_, err = k.find(ctx, acct, "A")
		wantCode(t, "Find"+k.name+" other case", err, sg.ENOTFOUND)
		_, err = k.find(ctx, newAccountID(), "a")
		wantCode(t, "Find"+k.name+" other account", err, sg.ENOTFOUND)
		wantCode(t, "Delete"+k.name, k.delete(ctx, acct, "b"), sg.ENOTFOUND)
		wantCode(t, "Delete"+k.name+" other account", k.delete(ctx, newAccountID(), "a"), sg.ENOTFOUND)
	})

	t.Run("Delete", func(t *testing.T) {
		acct := newAccountID()
		d, e := newContent(acct, "d"), newContent(acct, "e")
		must(t, "Create"+k.name, k.create(ctx, d))
		must(t, "Create"+k.name, k.create(ctx, e))
		must(t, "Delete"+k.name, k.delete(ctx, acct, "d"))
		_, err := k.find(ctx, acct, "d")
		wantCode(t, "Find"+k.name+" after delete", err, sg.ENOTFOUND)
		wantCode(t, "Delete"+k.name+" again", k.delete(ctx, acct, "d"), sg.ENOTFOUND)
		got, err := k.find(ctx, acct, "e")
		must(t, "Find"+k.name+" of another", err)
		same(t, "Find"+k.name+" of another", got, storedContent(e))
		// A deleted id is free again.
		must(t, "Create"+k.name+" again", k.create(ctx, d))
	})

	t.Run("DeleteFavorites", func(t *testing.T) {
		acct, otherAcct := newAccountID(), newAccountID()
		must(t, "Create"+k.name, k.create(ctx, newContent(acct, "sales")))
		must(t, "Create"+k.name, k.create(ctx, newContent(acct, "ops")))
		must(t, "Create"+k.name, k.create(ctx, newContent(otherAcct, "sales")))
		fav := func(acct, principal, kind, id string, created time.Duration) *sg.Favorite {
			return &sg.Favorite{AccountID: acct, PrincipalID: principal, Kind: kind, ResourceID: id, CreatedAt: at(created)}
		}
		other := sg.FavoriteAnalysis
		if k.kind == other {
			other = sg.FavoriteDashboard
		}
		gone := []*sg.Favorite{fav(acct, "p-alice", k.kind, "sales", 0), fav(acct, "p-bob", k.kind, "sales", 0)}
		kept := []*sg.Favorite{
			fav(acct, "p-alice", k.kind, "ops", 3*time.Minute),
			fav(acct, "p-alice", k.kind, "Sales", 2*time.Minute),
			fav(acct, "p-alice", other, "sales", time.Minute), // the other kind's resource of that id
			fav(otherAcct, "p-alice", k.kind, "sales", 0),
		}
		for _, f := range append(append([]*sg.Favorite{}, gone...), kept...) {
			must(t, "PutFavorite", s.PutFavorite(ctx, f))
		}
		must(t, "Delete"+k.name, k.delete(ctx, acct, "sales"))
		wantFavorites(t, s, acct, "p-bob", nil)
		wantFavorites(t, s, acct, "p-alice", kept[:3])
		wantFavorites(t, s, otherAcct, "p-alice", kept[3:])

		// A failed delete changes nothing, not even favorites naming a
		// resource that does not exist.
		orphan := fav(acct, "p-carol", k.kind, "missing", 0)
		must(t, "PutFavorite", s.PutFavorite(ctx, orphan))
		wantCode(t, "Delete"+k.name+" of a missing id", k.delete(ctx, acct, "missing"), sg.ENOTFOUND)
		wantFavorites(t, s, acct, "p-carol", []*sg.Favorite{orphan})
	})
}
