package sqlite_test

import (
	"database/sql"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlite"
)

// TestMigrationCopiesTags: migration 0035 copies the tags that earlier
// versions kept in each resource's tags column into resource_tags. The
// test undoes 0035 on a store holding tagged resources and opens it again.
func TestMigrationCopiesTags(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "sightglass.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tags := []sg.Tag{{Key: "team", Value: "bi"}, {Key: "env", Value: ""}}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.CreateAnalysis(ctx, &sg.Analysis{AccountID: "111122223333", ID: "a", Name: "A", Tags: tags, CreatedAt: now, UpdatedAt: now}))
	must(s.CreateAnalysis(ctx, &sg.Analysis{AccountID: "111122223333", ID: "untagged", Name: "B", CreatedAt: now, UpdatedAt: now}))
	must(s.CreateUser(ctx, &sg.User{AccountID: "111122223333", Namespace: "default", UserName: "u/x", Email: "u@example.com", Role: sg.RoleReader,
		IdentityType: sg.IdentityQuickSight, Active: true, PrincipalID: "p1", Tags: tags, CreatedAt: now, UpdatedAt: now}))
	must(s.Close())

	db, err := sql.Open("sqlite", path)
	must(err)
	for _, q := range []string{
		`DROP TABLE resource_tags`, `DROP TABLE user_passwords`,
		`DELETE FROM schema_migrations WHERE version = 35`,
	} {
		_, err := db.ExecContext(ctx, q)
		must(err)
	}
	rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%\_tags\_%' ESCAPE '\'`)
	must(err)
	var triggers []string
	for rows.Next() {
		var n string
		must(rows.Scan(&n))
		triggers = append(triggers, n)
	}
	must(rows.Err())
	for _, n := range triggers {
		_, err := db.ExecContext(ctx, `DROP TRIGGER `+n)
		must(err)
	}
	must(db.Close())

	s, err = sqlite.Open(ctx, path)
	must(err)
	defer s.Close()
	want := []sg.Tag{{Key: "env", Value: ""}, {Key: "team", Value: "bi"}}
	for r, w := range map[string][]sg.Tag{"analysis/a": want, "analysis/untagged": {}, "user/default/u/x": want} {
		got, err := s.ListTags(ctx, "111122223333", r)
		must(err)
		if !reflect.DeepEqual(got, w) {
			t.Errorf("ListTags(%s) after the migration = %v, want %v", r, got, w)
		}
	}
}
