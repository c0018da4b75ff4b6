package source_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/source"
)

// TestSessionsAreUTC: PostgreSQL and MariaDB sessions read datetimes in
// UTC, as QuickSight does, whatever the server's or the role's default
// time zone: a timestamptz at 23:30 UTC on a leap day truncates to that
// day, not to the next one in Tokyo.
func TestSessionsAreUTC(t *testing.T) {
	ctx := context.Background()
	t.Run("postgres", func(t *testing.T) {
		e := postgresEngine(t)
		// A role whose default zone is Tokyo.
		role := fmt.Sprintf("sg_tz_%d", time.Now().UnixNano())
		for _, stmt := range []string{
			"CREATE ROLE " + role + " LOGIN PASSWORD 'zone-test'",
			"ALTER ROLE " + role + " SET timezone = 'Asia/Tokyo'",
		} {
			if _, err := e.admin.Exec(stmt); err != nil {
				t.Fatal(err)
			}
		}
		pool := source.NewPool(source.Options{QueryTimeout: time.Minute})
		t.Cleanup(func() {
			pool.Close()
			e.admin.Exec("DROP ROLE IF EXISTS " + role)
		})
		p := e.params
		p.User, p.Password = role, "zone-test"
		res, err := pool.Query(ctx, "tz", p, "SELECT current_setting('TimeZone'), to_char(date_trunc('day', TIMESTAMPTZ '2024-02-29 23:30:00+00'), 'YYYY-MM-DD')", nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(res.Rows); got != "[[UTC 2024-02-29]]" {
			t.Errorf("session zone and truncated day = %s, want [[UTC 2024-02-29]]", got)
		}
	})
	t.Run("mariadb", func(t *testing.T) {
		e := mysqlEngine(t)
		pool := source.NewPool(source.Options{QueryTimeout: time.Minute})
		t.Cleanup(func() { pool.Close() })
		res, err := pool.Query(ctx, "tz", e.params, "SELECT @@session.time_zone, DATE_FORMAT(FROM_UNIXTIME(1709249400), '%Y-%m-%d %H:%i')", nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(res.Rows); got != "[[+00:00 2024-02-29 23:30]]" {
			t.Errorf("session zone and 1709249400 = %s, want [[+00:00 2024-02-29 23:30]]", got)
		}
	})
}
