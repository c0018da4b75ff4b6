package storetest

import (
	"encoding/json"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// definitionJSON is stored byte for byte: spacing, member order, number
// spelling and escapes stay as the client sent them.
const definitionJSON = `{"DataSetIdentifierDeclarations": [{"Identifier":"sales","DataSetArn":"arn:aws:quicksight:us-east-1:1:dataset/s"}],
  "Sheets":[{"SheetId":"s1","Name":"Übersicht \u00e9","Visuals":[{"SankeyDiagramVisual":{"VisualId":"v1"}}]}],"N":1.50e+2}`

func storedAnalysis(a *sg.Analysis) *sg.Analysis {
	w := *a
	w.CreatedAt, w.UpdatedAt = ms(a.CreatedAt), ms(a.UpdatedAt)
	if !a.DeleteAt.IsZero() {
		w.DeleteAt = ms(a.DeleteAt)
	}
	return &w
}

func fullAnalysis(accountID, id string) *sg.Analysis {
	return &sg.Analysis{
		AccountID:   accountID,
		ID:          id,
		Name:        "Analysis " + id,
		Permissions: []sg.ResourcePermission{{Principal: sg.UserARN("us-east-1", accountID, "default", "alice"), Actions: []string{"quicksight:DescribeAnalysis"}}},
		Tags:        []sg.Tag{{Key: "team", Value: "bi"}},
		Status:      sg.StatusCreationFailed,
		Errors: []sg.DefinitionError{
			{Type: "DATA_SET_NOT_FOUND", Message: "Dataset s does not exist.", ViolatedEntities: []string{"DataSetIdentifierDeclarations[0]"}},
			{Type: "COLUMN_TYPE_MISMATCH", Message: "x", ViolatedEntities: []string{}},
		},
		Definition: json.RawMessage(definitionJSON),
		ThemeARN:   "arn:aws:quicksight::aws:theme/MIDNIGHT",
		Revision:   3,
		CreatedAt:  at(time.Minute),
		UpdatedAt:  at(2 * time.Minute),
	}
}

func testAnalysisDefinition(t *testing.T, s sg.Store) {
	ctx := t.Context()

	t.Run("RoundTrip", func(t *testing.T) {
		acct := newAccountID()
		a := fullAnalysis(acct, "full")
		must(t, "CreateAnalysis", s.CreateAnalysis(ctx, a))
		got, err := s.FindAnalysis(ctx, acct, "full")
		must(t, "FindAnalysis", err)
		same(t, "FindAnalysis", got, storedAnalysis(a))
		if string(got.Definition) != definitionJSON {
			t.Fatalf("definition bytes changed:\n got %s\nwant %s", got.Definition, definitionJSON)
		}
		// A nil definition and nil errors stay nil.
		z := &sg.Analysis{AccountID: acct, ID: "zero"}
		must(t, "CreateAnalysis zero", s.CreateAnalysis(ctx, z))
		got, err = s.FindAnalysis(ctx, acct, "zero")
		must(t, "FindAnalysis zero", err)
		same(t, "FindAnalysis zero", got, storedAnalysis(z))
	})

	t.Run("ListHidesDeletedAndDefinitions", func(t *testing.T) {
		acct := newAccountID()
		a, b, c := fullAnalysis(acct, "a"), fullAnalysis(acct, "b"), fullAnalysis(acct, "c")
		b.DeleteAt = at(30 * 24 * time.Hour)
		for _, x := range []*sg.Analysis{a, b, c} {
			must(t, "CreateAnalysis", s.CreateAnalysis(ctx, x))
		}
		list, more, err := s.ListAnalyses(ctx, acct, sg.Page{Limit: 1})
		must(t, "ListAnalyses", err)
		wa := storedAnalysis(a)
		wa.Definition = nil
		same(t, "ListAnalyses page 1", list, []*sg.Analysis{wa})
		same(t, "more", more, true)
		list, more, err = s.ListAnalyses(ctx, acct, sg.Page{After: "a", Limit: 1})
		must(t, "ListAnalyses", err)
		wc := storedAnalysis(c)
		wc.Definition = nil
		same(t, "ListAnalyses page 2 skips the deleted", list, []*sg.Analysis{wc})
		same(t, "more", more, false)
		got, err := s.FindAnalysis(ctx, acct, "b")
		must(t, "FindAnalysis deleted", err)
		same(t, "FindAnalysis deleted", got, storedAnalysis(b))
	})

	t.Run("Update", func(t *testing.T) {
		acct := newAccountID()
		a := fullAnalysis(acct, "u")
		must(t, "CreateAnalysis", s.CreateAnalysis(ctx, a))
		u := *a
		u.Name, u.Status, u.Errors, u.Tags = "renamed", sg.StatusUpdateSuccessful, nil, nil
		u.Definition = json.RawMessage(`{"DataSetIdentifierDeclarations":[]}`)
		u.Permissions = []sg.ResourcePermission{}
		u.DeleteAt = at(7 * 24 * time.Hour)
		u.Revision = 4
		u.CreatedAt = at(time.Hour) // ignored
		u.UpdatedAt = at(3 * time.Minute)
		must(t, "UpdateAnalysis", s.UpdateAnalysis(ctx, &u, 3))
		got, err := s.FindAnalysis(ctx, acct, "u")
		must(t, "FindAnalysis", err)
		want := storedAnalysis(&u)
		want.CreatedAt = ms(a.CreatedAt)
		same(t, "after UpdateAnalysis", got, want)

		stale := u
		stale.Name = "stale"
		wantCode(t, "UpdateAnalysis at an old revision", s.UpdateAnalysis(ctx, &stale, 3), sg.ECONFLICT)
		missing := u
		missing.ID = "missing"
		wantCode(t, "UpdateAnalysis missing", s.UpdateAnalysis(ctx, &missing, 4), sg.ENOTFOUND)
		got, err = s.FindAnalysis(ctx, acct, "u")
		must(t, "FindAnalysis", err)
		same(t, "after refused updates", got, want)
	})

	t.Run("Purge", func(t *testing.T) {
		acct := newAccountID()
		due, later, live := fullAnalysis(acct, "due"), fullAnalysis(acct, "later"), fullAnalysis(acct, "live")
		due.DeleteAt, later.DeleteAt = at(time.Hour), at(time.Hour+time.Millisecond)
		for _, x := range []*sg.Analysis{due, later, live} {
			must(t, "CreateAnalysis", s.CreateAnalysis(ctx, x))
			must(t, "PutFavorite", s.PutFavorite(ctx, &sg.Favorite{AccountID: acct, PrincipalID: "p", Kind: sg.FavoriteAnalysis, ResourceID: x.ID, CreatedAt: at(0)}))
		}
		n, err := s.PurgeAnalyses(ctx, at(time.Hour))
		must(t, "PurgeAnalyses", err)
		if n < 1 {
			t.Fatalf("PurgeAnalyses purged %d, want at least 1", n) // other tests share the store
		}
		_, err = s.FindAnalysis(ctx, acct, "due")
		wantCode(t, "FindAnalysis purged", err, sg.ENOTFOUND)
		for _, id := range []string{"later", "live"} {
			_, err = s.FindAnalysis(ctx, acct, id)
			must(t, "FindAnalysis "+id, err)
		}
		favs, err := s.ListFavorites(ctx, acct, "p")
		must(t, "ListFavorites", err)
		if len(favs) != 2 {
			t.Fatalf("favorites after purge: %d, want 2", len(favs))
		}
	})
}

func newVersion(def string) *sg.DashboardVersion {
	return &sg.DashboardVersion{
		Status:          sg.StatusCreationInProgress,
		Errors:          []sg.DefinitionError{{Type: "INTERNAL_FAILURE", Message: "m", ViolatedEntities: nil}},
		Definition:      json.RawMessage(def),
		Description:     "first",
		SourceEntityARN: "arn:aws:quicksight:us-east-1:1:analysis/a",
		ThemeARN:        "arn:aws:quicksight::aws:theme/CLASSIC",
		PublishOptions:  json.RawMessage(`{"AdHocFilteringOption":{"AvailabilityStatus":"DISABLED"}}`),
		CreatedAt:       at(time.Second),
	}
}

func storedVersion(v *sg.DashboardVersion, withDefinition bool) *sg.DashboardVersion {
	w := *v
	w.CreatedAt = ms(v.CreatedAt)
	if !withDefinition {
		w.Definition = nil
	}
	return &w
}

func testDashboardVersions(t *testing.T, s sg.Store) {
	ctx := t.Context()

	t.Run("CreateWithVersions", func(t *testing.T) {
		acct := newAccountID()
		d := newContent(acct, "d")
		d.Tags = []sg.Tag{{Key: "k", Value: "v"}}
		d.LinkEntities = []string{"arn:aws:quicksight:us-east-1:" + acct + ":analysis/a"}
		d.PublishedVersion, d.LastPublishedAt, d.Revision = 1, at(time.Minute), 1
		v1 := newVersion(definitionJSON)
		must(t, "CreateDashboard", s.CreateDashboard(ctx, d, v1))
		if d.LatestVersion != 1 || v1.Number != 1 || v1.AccountID != acct || v1.DashboardID != "d" {
			t.Fatalf("numbering: LatestVersion %d, v1 %d %s/%s", d.LatestVersion, v1.Number, v1.AccountID, v1.DashboardID)
		}
		got, err := s.FindDashboard(ctx, acct, "d")
		must(t, "FindDashboard", err)
		want := storedContent(d)
		want.LastPublishedAt = ms(d.LastPublishedAt)
		same(t, "FindDashboard", got, want)
		gv, err := s.FindDashboardVersion(ctx, acct, "d", 1)
		must(t, "FindDashboardVersion", err)
		same(t, "FindDashboardVersion", gv, storedVersion(v1, true))
		if string(gv.Definition) != definitionJSON {
			t.Fatalf("definition bytes changed: %s", gv.Definition)
		}

		// A refused create adds no versions.
		again := newContent(acct, "d")
		wantCode(t, "CreateDashboard again", s.CreateDashboard(ctx, again, newVersion(`{}`), newVersion(`{}`)), sg.EEXISTS)
		list, err := s.ListDashboardVersions(ctx, acct, "d")
		must(t, "ListDashboardVersions", err)
		same(t, "versions after refused create", list, []*sg.DashboardVersion{storedVersion(v1, false)})
	})

	t.Run("AddListSetDelete", func(t *testing.T) {
		acct := newAccountID()
		d := newContent(acct, "d")
		must(t, "CreateDashboard", s.CreateDashboard(ctx, d))
		list, err := s.ListDashboardVersions(ctx, acct, "d")
		must(t, "ListDashboardVersions", err)
		same(t, "no versions", list, []*sg.DashboardVersion{})
		var vs []*sg.DashboardVersion
		for i := range 3 {
			v := newVersion(`{"n":` + string(rune('1'+i)) + `}`)
			v.AccountID, v.DashboardID = acct, "d"
			must(t, "AddDashboardVersion", s.AddDashboardVersion(ctx, v))
			if v.Number != int64(i+1) {
				t.Fatalf("version number %d, want %d", v.Number, i+1)
			}
			vs = append(vs, v)
		}
		got, err := s.FindDashboard(ctx, acct, "d")
		must(t, "FindDashboard", err)
		same(t, "LatestVersion", got.LatestVersion, int64(3))

		must(t, "SetDashboardVersionStatus", s.SetDashboardVersionStatus(ctx, acct, "d", 2, sg.StatusCreationSuccessful, nil))
		vs[1].Status, vs[1].Errors = sg.StatusCreationSuccessful, nil
		wantCode(t, "SetDashboardVersionStatus missing", s.SetDashboardVersionStatus(ctx, acct, "d", 9, sg.StatusCreationFailed, nil), sg.ENOTFOUND)

		must(t, "DeleteDashboardVersion", s.DeleteDashboardVersion(ctx, acct, "d", 1))
		wantCode(t, "DeleteDashboardVersion again", s.DeleteDashboardVersion(ctx, acct, "d", 1), sg.ENOTFOUND)
		_, err = s.FindDashboardVersion(ctx, acct, "d", 1)
		wantCode(t, "FindDashboardVersion deleted", err, sg.ENOTFOUND)
		list, err = s.ListDashboardVersions(ctx, acct, "d")
		must(t, "ListDashboardVersions", err)
		same(t, "versions", list, []*sg.DashboardVersion{storedVersion(vs[1], false), storedVersion(vs[2], false)})

		// Numbers are never reused.
		v4 := newVersion(`{}`)
		v4.AccountID, v4.DashboardID = acct, "d"
		must(t, "AddDashboardVersion", s.AddDashboardVersion(ctx, v4))
		same(t, "number after a delete", v4.Number, int64(4))

		missing := newVersion(`{}`)
		missing.AccountID, missing.DashboardID = acct, "missing"
		wantCode(t, "AddDashboardVersion missing", s.AddDashboardVersion(ctx, missing), sg.ENOTFOUND)

		// Deleting the dashboard deletes its versions.
		must(t, "DeleteDashboard", s.DeleteDashboard(ctx, acct, "d"))
		must(t, "CreateDashboard again", s.CreateDashboard(ctx, newContent(acct, "d")))
		list, err = s.ListDashboardVersions(ctx, acct, "d")
		must(t, "ListDashboardVersions", err)
		same(t, "versions of a re-created dashboard", list, []*sg.DashboardVersion{})
	})

	t.Run("Update", func(t *testing.T) {
		acct := newAccountID()
		d := newContent(acct, "d")
		d.Revision = 1
		must(t, "CreateDashboard", s.CreateDashboard(ctx, d, newVersion(`{}`), newVersion(`{}`)))
		u := *d
		u.Name, u.Permissions, u.Tags = "renamed", nil, []sg.Tag{}
		u.PublishedVersion, u.LastPublishedAt, u.Revision = 2, at(time.Hour), 2
		u.UpdatedAt = at(time.Hour)
		must(t, "UpdateDashboard", s.UpdateDashboard(ctx, &u, 1))
		got, err := s.FindDashboard(ctx, acct, "d")
		must(t, "FindDashboard", err)
		want := storedContent(&u)
		want.LastPublishedAt = ms(u.LastPublishedAt)
		same(t, "after UpdateDashboard", got, want)
		wantCode(t, "UpdateDashboard stale", s.UpdateDashboard(ctx, &u, 1), sg.ECONFLICT)
		u.ID = "missing"
		wantCode(t, "UpdateDashboard missing", s.UpdateDashboard(ctx, &u, 2), sg.ENOTFOUND)
	})
}

func testUnfinished(t *testing.T, s sg.Store) {
	ctx := t.Context()
	acct := newAccountID()
	mk := func(id, status string) *sg.Analysis {
		a := fullAnalysis(acct, id)
		a.Status, a.Errors = status, nil
		must(t, "CreateAnalysis", s.CreateAnalysis(ctx, a))
		return a
	}
	creating, updating := mk("creating", sg.StatusCreationInProgress), mk("updating", sg.StatusUpdateInProgress)
	mk("done", sg.StatusCreationSuccessful)
	mk("failed", sg.StatusUpdateFailed)
	list, err := s.ListUnfinishedAnalyses(ctx)
	must(t, "ListUnfinishedAnalyses", err)
	var mine []*sg.Analysis
	for _, a := range list {
		if a.AccountID == acct {
			mine = append(mine, a)
		}
	}
	same(t, "ListUnfinishedAnalyses", mine, []*sg.Analysis{storedAnalysis(creating), storedAnalysis(updating)})

	d := newContent(acct, "d")
	v1, v2 := newVersion(definitionJSON), newVersion(`{"b":2}`)
	v2.Status = sg.StatusCreationSuccessful
	v3 := newVersion(`{"c":3}`)
	must(t, "CreateDashboard", s.CreateDashboard(ctx, d, v1, v2, v3))
	versions, err := s.ListUnfinishedDashboardVersions(ctx)
	must(t, "ListUnfinishedDashboardVersions", err)
	var mineV []*sg.DashboardVersion
	for _, v := range versions {
		if v.AccountID == acct {
			mineV = append(mineV, v)
		}
	}
	same(t, "ListUnfinishedDashboardVersions", mineV, []*sg.DashboardVersion{storedVersion(v1, true), storedVersion(v3, true)})
}
