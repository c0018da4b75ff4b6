package postgres_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/postgres"
)

// TestMigrationCopiesTags: migration 0035 copies the tags that earlier
// versions kept in each resource's tags column into resource_tags. The
// test undoes 0035 on a store holding tagged resources and opens it again.
func TestMigrationCopiesTags(t *testing.T) {
	ctx := context.Background()
	dsn := newDatabase(t)
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tags := []sg.Tag{{Key: "team", Value: "bi"}, {Key: "env", Value: ""}}
	must(s.CreateAnalysis(ctx, &sg.Analysis{AccountID: "111122223333", ID: "a", Name: "A", Tags: tags, CreatedAt: now, UpdatedAt: now}))
	must(s.CreateAnalysis(ctx, &sg.Analysis{AccountID: "111122223333", ID: "untagged", Name: "B", CreatedAt: now, UpdatedAt: now}))
	must(s.CreateUser(ctx, &sg.User{AccountID: "111122223333", Namespace: "default", UserName: "u/x", Email: "u@example.com", Role: sg.RoleReader,
		IdentityType: sg.IdentityQuickSight, Active: true, PrincipalID: "p1", Tags: tags, CreatedAt: now, UpdatedAt: now}))
	must(s.Close())

	conn, err := pgx.Connect(ctx, dsn)
	must(err)
	_, err = conn.Exec(ctx, `DROP TABLE resource_tags, user_passwords;
		DROP FUNCTION sg_json_tags CASCADE;
		DROP FUNCTION analyses_tags_insert, analyses_tags_delete, dashboards_tags_insert, dashboards_tags_delete,
			data_sets_tags_insert, data_sets_tags_delete, data_sources_tags_insert, data_sources_tags_delete,
			custom_permissions_tags_insert, custom_permissions_tags_delete, users_tags_insert, users_tags_delete CASCADE;
		DELETE FROM schema_migrations WHERE version = 35`)
	must(err)
	must(conn.Close(ctx))

	s, err = postgres.Open(ctx, dsn)
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
