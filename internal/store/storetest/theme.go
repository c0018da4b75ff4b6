package storetest

import (
	"encoding/json"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

func newTheme(accountID, id string) (*sg.Theme, *sg.ThemeVersion) {
	t := &sg.Theme{
		AccountID:   accountID,
		ID:          id,
		Name:        "Theme " + id,
		Permissions: []sg.ResourcePermission{{Principal: "arn:aws:quicksight:us-east-1:" + accountID + ":user/default/ann", Actions: []string{"quicksight:DescribeTheme"}}},
		Tags:        []sg.Tag{{Key: "team", Value: "bi"}},
		CreatedAt:   at(10 * time.Minute),
		UpdatedAt:   at(10 * time.Minute),
	}
	v := &sg.ThemeVersion{
		AccountID:     accountID,
		ThemeID:       id,
		BaseThemeID:   "MIDNIGHT",
		Description:   "first",
		Configuration: json.RawMessage(`{"DataColorPalette":{"Colors":["#112233","#445566"]}}`),
		CreatedAt:     at(10 * time.Minute),
	}
	return t, v
}

func storedTheme(t *sg.Theme) *sg.Theme {
	w := *t
	w.CreatedAt, w.UpdatedAt = ms(t.CreatedAt), ms(t.UpdatedAt)
	return &w
}

func storedThemeVersion(v *sg.ThemeVersion) *sg.ThemeVersion {
	w := *v
	w.CreatedAt = ms(v.CreatedAt)
	return &w
}

func testThemes(t *testing.T, s sg.Store) {
	ctx := t.Context()

	t.Run("RoundTrip", func(t *testing.T) {
		acct := newAccountID()
		th, v := newTheme(acct, "dark")
		must(t, "CreateTheme", s.CreateTheme(ctx, th, v))
		if th.VersionNumber != 1 || v.VersionNumber != 1 {
			t.Fatalf("CreateTheme numbered %d/%d, want 1", th.VersionNumber, v.VersionNumber)
		}
		got, err := s.FindTheme(ctx, acct, "dark")
		must(t, "FindTheme", err)
		same(t, "FindTheme", got, storedTheme(th))
		gv, err := s.FindThemeVersion(ctx, acct, "dark", 1)
		must(t, "FindThemeVersion", err)
		same(t, "FindThemeVersion", gv, storedThemeVersion(v))
		tags, err := s.ListTags(ctx, acct, "theme/dark")
		must(t, "ListTags", err)
		same(t, "ListTags", tags, th.Tags)

		// No configuration stays nil.
		bare, bv := newTheme(acct, "bare")
		bare.Permissions, bare.Tags, bv.Configuration = nil, nil, nil
		must(t, "CreateTheme bare", s.CreateTheme(ctx, bare, bv))
		gv, err = s.FindThemeVersion(ctx, acct, "bare", 1)
		must(t, "FindThemeVersion bare", err)
		same(t, "FindThemeVersion bare", gv, storedThemeVersion(bv))
	})

	t.Run("Exists", func(t *testing.T) {
		acct := newAccountID()
		th, v := newTheme(acct, "dark")
		must(t, "CreateTheme", s.CreateTheme(ctx, th, v))
		again, av := newTheme(acct, "dark")
		again.Name = "other"
		wantCode(t, "CreateTheme again", s.CreateTheme(ctx, again, av), sg.EEXISTS)
		got, err := s.FindTheme(ctx, acct, "dark")
		must(t, "FindTheme", err)
		same(t, "FindTheme after refused create", got, storedTheme(th))
		o, ov := newTheme(newAccountID(), "dark")
		must(t, "CreateTheme other account", s.CreateTheme(ctx, o, ov))
	})

	t.Run("Versions", func(t *testing.T) {
		acct := newAccountID()
		th, v1 := newTheme(acct, "dark")
		must(t, "CreateTheme", s.CreateTheme(ctx, th, v1))
		th.Name, th.UpdatedAt = "Renamed", at(20*time.Minute)
		v2 := &sg.ThemeVersion{AccountID: acct, ThemeID: "dark", BaseThemeID: "CLASSIC", Description: "second",
			Configuration: json.RawMessage(`{"Typography":{"FontFamilies":[{"FontFamily":"Georgia"}]}}`), CreatedAt: at(20 * time.Minute)}
		must(t, "UpdateTheme v2", s.UpdateTheme(ctx, th, v2))
		if th.VersionNumber != 2 || v2.VersionNumber != 2 {
			t.Fatalf("UpdateTheme numbered %d/%d, want 2", th.VersionNumber, v2.VersionNumber)
		}
		// A permissions change adds no version.
		th.Permissions = nil
		must(t, "UpdateTheme permissions", s.UpdateTheme(ctx, th, nil))
		if th.VersionNumber != 2 {
			t.Fatalf("UpdateTheme without version: %d, want 2", th.VersionNumber)
		}
		got, err := s.FindTheme(ctx, acct, "dark")
		must(t, "FindTheme", err)
		same(t, "FindTheme", got, storedTheme(th))
		list, more, err := s.ListThemeVersions(ctx, acct, "dark", 0, 1)
		must(t, "ListThemeVersions", err)
		same(t, "ListThemeVersions page 1", []any{list, more}, []any{[]*sg.ThemeVersion{storedThemeVersion(v1)}, true})
		list, more, err = s.ListThemeVersions(ctx, acct, "dark", 1, 1)
		must(t, "ListThemeVersions", err)
		same(t, "ListThemeVersions page 2", []any{list, more}, []any{[]*sg.ThemeVersion{storedThemeVersion(v2)}, false})
		_, err = s.FindThemeVersion(ctx, acct, "dark", 3)
		wantCode(t, "FindThemeVersion 3", err, sg.ENOTFOUND)
		_, _, err = s.ListThemeVersions(ctx, acct, "nope", 0, 0)
		wantCode(t, "ListThemeVersions missing", err, sg.ENOTFOUND)
		missing, mv := newTheme(acct, "nope")
		wantCode(t, "UpdateTheme missing", s.UpdateTheme(ctx, missing, mv), sg.ENOTFOUND)
		_, err = s.FindThemeVersion(ctx, acct, "nope", 1)
		wantCode(t, "FindThemeVersion after refused update", err, sg.ENOTFOUND)
	})

	t.Run("DeleteAndList", func(t *testing.T) {
		acct := newAccountID()
		for _, id := range []string{"c", "a", "b"} {
			th, v := newTheme(acct, id)
			must(t, "CreateTheme "+id, s.CreateTheme(ctx, th, v))
		}
		list, more, err := s.ListThemes(ctx, acct, sg.Page{Limit: 2})
		must(t, "ListThemes", err)
		if len(list) != 2 || !more || list[0].ID != "a" || list[1].ID != "b" {
			t.Fatalf("ListThemes page 1: %d themes, more %v", len(list), more)
		}
		list, more, err = s.ListThemes(ctx, acct, sg.Page{After: "b", Limit: 2})
		must(t, "ListThemes", err)
		if len(list) != 1 || more || list[0].ID != "c" {
			t.Fatalf("ListThemes page 2: %d themes, more %v", len(list), more)
		}
		must(t, "DeleteTheme", s.DeleteTheme(ctx, acct, "b"))
		wantCode(t, "DeleteTheme again", s.DeleteTheme(ctx, acct, "b"), sg.ENOTFOUND)
		_, err = s.FindTheme(ctx, acct, "b")
		wantCode(t, "FindTheme deleted", err, sg.ENOTFOUND)
		_, err = s.FindThemeVersion(ctx, acct, "b", 1)
		wantCode(t, "FindThemeVersion deleted", err, sg.ENOTFOUND)
		_, err = s.ListTags(ctx, acct, "theme/b")
		wantCode(t, "ListTags deleted", err, sg.ENOTFOUND)
		// A theme made again under the same id starts afresh.
		th, v := newTheme(acct, "b")
		th.Tags = nil
		must(t, "CreateTheme again", s.CreateTheme(ctx, th, v))
		tags, err := s.ListTags(ctx, acct, "theme/b")
		must(t, "ListTags recreated", err)
		if len(tags) != 0 {
			t.Fatalf("recreated theme has old tags %v", tags)
		}
	})
}

func testThemeAliases(t *testing.T, s sg.Store) {
	ctx := t.Context()
	acct := newAccountID()
	th, v := newTheme(acct, "dark")
	must(t, "CreateTheme", s.CreateTheme(ctx, th, v))
	prod := &sg.ThemeAlias{AccountID: acct, ThemeID: "dark", Name: "prod", VersionNumber: 1}
	must(t, "CreateThemeAlias", s.CreateThemeAlias(ctx, prod))
	wantCode(t, "CreateThemeAlias again", s.CreateThemeAlias(ctx, &sg.ThemeAlias{AccountID: acct, ThemeID: "dark", Name: "prod", VersionNumber: 2}), sg.EEXISTS)
	beta := &sg.ThemeAlias{AccountID: acct, ThemeID: "dark", Name: "beta", VersionNumber: 1}
	must(t, "CreateThemeAlias beta", s.CreateThemeAlias(ctx, beta))
	beta.VersionNumber = 2
	must(t, "UpdateThemeAlias", s.UpdateThemeAlias(ctx, beta))
	got, err := s.FindThemeAlias(ctx, acct, "dark", "beta")
	must(t, "FindThemeAlias", err)
	same(t, "FindThemeAlias", got, beta)
	list, err := s.ListThemeAliases(ctx, acct, "dark")
	must(t, "ListThemeAliases", err)
	same(t, "ListThemeAliases", list, []*sg.ThemeAlias{beta, prod})
	wantCode(t, "UpdateThemeAlias missing", s.UpdateThemeAlias(ctx, &sg.ThemeAlias{AccountID: acct, ThemeID: "dark", Name: "nope", VersionNumber: 1}), sg.ENOTFOUND)
	must(t, "DeleteThemeAlias", s.DeleteThemeAlias(ctx, acct, "dark", "beta"))
	wantCode(t, "DeleteThemeAlias again", s.DeleteThemeAlias(ctx, acct, "dark", "beta"), sg.ENOTFOUND)
	_, err = s.FindThemeAlias(ctx, acct, "dark", "beta")
	wantCode(t, "FindThemeAlias deleted", err, sg.ENOTFOUND)
	// Deleting the theme deletes its aliases.
	must(t, "DeleteTheme", s.DeleteTheme(ctx, acct, "dark"))
	list, err = s.ListThemeAliases(ctx, acct, "dark")
	must(t, "ListThemeAliases after DeleteTheme", err)
	same(t, "ListThemeAliases after DeleteTheme", list, []*sg.ThemeAlias{})
}
